package ma.essp.diag.app.cli;

/** A failure the command reports as one line on stderr, with its exit code (1 problems found, 2 cannot run). */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
