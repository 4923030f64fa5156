package ma.essp.diag.reporting.template;

import java.util.List;

/**
 * One reason a filled field template (or one of its rows) is refused, pointing at the cell: sheet, 1-based row, the
 * column's key and the value read (each null when the problem is the file or a whole sheet), with a {@link Reason}
 * and its arguments; {@link TemplateWords#problem} words it in the user's language.
 */
public record ImportProblem(String sheet, Integer row, String column, String value, Reason reason, List<String> args) {

    /** Why; the arguments each one carries are listed. */
    public enum Reason {
        /** (none) */
        NO_SUCH_FILE,
        /** (none): a text (CSV) file */
        CSV_FILE,
        /** (none): an Excel 97–2003 workbook */
        XLS_FILE,
        /** (none): a password-protected (encrypted) workbook */
        ENCRYPTED,
        /** (none): a damaged or truncated file, or no workbook at all */
        NOT_A_WORKBOOK,
        /** (none): a workbook without the hidden description of a template */
        NOT_A_TEMPLATE,
        /** the kind named in the file */
        UNKNOWN_KIND,
        /** the mission id of the template, the mission id of the file */
        OTHER_MISSION,
        /** the template's schema version, the mission's */
        NEWER_SCHEMA,
        /** the template's catalogue version label, the current one's */
        OTHER_CATALOGUE,
        /** maximum number of data rows */
        TOO_MANY_ROWS,
        /** (none) */
        SHEET_MISSING,
        /** (none) */
        SHEET_EXTRA,
        /** (none) */
        COLUMN_MISSING,
        /** (none) */
        COLUMN_EXTRA,
        /** the column expected there */
        COLUMN_RENAMED,
        /** (none): a uuid that names no row of the mission in the template's scope */
        UNKNOWN_ROW,
        /** the value stored */
        LOCKED_CHANGED,
        /** the kinds of personal data found (words): a note of an anonymous record that names or reaches someone */
        PERSONAL_DATA,
        /** (none): an ESSP code typed on a new row names no live ESSP of the template's scope */
        UNKNOWN_ESSP,
        /** (none): an attendance row's participant uuid names no live participant of the template's cohort */
        UNKNOWN_PARTICIPANT,
        /** (none): an attendance row's session uuid names no live session of the template's cohort */
        UNKNOWN_SESSION,
        /** the first row with the same key */
        DUPLICATE_ROW,
        /** the values accepted */
        UNKNOWN_CODE,
        /** (none) */
        REQUIRED_EMPTY,
        /** (none) */
        NOT_A_NUMBER,
        /** (none) */
        NOT_A_DATE,
        /** minimum, maximum */
        OUT_OF_RANGE,
        /** (none): a formula (its cached value is not trusted) */
        FORMULA,
        /** (none): the assessment is complete, reopen it in the application first */
        ASSESSMENT_COMPLETE,
        /** the next free code of the province: a new ESSP's code already used by another ESSP (deleted ones included) */
        CODE_TAKEN,
        /** the rule's code (EsspFormRules.Code), then the rule's arguments */
        RULE,
        /**
         * A warning: a new ESSP row taken for the ESSP of the mission it names by its natural key (an earlier import of
         * the row), whose values it changes: that ESSP's code, its name, values changed
         */
        SAME_ESSP_UPDATED,
        /**
         * A warning: a new ESSP row likely a duplicate of an ESSP of the mission (same normalised name within 200 m in the
         * same circonscription, the merge's duplicate candidate): that ESSP's code, its name
         */
        LIKELY_DUPLICATE;

        /** A warning is shown in the report but stops nothing: the user imports after reviewing it. */
        public boolean warning() {
            return this == SAME_ESSP_UPDATED || this == LIKELY_DUPLICATE;
        }
    }

    public ImportProblem {
        args = List.copyOf(args);
    }

    static ImportProblem ofFile(Reason reason, String... args) {
        return new ImportProblem(null, null, null, null, reason, List.of(args));
    }

    /** Whether it only warns (the row can be imported after the user reviewed it). */
    public boolean warning() {
        return reason.warning();
    }

    /** Whether it concerns the file, a sheet or a column rather than one row (then no row can be imported). */
    public boolean structural() {
        return row == null || reason == Reason.COLUMN_MISSING || reason == Reason.COLUMN_EXTRA
                || reason == Reason.COLUMN_RENAMED;
    }

    /** For logs and tests: "ESSP, row 4, column latitude [x]: NOT_A_NUMBER []". */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (sheet != null) {
            b.append(sheet);
        }
        if (row != null) {
            b.append(", row ").append(row);
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        if (value != null) {
            b.append(" [").append(value).append(']');
        }
        return b.append(": ").append(reason).append(' ').append(args).toString();
    }
}
