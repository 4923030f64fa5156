package ma.essp.diag.app.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * A text cell whose tooltip holds its whole text: a value or a message cut by a narrow column at laptop width (an
 * import problem, a conflicting value) can still be read by pointing at it.
 */
public final class FullTextCell<S> extends TableCell<S, String> {

    /** The widest a tooltip gets before it wraps. */
    private static final double TOOLTIP_WIDTH = 560;

    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory() {
        return column -> new FullTextCell<>();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        if (empty || item == null || item.isBlank()) {
            setTooltip(null);
        } else {
            Tooltip tip = new Tooltip(item);
            tip.setWrapText(true);
            tip.setMaxWidth(TOOLTIP_WIDTH);
            setTooltip(tip);
        }
    }
}
