package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import ma.essp.diag.database.testing.FixtureMission;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The checklist's ESSP picker in the real window: typing part of a code or of a name narrows the list (a national
 * mission has thousands of ESSPs) and Enter picks the match.
 */
@ExtendWith(ApplicationExtension.class)
class EsspPickerUiTest {

    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        window = ShellWindow.open(stage, dir.resolve("home"), fixture);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(20, condition);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAssessmentPickerFindsAnEsspByNameOrCode(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        robot.clickOn("#nav-pms");
        waitUntil(() -> robot.lookup("#pmsTabs").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#pmsTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ComboBox<EsspListRow> essp = robot.lookup("#assessmentEssp").queryAs(ComboBox.class);
        assertThat(essp).isInstanceOf(SearchableComboBox.class);
        waitUntil(() -> essp.getItems().size() == 6);

        // part of a name, in any case
        robot.clickOn(essp);
        robot.write("dar chaoui");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> essp.getValue() != null);
        assertThat(essp.getValue().code()).isEqualTo("E004");

        // a code
        robot.clickOn(essp);
        robot.write("E006");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> essp.getValue() != null && essp.getValue().code().equals("E006"));
        assertThat(essp.getValue().nameFr()).isEqualTo("CSU Maârif");
    }
}
