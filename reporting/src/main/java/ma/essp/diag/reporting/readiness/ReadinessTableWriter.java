package ma.essp.diag.reporting.readiness;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReadinessData;

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

    public static void writeCsv(List<AggregateRow> rows, CatalogueModel catalogue, ReadinessRules rules, Writer out)
            throws IOException {
        List<String> columns = columns(catalogue);
        out.write(String.join(",", columns));
        out.write("\n");
        for (AggregateRow r : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            cells.add(r.level().code());
            cells.add(r.code());
            cells.add(r.name());
            cells.add(r.group() == null ? "" : r.group());
            cells.add(r.weighting().code());
            cells.add(rules.equipmentSourceCode());
            cells.add(rules.unanswered().code());
            cells.add(Integer.toString(r.registered()));
            cells.add(Integer.toString(r.assessed()));
            cells.add(percent(r.general().completeness()));
            cells.add(number(r.general().value()));
            cells.add(Integer.toString(r.general().n()));
            cells.add(r.generalDomainsLabel());
            cells.add(Integer.toString(r.generalReduced()));
            for (ReadinessData.Domain d : catalogue.generalDomains()) {
                cells.add(number(r.generalDomains().getOrDefault(d.code(), Figure.EMPTY).value()));
            }
            cells.add(number(r.pmsCoverage().value()));
            for (CatalogueModel.ServiceColumn s : catalogue.serviceColumns()) {
                Figure figure = r.services().getOrDefault(s.code(), Figure.EMPTY);
                cells.add(number(figure.value()));
                cells.add(Integer.toString(figure.n()));
            }
            out.write(String.join(",", cells.stream().map(ReadinessTableWriter::csv).toList()));
            out.write("\n");
        }
        out.flush();
    }

    private static String csv(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** JSON: the table's settings, then one object per row with every figure as {value, n, completeness}. */
    public static void writeJson(List<AggregateRow> rows, CatalogueModel catalogue, ReadinessRules rules, AggregationLevel level,
                                 Breakdown breakdown, Weighting weighting, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("{\n  \"level\": ").append(str(level.code()))
                .append(",\n  \"breakdown\": ").append(str(breakdown.code()))
                .append(",\n  \"weighting\": ").append(str(level == AggregationLevel.ESSP ? Weighting.UNWEIGHTED.code() : weighting.code()))
                .append(",\n  \"equipment_source\": ").append(str(rules.equipmentSourceCode()))
                .append(",\n  \"unanswered\": ").append(str(rules.unanswered().code()))
                .append(",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            AggregateRow r = rows.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"code\": ").append(str(r.code()))
                    .append(", \"name\": ").append(str(r.name()))
                    .append(", \"group\": ").append(r.group() == null ? "null" : str(r.group()))
                    .append(", \"n_registered\": ").append(r.registered())
                    .append(", \"n_essp\": ").append(r.assessed())
                    .append(", \"completeness\": ").append(json(percent(r.general().completeness())))
                    .append(",\n     \"general_readiness\": ").append(figure(r.general()))
                    .append(",\n     \"general_domains\": ").append(r.general().n() == 0 ? "null" : str(r.generalDomainsLabel()))
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
            b.append(first ? "" : ", ").append(str(e.getKey())).append(": ").append(figure(e.getValue()));
            first = false;
        }
    }

    private static String figure(Figure f) {
        return "{\"value\": " + json(number(f.value())) + ", \"n\": " + f.n() + ", \"completeness\": "
                + json(percent(f.completeness())) + "}";
    }

    private static String json(String number) {
        return number.isEmpty() ? "null" : number;
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
