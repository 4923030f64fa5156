package ma.essp.diag.app.ui;

import java.util.Objects;
import java.util.function.Supplier;
import ma.essp.diag.app.i18n.I18n;

/**
 * The question asked before unsaved edits would go away (another area, another mission or ESSP, the window
 * closing): <em>Save</em> writes them in the background and goes on only once they are written (a refused save
 * keeps the user on the form with its messages); <em>Discard</em> drops them and goes on; <em>Cancel</em> stays.
 */
public final class UnsavedChangesGuard {

    /** The three answers, in the order the dialog shows them. */
    public enum Choice { SAVE, DISCARD, CANCEL }

    private final DialogService dialogs;
    private final Supplier<I18n> i18n;

    public UnsavedChangesGuard(DialogService dialogs, Supplier<I18n> i18n) {
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    /**
     * Runs {@code proceed} when nothing is at stake or once the user's answer allows it, otherwise {@code stay}
     * (the caller puts back what the user clicked, e.g. the navigation selection).
     */
    public void leave(UnsavedChanges editor, Runnable proceed, Runnable stay) {
        Objects.requireNonNull(proceed);
        Objects.requireNonNull(stay);
        if (editor == null || !editor.hasUnsavedChanges()) {
            proceed.run();
            return;
        }
        I18n words = i18n.get();
        Choice choice = dialogs.askUnsavedChanges(words.get("dialog.unsaved.title"), words.get("dialog.unsaved.message"));
        switch (choice) {
            case SAVE -> editor.save().whenComplete((saved, error) -> {
                if (error == null && Boolean.TRUE.equals(saved)) {
                    proceed.run();
                } else {
                    stay.run();
                }
            });
            case DISCARD -> {
                editor.discard();
                proceed.run();
            }
            case CANCEL -> stay.run();
        }
    }
}
