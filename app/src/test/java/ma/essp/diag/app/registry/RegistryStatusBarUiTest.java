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

/** In the real window: deleting an ESSP moves the status bar's count at once, and undo moves it back. */
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
}
