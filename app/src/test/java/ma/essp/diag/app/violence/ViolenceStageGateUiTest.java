package ma.essp.diag.app.violence;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.violence.ViolenceViewModel.SiteRow;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * In the real window, French: a site identified on 5 January 2026 with one trained doctor and no period. Moving it to
 * "lancé" (implementation) is refused on the field with the rule's words and nothing is saved; a period with patients
 * typed on the Periods tab is saved; the same move is then accepted and the site shows its new stage.
 */
@ExtendWith(ApplicationExtension.class)
class ViolenceStageGateUiTest {

    @TempDir
    static Path dir;
    private static Path fixture;
    private ShellWindow window;
    private static long setupTimeout;

    @BeforeAll
    static void prepare() throws Exception {
        setupTimeout = FxToolkit.toolkitContext().getSetupTimeoutInMillis();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(Math.max(setupTimeout, 120_000));
        fixture = dir.resolve("fixture.essp");
        try (MissionFile mission = FixtureMission.create(fixture)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            int province = dsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                    .where(CIRCONSCRIPTION.ID.eq(essp.getCirconscriptionId())).fetchOne(CIRCONSCRIPTION.PROVINCE_ID);
            StaffPositionRecord position = dsl.newRecord(STAFF_POSITION);
            position.setEsspId(essp.getId());
            position.setCadreCode("doctor_gp");
            position.setHolderName("Amina Alaoui");
            int positionId = SyncedRows.insert(dsl, edit, position);
            PerpetratorCareRepository care = new PerpetratorCareRepository(dsl);
            int site = care.addSite(edit, "Consultation Médina", province, essp.getId(), LocalDate.parse("2026-01-05"));
            care.addStaff(edit, site, positionId, null, null, "Médecin référent", LocalDate.parse("2026-01-20"), 30.0);
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

    @AfterAll
    static void restore() {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(setupTimeout);
    }

    private static String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fixture); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.getString(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteRow> sites(FxRobot robot) {
        return (TableView<SiteRow>) robot.lookup("#violenceSites").query();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static void moveTo(FxRobot robot, String stage, String date) {
        ComboBox<FilterChoice> next = robot.lookup("#nextStage").queryAs(ComboBox.class);
        robot.interact(() -> {
            next.setValue(next.getItems().stream().filter(c -> stage.equals(c.value())).findFirst().orElseThrow());
            robot.lookup("#stageDate").queryAs(TextField.class).setText(date);
        });
        robot.clickOn("#moveStage");
    }

    private static void select(FxRobot robot, int tab) {
        TabPane tabs = robot.lookup("#violenceTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }

    @Test
    void launchedIsRefusedWithoutPatientsThenAcceptedOnceAPeriodIsRecorded(FxRobot robot) throws Exception {
        ShellWindow.waitUntil(20, () -> robot.lookup("#nav-violence").tryQuery().isPresent());
        robot.clickOn("#nav-violence");
        ShellWindow.waitUntil(20, () -> robot.lookup("#violenceSites").tryQuery().isPresent() && sites(robot).getItems().size() == 1);
        assertThat(text(robot, "#violenceSummary")).startsWith("1 sites ciblés · 1 avec personnel formé · 0 en activité");
        robot.interact(() -> sites(robot).getSelectionModel().select(0));
        ShellWindow.waitUntil(10, () -> text(robot, "#stageNow").contains("identifié"));
        assertThat(text(robot, "#stageNow")).isEqualTo("Étape actuelle : identifié (Exploration) depuis le 05/01/2026");

        moveTo(robot, "launched", "01/04/2026");
        ShellWindow.waitUntil(10, () -> text(robot, "#stageMessage").contains("exige au moins une période avec des patients"));
        assertThat(text(robot, "#stageMessage")).isEqualTo(
                "« lancé » exige au moins une période avec des patients suivis (onglet Périodes). Rien n’a été enregistré.");
        assertThat(query("SELECT stage FROM perpetrator_care_site")).isEqualTo("identified");

        // the evidence: a quarter with 8 patients followed, typed on the Periods tab (the drop-outs above it refused first)
        select(robot, 2);
        robot.interact(() -> {
            robot.lookup("#periodStart").queryAs(TextField.class).setText("01/01/2026");
            robot.lookup("#periodEnd").queryAs(TextField.class).setText("31/03/2026");
            robot.lookup("#periodFollowed").queryAs(TextField.class).setText("8");
            robot.lookup("#periodDropouts").queryAs(TextField.class).setText("9");
        });
        robot.clickOn("#savePeriod");
        ShellWindow.waitUntil(10, () -> text(robot, "#periodMessage").startsWith("Plus d’abandons que de patients suivis (8)"));
        assertThat(query("SELECT count(*) FROM perpetrator_care_period")).isEqualTo("0");
        assertThat(robot.lookup("#periodMessage").queryLabeled().getStyleClass()).as("a refusal: error style")
                .contains("danger").doesNotContain("success");
        robot.interact(() -> robot.lookup("#periodDropouts").queryAs(TextField.class).setText("1"));
        robot.clickOn("#savePeriod");
        ShellWindow.waitUntil(20, () -> "Enregistré.".equals(text(robot, "#periodMessage"))
                && robot.lookup("#violencePeriods").queryAs(TableView.class).getItems().size() == 1);
        assertThat(query("SELECT patients_followed FROM perpetrator_care_period")).isEqualTo("8");
        assertThat(robot.lookup("#periodMessage").queryLabeled().getStyleClass()).as("saved: success style, not the error's")
                .contains("success").doesNotContain("danger");

        select(robot, 0);
        moveTo(robot, "launched", "01/04/2026");
        ShellWindow.waitUntil(20, () -> text(robot, "#stageNow").contains("lancé"));
        assertThat(text(robot, "#stageNow")).isEqualTo("Étape actuelle : lancé (Mise en œuvre) depuis le 01/04/2026");
        assertThat(query("SELECT stage || ' ' || stage_since FROM perpetrator_care_site")).isEqualTo("launched 2026-04-01");
        assertThat(query("SELECT reached_on FROM perpetrator_care_stage WHERE stage = 'launched'")).isEqualTo("2026-04-01");
        assertThat(sites(robot).getItems().getFirst().phase()).isEqualTo("Mise en œuvre");
        assertThat(text(robot, "#violenceSummary")).startsWith("1 sites ciblés · 1 avec personnel formé · 1 en activité");
    }
}
