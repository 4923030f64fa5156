package ma.essp.diag.reporting.dataflow;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRules;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.csv.Json;
import ma.essp.diag.reporting.dataflow.DataFlowFigures.UnitRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * The data-flow figures as a table of stable columns (docs/cli-figures.md, section "dataflows"): what
 * {@code essp-diag figures --axis dataflows} writes as CSV or JSON, and the text the data-flow dashboard shows for the
 * same figures ({@link #rate}, {@link #factor}), so that both print the same numbers.
 */
public final class DataFlowTable {

    /** The columns, in order; the text ones are {@code level, code, name, vf_status}. */
    public static final List<String> COLUMNS = List.of("level", "code", "name", "observations", "expected", "received",
            "received_on_time", "on_time_expected", "reporting_rate", "on_time_rate", "mean_delay_days", "recount_rows",
            "recount_compared", "recounted", "reported", "verification_factor", "vf_status", "vf_band_low", "vf_band_high",
            "essps_verified", "essps_over_reporting", "essps_under_reporting", "discrepancies",
            "discrepancies_register_missing", "discrepancies_transcription_error", "discrepancies_late_entry",
            "discrepancies_other", "discrepancies_unexplained", "rekeying_steps_max", "checklists", "checklist_items_observed",
            "checklist_items_present", "checklist_score", "checklist_rating", "checklist_guidelines_available",
            "checklist_tools_in_stock", "checklist_trained_staff", "checklist_feedback_received", "checklist_data_used_in_meetings",
            "checklist_score_essp", "checklist_observed_essp", "checklist_score_circonscription", "checklist_observed_circonscription",
            "checklist_score_delegation", "checklist_observed_delegation", "checklist_score_sres", "checklist_observed_sres",
            "checklist_score_drs", "checklist_observed_drs", "checklist_score_gst", "checklist_observed_gst",
            "checklist_score_central", "checklist_observed_central");

    private static final java.util.Set<String> TEXT = java.util.Set.of("level", "code", "name", "vf_status", "checklist_rating");

    private DataFlowTable() {
    }

    /** A share (0–1) as a percentage with two decimals (half up), "" when undefined. */
    public static String rate(Double share) {
        return share == null ? "" : BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A verification factor with three decimals (half up), "" when not computable. */
    public static String factor(Double vf) {
        return vf == null ? "" : BigDecimal.valueOf(vf).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String decimal(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The rows that count as of {@code asOf}: observations of periods that had started by then and recounts of months
     * that had; null = every row.
     */
    public static DataFlowData asOf(DataFlowData data, LocalDate asOf) {
        if (asOf == null) {
            return data;
        }
        return data.withRows(
                data.observations().stream().filter(o -> DataFlowRules.periodStart(o.period()).map(d -> !d.isAfter(asOf)).orElse(false)).toList(),
                data.recounts().stream().filter(r -> DataFlowRules.periodStart(r.period()).map(d -> !d.isAfter(asOf)).orElse(false)).toList());
    }

    /** The cells of one row, in {@link #COLUMNS} order, numbers formatted, "" for an undefined figure. */
    public static List<String> cells(UnitRow r, AggregationLevel level, DataVerification.Band band) {
        DataFlowIndicators.Figures f = r.rates();
        DataVerification.Figures v = r.verification();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(level.code());
        cells.add(r.unit().code());
        cells.add(r.unit().name());
        cells.add(Integer.toString(f.observations()));
        cells.add(Long.toString(f.expected()));
        cells.add(Long.toString(f.received()));
        cells.add(Long.toString(f.onTime()));
        cells.add(Long.toString(f.onTimeKnown()));
        cells.add(rate(f.completeness()));
        cells.add(rate(f.timeliness()));
        cells.add(decimal(f.meanDelay()));
        cells.add(Integer.toString(v.rows()));
        cells.add(Integer.toString(v.compared()));
        cells.add(Long.toString(v.recounted()));
        cells.add(Long.toString(v.reported()));
        cells.add(factor(v.factor()));
        cells.add(v.status(band).code());
        cells.add(factor(band.low()));
        cells.add(factor(band.high()));
        cells.add(Integer.toString(r.esspsVerified()));
        cells.add(Integer.toString(r.esspsOver()));
        cells.add(Integer.toString(r.esspsUnder()));
        cells.add(Integer.toString(v.discrepancies()));
        for (String reason : DataFlowRules.REASONS) {
            cells.add(Integer.toString(v.discrepanciesByReason().getOrDefault(reason, 0)));
        }
        cells.add(Integer.toString(v.discrepanciesByReason().getOrDefault(DataVerification.UNEXPLAINED, 0)));
        cells.add(r.rekeyingMax() == null ? "" : Integer.toString(r.rekeyingMax()));
        SystemChecklist.Figures c = r.checklist();
        cells.add(Integer.toString(c.checklists()));
        cells.add(Integer.toString(c.observed()));
        cells.add(Integer.toString(c.present()));
        cells.add(rate(c.score()));
        cells.add(c.rating().code());
        for (int i = 0; i < DataFlowData.Checklist.ITEMS.size(); i++) {
            cells.add(rate(c.itemShare(i)));
        }
        r.checklistByLevel().forEach((lvl, byLevel) -> {
            cells.add(rate(byLevel.score()));
            cells.add(Integer.toString(byLevel.observed()));
        });
        return cells;
    }

    public static void writeCsv(List<UnitRow> rows, AggregationLevel level, DataVerification.Band band, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (String column : COLUMNS) {
            csv.text(column);
        }
        csv.endLine();
        for (UnitRow r : rows) {
            List<String> cells = cells(r, level, band);
            for (int i = 0; i < cells.size(); i++) {
                if (TEXT.contains(COLUMNS.get(i))) {
                    csv.text(cells.get(i));
                } else {
                    csv.number(cells.get(i));
                }
            }
            csv.endLine();
        }
        csv.flush();
    }

    /** JSON: {@code {"axis", "level", "as_of", "vf_band": [low, high], "rows": [{column: value…}]}}, undefined = null. */
    public static void writeJson(List<UnitRow> rows, AggregationLevel level, DataVerification.Band band, LocalDate asOf, Writer out)
            throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("{\n  \"axis\": \"dataflows\",\n  \"level\": ").append(Json.string(level.code()))
                .append(",\n  \"as_of\": ").append(asOf == null ? "null" : Json.string(asOf.toString()))
                .append(",\n  \"vf_band\": [").append(factor(band.low())).append(", ").append(factor(band.high())).append("]")
                .append(",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = cells(rows.get(i), level, band);
            b.append(i == 0 ? "\n    {" : ",\n    {");
            for (int c = 1; c < cells.size(); c++) { // the level is said once above
                String column = COLUMNS.get(c);
                String value = cells.get(c);
                b.append(c == 1 ? "" : ", ").append(Json.string(column)).append(": ")
                        .append(TEXT.contains(column) ? Json.string(value) : value.isEmpty() ? "null" : value);
            }
            b.append('}');
        }
        b.append("\n  ]\n}\n");
        out.write(b.toString());
        out.flush();
    }


    /** The columns of the by-report-type table ({@code --by report-type}), in order. */
    public static final List<String> TYPE_COLUMNS = List.of("level", "code", "name", "report_type", "report_type_name",
            "observations", "expected", "received", "received_on_time", "on_time_expected", "reporting_rate", "on_time_rate");

    private static final java.util.Set<String> TYPE_TEXT = java.util.Set.of("level", "code", "name", "report_type", "report_type_name");

    /** The rates of one report type within one unit ({@link DataFlowFigures#byReportType}). */
    public record TypeRow(DataFlowFigures.Unit unit, String reportType, String reportTypeName, DataFlowIndicators.Figures rates) {
    }

    /**
     * One row per unit of {@code level} (code order) and report type with observations in it (type code order), the
     * type's name in French.
     */
    public static List<TypeRow> byReportType(DataFlowData data, AggregationLevel level) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        data.reportTypes().forEach(t -> names.put(t.code(), t.nameFr()));
        List<TypeRow> rows = new ArrayList<>();
        for (DataFlowFigures.Unit unit : new DataFlowFigures.Territory(data).units(level)) {
            DataFlowFigures.byReportType(data, unit).forEach((type, f) -> rows.add(new TypeRow(unit, type, names.get(type), f)));
        }
        return rows;
    }

    /** The cells of one by-type row, in {@link #TYPE_COLUMNS} order. */
    public static List<String> typeCells(TypeRow r, AggregationLevel level) {
        DataFlowIndicators.Figures f = r.rates();
        return List.of(level.code(), r.unit().code(), r.unit().name(), r.reportType(),
                r.reportTypeName() == null ? "" : r.reportTypeName(), Integer.toString(f.observations()),
                Long.toString(f.expected()), Long.toString(f.received()), Long.toString(f.onTime()),
                Long.toString(f.onTimeKnown()), rate(f.completeness()), rate(f.timeliness()));
    }

    public static void writeTypeCsv(List<TypeRow> rows, AggregationLevel level, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (String column : TYPE_COLUMNS) {
            csv.text(column);
        }
        csv.endLine();
        for (TypeRow r : rows) {
            List<String> cells = typeCells(r, level);
            for (int i = 0; i < cells.size(); i++) {
                if (TYPE_TEXT.contains(TYPE_COLUMNS.get(i))) {
                    csv.text(cells.get(i));
                } else {
                    csv.number(cells.get(i));
                }
            }
            csv.endLine();
        }
        csv.flush();
    }

    /** JSON: {@code {"axis": "dataflows", "by": "report-type", "level", "as_of", "rows": [{column: value…}]}}. */
    public static void writeTypeJson(List<TypeRow> rows, AggregationLevel level, LocalDate asOf, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("{\n  \"axis\": \"dataflows\",\n  \"by\": \"report-type\",\n  \"level\": ").append(Json.string(level.code()))
                .append(",\n  \"as_of\": ").append(asOf == null ? "null" : Json.string(asOf.toString()))
                .append(",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = typeCells(rows.get(i), level);
            b.append(i == 0 ? "\n    {" : ",\n    {");
            for (int c = 1; c < cells.size(); c++) {
                String column = TYPE_COLUMNS.get(c);
                String value = cells.get(c);
                b.append(c == 1 ? "" : ", ").append(Json.string(column)).append(": ")
                        .append(TYPE_TEXT.contains(column) ? Json.string(value) : value.isEmpty() ? "null" : value);
            }
            b.append('}');
        }
        b.append("\n  ]\n}\n");
        out.write(b.toString());
        out.flush();
    }
}
