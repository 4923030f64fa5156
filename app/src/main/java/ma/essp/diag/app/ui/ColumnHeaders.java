package ma.essp.diag.app.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Column headers that show their whole text ("Catégorie", not "Cate…") in every language: once a table has its skin,
 * each column's minimum width becomes the width its header text needs (with room for the sort arrow), so a column
 * can be made narrower only down to its header; a table with more columns than room scrolls sideways instead of
 * cutting them. Headers that wrap (the HR tables in Arabic) grow in height instead and are left alone.
 */
public final class ColumnHeaders {

    /** Room for the sort arrow a sortable column shows once sorted (the arrow and its gap). */
    private static final double SORT_ARROW = 14;

    private ColumnHeaders() {
    }

    /** Fits the headers of every table and tree table inside {@code root} ({@link TableExport#tables}). */
    public static void fitAll(Node root) {
        TableExport.tables(root).forEach(ColumnHeaders::fit);
    }

    /** Fits the headers of {@code table} as soon as it has its skin (its header labels and their fonts). */
    public static void fit(Control table) {
        if (table.getSkin() != null) {
            Platform.runLater(() -> measure(table));
        }
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null) {
                Platform.runLater(() -> measure(table));
            }
        });
    }

    /** Raises each leaf column's minimum width to what its header text needs. */
    static void measure(Control table) {
        table.applyCss();
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header)) {
                continue;
            }
            TableColumnBase<?, ?> column = header.getTableColumn();
            if (column == null || !column.getColumns().isEmpty() || !(header.lookup(".label") instanceof Label label)
                    || label.getText() == null || label.getText().isBlank() || label.isWrapText()) {
                continue;
            }
            double needed = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                    + (column.isSortable() ? SORT_ARROW : 0));
            if (column.getMinWidth() < needed) {
                column.setMinWidth(needed);
            }
            if (column.getPrefWidth() < needed) {
                column.setPrefWidth(needed);
            }
        }
    }
}
