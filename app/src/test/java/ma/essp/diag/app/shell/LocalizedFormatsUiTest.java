package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.testing.ShellWindow;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window at 1366x768 on the small demo mission, headless, in each language: every area and each of its
 * tabs is shown, and everything drawn as text must be in the chosen language's formats: no JavaFX "No content in
 * table", dates as day/month/year, decimals with the language's separator (a comma in French and Arabic), whole
 * numbers on the count axis of the histogram, date pickers that show and read day/month/year, and dialog buttons
 * in the language.
 */
@ExtendWith(ApplicationExtension.class)
class LocalizedFormatsUiTest {

    private static final List<String> AREAS = List.of("territory", "registry", "circonscriptions", "hr", "map", "pms", "reports");
    /** Something written like a date: three groups of digits separated by "/", "." or "-". */
    private static final Pattern DATE_LIKE = Pattern.compile("(?<![\\d.\\-/])\\d{1,4}([/.\\-])\\d{1,2}\\1\\d{1,4}(?![\\d.\\-/])");
    private static final Pattern DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    /** A point between digits that is a decimal point: one or two digits after it, not a thousands group of three. */
    private static final Pattern POINT_DECIMAL = Pattern.compile("(?<![\\d.vV])\\d+\\.\\d{1,2}(?![\\d.])");
    /** A comma between digits that is a decimal comma, as "0,5" or "62,60". */
    private static final Pattern COMMA_DECIMAL = Pattern.compile("(?<![\\d,])\\d+,\\d{1,2}(?![\\d,])");

