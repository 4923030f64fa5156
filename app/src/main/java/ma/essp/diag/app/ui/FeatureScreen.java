package ma.essp.diag.app.ui;

import javafx.scene.Node;

/** An opened area: its root node, and what to release when the shell replaces it. */
public interface FeatureScreen {

    Node view();

    default void dispose() {
    }
}
