package ma.essp.diag.app.shell;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Application;
import javafx.stage.Stage;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.task.FxTaskExecutor;

/** The JavaFX application: the main window, opened on the mission given as argument or on the demo. */
public final class EsspDiagApplication extends Application {

    private FxTaskExecutor executor;
    private ShellView shell;

    public static void start(String[] args) {
        Application.launch(EsspDiagApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppPaths paths;
        try {
            paths = AppPaths.detect().createDirectories();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder", e);
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        shell = ShellView.create(stage, paths, Settings.load(paths.settingsFile()), new MissionService(paths), executor);
        shell.show();
        shell.viewModel().openAtStartup(getParameters().getRaw());
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.viewModel().close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
