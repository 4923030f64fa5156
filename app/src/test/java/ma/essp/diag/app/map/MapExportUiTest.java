package ma.essp.diag.app.map;

import ma.essp.diag.app.ui.map.MapCanvas;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.app.task.FxTaskExecutor;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspRepository;
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
 * "Export as PNG" on the map screen (headless, real background executor, the file chooser answered by the test):
 * the file is a PNG of the map's size plus the legend column and the title band, the first export proposes the
 * Documents folder, and an existing file is replaced only when the user says yes.
 */
@ExtendWith(ApplicationExtension.class)
class MapExportUiTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private FxTaskExecutor executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MapView view;

    @TempDir
    static Path shared;

    /** The fixture is made once, off the FX thread (the window's set-up has a time limit). */
    @org.junit.jupiter.api.BeforeAll
    static void fixture() throws Exception {
        FixtureMission.create(shared.resolve("fixture.essp")).close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Files.copy(shared.resolve("fixture.essp"), dir.resolve("fixture.essp"));
        mission = MissionFile.open(dir.resolve("fixture.essp"), dir.resolve("backups"));
        executor = new FxTaskExecutor();
        Files.createDirectories(dir.resolve("Documents"));
        MapViewModel vm = new MapViewModel(new EsspMapRepository(mission.dsl()), new EsspRepository(mission.dsl()), mission.dsl(),
                executor, new I18n(Locale.FRENCH), MapFigure.builtIn(), dialogs, dir.resolve("Documents"));
        view = new MapView(vm, new I18n(Locale.FRENCH));
        stage.setScene(new Scene((Parent) view.view(), 1100, 880));
        stage.show();
        vm.load();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        mission.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(20, condition);
    }

    @Test
    void theCurrentViewIsWrittenAsAPngWithTitleAndLegendAndAnExistingFileIsReplacedOnlyOnYes(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#mapLegend").queryAs(javafx.scene.layout.VBox.class).getChildren().size() > 1);
        MapCanvas canvas = view.canvas();
        robot.clickOn("#mapZoomMission");
        WaitForAsyncUtils.waitForFxEvents();
        // measured before the export: the line that then says where the file went takes some height from the map
        int mapWidth = (int) Math.ceil(canvas.getWidth());
        int mapHeight = (int) Math.ceil(canvas.getHeight());
        double[] tanger = canvas.toCanvas(-5.81, 35.70);
        Path out = dir.resolve("Documents").resolve("carte-tanger"); // typed without the extension
        dialogs.nextChosenFile = out;
        robot.clickOn("#mapExport");
        Path png = dir.resolve("Documents").resolve("carte-tanger.png");
        waitUntil(() -> robot.lookup("#mapExportStatus").queryAs(javafx.scene.control.Label.class).getText().contains("carte-tanger.png"));
        assertThat(dialogs.fileQuestions).singleElement().satisfies(q -> {
            assertThat(q.initialFolder()).isEqualTo(dir.resolve("Documents"));
            assertThat(q.suggestedName()).isEqualTo("carte-essps-per-10k.png");
            assertThat(q.pattern()).isEqualTo("*.png");
        });
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        // the map at its size on screen, the legend column beside it, the title band above (the legend, some 590
        // pixels, is shorter than the map here)
        assertThat(mapHeight).isGreaterThan(650);
        assertThat(image.getWidth()).isEqualTo(mapWidth + (int) MapView.EXPORT_LEGEND_WIDTH);
        assertThat(image.getHeight()).isEqualTo(mapHeight + (int) MapView.EXPORT_TITLE_HEIGHT);
        // the zoomed map is drawn: Tanger-Assilah's fill where the canvas shows it (title band above)
        int rgb = image.getRGB((int) tanger[0], (int) tanger[1] + (int) MapView.EXPORT_TITLE_HEIGHT) & 0xffffff;
        assertThat(rgb).as("Tanger-Assilah is not 'no data' grey").isNotEqualTo(0xe6e6e6).isNotEqualTo(0xffffff);
        assertThat(Files.list(dir.resolve("Documents"))).as("no temporary file left").containsExactly(png);

        // again to the same file: "no" keeps it, "yes" replaces it
        long written = Files.getLastModifiedTime(png).toMillis();
        Files.setLastModifiedTime(png, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        dialogs.nextChosenFile = png;
        dialogs.confirmAnswer = false;
        robot.clickOn("#mapExport");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.shown).last().satisfies(s -> assertThat(s.message()).contains("carte-tanger.png").contains("existe déjà"));
        assertThat(Files.getLastModifiedTime(png).toMillis()).isEqualTo(written - 60_000);
        assertThat(dialogs.fileQuestions).last().extracting(RecordingDialogService.FileQuestion::initialFolder)
                .isEqualTo(png.getParent());
        dialogs.confirmAnswer = true;
        robot.clickOn("#mapExport");
        waitUntil(() -> {
            try {
                return Files.getLastModifiedTime(png).toMillis() > written - 60_000;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo((int) Math.ceil(canvas.getWidth()) + (int) MapView.EXPORT_LEGEND_WIDTH);
    }
}
