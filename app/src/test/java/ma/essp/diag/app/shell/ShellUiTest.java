package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.territory.TerritoryNode;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.ShellWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Click-through tests of the real window, run headless (Monocle, Glass robot) with the real
 * background executor: open a fixture mission, expand the tree, filter the ESSP list, switch to Arabic and back.
 */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    @TempDir
    Path dir;
    private ShellView shell;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        window = ShellWindow.open(stage, dir.resolve("home"), fixture);
        shell = window.shell();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(15, condition);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<TerritoryNode> tree(FxRobot robot) {
        return (TreeTableView<TerritoryNode>) robot.lookup("#territoryTree").query();
    }

    private static void waitForMission(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText()));
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent() && tree(robot).getRoot().getChildren().size() == 12);
    }

    @Test
    void opensTheMissionWithItsStatusBar(FxRobot robot) throws Exception {
        waitForMission(robot);
        assertThat(robot.lookup("#syntheticBadge").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#syntheticBadge").queryAs(Label.class).getText()).isEqualTo("Données synthétiques");
        assertThat(robot.lookup("#statusCounts").queryAs(Label.class).getText()).startsWith("ESSP : 6 · Circonscriptions : 3");
        assertThat(robot.lookup("#statusSchema").queryAs(Label.class).getText()).startsWith("Schéma v");
        assertThat(stage.getTitle()).isEqualTo("ESSP Diagnostic — Mission de test");
        // every area of the ToR is built: the perpetrator-care roll-out is a button like the others
        assertThat(robot.lookup("#nav-violence").queryAs(ButtonBase.class).isDisabled()).isFalse();
    }

    @Test
    void aRegionExpandsToShowItsProvinces(FxRobot robot) throws Exception {
        waitForMission(robot);
        TreeItem<TerritoryNode> tangerRegion = tree(robot).getRoot().getChildren().getFirst();
        assertThat(tangerRegion.isExpanded()).isFalse();

        robot.clickOn("Tanger-Tétouan-Al Hoceima").type(KeyCode.RIGHT);
        waitUntil(tangerRegion::isExpanded);

        assertThat(tangerRegion.getChildren()).extracting(item -> item.getValue().label())
                .contains("Tanger-Assilah", "Tétouan", "Al Hoceima").hasSize(8);
        assertThat(robot.lookup("Tanger-Assilah").tryQuery()).isPresent(); // the province row is on screen
        assertThat(tree(robot).getExpandedItemCount()).isEqualTo(12 + 8);
    }

    @Test
    void typingInTheSearchBoxFiltersTheTree(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#territorySearch").write("maarif");
        waitUntil(() -> tree(robot).getRoot().getChildren().size() == 1);
        assertThat(tree(robot).getRoot().getChildren().getFirst().getValue().label()).isEqualTo("Casablanca-Settat");
        assertThat(robot.lookup("CSU Maârif  ·  CSU-2").tryQuery()).isPresent();
    }

    @Test
    void typingInTheEsspFilterNarrowsTheList(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.clickOn("#nav-registry");
        waitUntil(() -> robot.lookup("#registryTable").tryQuery().isPresent()
                && robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 6);
        assertThat(robot.lookup("#registryCount").queryAs(Label.class).getText()).isEqualTo("6 / 6 ESSP");

        robot.clickOn("#registryText").write("csu");
        waitUntil(() -> robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 4);
        assertThat(robot.lookup("#registryCount").queryAs(Label.class).getText()).isEqualTo("4 / 6 ESSP");

        robot.write(" m");
        waitUntil(() -> robot.lookup("#registryTable").queryAs(TableView.class).getItems().size() == 2);
        assertThat(robot.lookup("#registryCount").queryAs(Label.class).getText()).isEqualTo("2 / 6 ESSP");
    }

    /**
     * Fires the Language menu's item as a click would. Menu popups are placed off the headless platform's
     * screen, where the robot's click lands on another item, so the popup itself is not clicked.
     */
    private static void chooseLanguage(FxRobot robot, String itemId) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    @Test
    void arabicFlipsTheWindowRightToLeftAndFrenchFlipsItBack(FxRobot robot) throws Exception {
        waitForMission(robot);
        assertThat(stage.getScene().getRoot().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);

        chooseLanguage(robot, "languageAr");
        waitUntil(() -> stage.getScene().getRoot().getEffectiveNodeOrientation() == NodeOrientation.RIGHT_TO_LEFT);
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent() && tree(robot).getRoot().getChildren().size() == 12);
        // with the invisible mark that lets JavaFX wrap Arabic (RtlWrapText)
        assertThat(robot.lookup("#nav-territory").queryLabeled().getText()).isEqualTo("المجال \u200Eالترابي");
        assertThat(tree(robot).getRoot().getChildren().getFirst().getValue().label()).isEqualTo("طنجة-تطوان-الحسيمة");
        assertThat(tree(robot).getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(Files.readString(dir.resolve("home").resolve("settings.properties"))).contains("language=ar");

        chooseLanguage(robot, "languageFr");
        waitUntil(() -> stage.getScene().getRoot().getEffectiveNodeOrientation() == NodeOrientation.LEFT_TO_RIGHT);
        assertThat(robot.lookup("#nav-territory").queryLabeled().getText()).isEqualTo("Territoire");
        assertThat(Files.readString(dir.resolve("home").resolve("settings.properties"))).contains("language=fr");
    }
}
