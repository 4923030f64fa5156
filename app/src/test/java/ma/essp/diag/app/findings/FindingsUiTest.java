package ma.essp.diag.app.findings;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * In the real window: write a finding linked to a readiness figure (E003 assessed with every general item absent:
 * general index 0 by hand), move it to another quadrant from the keyboard, then add a recommendation — refused
 * with a message on the field while it answers no finding and costs less than zero, nothing written; saved once
 * both are right.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsUiTest {

    @TempDir
    static Path dir;
    private static Path fixture;
    private ShellWindow window;

    /** The mission is built before the window starts (the FX setup has a time limit on a loaded machine). */
    @org.junit.jupiter.api.BeforeAll
    static void mission() throws Exception {
        fixture = dir.resolve("fixture.essp");
        try (MissionFile mission = FixtureMission.create(fixture)) {
            var dsl = mission.dsl();
            AssessmentRepository assessments = new AssessmentRepository(dsl, EditContext.system("test"));
            int essp = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E003")).fetchOne(ESSP.ID);
            int a = assessments.start(essp, 1, LocalDate.of(2026, 3, 1), "test");
            Map<Integer, AnswerState> answers = new HashMap<>();
            dsl.select(PMS_ITEM.ID).from(PMS_ITEM).where(PMS_ITEM.VERSION_ID.eq(1), PMS_ITEM.SERVICE_ID.isNull())
                    .forEach(r -> answers.put(r.value1(), AnswerState.ABSENT));
            assessments.answerAll(a, answers, "observed");
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        window = ShellWindow.open(stage, dir.resolve("home"), fixture);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(20, condition);
    }

    /** One row of the mission file as it is on disk now. */
    private java.util.List<Object> row(String sql) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fixture); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            java.util.List<Object> values = new java.util.ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getObject(i));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(String sql) {
        return row(sql).getFirst();
    }

    /** Presses a button that may sit below the scrolled part of its form, as the keyboard's Space would. */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.Button.class).fire());
    }

    /** Types into a field that may sit below the scrolled part of its form. */
    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextField.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<FilterChoice> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<FindingsViewModel.Card> quadrant(FxRobot robot, String kind) {
        return robot.lookup("#quadrant-" + kind).queryAs(ListView.class);
    }

    @Test
    void writeAFindingLinkedToAReadinessFigureThenAddARecommendation(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-findings").tryQuery().isPresent() && !robot.lookup("#nav-findings").query().isDisabled());
        robot.clickOn("#nav-findings");
        waitUntil(() -> robot.lookup("#evidenceFigureUnit").tryQuery().isPresent()
                && combo(robot, "#evidenceFigureUnit").getItems().size() == 6);

        robot.clickOn("#findingTitle").write("Disponibilité générale nulle au CSR Gzenaya");
        robot.interact(() -> {
            ComboBox<FilterChoice> unit = combo(robot, "#evidenceFigureUnit");
            unit.setValue(unit.getItems().stream().filter(u -> u.value().equals("E003")).findFirst().orElseThrow());
        });
        // the general index of E003 today: every general item absent → 0
        assertThat(robot.lookup("#evidenceFigureValue").queryAs(Label.class).getText()).isEqualTo("Valeur aujourd’hui : 0,0");
        fire(robot, "#evidenceLinkFigure");
        fire(robot, "#findingSave");
        waitUntil(() -> quadrant(robot, "weakness").getItems().size() == 1);
        assertThat(row("SELECT kind, figure, unit_level, unit_code, stored_value FROM finding_evidence"))
                .containsExactly("figure", "readiness.general", "essp", "E003", 0.0);
        assertThat(value("SELECT title FROM finding")).isEqualTo("Disponibilité générale nulle au CSR Gzenaya");

        // the keyboard alternative to dragging: Ctrl+4 moves the selected card to the threats
        robot.interact(() -> {
            quadrant(robot, "weakness").getSelectionModel().selectFirst();
            quadrant(robot, "weakness").requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(() -> quadrant(robot, "threat").getItems().size() == 1 && quadrant(robot, "weakness").getItems().isEmpty());
        assertThat(value("SELECT kind FROM finding")).isEqualTo("threat");
        assertThat(value("SELECT version FROM finding")).isEqualTo(2);

        // a recommendation answering no finding, at a negative cost: two messages, nothing written
        robot.interact(() -> robot.lookup("#findingsTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.clickOn("#recommendationAction").write("Équiper le CSR Gzenaya en matériel de base");
        type(robot, "#recommendationCost", "-5");
        fire(robot, "#recommendationSave");
        waitUntil(() -> !robot.lookup("#recommendationCostMessage").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#recommendationCostMessage").queryAs(Label.class).getText())
                .isEqualTo("Le coût ne peut pas être négatif : rien n’a été enregistré.");
        assertThat(robot.lookup("#recommendationFindingsMessage").queryAs(Label.class).getText())
                .startsWith("Cochez au moins un constat");
        assertThat(value("SELECT count(*) FROM recommendation")).isEqualTo(0);

        // ticked and at 25 000 MAD: saved, answering the finding
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<FindingsViewModel.FindingChoice> findings = robot.lookup("#recommendationFindings").queryAs(ListView.class);
            findings.getItems().getFirst().chosen().set(true);
        });
        type(robot, "#recommendationCost", "25000");
        fire(robot, "#recommendationSave");
        waitUntil(() -> value("SELECT count(*) FROM recommendation").equals(1));
        assertThat(value("SELECT cost_mad FROM recommendation")).isEqualTo(25000.0);
        assertThat(value("SELECT finding_id FROM recommendation_finding")).isEqualTo(value("SELECT id FROM finding"));
        waitUntil(() -> robot.lookup("#recommendationList").queryAs(ListView.class).getItems().size() == 1);
    }
}
