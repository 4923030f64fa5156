package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
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
 * The editors of the recent areas (data flows, complaints, findings, training, mission details) tell the shell about
 * their unsaved edits: typing in one of their forms and then clicking another area asks Save / Discard / Cancel in
 * French; Cancel stays on the area with the text kept, Discard leaves it, and an untouched form leaves without a
 * question. Saving a finding from the question writes it before leaving.
 */
@ExtendWith(ApplicationExtension.class)
class RecentAreasUnsavedUiTest {

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
        ShellWindow.waitUntil(30, condition);
    }

    @Test
    void dataFlowsObservationForm(FxRobot robot) throws Exception {
        typedThenLeft(robot, "dataflows", "#observationExpected", "120");
    }

    @Test
    void complaintsSampleNotes(FxRobot robot) throws Exception {
        typedThenLeft(robot, "complaints", "#complaintsNotes", "Attente trop longue aux urgences");
    }

    @Test
    void findingsEditor(FxRobot robot) throws Exception {
        typedThenLeft(robot, "findings", "#findingTitle", "Registre des réclamations absent");
    }

    @Test
    void findingsRecommendationEditor(FxRobot robot) throws Exception {
        typedThenLeft(robot, "findings", "#recommendationAction", "Former les points focaux");
    }

    @Test
    void trainingSessionForm(FxRobot robot) throws Exception {
        typedThenLeft(robot, "training", "#sessionTitle", "Séminaire de clôture");
    }

    @Test
    void missionDetails(FxRobot robot) throws Exception {
        typedThenLeft(robot, "mission", "#missionName", "Mission de test, phase 2");
    }

    @Test
    void savingAFindingFromTheQuestionWritesItThenLeaves(FxRobot robot) throws Exception {
        open(robot, "findings");
        type(robot, "#findingTitle", "Registre des réclamations absent");
        robot.clickOn("#nav-territory");
        answer(robot, question(robot), "Enregistrer");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        // back on the board: the finding is there, and the editor is clean again (no question when leaving)
        open(robot, "findings");
        waitUntil(() -> robot.lookup("#quadrant-weakness").queryAs(ListView.class).getItems().stream()
                .anyMatch(c -> c.toString().contains("Registre des réclamations absent")));
        robot.clickOn("#nav-territory");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        assertThat(robot.lookup("#unsavedChangesDialog").tryQuery()).isEmpty();
    }

    /** Untouched, the area is left without a question; typed into, it asks; Cancel stays with the text; Discard leaves. */
    private void typedThenLeft(FxRobot robot, String area, String field, String text) throws Exception {
        open(robot, area);
        robot.clickOn("#nav-territory");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        assertThat(robot.lookup("#unsavedChangesDialog").tryQuery()).as("nothing typed: no question").isEmpty();

        open(robot, area);
        type(robot, field, text);
        robot.clickOn("#nav-territory");
        DialogPane pane = question(robot);
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText)
                .containsExactly("Enregistrer", "Ne pas enregistrer", "Annuler");
        assertThat(pane.getContentText()).contains("modifications non enregistrées");
        answer(robot, pane, "Annuler");
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
        assertThat(robot.lookup(field).queryAs(TextInputControl.class).getText()).isEqualTo(text);
        assertThat(robot.lookup("#territoryTree").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-" + area).queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#nav-territory");
        answer(robot, question(robot), "Ne pas enregistrer");
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-territory").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    private static void open(FxRobot robot, String area) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText())
                && robot.lookup("#nav-" + area).tryQuery().isPresent() && !robot.lookup("#nav-" + area).query().isDisabled());
        robot.clickOn("#nav-" + area);
        waitUntil(() -> robot.lookup("#areaLoading").tryQuery().isEmpty()
                && robot.lookup("#nav-" + area).queryAs(ToggleButton.class).isSelected());
    }

    /** Shows the tab holding {@code id}, then types {@code text} into it as a user would. */
    private static void type(FxRobot robot, String id, String text) throws Exception {
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        Node field = robot.lookup(id).query();
        robot.interact(() -> {
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                for (Tab tab : tabs.getTabs()) {
                    if (contains(tab.getContent(), field)) {
                        tabs.getSelectionModel().select(tab);
                    }
                }
            }
        });
        waitUntil(() -> shown(field));
        robot.interact(field::requestFocus);
        robot.write(text);
        waitUntil(() -> text.equals(((TextInputControl) field).getText()));
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean contains(Node root, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    private static DialogPane question(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isPresent());
        return robot.lookup("#unsavedChangesDialog").queryAs(DialogPane.class);
    }

    private static void answer(FxRobot robot, DialogPane pane, String buttonText) {
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getText().equals(buttonText)).findFirst().orElseThrow();
        robot.clickOn((Button) pane.lookupButton(type));
    }
}
