package ma.essp.diag.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.mission.OpenMission;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.task.FirstLoad;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.ColumnHeaders;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FxDialogService;
import ma.essp.diag.app.ui.NavigationEntry;
import ma.essp.diag.app.ui.PlannedArea;
import ma.essp.diag.app.ui.TableExport;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: menu, toolbar, left navigation, the selected area in the centre and the status bar. The
 * whole scene graph is rebuilt from the bundles when the language changes (and mirrored for Arabic); the view
 * model survives, so the open mission does too.
 */
public final class ShellView {

    static final String STYLESHEET = "/ma/essp/diag/app/shell/essp-diag.css";

    private final Stage stage;
    private final ShellViewModel viewModel;
    private final List<NavigationEntry> navigation;
    private final StackPane content = new StackPane();
    private String selectedArea;
    private final java.util.Map<String, ToggleButton> navButtons = new java.util.HashMap<>();
    /** The areas' buttons in navigation order, for the arrow keys. */
    private final List<ToggleButton> navOrder = new java.util.ArrayList<>();
    /** Whether the page on screen has a "new" (Ctrl+N) and a search field (Ctrl+F). */
    private final javafx.beans.property.BooleanProperty screenCreates = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty screenSearches = new javafx.beans.property.SimpleBooleanProperty();
    private FeatureScreen screen;
    /** The edit history of the page on screen (null when it edits nothing), and a tick whenever it changes. */
    private final javafx.beans.property.ObjectProperty<EditHistory> screenHistory = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty historyChanged = new javafx.beans.property.SimpleIntegerProperty();
    private final javafx.beans.InvalidationListener historyTick = o -> historyChanged.set(historyChanged.get() + 1);
    private Scene scene;

