package ma.essp.diag.app.violence;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import ma.essp.diag.app.testing.ShellWindow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * In the real window, French: a site identified on 5 January 2026 with one trained doctor and no period. Moving it to
 * "lancé" (implementation) is refused on the field with the rule's words and nothing is saved; a period with patients
 * typed on the Periods tab is saved; the same move is then accepted and the site shows its new stage.
 */
class ViolenceStageGateUiTest extends ViolenceUiFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
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
