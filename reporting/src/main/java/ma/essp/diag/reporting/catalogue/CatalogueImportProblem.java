package ma.essp.diag.reporting.catalogue;

/**
 * One reason a catalogue workbook was refused, pointing at the cell: file, sheet, 1-based row and the column
 * header (null when the problem is the file or a whole sheet).
 */
public record CatalogueImportProblem(String file, String sheet, Integer row, String column, String message) {

    /** "catalogue.xlsx, sheet Items, row 12, column domain: unknown domain 'equipement'". */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (sheet != null) {
            b.append(", sheet ").append(sheet);
        }
        if (row != null) {
            b.append(", row ").append(row);
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        return b.append(": ").append(message).toString();
    }
}
