package ma.essp.diag.app.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.MissionService.MemberChoice;
import ma.essp.diag.database.repository.TeamRepository.Member;

/** The JavaFX dialogs, owned by the main window and oriented like it (right to left in Arabic). */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Supplier<I18n> i18n;

    public FxDialogService(Supplier<Window> owner, Supplier<I18n> i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, null, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String header, String message) {
        alert(Alert.AlertType.INFORMATION, title, header, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, null, message);
        ButtonType ok = button("dialog.button.ok", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ok, button("dialog.button.cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public UnsavedChangesGuard.Choice askUnsavedChanges(String title, String message) {
        Alert alert = alert(Alert.AlertType.WARNING, title, null, message);
        ButtonType save = button("dialog.button.save", ButtonBar.ButtonData.YES);
        ButtonType discard = button("dialog.button.discard", ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(save, discard, button("dialog.button.cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.getDialogPane().setId("unsavedChangesDialog");
        return alert.showAndWait()
                .map(b -> b == save ? UnsavedChangesGuard.Choice.SAVE : b == discard ? UnsavedChangesGuard.Choice.DISCARD
                        : UnsavedChangesGuard.Choice.CANCEL)
                .orElse(UnsavedChangesGuard.Choice.CANCEL);
    }

    /** A button with the window's words (JavaFX's own ButtonType.OK/CANCEL follow the system locale, not the app's). */
    private ButtonType button(String key, ButtonBar.ButtonData data) {
        return new ButtonType(i18n.get().get(key), data);
    }

    private Alert alert(Alert.AlertType type, String title, String header, String message) {
        Alert alert = new Alert(type, message, button("dialog.button.ok", ButtonBar.ButtonData.OK_DONE));
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(480);
        alert.getDialogPane().setNodeOrientation(orientation());
        placeOverOwner(alert);
        return alert;
    }

    private javafx.geometry.NodeOrientation orientation() {
        return i18n.get().rightToLeft() ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT;
    }

    @Override
    public Optional<Path> chooseMissionToOpen(Path initialFolder) {
        FileChooser chooser = chooser(initialFolder, i18n.get().get("dialog.open.title"));
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseMissionToSave(Path initialFolder, String suggestedName) {
        FileChooser chooser = chooser(initialFolder, i18n.get().get("dialog.save.title"));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath)
                .map(p -> p.getFileName().toString().endsWith(".essp") ? p : p.resolveSibling(p.getFileName() + ".essp"));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterLabel,
                                           String pattern) {
        FileChooser chooser = chooser(initialFolder, title, filterLabel, pattern);
        if (suggestedName != null) {
            chooser.setInitialFileName(suggestedName);
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterLabel, String pattern) {
        return Optional.ofNullable(chooser(initialFolder, title, filterLabel, pattern).showOpenDialog(owner.get()))
                .map(File::toPath);
    }

    private FileChooser chooser(Path initialFolder, String title) {
        return chooser(initialFolder, title, i18n.get().get("dialog.filter.missions"), "*.essp");
    }

    private FileChooser chooser(Path initialFolder, String title, String filterLabel, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterLabel, pattern));
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return chooser;
    }

    @Override
    public Optional<Integer> chooseOne(String title, String header, List<String> choices) {
        javafx.scene.control.Dialog<Integer> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(
                javafx.collections.FXCollections.observableArrayList(choices));
        list.setId("chooseOneList");
        list.setMinHeight(140);
        list.setPrefHeight(Math.max(140, Math.min(360, 28 * choices.size() + 8)));
        list.getSelectionModel().selectFirst();
        dialog.getDialogPane().setContent(list);
        ButtonType ok = button("dialog.button.ok", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, button("dialog.button.cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setMinWidth(560);
        dialog.getDialogPane().setNodeOrientation(orientation());
        placeOverOwner(dialog);
        dialog.setResultConverter(b -> b == ok ? list.getSelectionModel().getSelectedIndex() : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<MemberChoice> chooseMember(String missionName, List<Member> team) {
        I18n words = i18n.get();
        javafx.scene.control.Dialog<MemberChoice> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(words.get("dialog.who.title"));
        dialog.setHeaderText(words.get("dialog.who.header", missionName));
        javafx.scene.control.ToggleGroup choice = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioButton existing = new javafx.scene.control.RadioButton(words.get("dialog.who.existing"));
        javafx.scene.control.RadioButton created = new javafx.scene.control.RadioButton(words.get("dialog.who.new"));
        existing.setToggleGroup(choice);
        created.setToggleGroup(choice);
        javafx.scene.control.ComboBox<Member> members = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(team));
        members.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Member m) {
                return m == null ? "" : m.fullName();
            }

            @Override
            public Member fromString(String s) {
                return null;
            }
        });
        members.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.TextField name = new javafx.scene.control.TextField();
        name.setPromptText(words.get("dialog.who.new.prompt"));
        members.disableProperty().bind(existing.selectedProperty().not());
        name.disableProperty().bind(created.selectedProperty().not());
        if (team.isEmpty()) {
            existing.setDisable(true);
            created.setSelected(true);
        } else {
            existing.setSelected(true);
            members.getSelectionModel().selectFirst();
        }
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, existing, members, created, name);
        box.setPadding(new javafx.geometry.Insets(12));
        dialog.getDialogPane().setContent(box);
        ButtonType ok = button("dialog.button.ok", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, button("dialog.button.cancel", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setMinWidth(480);
        dialog.getDialogPane().setMaxWidth(640);
        dialog.getDialogPane().setNodeOrientation(orientation());
        placeOverOwner(dialog);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> existing.isSelected() ? members.getValue() == null : name.getText().isBlank(),
                existing.selectedProperty(), members.valueProperty(), name.textProperty()));
        dialog.setResultConverter(button -> button != ok ? null
                : existing.isSelected() ? new MemberChoice.Existing(members.getValue().uuid())
                : new MemberChoice.NewMember(name.getText().strip()));
        return dialog.showAndWait();
    }

    /**
     * Centres the dialog over the main window and keeps it whole inside the visible bounds of that window's screen.
     * JavaFX centres a dialog once, on its first (preferred) size, which for a long wrapped header is far wider than
     * the size the dialog settles at a pulse later: a dialog asked at start was left at the screen's left edge, or
     * past it. It is placed again whenever its size changes.
     */
    static void placeOverOwner(javafx.scene.control.Dialog<?> dialog) {
        dialog.setOnShown(e -> {
            javafx.stage.Window window = dialog.getDialogPane().getScene().getWindow();
            Runnable place = () -> place(window, dialog.getOwner());
            place.run();
            window.widthProperty().addListener((o, was, now) -> place.run());
            window.heightProperty().addListener((o, was, now) -> place.run());
            javafx.application.Platform.runLater(place);
        });
    }

    /** Where {@code window} goes: centred over {@code owner} (or its screen), inside that screen's visible bounds. */
    static javafx.geometry.Point2D placement(javafx.geometry.Rectangle2D owner, javafx.geometry.Rectangle2D screen,
                                             double width, double height) {
        double x = owner.getMinX() + (owner.getWidth() - width) / 2;
        double y = owner.getMinY() + (owner.getHeight() - height) / 3;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
        return new javafx.geometry.Point2D(x, y);
    }

    private static void place(javafx.stage.Window window, javafx.stage.Window owner) {
        if (Double.isNaN(window.getWidth()) || Double.isNaN(window.getHeight())) {
            return;
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.geometry.Rectangle2D over = screen;
        if (owner != null && owner.isShowing() && owner.getWidth() > 0) {
            over = new javafx.geometry.Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
            screen = javafx.stage.Screen.getScreensForRectangle(over).stream().findFirst()
                    .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        }
        javafx.geometry.Point2D at = placement(over, screen, window.getWidth(), window.getHeight());
        if (at.getX() != window.getX()) {
            window.setX(at.getX());
        }
        if (at.getY() != window.getY()) {
            window.setY(at.getY());
        }
    }
}
