package ma.essp.diag.app.training;

import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.FixtureWindowTest;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingParticipantRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingSessionRecord;
import ma.essp.diag.database.repository.SyncedRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * In the real window, French: cohort "Tanger 2027" (2 participants, session "Module 1"). Its seats set to 1 are refused
 * on the form and nothing is saved; a new name is saved and Ctrl+Z puts the old one back; the session deleted from the
 * sessions tab comes back with Ctrl+Z.
 */
class TrainingPlanEditingUiTest extends FixtureWindowTest {

    @BeforeAll
    static void prepare() throws Exception {
        createFixture((dsl, edit) -> {
            TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
            p.setCode("PSP");
            p.setKind("short_course");
            p.setTitleFr("Planification et suivi");
            int programme = SyncedRows.insert(dsl, edit, p);
            TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
            c.setProgrammeId(programme);
            c.setName("Tanger 2027");
            c.setStartsOn(LocalDate.parse("2027-03-01"));
            c.setEndsOn(LocalDate.parse("2027-06-30"));
            c.setSeats(12);
            int cohort = SyncedRows.insert(dsl, edit, c);
            TrainingSessionRecord s = dsl.newRecord(TRAINING_SESSION);
            s.setCohortId(cohort);
            s.setTitle("Module 1");
            s.setStartsOn(LocalDate.parse("2027-03-08"));
            s.setEndsOn(LocalDate.parse("2027-03-09"));
            s.setHours(12.0);
            SyncedRows.insert(dsl, edit, s);
            for (String name : new String[] {"Amina Alaoui", "Omar Bennani"}) {
                TrainingParticipantRecord who = dsl.newRecord(TRAINING_PARTICIPANT);
                who.setCohortId(cohort);
                who.setFullName(name);
                SyncedRows.insert(dsl, edit, who);
            }
        });
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private static String cohortName() throws Exception {
        return query("SELECT name || '/' || version FROM training_cohort");
    }

    private static void select(FxRobot robot, String tabId) {
        robot.interact(() -> {
            TabPane tabs = (TabPane) robot.lookup("#trainingView").query().lookup(".tab-pane");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private static String chosenCohort(FxRobot robot) {
        FilterChoice c = ((ComboBox<FilterChoice>) robot.lookup("#trainingCohort").query()).getValue();
        return c == null ? "" : c.label();
    }

    @Test
    void aRefusedEditSavesNothingAGoodOneIsUndoneAndADeletedSessionComesBack(FxRobot robot) throws Exception {
        ShellWindow.waitUntil(20, () -> robot.lookup("#nav-training").tryQuery().isPresent());
        robot.clickOn("#nav-training");
        ShellWindow.waitUntil(20, () -> robot.lookup("#cohortName").tryQuery().isPresent()
                && "Tanger 2027".equals(robot.lookup("#cohortName").queryAs(TextField.class).getText()));
        select(robot, "training-tab-cohort");

        robot.doubleClickOn("#cohortSeats").write("1");
        robot.clickOn("#saveCohort");
        ShellWindow.waitUntil(10, () -> robot.lookup("#cohortMessage").queryAs(Label.class).getText()
                .equals("La cohorte compte déjà 2 participants : pas moins de places. Rien n’a été enregistré."));
        assertThat(cohortName()).isEqualTo("Tanger 2027/1");

        robot.doubleClickOn("#cohortSeats").write("20");
        robot.interact(() -> robot.lookup("#cohortName").queryAs(TextField.class).setText("Tanger-Tétouan 2027"));
        robot.clickOn("#saveCohort");
        ShellWindow.waitUntil(20, () -> chosenCohort(robot).endsWith("Tanger-Tétouan 2027"));
        assertThat(cohortName()).isEqualTo("Tanger-Tétouan 2027/2");

        robot.interact(() -> robot.lookup("#saveCohort").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        ShellWindow.waitUntil(20, () -> chosenCohort(robot).endsWith("— Tanger 2027"));
        assertThat(cohortName()).isEqualTo("Tanger 2027/3");

        select(robot, "training-tab-sessions");
        @SuppressWarnings("unchecked")
        TableView<TrainingViewModel.SessionRow> sessions = (TableView<TrainingViewModel.SessionRow>) robot.lookup("#sessionTable").query();
        robot.interact(() -> sessions.getSelectionModel().select(0));
        robot.clickOn("#deleteSession");
        ShellWindow.waitUntil(20, () -> sessions.getItems().isEmpty());
        robot.interact(sessions::requestFocus);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        ShellWindow.waitUntil(20, () -> sessions.getItems().size() == 1);
        assertThat(sessions.getItems().getFirst().title()).isEqualTo("Module 1");
    }
}
