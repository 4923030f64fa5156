package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.i18n.RtlWrapText;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.task.FxTaskExecutor;
import ma.essp.diag.app.training.TrainingViewModel;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Texts a consultant reads in narrow places of the real window at the laptop's size ({@link LaptopLayoutUiTest}'s 1366
 * × 700 scene), on the small demo: a long ESSP name in the complaints entry's list, the Formation costs' add form and
 * funding lines, and the titles of the findings board's cards, in French, English and Arabic. Each is read as the user
 * sees it (the text drawn, its lines, its tooltip), not from the settings that produce it.
 */
@ExtendWith(ApplicationExtension.class)
class LaptopDetailsUiTest {

    private static final String LONG_ESSP_FR = "Centre de santé urbain de niveau 2 Aïn-Sebaâ-Hay Mohammadi Sidi Moumen";
    private static final String LONG_ESSP_AR = "المركز الصحي الحضري عين السبع الحي المحمدي";
    private static final String LONG_ESSP_LATIN = "Centre de santé rural de niveau 2 avec module d'accouchement Arbaa Natartarouine";
    /** A funding line longer than its column at 1366 px. */
    /** A finding's title longer than two lines of its card. */
    private static final String LONG_TITLE = "Les registres de réclamations des établissements de soins de santé primaires ne sont "
            + "ni tenus à jour ni transmis à la délégation, et les réponses aux usagers ne sont jamais consignées par écrit "
            + "ni communiquées dans les délais réglementaires";
    private static final String LONG_TITLE_AR = "سجلات الشكايات في مؤسسات الرعاية الصحية الأولية غير محينة ولا ترسل إلى المندوبية "
            + "والردود على المرتفقين لا تدون كتابة ولا تبلغ إليهم داخل الآجال التنظيمية المحددة في المساطر الجاري بها العمل";

