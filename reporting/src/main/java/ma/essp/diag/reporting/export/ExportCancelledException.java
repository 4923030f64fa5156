package ma.essp.diag.reporting.export;

/** The export was cancelled (its thread interrupted); nothing was left at the destination. */
public final class ExportCancelledException extends ExportException {

    public ExportCancelledException() {
        super("export cancelled");
    }

    /** Throws when the current thread was interrupted; the flag is kept so callers up the stack see it too. */
    public static void checkCancelled() throws ExportCancelledException {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExportCancelledException();
        }
    }
}
