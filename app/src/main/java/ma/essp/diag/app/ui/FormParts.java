package ma.essp.diag.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import ma.essp.diag.app.i18n.I18n;

/**
 * The small pieces the Formation screens build their tables and forms from: a read-only text column, a text field
 * bound to its view model property with its placeholder, a label that wraps instead of cutting, and the error label
 * under a form (taking no room while empty).
 */
public final class FormParts {

    private FormParts() {
    }

    /** A read-only column headed by the text of {@code key}, showing {@code value} of each row. */
    public static <R> TableColumn<R, String> textColumn(I18n i18n, String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    /** A text field with the placeholder of {@code promptKey}, bound both ways to {@code value}. */
    public static TextField field(I18n i18n, String promptKey, double width, StringProperty value) {
        TextField f = new TextField();
        f.setPromptText(i18n.get(promptKey));
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A label taking as many lines as its text needs, never cut with an ellipsis. */
    public static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** An error label (danger style) that takes no room while there is nothing to say. */
    public static Label errorLabel() {
        Label l = wrapping("");
        l.getStyleClass().addAll("field-error", "danger");
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }
}
