package ma.essp.diag.app.violence;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The Violence (auteurs) window tests' set-up, one per test class: its own mission file (the fixture mission, a site
 * "Consultation Médina" of E001 identified on 5 January 2026 with one doctor trained on 20 January, Amina Alaoui) and
 * its own window (one per class: a second test in a class would find the first window's closed nodes); and what the
 * tests do in it. The fields are the test instance's (one instance per class), so two classes share nothing.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ViolenceUiFixture {

    /**
     * The running class's own folder: JUnit sets a static {@code @TempDir} and runs the static {@code @BeforeAll} again
     * for each test class (classes run one after the other), so two classes share no file. (An instance set-up under
     * PER_CLASS comes after TestFX's {@code @Start}, which then found no mission.)
     */
    @TempDir
    static Path dir;
    static Path fixture;
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

    /**
     * Opens the window on this class's mission. TestFX calls only the {@code @Start} methods the test class itself
     * declares, so each test class has one that calls this.
     */
    void open(Stage stage) throws Exception {
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

    /** The first column of the first row of {@code sql} on the mission file. */
    static String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fixture); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.getString(1);
        }
    }

    /** Opens Violence (auteurs) and chooses its one site. */
    static void openTheSite(FxRobot robot) throws Exception {
        ShellWindow.waitUntil(20, () -> robot.lookup("#nav-violence").tryQuery().isPresent());
        robot.clickOn("#nav-violence");
        ShellWindow.waitUntil(20, () -> robot.lookup("#violenceSites").tryQuery().isPresent() && sites(robot).getItems().size() == 1);
        robot.interact(() -> sites(robot).getSelectionModel().select(0));
    }

    @SuppressWarnings("unchecked")
    static TableView<SiteRow> sites(FxRobot robot) {
        return (TableView<SiteRow>) robot.lookup("#violenceSites").query();
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    static void moveTo(FxRobot robot, String stage, String date) {
        ComboBox<FilterChoice> next = robot.lookup("#nextStage").queryAs(ComboBox.class);
        robot.interact(() -> {
            next.setValue(next.getItems().stream().filter(c -> stage.equals(c.value())).findFirst().orElseThrow());
            robot.lookup("#stageDate").queryAs(TextField.class).setText(date);
        });
        robot.clickOn("#moveStage");
    }

    static void select(FxRobot robot, int tab) {
        TabPane tabs = robot.lookup("#violenceTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }

    /** Types a period's dates and patients followed (drop-outs left as they are) on the Periods tab and saves it. */
    static void typePeriod(FxRobot robot, String start, String end, String followed) {
        robot.interact(() -> {
            robot.lookup("#periodStart").queryAs(TextField.class).setText(start);
            robot.lookup("#periodEnd").queryAs(TextField.class).setText(end);
            robot.lookup("#periodFollowed").queryAs(TextField.class).setText(followed);
        });
        robot.clickOn("#savePeriod");
    }
}
