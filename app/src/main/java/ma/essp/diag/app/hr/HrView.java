package ma.essp.diag.app.hr;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.HrRelationRepository.MatrixRow;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.StoredPosition;
import ma.essp.diag.reporting.hr.HrIndicators.Figures;

/**
 * Code-behind of the HR screen: three tabs (staff entry grid with paste from Excel, indicators, ESSP ↔ GST HR
 * matrix per region), each bound to its own view model.
 */
public final class HrView implements FeatureScreen {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private final HrStaffViewModel staff;
    private final EditHistory history;
    private final HrIndicatorsViewModel indicators;
    private final HrMatrixViewModel matrix;
    private final I18n i18n;
    private final Parent root;

    @FXML private ComboBox<FilterChoice> provinceBox;
    @FXML private ComboBox<FilterChoice> ownerBox;
    @FXML private TableView<StoredPosition> staffTable;
    @FXML private TableColumn<StoredPosition, FilterChoice> cadreColumn;
    @FXML private TableColumn<StoredPosition, FilterChoice> employerColumn;
    @FXML private TableColumn<StoredPosition, FilterChoice> statusColumn;
    @FXML private TableColumn<StoredPosition, String> fteColumn;
    @FXML private TableColumn<StoredPosition, FilterChoice> genderColumn;
    @FXML private TableColumn<StoredPosition, String> holderColumn;
    @FXML private TableColumn<StoredPosition, String> jobColumn;
    @FXML private Label staffStatus;
    @FXML private TableColumn<StoredPosition, Number> trainingsColumn;
    @FXML private TableView<StaffRepository.Training> trainingTable;
    @FXML private Label trainingPlaceholder;
    @FXML private TableColumn<StaffRepository.Training, String> trainingNameColumn;
    @FXML private TableColumn<StaffRepository.Training, String> trainingTopicColumn;
    @FXML private TableColumn<StaffRepository.Training, String> trainingYearColumn;
    @FXML private TableColumn<StaffRepository.Training, String> trainingHoursColumn;
    @FXML private javafx.scene.control.TextField trainingNameField;
    @FXML private javafx.scene.control.TextField trainingTopicField;
    @FXML private javafx.scene.control.TextField trainingYearField;
    @FXML private javafx.scene.control.TextField trainingHoursField;
    @FXML private javafx.scene.control.Button addTrainingButton;
    @FXML private javafx.scene.control.Button deleteTrainingButton;

    @FXML private ComboBox<FilterChoice> levelBox;
    @FXML private Label nationalLabel;
    @FXML private Label definitionsLabel;
    @FXML private TableView<Figures> indicatorTable;
    @FXML private TableColumn<Figures, String> unitColumn;
    @FXML private TableColumn<Figures, Number> esspsColumn;
    @FXML private TableColumn<Figures, String> coreColumn;
    @FXML private TableColumn<Figures, String> populationColumn;
    @FXML private TableColumn<Figures, String> densityColumn;
    @FXML private TableColumn<Figures, String> whoColumn;
    @FXML private TableColumn<Figures, Number> vacancyColumn;
    @FXML private TableColumn<Figures, String> noDoctorColumn;
    @FXML private TableColumn<Figures, String> noMidwifeColumn;

    @FXML private Label cadreTitleLabel;
    @FXML private TableView<HrIndicatorsViewModel.CadreLine> cadreTable;
    @FXML private TableColumn<HrIndicatorsViewModel.CadreLine, String> cadreNameColumn;
    @FXML private TableColumn<HrIndicatorsViewModel.CadreLine, String> cadreCoreColumn;
    @FXML private TableColumn<HrIndicatorsViewModel.CadreLine, String> cadreInPostColumn;
    @FXML private TableColumn<HrIndicatorsViewModel.CadreLine, String> cadreFteColumn;
    @FXML private TableColumn<HrIndicatorsViewModel.CadreLine, String> cadreVacantColumn;

    @FXML private ComboBox<FilterChoice> regionBox;
    @FXML private TableView<MatrixRow> matrixTable;
    @FXML private TableColumn<MatrixRow, String> functionColumn;
    @FXML private TableColumn<MatrixRow, FilterChoice> todayColumn;
    @FXML private TableColumn<MatrixRow, FilterChoice> gstColumn;
    @FXML private TableColumn<MatrixRow, String> notesColumn;
    @FXML private Label matrixStatus;

