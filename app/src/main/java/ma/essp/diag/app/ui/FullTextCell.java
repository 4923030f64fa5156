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
        return column -> new FullTextCell<>(null);
    }

    /**
     * The same, cutting a text that {@code keepEnd} accepts at its start ("…de violence — VIOL-S"): in Arabic a Latin
     * name is written before its code ({@code I18n.codeAndName}), and a cut at its end would drop the code.
     */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory(java.util.function.Predicate<String> keepEnd) {
        return column -> new FullTextCell<>(keepEnd);
    }

    /** Matches a line that ends with " — " and a code ("CSR-2 Arbaa — 01571-0029", "Rapport … — VIOL-S"). */
    public static final java.util.function.Predicate<String> ENDS_WITH_CODE =
            java.util.regex.Pattern.compile(" — [\\p{Alnum}][\\p{Alnum}.-]*$").asPredicate();

    private final java.util.function.Predicate<String> keepEnd;

    private FullTextCell(java.util.function.Predicate<String> keepEnd) {
        this.keepEnd = keepEnd;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        if (keepEnd != null) {
            boolean leading = !empty && item != null && keepEnd.test(item);
            setTextOverrun(leading ? javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS : javafx.scene.control.OverrunStyle.ELLIPSIS);
            // a left-to-right mark before the "…": in a right-to-left cell the cut Latin line then reads "…ique — CODE",
            // its "…" on the left where the cut is, not after the code on the right
            setEllipsisString(leading ? "\u200E\u2026" : "\u2026");
        }
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
