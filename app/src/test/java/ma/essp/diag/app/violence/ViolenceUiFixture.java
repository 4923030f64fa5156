package ma.essp.diag.app.violence;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;

import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import ma.essp.diag.app.testing.FixtureWindowTest;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.violence.ViolenceViewModel.SiteRow;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.repository.SyncedRows;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;

/**
 * The Violence (auteurs) window tests' set-up, one per test class ({@link FixtureWindowTest}): the fixture mission with
 * a site "Consultation Médina" of E001 identified on 5 January 2026 with one doctor trained on 20 January, Amina
 * Alaoui; and what the tests do in the window.
 */
abstract class ViolenceUiFixture extends FixtureWindowTest {

    @BeforeAll
    static void prepare() throws Exception {
        createFixture((dsl, edit) -> {
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
        });
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
