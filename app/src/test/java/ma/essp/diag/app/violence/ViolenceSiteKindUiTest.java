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
 * In the real window, French, on its own fixture (one window per class: a second test in the stage-gate class found the
 * first window's closed nodes): the site form turns the ESSP site into a hospital site, and Ctrl+Z makes it the ESSP
 * site of E001 again.
 */
@ExtendWith(ApplicationExtension.class)
class ViolenceSiteKindUiTest {

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
    @SuppressWarnings("unchecked")
    void theSiteFormChangesTheKindAndCtrlZPutsItBack(FxRobot robot) throws Exception {
        String esspId = query("SELECT id FROM essp WHERE code = 'E001'");
        ShellWindow.waitUntil(20, () -> robot.lookup("#nav-violence").tryQuery().isPresent());
        robot.clickOn("#nav-violence");
        ShellWindow.waitUntil(20, () -> robot.lookup("#violenceSites").tryQuery().isPresent() && sites(robot).getItems().size() == 1);
        robot.interact(() -> sites(robot).getSelectionModel().select(0));
        ComboBox<FilterChoice> kind = robot.lookup("#siteKind").queryAs(ComboBox.class);
        ComboBox<FilterChoice> essp = robot.lookup("#siteEssp").queryAs(ComboBox.class);
        ShellWindow.waitUntil(10, () -> kind.getValue() != null && "essp".equals(kind.getValue().value())
                && essp.getValue() != null && essp.getValue().label().startsWith("E001 — "));
        assertThat(essp.isVisible()).isTrue();
        Button save = robot.lookup("#saveSite").queryAs(Button.class);
        assertThat(save.isDisabled()).as("as loaded: nothing to save").isTrue();

        robot.interact(() -> kind.setValue(kind.getItems().stream().filter(c -> "hospital".equals(c.value())).findFirst().orElseThrow()));
        assertThat(essp.isVisible()).as("a hospital site names no ESSP").isFalse();
        robot.clickOn("#saveSite");
        ShellWindow.waitUntil(20, () -> "hôpital".equals(sites(robot).getItems().getFirst().kind()));
        assertThat(query("SELECT kind || ' ' || coalesce(essp_id, '-') FROM perpetrator_care_site")).isEqualTo("hospital -");

        robot.interact(() -> robot.lookup("#violenceSites").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        ShellWindow.waitUntil(20, () -> "ESSP".equals(sites(robot).getItems().getFirst().kind()));
        assertThat(query("SELECT kind || ' ' || essp_id FROM perpetrator_care_site")).isEqualTo("essp " + esspId);
        ShellWindow.waitUntil(10, () -> kind.getValue() != null && "essp".equals(kind.getValue().value())
                && essp.getValue() != null && essp.getValue().label().startsWith("E001 — "));
        assertThat(save.isDisabled()).isTrue();
    }
}
