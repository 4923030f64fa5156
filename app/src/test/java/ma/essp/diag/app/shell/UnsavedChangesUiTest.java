package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.ShellWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The unsaved-changes question in the real window (headless, real background executor), in French: an ESSP name
 * edited, then another area clicked or the window closed, asks with French buttons; Cancel keeps the form and its
 * edit, Discard leaves; the window stays open until the question is answered.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesUiTest {

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

    /** Opens the registry, loads the first ESSP into the form and appends to its name. */
    private static TextField editAnEsspName(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().isPresent()
                && robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 6);
        TableView<?> table = robot.lookup("#registryTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        TextField name = robot.lookup("#formNameFr").queryAs(TextField.class);
        waitUntil(() -> !name.getText().isEmpty());
        robot.clickOn(name).write(" bis");
        return name;
    }

    private static DialogPane question(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isPresent());
        return robot.lookup("#unsavedChangesDialog").queryAs(DialogPane.class);
    }

    private static void answer(FxRobot robot, DialogPane pane, String buttonText) {
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getText().equals(buttonText)).findFirst().orElseThrow();
        Button button = (Button) pane.lookupButton(type);
        robot.clickOn(button);
    }

    @Test
    void leavingTheFormAsksInFrenchAndCancelKeepsTheEdit(FxRobot robot) throws Exception {
        TextField name = editAnEsspName(robot);
        String edited = name.getText();
        assertThat(edited).endsWith(" bis");

        robot.clickOn("#nav-territory");
        DialogPane pane = question(robot);
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText)
                .containsExactly("Enregistrer", "Ne pas enregistrer", "Annuler");
        assertThat(pane.getContentText()).contains("modifications non enregistrées");

        answer(robot, pane, "Annuler");
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
        // still on the form, the edit intact, and the navigation highlights the page shown
        assertThat(robot.lookup("#registryTable").tryQuery()).isPresent();
        assertThat(robot.lookup("#territoryTree").tryQuery()).isEmpty();
        assertThat(name.getText()).isEqualTo(edited);
        assertThat(robot.lookup("#nav-registry").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-territory").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void inEnglishTheQuestionAndItsButtonsAreEnglish(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.interact(() -> shell.viewModel().setLanguage(I18n.ENGLISH));
        waitUntil(() -> robot.lookup("#nav-registry").tryQuery().isPresent()
                && !robot.lookup("#nav-registry").queryAs(ToggleButton.class).isDisabled()
                && robot.lookup("#nav-territory").queryAs(ToggleButton.class).getText().equals("Territory"));
        editAnEsspName(robot);
        robot.clickOn("#nav-territory");
        DialogPane pane = question(robot);
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Save", "Discard", "Cancel");
        assertThat(pane.getContentText()).isEqualTo("This page has unsaved changes. Do you want to save them before going on?");
        answer(robot, pane, "Cancel");
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
        assertThat(robot.lookup("#registryTable").tryQuery()).isPresent();
    }

    @Test
    void discardLeavesTheFormWithoutSaving(FxRobot robot) throws Exception {
        editAnEsspName(robot);
        robot.clickOn("#nav-territory");
        answer(robot, question(robot), "Ne pas enregistrer");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-territory").queryAs(ToggleButton.class).isSelected()).isTrue();

        // nothing was written: back in the registry, no ESSP carries the edited name
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().isPresent()
                && robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 6);
        robot.clickOn("#registryText").write("bis");
        waitUntil(() -> robot.lookup("#registryTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void closingTheWindowWithUnsavedEditsWaitsForTheAnswer(FxRobot robot) throws Exception {
        TextField name = editAnEsspName(robot);
        String edited = name.getText();

        // what Alt+F4 or the title bar's button send
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane pane = question(robot);
        assertThat(stage.isShowing()).isTrue();
        answer(robot, pane, "Annuler");
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(name.getText()).isEqualTo(edited);

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        answer(robot, question(robot), "Ne pas enregistrer");
        waitUntil(() -> !stage.isShowing());
    }
}
