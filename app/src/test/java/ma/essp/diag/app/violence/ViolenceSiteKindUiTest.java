package ma.essp.diag.app.violence;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * In the real window, French, on its own fixture ({@link ViolenceUiFixture}: one window and mission per class): the
 * site form turns the ESSP site into a hospital site, and Ctrl+Z makes it the ESSP site of E001 again.
 */
class ViolenceSiteKindUiTest extends ViolenceUiFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    @Test
    @SuppressWarnings("unchecked")
    void theSiteFormChangesTheKindAndCtrlZPutsItBack(FxRobot robot) throws Exception {
        String esspId = query("SELECT id FROM essp WHERE code = 'E001'");
        openTheSite(robot);
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
