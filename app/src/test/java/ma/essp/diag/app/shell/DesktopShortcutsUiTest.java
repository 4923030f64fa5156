package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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
 * The desktop's keyboard conventions in the real window (headless): the arrow keys in the navigation change the
 * page with the highlight, Ctrl+F goes to the page's search field, Ctrl+N is the page's own "new", F1 shows the
 * page's help, Ctrl+Q quits after the unsaved-changes question.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopShortcutsUiTest {

    @TempDir
    Path dir;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
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

    private static void waitForMission(FxRobot robot) throws Exception {
        // the window rebuilds its scene when the mission arrives: look the nodes up afresh each time
        waitUntil(() -> robot.lookup("#statusMission").tryQuery().map(n -> "Mission de test".equals(((Label) n).getText())).orElse(false)
                && robot.lookup("#nav-territory").tryQuery().map(n -> !n.isDisabled()).orElse(false));
    }

    private static boolean registryShown(FxRobot robot) {
        return robot.lookup("#registryTable").tryQuery().isPresent()
                && robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 6;
    }

    @Test
    void arrowKeysInTheNavigationChangeThePageWithTheHighlight(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#nav-territory");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());

        robot.type(KeyCode.DOWN);
        waitUntil(() -> registryShown(robot));
        assertThat(robot.lookup("#nav-registry").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-registry").queryAs(ToggleButton.class).isFocused()).isTrue();
        assertThat(robot.lookup("#territoryTree").tryQuery()).isEmpty();

        robot.type(KeyCode.UP);
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-territory").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-registry").queryAs(ToggleButton.class).isSelected()).isFalse();

        // the first area: up goes nowhere, the page stays
        robot.type(KeyCode.UP);
        assertThat(robot.lookup("#territoryTree").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-territory").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void ctrlFFocusesTheSearchFieldOfThePageShown(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#nav-territory");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitUntil(() -> robot.lookup("#territorySearch").queryAs(TextField.class).isFocused());

        robot.clickOn("#nav-registry");
        waitUntil(() -> registryShown(robot));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitUntil(() -> robot.lookup("#registryText").queryAs(TextField.class).isFocused());
        robot.write("zzz");
        waitUntil(() -> robot.lookup("#registryTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void ctrlNIsThePagesNewItemAndOnlyThat(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#nav-registry");
        waitUntil(() -> registryShown(robot));
        TableView<?> table = robot.lookup("#registryTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        TextField name = robot.lookup("#formNameFr").queryAs(TextField.class);
        waitUntil(() -> !name.getText().isEmpty());

        robot.clickOn("#registryText");
        robot.push(KeyCode.CONTROL, KeyCode.N);
        // a blank form for a new ESSP, and no "new mission" file dialog: the same mission stays open
        waitUntil(() -> name.getText().isEmpty());
        assertThat(robot.lookup("#statusMission").queryAs(Label.class).getText()).isEqualTo("Mission de test");
        assertThat(robot.listWindows()).hasSize(1);
    }

    @Test
    void f1ShowsTheHelpOfThePageShown(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#nav-registry");
        waitUntil(() -> registryShown(robot));
        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Établissements (ESSP)");
        assertThat(pane.getContentText()).startsWith("La liste montre les ESSP de la mission").contains("Nouvel ESSP (Ctrl+N)");
        robot.clickOn((Button) pane.lookupButton(pane.getButtonTypes().getFirst()));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    @Test
    void ctrlQAsksAboutUnsavedEditsThenQuits(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#nav-registry");
        waitUntil(() -> registryShown(robot));
        TableView<?> table = robot.lookup("#registryTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        TextField name = robot.lookup("#formNameFr").queryAs(TextField.class);
        waitUntil(() -> !name.getText().isEmpty());
        robot.clickOn(name).write(" bis");
        String edited = name.getText();

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isPresent());
        answer(robot, "Annuler");
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(name.getText()).isEqualTo(edited);

        robot.clickOn(name);
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isPresent());
        answer(robot, "Ne pas enregistrer");
        waitUntil(() -> !stage.isShowing());
    }

    private static void answer(FxRobot robot, String buttonText) {
        DialogPane pane = robot.lookup("#unsavedChangesDialog").queryAs(DialogPane.class);
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getText().equals(buttonText)).findFirst().orElseThrow();
        robot.clickOn((Button) pane.lookupButton(type));
    }
}
