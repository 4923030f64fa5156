package ma.essp.diag.reporting.export;

/**
 * Progress of an export, reported from the exporting thread. {@code total} may be -1 when unknown. Cancelling is done
 * by interrupting the exporting thread; the exporter checks the interrupt flag between rows and pages.
 */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (stage, done, total) -> { };

    /** Stages, as stable codes (the GUI translates them, the command line prints them): loading the figures. */
    String LOAD = "load";
    /** Workbook rows written ({@code done} of {@code total}). */
    String ROWS = "rows";
    /** The workbook being saved (zipped) after its last row. */
    String SAVING = "saving";
    /** PDF blocks laid out ({@code done} of {@code total} blocks). */
    String LAYOUT = "layout";
    /** PDF pages exported ({@code done} of {@code total}). */
    String PAGES = "pages";

    /** @param stage one of the stage codes above */
    void update(String stage, long done, long total);
}
