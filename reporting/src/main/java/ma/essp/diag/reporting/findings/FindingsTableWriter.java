package ma.essp.diag.reporting.findings;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import ma.essp.diag.database.repository.FindingRepository.Evidence;
import ma.essp.diag.database.repository.FindingRepository.Finding;
import ma.essp.diag.database.repository.FindingRepository.Recommendation;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.csv.Json;
import ma.essp.diag.reporting.findings.FindingsFigures.EvidenceFigure;
import ma.essp.diag.reporting.findings.FindingsFigures.FindingFigures;

/**
 * {@code essp-diag figures FILE --axis findings}: the findings with each evidence link (its value when linked, its
 * value now, its state and the finding's review flag), and the recommendations with the findings they answer, as
 * CSV or JSON (docs/cli-figures.md, section "findings"). Codes, not labels: the output is for scripts.
 */
public final class FindingsTableWriter {

    private FindingsTableWriter() {
    }

    /** One line per evidence link (a finding without evidence: one line with the evidence columns empty). */
    public static void writeFindingsCsv(FindingsFigures.Synthesis s, Writer writer) throws IOException {
        CsvWriter csv = new CsvWriter(writer);
        for (String h : List.of("finding_id", "axis", "kind", "priority", "scope_level", "region_id", "province_id",
                "circonscription_id", "essp_id", "title", "author", "written_on", "needs_review", "evidence_id",
                "evidence_kind", "figure", "unit_level", "unit_code", "stored_value", "current_value", "evidence_state",
                "record_table", "record_id", "document", "recommendation_ids")) {
            csv.text(h);
        }
        csv.endLine();
        for (FindingFigures ff : s.findings()) {
            Finding f = ff.finding();
            String recommendations = s.recommendations().stream().filter(r -> r.findingIds().contains(f.id()))
                    .map(r -> String.valueOf(r.id())).collect(Collectors.joining(" "));
            List<EvidenceFigure> evidence = ff.evidence().isEmpty() ? java.util.Collections.singletonList(null) : ff.evidence();
            for (EvidenceFigure e : evidence) {
                csv.number(String.valueOf(f.id())).number(String.valueOf(f.axis())).text(f.kind()).text(f.priority())
                        .text(f.scopeLevel()).number(plain(f.regionId())).number(plain(f.provinceId()))
                        .number(plain(f.circonscriptionId())).number(plain(f.esspId())).text(f.title()).text(f.authorName())
                        .text(f.writtenOn() == null ? null : f.writtenOn().toString()).text(String.valueOf(ff.needsReview()));
                if (e == null) {
                    for (int i = 0; i < 11; i++) {
                        csv.text(null);
                    }
                } else {
                    Evidence l = e.link();
                    csv.number(String.valueOf(l.id())).text(l.kind()).text(l.figure()).text(l.unitLevel()).text(l.unitCode())
                            .number(number(l.storedValue())).number(number(e.currentValue()))
                            .text(e.state().name().toLowerCase(Locale.ROOT)).text(l.recordTable()).number(plain(l.recordId()))
                            .text(l.document());
                }
                csv.text(recommendations);
                csv.endLine();
            }
        }
        csv.flush();
    }

