package ma.essp.diag.reporting.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.database.repository.FindingRepository.Evidence;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * "Propose findings": draft weaknesses from the figures that cross a documented threshold
 * (docs/findings-thresholds.md). Nothing is written here: the team accepts, edits or discards each draft on the
 * board, and an accepted draft is saved through the one writer like any finding.
 *
 * <p>Thresholds today:
 * <ul>
 *   <li>({@link #propose}, one unit figure below a threshold, {@link #THRESHOLDS}) general service readiness index
 *       (ToR axis 5) below {@value #READINESS_BELOW}, {@code high} below {@value #HIGH_PRIORITY_BELOW}; complaints
 *       answered within the response deadline (axis 3) below {@value #COMPLAINTS_ANSWERED_BELOW} %, {@code high}
 *       below {@value #COMPLAINTS_HIGH_BELOW} %; reports received on time (axis 2) below {@value #ON_TIME_BELOW} %,
 *       {@code high} below {@value #ON_TIME_HIGH_BELOW} % → a weakness, {@code medium} above the high mark; a unit
 *       without a value (no ESSP assessed, no complaint whose answer is due, no on-time count recorded) proposes
 *       nothing; a unit and figure already cited by a live finding proposes nothing (no duplicate);</li>
 *   <li>(perpetrator care, ToR axis 6, {@link #proposeSites}) a site that reached implementation (its current stage
 *       launched or routine) with no trained staff still in post ({@code PerpetratorCareFigures.stillInPost}) → a
 *       weakness of priority {@code high}, scoped to the site's ESSP (else its province), its evidence the site's
 *       record; a site already cited by a live finding proposes nothing.</li>
 * </ul>
 */
public final class FindingProposals {

    /** A general readiness index below this is a weakness. */
    public static final double READINESS_BELOW = 50;
    /** ... of high priority below this. */
    public static final double HIGH_PRIORITY_BELOW = 35;
    /** SARA's axis in the ToR numbering. */
    public static final int READINESS_AXIS = 5;
    /** A share of complaints answered within the response deadline below this (%) is a weakness. */
    public static final double COMPLAINTS_ANSWERED_BELOW = 50;
    /** ... of high priority below this. */
    public static final double COMPLAINTS_HIGH_BELOW = 25;
    /** The complaint system's axis in the ToR numbering. */
    public static final int COMPLAINTS_AXIS = 3;
    /** An on-time reporting rate below this (%) is a weakness. */
    public static final double ON_TIME_BELOW = 80;
    /** ... of high priority below this. */
    public static final double ON_TIME_HIGH_BELOW = 50;
    /** The data flows' axis in the ToR numbering. */
    public static final int DATA_FLOWS_AXIS = 2;

    /** One documented threshold: a unit's figure below {@code below} is a weakness of the axis, high below {@code highBelow}. */
    public record Threshold(String figure, int axis, double below, double highBelow) {
    }

    /** The thresholds, in the order their drafts are listed (docs/findings-thresholds.md). */
    public static final List<Threshold> THRESHOLDS = List.of(
            new Threshold(ReadinessEvidence.GENERAL, READINESS_AXIS, READINESS_BELOW, HIGH_PRIORITY_BELOW),
            new Threshold(ReadinessEvidence.COMPLAINTS_ANSWERED, COMPLAINTS_AXIS, COMPLAINTS_ANSWERED_BELOW, COMPLAINTS_HIGH_BELOW),
            new Threshold(ReadinessEvidence.DATAFLOWS_ON_TIME, DATA_FLOWS_AXIS, ON_TIME_BELOW, ON_TIME_HIGH_BELOW));

    private FindingProposals() {
    }

    /** The perpetrator-care axis in the ToR numbering. */
    public static final int PERPETRATOR_CARE_AXIS = 6;

    /**
     * A proposed weakness: its axis, priority, scope (a unit) and the evidence link an accepted draft is written with.
     * The screen words its title and statement in the user's language.
     */
    public sealed interface Candidate permits Draft, SiteDraft {
        int axis();

        String priority();

        ReadinessEvidence.Unit unit();

        FindingRepository.EvidenceDraft evidence();

        default String kind() {
            return "weakness";
        }
    }

    /**
     * A unit's figure below its threshold: the unit, the figure and its value now, the threshold it crosses, the
     * priority, the axis, and for a share of another axis the counts behind it (null for a readiness index).
     */
    public record Draft(ReadinessEvidence.Unit unit, String figure, double value, double threshold, String priority,
                        int axis, ReadinessEvidence.Ratio ratio) implements Candidate {

        @Override
        public FindingRepository.EvidenceDraft evidence() {
            return FindingRepository.EvidenceDraft.figure(figure, unit.level().code(), unit.code(), value);
        }
    }

    /** A perpetrator-care site past implementation with {@code trained} staff trained and none of them still in post. */
    public record SiteDraft(ReadinessEvidence.Unit unit, PerpetratorCareData.Site site, int trained) implements Candidate {

        @Override
        public int axis() {
            return PERPETRATOR_CARE_AXIS;
        }

        @Override
        public String priority() {
            return "high";
        }

        @Override
        public FindingRepository.EvidenceDraft evidence() {
            return FindingRepository.EvidenceDraft.record(SITE_TABLE, site.id());
        }
    }

    /** The record table of a site. */
    static final String SITE_TABLE = "perpetrator_care_site";
    /** The stages that have reached implementation (EPIS implementation and sustainment). */
    static final java.util.Set<String> IMPLEMENTED = java.util.Set.of("launched", "routine");

    /**
     * The sites that reached implementation (current stage launched or routine) with no trained staff still in post,
     * in the data's order; a site already cited by a live finding is left out. The scope: the site's ESSP, else its
     * province (a unit of {@code readiness}); a site whose unit is not found is scoped to nothing and left out.
     */
    public static List<SiteDraft> proposeSites(PerpetratorCareData care, ReadinessEvidence readiness,
                                               List<FindingsFigures.FindingFigures> existing) {
        Set<Integer> cited = new HashSet<>();
        for (FindingsFigures.FindingFigures f : existing) {
            for (FindingsFigures.EvidenceFigure e : f.evidence()) {
                if ("record".equals(e.link().kind()) && SITE_TABLE.equals(e.link().recordTable())) {
                    cited.add(e.link().recordId());
                }
            }
        }
        List<SiteDraft> drafts = new ArrayList<>();
        for (PerpetratorCareData.Site site : care.sites()) {
            if (!IMPLEMENTED.contains(site.stage()) || cited.contains(site.id())) {
                continue;
            }
            PerpetratorCareFigures.StillInPost staff = PerpetratorCareFigures.stillInPost(care, site.id());
            if (staff.inPost() > 0) {
                continue;
            }
            Optional<ReadinessEvidence.Unit> unit = site.esspId() != null
                    ? readiness.units(AggregationLevel.ESSP).stream().filter(u -> site.esspId().equals(u.esspId())).findFirst()
                    : Optional.empty();
            if (unit.isEmpty()) {
                unit = readiness.units(AggregationLevel.PROVINCE).stream()
                        .filter(u -> Integer.valueOf(site.provinceId()).equals(u.provinceId())).findFirst();
            }
            unit.ifPresent(u -> drafts.add(new SiteDraft(u, site, staff.trained())));
        }
        return drafts;
    }

    /**
     * The drafts for every unit of {@code level}: for each threshold in {@link #THRESHOLDS} order (a figure not given
     * to {@code readiness} is skipped), the units below it, lowest value first, then by code.
     */
    public static List<Draft> propose(ReadinessEvidence readiness, List<FindingsFigures.FindingFigures> existing,
                                      AggregationLevel level) {
        Set<String> cited = new HashSet<>();
        for (FindingsFigures.FindingFigures f : existing) {
            for (FindingsFigures.EvidenceFigure e : f.evidence()) {
                Evidence link = e.link();
                if (link.isFigure()) {
                    cited.add(link.figure() + "|" + link.unitLevel() + "|" + link.unitCode());
                }
            }
        }
        List<String> given = readiness.figures();
        List<Draft> drafts = new ArrayList<>();
        for (Threshold t : THRESHOLDS) {
            if (!given.contains(t.figure())) {
                continue;
            }
            List<Draft> below = new ArrayList<>();
            for (ReadinessEvidence.Unit unit : readiness.units(level)) {
                if (cited.contains(t.figure() + "|" + level.code() + "|" + unit.code())) {
                    continue;
                }
                Optional<Double> value = readiness.value(t.figure(), level, unit.code());
                if (value.isPresent() && value.get() < t.below()) {
                    below.add(new Draft(unit, t.figure(), value.get(), t.below(), value.get() < t.highBelow() ? "high" : "medium",
                            t.axis(), readiness.ratio(t.figure(), level, unit.code()).orElse(null)));
                }
            }
            below.sort(Comparator.comparingDouble(Draft::value).thenComparing(d -> d.unit().code()));
            drafts.addAll(below);
        }
        return drafts;
    }
}