    @TempDir
    static Path dir;
    private static Path demo;
    private ShellView shell;
    private FxTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppPaths paths = new AppPaths(dir.resolve("home-" + System.nanoTime())).createDirectories();
        if (demo == null) {
            demo = dir.resolve("demo-small.essp");
            new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
            // the small demo's ESSP names are short ("CSU-2 Lotissement Draloumelal"): two get names as long as the
            // national ones, one in French and Arabic, one in French only (in Arabic, a Latin name before its code)
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + demo); var s = c.createStatement()) {
                s.executeUpdate("update essp set name_fr = '" + LONG_ESSP_FR + "', name_ar = '" + LONG_ESSP_AR
                        + "' where code = '01151-0003'");
                s.executeUpdate("update essp set name_fr = '" + LONG_ESSP_LATIN.replace("'", "''") + "' where code = '01571-0029'");
            }
        }
        Settings settings = ma.essp.diag.app.testing.Identified.settingsFor(paths, demo);
        executor = new FxTaskExecutor();
        shell = ShellView.create(stage, paths, settings, new MissionService(paths, null), executor);
        shell.show();
        stage.setMaximized(false);
        stage.setWidth(LaptopLayoutUiTest.WIDTH);
        stage.setHeight(LaptopLayoutUiTest.HEIGHT);
        shell.viewModel().openAtStartup(List.of(demo.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.viewModel().close();
            stage.close();
        }).get(5, TimeUnit.SECONDS);
        executor.close();
    }

    // ------------------------------------------------------------------ complaints entry: the ESSP list

    @Test
    void aLongEsspNameWrapsInsideItsRowInFrench(FxRobot robot) throws Exception {
        checkEsspList(robot, I18n.FRENCH);
    }

    @Test
    void aLongEsspNameWrapsInsideItsRowInArabic(FxRobot robot) throws Exception {
        checkEsspList(robot, I18n.ARABIC);
    }

    /**
     * The complaints entry's ESSP list: a name longer than the list is wide takes a second line inside its own row
     * (the row taller than one line, every word drawn, nothing past the row's edge, no "…"), and its tooltip holds the
     * whole name (without the invisible Arabic wrapping marks).
     */
    @SuppressWarnings("unchecked")
    private void checkEsspList(FxRobot robot, Locale locale) throws Exception {
        open(robot, locale, "complaints");
        ListView<ComplaintRepository.EsspRef> list = robot.lookup("#complaintsEssps").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() > 2);
        List<String> problems = new ArrayList<>();
        List<String> wrapped = new ArrayList<>();
        for (String code : List.of("01151-0003", "01571-0029")) {
            ComplaintRepository.EsspRef target = list.getItems().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
            robot.interact(() -> list.scrollTo(target));
            settle(robot);
            for (Node node : list.lookupAll(".list-cell")) {
                if (node instanceof ListCell<?> cell && shown(cell) && !cell.isEmpty() && cell.getText() != null) {
                    checkEsspCell(cell, problems, wrapped);
                }
            }
            assertThat(problems).as("the ESSP list in %s", locale).isEmpty();
            assertThat(wrapped).as("the long name of %s taking two lines in %s", code, locale).anyMatch(name -> name.contains(code));
        }
    }

    private static void checkEsspCell(ListCell<?> cell, List<String> problems, List<String> wrapped) {
        String name = cell.getText();
        Text drawn = drawnText(cell);
        double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
        double oneLine = lineHeight(cell.getFont());
        if (cell.getTooltip() == null || !cell.getTooltip().getText().equals(plain(name))) {
            problems.add("\"" + plain(name) + "\": tooltip " + (cell.getTooltip() == null ? null : "\"" + cell.getTooltip().getText() + "\""));
        }
        if (drawn == null || !drawn.getText().equals(name)) {
            problems.add("\"" + plain(name) + "\" is drawn as \"" + (drawn == null ? null : plain(drawn.getText())) + "\"");
            return;
        }
        if (drawn.getLayoutBounds().getWidth() > room + 0.5) {
            problems.add("\"" + plain(name) + "\" is drawn " + Math.round(drawn.getLayoutBounds().getWidth()) + " px wide in a "
                    + Math.round(room) + " px row");
        }
        if (width(name, cell.getFont()) > room) {
            wrapped.add(plain(name));
            double height = drawn.getLayoutBounds().getHeight();
            if (height < 1.5 * oneLine || cell.getHeight() - cell.snappedTopInset() - cell.snappedBottomInset() < height - 0.5) {
                problems.add("\"" + plain(name) + "\" (" + Math.round(width(name, cell.getFont())) + " px in " + Math.round(room)
                        + ") is drawn " + Math.round(height) + " px high in a row of " + Math.round(cell.getHeight())
                        + " px (one line: " + Math.round(oneLine) + ")");
            }
        }
    }

    // ------------------------------------------------------------------ Formation: costs

    @Test
    void theCostFormIsWholeAtALaptopsWidthInFrench(FxRobot robot) throws Exception {
        checkCostForm(robot, I18n.FRENCH);
    }

    @Test
    void theCostFormIsWholeAtALaptopsWidthInEnglish(FxRobot robot) throws Exception {
        checkCostForm(robot, I18n.ENGLISH);
    }

    @Test
    void theCostFormIsWholeAtALaptopsWidthInArabic(FxRobot robot) throws Exception {
        checkCostForm(robot, I18n.ARABIC);
    }

    /**
     * Formation → Costs at 1366 px: every empty field of the add form shows its whole placeholder (a text field at
     * least as wide as its placeholder; a choice box drawing its prompt without "…"), the add button is whole and
     * inside the screen.
     */
    @SuppressWarnings("unchecked")
    private void checkCostForm(FxRobot robot, Locale locale) throws Exception {
        open(robot, locale, "training");
        TabPane tabs = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(t -> t.getTabs().stream().anyMatch(tab -> "training-tab-costs".equals(tab.getId()))).findFirst().orElseThrow();
        Tab costs = tabs.getTabs().stream().filter(tab -> "training-tab-costs".equals(tab.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(costs));
        settle(robot);
        Button add = robot.lookup("#addCost").queryAs(Button.class);
        List<String> problems = new ArrayList<>();
        int prompts = 0;
        for (Node field : add.getParent().getChildrenUnmodifiable()) {
            if (field instanceof TextField text && text.getPromptText() != null && (text.getText() == null || text.getText().isEmpty())) {
                prompts++;
                double room = text.getWidth() - text.snappedLeftInset() - text.snappedRightInset();
                double needed = width(text.getPromptText(), text.getFont());
                if (needed > room + 0.5) {
                    problems.add("the field \"" + plain(text.getPromptText()) + "\" is " + Math.round(room) + " px inside, its placeholder "
                            + Math.round(needed) + " px");
                }
            } else if (field instanceof ComboBox<?> box && box.getPromptText() != null && box.getValue() == null) {
                prompts++;
                ListCell<?> shown = ((ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode() instanceof ListCell<?> c ? c : null;
                Text drawn = shown == null ? null : drawnText(shown);
                if (drawn == null || !drawn.getText().equals(box.getPromptText())) {
                    problems.add("the choice \"" + plain(box.getPromptText()) + "\" shows \"" + (drawn == null ? null : plain(drawn.getText())) + "\"");
                }
            }
        }
        Text addText = drawnText(add);
        if (addText == null || !addText.getText().equals(add.getText())) {
            problems.add("the add button \"" + add.getText() + "\" shows \"" + (addText == null ? null : addText.getText()) + "\"");
        }
        Bounds button = add.localToScene(add.getLayoutBounds());
        Bounds area = tabs.localToScene(tabs.getLayoutBounds());
        if (button.getMinX() < Math.max(0, area.getMinX()) - 0.5 || button.getMaxX() > Math.min(stage.getScene().getWidth(), area.getMaxX()) + 0.5
                || button.getMinY() < area.getMinY() - 0.5 || button.getMaxY() > Math.min(stage.getScene().getHeight(), area.getMaxY()) + 0.5) {
            problems.add("the add button is at " + button + ", the tab's area " + area);
        }
        assertThat(prompts).as("empty fields with a placeholder (item, unit, origin, unit cost, units, funding line)").isEqualTo(6);
        assertThat(problems).as("the cost form at %s px in %s", LaptopLayoutUiTest.WIDTH, locale).isEmpty();
        // the cost table's cells (the funding line among them) are FullTextCells: a cut value read whole in its tooltip is
        // FullTextCellUiTest's; finding the new line's cell at 1366 px through the robot proved unreliable here
    }

    // ------------------------------------------------------------------ findings board: card titles

    @Test
    void aLongCardTitleTakesTwoLinesCutAtItsEndInFrench(FxRobot robot) throws Exception {
        checkCardTitle(robot, I18n.FRENCH, LONG_TITLE);
    }

    @Test
    void aLongFrenchCardTitleTakesTwoLinesCutAtItsEndInArabic(FxRobot robot) throws Exception {
        checkCardTitle(robot, I18n.ARABIC, LONG_TITLE);
    }

    @Test
    void aLongArabicCardTitleTakesTwoLinesCutAtItsEndInArabic(FxRobot robot) throws Exception {
        checkCardTitle(robot, I18n.ARABIC, LONG_TITLE_AR);
    }

    /**
     * The findings board: a title longer than two lines of its card is drawn on two lines (not one, not three) inside
     * its card, and cut at its logical end: the words drawn are its first ones, followed by "…" (on the Arabic board a
     * French title too, not cut before its first word). The other cards' titles are whole or cut the same way.
     */
    private void checkCardTitle(FxRobot robot, Locale locale, String title) throws Exception {
        open(robot, locale, "findings");
        ListView<?> strengths = robot.lookup("#quadrant-strength").queryAs(ListView.class);
        waitUntil(() -> !strengths.getItems().isEmpty());
        // the first strength gets the long title, saved through the editor
        robot.interact(() -> strengths.getSelectionModel().select(0));
        settle(robot);
        TextField titleField = robot.lookup("#findingTitle").queryAs(TextField.class);
        waitUntil(() -> !titleField.isDisabled() && titleField.getText() != null && !titleField.getText().isEmpty());
        robot.interact(() -> {
            titleField.setText(title);
            robot.lookup("#findingSave").queryAs(Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#quadrant-strength .list-cell").queryAll().stream().anyMatch(n -> cardTitle(n) != null
                && plain(cardTitle(n).getText()).equals(title)));
        settle(robot);
        List<String> problems = new ArrayList<>();
        boolean longOneSeen = false;
        for (Node cell : robot.lookup(".list-cell").queryAll()) {
            Labeled label = cardTitle(cell);
            if (label == null || !shown(label) || label.getWidth() <= 0) {
                continue;
            }
            String whole = plain(label.getText());
            Text drawn = drawnText(label);
            String shownText = drawn == null ? "" : plain(drawn.getText());
            double lines = drawn == null ? 0 : drawn.getLayoutBounds().getHeight() / lineHeight(label.getFont());
            if (lines > 2.5) {
                problems.add("\"" + whole + "\" is drawn on " + Math.round(lines) + " lines");
            }
            if (!shownText.equals(whole)) {
                // (the label's ellipsis string: JavaFX's "..." by default)
                String start = shownText.endsWith("…") ? shownText.substring(0, shownText.length() - 1).strip()
                        : shownText.endsWith("...") ? shownText.substring(0, shownText.length() - 3).strip() : null;
                if (start == null || start.isEmpty() || !whole.startsWith(start)) {
                    problems.add("\"" + whole + "\" is drawn as \"" + shownText + "\", not its first words and an ellipsis");
                }
            }
            Bounds card = cell.localToScene(cell.getLayoutBounds());
            Bounds text = label.localToScene(label.getLayoutBounds());
            if (text.getMaxY() > card.getMaxY() + 0.5 || text.getMinX() < card.getMinX() - 0.5 || text.getMaxX() > card.getMaxX() + 0.5) {
                problems.add("\"" + whole + "\" is drawn at " + text + ", outside its card " + card);
            }
            if (whole.equals(title)) {
                longOneSeen = true;
                assertThat(shownText).as("the long title is cut (else this test proves nothing)").isNotEqualTo(whole);
                assertThat(lines).as("the long title's lines (%s)", shownText).isGreaterThan(1.5);
            }
        }
        assertThat(longOneSeen).as("the long title on the board").isTrue();
        assertThat(problems).as("the findings cards in %s", locale).isEmpty();
    }

    /** The title label of a findings card cell (the first label of its graphic), or null. */
    private static Labeled cardTitle(Node node) {
        if (node instanceof ListCell<?> cell && !cell.isEmpty() && cell.getGraphic() instanceof Parent box
                && !box.getChildrenUnmodifiable().isEmpty() && box.getChildrenUnmodifiable().getFirst() instanceof Labeled title
                && cell.getListView() != null && cell.getListView().getId() != null && cell.getListView().getId().startsWith("quadrant-")) {
            return title;
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    /** The text a labeled control draws (its own text node, cut with "…" when it does not fit), or null. */
    static Text drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.getStyleClass().contains("text"))
                .map(Text.class::cast).findFirst().orElse(null);
    }

    /** The text without the invisible marks added for Arabic wrapping and direction. */
    static String plain(String text) {
        return text == null ? null : text.replace(String.valueOf(RtlWrapText.MARK), "").replace("\u200F", "");
    }

    static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    static double lineHeight(Font font) {
        Text t = new Text("Ag");
        t.setFont(font);
        return t.getLayoutBounds().getHeight();
    }

    private void open(FxRobot robot, Locale locale, String area) throws Exception {
        waitUntil(() -> robot.lookup("#nav-registry").tryQuery().isPresent() && !robot.lookup("#nav-registry").query().isDisabled());
        if (!locale.getLanguage().equals(shell.viewModel().i18n().locale().getLanguage())) {
            robot.interact(() -> shell.viewModel().requestLanguage(locale, () -> { }));
            waitUntil(() -> shell.viewModel().i18n().locale().getLanguage().equals(locale.getLanguage())
                    && robot.lookup("#nav-registry").tryQuery().isPresent());
        }
        assertThat(stage.getScene().getWidth()).isEqualTo(LaptopLayoutUiTest.WIDTH);
        robot.interact(() -> robot.lookup("#nav-" + area).queryAs(ButtonBase.class).fire());
        settle(robot);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void settle(FxRobot robot) throws Exception {
        waitUntil(() -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".progress-indicator").queryAllAs(ProgressIndicator.class)
                        .stream().noneMatch(p -> p.isIndeterminate() && shown(p))).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                return false;
            }
        });
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
