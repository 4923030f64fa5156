package ma.essp.diag.reporting.readiness;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.csv.Json;

/**
 * Writes an aggregate table as CSV or JSON with stable, documented column names (docs/cli-indices.md). Used by
 * the {@code essp-diag indices} command and meant for the exporters too, so that a figure reads the same
 * everywhere: percentages rounded half-up to {@value #DECIMALS} decimals, an undefined figure left empty (CSV)
 * or null (JSON).
 */
public final class ReadinessTableWriter {

    public static final int DECIMALS = 2;

    private ReadinessTableWriter() {
    }

    /**
     * The CSV header for a catalogue: fixed columns (the method's settings among them), the general domains, then two
     * columns per service.
     */
    public static List<String> columns(CatalogueModel catalogue) {
        List<String> columns = new ArrayList<>(List.of("level", "code", "name", "group", "weighting", "equipment_source",
                "unanswered", "n_registered", "n_essp", "completeness", "general_readiness", "general_readiness_n",
                "general_domains", "general_reduced_n"));
        catalogue.generalDomains().forEach(d -> columns.add(d.code()));
        columns.add("pms_coverage");
        for (CatalogueModel.ServiceColumn s : catalogue.serviceColumns()) {
            columns.add("service_" + s.code());
            columns.add("service_" + s.code() + "_n");
        }
        return columns;
    }

    /** A percentage (0–100) or a share (0–1) as written in every output; "" when undefined. */
    public static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString();
    }

    /** Completeness as a percentage, like the scores. */
    public static String percent(Double share) {
        return share == null ? "" : number(share * 100);
    }

    /** CSV through the application's one CSV writer: text columns neutralised, figures written as plain numbers. */
    public static void writeCsv(List<AggregateRow> rows, CatalogueModel catalogue, ReadinessRules rules, Writer out)
            throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (String column : columns(catalogue)) {
            csv.text(column);
        }
        csv.endLine();
        for (AggregateRow r : rows) {
            csv.text(r.level().code()).text(r.code()).text(r.name()).text(r.group()).text(r.weighting().code())
                    .text(rules.equipmentSourceCode())
                    .text(rules.unanswered().code())
                    .number(Integer.toString(r.registered()))
                    .number(Integer.toString(r.assessed()))
                    .number(percent(r.general().completeness()))
                    .number(number(r.general().value()))
                    .number(Integer.toString(r.general().n()))
                    .text(r.generalDomainsLabel())
                    .number(Integer.toString(r.generalReduced()));
            for (ReadinessData.Domain d : catalogue.generalDomains()) {
                csv.number(number(r.generalDomains().getOrDefault(d.code(), Figure.EMPTY).value()));
            }
            csv.number(number(r.pmsCoverage().value()));
            for (CatalogueModel.ServiceColumn s : catalogue.serviceColumns()) {
                Figure figure = r.services().getOrDefault(s.code(), Figure.EMPTY);
                csv.number(number(figure.value()));
                csv.number(Integer.toString(figure.n()));
            }
            csv.endLine();
        }
        csv.flush();
    }

    /** JSON: the table's settings, then one object per row with every figure as {value, n, completeness}. */
    public static void writeJson(List<AggregateRow> rows, CatalogueModel catalogue, ReadinessRules rules, AggregationLevel level,
                                 Breakdown breakdown, Weighting weighting, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("{\n  \"level\": ").append(Json.string(level.code()))
                .append(",\n  \"breakdown\": ").append(Json.string(breakdown.code()))
                .append(",\n  \"weighting\": ").append(Json.string(level == AggregationLevel.ESSP ? Weighting.UNWEIGHTED.code() : weighting.code()))
                .append(",\n  \"equipment_source\": ").append(Json.string(rules.equipmentSourceCode()))
                .append(",\n  \"unanswered\": ").append(Json.string(rules.unanswered().code()))
                .append(",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            AggregateRow r = rows.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"code\": ").append(Json.string(r.code()))
                    .append(", \"name\": ").append(Json.string(r.name()))
                    .append(", \"group\": ").append(r.group() == null ? "null" : Json.string(r.group()))
                    .append(", \"n_registered\": ").append(r.registered())
                    .append(", \"n_essp\": ").append(r.assessed())
                    .append(", \"completeness\": ").append(Json.number(percent(r.general().completeness())))
                    .append(",\n     \"general_readiness\": ").append(figure(r.general()))
                    .append(",\n     \"general_domains\": ").append(r.general().n() == 0 ? "null" : Json.string(r.generalDomainsLabel()))
                    .append(", \"general_reduced_n\": ").append(r.generalReduced())
                    .append(",\n     \"domains\": {");
            appendFigures(b, r.generalDomains());
            b.append("},\n     \"pms_coverage\": ").append(figure(r.pmsCoverage()))
                    .append(",\n     \"services\": {");
            appendFigures(b, r.services());
            b.append("}}");
        }
        b.append("\n  ]\n}\n");
        out.write(b.toString());
        out.flush();
    }

    private static void appendFigures(StringBuilder b, Map<String, Figure> figures) {
        boolean first = true;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            b.append(first ? "" : ", ").append(Json.string(e.getKey())).append(": ").append(figure(e.getValue()));
            first = false;
        }
    }

    private static String figure(Figure f) {
        return "{\"value\": " + Json.number(number(f.value())) + ", \"n\": " + f.n() + ", \"completeness\": "
                + Json.number(percent(f.completeness())) + "}";
    }


}
