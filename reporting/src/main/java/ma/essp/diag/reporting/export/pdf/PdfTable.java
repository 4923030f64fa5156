package ma.essp.diag.reporting.export.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * The rows of one table of the PDF, already formatted as text, for the generic {@code table.jasper} subreport.
 * Layouts (column widths) are defined in {@code table.jrxml}: A (a label and up to seven figures), KV (key, value), F (data flows),
 * T5 (five text columns), W4 (four text columns).
 */
final class PdfTable {

    record Row(String[] cells, boolean header, boolean total) {
    }

    private final String layout;
    private final List<Row> rows = new ArrayList<>();

    PdfTable(String layout) {
        this.layout = layout;
    }

    String layout() {
        return layout;
    }

    List<String[]> cells() {
        return rows.stream().map(Row::cells).toList();
    }

    int size() {
        return rows.size();
    }

    PdfTable header(String... cells) {
        rows.add(new Row(cells, true, false));
        return this;
    }

    PdfTable row(String... cells) {
        rows.add(new Row(cells, false, false));
        return this;
    }

    PdfTable total(String... cells) {
        rows.add(new Row(cells, false, true));
        return this;
    }

    /**
     * A fresh data source over the rows (each fill consumes one). Rewindable: a table that does not fit at the foot
     * of a page is moved to the next one and filled again from its first row.
     */
    JRDataSource dataSource() {
        return new JRRewindableDataSource() {
            private int index = -1;

            @Override
            public void moveFirst() {
                index = -1;
            }

            @Override
            public boolean next() {
                return ++index < rows.size();
            }

            @Override
            public Object getFieldValue(JRField field) {
                Row row = rows.get(index);
                return switch (field.getName()) {
                    case "header" -> row.header();
                    case "total" -> row.total();
                    default -> {
                        int i = Integer.parseInt(field.getName().substring(1));
                        yield i < row.cells().length ? row.cells()[i] : null;
                    }
                };
            }
        };
    }

    @Override
    public String toString() {
        return layout + rows.stream().map(r -> Arrays.toString(r.cells())).toList();
    }
}
