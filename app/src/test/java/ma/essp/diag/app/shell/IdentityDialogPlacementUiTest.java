package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.ui.FxDialogService;
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
 * A new user's first start: the "who are you" question about the mission being opened is asked by a dialog owned by
 * the main window, centred over it and whole on the screen (it used to settle at the screen's left edge, or past it:
 * JavaFX centred it on its first, much wider size), with the window at a 1366 px laptop's size.
 */
@ExtendWith(ApplicationExtension.class)
class IdentityDialogPlacementUiTest {

    @TempDir
    Path dir;
    private ShellView shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        AppPaths paths = new AppPaths(dir.resolve("home")).createDirectories();
        Settings settings = Settings.load(paths.settingsFile()); // a new user: nobody on this laptop yet
        ShellViewModel viewModel = new ShellViewModel(paths, settings, new MissionService(paths, null),
                new ma.essp.diag.app.task.CurrentThreadTaskExecutor(), new FxDialogService(() -> stage, () -> shell.viewModel().i18n()));
        shell = new ShellView(stage, viewModel, ShellNavigation.entries());
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(LaptopLayoutUiTest.WIDTH);
        stage.setHeight(768);
        shell.show();
        javafx.application.Platform.runLater(() -> viewModel.openAtStartup(List.of(fixture.toString())));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            shell.viewModel().close();
            stage.close();
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theQuestionIsOwnedByTheWindowCentredOverItAndWholeOnTheScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Window dialog = pane.getScene().getWindow();
        assertThat(((Stage) dialog).getOwner()).isSameAs(stage);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(dialog.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(dialog.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(dialog.getX() + dialog.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(dialog.getY() + dialog.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
        // whole over the window (a 1366 x 768 laptop's), its middle on the window's middle to the pixel
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(stage.getWidth());
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(stage.getHeight());
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(stage.getX() + stage.getWidth() / 2,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(dialog.getY()).isBetween(stage.getY(), stage.getY() + stage.getHeight() - dialog.getHeight());
    }
}