    public HrView(HrStaffViewModel staff, HrIndicatorsViewModel indicators, HrMatrixViewModel matrix, I18n i18n,
                  EditHistory history) {
        this.history = history;
        this.staff = staff;
        this.indicators = indicators;
        this.matrix = matrix;
        this.i18n = i18n;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        // staff entry grid
        provinceBox.setItems(staff.provinces());
        provinceBox.valueProperty().bindBidirectional(staff.provinceProperty());
        ownerBox.setItems(staff.owners());
        ownerBox.valueProperty().bindBidirectional(staff.ownerProperty());
        staffTable.setItems(staff.positions());
        staffTable.setEditable(true);
        choiceColumn(cadreColumn, p -> new FilterChoice(p.values().cadreCode(), staff.cadreLabel(p.values().cadreCode())),
                staff.cadres(), (p, v) -> staff.edit(p, HrStaffViewModel.Column.CADRE, v));
        choiceColumn(employerColumn, p -> new FilterChoice(p.values().employer(), staff.employerLabel(p.values().employer())),
                staff.employerChoices(), (p, v) -> staff.edit(p, HrStaffViewModel.Column.EMPLOYER, v));
        choiceColumn(statusColumn, p -> new FilterChoice(p.values().status(), staff.statusLabel(p.values().status())),
                staff.statusChoices(), (p, v) -> staff.edit(p, HrStaffViewModel.Column.STATUS, v));
        choiceColumn(genderColumn, p -> new FilterChoice(p.values().gender() == null ? "" : p.values().gender(),
                p.values().gender() == null ? "—" : staff.genderLabel(p.values().gender())),
                staff.genderChoices(), (p, v) -> staff.edit(p, HrStaffViewModel.Column.GENDER, v));
        textColumn(fteColumn, p -> staff.hours(p.values().fte()), (p, v) -> staff.edit(p, HrStaffViewModel.Column.FTE, v));
        textColumn(holderColumn, p -> p.values().holderName(), (p, v) -> staff.edit(p, HrStaffViewModel.Column.HOLDER, v));
        textColumn(jobColumn, p -> p.values().jobTitle(), (p, v) -> staff.edit(p, HrStaffViewModel.Column.JOB_TITLE, v));
        staffStatus.textProperty().bind(staff.statusProperty());
        trainingsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().trainings()));
        trainingsColumn.setEditable(false);
        staffTable.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> staff.selectedPositionProperty().set(p));
        staff.selectedPositionProperty().addListener((obs, old, p) -> {
            if (p != null && staffTable.getSelectionModel().getSelectedItem() != p) {
                staffTable.getSelectionModel().select(p);
            }
        });
        trainingTable.setItems(staff.trainings());
        trainingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        trainingPlaceholder.textProperty().bind(javafx.beans.binding.Bindings.when(staff.selectedPositionProperty().isNull())
                .then(i18n.get("hr.training.empty")).otherwise(i18n.get("hr.training.none")));
        trainingNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        trainingTopicColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().topic()));
        trainingYearColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().year() == null ? "" : String.valueOf(c.getValue().year())));
        trainingHoursColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().hours() == null ? "" : staff.hours(c.getValue().hours())));
        var noPosition = staff.selectedPositionProperty().isNull();
        addTrainingButton.disableProperty().bind(noPosition);
        deleteTrainingButton.disableProperty().bind(trainingTable.getSelectionModel().selectedItemProperty().isNull());
        staffTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PASTE.match(e) && staffTable.getEditingCell() == null) {
                pasteRows();
                e.consume();
            }
        });

        // indicators
        levelBox.setItems(indicators.levels());
        levelBox.valueProperty().bindBidirectional(indicators.levelProperty());
        nationalLabel.textProperty().bind(indicators.nationalProperty());
        definitionsLabel.textProperty().bind(indicators.definitionsProperty());
        indicatorTable.setItems(indicators.rows());
        unitColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.name(c.getValue())));
        esspsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().essps()));
        coreColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.fte(c.getValue().coreFte())));
        populationColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().densityPopulation() == null ? "—"
                : indicators.formatNumber(c.getValue().densityPopulation())));
        densityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.density(c.getValue())));
        whoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.who(c.getValue())));
        vacancyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().vacantPositions()));
        noDoctorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.ratio(c.getValue().withoutDoctor(), c.getValue().doctorExpected())));
        noMidwifeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.ratio(c.getValue().withoutMidwife(), c.getValue().deliveryUnits())));

        indicatorTable.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> indicators.selectedProperty().set(f));
        cadreTitleLabel.textProperty().bind(indicators.cadreTitleProperty());
        cadreTable.setItems(indicators.byCadre());
        cadreNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cadre()));
        cadreCoreColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().core() ? "✓" : ""));
        cadreInPostColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.formatNumber(c.getValue().positionsInPost())));
        cadreFteColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fteInPost()));
        cadreVacantColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(indicators.formatNumber(c.getValue().vacantPositions())));

        // HR matrix
        regionBox.setItems(matrix.regions());
        regionBox.valueProperty().bindBidirectional(matrix.regionProperty());
        matrixTable.setItems(matrix.rows());
        matrixTable.setEditable(true);
        matrixTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        functionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(matrix.functionLabel(c.getValue())));
        functionColumn.setEditable(false);
        choiceColumn(todayColumn, r -> new FilterChoice(r.holderToday(), matrix.holderLabel(r.holderToday())), matrix.holderChoices(),
                (r, v) -> matrix.edit(r, HrMatrixViewModel.Column.TODAY, v));
        choiceColumn(gstColumn, r -> new FilterChoice(r.holderUnderGst(), matrix.holderLabel(r.holderUnderGst())), matrix.holderChoices(),
                (r, v) -> matrix.edit(r, HrMatrixViewModel.Column.UNDER_GST, v));
        textColumn(notesColumn, MatrixRow::notes, (r, v) -> matrix.edit(r, HrMatrixViewModel.Column.NOTES, v), i18n::wrappable);
        indicatorTable.getStyleClass().add("wrap-headers");
        cadreTable.getStyleClass().add("wrap-headers");
        matrixStatus.textProperty().bind(matrix.statusProperty());
    }

    private static <R> void choiceColumn(TableColumn<R, FilterChoice> column, Function<R, FilterChoice> value, List<FilterChoice> choices,
                                         BiConsumer<R, String> commit) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(ComboBoxTableCell.forTableColumn(FXCollections.observableArrayList(choices)));
        column.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                commit.accept(e.getRowValue(), e.getNewValue().value());
            }
        });
    }

    private static <R> void textColumn(TableColumn<R, String> column, Function<R, String> value, BiConsumer<R, String> commit) {
        textColumn(column, value, commit, null);
    }

    /** With {@code wrap} (the text as drawn while not edited), the cell's text runs over several lines. */
    private static <R> void textColumn(TableColumn<R, String> column, Function<R, String> value, BiConsumer<R, String> commit,
                                       java.util.function.UnaryOperator<String> wrap) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        // a long value (the team's notes) is cut by the column: the whole text is a tooltip
        column.setCellFactory(c -> new TextFieldTableCell<R, String>(new javafx.util.converter.DefaultStringConverter()) {
            {
                // notes run over several lines rather than being cut
                setWrapText(wrap != null);
            }

            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null || item.isBlank() ? null : new javafx.scene.control.Tooltip(item));
                wrapped();
            }

            @Override
            public void cancelEdit() {
                super.cancelEdit();
                wrapped();
            }

            // the marks that let JavaFX wrap Arabic are drawn only: the value edited and saved stays as typed
            private void wrapped() {
                if (wrap != null && !isEditing() && getText() != null) {
                    setText(wrap.apply(getText()));
                }
            }
        });
        column.setOnEditCommit(e -> commit.accept(e.getRowValue(), e.getNewValue()));
    }

    @FXML
    private void addRow() {
        staff.addRow();
    }

    @FXML
    private void deleteRow() {
        StoredPosition p = staffTable.getSelectionModel().getSelectedItem();
        if (p != null) {
            staff.deleteRow(p);
        }
    }

    @FXML
    private void addTraining() {
        if (staff.addTraining(trainingNameField.getText(), trainingTopicField.getText(), trainingYearField.getText(),
                trainingHoursField.getText())) {
            trainingNameField.clear();
            trainingTopicField.clear();
            trainingYearField.clear();
            trainingHoursField.clear();
        }
    }

    @FXML
    private void deleteTraining() {
        var t = trainingTable.getSelectionModel().getSelectedItem();
        if (t != null) {
            staff.deleteTraining(t);
        }
    }

    @FXML
    private void pasteRows() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString()) {
            staff.paste(clipboard.getString());
        }
    }

    @Override
    public EditHistory editHistory() {
        return history;
    }

    @Override
    public Node view() {
        return root;
    }
}
