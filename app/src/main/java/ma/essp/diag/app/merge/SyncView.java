package ma.essp.diag.app.merge;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.settings.Settings.ServerProfile;
import ma.essp.diag.app.ui.FeatureScreen;

/**
 * The synchronisation screen: the server profile (or a new one) and the password above; the progress with its
 * Cancel (and what a cancel leaves); the consolidation's review when the pull needs decisions; the result.
 */
public final class SyncView implements FeatureScreen {

    private final ScrollPane page;

    public SyncView(SyncViewModel viewModel, I18n i18n) {
        Label title = new Label(i18n.get("merge.sync.title"));
        title.getStyleClass().add("title-3");
        Label intro = new Label(i18n.get(viewModel.keyringAvailable() ? "merge.sync.intro.keyring" : "merge.sync.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<ServerProfile> profile = new ComboBox<>(viewModel.profiles());
        profile.setId("syncProfile");
        profile.valueProperty().bindBidirectional(viewModel.profileProperty());
        profile.setCellFactory(list -> new ProfileCell());
        profile.setButtonCell(new ProfileCell());
        profile.setPromptText(i18n.get("merge.sync.profile.none"));
        profile.setPrefWidth(420);
        PasswordField password = new PasswordField();
        password.setId("syncPassword");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        password.setPromptText(i18n.get(viewModel.keyringAvailable() ? "merge.sync.password.prompt.keyring" : "merge.sync.password.prompt"));
        // the operating system's keyring, where there is one: a typed password is kept there after a good sign-in
        CheckBox remember = new CheckBox(i18n.get("merge.sync.remember"));
        remember.setId("syncRemember");
        remember.selectedProperty().bindBidirectional(viewModel.rememberProperty());
        remember.setVisible(viewModel.keyringAvailable());
        remember.setManaged(viewModel.keyringAvailable());
        remember.setMinWidth(Region.USE_PREF_SIZE);
        Button sync = new Button(i18n.get("merge.sync.start"));
        sync.setId("syncStart");
        sync.getStyleClass().add("accent");
        sync.disableProperty().bind(viewModel.canSyncProperty().not());
        sync.setOnAction(e -> viewModel.synchronise());
        sync.setMinWidth(Region.USE_PREF_SIZE);
        password.setPrefWidth(240);
        // the labels keep their words; the profile list gives way first (its cell shows the full name in its list)
        profile.setMinWidth(160);
        Label profileLabel = new Label(i18n.get("merge.sync.profile"));
        profileLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label passwordLabel = new Label(i18n.get("merge.sync.password"));
        passwordLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, profileLabel, profile, passwordLabel, password, sync);
        row.setAlignment(Pos.CENTER_LEFT);
        // the keyring box on its own line, under the password it is about
        VBox login = new VBox(6, row, remember);
        login.disableProperty().bind(viewModel.runningProperty());

        TextField name = new TextField();
        name.setId("syncNewName");
        name.setPromptText(i18n.get("merge.sync.new.name"));
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        TextField url = new TextField();
        url.setId("syncNewUrl");
        url.setPromptText("jdbc:postgresql://serveur:5432/mission?sslmode=verify-full");
        url.textProperty().bindBidirectional(viewModel.newUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        TextField user = new TextField();
        user.setId("syncNewUser");
        user.setPromptText(i18n.get("merge.sync.new.user"));
        user.textProperty().bindBidirectional(viewModel.newUserProperty());
        Button add = new Button(i18n.get("merge.sync.new.add"));
        add.setId("syncAddProfile");
        add.setOnAction(e -> viewModel.addProfile());
        HBox addBox = new HBox(8, name, url, user, add);
        addBox.setAlignment(Pos.CENTER_LEFT);
        addBox.setPadding(new Insets(6));
        TitledPane newProfile = new TitledPane(i18n.get("merge.sync.new.title"), addBox);
        newProfile.setExpanded(viewModel.profiles().isEmpty());
        newProfile.disableProperty().bind(viewModel.runningProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        Label progress = new Label();
        progress.setId("syncProgress");
        progress.textProperty().bind(viewModel.progressProperty());
        Button cancel = new Button(i18n.get("merge.sync.cancel"));
        cancel.setId("syncCancel");
        cancel.setOnAction(e -> viewModel.cancel());
        Label cancelNote = new Label(i18n.get("merge.sync.cancel.note"));
        cancelNote.setWrapText(true);
        cancelNote.getStyleClass().add("text-muted");
        HBox.setHgrow(cancelNote, Priority.ALWAYS);
        HBox running = new HBox(10, busy, progress, cancel, cancelNote);
        running.setAlignment(Pos.CENTER_LEFT);
        showWhen(running, viewModel.runningProperty());

        Label reviewTitle = new Label(i18n.get("merge.sync.review.title"));
        reviewTitle.getStyleClass().add("text-bold");
        Button abandon = new Button(i18n.get("merge.sync.review.abandon"));
        abandon.setId("syncAbandon");
        abandon.setOnAction(e -> viewModel.abandonReview());
        abandon.disableProperty().bind(viewModel.runningProperty());
        Button apply = new Button(i18n.get("merge.sync.review.apply"));
        apply.setId("syncApply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(viewModel.canSyncProperty().not());
        apply.setOnAction(e -> viewModel.synchronise());
        HBox reviewHead = new HBox(10, reviewTitle, apply, abandon);
        reviewHead.setAlignment(Pos.CENTER_LEFT);
        VBox review = MergeView.review(viewModel.review(), i18n);
        VBox reviewBox = new VBox(8, reviewHead, review);
        VBox.setVgrow(review, Priority.ALWAYS);
        VBox.setVgrow(reviewBox, Priority.ALWAYS);
        showWhen(reviewBox, viewModel.stageProperty().isEqualTo(SyncViewModel.Stage.REVIEW));

        Label status = new Label();
        status.setId("syncStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.statusProperty());
        showWhen(status, viewModel.statusProperty().isNotEmpty());
        Label error = new Label();
        error.setId("syncError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(viewModel.errorProperty());
        showWhen(error, viewModel.errorProperty().isNotEmpty());

        VBox root = new VBox(8, title, intro, login, newProfile, running, status, error, reviewBox);
        root.getStyleClass().add("feature-screen");
        root.setPadding(new Insets(16));
        page = new ScrollPane(root);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.getStyleClass().add("edge-to-edge");
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A profile as "name — user@url". */
    private static final class ProfileCell extends ListCell<ServerProfile> {
        @Override
        protected void updateItem(ServerProfile item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name() + " — " + item.user() + " @ " + item.url());
        }
    }

    @Override
    public Node view() {
        return page;
    }
}
