package ma.essp.diag.app.territory;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import ma.essp.diag.app.i18n.CirconscriptionName;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Comparison;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.FunctionHeld;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Visit;
import ma.essp.diag.database.repository.CirconscriptionRepository.StoredCirconscription;
import ma.essp.diag.database.repository.StructureRepository.RegionAuthority;
import ma.essp.diag.database.repository.TerritoryRepository;

/**
 * Code-behind of the circonscriptions screen: the province's circonscriptions with their form and ESSPs to move,
 * their attributions (functions held, supervision visits), the comparison across the province, and the GST dates.
 */
public final class CirconscriptionsView implements FeatureScreen {

    private final CirconscriptionsViewModel viewModel;
    private final GstViewModel gst;
    private final UnsavedChanges unsaved;
    private final Parent root;
    /** True while the view puts a highlight back: that selection is not a user's choice. */
    private boolean reverting;

    @FXML private ComboBox<FilterChoice> provinceBox;
    @FXML private Label messageLabel;
    @FXML private TableView<StoredCirconscription> circTable;
    @FXML private TableColumn<StoredCirconscription, String> circCodeColumn;
    @FXML private TableColumn<StoredCirconscription, String> circNameColumn;
    @FXML private TableColumn<StoredCirconscription, String> circMilieuColumn;
    @FXML private TableColumn<StoredCirconscription, Number> circEsspsColumn;
    @FXML private TableColumn<StoredCirconscription, String> circHeadColumn;
    @FXML private TableColumn<StoredCirconscription, String> circSeatColumn;
    @FXML private TextField codeField;
    @FXML private TextField nameFrField;
    @FXML private TextField nameArField;
    @FXML private ComboBox<FilterChoice> milieuBox;
    @FXML private TextField coverageField;
    @FXML private TextField seatField;
    @FXML private TextField headField;
    @FXML private TextField populationField;
    @FXML private TableView<TerritoryRepository.Essp> esspTable;
    @FXML private TableColumn<TerritoryRepository.Essp, String> esspCodeColumn;
    @FXML private TableColumn<TerritoryRepository.Essp, String> esspNameColumn;
    @FXML private TableView<ma.essp.diag.database.repository.CirconscriptionRepository.Commune> communeTable;
    @FXML private TableColumn<ma.essp.diag.database.repository.CirconscriptionRepository.Commune, String> communeNameColumn;
    @FXML private TableColumn<ma.essp.diag.database.repository.CirconscriptionRepository.Commune, String> communeKindColumn;
    @FXML private ComboBox<FilterChoice> targetBox;

    @FXML private TableView<FunctionHeld> functionTable;
    @FXML private TableColumn<FunctionHeld, String> functionColumn;
    @FXML private TableColumn<FunctionHeld, FilterChoice> heldColumn;
    @FXML private TableColumn<FunctionHeld, String> holderColumn;
    @FXML private TableColumn<FunctionHeld, String> staffColumn;
    @FXML private TableView<Visit> visitTable;
    @FXML private javafx.scene.control.Button deleteVisitButton;
    @FXML private javafx.scene.control.Button saveVisitButton;
    @FXML private javafx.scene.control.Button cancelVisitButton;
    @FXML private TableColumn<Visit, String> visitDateColumn;
    @FXML private TableColumn<Visit, String> visitEsspColumn;
    @FXML private TableColumn<Visit, String> visitSupervisorColumn;
    @FXML private TableColumn<Visit, String> visitFindingsColumn;
    @FXML private DatePicker visitDate;
    @FXML private ComboBox<TerritoryRepository.Essp> visitEssp;
    @FXML private TextField visitSupervisor;
    @FXML private TextField visitFindings;

    @FXML private Spinner<Integer> yearSpinner;
    @FXML private TableView<Comparison> comparisonTable;
    @FXML private TableColumn<Comparison, String> cmpNameColumn;
    @FXML private TableColumn<Comparison, String> cmpPlanningColumn;
    @FXML private TableColumn<Comparison, String> cmpMonitoringColumn;
    @FXML private TableColumn<Comparison, String> cmpSupervisionColumn;
    @FXML private TableColumn<Comparison, String> cmpDataColumn;
    @FXML private TableColumn<Comparison, String> cmpComplaintsColumn;
    @FXML private TableColumn<Comparison, String> cmpTrainingColumn;
    @FXML private TableColumn<Comparison, Number> cmpEsspsColumn;
    @FXML private TableColumn<Comparison, Number> cmpVisitsColumn;
    @FXML private TableColumn<Comparison, String> cmpPerEsspColumn;