    public ShellView(Stage stage, ShellViewModel viewModel, List<NavigationEntry> navigation) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.navigation = List.copyOf(navigation);
        this.selectedArea = navigation.stream().filter(FeatureArea.class::isInstance).map(NavigationEntry::id).findFirst().orElse(null);
        content.getStyleClass().add("shell-content");
        viewModel.missionProperty().addListener((obs, old, now) -> rebuild());
        viewModel.i18nProperty().addListener((obs, old, now) -> rebuild());
        viewModel.busyProperty().addListener((obs, old, now) -> {
            if (viewModel.mission().isEmpty()) {
                showContent();
            }
        });
    }

    /** The window as the application runs it: FX dialogs owned by the stage, the standard navigation. */
    public static ShellView create(Stage stage, AppPaths paths, Settings settings, MissionService missions,
                                   TaskExecutor executor) {
        AtomicReference<ShellViewModel> vm = new AtomicReference<>();
        ShellViewModel viewModel = new ShellViewModel(paths, settings, missions, executor,
                new FxDialogService(() -> stage, () -> vm.get().i18n()));
        vm.set(viewModel);
        return new ShellView(stage, viewModel, ShellNavigation.entries());
    }

    public ShellViewModel viewModel() {
        return viewModel;
    }

    public void show() {
        WindowSize size = initialSize(javafx.stage.Screen.getPrimary().getVisualBounds());
        Settings.WindowBounds remembered = WindowMemory.restorable(viewModel.settings().window(),
                javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds).toList()).orElse(null);
        scene = new Scene(buildRoot(), size.width(), size.height());
        scene.getStylesheets().add(ShellView.class.getResource(STYLESHEET).toExternalForm());
        // the other usual redo shortcut, beside Edit > Redo's Ctrl+Y
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+Z"), () -> undoOrRedo(false));
        applyOrientation();
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> {
            rememberWindow();
            disposeScreen();
        });
        // Alt+F4 and the title bar's button: unsaved edits are asked about first, the window closes once answered
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        if (remembered != null) {
            stage.setX(remembered.x());
            stage.setY(remembered.y());
            stage.setWidth(remembered.width());
            stage.setHeight(remembered.height());
            stage.setMaximized(remembered.maximized());
        } else {
            stage.setMaximized(size.maximized());
        }
        trackNormalBounds();
        stage.show();
    }

    /** The window's bounds while not maximized: what it is remembered with (and restored to from maximized). */
    private Settings.WindowBounds normalBounds;

    private void trackNormalBounds() {
        javafx.beans.InvalidationListener track = o -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing() && !Double.isNaN(stage.getX())
                    && !Double.isNaN(stage.getWidth())) {
                normalBounds = new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        for (javafx.beans.Observable p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty(), stage.showingProperty())) {
            p.addListener(track);
        }
    }

    /** Saves the window's bounds, maximized or not, and the split panes' dividers for the next start. */
    private void rememberWindow() {
        Settings.WindowBounds bounds = normalBounds != null ? normalBounds
                : new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        if (Double.isNaN(bounds.x()) || Double.isNaN(bounds.width())) {
            return;
        }
        viewModel.settings().setWindow(new Settings.WindowBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height(),
                stage.isMaximized()));
        viewModel.settings().save();
    }

    /** The window's first size: 1320 × 840 where that fits with its title bar, else the whole screen (maximized). */
    record WindowSize(double width, double height, boolean maximized) {
    }

    /** Room kept for the window's title bar and borders, which the desktop draws outside the scene. */
    static final double DECORATION = 40;

    static WindowSize initialSize(javafx.geometry.Rectangle2D screen) {
        double width = 1320;
        double height = 840;
        if (screen.getWidth() >= width + DECORATION / 2 && screen.getHeight() >= height + DECORATION) {
            return new WindowSize(width, height, false);
        }
        // a laptop screen (1366 × 768 is the consultants' usual one): the window takes it all, its title bar on screen
        return new WindowSize(Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight() - DECORATION), true);
    }

    private void rebuild() {
        if (scene == null) {
            return;
        }
        disposeScreen();
        scene.setRoot(buildRoot());
        applyOrientation();
    }

    private void applyOrientation() {
        scene.setNodeOrientation(viewModel.i18n().rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
    }

    private Parent buildRoot() {
        I18n i18n = viewModel.i18n();
        // JavaFX's own words and figures (the date pickers' month and day names) follow the window's language
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, i18n.formatLocale());
        BorderPane root = new BorderPane();
        root.getStyleClass().add("shell");
        root.setTop(new VBox(menuBar(i18n), toolBar(i18n)));
        root.setLeft(navigation(i18n));
        root.setCenter(content);
        root.setBottom(statusBar(i18n));
        showContent();
        return root;
    }

    // ------------------------------------------------------------------ menu and toolbar

    private MenuBar menuBar(I18n i18n) {
        MenuItem newMission = item(i18n.get("menu.file.new"), Material2AL.CREATE_NEW_FOLDER, viewModel::newWithDialog);
        // Ctrl+N is the page's own "new" (a new ESSP, a new circonscription); a new mission is Ctrl+Shift+N
        newMission.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+N"));
        MenuItem open = item(i18n.get("menu.file.open"), Material2AL.FOLDER_OPEN, viewModel::openWithDialog);
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        Menu recent = new Menu(i18n.get("menu.file.recent"), new FontIcon(Material2AL.HISTORY));
        recent.setId("menuRecent");
        fillRecent(recent.getItems(), i18n);
        MenuItem saveCopy = item(i18n.get("menu.file.save_copy"), Material2AL.FILE_COPY, viewModel::saveCopyWithDialog);
        saveCopy.disableProperty().bind(viewModel.missionProperty().isNull());
        MenuItem restore = item(i18n.get("menu.file.restore"), Material2MZ.RESTORE, viewModel::restoreWithDialog);
        restore.setId("restoreBackupItem");
        restore.disableProperty().bind(viewModel.missionProperty().isNull());
        MenuItem quit = item(i18n.get("menu.file.quit"), Material2AL.EXIT_TO_APP, this::quit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu(i18n.get("menu.file"), null, newMission, open, recent, saveCopy, restore, new SeparatorMenuItem(), quit);

        MenuItem newItem = item(i18n.get("menu.edit.new"), Material2AL.ADD, this::newItem);
        newItem.setId("menuNewItem");
        newItem.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newItem.disableProperty().bind(screenCreates.not());
        MenuItem search = item(i18n.get("menu.edit.search"), Material2MZ.SEARCH, this::focusSearch);
        search.setId("menuSearch");
        search.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        search.disableProperty().bind(screenSearches.not());
        MenuItem undo = item("", Material2MZ.UNDO, () -> undoOrRedo(true));
        undo.setId("menuUndo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        MenuItem redo = item("", Material2MZ.REDO, () -> undoOrRedo(false));
        redo.setId("menuRedo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        bindUndoItem(undo, i18n, true);
        bindUndoItem(redo, i18n, false);
        Menu edit = new Menu(i18n.get("menu.edit"), null, undo, redo, new SeparatorMenuItem(), newItem, search);

        Menu language = new Menu(i18n.get("menu.language"), new FontIcon(Material2MZ.TRANSLATE));
        language.setId("menuLanguage");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        language.getItems().addAll(
                languageItem(i18n.get("language.fr"), I18n.FRENCH, group, "languageFr"),
                languageItem(i18n.get("language.en"), I18n.ENGLISH, group, "languageEn"),
                languageItem(i18n.get("language.ar"), I18n.ARABIC, group, "languageAr"));

        MenuItem shortcuts = item(i18n.get("menu.help.shortcuts"), Material2AL.KEYBOARD, viewModel::showShortcuts);
        shortcuts.setId("menuShortcuts");
        MenuItem pageHelp = item(i18n.get("menu.help.page"), Material2AL.HELP_OUTLINE, this::showHelp);
        pageHelp.setId("menuPageHelp");
        pageHelp.setAccelerator(KeyCombination.keyCombination("F1"));
        pageHelp.disableProperty().bind(viewModel.missionProperty().isNull());
        Menu help = new Menu(i18n.get("menu.help"), null, pageHelp, shortcuts, item(i18n.get("menu.help.about"), Material2AL.INFO, viewModel::showAbout));
        MenuBar bar = new MenuBar(file, edit, language, help);
        bar.setId("menuBar");
        return bar;
    }

    private void fillRecent(List<MenuItem> items, I18n i18n) {
        items.clear();
        if (viewModel.recentMissions().isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("menu.file.recent.none"));
            none.setDisable(true);
            items.add(none);
            return;
        }
        for (Path path : viewModel.recentMissions()) {
            MenuItem item = new MenuItem(i18n.path(path.getFileName() + "  —  " + path.toAbsolutePath().getParent()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.switchTo(path));
            items.add(item);
        }
    }

    private RadioMenuItem languageItem(String label, Locale locale, javafx.scene.control.ToggleGroup group, String id) {
        RadioMenuItem item = new RadioMenuItem(label);
        item.setId(id);
        item.setToggleGroup(group);
        item.setSelected(viewModel.i18n().locale().getLanguage().equals(locale.getLanguage()));
        item.setUserData(locale);
        // cancelled at the unsaved-changes question: the current language stays ticked
        item.setOnAction(e -> viewModel.requestLanguage(locale, () -> group.getToggles().stream()
                .filter(t -> ((Locale) t.getUserData()).getLanguage().equals(viewModel.i18n().locale().getLanguage()))
                .findFirst().ifPresent(t -> t.setSelected(true))));
        return item;
    }

    /** Closes the window once unsaved edits are saved or discarded. */
    private void quit() {
        viewModel.leaveThen(stage::close, () -> { });
    }

    /** F1: the short help of the area on screen. */
    private void showHelp() {
        navigation.stream().filter(FeatureArea.class::isInstance).map(FeatureArea.class::cast)
                .filter(a -> a.id().equals(selectedArea)).findFirst()
                .ifPresent(area -> viewModel.showHelp(area.titleKey(), area.helpKey()));
    }

    /** Edit > Undo "what" / Redo "what" with the name of the screen's edit; disabled when there is none. */
    private void bindUndoItem(MenuItem item, I18n i18n, boolean undo) {
        item.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            EditHistory history = screenHistory.get();
            String what = history == null ? "" : undo ? history.descriptionProperty().get() : history.redoDescriptionProperty().get();
            return what.isEmpty() ? i18n.get(undo ? "menu.edit.undo" : "menu.edit.redo")
                    : i18n.get(undo ? "menu.edit.undoWhat" : "menu.edit.redoWhat", what);
        }, screenHistory, historyChanged));
        item.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            EditHistory history = screenHistory.get();
            return history == null || !(undo ? history.availableProperty().get() : history.redoAvailableProperty().get());
        }, screenHistory, historyChanged));
    }

    /**
     * Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z): undoes or redoes the screen's last saved edit. A text field being typed in keeps
     * its own Ctrl+Z (it consumes the key before the menu's shortcut sees it). Refused (changed by someone else since):
     * said in a dialog.
     */
    private void undoOrRedo(boolean undo) {
        EditHistory history = screenHistory.get();
        if (history == null) {
            return;
        }
        I18n i18n = viewModel.i18n();
        String what = undo ? history.descriptionProperty().get() : history.redoDescriptionProperty().get();
        java.util.function.Consumer<Throwable> refused = e -> viewModel.dialogs().showError(
                i18n.get(undo ? "edit.undo.refused" : "edit.redo.refused"), EditHistory.refusal(e, what, i18n));
        if (undo) {
            history.undo(refused);
        } else {
            history.redo(refused);
        }
    }

    /** Ctrl+N: the page's own "new" (a new ESSP in the registry, a new circonscription...). */
    private void newItem() {
        if (screen != null && screen.newItem() != null) {
            screen.newItem().run();
        }
    }

    /** Ctrl+F: the cursor goes to the page's search field, its text selected to be typed over. */
    private void focusSearch() {
        Node field = screen == null ? null : screen.searchField();
        if (field != null) {
            field.requestFocus();
            if (field instanceof javafx.scene.control.TextInputControl text) {
                text.selectAll();
            }
        }
    }

    private static MenuItem item(String text, Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar(I18n i18n) {
        Button newMission = toolButton(i18n.get("toolbar.new"), Material2AL.CREATE_NEW_FOLDER, viewModel::newWithDialog);
        Button open = toolButton(i18n.get("toolbar.open"), Material2AL.FOLDER_OPEN, viewModel::openWithDialog);
        MenuButton recent = new MenuButton(i18n.get("toolbar.recent"), new FontIcon(Material2AL.HISTORY));
        recent.setId("toolbarRecent");
        recent.setOnShowing(e -> fillRecent(recent.getItems(), viewModel.i18n()));
        fillRecent(recent.getItems(), i18n);
        Button copy = toolButton(i18n.get("toolbar.save_copy"), Material2AL.FILE_COPY, viewModel::saveCopyWithDialog);
        copy.disableProperty().bind(viewModel.missionProperty().isNull());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button about = toolButton(i18n.get("toolbar.about"), Material2AL.INFO, viewModel::showAbout);
        ToolBar bar = new ToolBar(newMission, open, recent, copy, busy, spacer, about);
        bar.setId("toolBar");
        return bar;
    }

    private static Button toolButton(String text, Ikon icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setOnAction(e -> action.run());
        button.getStyleClass().add("flat");
        return button;
    }

    // ------------------------------------------------------------------ navigation

    private Node navigation(I18n i18n) {
        VBox box = new VBox(2);
        box.getStyleClass().add("shell-navigation");
        ToggleGroup group = new ToggleGroup();
        navButtons.clear();
        navOrder.clear();
        Label builtHeader = new Label(i18n.get("nav.section.mission"));
        builtHeader.getStyleClass().add("nav-section");
        box.getChildren().add(builtHeader);
        boolean plannedHeader = false;
        for (NavigationEntry entry : navigation) {
            switch (entry) {
                case FeatureArea area -> {
                    ToggleButton button = new ToggleButton(i18n.get(area.titleKey()), new FontIcon(area.icon()));
                    button.setId("nav-" + area.id());
                    button.getStyleClass().add("nav-button");
                    button.setMaxWidth(Double.MAX_VALUE);
                    // a long title (the PMS area in Arabic) takes two lines instead of being cut
                    button.setWrapText(true);
                    button.setMinHeight(Region.USE_PREF_SIZE);
                    button.setAlignment(Pos.CENTER_LEFT);
                    button.setToggleGroup(group);
                    button.setSelected(area.id().equals(selectedArea));
                    button.disableProperty().bind(viewModel.missionProperty().isNull());
                    button.setOnAction(e -> {
                        if (!button.isSelected()) {
                            button.setSelected(true); // a click on the current area keeps it selected
                        } else if (!area.id().equals(selectedArea)) {
                            viewModel.leaveThen(() -> {
                                selectedArea = area.id();
                                showContent();
                                viewModel.refreshSummary();
                            }, () -> navButtons.get(selectedArea).setSelected(true)); // cancelled: the highlight follows the page
                        }
                    });
                    navButtons.put(area.id(), button);
                    navOrder.add(button);
                    box.getChildren().add(button);
                }
                case PlannedArea planned -> {
                    if (!plannedHeader) {
                        Label header = new Label(i18n.get("nav.section.planned"));
                        header.getStyleClass().add("nav-section");
                        box.getChildren().add(header);
                        plannedHeader = true;
                    }
                    // a label, not a disabled button: disabled controls never show their tooltip
                    Label label = new Label(i18n.get(planned.titleKey()), new FontIcon(planned.icon()));
                    label.setId("nav-" + planned.id());
                    label.getStyleClass().add("nav-planned");
                    label.setMaxWidth(Double.MAX_VALUE);
                    // a long title ("Findings and recommendations") takes two lines instead of being cut
                    label.setWrapText(true);
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    label.setTooltip(new Tooltip(i18n.get("nav.planned.tooltip")));
                    box.getChildren().add(label);
                }
            }
        }
        // the arrow keys change the page, not only the highlight (the toggle group alone would move just the highlight)
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean rtl = viewModel.i18n().rightToLeft();
            int step = switch (e.getCode()) {
                case UP -> -1;
                case DOWN -> 1;
                case LEFT -> rtl ? 1 : -1;
                case RIGHT -> rtl ? -1 : 1;
                default -> 0;
            };
            if (step != 0 && e.getTarget() instanceof ToggleButton from && navOrder.contains(from)) {
                e.consume();
                moveInNavigation(from, step);
            }
        });
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("shell-navigation-scroll");
        scroll.setPrefWidth(280);
        scroll.setMinWidth(220);
        return scroll;
    }

    /** Goes to the area {@code step} places from {@code from} (no wrapping), after the unsaved-changes question. */
    private void moveInNavigation(ToggleButton from, int step) {
        int next = navOrder.indexOf(from) + step;
        if (next < 0 || next >= navOrder.size() || navOrder.get(next).isDisabled()) {
            return;
        }
        ToggleButton target = navOrder.get(next);
        target.requestFocus();
        if (!target.isSelected()) {
            target.fire(); // selects it and runs its action: the page follows (or the highlight comes back on cancel)
        }
    }

    // ------------------------------------------------------------------ centre

    private void showContent() {
        disposeScreen();
        I18n i18n = viewModel.i18n();
        OpenMission mission = viewModel.mission().orElse(null);
        if (mission == null) {
            content.getChildren().setAll(viewModel.busyProperty().get() ? opening(i18n) : emptyState(i18n));
            return;
        }
        FeatureArea area = navigation.stream().filter(FeatureArea.class::isInstance).map(FeatureArea.class::cast)
                .filter(a -> a.id().equals(selectedArea)).findFirst().orElse(null);
        if (area == null) {
            content.getChildren().clear();
            return;
        }
        long openedAt = System.nanoTime();
        FirstLoad firstLoad = new FirstLoad(viewModel.missionTasks());
        screen = area.open(new FeatureContext(mission, firstLoad, i18n, viewModel.dialogs(), viewModel::refreshSummary,
                this::openEssp, this::newEsspIn));
        viewModel.setEditor(screen.unsavedChanges());
        WindowMemory.restoreDividers(area.id(), screen.view(), viewModel.settings());
        // every table of the screen: copy and export to Excel / CSV from its context menu (files to the Documents first)
        TableExport.installAll(screen.view(), new TableExport.Context(i18n, viewModel.dialogs(), viewModel.missionTasks(),
                AppPaths.documents(), () -> i18n.plain(area.titleKey())));
        // and column headers that show their whole text in every language
        ColumnHeaders.fitAll(screen.view());
        screenCreates.set(screen.newItem() != null);
        screenSearches.set(screen.searchField() != null);
        EditHistory history = screen.editHistory();
        if (history != null) {
            for (javafx.beans.Observable o : List.of(history.descriptionProperty(), history.redoDescriptionProperty(),
                    history.availableProperty(), history.redoAvailableProperty())) {
                o.addListener(historyTick);
            }
        }
        screenHistory.set(history);
        // until the area's first data arrive: a progress indicator naming the area, never an empty table
        Node view = screen.view();
        Node loading = loading(i18n, i18n.get(area.titleKey()));
        view.setVisible(false);
        content.getChildren().setAll(view, loading);
        firstLoad.whenLoaded(() -> {
            view.setVisible(true);
            content.getChildren().remove(loading);
            UsableMarker.areaLoaded(area.id(), openedAt);
        });
    }

    /** From another area (the territory tree): the registry with the ESSP's form and detail, the highlight following. */
    private void openEssp(int esspId) {
        viewModel.leaveThen(() -> {
            selectedArea = ma.essp.diag.app.registry.EsspRegistryArea.ID;
            ToggleButton button = navButtons.get(selectedArea);
            if (button != null) {
                button.setSelected(true);
            }
            showContent();
            if (screen != null) {
                screen.showEssp(esspId);
            }
            viewModel.refreshSummary();
        }, () -> { });
    }

    /** From another area (the territory tree): the registry with a new ESSP's form, in the circonscription given. */
    private void newEsspIn(int circonscriptionId) {
        viewModel.leaveThen(() -> {
            selectedArea = ma.essp.diag.app.registry.EsspRegistryArea.ID;
            ToggleButton button = navButtons.get(selectedArea);
            if (button != null) {
                button.setSelected(true);
            }
            showContent();
            if (screen != null) {
                screen.newEsspIn(circonscriptionId);
            }
        }, () -> { });
    }

    private void disposeScreen() {
        screenCreates.set(false);
        screenSearches.set(false);
        EditHistory history = screenHistory.get();
        if (history != null) {
            for (javafx.beans.Observable o : List.of(history.descriptionProperty(), history.redoDescriptionProperty(),
                    history.availableProperty(), history.redoAvailableProperty())) {
                o.removeListener(historyTick);
            }
            screenHistory.set(null);
        }
        if (screen != null) {
            viewModel.setEditor(null);
            screen.dispose();
            screen = null;
        }
    }

    /** The loading state of an area: a progress indicator and "Chargement : <area>…", centred over the hidden page. */
    private static Node loading(I18n i18n, String areaTitle) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(48, 48);
        Label label = new Label(i18n.get("app.loading.area", areaTitle));
        label.getStyleClass().add("title-4");
        VBox box = new VBox(14, progress, label);
        box.setId("areaLoading");
        box.getStyleClass().add("area-loading");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node opening(I18n i18n) {
        VBox box = new VBox(12, new ProgressIndicator(), new Label(i18n.get("empty.opening")));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node emptyState(I18n i18n) {
        FontIcon icon = new FontIcon(Material2AL.FOLDER_OPEN);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label(i18n.get("empty.title"));
        title.getStyleClass().add("title-2");
        Label text = new Label(i18n.get("empty.text"));
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        Button create = new Button(i18n.get("empty.new"), new FontIcon(Material2AL.CREATE_NEW_FOLDER));
        create.getStyleClass().add("accent");
        create.setOnAction(e -> viewModel.newWithDialog());
        Button open = new Button(i18n.get("empty.open"), new FontIcon(Material2AL.FOLDER_OPEN));
        open.setOnAction(e -> viewModel.openWithDialog());
        HBox buttons = new HBox(10, create, open);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, icon, title, text, buttons);
        box.setId("emptyState");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
        return box;
    }

    // ------------------------------------------------------------------ status bar

    private Node statusBar(I18n i18n) {
        Label name = new Label();
        name.setId("statusMission");
        name.setGraphic(new FontIcon(Material2AL.INSERT_DRIVE_FILE));
        name.textProperty().bind(viewModel.missionNameProperty());
        // a long mission name gives way (with its full text in a tooltip); the badge and the counts never do
        name.setMaxWidth(460);
        name.setMinWidth(120);
        Tooltip fullName = new Tooltip();
        fullName.textProperty().bind(viewModel.missionNameProperty());
        name.setTooltip(fullName);
        Label badge = new Label(i18n.get("status.synthetic"), new FontIcon(Material2MZ.SCIENCE));
        badge.setId("syntheticBadge");
        badge.getStyleClass().add("synthetic-badge");
        badge.setTooltip(new Tooltip(i18n.get("status.synthetic.tooltip")));
        badge.visibleProperty().bind(viewModel.syntheticProperty());
        badge.managedProperty().bind(badge.visibleProperty());
        Label member = new Label();
        member.setId("statusMember");
        member.setGraphic(new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        member.textProperty().bind(viewModel.memberTextProperty());
        member.visibleProperty().bind(viewModel.memberTextProperty().isNotEmpty());
        member.managedProperty().bind(member.visibleProperty());
        member.setMinWidth(Region.USE_PREF_SIZE);
        Label checking = new Label();
        checking.setId("statusChecking");
        checking.setGraphic(new FontIcon(Material2AL.HOURGLASS_EMPTY));
        checking.textProperty().bind(viewModel.checkingTextProperty());
        checking.visibleProperty().bind(viewModel.checkingTextProperty().isNotEmpty());
        checking.managedProperty().bind(checking.visibleProperty());
        // shrinks before the counts do (its whole text in the tooltip): at 1366 px in French the status bar's fixed
        // parts and this text together were wider than the window, which then grew past the screen's edge
        javafx.scene.control.Tooltip checkingTip = new javafx.scene.control.Tooltip();
        checkingTip.textProperty().bind(viewModel.checkingTextProperty());
        checking.setTooltip(checkingTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label counts = new Label();
        counts.setId("statusCounts");
        counts.textProperty().bind(viewModel.countsTextProperty());
        // shrinks (its whole text in a tooltip) rather than making the bar wider than a 1320 px window in French, which
        // then cut the toolbar's right end and every table's right edge
        javafx.scene.control.Tooltip countsTip = new javafx.scene.control.Tooltip();
        countsTip.textProperty().bind(viewModel.countsTextProperty());
        counts.setTooltip(countsTip);
        Label schema = new Label();
        schema.setId("statusSchema");
        schema.textProperty().bind(viewModel.schemaTextProperty());
        Separator separator = new Separator(javafx.geometry.Orientation.VERTICAL);
        separator.visibleProperty().bind(viewModel.missionProperty().isNotNull());
        for (Region fixed : List.of(badge, schema)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, name, badge, member, checking, spacer, counts, separator, schema);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        name.setContentDisplay(ContentDisplay.LEFT);
        return bar;
    }
}
