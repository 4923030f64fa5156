package ma.essp.diag.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import ma.essp.diag.app.i18n.I18n;

/**
 * Loads a view's FXML next to its class ({@code FooView} → {@code FooView.fxml}) with the translations for
 * {@code %key}, and the view object itself as controller (it was built with its view model already); tables, date
 * pickers and chart axes then speak the window's language ({@link LocalizedControls}).
 */
public final class ViewLoader {

    /** Style class of the labels (with an fx:id) that are hidden, taking no room, while their text is empty. */
    public static final String AUTO_HIDE = "auto-hide";

    private ViewLoader() {
    }

    public static Parent load(Object view, I18n i18n) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL fxml = view.getClass().getResource(name);
        if (fxml == null) {
            throw new IllegalStateException("No " + name + " next to " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, i18n.bundle());
        loader.setController(view);
        Parent root;
        try {
            root = loader.load();
            LocalizedControls.apply(root, i18n);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
        // a message line takes no room while it has nothing to say (the table under it gets the height)
        for (Object node : loader.getNamespace().values()) {
            if (node instanceof Labeled label && label.getStyleClass().contains(AUTO_HIDE)) {
                label.visibleProperty().bind(label.textProperty().isNotEmpty());
                label.managedProperty().bind(label.visibleProperty());
            }
        }
        return root;
    }
}
