package ma.essp.diag.app.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table that always has room for a number of rows: its minimum height is its column headers and that many rows
 * (the window's fixed cell size). A split pane then never drags it smaller, and a page in a scroll pane scrolls
 * rather than squeezing it (issue 18: at least ten rows of an area's main table on a 1366 x 768 laptop).
 */
public final class TableRoom {

    /** A row's height when the style sheet has not given the table its fixed cell size yet. */
    private static final double ROW = 29;

    private TableRoom() {
    }

    /** Keeps {@code table} at least its headers and {@code rows} rows high. */
    public static void atLeast(TableView<?> table, int rows) {
        table.setMinHeight(ROW * (rows + 1));
        table.skinProperty().addListener((o, old, skin) -> {
            Region header = (Region) table.lookup(".column-header-background");
            if (skin == null || header == null) {
                return;
            }
            table.minHeightProperty().bind(Bindings.createDoubleBinding(
                    () -> header.getHeight() + rows * (table.getFixedCellSize() > 0 ? table.getFixedCellSize() : ROW)
                            + table.snappedTopInset() + table.snappedBottomInset() + 2,
                    header.heightProperty(), table.fixedCellSizeProperty(), table.insetsProperty()));
        });
    }
}
