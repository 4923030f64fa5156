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
}
