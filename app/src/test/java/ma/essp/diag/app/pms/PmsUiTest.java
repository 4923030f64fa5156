package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import ma.essp.diag.app.shell.ShellView;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueVersionRepository.VersionInfo;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import ma.essp.diag.app.testing.ShellWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The PMS area in the real window on the small demo mission, headless: the dashboard's national figure equals the
 * library's (the CLI's), the table drills down, the checklist is answered from the keyboard,
 * an item added to a draft catalogue shows in the comparison. With the environment
 * variable {@code ESSP_SCREENSHOTS} set to a folder, the screens are saved there as PNG (the README's pictures).
 */
@ExtendWith(ApplicationExtension.class)
class PmsUiTest {

    @TempDir
    static Path dir;
    private static Path demo;
    private ShellView shell;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        if (demo == null) {
            demo = dir.resolve("demo-small.essp");
            new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        }
        window = ShellWindow.open(stage, dir.resolve("home"), ShellWindow.identifiedSettings(dir.resolve("home"), demo), demo, 1440, 940);
        shell = window.shell();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(30, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<AggregateRow> table(FxRobot robot) {
        return robot.lookup("#readinessTable").queryAs(TableView.class);
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        String folder = System.getenv("ESSP_SCREENSHOTS");
        if (folder == null || folder.isBlank()) {
            return;
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path target = Files.createDirectories(Path.of(folder)).resolve(name + ".png");
        ImageIO.write(out, "png", target.toFile());
    }

    @Test
    void dashboardShowsTheLibraryFiguresAndDrillsDown(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-pms").tryQuery().isPresent() && !robot.lookup("#nav-pms").query().isDisabled());
        robot.clickOn("#nav-pms");
        waitUntil(() -> robot.lookup("#readinessTable").tryQuery().isPresent() && table(robot).getItems().size() == 12);

        AggregateRow nation;
        try (MissionFile mission = MissionFile.open(demo, dir.resolve("backups"))) {
            nation = ReadinessAggregator.aggregate(ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load()),
                    AggregationLevel.NATIONAL).getFirst();
        }
        String summary = robot.lookup("#readinessSummary").queryAs(Label.class).getText();
        // the CLI's digits, with the French decimal comma
        assertThat(summary).contains(": " + ReadinessTableWriter.number(nation.general().value()).replace('.', ',') + " (n = " + nation.general().n());
        screenshot(robot, "pms-dashboard");
        // every score cell of the table carries its own n and completeness
        AggregateRow first = table(robot).getItems().getFirst();
        java.util.Set<javafx.scene.Node> cells = robot.lookup("#readinessTable .table-cell").queryAll();
        assertThat(cells.stream().map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() == first && c.getTooltip() != null)
                .map(c -> c.getTooltip().getText()))
                .contains("n = " + first.general().n() + " · complétude "
                        + ReadinessTableWriter.percent(first.general().completeness()).replace('.', ',') + " %");

        AggregateRow withEssps = table(robot).getItems().stream().filter(r -> r.assessed() > 0).findFirst().orElseThrow();
        int index = table(robot).getItems().indexOf(withEssps);
        robot.interact(() -> {
            table(robot).requestFocus();
            table(robot).getSelectionModel().clearAndSelect(index);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> table(robot).getItems().stream().allMatch(r -> r.level() == AggregationLevel.PROVINCE));
        assertThat(robot.lookup("#readinessSummary").queryAs(Label.class).getText()).startsWith(withEssps.name() + " — ");
    }

    @Test
    void theChecklistIsAnsweredFromTheKeyboard(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-pms").tryQuery().isPresent() && !robot.lookup("#nav-pms").query().isDisabled());
        robot.clickOn("#nav-pms");
        waitUntil(() -> robot.lookup("#pmsTabs").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#pmsTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        ComboBox<Object> essp = robot.lookup("#assessmentEssp").queryAs(ComboBox.class);
        waitUntil(() -> !essp.getItems().isEmpty());
        robot.interact(() -> essp.getSelectionModel().select(0));
        @SuppressWarnings("unchecked")
        TableView<AssessmentViewModel.ChecklistRow> checklist = robot.lookup("#assessmentChecklist").queryAs(TableView.class);
        waitUntil(() -> checklist.getItems().size() > 50);
        // start a fresh assessment so that the keys below change a known state
        robot.clickOn("#assessmentNew");
        waitUntil(() -> robot.lookup("#assessmentProgressText").queryAs(Label.class).getText().startsWith("0 / "));
        robot.interact(() -> {
            checklist.requestFocus();
            checklist.getSelectionModel().clearAndSelect(1);
        });
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT1).type(KeyCode.DIGIT3).type(KeyCode.DIGIT4).type(KeyCode.DIGIT2);
        waitUntil(() -> robot.lookup("#assessmentProgressText").queryAs(Label.class).getText().startsWith("5 / "));
        assertThat(checklist.getItems().get(1).stateProperty().get().code()).isEqualTo("available_functioning");
        assertThat(checklist.getItems().get(3).stateProperty().get().code()).isEqualTo("absent");
        assertThat(checklist.getItems().get(4).stateProperty().get().code()).isEqualTo("not_applicable");
        assertThat(checklist.getSelectionModel().getSelectedIndex()).isEqualTo(6);
        robot.type(KeyCode.DOWN).type(KeyCode.UP).type(KeyCode.DIGIT1);
        waitUntil(() -> checklist.getItems().get(6).stateProperty().get().code().equals("available_functioning"));
        robot.type(KeyCode.UP).type(KeyCode.R);
        waitUntil(() -> checklist.getItems().get(6).sourceProperty().get().equals("reported"));
        robot.type(KeyCode.C).write("vu le registre").type(KeyCode.ENTER);
        waitUntil(() -> checklist.getItems().get(6).commentProperty().get().equals("vu le registre"));
        screenshot(robot, "pms-checklist");
    }

    @Test
    void anItemAddedToADraftShowsAsAddedInTheComparison(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-pms").tryQuery().isPresent() && !robot.lookup("#nav-pms").query().isDisabled());
        robot.clickOn("#nav-pms");
        waitUntil(() -> robot.lookup("#pmsTabs").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#pmsTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        ListView<VersionInfo> versions = robot.lookup("#catalogueVersions").queryAs(ListView.class);
        waitUntil(() -> versions.getSelectionModel().getSelectedItem() != null);
        int before = versions.getItems().size();
        robot.clickOn("#catalogueDraft");
        waitUntil(() -> versions.getItems().size() == before + 1 && versions.getSelectionModel().getSelectedItem() != null
                && versions.getSelectionModel().getSelectedItem().id() == versions.getItems().getLast().id());
        assertThat(versions.getSelectionModel().getSelectedItem().published()).isFalse();

        @SuppressWarnings("unchecked")
        TreeView<CatalogueEditorViewModel.TreeNode> tree = robot.lookup("#catalogueTree").queryAs(TreeView.class);
        waitUntil(() -> tree.getRoot() != null && !robot.lookup("#catalogueAddArea").query().isDisabled());
        TreeItem<CatalogueEditorViewModel.TreeNode> anc = tree.getRoot().getChildren().stream().flatMap(a -> a.getChildren().stream())
                .filter(s -> s.getValue().kind() == CatalogueEditorViewModel.NodeKind.SERVICE && s.getValue().text().startsWith("ANC "))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            anc.getParent().setExpanded(true);
            tree.scrollTo(tree.getRow(anc));
        });
        robot.clickOn(robot.lookup(".tree-cell").<javafx.scene.control.TreeCell<CatalogueEditorViewModel.TreeNode>>match(
                c -> c.getTreeItem() == anc).queryAs(javafx.scene.control.TreeCell.class));
        waitUntil(() -> robot.lookup("#catalogueFormTitle").queryAs(Label.class).getText().equals("Service"));
        robot.clickOn("#catalogueAddItem");
        waitUntil(() -> robot.lookup("#catalogueFormTitle").queryAs(Label.class).getText().equals("Nouvel élément traceur"));
        robot.clickOn("#catalogueSave");
        waitUntil(() -> robot.lookup("#catalogueCodeError").queryAs(Label.class).isVisible());
        robot.clickOn("#catalogueCode").write("ANC90");
        robot.clickOn("#catalogueLabelFr").write("Oxymetre de pouls");
        robot.clickOn("#catalogueSave");
        @SuppressWarnings("unchecked")
        ListView<String> changes = robot.lookup("#catalogueChanges").queryAs(ListView.class);
        waitUntil(() -> changes.getItems().contains("ADDED ITEM ANC90"));
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().text()).startsWith("ANC90 — Oxymetre de pouls");
        waitUntil(() -> robot.lookup("#catalogueFormTitle").queryAs(Label.class).getText().equals("Élément traceur"));
        assertThat(robot.lookup("#catalogueCode").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("ANC90");
        screenshot(robot, "pms-catalogue-editor");
    }
}
