package ma.essp.diag.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.ui.map.MapCanvas;
import ma.essp.diag.app.shell.ShellView;
import ma.essp.diag.app.task.TaskGroup;
import ma.essp.diag.app.territory.TerritoryNode;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.testing.ShellWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Click-through tests of the registry form and the map in the real window (headless, real background executor):
 * an ESSP with an invalid code is refused with its message and nothing saved; fixed, it is saved and found in the
 * list and in the territory tree; the map draws and a click on a province lists its ESSPs.
 */
@ExtendWith(ApplicationExtension.class)
class RegistryMapUiTest {

    @TempDir
    Path dir;
    private ShellView shell;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        window = ShellWindow.open(stage, dir.resolve("home"), fixture);
        shell = window.shell();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(20, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(FxRobot robot, String id) {
        return (TableView<Object>) robot.lookup(id).query();
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String labelPart) throws Exception {
        ComboBox<FilterChoice> box = (ComboBox<FilterChoice>) robot.lookup(id).query();
        waitUntil(() -> box.getItems().stream().anyMatch(c -> c.label().contains(labelPart)));
        robot.interact(() -> box.setValue(box.getItems().stream().filter(c -> c.label().contains(labelPart)).findFirst().orElseThrow()));
    }

    private void openRegistry(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().isPresent() && table(robot, "#registryTable").getItems().size() == 6);
    }

    @Test
    void anInvalidCodeIsRefusedThenTheFixedEsspIsSavedAndFound(FxRobot robot) throws Exception {
        openRegistry(robot);
        robot.clickOn("#registryNew");
        choose(robot, "#formProvince", "Tanger-Assilah");
        choose(robot, "#formCirconscription", "Gzenaya");
        // the next free code of the province is proposed; the consultant types another one over it
        waitUntil(() -> "01511-0001".equals(robot.lookup("#formCode").queryAs(javafx.scene.control.TextField.class).getText()));
        robot.clickOn("#formCode").push(KeyCode.CONTROL, KeyCode.A).write("1511-42");
        robot.clickOn("#formNameFr").write("CSR Hjar Nhal");
        choose(robot, "#formCategory", "CSR-1 ");
        // Enter saves (default button), from any field
        robot.clickOn("#formNameFr").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Label codeError = robot.lookup("#formCodeError").queryAs(Label.class);
        assertThat(codeError.isVisible()).isTrue();
        assertThat(codeError.getText()).contains("01571-0007");
        assertThat(robot.lookup("#formStatus").queryAs(Label.class).getText()).contains("1");
        // the outcome of the refused save: once every task of the mission has ended, nothing was written
        waitUntil(() -> ((TaskGroup) shell.viewModel().missionTasks()).running() == 0);
        assertThat(table(robot, "#registryTable").getItems()).hasSize(6);
        assertThat(shell.viewModel().mission().orElseThrow().dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP,
                ma.essp.diag.database.jooq.Tables.ESSP.NAME_FR.eq("CSR Hjar Nhal"))).as("nothing saved").isZero();

        robot.doubleClickOn("#formCode").eraseText(7).write("01511-0042").type(KeyCode.ENTER);
        waitUntil(() -> table(robot, "#registryTable").getItems().size() == 7);
        assertThat(codeError.isVisible()).isFalse();
        assertThat(robot.lookup("#formStatus").queryAs(Label.class).getText()).contains("01511-0042");
        robot.clickOn("#registryText").write("hjar");
        waitUntil(() -> table(robot, "#registryTable").getItems().size() == 1);

        robot.clickOn("#nav-territory");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        robot.clickOn("#territorySearch").write("hjar");
        @SuppressWarnings("unchecked")
        TreeTableView<TerritoryNode> tree = (TreeTableView<TerritoryNode>) robot.lookup("#territoryTree").query();
        waitUntil(() -> tree.getExpandedItemCount() > 0 && find(tree.getRoot(), "CSR Hjar Nhal"));
    }

    private static boolean find(TreeItem<TerritoryNode> item, String text) {
        if (item.getValue() != null && item.getValue().label().contains(text)) {
            return true;
        }
        return item.getChildren().stream().anyMatch(child -> find(child, text));
    }

    @Test
    void theMapRendersAndAClickOnAProvinceListsItsEssps(FxRobot robot) throws Exception {
        openRegistry(robot);
        robot.clickOn("#nav-map");
        waitUntil(() -> robot.lookup("#mapCanvas").tryQuery().isPresent()
                && robot.lookup("#mapLegend").queryAs(javafx.scene.layout.VBox.class).getChildren().size() > 1);
        assertThat(robot.lookup("#mapCredit").queryAs(Label.class).getText()).isEqualTo("© OpenStreetMap contributors / morocco-map, ODbL");
        MapCanvas canvas = robot.lookup("#mapCanvas").queryAs(MapCanvas.class);
        assertThat(canvas.getWidth()).isPositive();
        double[] tanger = canvas.toCanvas(-5.81, 35.70);
        assertThat(canvas.provinceAt(tanger[0], tanger[1])).contains("MA-TNG");
        Point2D onScreen = canvas.localToScreen(tanger[0], tanger[1]);
        robot.clickOn(onScreen);
        waitUntil(() -> robot.lookup("#mapSelected").queryAs(Label.class).getText().contains("Tanger-Assilah"));
        // E001..E004 are in Tanger-Assilah
        waitUntil(() -> table(robot, "#mapEsspTable").getItems().size() == 4);
    }
}
