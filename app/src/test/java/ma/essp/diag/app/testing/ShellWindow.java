package ma.essp.diag.app.testing;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.stage.Stage;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.shell.ShellView;
import ma.essp.diag.app.task.FxTaskExecutor;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window for the TestFX tests (headless on Monocle), set up as the application does it: the theme,
 * the real background executor, a mission opened at start by a consultant who already said who they are. Call
 * {@link #open} from the test's {@code @Start} method and {@link #close} from its {@code @AfterEach}.
 */
public final class ShellWindow {

    private final Stage stage;
    private final ShellView shell;
    private final FxTaskExecutor executor;

    private ShellWindow(Stage stage, ShellView shell, FxTaskExecutor executor) {
        this.stage = stage;
        this.shell = shell;
        this.executor = executor;
    }

    /** The settings of a laptop whose data folder is {@code home}, already identified in {@code mission}. */
    public static Settings identifiedSettings(Path home, Path mission) throws Exception {
        return Identified.settingsFor(new AppPaths(home).createDirectories(), mission);
    }

    /** Shows the window ({@code width} × {@code height} when positive) and opens {@code mission} as at start. */
    public static ShellWindow open(Stage stage, Path home, Settings settings, Path mission, double width, double height)
            throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppPaths paths = new AppPaths(home).createDirectories();
        FxTaskExecutor executor = new FxTaskExecutor();
        ShellView shell = ShellView.create(stage, paths, settings, new MissionService(paths, null), executor);
        if (width > 0 && height > 0) {
            stage.setWidth(width);
            stage.setHeight(height);
        }
        shell.show();
        shell.viewModel().openAtStartup(List.of(mission.toString()));
        return new ShellWindow(stage, shell, executor);
    }

    /** The usual case: the window in its own size on {@code mission}, settings of a fresh laptop in {@code home}. */
    public static ShellWindow open(Stage stage, Path home, Path mission) throws Exception {
        return open(stage, home, identifiedSettings(home, mission), mission, 0, 0);
    }

    public ShellView shell() {
        return shell;
    }

    /** Closes the mission and the window on the FX thread, then stops the executor (its tasks end first). */
    public void close() throws Exception {
        close(() -> { });
    }

    /** As {@link #close()}, running {@code alsoOnFx} on the FX thread first. */
    public void close(Runnable alsoOnFx) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            alsoOnFx.run();
            shell.viewModel().close();
            stage.close();
        }).get(5, TimeUnit.SECONDS);
        executor.close();
    }

    /** Waits until {@code condition} holds (checked repeatedly), then lets the FX thread finish its events. */
    public static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
