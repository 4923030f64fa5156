package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
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
 * The real window in Arabic at 1366x768 on the small demo mission, headless: every area and each of its tabs, the
 * About box, the dialog service's dialogs and the unsaved-changes question lay out their wrapped right-to-left text
 * without an exception (on JavaFX 22-26 each of them threw in the text layout and the dialogs never appeared). Any
 * exception reported on the JavaFX thread fails the test.
 */
@ExtendWith(ApplicationExtension.class)
class ArabicWindowUiTest {

    private static final I18n AR = new I18n(I18n.ARABIC);
    private static final List<String> AREAS = List.of("territory", "registry", "circonscriptions", "hr", "map", "pms", "reports");

    @TempDir
    static Path dir;
    private static Path demo;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;
    private ShellView shell;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        previousHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> errors.add(e));
        if (demo == null) {
            demo = dir.resolve("demo-small.essp");
            new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        }
        Settings settings = ShellWindow.identifiedSettings(dir.resolve("home"), demo);
        settings.setLocale(I18n.ARABIC);
        window = ShellWindow.open(stage, dir.resolve("home"), settings, demo, 1366, 768);
        shell = window.shell();
    }

    @AfterEach
    void stop() throws Exception {
        window.close(() -> Thread.currentThread().setUncaughtExceptionHandler(previousHandler));
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        ShellWindow.waitUntil(30, condition);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Waits for the background loads of the screen on show (no visible spinner) and lays the scene out. */
    private void settle(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".progress-indicator").queryAllAs(ProgressIndicator.class).stream()
                .noneMatch(p -> p.isIndeterminate() && shown(p)));
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<DialogPane> dialog() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .map(Scene::getRoot).filter(DialogPane.class::isInstance).map(DialogPane.class::cast).findFirst())
                .get(5, TimeUnit.SECONDS);
    }

    /** Waits for the dialog, checks it is laid out right to left with its wrapped message, then presses a button. */
    private DialogPane answer(FxRobot robot, String expectedText, ButtonBar.ButtonData answer) throws Exception {
        waitUntil(() -> {
            try {
                return dialog().isPresent();
            } catch (Exception e) {
                return false;
            }
        });
        DialogPane pane = dialog().orElseThrow();
        assertThat(pane.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(pane.getContentText()).contains(expectedText);
        Label content = (Label) pane.lookup(".content.label");
        assertThat(content.isWrapText()).isTrue();
        assertThat(content.getHeight()).as("the message is laid out").isPositive();
        ButtonType button = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == answer).findFirst().orElseThrow();
        robot.interact(() -> ((Button) pane.lookupButton(button)).fire());
        waitUntil(() -> {
            try {
                return dialog().isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        return pane;
    }

    private void waitForMission(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-registry").tryQuery().isPresent() && !robot.lookup("#nav-registry").query().isDisabled());
        assertThat(stage.getScene().getRoot().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
    }

    @Test
    void everyAreaAndEachOfItsTabsLaysOutInArabic(FxRobot robot) throws Exception {
        waitForMission(robot);
        for (String area : AREAS) {
            robot.interact(() -> robot.lookup("#nav-" + area).queryAs(ButtonBase.class).fire());
            settle(robot);
            for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                for (int i = 0; i < tabs.getTabs().size(); i++) {
                    int index = i;
                    robot.interact(() -> tabs.getSelectionModel().select(index));
                    settle(robot);
                }
            }
            assertThat(errors).as("exceptions in the area " + area).isEmpty();
        }

        // the HR tables' headers wrap again in Arabic
        robot.interact(() -> robot.lookup("#nav-hr").queryAs(ButtonBase.class).fire());
        settle(robot);
        Parent indicators = robot.lookup("#hrIndicatorTable").queryAs(Parent.class);
        assertThat(indicators.getStyleClass()).contains("wrap-headers");
        assertThat(robot.from(indicators).lookup(".column-header .label").queryAllAs(Label.class))
                .isNotEmpty().allMatch(Label::isWrapText);
        assertThat(errors).isEmpty();
    }

    @Test
    void theEsspFormShowsItsMessagesWrappedUnderTheFields(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.interact(() -> robot.lookup("#nav-registry").queryAs(ButtonBase.class).fire());
        settle(robot);
        robot.interact(() -> robot.lookup("#registryNew").queryAs(ButtonBase.class).fire());
        robot.interact(() -> robot.lookup("#formSave").queryAs(ButtonBase.class).fire());
        settle(robot);
        Label codeError = robot.lookup("#formCodeError").queryAs(Label.class);
        waitUntil(codeError::isVisible);
        assertThat(codeError.getText()).isNotBlank();
        assertThat(codeError.isWrapText()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void theAboutBoxAndTheDialogServiceShowArabicDialogs(FxRobot robot) throws Exception {
        waitForMission(robot);
        Platform.runLater(shell.viewModel()::showAbout);
        DialogPane about = answer(robot, AR.get("about.purpose"), ButtonBar.ButtonData.OK_DONE);
        assertThat(about.getHeaderText()).isEqualTo(AR.get("about.header"));

        String message = String.join(" ", AR.get("about.synthetic"), AR.get("about.credits.population"), AR.get("about.purpose"));
        Platform.runLater(() -> shell.viewModel().dialogs().showError(AR.get("about.title"), message));
        answer(robot, message, ButtonBar.ButtonData.OK_DONE);

        boolean[] yes = {true};
        Platform.runLater(() -> yes[0] = shell.viewModel().dialogs().confirm(AR.get("about.title"), message));
        answer(robot, message, ButtonBar.ButtonData.CANCEL_CLOSE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(yes[0]).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void refusingTheUnsavedChangesQuestionKeepsTheFormsEsspHighlightedAndDeleteTakesIt(FxRobot robot) throws Exception {
        waitForMission(robot);
        robot.interact(() -> robot.lookup("#nav-registry").queryAs(ButtonBase.class).fire());
        settle(robot);
        @SuppressWarnings("unchecked")
        TableView<EsspListRow> table = robot.lookup("#registryTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() > 2);
        EsspListRow shown = table.getItems().get(0);
        EsspListRow other = table.getItems().get(1);
        TextField code = robot.lookup("#formCode").queryAs(TextField.class);
        TextField name = robot.lookup("#formNameFr").queryAs(TextField.class);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        waitUntil(() -> shown.code().equals(code.getText()));
        String originalName = name.getText();
        robot.interact(() -> name.setText(originalName + " (modifié)"));

        // another row while the form has unsaved changes: the question comes, in Arabic; "cancel" keeps the form
        Platform.runLater(() -> table.getSelectionModel().clearAndSelect(1));
        answer(robot, AR.get("dialog.unsaved.message"), ButtonBar.ButtonData.CANCEL_CLOSE);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id() == shown.id());
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(EsspListRow::id).containsExactly(shown.id());
        assertThat(code.getText()).isEqualTo(shown.code());
        assertThat(name.getText()).isEqualTo(originalName + " (modifié)");

        // Delete takes the ESSP shown, not the row that was clicked
        robot.interact(() -> name.setText(originalName));
        robot.interact(() -> robot.lookup("#registryDelete").queryAs(ButtonBase.class).fire());
        waitUntil(() -> table.getItems().stream().noneMatch(r -> r.id() == shown.id()));
        assertThat(table.getItems()).extracting(EsspListRow::id).contains(other.id());
        assertThat(errors).isEmpty();
    }
}
