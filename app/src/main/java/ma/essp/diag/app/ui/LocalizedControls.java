package ma.essp.diag.app.ui;

import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Accordion;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeTableView;
import javafx.util.StringConverter;
import ma.essp.diag.app.i18n.I18n;

/**
 * What JavaFX controls show by themselves, in the window's language rather than the system's: the text of an empty
 * table, list or drop-down list (JavaFX's "No content in table"), the dates of date pickers (day/month/year, never the US
 * {@code 3/12/2026}) and the tick labels of chart number axes (the window's decimal separator). Applied by
 * {@link ViewLoader} to every view it loads; a view that sets its own placeholder keeps it.
 */
public final class LocalizedControls {

    private LocalizedControls() {
    }

    /** Localizes every table, list, date picker and number axis in {@code root}, including tab and pane contents. */
    public static void apply(Node root, I18n i18n) {
        if (root == null) {
            return;
        }
        switch (root) {
            case TableView<?> table when table.getPlaceholder() == null -> table.setPlaceholder(placeholder(i18n));
            case TreeTableView<?> tree when tree.getPlaceholder() == null -> tree.setPlaceholder(placeholder(i18n));
            case ListView<?> list when list.getPlaceholder() == null -> list.setPlaceholder(placeholder(i18n));
            case ComboBox<?> combo when combo.getPlaceholder() == null -> combo.setPlaceholder(new Label(i18n.get("app.choice.placeholder")));
            case DatePicker picker -> picker.setConverter(dates(i18n));
            case XYChart<?, ?> chart -> {
                axis(chart.getXAxis(), i18n);
                axis(chart.getYAxis(), i18n);
            }
            default -> {
                // other nodes: only their children
            }
        }
        switch (root) {
            case TabPane tabs -> tabs.getTabs().stream().map(Tab::getContent).forEach(n -> apply(n, i18n));
            case SplitPane split -> split.getItems().forEach(n -> apply(n, i18n));
            case ScrollPane scroll -> apply(scroll.getContent(), i18n);
            case TitledPane titled -> apply(titled.getContent(), i18n);
            case Accordion accordion -> accordion.getPanes().forEach(n -> apply(n, i18n));
            case ToolBar bar -> bar.getItems().forEach(n -> apply(n, i18n));
            case Parent parent -> parent.getChildrenUnmodifiable().forEach(n -> apply(n, i18n));
            default -> {
                // a leaf
            }
        }
    }

    /** The text of an empty table or list. */
    public static Label placeholder(I18n i18n) {
        Label label = new Label(i18n.get("app.table.placeholder"));
        label.getStyleClass().add("table-placeholder");
        return label;
    }

    /** Day/month/year both ways, as {@link I18n#formatDate} and {@link I18n#parseDate}. */
    public static StringConverter<LocalDate> dates(I18n i18n) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return i18n.formatDate(date);
            }

            @Override
            public LocalDate fromString(String text) {
                // a DateTimeParseException, as from JavaFX's own converter: the picker keeps its previous value
                return i18n.parseDate(text);
            }
        };
    }

    /**
     * Tick labels of a number axis with the window's separators: whole ticks as whole numbers ({@code 20}, never
     * {@code 20.0}), the others with one decimal ({@code 0,5} in French).
     */
    public static StringConverter<Number> numbers(I18n i18n) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                if (value == null) {
                    return "";
                }
                double v = value.doubleValue();
                return v == Math.rint(v) ? i18n.formatNumber(Math.round(v)) : i18n.formatDecimal(v, 1);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("tick labels are never typed");
            }
        };
    }

    private static void axis(Axis<?> axis, I18n i18n) {
        if (axis instanceof NumberAxis numbers) {
            numbers.setTickLabelFormatter(numbers(i18n));
        }
    }
}
