package ma.essp.diag.app.ui;

import java.nio.file.Path;
import java.util.Optional;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;

/**
 * The window's side of the output rule ({@link OutputTarget}): checks a path chosen in a save dialog and words a
 * refusal in the user's language, one line naming the path and the reason. The check reads the file system: call it
 * from a background task.
 */
public final class OutputRefusals {

    private OutputRefusals() {
    }

    /** The refusal of {@code chosen} as an output, or empty when it may be written. */
    public static Optional<String> check(Path chosen, I18n i18n) {
        try {
            OutputTarget.resolve(chosen);
            return Optional.empty();
        } catch (OutputRefusedException e) {
            return Optional.of(message(e, i18n));
        }
    }

    /** The refusal carried by {@code failure} (itself or one of its causes), if it is one. */
    public static Optional<String> of(Throwable failure, I18n i18n) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutputRefusedException refused) {
                return Optional.of(message(refused, i18n));
            }
        }
        return Optional.empty();
    }

    public static String message(OutputRefusedException e, I18n i18n) {
        String reason = switch (e.reason()) {
            case DATABASE -> i18n.get("error.output.database");
            case DATABASE_COMPANION -> i18n.get("error.output.database_companion");
            case PROTECTED_FOLDER -> i18n.get("error.output.protected_folder");
            case FOLDER -> i18n.get("error.output.folder");
            case NOT_REGULAR_FILE -> i18n.get("error.output.not_regular_file");
            case NO_FOLDER -> i18n.get("error.output.no_folder");
        };
        return i18n.get("error.output.refused", e.path().toString(), reason);
    }
}
