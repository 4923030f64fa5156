package ma.essp.diag.app.reports;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ViewLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Code-behind of {@code ReportsView.fxml}: binds the form to {@link ReportsViewModel}; the file chooser lives here. */
public final class ReportsView implements FeatureScreen {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsView.class);

    private final ReportsViewModel viewModel;
    private final I18n i18n;
    private final Parent root;

    @FXML private ComboBox<FilterChoice> formatChoice;
    @FXML private ComboBox<FilterChoice> levelChoice;
    @FXML private ComboBox<FilterChoice> territoryChoice;
    @FXML private ComboBox<FilterChoice> languageChoice;
    @FXML private TextField authorField;
    @FXML private TextField versionField;
    @FXML private DatePicker asOfPicker;
    @FXML private TextField destinationField;
    @FXML private Button browseButton;
    @FXML private FlowPane sectionsPane;
    @FXML private Button exportButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Button openFolderButton;

    public ReportsView(ReportsViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        formatChoice.setItems(viewModel.formats());
        formatChoice.valueProperty().bindBidirectional(viewModel.formatProperty());
        levelChoice.setItems(viewModel.levels());
        levelChoice.valueProperty().bindBidirectional(viewModel.levelProperty());
        territoryChoice.setItems(viewModel.territories());
        territoryChoice.valueProperty().bindBidirectional(viewModel.territoryProperty());
        territoryChoice.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.territories()));
        languageChoice.setItems(viewModel.languages());
        languageChoice.valueProperty().bindBidirectional(viewModel.languageProperty());
        authorField.textProperty().bindBidirectional(viewModel.authorProperty());
        versionField.textProperty().bindBidirectional(viewModel.reportVersionProperty());
        asOfPicker.valueProperty().bindBidirectional(viewModel.asOfProperty());
        asOfPicker.setPromptText(i18n.get("reports.asof.prompt"));
        // a file path reads left to right in every language (in Arabic its slashes would move to the ends)
        destinationField.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        destinationField.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.destinationProperty().get() == null ? "" : viewModel.destinationProperty().get().toString(),
                viewModel.destinationProperty()));
        for (ReportsViewModel.SectionChoice s : viewModel.sections()) {
            CheckBox box = new CheckBox(s.label());
            box.setId("reportsSection-" + s.section().code());
            box.selectedProperty().bindBidirectional(s.selected());
            box.disableProperty().bind(viewModel.runningProperty());
            sectionsPane.getChildren().add(box);
        }
        for (Node n : new Node[] {formatChoice, levelChoice, languageChoice, authorField, versionField, asOfPicker, browseButton, exportButton}) {
            n.disableProperty().bind(viewModel.runningProperty());
        }
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty().or(viewModel.progressProperty().greaterThan(0)));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        openFolderButton.visibleProperty().bind(viewModel.writtenProperty().isNotNull());
        openFolderButton.managedProperty().bind(openFolderButton.visibleProperty());
    }

    @FXML
    private void openFolder() {
        viewModel.openFolder();
    }

    @FXML
    private void browse() {
        viewModel.chooseDestination();
    }

    @FXML
    private void export() {
        viewModel.export();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    /**
     * Opens a written report or its folder with the system's viewer (the view model runs this as a background task);
     * throws when no viewer can, so that the screen says so.
     */
    static void openWithSystem(Path file) throws IOException {
        try {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                throw new IOException("No desktop viewer on this system");
            }
            Desktop.getDesktop().open(file.toFile());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("Cannot open {} with the system viewer", file, e);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        viewModel.cancel();
    }
}