    @TempDir
    static Path dir;
    private static Path demo;
    private Stage stage;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        if (demo == null) {
            demo = dir.resolve("demo-small.essp");
            new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private I18n open(String language) throws Exception {
        Path home = dir.resolve("home-" + language);
        Settings settings = ShellWindow.identifiedSettings(home, demo);
        settings.setLocale(I18n.parse(language));
        window = WaitForAsyncUtils.asyncFx(() -> ShellWindow.open(stage, home, settings, demo, 1366, 768)).get(30, TimeUnit.SECONDS);
        return new I18n(I18n.parse(language));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en", "ar"})
    void everyAreaShowsPlaceholdersDatesAndNumbersInTheWindowsLanguage(String language, FxRobot robot) throws Exception {
        I18n i18n = open(language);
        ShellWindow.waitUntil(60, () -> robot.lookup("#nav-registry").tryQuery().isPresent()
                && !robot.lookup("#nav-registry").query().isDisabled());
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int datePickers = 0;
        int tables = 0;
        Set<String> placeholders = new LinkedHashSet<>();
        boolean histogramChecked = false;
        for (String area : AREAS) {
            robot.interact(() -> robot.lookup("#nav-" + area).queryAs(ButtonBase.class).fire());
            settle(robot);
            List<TabPane> tabPanes = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream().toList();
            List<Runnable> views = new ArrayList<>();
            views.add(() -> { });
            for (TabPane tabs : tabPanes) {
                for (int i = 0; i < tabs.getTabs().size(); i++) {
                    int index = i;
                    views.add(() -> tabs.getSelectionModel().select(index));
                }
            }
            for (Runnable view : views) {
                robot.interact(view);
                settle(robot);
                Parent root = stage.getScene().getRoot();
                for (Node node : nodes(root)) {
                    if (node instanceof Text text && shown(text) && text.getText() != null && !text.getText().isBlank()) {
                        if (seen.add(text.getText())) {
                            check(area, text.getText(), language, problems);
                        }
                    }
                    Node placeholder;
                    boolean table = true;
                    switch (node) {
                        case TableView<?> t -> placeholder = t.getPlaceholder();
                        case TreeTableView<?> t -> placeholder = t.getPlaceholder();
                        case ListView<?> l -> placeholder = l.getPlaceholder();
                        default -> {
                            placeholder = null;
                            table = false;
                        }
                    }
                    if (table) {
                        tables++;
                        if (placeholder == null) {
                            problems.add(area + ": no placeholder on " + node.getId() + " " + node.getStyleClass());
                        } else if (placeholder instanceof javafx.scene.control.Labeled p) {
                            placeholders.add(p.getText());
                        }
                    } else if (node instanceof DatePicker picker) {
                        datePickers++;
                        // 12 March 2026 is shown day first and read back; a day or month of one digit is accepted
                        assertThat(picker.getConverter().toString(LocalDate.of(2026, 3, 12))).as(picker.getId()).isEqualTo("12/03/2026");
                        assertThat(picker.getConverter().fromString("5/4/2026")).isEqualTo(LocalDate.of(2026, 4, 5));
                        assertThat(picker.getConverter().fromString("12/03/2026")).isEqualTo(LocalDate.of(2026, 3, 12));
                    }
                    if ("readinessHistogram".equals(node.getId()) && shown(node)) {
                        Axis<?> counts = ((javafx.scene.chart.XYChart<?, ?>) node).getYAxis();
                        assertThat(counts).isInstanceOf(NumberAxis.class);
                        assertThat(counts.getTickMarks()).isNotEmpty().allSatisfy(tick -> {
                            double value = ((Number) tick.getValue()).doubleValue();
                            assertThat(value).as("histogram tick").isEqualTo(Math.rint(value));
                        });
                        histogramChecked = true;
                    }
                }
            }
        }
        // the walk met dates and decimals (the demo's history and readiness figures), written in the language's way
        assertThat(seen).as("dates shown").anyMatch(t -> DATE.matcher(t).find());
        assertThat(seen).as("decimals shown").anyMatch(t -> ("en".equals(language) ? POINT_DECIMAL : COMMA_DECIMAL).matcher(t).find());
        assertThat(problems).as("texts outside the " + language + " formats").isEmpty();
        assertThat(seen).as("JavaFX's own empty-table text").noneMatch(t -> t.contains("No content"));
        // every placeholder is one of our texts, and the walk met empty tables showing one
        assertThat(placeholders).as("placeholders").isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank().doesNotContain("No content"));
        assertThat(seen).as("an empty table showed its placeholder").containsAnyElementsOf(placeholders);
        assertThat(tables).as("tables and lists seen").isGreaterThan(10);
        assertThat(datePickers).as("date pickers seen").isGreaterThanOrEqualTo(4);
        assertThat(histogramChecked).as("the readiness histogram was shown").isTrue();

        // the dialogs' buttons are in the window's language
        boolean[] answer = {true};
        Platform.runLater(() -> answer[0] = window.shell().viewModel().dialogs().confirm(i18n.get("about.title"), i18n.get("about.purpose")));
        ShellWindow.waitUntil(10, () -> dialog() != null);
        DialogPane pane = dialog();
        List<String> buttons = new ArrayList<>();
        for (ButtonType type : pane.getButtonTypes()) {
            buttons.add(((Button) pane.lookupButton(type)).getText());
        }
        assertThat(buttons).containsExactlyInAnyOrder(i18n.get("dialog.button.ok"), i18n.get("dialog.button.cancel"));
        ButtonType cancel = pane.getButtonTypes().stream().filter(b -> b.getButtonData().isCancelButton()).findFirst().orElseThrow();
        robot.interact(() -> ((Button) pane.lookupButton(cancel)).fire());
        ShellWindow.waitUntil(10, () -> dialog() == null);
        assertThat(answer[0]).isFalse();
    }

    /** One text on screen in the formats of {@code language}; a problem is added for each thing outside them. */
    private static void check(String area, String text, String language, List<String> problems) {
        String plain = text.replaceAll("[\\u200E\\u200F]", "");
        Matcher date = DATE_LIKE.matcher(plain);
        while (date.find()) {
            if (!DATE.matcher(date.group()).matches()) {
                problems.add(area + ": date not day/month/year: " + plain);
            }
        }
        Matcher wrongDecimal = ("en".equals(language) ? COMMA_DECIMAL : POINT_DECIMAL).matcher(plain);
        while (wrongDecimal.find()) {
            problems.add(area + ": decimal separator not the " + language + " one: " + plain);
        }
        if (!"ar".equals(language) && plain.chars().anyMatch(c -> c >= 0x0660 && c <= 0x0669)) {
            problems.add(area + ": Arabic-Indic digits: " + plain);
        }
        if ("ar".equals(language) && plain.chars().anyMatch(c -> (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))) {
            problems.add(area + ": Arabic-Indic digits among the Western digits used everywhere else: " + plain);
        }
    }

    private static DialogPane dialog() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                    .map(Scene::getRoot).filter(DialogPane.class::isInstance).map(DialogPane.class::cast).findFirst().orElse(null))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static List<Node> nodes(Parent root) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<Node> all = new ArrayList<>();
            collect(root, all);
            return all;
        }).get(5, TimeUnit.SECONDS);
    }

    private static void collect(Node node, List<Node> all) {
        all.add(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, all);
            }
        }
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void settle(FxRobot robot) throws Exception {
        ShellWindow.waitUntil(60, () -> robot.lookup(".progress-indicator").queryAllAs(ProgressIndicator.class).stream()
                .noneMatch(p -> p.isIndeterminate() && shown(p)));
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
