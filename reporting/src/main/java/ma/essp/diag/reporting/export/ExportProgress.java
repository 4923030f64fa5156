package ma.essp.diag.reporting.export;

/**
 * Progress of an export, reported from the exporting thread. {@code total} may be -1 when unknown. Cancelling is done
 * by interrupting the exporting thread; the exporter checks the interrupt flag between rows and pages.
 */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (stage, done, total) -> { };

    void update(String stage, long done, long total);
}
