package ma.essp.diag.app.training;

import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.FixtureWindowTest;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.training.TrainingViewModel.AttendanceRow;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingParticipantRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingSessionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * In the real window, French: a cohort requiring 20 h with sessions of 12 h and 8 h; Amina attended the first (12 h,
 * 60 %). Typing 9 h for the 8 h session is refused on the grid with the rule's words and nothing is saved; typing 8 h
 * is saved and her completion turns to 100 %, completed.
 */
class TrainingAttendanceUiTest extends FixtureWindowTest {

    @BeforeAll
    static void prepare() throws Exception {
        createFixture((dsl, edit) -> {
            TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
            p.setCode("PSP");
            p.setKind("short_course");
            p.setTitleFr("Planification et suivi");
            p.setRequiredHours(20.0);
            int programme = SyncedRows.insert(dsl, edit, p);
            TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
            c.setProgrammeId(programme);
            c.setName("Tanger 2027");
            c.setStartsOn(LocalDate.parse("2027-03-01"));
            c.setEndsOn(LocalDate.parse("2027-06-30"));
            c.setSeats(12);
            int cohort = SyncedRows.insert(dsl, edit, c);
            int s1 = session(dsl, edit, cohort, "Module 1", "2027-03-08", 12.0);
            session(dsl, edit, cohort, "Module 2", "2027-04-12", 8.0);
            TrainingParticipantRecord who = dsl.newRecord(TRAINING_PARTICIPANT);
            who.setCohortId(cohort);
            who.setFullName("Amina Alaoui");
            who.setGender("f");
            int amina = SyncedRows.insert(dsl, edit, who);
            new TrainingRepository(dsl).setAttendance(edit, s1, amina, null, true, 12.0);
        });
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private static int session(DSLContext dsl, EditContext edit, int cohort, String title, String start, double hours) {
        TrainingSessionRecord s = dsl.newRecord(TRAINING_SESSION);
        s.setCohortId(cohort);
        s.setTitle(title);
        s.setStartsOn(LocalDate.parse(start));
        s.setEndsOn(LocalDate.parse(start).plusDays(1));
        s.setHours(hours);
        s.setPlace("DRS Tanger");
        s.setTrainers("ENSP");
        return SyncedRows.insert(dsl, edit, s);
    }

    @SuppressWarnings("unchecked")
    private static TableView<AttendanceRow> grid(FxRobot robot) {
        return (TableView<AttendanceRow>) robot.lookup("#attendanceGrid").query();
    }

    private static int attendanceRows() throws Exception {
        return Integer.parseInt(query("SELECT count(*) FROM training_attendance WHERE deleted = 0"));
    }

    private static void type(FxRobot robot, int columnIndex, String text) {
        TableView<AttendanceRow> grid = grid(robot);
        TableColumn<AttendanceRow, ?> column = grid.getColumns().get(columnIndex);
        robot.interact(() -> {
            grid.requestFocus();
            grid.edit(0, column);
        });
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void hoursAboveTheSessionAreRefusedThenTheFixShowsCompletion(FxRobot robot) throws Exception {
        ShellWindow.waitUntil(20, () -> robot.lookup("#nav-training").tryQuery().isPresent());
        robot.clickOn("#nav-training");
        ShellWindow.waitUntil(20, () -> robot.lookup("#attendanceGrid").tryQuery().isPresent()
                && grid(robot).getItems().size() == 1 && grid(robot).getColumns().size() == 7);
        AttendanceRow before = grid(robot).getItems().getFirst();
        assertThat(before.hours()).containsExactly("12 h", "");
        assertThat(before.completion()).isEqualTo("60 %");
        assertThat(before.completed()).isFalse();

        // column 0 is the name, 1 and 2 the two modules
        type(robot, 2, "9");
        ShellWindow.waitUntil(10, () -> robot.lookup("#attendanceMessage").queryAs(Label.class).getText()
                .contains("Plus d’heures que la séance n’en compte (8 h)"));
        assertThat(robot.lookup("#attendanceMessage").queryAs(Label.class).getText()).contains("Rien n’a été enregistré");
        assertThat(attendanceRows()).isEqualTo(1);
        assertThat(grid(robot).getItems().getFirst().hours()).containsExactly("12 h", "");

        type(robot, 2, "8");
        ShellWindow.waitUntil(20, () -> grid(robot).getItems().size() == 1
                && grid(robot).getItems().getFirst().completed());
        AttendanceRow after = grid(robot).getItems().getFirst();
        assertThat(after.hours()).containsExactly("12 h", "8 h");
        assertThat(after.total()).isEqualTo("20 h");
        assertThat(after.completion()).isEqualTo("100 %");
        assertThat(robot.lookup("#attendanceMessage").queryAs(Label.class).getText()).isEqualTo("Enregistré.");
        assertThat(attendanceRows()).isEqualTo(2);
        assertThat(robot.lookup("#trainingSummary").queryAs(Label.class).getText()).contains("1 ont terminé");
    }
}
