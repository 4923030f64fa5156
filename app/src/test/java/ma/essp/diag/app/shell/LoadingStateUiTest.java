package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.testing.DeferredTaskExecutor;
import ma.essp.diag.app.testing.Identified;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.NavigationEntry;
import ma.essp.diag.app.ui.PlannedArea;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.material2.Material2MZ;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While a mission opens and while an area loads its first data, the built areas of the navigation look like what they
 * are (full colour, same text colour as once loaded) and only the planned ones look faded; the page stays behind the
 * loading indicator until the area's first tasks have delivered. The background work is held by a
 * {@link DeferredTaskExecutor} so that each state can be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class LoadingStateUiTest {

    @TempDir
    Path dir;
    private final DeferredTaskExecutor tasks = new DeferredTaskExecutor();
    private ShellView shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        AppPaths paths = new AppPaths(dir.resolve("home")).createDirectories();
        Settings settings = Identified.settingsFor(paths, fixture);
        ShellViewModel viewModel = new ShellViewModel(paths, settings, new MissionService(paths, null), tasks,
                new ma.essp.diag.app.ui.FxDialogService(() -> stage, () -> shell.viewModel().i18n()));
        // the real areas, and one planned entry (whatever is planned on main may be built by then)
        List<NavigationEntry> navigation = new ArrayList<>(ShellNavigation.entries().stream()
                .filter(e -> e instanceof FeatureArea).toList());
        navigation.add(new PlannedArea("later", "nav.findings", Material2MZ.SECURITY));
        shell = new ShellView(stage, viewModel, navigation);
        stage.setWidth(LaptopLayoutUiTest.WIDTH);
        stage.setHeight(768);
        shell.show();
        viewModel.openAtStartup(List.of(fixture.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.viewModel().close();
            stage.close();
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void builtAreasDoNotLookGreyedWhileLoadingAndPlannedOnesDo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton registry = robot.lookup("#nav-reports").queryAs(ToggleButton.class);
        Label planned = robot.lookup("#nav-later").queryAs(Label.class);

        // the mission is opening: the built areas cannot be clicked yet, but are not drawn faded like the planned one
        assertThat(shell.viewModel().missionProperty().get()).isNull();
        assertThat(registry.isDisabled()).isTrue();
        Look opening = Look.of(registry);
        Look plannedLook = Look.of(planned);
        assertThat(opening.opacity()).isEqualTo(1.0);
        assertThat(opening.text()).isNotEqualTo(plannedLook.text());

        // the mission is open, the first area is loading: its page waits behind the indicator naming it
        while (shell.viewModel().missionProperty().get() == null && tasks.waiting() > 0) {
            robot.interact(() -> tasks.run(0));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.viewModel().missionProperty().get()).isNotNull();
        if (tasks.waiting() > 0) {
            assertThat(robot.lookup("#areaLoading").tryQuery()).as("the area's page waits for its first data").isPresent();
        }
        assertThat(registry.isDisabled()).isFalse();
        Look loading = Look.of(registry);

        // everything delivered: the page shows; the built entries look as they did all along, the planned one still faded
        while (tasks.waiting() > 0) {
            robot.interact(tasks::runAll);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#areaLoading").tryQuery().isEmpty());
        Look loaded = Look.of(registry);
        assertThat(opening).isEqualTo(loaded);
        assertThat(loading).isEqualTo(loaded);
        assertThat(Look.of(planned)).isEqualTo(plannedLook);
        assertThat(Look.of(planned).text()).isNotEqualTo(loaded.text());
    }

    /** How an entry is drawn: its text colour and its own and its icon's opacity (CSS applied). */
    private record Look(Paint text, double opacity) {
        static Look of(Node node) {
            node.applyCss();
            Paint fill = node instanceof javafx.scene.control.Labeled l ? l.getTextFill() : null;
            return new Look(fill, node.getOpacity());
        }
    }
}