    @FXML private DatePicker authorityDate;
    @FXML private TableView<RegionAuthority> gstTable;
    @FXML private TableColumn<RegionAuthority, String> gstRegionColumn;
    @FXML private TableColumn<RegionAuthority, String> gstAuthorityColumn;
    @FXML private TableColumn<RegionAuthority, String> gstTakeoverColumn;
    @FXML private TextField gstName;
    @FXML private TextField gstSeat;
    @FXML private TextField gstLegalAct;
    @FXML private TextField gstCoverage;
    @FXML private DatePicker gstCreated;
    @FXML private DatePicker gstTakeover;
    @FXML private Label gstMessage;

    private final I18n i18n;

    public CirconscriptionsView(CirconscriptionsViewModel viewModel, GstViewModel gst, I18n i18n) {
        this.i18n = i18n;
        this.viewModel = viewModel;
        this.gst = gst;
        this.unsaved = UnsavedChanges.anyOf(java.util.List.of(viewModel.unsavedChanges(), gst));
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        provinceBox.setItems(viewModel.provinces());
        provinceBox.valueProperty().bindBidirectional(viewModel.provinceProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        circTable.setItems(viewModel.list());
        text(circCodeColumn, c -> viewModel.leftToRight(c.values().code()));
        text(circNameColumn, c -> CirconscriptionName.shortForm(viewModel.localName(c.values().nameFr(), c.values().nameAr())));
        text(circMilieuColumn, c -> viewModel.milieuLabel(c.values().milieu()));
        circEsspsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().esspCount()));
        text(circHeadColumn, c -> c.values().headName());
        text(circSeatColumn, c -> c.values().seat());
        // another circonscription: the unsaved-changes question first; staying puts the highlight back
        circTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !reverting) {
                viewModel.choose(now, () -> highlight(circTable, viewModel.selectedProperty().get() == null ? null
                        : circTable.getItems().stream().filter(c -> c.id() == viewModel.selectedProperty().get().id()).findFirst().orElse(null)));
            }
        });
        codeField.textProperty().bindBidirectional(viewModel.codeProperty());
        nameFrField.textProperty().bindBidirectional(viewModel.nameFrProperty());
        nameArField.textProperty().bindBidirectional(viewModel.nameArProperty());
        milieuBox.setItems(viewModel.milieus());
        milieuBox.valueProperty().bindBidirectional(viewModel.milieuProperty());
        coverageField.textProperty().bindBidirectional(viewModel.coverageProperty());
        seatField.textProperty().bindBidirectional(viewModel.seatProperty());
        headField.textProperty().bindBidirectional(viewModel.headProperty());
        populationField.textProperty().bindBidirectional(viewModel.populationProperty());
        esspTable.setItems(viewModel.essps());
        esspTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        esspCodeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.leftToRight(c.getValue().code())));
        esspNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.localName(c.getValue().nameFr(), c.getValue().nameAr())));
        esspTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        communeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        communeTable.setItems(viewModel.communes());
        communeTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        communeNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.localName(c.getValue().nameFr(), c.getValue().nameAr())));
        communeKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.communeKind(c.getValue().kind())));
        targetBox.setItems(viewModel.targets());
        targetBox.valueProperty().bindBidirectional(viewModel.moveTargetProperty());

        functionTable.setItems(viewModel.functions());
        functionTable.setEditable(true);
        functionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.functionLabel(c.getValue().function())));
        heldColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(new FilterChoice(c.getValue().held(), viewModel.heldLabel(c.getValue().held()))));
        heldColumn.setCellFactory(ComboBoxTableCell.forTableColumn(FXCollections.observableArrayList(viewModel.heldChoices())));
        heldColumn.setOnEditCommit(e -> viewModel.saveFunction(e.getRowValue(), e.getNewValue().value(), e.getRowValue().holder(),
                e.getRowValue().staffCount()));
        holderColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().holder()));
        holderColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        holderColumn.setOnEditCommit(e -> viewModel.saveFunction(e.getRowValue(), e.getRowValue().held(), e.getNewValue(),
                e.getRowValue().staffCount()));
        staffColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().staffCount() == null ? "" : i18n.formatNumber(c.getValue().staffCount())));
        staffColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        staffColumn.setOnEditCommit(e -> {
            Double n = null;
            try {
                n = e.getNewValue() == null || e.getNewValue().isBlank() ? null : Double.valueOf(e.getNewValue().replace(',', '.'));
            } catch (NumberFormatException ignored) {
                n = e.getRowValue().staffCount();
            }
            viewModel.saveFunction(e.getRowValue(), e.getRowValue().held(), e.getRowValue().holder(), n);
        });
        visitTable.setItems(viewModel.visits());
        deleteVisitButton.disableProperty().bind(visitTable.getSelectionModel().selectedItemProperty().isNull());
        // choosing a visit puts it in the form to correct it; leaving the correction clears the choice
        visitTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.editVisit(now);
            }
        });
        viewModel.editedVisitProperty().addListener((obs, old, now) -> {
            if (now == null) {
                visitTable.getSelectionModel().clearSelection();
            }
        });
        saveVisitButton.textProperty().bind(viewModel.visitActionProperty());
        cancelVisitButton.visibleProperty().bind(viewModel.editedVisitProperty().isNotNull());
        cancelVisitButton.managedProperty().bind(cancelVisitButton.visibleProperty());
        visitDate.valueProperty().bindBidirectional(viewModel.visitDateProperty());
        visitEssp.valueProperty().bindBidirectional(viewModel.visitEsspProperty());
        visitSupervisor.textProperty().bindBidirectional(viewModel.visitSupervisorProperty());
        visitFindings.textProperty().bindBidirectional(viewModel.visitFindingsProperty());
        text(visitDateColumn, v -> i18n.formatDate(v.visitedOn()));
        text(visitEsspColumn, v -> viewModel.leftToRight(v.esspCode()) + " " + v.esspName());
        text(visitSupervisorColumn, Visit::supervisor);
        text(visitFindingsColumn, Visit::findings);
        visitEssp.setItems(viewModel.essps());
        visitEssp.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TerritoryRepository.Essp e) {
                return e == null ? "" : viewModel.esspLabel(e);
            }

            @Override
            public TerritoryRepository.Essp fromString(String s) {
                return null;
            }
        });

        yearSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(2015, 2035,
                viewModel.yearProperty().get()));
        yearSpinner.valueProperty().addListener((obs, old, now) -> viewModel.yearProperty().set(now));
        comparisonTable.setItems(viewModel.comparison());
        text(cmpNameColumn, c -> CirconscriptionName.shortForm(c.nameFr()));
        held(cmpPlanningColumn, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function.PLANNING);
        held(cmpMonitoringColumn, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function.PROGRAMME_MONITORING);
        held(cmpSupervisionColumn, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function.SUPERVISION);
        held(cmpDataColumn, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function.DATA_COLLECTION);
        held(cmpComplaintsColumn, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function.COMPLAINT_FOLLOW_UP);
        held(cmpTrainingColumn, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function.TRAINING);
        cmpEsspsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().essps()));
        cmpVisitsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().visits()));
        text(cmpPerEsspColumn, c -> viewModel.perEssp(c.visitsPerEssp()));

        authorityDate.valueProperty().bindBidirectional(gst.dateProperty());
        gstTable.setItems(gst.regions());
        text(gstRegionColumn, gst::regionName);
        text(gstAuthorityColumn, gst::authorityLabel);
        text(gstTakeoverColumn, r -> r.gstTakeoverOn() == null ? "—" : i18n.formatDate(r.gstTakeoverOn()));
        gstTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !reverting) {
                gst.choose(now, () -> highlight(gstTable, gst.selectedProperty().get() == null ? null
                        : gstTable.getItems().stream().filter(r -> r.regionId() == gst.selectedProperty().get().regionId()).findFirst().orElse(null)));
            }
        });
        gstName.textProperty().bindBidirectional(gst.nameProperty());
        gstSeat.textProperty().bindBidirectional(gst.seatProperty());
        gstLegalAct.textProperty().bindBidirectional(gst.legalActProperty());
        gstCoverage.textProperty().bindBidirectional(gst.coverageProperty());
        gstCreated.valueProperty().bindBidirectional(gst.createdOnProperty());
        gstTakeover.valueProperty().bindBidirectional(gst.takeoverOnProperty());
        gstMessage.textProperty().bind(gst.messageProperty());
    }

    /** Puts a table's highlight back on the row its form shows, without asking again. */
    private <R> void highlight(TableView<R> table, R shown) {
        javafx.application.Platform.runLater(() -> {
            reverting = true;
            table.getSelectionModel().clearSelection();
            if (shown != null) {
                table.getSelectionModel().select(shown);
            }
            reverting = false;
        });
    }

    private void held(TableColumn<Comparison, String> column, ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function f) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.heldLabel(c.getValue().held().get(f))));
    }

    private static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void newCirconscription() {
        circTable.getSelectionModel().clearSelection();
        viewModel.newCirconscription();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }

    @FXML
    private void move() {
        viewModel.moveEssps(List.copyOf(esspTable.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void moveCommunes() {
        viewModel.moveCommunes(List.copyOf(communeTable.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void deleteVisit() {
        Visit v = visitTable.getSelectionModel().getSelectedItem();
        if (v != null) {
            viewModel.deleteVisit(v);
        }
    }

    @FXML
    private void saveVisit() {
        viewModel.saveVisit();
    }

    @FXML
    private void cancelVisitEdit() {
        viewModel.cancelVisitEdit();
    }

    @FXML
    private void saveGst() {
        gst.save();
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return unsaved;
    }

    @Override
    public EditHistory editHistory() {
        return viewModel.history();
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public Runnable newItem() {
        return this::newCirconscription;
    }
}
