package ma.essp.diag.app.violence;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import ma.essp.diag.app.testing.ShellWindow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * In the real window, French, on its own fixture ({@link ViolenceUiFixture}): a quarter typed on the Periods tab and the
 * site moved to "personnel formé" are both undone by Ctrl+Z, the move first, and redone by Ctrl+Y; each step read
 * back from the file and on the screen. A period that is not a calendar quarter is refused on the field.
 */
class ViolenceUndoUiTest extends ViolenceUiFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    private void undo(FxRobot robot) {
        robot.interact(() -> robot.lookup("#violenceSites").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
    }

    private void redo(FxRobot robot) {
        robot.interact(() -> robot.lookup("#violenceSites").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Y);
    }

    private static int periods(FxRobot robot) {
        return robot.lookup("#violencePeriods").queryAs(TableView.class).getItems().size();
    }

    @Test
    void ctrlZUndoesTheStageMoveThenThePeriodAndCtrlYRedoesThem(FxRobot robot) throws Exception {
        openTheSite(robot);
        ShellWindow.waitUntil(10, () -> text(robot, "#stageNow").contains("identifié"));

        select(robot, 2);
        typePeriod(robot, "01/02/2026", "30/04/2026", "8");
        ShellWindow.waitUntil(10, () -> text(robot, "#periodMessage").startsWith("Une période est un trimestre civil"));
        assertThat(text(robot, "#periodMessage")).isEqualTo("Une période est un trimestre civil : celui de cette date de début "
                + "va du 01/01/2026 au 31/03/2026. Rien n’a été enregistré.");
        assertThat(query("SELECT count(*) FROM perpetrator_care_period")).isEqualTo("0");
        typePeriod(robot, "01/01/2026", "31/03/2026", "8");
        ShellWindow.waitUntil(20, () -> "Enregistré.".equals(text(robot, "#periodMessage")) && periods(robot) == 1);

        select(robot, 0);
        moveTo(robot, "staff_trained", "01/02/2026");
        ShellWindow.waitUntil(20, () -> text(robot, "#stageNow").contains("personnel formé"));
        assertThat(query("SELECT stage || ' ' || stage_since || ' v' || version FROM perpetrator_care_site"))
                .isEqualTo("staff_trained 2026-02-01 v2");

        // Ctrl+Z: the move undone (a versioned write), the period still there
        undo(robot);
        ShellWindow.waitUntil(20, () -> text(robot, "#stageNow").contains("identifié"));
        assertThat(text(robot, "#stageNow")).isEqualTo("Étape actuelle : identifié (Exploration) depuis le 05/01/2026");
        assertThat(query("SELECT stage || ' ' || stage_since || ' v' || version FROM perpetrator_care_site"))
                .isEqualTo("identified 2026-01-05 v3");
        assertThat(query("SELECT count(*) FROM perpetrator_care_period WHERE deleted = 0")).isEqualTo("1");

        // Ctrl+Z again: the period undone (soft-deleted), gone from the Periods tab
        undo(robot);
        ShellWindow.waitUntil(20, () -> periods(robot) == 0);
        assertThat(query("SELECT deleted || ' v' || version FROM perpetrator_care_period")).isEqualTo("1 v2");

        // Ctrl+Y twice: the period back, then the move
        redo(robot);
        ShellWindow.waitUntil(20, () -> periods(robot) == 1);
        redo(robot);
        ShellWindow.waitUntil(20, () -> text(robot, "#stageNow").contains("personnel formé"));
        assertThat(query("SELECT stage || ' ' || stage_since || ' v' || version FROM perpetrator_care_site"))
                .isEqualTo("staff_trained 2026-02-01 v4");
        assertThat(query("SELECT deleted || ' ' || patients_followed FROM perpetrator_care_period")).isEqualTo("0 8");
    }
}
