package ma.essp.diag.app.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.repository.ComplaintRepository.EsspRef;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The "Réclamations" area in the real window: a sample acknowledged before it was received is refused with the
 * message on its field and nothing saved; corrected, it is saved, and the dashboard counts it. A note with a name is
 * warned about and the saved sample is flagged.
 */
@ExtendWith(ApplicationExtension.class)
class ComplaintsUiTest {

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

    @Test
    @SuppressWarnings("unchecked")
    void aSampleWithAnErrorIsRefusedThenFixedAndTheDashboardCountsIt(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-complaints");
        waitUntil(() -> robot.lookup("#complaintsView").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#complaintsView").queryAs(TabPane.class);
        Label summary = robot.lookup("#complaintsDashboardSummary").queryAs(Label.class);
        waitUntil(() -> summary.getText().contains("Réclamations : 0 "));

        ListView<EsspRef> essps = robot.lookup("#complaintsEssps").queryAs(ListView.class);
        waitUntil(() -> essps.getItems().size() == 6);
        robot.interact(() -> essps.getSelectionModel().select(0)); // E001, Tanger
        TableView<ComplaintEntryViewModel.SampleLine> samples = robot.lookup("#complaintsSamples").queryAs(TableView.class);
        Button save = robot.lookup("#complaintsSaveSample").queryAs(Button.class);
        waitUntil(() -> !save.isDisabled());

        LocalDate received = LocalDate.now().minusDays(10);
        robot.interact(() -> {
            robot.lookup("#complaintsReceived").queryAs(DatePicker.class).setValue(received);
            robot.lookup("#complaintsAcknowledged").queryAs(DatePicker.class).setValue(received.minusDays(2));
            pick(robot.lookup("#complaintsChannel").queryAs(ComboBox.class), "register");
            pick(robot.lookup("#complaintsKind").queryAs(ComboBox.class), "reclamation");
            pick(robot.lookup("#complaintsCategory").queryAs(ComboBox.class), "waiting_time");
        });
        robot.interact(save::fire); // the form may be scrolled below the window's fold
        Label ackError = robot.lookup("#complaintsErrorACKNOWLEDGED").queryAs(Label.class);
        waitUntil(() -> ackError.isVisible());
        assertThat(ackError.getText()).isEqualTo("Avant la date de réception.");
        assertThat(robot.lookup("#complaintsStatus").queryAs(Label.class).getText()).startsWith("Non enregistrée");
        assertThat(samples.getItems()).isEmpty();

        // fixed, with a note naming someone: warned, saved, flagged
        robot.interact(() -> robot.lookup("#complaintsAcknowledged").queryAs(DatePicker.class).setValue(received.plusDays(3)));
        robot.interact(() -> robot.lookup("#complaintsNotes").queryAs(TextArea.class).setText("Plainte de M. Alami"));
        Label warning = robot.lookup("#complaintsNotesWarning").queryAs(Label.class);
        waitUntil(warning::isVisible);
        assertThat(warning.getText()).contains("civilité suivie d’un nom");
        robot.interact(save::fire); // the form may be scrolled below the window's fold
        waitUntil(() -> samples.getItems().size() == 1);
        assertThat(ackError.isVisible()).isFalse();
        assertThat(samples.getItems().getFirst().flagged()).isTrue();
        assertThat(robot.lookup("#complaintsNotes").queryAs(TextArea.class).getText()).isEmpty(); // form cleared

        // the dashboard counts it: one complaint, acknowledged in 3 days (in time), its answer not due yet
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitUntil(() -> summary.getText().contains("Réclamations : 1 "));
        assertThat(summary.getText()).contains("AR dans le délai : 100 % (n = 1)");
        TableView<ComplaintDashboardViewModel.Line> units = robot.lookup("#complaintsUnits").queryAs(TableView.class);
        ComplaintDashboardViewModel.Line tanger = units.getItems().stream()
                .filter(l -> l.unit().code().equals("01")).findFirst().orElseThrow();
        assertThat(tanger.samples()).isEqualTo("1");
        // drill down to the province, then back up
        // Tanger's row (the table's cells are not in the rows' order)
        javafx.scene.Node tangerRow = robot.lookup("#complaintsUnits .table-row-cell")
                .match((javafx.scene.control.TableRow<ComplaintDashboardViewModel.Line> r) -> r.getItem() == tanger)
                .queryAs(javafx.scene.Node.class);
        robot.interact(() -> scrollIntoView(tangerRow)); // the dashboard scrolls: its table may be below the fold
        robot.doubleClickOn(tangerRow);
        waitUntil(() -> !robot.lookup("#complaintsUp").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#complaintsDashboardTitle").queryAs(Label.class).getText()).startsWith("Maroc › ");
        Button up = robot.lookup("#complaintsUp").queryAs(Button.class);
        robot.interact(() -> scrollIntoView(up)); // back at the top of the page
        robot.clickOn(up);
        waitUntil(() -> robot.lookup("#complaintsDashboardTitle").queryAs(Label.class).getText().equals("Maroc"));
    }

    /**
     * Another ESSP chosen with a checklist tick not saved: the question is asked; Cancel keeps the ESSP and the tick,
     * Discard drops the tick and shows the other ESSP, Save writes the tick before showing the other one.
     */
    @Test
    @SuppressWarnings("unchecked")
    void switchingTheEsspAsksAboutUnsavedTicks(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-complaints");
        waitUntil(() -> robot.lookup("#complaintsView").tryQuery().isPresent());
        ListView<EsspRef> essps = robot.lookup("#complaintsEssps").queryAs(ListView.class);
        waitUntil(() -> essps.getItems().size() == 6);
        robot.interact(() -> essps.getSelectionModel().select(0));
        javafx.scene.control.CheckBox register = robot.lookup("#complaintsItemREGISTER").queryAs(javafx.scene.control.CheckBox.class);
        waitUntil(() -> !register.isDisabled());
        EsspRef first = essps.getItems().get(0);
        EsspRef second = essps.getItems().get(1);
        robot.interact(() -> register.setSelected(true));

        javafx.application.Platform.runLater(() -> essps.getSelectionModel().select(1)); // the question waits for an answer
        answer(robot, "Annuler");
        waitUntil(() -> first.equals(essps.getSelectionModel().getSelectedItem()));
        assertThat(register.isSelected()).as("the tick is kept").isTrue();

        javafx.application.Platform.runLater(() -> essps.getSelectionModel().select(1)); // the question waits for an answer
        answer(robot, "Ne pas enregistrer");
        waitUntil(() -> second.equals(essps.getSelectionModel().getSelectedItem()));
        assertThat(register.isSelected()).as("the other ESSP's checklist, nothing ticked").isFalse();
        robot.interact(() -> essps.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
        assertThat(register.isSelected()).as("the discarded tick was never written").isFalse();

        robot.interact(() -> register.setSelected(true));
        javafx.application.Platform.runLater(() -> essps.getSelectionModel().select(1)); // the question waits for an answer
        answer(robot, "Enregistrer");
        waitUntil(() -> second.equals(essps.getSelectionModel().getSelectedItem()));
        robot.interact(() -> essps.getSelectionModel().select(0));
        waitUntil(register::isSelected); // written before the switch: the first ESSP shows it again
        assertThat(robot.lookup("#unsavedChangesDialog").tryQuery()).isEmpty();
    }

    private static void answer(FxRobot robot, String buttonText) throws Exception {
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#unsavedChangesDialog").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getText().equals(buttonText))
                .findFirst().orElseThrow();
        robot.clickOn((Button) pane.lookupButton(type));
        waitUntil(() -> robot.lookup("#unsavedChangesDialog").tryQuery().isEmpty());
    }

    private static void pick(ComboBox<FilterChoice> box, String code) {
        box.setValue(box.getItems().stream().filter(c -> code.equals(c.value())).findFirst().orElseThrow());
    }

    /** Scrolls the page that holds {@code node} until the node's top is in view, as the user would with the wheel. */
    private static void scrollIntoView(javafx.scene.Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane page && page.getContent() != null) {
                javafx.geometry.Bounds inContent = page.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double scrollable = page.getContent().getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
                if (scrollable > 0) {
                    page.setVvalue(Math.clamp(inContent.getMinY() / scrollable, 0, 1) * (page.getVmax() - page.getVmin())
                            + page.getVmin());
                }
                page.layout();
                return;
            }
        }
    }
}
