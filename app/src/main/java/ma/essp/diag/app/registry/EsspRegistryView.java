package ma.essp.diag.app.registry;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.UnsavedChangesGuard;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;

/**
 * Code-behind of {@code EsspRegistryView.fxml}: the sortable table and its filters, the actions on the selection
 * (new, delete, bulk edit, undo), and beside it the ESSP form and detail page of the selected row. Ctrl+N starts a
 * new ESSP; leaving a form with unsaved changes asks first (save, discard or cancel).
 */
public final class EsspRegistryView implements FeatureScreen {

    private final EsspRegistryViewModel viewModel;
    private final EsspEditorViewModel editorModel;
    private final EsspDetailViewModel detailModel;
    private final RegistryActionsViewModel actions;
    private final EsspEditorView editor;
    private final EsspDetailView detail;
    private final I18n i18n;
    private final UnsavedChangesGuard guard;
    private final Parent root;
    /** Tells the shell that what the status bar counts may have changed (a new ESSP was saved). */
    private final Runnable dataChanged;
    private Integer pendingSelection;
    private boolean reverting;

    @FXML private TextField textFilter;
    @FXML private ComboBox<FilterChoice> categoryFilter;
    @FXML private ComboBox<FilterChoice> regionFilter;
    @FXML private ComboBox<FilterChoice> functionalityFilter;
    @FXML private Label countLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TableView<EsspListRow> table;
    @FXML private TableColumn<EsspListRow, String> codeColumn;
    @FXML private TableColumn<EsspListRow, String> nameColumn;
    @FXML private TableColumn<EsspListRow, String> categoryColumn;
    @FXML private TableColumn<EsspListRow, String> milieuColumn;
    @FXML private TableColumn<EsspListRow, String> circonscriptionColumn;
    @FXML private TableColumn<EsspListRow, String> provinceColumn;
    @FXML private TableColumn<EsspListRow, String> regionColumn;
    @FXML private TableColumn<EsspListRow, String> functionalityColumn;
    @FXML private TableColumn<EsspListRow, Long> populationColumn;
    @FXML private Tab formTab;
    @FXML private Tab detailTab;
    @FXML private TabPane sideTabs;
    @FXML private Button newButton;
    @FXML private Button deleteButton;
    @FXML private Button restoreButton;
    @FXML private javafx.scene.control.CheckBox showDeletedBox;
    @FXML private Button bulkButton;
    @FXML private Button undoButton;
    @FXML private ComboBox<FilterChoice> bulkFieldBox;
    @FXML private ComboBox<FilterChoice> bulkValueBox;
    @FXML private Label actionStatus;

