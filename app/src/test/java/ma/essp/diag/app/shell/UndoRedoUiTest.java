package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * Ctrl+Z / Ctrl+Y in the real window (headless): three saves of the ESSP form undone three times back to the start,
 * redone twice, with Edit > Undo naming the edit; inside a text field Ctrl+Z stays the field's own undo.
 */
@ExtendWith(ApplicationExtension.class)
class UndoRedoUiTest {

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

    private static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static String formName(FxRobot robot) {
        return robot.lookup("#formNameFr").queryAs(TextField.class).getText();
    }

    @Test
    void threeSavesUndoneThreeTimesAndRedoneTwiceFromTheKeyboard(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#statusMission").tryQuery().map(n -> "Mission de test".equals(((Label) n).getText())).orElse(false)
                && robot.lookup("#nav-registry").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().map(t -> ((TableView<?>) t).getItems().size() == 6).orElse(false));
        TableView<?> table = robot.lookup("#registryTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(() -> "CSU Médina".equals(formName(robot)));
        assertThat(menuItem(robot, "menuUndo").isDisable()).as("nothing to undo yet").isTrue();
        assertThat(menuItem(robot, "menuUndo").getText()).isEqualTo("Annuler");

        TextField code = robot.lookup("#formCode").queryAs(TextField.class);
        robot.interact(() -> code.setText("01511-0001")); // the fixture's code predates the code rule
        for (String name : new String[] {"Premier", "Deuxième", "Troisième"}) {
            TextField field = robot.lookup("#formNameFr").queryAs(TextField.class);
            robot.interact(() -> field.setText(name));
            robot.clickOn("#formSave");
            // saved: the list shows the new name
            waitUntil(() -> robot.lookup("#registryTable").queryAs(TableView.class).getItems().stream()
                    .anyMatch(r -> name.equals(((ma.essp.diag.database.repository.EsspRepository.EsspListRow) r).nameFr())));
        }
        assertThat(menuItem(robot, "menuUndo").getText()).isEqualTo("Annuler « modification de 01511-0001 »");
        assertThat(menuItem(robot, "menuUndo").isDisable()).isFalse();

        // inside a text field, Ctrl+Z is the field's own undo: the saved edits stay
        TextField name = robot.lookup("#formNameFr").queryAs(TextField.class);
        robot.clickOn(name);
        robot.push(KeyCode.END);
        robot.write("xyz");
        waitUntil(() -> "Troisièmexyz".equals(formName(robot)));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> "Troisième".equals(formName(robot)));
        assertThat(menuItem(robot, "menuRedo").isDisable()).as("no saved edit was undone").isTrue();

        // outside text fields, Ctrl+Z undoes the saves one by one
        robot.interact(table::requestFocus);
        String[] expected = {"Deuxième", "Premier", "CSU Médina"};
        for (String back : expected) {
            robot.push(KeyCode.CONTROL, KeyCode.Z);
            waitUntil(() -> back.equals(formName(robot)) && !menuItem(robot, "menuRedo").isDisable());
        }
        waitUntil(() -> menuItem(robot, "menuUndo").isDisable());
        assertThat(menuItem(robot, "menuRedo").getText()).isEqualTo("Rétablir « modification de 01511-0001 »");

        robot.interact(table::requestFocus);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitUntil(() -> "Premier".equals(formName(robot)));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        waitUntil(() -> "Deuxième".equals(formName(robot)));
        waitUntil(() -> !menuItem(robot, "menuUndo").isDisable());
        assertThat(menuItem(robot, "menuRedo").isDisable()).as("the third save can still be redone").isFalse();
    }
}
