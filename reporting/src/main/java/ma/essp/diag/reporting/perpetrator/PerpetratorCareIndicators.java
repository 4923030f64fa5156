package ma.essp.diag.reporting.perpetrator;

import ma.essp.diag.database.code.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReportSourceData.PerpetratorSite;

/**
 * Perpetrator-care (psychiatric care of perpetrators of violence against women) rollout indicators: the one
 * definition that the report (workbook and PDF) and any screen or command use. The caller chooses the sites (a
 * scope).
 *
 * <p>The per-site figures are read as the mission records them ({@code ReportSourceRepository}):
 * <ul>
 * <li><b>Stage</b>: where the site is in the rollout, in the order of {@link #STAGES} (identified → preparation →
 * staff trained → launched → routine; suspended last); {@link #stageOrder} is that position.</li>
 * <li><b>Staff trained</b>: the site's staff with a training date.</li>
 * <li><b>Patients followed</b> and <b>new patients</b>: summed over the site's reporting periods.</li>
 * <li><b>Referrals</b> by source (justice, care unit…): summed over the periods; a site's referral total is the
 * sum over the sources ({@link #referrals}).</li>
 * </ul>
 * Over a set of sites, <b>sites by stage</b> counts the sites at each stage: every stage of {@link #STAGES} is listed,
 * with 0 when no site is at it, in rollout order; a stage outside the list follows them.
 */
public final class PerpetratorCareIndicators {

    /** The rollout stages in order (the stored vocabulary's order). */
    public static final List<String> STAGES = Vocabulary.CARE_STAGE.codes();

    private PerpetratorCareIndicators() {
    }

    /** The position of a stage in the rollout ({@link #STAGES}); -1 for a stage outside it. */
    public static int stageOrder(String stage) {
        return STAGES.indexOf(stage);
    }

    /** Stage code → number of the given sites at it: every stage in rollout order, unknown stages after. */
    public static Map<String, Integer> sitesByStage(List<PerpetratorSite> sites) {
        Map<String, Integer> byStage = new LinkedHashMap<>();
        STAGES.forEach(s -> byStage.put(s, 0));
        sites.forEach(s -> byStage.merge(s.stage(), 1, Integer::sum));
        return byStage;
    }

    /** All the referrals of a site, every source together. */
    public static long referrals(PerpetratorSite site) {
        return site.referralsBySource().values().stream().mapToLong(Long::longValue).sum();
    }
}