    /** One line per recommendation, in the report's order (priority, then horizon). */
    public static void writeRecommendationsCsv(FindingsFigures.Synthesis s, Writer writer) throws IOException {
        CsvWriter csv = new CsvWriter(writer);
        for (String h : List.of("recommendation_id", "axis", "priority", "horizon", "responsible_level", "cost_mad",
                "action", "indicator", "indicator_figure", "indicator_unit_level", "indicator_unit_code",
                "baseline", "target", "finding_ids", "a_finding_needs_review")) {
            csv.text(h);
        }
        csv.endLine();
        for (Recommendation r : s.recommendations().stream().sorted(FindingsFigures.BY_PRIORITY_AND_HORIZON).toList()) {
            csv.number(String.valueOf(r.id())).number(String.valueOf(r.axis())).text(r.priority()).text(r.horizon())
                    .text(r.responsibleLevel()).number(number(r.costMad())).text(r.action()).text(r.indicator())
                    .text(r.indicatorFigure()).text(r.indicatorUnitLevel()).text(r.indicatorUnitCode())
                    .number(number(r.indicatorBaseline())).number(number(r.indicatorTarget()))
                    .text(r.findingIds().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                    .text(String.valueOf(needsReview(s, r)));
            csv.endLine();
        }
        csv.flush();
    }

    /** Both tables in one JSON object: {@code {"findings": [...], "recommendations": [...]}}. */
    public static void writeJson(FindingsFigures.Synthesis s, Writer w) throws IOException {
        w.write("{\n  \"findings\": [");
        String sep = "\n";
        for (FindingFigures ff : s.findings()) {
            Finding f = ff.finding();
            w.write(sep + "    {\"id\": " + f.id() + ", \"axis\": " + f.axis() + ", \"kind\": " + Json.string(f.kind())
                    + ", \"priority\": " + Json.string(f.priority()) + ", \"scope_level\": " + Json.string(f.scopeLevel())
                    + ", \"title\": " + Json.string(f.title()) + ", \"author\": " + Json.string(f.authorName())
                    + ", \"written_on\": " + Json.string(f.writtenOn() == null ? null : f.writtenOn().toString())
                    + ", \"needs_review\": " + ff.needsReview() + ", \"evidence\": [");
            String esep = "";
            for (EvidenceFigure e : ff.evidence()) {
                Evidence l = e.link();
                w.write(esep + "{\"id\": " + l.id() + ", \"kind\": " + Json.string(l.kind()) + ", \"state\": "
                        + Json.string(e.state().name().toLowerCase(Locale.ROOT)) + ", \"figure\": " + Json.string(l.figure())
                        + ", \"unit_level\": " + Json.string(l.unitLevel()) + ", \"unit_code\": " + Json.string(l.unitCode())
                        + ", \"stored_value\": " + Json.number(number(l.storedValue())) + ", \"current_value\": "
                        + Json.number(number(e.currentValue())) + ", \"record_table\": " + Json.string(l.recordTable())
                        + ", \"record_id\": " + (l.recordId() == null ? "null" : l.recordId())
                        + ", \"document\": " + Json.string(l.document()) + "}");
                esep = ", ";
            }
            w.write("]}");
            sep = ",\n";
        }
        w.write("\n  ],\n  \"recommendations\": [");
        sep = "\n";
        for (Recommendation r : s.recommendations().stream().sorted(FindingsFigures.BY_PRIORITY_AND_HORIZON).toList()) {
            w.write(sep + "    {\"id\": " + r.id() + ", \"axis\": " + r.axis() + ", \"priority\": " + Json.string(r.priority())
                    + ", \"horizon\": " + Json.string(r.horizon()) + ", \"responsible_level\": " + Json.string(r.responsibleLevel())
                    + ", \"cost_mad\": " + Json.number(number(r.costMad())) + ", \"action\": " + Json.string(r.action())
                    + ", \"indicator\": " + Json.string(r.indicator()) + ", \"baseline\": " + Json.number(number(r.indicatorBaseline()))
                    + ", \"target\": " + Json.number(number(r.indicatorTarget())) + ", \"finding_ids\": "
                    + r.findingIds() + ", \"a_finding_needs_review\": " + needsReview(s, r) + "}");
            sep = ",\n";
        }
        w.write("\n  ]\n}\n");
        w.flush();
    }

    /** Whether one of the findings a recommendation answers is flagged for review. */
    public static boolean needsReview(FindingsFigures.Synthesis s, Recommendation r) {
        return r.findingIds().stream().anyMatch(id -> s.finding(id).map(FindingFigures::needsReview).orElse(false));
    }

    /** A figure as the CLI prints it: plain decimal with a point, two decimals at most; "" when undefined. */
    static String number(Double v) {
        if (v == null) {
            return "";
        }
        return new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String plain(Integer v) {
        return v == null ? "" : String.valueOf(v);
    }


}