    public EsspRegistryView(EsspRegistryViewModel viewModel, EsspEditorViewModel editorModel, EsspDetailViewModel detailModel,
                            RegistryActionsViewModel actions, I18n i18n, DialogService dialogs, Runnable dataChanged) {
        this.viewModel = viewModel;
        this.dataChanged = dataChanged;
        this.editorModel = editorModel;
        this.detailModel = detailModel;
        this.actions = actions;
        this.i18n = i18n;
        this.guard = new UnsavedChangesGuard(dialogs, () -> i18n);
        this.editor = new EsspEditorView(editorModel, i18n);
        this.detail = new EsspDetailView(detailModel, i18n);
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        textFilter.textProperty().bindBidirectional(viewModel.textProperty());
        categoryFilter.setItems(viewModel.categories());
        categoryFilter.valueProperty().bindBidirectional(viewModel.categoryProperty());
        regionFilter.setItems(viewModel.regions());
        regionFilter.valueProperty().bindBidirectional(viewModel.regionProperty());
        functionalityFilter.setItems(viewModel.functionalities());
        functionalityFilter.valueProperty().bindBidirectional(viewModel.functionalityProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());

        text(codeColumn, EsspListRow::code);
        text(nameColumn, viewModel::name);
        text(categoryColumn, r -> r.category().code());
        text(milieuColumn, r -> viewModel.milieuLabel(r.milieu()));
        text(circonscriptionColumn, viewModel::circonscription);
        text(provinceColumn, viewModel::province);
        text(regionColumn, viewModel::region);
        text(functionalityColumn, r -> viewModel.functionalityLabel(r.functionality()));
        populationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().populationServed()));
        populationColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        populationColumn.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("number-cell");
            }

            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : viewModel.formatNumber(value));
            }
        });

        SortedList<EsspListRow> sorted = new SortedList<>(viewModel.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        formTab.setContent(editor.view());
        detailTab.setContent(detail.view());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> selectionChanged(old, row));
        sorted.addListener((ListChangeListener<EsspListRow>) c -> selectPending());
        showDeletedBox.selectedProperty().bindBidirectional(viewModel.showDeletedProperty());
        var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
        // the live list deletes and bulk-edits; the list of deleted ESSPs only restores
        deleteButton.disableProperty().bind(nothingSelected.or(viewModel.showDeletedProperty()));
        deleteButton.visibleProperty().bind(viewModel.showDeletedProperty().not());
        deleteButton.managedProperty().bind(deleteButton.visibleProperty());
        restoreButton.disableProperty().bind(nothingSelected);
        restoreButton.visibleProperty().bind(viewModel.showDeletedProperty());
        restoreButton.managedProperty().bind(restoreButton.visibleProperty());
        bulkButton.disableProperty().bind(nothingSelected.or(viewModel.showDeletedProperty()));
        bulkFieldBox.setItems(actions.bulkFields());
        bulkFieldBox.valueProperty().bindBidirectional(actions.bulkFieldProperty());
        bulkValueBox.setItems(actions.bulkValues());
        bulkValueBox.valueProperty().bindBidirectional(actions.bulkValueProperty());
        undoButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> actions.lastEdit().availableProperty().get()
                        ? i18n.get("registry.action.undoWhat", actions.lastEdit().descriptionProperty().get())
                        : i18n.get("registry.action.undo"),
                actions.lastEdit().availableProperty(), actions.lastEdit().descriptionProperty()));
        undoButton.disableProperty().bind(actions.lastEdit().availableProperty().not());
        actionStatus.textProperty().bind(actions.statusProperty());
        editorModel.setOnSaved(id -> {
            pendingSelection = id;
            viewModel.load();
            detailModel.load(id);
            // a new ESSP changes the status bar's count (re-reading it after an edit is harmless and cheap)
            dataChanged.run();
        });
    }

    private void selectionChanged(EsspListRow old, EsspListRow row) {
        if (reverting || row == null) {
            return;
        }
        if (viewModel.showDeletedProperty().get()) {
            // a deleted ESSP is looked at (and restored), not edited
            detailModel.load(row.id());
            return;
        }
        if (editorModel.esspId() != null && editorModel.esspId() == row.id()) {
            return;
        }
        leaveForm(() -> {
            if (pendingSelection != null) {
                pendingSelection = row.id(); // saved on the way: the reloaded list selects the row asked for
            }
            editorModel.edit(row.id());
            detailModel.load(row.id());
        }, () -> selectShown(old));
    }

    /** Highlights the ESSP the form shows again (or {@code fallback} when the form shows none). */
    private void selectShown(EsspListRow fallback) {
        Integer shown = editorModel.esspId();
        EsspListRow row = shown == null ? fallback
                : table.getItems().stream().filter(r -> r.id() == shown).findFirst().orElse(fallback);
        reverting = true;
        javafx.application.Platform.runLater(() -> {
            table.getSelectionModel().clearSelection();
            if (row != null) {
                table.getSelectionModel().select(row);
            }
            reverting = false;
        });
    }

    /** The unsaved-changes question (save / discard / cancel) before the form shows something else. */
    private void leaveForm(Runnable proceed, Runnable stay) {
        guard.leave(editorModel, proceed, stay);
    }

    private void selectPending() {
        if (pendingSelection == null) {
            return;
        }
        int id = pendingSelection;
        table.getItems().stream().filter(r -> r.id() == id).findFirst().ifPresent(r -> {
            pendingSelection = null;
            reverting = true;
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(r);
            table.scrollTo(r);
            reverting = false;
        });
    }

    /** The selected ESSPs with the version the list shows: what a delete or bulk edit starts from. */
    private java.util.Map<Integer, Integer> selectedVersions() {
        java.util.Map<Integer, Integer> versions = new java.util.LinkedHashMap<>();
        table.getSelectionModel().getSelectedItems().forEach(r -> versions.put(r.id(), r.version()));
        return versions;
    }

    @FXML
    private void newEssp() {
        leaveForm(() -> {
            pendingSelection = null; // an ESSP saved on the way must not take the new form's place
            editorModel.newEssp();
            sideTabs.getSelectionModel().select(formTab);
            editor.focusFirstField();
        }, () -> { });
    }

    @FXML
    private void delete() {
        // Delete takes the ESSP the form shows when the highlight moved elsewhere (EsspRegistryViewModel.deletionTargets)
        java.util.Map<Integer, Integer> versions = new java.util.HashMap<>();
        table.getItems().forEach(r -> versions.put(r.id(), r.version()));
        java.util.Map<Integer, Integer> selection = new java.util.LinkedHashMap<>();
        EsspRegistryViewModel.deletionTargets(java.util.List.copyOf(selectedVersions().keySet()), editorModel.esspId())
                .forEach(id -> selection.put(id, versions.get(id)));
        if (editorModel.esspId() != null && selection.containsKey(editorModel.esspId())) {
            // the form must not keep editing an ESSP that is going away
            leaveForm(() -> {
                pendingSelection = null;
                editorModel.newEssp();
                actions.delete(selection);
            }, () -> { });
            return;
        }
        actions.delete(selection);
    }

    @FXML
    private void restore() {
        actions.restore(selectedVersions());
    }

    @FXML
    private void applyBulk() {
        actions.applyBulk(selectedVersions());
    }

    @FXML
    private void undo() {
        actions.undo();
    }

    private static void text(TableColumn<EsspListRow, String> column, Function<EsspListRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return editorModel;
    }

    /** Opened from another area: the form and the detail show the ESSP, the list highlights it once loaded. */
    @Override
    public boolean showEssp(int esspId) {
        pendingSelection = esspId;
        editorModel.edit(esspId);
        detailModel.load(esspId);
        selectPending();
        return true;
    }

    @Override
    public boolean newEsspIn(int circonscriptionId) {
        leaveForm(() -> {
            pendingSelection = null;
            editorModel.newEsspIn(circonscriptionId);
            sideTabs.getSelectionModel().select(formTab);
            editor.focusFirstField();
        }, () -> { });
        return true;
    }

    @Override
    public ma.essp.diag.app.ui.EditHistory editHistory() {
        return actions.lastEdit();
    }

    @Override
    public Runnable newItem() {
        return this::newEssp;
    }

    @Override
    public Node searchField() {
        return textFilter;
    }
}
