package ma.essp.diag.app.ui;

import javafx.scene.Node;

/** An opened area: its root node, its unsaved edits, and what to release when the shell replaces it. */
public interface FeatureScreen {

    Node view();

    default void dispose() {
    }

    /** The screen's editors as the shell sees them before leaving the area or closing the window. */
    default UnsavedChanges unsavedChanges() {
        return UnsavedChanges.NONE;
    }

    /** What Ctrl+N does on this screen (a new ESSP, a new circonscription); null when the screen creates nothing. */
    default Runnable newItem() {
        return null;
    }

    /** Shows the ESSP {@code esspId} (its form and detail) when this screen can; false when it cannot. */
    default boolean showEssp(int esspId) {
        return false;
    }

    /** Starts a new ESSP in the circonscription {@code circonscriptionId} when this screen can; false when it cannot. */
    default boolean newEsspIn(int circonscriptionId) {
        return false;
    }

    /** The screen's saved edits that Ctrl+Z / Ctrl+Y (Edit > Undo, Redo) undo and redo; null when it edits nothing. */
    default EditHistory editHistory() {
        return null;
    }

    /** The search field Ctrl+F focuses; null when the screen has none. */
    default Node searchField() {
        return null;
    }
}
