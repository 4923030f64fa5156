package ma.essp.diag.reporting.complaints;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.complaints.ComplaintFigures.UnitRow;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Summary;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.csv.Json;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;

/**
 * The complaint figures of {@link ComplaintFigures} as the stable table of {@code essp-diag figures --axis complaints}
 * (docs/cli-figures.md, section "complaints"): per unit one row for all its complaints ({@code group = all}), then one
 * per kind, category and channel that has complaints. Percentages 0–100 and medians with two decimals (half up), an
 * undefined figure empty (null in JSON).
 */
public final class ComplaintFiguresTable {

    /** The columns, in order; their meaning is in docs/cli-figures.md. */
    public static final List<String> COLUMNS = List.of("level", "code", "name", "group", "group_code", "as_of",
            "acknowledge_days", "response_days", "n_essp", "n_system", "maturity", "samples", "acknowledge_due",
            "acknowledged_in_time", "acknowledged_in_time_pct", "answer_due", "answered_in_time", "answered_in_time_pct",
            "acknowledged", "median_days_to_acknowledge", "closed", "median_days_to_close", "pending", "late", "late_pct", "own_system", "own_maturity");
    private static final List<String> TEXT = List.of("level", "code", "name", "group", "group_code", "as_of", "own_system");

    private ComplaintFiguresTable() {
    }

    /** The rows as column → value text ("" for an undefined figure), every unit then its groups. */
    public static List<Map<String, String>> rows(List<UnitRow> units, ComplaintDeadlines deadlines, LocalDate asOf) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (UnitRow u : units) {
            rows.add(row(u, "all", "", u.report().total(), deadlines, asOf, true));
            u.report().byKind().forEach((code, s) -> rows.add(row(u, "kind", code, s, deadlines, asOf, false)));
            u.report().byCategory().forEach((code, s) -> rows.add(row(u, "category", code, s, deadlines, asOf, false)));
            u.report().byChannel().forEach((code, s) -> rows.add(row(u, "channel", code, s, deadlines, asOf, false)));
        }
        return rows;
    }

    private static Map<String, String> row(UnitRow u, String group, String groupCode, Summary s, ComplaintDeadlines d,
                                           LocalDate asOf, boolean unit) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("level", u.level().code());
        r.put("code", u.code());
        r.put("name", u.nameFr());
        r.put("group", group);
        r.put("group_code", groupCode);
        r.put("as_of", asOf.toString());
        r.put("acknowledge_days", String.valueOf(d.acknowledgeDays()));
        r.put("response_days", String.valueOf(d.responseDays()));
        r.put("n_essp", unit ? String.valueOf(u.essps()) : "");
        r.put("n_system", unit ? String.valueOf(u.systems()) : "");
        r.put("maturity", unit ? ReadinessTableWriter.number(u.maturity()) : "");
        r.put("samples", String.valueOf(s.samples()));
        r.put("acknowledge_due", String.valueOf(s.acknowledgeDue()));
        r.put("acknowledged_in_time", String.valueOf(s.acknowledgedInTime()));
        r.put("acknowledged_in_time_pct", ReadinessTableWriter.percent(s.shareAcknowledgedInTime()));
        r.put("answer_due", String.valueOf(s.answerDue()));
        r.put("answered_in_time", String.valueOf(s.answeredInTime()));
        r.put("answered_in_time_pct", ReadinessTableWriter.percent(s.shareAnsweredInTime()));
        r.put("acknowledged", String.valueOf(s.acknowledged()));
        r.put("median_days_to_acknowledge", ReadinessTableWriter.number(s.medianDaysToAcknowledge()));
        r.put("closed", String.valueOf(s.closed()));
        r.put("median_days_to_close", ReadinessTableWriter.number(s.medianDaysToClose()));
        r.put("pending", String.valueOf(s.pending()));
        r.put("late", String.valueOf(s.late()));
        r.put("late_pct", ReadinessTableWriter.percent(s.shareLate()));
        // the unit's own system (V23): a province's délégation, a region's GST; on the unit's "all" row only
        r.put("own_system", unit && u.own() != null ? (u.own().provinceId() != null ? "delegation" : "gst") : "");
        r.put("own_maturity", unit && u.ownMaturity() != null ? String.valueOf(u.ownMaturity()) : "");
        return r;
    }

    /** CSV through the application's one CSV writer (text columns neutralised). */
    public static void writeCsv(List<Map<String, String>> rows, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (String c : COLUMNS) {
            csv.text(c);
        }
        csv.endLine();
        for (Map<String, String> r : rows) {
            for (String c : COLUMNS) {
                if (TEXT.contains(c)) {
                    csv.text(r.get(c));
                } else {
                    csv.number(r.get(c));
                }
            }
            csv.endLine();
        }
        csv.flush();
    }

    /** JSON: the axis, level, date and deadlines, then one object per row with the same keys as the CSV columns. */
    public static void writeJson(List<Map<String, String>> rows, String level, ComplaintDeadlines d, LocalDate asOf,
                                 Writer out) throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("{\n  \"axis\": \"complaints\",\n  \"level\": ").append(Json.string(level))
                .append(",\n  \"as_of\": ").append(Json.string(asOf.toString()))
                .append(",\n  \"acknowledge_days\": ").append(d.acknowledgeDays())
                .append(",\n  \"response_days\": ").append(d.responseDays())
                .append(",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i == 0 ? "\n    {" : ",\n    {");
            boolean first = true;
            for (String c : COLUMNS) {
                if (c.equals("level") || c.equals("as_of") || c.equals("acknowledge_days") || c.equals("response_days")) {
                    continue; // at the top
                }
                String v = rows.get(i).get(c);
                b.append(first ? "" : ", ").append(Json.string(c)).append(": ")
                        .append(TEXT.contains(c) ? Json.string(v) : v.isEmpty() ? "null" : v);
                first = false;
            }
            b.append('}');
        }
        b.append("\n  ]\n}\n");
        out.write(b.toString());
        out.flush();
    }

}
