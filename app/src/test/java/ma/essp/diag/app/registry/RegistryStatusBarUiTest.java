package ma.essp.diag.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * In the real window: deleting an ESSP moves the status bar's count at once, and undo moves it back; saving a new
 * ESSP moves it too.
 */
@ExtendWith(ApplicationExtension.class)
class RegistryStatusBarUiTest {

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

    private static String counts(FxRobot robot) {
        return robot.lookup("#statusCounts").queryAs(Label.class).getText();
    }

    @Test
    void deleteAndUndoKeepTheStatusBarCountsTrue(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().isPresent()
                && robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 6);
        // the fixture: 6 live ESSPs (E099 is deleted already)
        assertThat(counts(robot)).startsWith("ESSP : 6 ·");
        TableView<?> table = robot.lookup("#registryTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(1));

        robot.clickOn("#registryDelete");
        waitUntil(() -> counts(robot).startsWith("ESSP : 5 ·"));
        Label message = robot.lookup("#registryActionStatus").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("1 ESSP supprimé(s) (réversible : Annuler).");
        assertThat(table.getItems()).hasSize(5);

        robot.clickOn("#registryUndo");
        waitUntil(() -> counts(robot).startsWith("ESSP : 6 ·"));
        waitUntil(() -> message.getText().isEmpty() && table.getItems().size() == 6);
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String labelPart) {
        javafx.scene.control.ComboBox<ma.essp.diag.app.ui.FilterChoice> box =
                robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> box.setValue(box.getItems().stream().filter(c -> c.label().contains(labelPart)).findFirst().orElseThrow()));
    }

    @Test
    void savingANewEsspMovesTheStatusBarCount(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().isPresent()
                && robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 6);
        assertThat(counts(robot)).startsWith("ESSP : 6 ·");
        robot.interact(() -> robot.lookup("#registryNew").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil(() -> !robot.lookup("#formProvince").queryAs(javafx.scene.control.ComboBox.class).getItems().isEmpty());
        choose(robot, "#formProvince", "Tanger-Assilah");
        choose(robot, "#formCirconscription", "Gzenaya");
        choose(robot, "#formCategory", "CSR-1 ");
        robot.interact(() -> {
            robot.lookup("#formCode").queryAs(javafx.scene.control.TextField.class).setText("01511-0041");
            robot.lookup("#formNameFr").queryAs(javafx.scene.control.TextField.class).setText("CSR Hjar Nhal");
            robot.lookup("#formLatitude").queryAs(javafx.scene.control.TextField.class).setText("35,70");
            robot.lookup("#formLongitude").queryAs(javafx.scene.control.TextField.class).setText("-5,75");
            robot.lookup("#formPopulation").queryAs(javafx.scene.control.TextField.class).setText("12 000");
        });
        robot.interact(() -> robot.lookup("#formSave").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil(() -> robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 7);
        waitUntil(() -> counts(robot).startsWith("ESSP : 7 ·"));
    }
}
