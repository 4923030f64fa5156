package ma.essp.diag.database.server;

/** Why the team server could not be used, in words for the user (connection refused, TLS missing, not initialised). */
public class ServerException extends Exception {

    public ServerException(String message) {
        super(message);
    }

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
