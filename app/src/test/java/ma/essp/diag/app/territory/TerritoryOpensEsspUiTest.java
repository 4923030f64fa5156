package ma.essp.diag.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** In the real window: Enter or a double-click on an ESSP of the territory tree opens its form and detail in the registry. */
@ExtendWith(ApplicationExtension.class)
class TerritoryOpensEsspUiTest {

    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        window = ShellWindow.open(stage, dir.resolve("home"), fixture);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(20, condition);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<TerritoryNode> tree(FxRobot robot) {
        return (TreeTableView<TerritoryNode>) robot.lookup("#territoryTree").query();
    }

    private static TreeItem<TerritoryNode> find(TreeItem<TerritoryNode> item, String code) {
        if (item.getValue() != null && item.getValue().kind() == TerritoryNode.Kind.ESSP && code.equals(item.getValue().code())) {
            return item;
        }
        for (TreeItem<TerritoryNode> child : item.getChildren()) {
            TreeItem<TerritoryNode> found = find(child, code);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Shows the territory tree with the ESSP {@code code} found by the search, selected. */
    private static TreeItem<TerritoryNode> selectInTree(FxRobot robot, String code) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText())
                && robot.lookup("#territoryTree").tryQuery().isPresent() && tree(robot).getRoot().getChildren().size() == 12);
        robot.clickOn("#territorySearch").write(code);
        waitUntil(() -> find(tree(robot).getRoot(), code) != null && tree(robot).getRow(find(tree(robot).getRoot(), code)) >= 0);
        TreeItem<TerritoryNode> item = find(tree(robot).getRoot(), code);
        robot.interact(() -> {
            tree(robot).getSelectionModel().select(item);
            tree(robot).requestFocus();
        });
        return item;
    }

    private static void assertRegistryShows(FxRobot robot, String code, String name) throws Exception {
        waitUntil(() -> robot.lookup("#formNameFr").tryQuery().isPresent()
                && name.equals(robot.lookup("#formNameFr").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#formCode").queryAs(TextField.class).getText()).isEqualTo(code);
        assertThat(robot.lookup("#nav-registry").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-territory").queryAs(ToggleButton.class).isSelected()).isFalse();
        waitUntil(() -> robot.lookup("#detailTitle").queryAs(Label.class).getText().contains(name));
        TableView<?> table = robot.lookup("#registryTable").queryAs(TableView.class);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().toString().contains(code));
    }

    @Test
    void enterOnAnEsspOpensItsFormAndDetail(FxRobot robot) throws Exception {
        selectInTree(robot, "E004");
        robot.type(KeyCode.ENTER);
        assertRegistryShows(robot, "E004", "Dispensaire Dar Chaoui");
    }

    @Test
    void doubleClickOnAnEsspOpensItsFormAndDetail(FxRobot robot) throws Exception {
        TreeItem<TerritoryNode> item = selectInTree(robot, "E005");
        int row = tree(robot).getRow(item);
        javafx.scene.Node cell = robot.lookup(".tree-table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TreeTableRow<?> r && r.getIndex() == row).findFirst().orElseThrow();
        robot.doubleClickOn(cell, MouseButton.PRIMARY);
        assertRegistryShows(robot, "E005", "CSU Anfa");
    }
}
