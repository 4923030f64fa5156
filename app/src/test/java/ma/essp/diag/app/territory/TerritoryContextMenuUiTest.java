package ma.essp.diag.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the real window: the territory tree's context menu, opened with Shift+F10, offers what fits the selected node's
 * level: expand/collapse everything below a region, copy its name, a new ESSP in a circonscription (the registry's
 * form then starts in that circonscription and its province).
 */
@ExtendWith(ApplicationExtension.class)
class TerritoryContextMenuUiTest {

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

    @SuppressWarnings("unchecked")
    private static TreeTableView<TerritoryNode> tree(FxRobot robot) {
        return (TreeTableView<TerritoryNode>) robot.lookup("#territoryTree").query();
    }

    private static List<String> visibleIds(ContextMenu menu) {
        List<String> ids = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if (item.isVisible() && item.getId() != null) {
                ids.add(item.getId());
            }
        }
        return ids;
    }

    private static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void openMenuWithTheKeyboard(FxRobot robot, TreeItem<TerritoryNode> node) throws Exception {
        robot.interact(() -> {
            tree(robot).getSelectionModel().select(node);
            tree(robot).requestFocus();
        });
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        waitUntil(() -> tree(robot).getContextMenu().isShowing());
    }

    private static TreeItem<TerritoryNode> first(TreeItem<TerritoryNode> item, TerritoryNode.Kind kind) {
        if (item.getValue() != null && item.getValue().kind() == kind) {
            return item;
        }
        for (TreeItem<TerritoryNode> child : item.getChildren()) {
            TreeItem<TerritoryNode> found = first(child, kind);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean allExpanded(TreeItem<TerritoryNode> item) {
        return item.isLeaf() || item.isExpanded() && item.getChildren().stream().allMatch(TerritoryContextMenuUiTest::allExpanded);
    }

    @Test
    void theMenuFollowsTheLevelOfTheNodeAndWorksFromTheKeyboard(FxRobot robot) throws Exception {
        waitUntil(() -> "Mission de test".equals(robot.lookup("#statusMission").queryAs(Label.class).getText())
                && robot.lookup("#territoryTree").tryQuery().isPresent() && tree(robot).getRoot().getChildren().size() == 12);
        TreeItem<TerritoryNode> region = tree(robot).getRoot().getChildren().stream()
                .filter(r -> first(r, TerritoryNode.Kind.CIRCONSCRIPTION) != null).findFirst().orElseThrow();
        openMenuWithTheKeyboard(robot, region);
        ContextMenu menu = tree(robot).getContextMenu();
        assertThat(visibleIds(menu)).containsExactly("territoryMenuExpand", "territoryMenuCollapse", "territoryMenuCopyName",
                "territoryMenuCopyCode");
        // the shell's copy and export of the table follow the node's actions
        assertThat(menu.getItems().stream().filter(MenuItem::isVisible).map(MenuItem::getText))
                .contains("Exporter le tableau vers Excel…", "Exporter le tableau en CSV…");

        robot.interact(() -> {
            item(menu, "territoryMenuExpand").fire();
            menu.hide();
        });
        assertThat(allExpanded(region)).isTrue();

        openMenuWithTheKeyboard(robot, region);
        robot.interact(() -> {
            item(menu, "territoryMenuCopyName").fire();
            menu.hide();
        });
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(region.getValue().label());

        TreeItem<TerritoryNode> circonscription = first(region, TerritoryNode.Kind.CIRCONSCRIPTION);
        openMenuWithTheKeyboard(robot, circonscription);
        assertThat(visibleIds(menu)).startsWith("territoryMenuNewEssp", "territoryMenuExpand", "territoryMenuCollapse")
                .doesNotContain("territoryMenuOpen");
        robot.interact(() -> {
            item(menu, "territoryMenuNewEssp").fire();
            menu.hide();
        });
        String wanted = String.valueOf(circonscription.getValue().key().id());
        waitUntil(() -> robot.lookup("#formCirconscription").tryQuery().isPresent()
                && robot.lookup("#formCirconscription").queryAs(ComboBox.class).getValue() instanceof FilterChoice c
                && c.value().equals(wanted));
        assertThat(robot.lookup("#nav-registry").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#formProvince").queryAs(ComboBox.class).getValue()).isNotNull();
        assertThat(robot.lookup("#formCode").queryAs(javafx.scene.control.TextField.class).getText())
                .as("a new ESSP: the code proposed for its province").isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();

        // an ESSP: open its record
        robot.interact(() -> robot.lookup("#nav-territory").queryAs(ToggleButton.class).fire());
        waitUntil(() -> robot.lookup("#territoryTree").tryQuery().isPresent() && tree(robot).getRoot().getChildren().size() == 12);
        TreeItem<TerritoryNode> someRegion = tree(robot).getRoot().getChildren().stream()
                .filter(r -> first(r, TerritoryNode.Kind.ESSP) != null).findFirst().orElseThrow();
        robot.interact(() -> expandAllFrom(someRegion));
        TreeItem<TerritoryNode> essp = first(someRegion, TerritoryNode.Kind.ESSP);
        openMenuWithTheKeyboard(robot, essp);
        ContextMenu again = tree(robot).getContextMenu();
        assertThat(visibleIds(again)).containsExactly("territoryMenuOpen", "territoryMenuCopyName", "territoryMenuCopyCode");
        robot.interact(() -> {
            item(again, "territoryMenuOpen").fire();
            again.hide();
        });
        waitUntil(() -> robot.lookup("#formCode").tryQuery().isPresent()
                && essp.getValue().code().equals(robot.lookup("#formCode").queryAs(javafx.scene.control.TextField.class).getText()));
    }

    private static void expandAllFrom(TreeItem<TerritoryNode> item) {
        item.setExpanded(true);
        item.getChildren().forEach(TerritoryContextMenuUiTest::expandAllFrom);
    }
}
