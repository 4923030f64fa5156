package ma.essp.diag.app.registry;

import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.registry.EsspEditorViewModel.Field;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.EsspEditRepository.DuplicateCandidate;

/**
 * Code-behind of the ESSP form: binds the fields, checks a field when the user leaves it, shows each message under
 * its field, and moves the focus to the first field in error after a refused save. Tab order is the visual order;
 * Enter saves (default button).
 */
public final class EsspEditorView {

    private final EsspEditorViewModel viewModel;
    private final Parent root;
    private final Map<Field, Control> controls = new EnumMap<>(Field.class);

    @FXML private Label titleLabel;
    @FXML private ComboBox<FilterChoice> provinceBox;
    @FXML private ComboBox<FilterChoice> circonscriptionBox;
    @FXML private TextField codeField;
    @FXML private TextField nameFrField;
    @FXML private TextField nameArField;
    @FXML private ComboBox<FilterChoice> categoryBox;
    @FXML private ComboBox<FilterChoice> milieuBox;
    @FXML private CheckBox deliveryUnitBox;
    @FXML private TextField latitudeField;
    @FXML private TextField longitudeField;
    @FXML private TextField populationField;
    @FXML private ComboBox<FilterChoice> functionalityBox;
    @FXML private TextField reasonField;
    @FXML private TextField openingHoursField;
    @FXML private TextField addressField;
    @FXML private TextArea notesArea;
    @FXML private Label provinceError;
    @FXML private Label circonscriptionError;
    @FXML private Label codeError;
    @FXML private Label nameError;
    @FXML private Label categoryError;
    @FXML private Label latitudeError;
    @FXML private Label longitudeError;
    @FXML private Label populationError;
    @FXML private Label reasonError;
    @FXML private Label statusLabel;
    @FXML private ListView<DuplicateCandidate> duplicateList;
    @FXML private Button saveButton;
    @FXML private Button saveAnywayButton;
    @FXML private Button revertButton;

    public EsspEditorView(EsspEditorViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        combo(provinceBox, viewModel.provinces(), viewModel.provinceProperty(), Field.PROVINCE);
        combo(circonscriptionBox, viewModel.circonscriptions(), viewModel.circonscriptionProperty(), Field.CIRCONSCRIPTION);
        combo(categoryBox, viewModel.categories(), viewModel.categoryProperty(), Field.CATEGORY);
        milieuBox.setItems(viewModel.milieus());
        milieuBox.valueProperty().bindBidirectional(viewModel.milieuProperty());
        functionalityBox.setItems(viewModel.functionalities());
        functionalityBox.valueProperty().bindBidirectional(viewModel.functionalityProperty());
        deliveryUnitBox.selectedProperty().bindBidirectional(viewModel.deliveryUnitProperty());
        text(codeField, viewModel.codeProperty(), Field.CODE);
        text(nameFrField, viewModel.nameFrProperty(), Field.NAME);
        nameArField.textProperty().bindBidirectional(viewModel.nameArProperty());
        text(latitudeField, viewModel.latitudeProperty(), Field.LATITUDE);
        text(longitudeField, viewModel.longitudeProperty(), Field.LONGITUDE);
        text(populationField, viewModel.populationProperty(), Field.POPULATION);
        text(reasonField, viewModel.reasonProperty(), Field.REASON);
        openingHoursField.textProperty().bindBidirectional(viewModel.openingHoursProperty());
        addressField.textProperty().bindBidirectional(viewModel.addressProperty());
        notesArea.textProperty().bindBidirectional(viewModel.notesProperty());

        error(provinceError, Field.PROVINCE);
        error(circonscriptionError, Field.CIRCONSCRIPTION);
        error(codeError, Field.CODE);
        error(nameError, Field.NAME);
        error(categoryError, Field.CATEGORY);
        error(latitudeError, Field.LATITUDE);
        error(longitudeError, Field.LONGITUDE);
        error(populationError, Field.POPULATION);
        error(reasonError, Field.REASON);

        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());
        duplicateList.setItems(viewModel.duplicates());
        duplicateList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DuplicateCandidate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.describe(item));
            }
        });
        duplicateList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.duplicates()));
        duplicateList.managedProperty().bind(duplicateList.visibleProperty());
        saveAnywayButton.visibleProperty().bind(duplicateList.visibleProperty());
        saveAnywayButton.managedProperty().bind(saveAnywayButton.visibleProperty());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        revertButton.disableProperty().bind(viewModel.dirtyProperty().not());
        viewModel.firstInvalidProperty().addListener((obs, old, field) -> {
            if (field != null && controls.containsKey(field)) {
                controls.get(field).requestFocus();
            }
        });
    }

    private void text(TextField field, javafx.beans.property.StringProperty property, Field rule) {
        field.textProperty().bindBidirectional(property);
        controls.put(rule, field);
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.validate(rule);
            }
        });
    }

    private void combo(ComboBox<FilterChoice> box, javafx.collections.ObservableList<FilterChoice> items,
                       javafx.beans.property.ObjectProperty<FilterChoice> property, Field rule) {
        box.setItems(items);
        box.valueProperty().bindBidirectional(property);
        box.setVisibleRowCount(15);
        controls.put(rule, box);
        box.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.validate(rule);
            }
        });
    }

    private void error(Label label, Field field) {
        label.textProperty().bind(viewModel.errorProperty(field));
        label.visibleProperty().bind(viewModel.errorProperty(field).isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        label.getStyleClass().add("danger");
        // long messages wrap under the field (in Arabic too); the full text is also a tooltip
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void saveAnyway() {
        viewModel.confirmDuplicatesAndSave();
    }

    @FXML
    private void revert() {
        viewModel.revert();
    }

    /** Puts the cursor in the first field, for fast keyboard entry. */
    public void focusFirstField() {
        if (provinceBox.getValue() == null) {
            provinceBox.requestFocus();
        } else {
            codeField.requestFocus();
        }
    }

    public Node view() {
        return root;
    }
}
