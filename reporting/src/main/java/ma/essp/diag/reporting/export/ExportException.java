package ma.essp.diag.reporting.export;

/** An export that could not be done, with a message meant for the user (destination not writable, bad scope...). */
public class ExportException extends Exception {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
