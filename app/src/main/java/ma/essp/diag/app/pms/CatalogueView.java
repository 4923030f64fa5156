package ma.essp.diag.app.pms;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.CatalogueVersionRepository.VersionInfo;

/** Code-behind of {@code CatalogueView.fxml}: versions, their differences, the Excel exchange and the content editor. */
public final class CatalogueView {

    private final CatalogueViewModel viewModel;
    private final I18n i18n;
    private final Parent root;

    @FXML private ListView<VersionInfo> versionList;
    @FXML private ListView<String> changeList;
    @FXML private Button draftButton;
    @FXML private Button publishButton;
    @FXML private Button exportButton;
    @FXML private Button importButton;
    @FXML private Label messageLabel;
    @FXML private javafx.scene.layout.StackPane editorPane;

    public CatalogueView(CatalogueViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.root = ViewLoader.load(this, i18n);
        editorPane.getChildren().setAll(new CatalogueEditorView(viewModel.editor(), i18n).view());
    }

    @FXML
    private void initialize() {
        versionList.setItems(viewModel.versions());
        versionList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(VersionInfo v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : viewModel.versionLabel(v));
            }

            {
                // long labels wrap inside the list instead of hiding behind a horizontal scroll bar
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        viewModel.selectedProperty().addListener((o, old, now) -> versionList.getSelectionModel().select(now));
        versionList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        changeList.setItems(viewModel.changes());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        draftButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        publishButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> viewModel.selectedProperty().get() != null && viewModel.selectedProperty().get().published(),
                        viewModel.selectedProperty())));
        exportButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        importButton.disableProperty().bind(viewModel.busyProperty());
        draftButton.setOnAction(e -> viewModel.draftFromSelected());
        publishButton.setOnAction(e -> viewModel.publishSelected());
        exportButton.setOnAction(e -> viewModel.exportWithDialog());
        importButton.setOnAction(e -> viewModel.importWithDialog());
    }

    public Node view() {
        return root;
    }
}
