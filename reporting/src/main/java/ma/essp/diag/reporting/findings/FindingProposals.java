package ma.essp.diag.reporting.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.essp.diag.database.repository.FindingRepository.Evidence;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * "Propose findings": draft weaknesses from the figures that cross a documented threshold
 * (docs/findings-thresholds.md). Nothing is written here: the team accepts, edits or discards each draft on the
 * board, and an accepted draft is saved through the one writer like any finding.
 *
 * <p>Thresholds today (readiness, ToR axis 5):
 * <ul>
 *   <li>general service readiness index of a unit below {@value #READINESS_BELOW} → a weakness, priority
 *       {@code high} below {@value #HIGH_PRIORITY_BELOW}, {@code medium} otherwise;</li>
 *   <li>a unit without any assessed ESSP (no value) proposes nothing;</li>
 *   <li>a unit and figure already cited by a live finding proposes nothing (no duplicate).</li>
 * </ul>
 */
public final class FindingProposals {

    /** A general readiness index below this is a weakness. */
    public static final double READINESS_BELOW = 50;
    /** ... of high priority below this. */
    public static final double HIGH_PRIORITY_BELOW = 35;
    /** SARA's axis in the ToR numbering. */
    public static final int READINESS_AXIS = 5;

    private FindingProposals() {
    }

    /**
     * A draft weakness: the unit, the figure and its value now, the threshold it crosses and the priority. The
     * screen words its title and statement in the user's language.
     */
    public record Draft(ReadinessEvidence.Unit unit, String figure, double value, double threshold, String priority) {

        public int axis() {
            return READINESS_AXIS;
        }

        public String kind() {
            return "weakness";
        }
    }

    /** The drafts for every unit of {@code level}, lowest value first. */
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
        List<Draft> drafts = new ArrayList<>();
        for (ReadinessEvidence.Unit unit : readiness.units(level)) {
            if (cited.contains(ReadinessEvidence.GENERAL + "|" + level.code() + "|" + unit.code())) {
                continue;
            }
            Optional<Double> value = readiness.value(ReadinessEvidence.GENERAL, level, unit.code());
            if (value.isPresent() && value.get() < READINESS_BELOW) {
                drafts.add(new Draft(unit, ReadinessEvidence.GENERAL, value.get(), READINESS_BELOW,
                        value.get() < HIGH_PRIORITY_BELOW ? "high" : "medium"));
            }
        }
        drafts.sort(Comparator.comparingDouble(Draft::value).thenComparing(d -> d.unit().code()));
        return drafts;
    }
}
