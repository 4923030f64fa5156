package ma.essp.diag.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.repository.StaleEditException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why background work failed, in the window's language, for messages such as "L’enregistrement a échoué : {0}". An
 * exception's own text is English and technical (a SQL statement, a class name): it goes to the application log,
 * never to a French or Arabic screen.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    /** SQLite's primary result code for a write refused by a read-only connection. */
    private static final int SQLITE_READONLY = 8;

    private Failures() {
    }

    /** The reason of {@code failure} as the user reads it; the failure itself, with its detail, is logged. */
    public static String reason(Throwable failure, I18n i18n) {
        LOG.warn("Failure shown to the user as a reason", failure);
        Optional<String> refusal = OutputRefusals.of(failure, i18n);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleEditException) {
                return i18n.get("error.failure.stale");
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_READONLY) {
                // the window opens a mission read-only until its integrity check has passed (MissionFile.openWhileChecking)
                return i18n.get("error.failure.checking");
            }
            if (t instanceof SQLException) {
                return i18n.get("error.failure.database");
            }
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return i18n.get("error.failure.io");
            }
        }
        return i18n.get("error.failure.unexpected");
    }
}
