package ma.essp.diag.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An Arabic (right-to-left) table whose report-type column keeps the end of a line written "name — code" (a Latin name
 * in Arabic, {@code I18n.codeAndName}), as the data-flow dashboard's at full HD and at 1366 px: a long Latin line is
 * cut at its start and shows its "…" there, on the left of the words kept, its code whole on the right; a line that
 * starts with its code is cut at its end; every cut line is read whole in its tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class FullTextCellUiTest {

    private static final String LATIN = "Rapport semestriel de prise en charge des femmes et des enfants victimes de violence — VIOL-S";
    private static final String CODE_FIRST = "VIOL-S — التقرير نصف السنوي للتكفل بالنساء والأطفال ضحايا العنف في المؤسسات الصحية";
    private static final String SHORT = "Rapport mensuel — SMI";

    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(LATIN, CODE_FIRST, SHORT));
        table.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        TableColumn<String, String> name = new TableColumn<>("نوع التقرير");
        name.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        name.setCellFactory(FullTextCell.factory(FullTextCell.ENDS_WITH_CODE));
        name.setPrefWidth(260);
        table.getColumns().add(name);
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    @Test
    void aLatinLineCutAtItsStartShowsItsEllipsisWhereTheCutIs(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> latin = cell(robot, LATIN);
        Text drawn = drawn(latin);
        // its end kept, its code whole; the "…" first, after a left-to-right mark that keeps it with the Latin words
        assertThat(drawn.getText()).as("the cut Latin line").isNotEqualTo(LATIN).startsWith("\u200E…").endsWith(" — VIOL-S");
        assertThat(LATIN).endsWith(drawn.getText().substring(2));
        // where the eye sees it: beyond the first letter kept, on the far side from the code (the cut is at the line's
        // start), not beside the code at the line's other end
        double ellipsis = x(drawn, 1);
        double firstKept = x(drawn, 2);
        double code = x(drawn, drawn.getText().length() - 1);
        assertThat(Math.signum(ellipsis - code)).as("the '…' on the same side of the code as the first letter kept")
                .isEqualTo(Math.signum(firstKept - code));
        assertThat(Math.abs(ellipsis - code)).as("the '…' farther from the code than the first letter kept")
                .isGreaterThan(Math.abs(firstKept - code));
        assertThat(latin.getTooltip()).isNotNull();
        assertThat(latin.getTooltip().getText()).isEqualTo(LATIN);
    }

    @Test
    void aLineStartingWithItsCodeIsCutAtItsEnd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> arabic = cell(robot, CODE_FIRST);
        Text drawn = drawn(arabic);
        assertThat(drawn.getText()).as("the cut Arabic line").isNotEqualTo(CODE_FIRST).startsWith("VIOL-S — ").endsWith("…");
        assertThat(CODE_FIRST).startsWith(drawn.getText().substring(0, drawn.getText().length() - 1));
        assertThat(arabic.getTooltip().getText()).isEqualTo(CODE_FIRST);
        TableCell<?, ?> whole = cell(robot, SHORT);
        assertThat(drawn(whole).getText()).isEqualTo(SHORT);
        assertThat(whole.getTooltip().getText()).isEqualTo(SHORT);
    }

    private TableCell<?, ?> cell(FxRobot robot, String item) {
        List<TableCell<?, ?>> cells = robot.from(table).lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && item.equals(c.getItem())).<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).toList();
        assertThat(cells).as("the cell of \"%s\"", item).hasSize(1);
        return cells.getFirst();
    }

    private static Text drawn(TableCell<?, ?> cell) {
        return cell.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).map(Text.class::cast).findFirst().orElseThrow();
    }

    /** The horizontal middle of the character at {@code index} of {@code text} as laid out. */
    private static double x(Text text, int index) {
        return new Path(text.rangeShape(index, index + 1)).getLayoutBounds().getCenterX();
    }
}
