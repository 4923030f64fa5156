package ma.essp.diag.app.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Columns as wide as their longest value ("58,10 %", "pas de recomptage", "طنجة-تطوان-الحسيمة"): each time the rows
 * change, every text column's minimum width becomes what its widest value needs in the table's cell font and padding
 * (never less than it was given: the header's width stays the floor), so a table of figures shows every value whole in
 * every language instead of cutting it with an ellipsis. A column's maximum width is its cap (a unit's or a report's
 * name): past it the value is cut and read whole in the cell's tooltip ({@link FullTextCell}).
 */
public final class ColumnContent {

    /** Room for the sub-pixel rounding of the cell's text and the column's border line. */
    private static final double MARGIN = 6;

    private ColumnContent() {
    }

    /** Keeps every column of {@code table} at least as wide as its widest value, at most its maximum width. */
    public static <S> void fit(TableView<S> table) {
        Runnable measure = () -> Platform.runLater(() -> measure(table));
        table.getItems().addListener((ListChangeListener<S>) c -> measure.run());
        table.skinProperty().addListener((o, old, skin) -> {
            if (skin != null) {
                measure.run();
            }
        });
    }

    /**
     * Keeps every column of {@code table} at least as wide as its heading needs to wrap between its words (never inside
     * one: "Avance / ment") onto two lines at most, in the headings' own font: for grids whose values are short but whose
     * headings are long (attendance, costs). Measured once the table has its skin, and again whenever its columns change.
     */
    public static void headingsWrapBetweenWords(TableView<?> table) {
        if (!table.getStyleClass().contains("wrap-headers")) {
            table.getStyleClass().add("wrap-headers");
        }
        Runnable fit = () -> Platform.runLater(() -> {
            table.applyCss();
            table.layout();
            for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
                double needed = Math.ceil(longestHeaderWord(table, column));
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
                if (column.getPrefWidth() < needed) {
                    column.setPrefWidth(needed);
                }
            }
        });
        table.skinProperty().addListener((o, old, skin) -> fit.run());
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) c -> fit.run());
        fit.run();
    }

    /**
     * The width {@code column}'s header needs to wrap between its words onto two lines at most, in its header's font
     * and padding (0 before the table has its skin).
     */
    private static double longestHeaderWord(TableView<?> table, TableColumn<?, ?> column) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof javafx.scene.control.skin.TableColumnHeader header && header.getTableColumn() == column
                    && header.lookup(".label") instanceof javafx.scene.control.Label label && label.getText() != null) {
                Text word = new Text();
                word.setFont(label.getFont());
                double widest = 0;
                for (String w : label.getText().split("[\\s\\u200E\\u200F]+")) {
                    word.setText(w);
                    widest = Math.max(widest, word.getLayoutBounds().getWidth());
                }
                // and on two lines at most ("نسبة الإبلاغ في الوقت" was cut on its third)
                word.setText(label.getText());
                widest = Math.max(widest, 0.6 * word.getLayoutBounds().getWidth());
                return widest + label.snappedLeftInset() + label.snappedRightInset() + header.snappedLeftInset()
                        + header.snappedRightInset();
            }
        }
        return 0;
    }

    private static <S> void measure(TableView<S> table) {
        table.applyCss();
        table.layout();
        // the font and padding the cells are drawn with (the style sheet's compact cells included)
        Font font = Font.getDefault();
        double padding = 8;
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof IndexedCell<?> cell && cell.getFont() != null) {
                font = cell.getFont();
                padding = cell.snappedLeftInset() + cell.snappedRightInset();
                break;
            }
        }
        Text text = new Text();
        text.setFont(font);
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            // a header that wraps breaks between its words, never inside one ("Ressaisi / es")
            double widest = longestHeaderWord(table, column) - padding;
            text.setFont(font);
            for (S item : table.getItems()) {
                Object value = column.getCellObservableValue(item) == null ? null : column.getCellObservableValue(item).getValue();
                if (value != null) {
                    text.setText(value.toString());
                    widest = Math.max(widest, text.getLayoutBounds().getWidth());
                }
            }
            double needed = Math.min(Math.ceil(widest + padding + MARGIN), column.getMaxWidth());
            if (column.getMinWidth() < needed) {
                column.setMinWidth(needed);
            }
            if (column.getPrefWidth() < needed) {
                column.setPrefWidth(needed);
            }
        }
    }
}
