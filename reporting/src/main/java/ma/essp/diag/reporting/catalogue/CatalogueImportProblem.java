package ma.essp.diag.reporting.catalogue;

import java.util.List;

/**
 * One reason a catalogue workbook was refused, pointing at the cell: file, sheet, 1-based row and the column
 * header (null when the problem is the file or a whole sheet), with a {@link Reason} and its arguments, which the
 * application words in the user's language. Never an exception's own text.
 */
public record CatalogueImportProblem(String file, String sheet, Integer row, String column, Reason reason, List<String> args) {

    /** Why a cell, a sheet or the file was refused; the arguments each one carries are listed. */
    public enum Reason {
        /** (none) */
        NO_SUCH_FILE,
        /** (none): not an Excel workbook at all (text, CSV, a zip of something else, a truncated or damaged file) */
        NOT_A_WORKBOOK,
        /** (none): an Excel 97–2003 .xls workbook, or a password-protected one */
        OLD_OR_PROTECTED_WORKBOOK,
        /** maximum number of data rows */
        TOO_MANY_ROWS,
        /** (none) */
        SHEET_MISSING,
        /** (none) */
        COLUMN_MISSING,
        /** category, the expected categories */
        UNKNOWN_CATEGORY,
        /** (none) */
        REQUIRED_EMPTY,
        /** (none) */
        FORMULA,
        /** the text read */
        NOT_WHOLE_NUMBER,
        /** the value read, minimum, maximum */
        OUT_OF_RANGE,
        /** the text read */
        NOT_A_FLAG,
        /** the text read */
        BAD_REQUIREMENT,
        /** code */
        DUPLICATE_AREA,
        /** code */
        DUPLICATE_SERVICE,
        /** code */
        DUPLICATE_ITEM,
        /** area code */
        UNKNOWN_AREA,
        /** service code */
        UNKNOWN_SERVICE,
        /** domain, the expected domains */
        UNKNOWN_DOMAIN,
        /** domain */
        GENERAL_ITEM_DOMAIN,
        /** service, domain */
        SERVICE_ITEM_DOMAIN
    }

    public CatalogueImportProblem {
        args = List.copyOf(args);
    }

    static CatalogueImportProblem ofFile(String file, Reason reason, String... args) {
        return new CatalogueImportProblem(file, null, null, null, reason, List.of(args));
    }

    /** For logs and tests: "catalogue.xlsx, sheet Items, row 12, column domain: UNKNOWN_DOMAIN [equipement, …]". */
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
        b.append(": ").append(reason);
        return args.isEmpty() ? b.toString() : b.append(' ').append(args).toString();
    }
}
