package ma.essp.diag.app.pms;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.pms.AssessmentViewModel.ChecklistRow;
import ma.essp.diag.app.pms.AssessmentViewModel.RowKind;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;

/**
 * Code-behind of {@code AssessmentView.fxml}: the checklist, answered from the keyboard (1 available and
 * functioning, 2 not functioning, 3 absent, 4 not applicable, 0 or Delete not answered; arrows move; after an
 * answer the selection moves to the next item).
 */
public final class AssessmentView {

    private final AssessmentViewModel viewModel;
    private final Parent root;

    @FXML private ComboBox<EsspListRow> esspChoice;
    @FXML private ComboBox<AssessmentRepository.Header> historyChoice;
    @FXML private Button newButton;
    @FXML private Button completeButton;
    @FXML private Button reopenButton;
    @FXML private Label statusLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<ChecklistRow> checklist;
    @FXML private TableColumn<ChecklistRow, String> codeColumn;
    @FXML private TableColumn<ChecklistRow, String> labelColumn;
    @FXML private TableColumn<ChecklistRow, ChecklistRow> stateColumn;
    @FXML private TableColumn<ChecklistRow, String> sourceColumn;
    @FXML private TableColumn<ChecklistRow, String> commentColumn;
    @FXML private javafx.scene.control.TextField commentField;

    private final ReadOnlyBooleanWrapper commentUnsaved = new ReadOnlyBooleanWrapper(false);

    public AssessmentView(AssessmentViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        esspChoice.setItems(viewModel.esspChoices());
        esspChoice.valueProperty().bindBidirectional(viewModel.esspProperty());
        esspChoice.setConverter(converter(viewModel::esspLabel));
        historyChoice.setItems(viewModel.history());
        historyChoice.setConverter(converter(viewModel::historyLabel));
        historyChoice.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(AssessmentRepository.Header h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty ? null : viewModel.historyLabel(h));
            }
        });
        viewModel.assessmentProperty().addListener((o, old, now) -> historyChoice.getSelectionModel().select(now));
        historyChoice.setOnAction(e -> {
            AssessmentRepository.Header h = historyChoice.getValue();
            AssessmentRepository.Header open = viewModel.assessmentProperty().get();
            if (h != null && (open == null || h.id() != open.id())) {
                viewModel.open(viewModel.esspProperty().get(), h.id());
            }
        });
        newButton.disableProperty().bind(viewModel.esspProperty().isNull().or(viewModel.busyProperty()));
        newButton.setOnAction(e -> viewModel.startNew(java.time.LocalDate.now()));
        // a complete assessment is read-only: "Reopen" (after a confirmation) instead of "Mark as complete"
        completeButton.disableProperty().bind(viewModel.assessmentProperty().isNull());
        completeButton.visibleProperty().bind(viewModel.readOnlyProperty().not());
        completeButton.managedProperty().bind(completeButton.visibleProperty());
        completeButton.setOnAction(e -> viewModel.complete());
        reopenButton.visibleProperty().bind(viewModel.readOnlyProperty());
        reopenButton.managedProperty().bind(reopenButton.visibleProperty());
        reopenButton.setOnAction(e -> viewModel.reopen());
        statusLabel.graphicProperty().bind(viewModel.readOnlyProperty().map(ro -> ro ? new org.kordamp.ikonli.javafx.FontIcon(
                org.kordamp.ikonli.material2.Material2AL.LOCK) : null));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        codeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind() == RowKind.SECTION ? "" : c.getValue().code()));
        labelColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new StateCell());
        checklist.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChecklistRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("checklist-section", "checklist-service", "checklist-out-of-scope");
                if (!empty && row != null) {
                    if (row.kind() == RowKind.SECTION) {
                        getStyleClass().add("checklist-section");
                    } else if (row.kind() == RowKind.SERVICE) {
                        getStyleClass().add("checklist-service");
                    } else if (!row.inScope()) {
                        getStyleClass().add("checklist-out-of-scope");
                    }
                }
            }
        });
        // the source of an answer; nothing while the item is unanswered
        sourceColumn.setCellValueFactory(c -> c.getValue().kind() != RowKind.ITEM ? new ReadOnlyObjectWrapper<>("")
                : javafx.beans.binding.Bindings.createStringBinding(
                        () -> c.getValue().stateProperty().get() == AnswerState.MISSING ? ""
                                : viewModel.sourceLabel(c.getValue().sourceProperty().get()),
                        c.getValue().stateProperty(), c.getValue().sourceProperty()));
        commentColumn.setCellValueFactory(c -> c.getValue().commentProperty());
        checklist.setItems(viewModel.rows());
        // the comment box edits the selected item's comment; Enter or leaving the box saves it
        checklist.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            commentField.setDisable(now == null || now.kind() != RowKind.ITEM || !now.inScope() || viewModel.readOnlyProperty().get());
            commentField.setText(now == null ? "" : now.commentProperty().get());
        });
        viewModel.readOnlyProperty().addListener((o, was, now) -> {
            ChecklistRow row = checklist.getSelectionModel().getSelectedItem();
            commentField.setDisable(now || row == null || row.kind() != RowKind.ITEM || !row.inScope());
        });
        commentField.setDisable(true);
        commentField.setOnAction(e -> {
            viewModel.comment(checklist.getSelectionModel().getSelectedItem(), commentField.getText());
            checklist.requestFocus();
        });
        commentField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                viewModel.comment(checklist.getSelectionModel().getSelectedItem(), commentField.getText());
            }
        });
        // answers are written as they are given; only a comment being typed (before Enter or leaving the box) is unsaved
        commentUnsaved.bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ChecklistRow row = checklist.getSelectionModel().getSelectedItem();
            return !commentField.isDisabled() && row != null
                    && !commentField.getText().strip().equals(Objects.toString(row.commentProperty().get(), "").strip());
        }, commentField.textProperty(), commentField.disabledProperty(), checklist.getSelectionModel().selectedItemProperty()));
        checklist.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // C moves to the comment box on release, so that the typed "c" itself stays with the table
        checklist.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.C && !commentField.isDisabled()) {
                commentField.requestFocus();
                e.consume();
            }
        });
    }

    private void onKey(KeyEvent e) {
        ChecklistRow row = checklist.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        if (viewModel.readOnlyProperty().get()) {
            return; // complete: the keys answer nothing until the assessment is reopened
        }
        if (row.kind() == RowKind.SERVICE && e.getCode() == KeyCode.SPACE) {
            row.offeredProperty().set(!row.offeredProperty().get());
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.O || e.getCode() == KeyCode.R) {
            viewModel.source(row, e.getCode() == KeyCode.R ? AssessmentViewModel.REPORTED : AssessmentViewModel.OBSERVED);
            e.consume();
            return;
        }
        AnswerState state = switch (e.getCode()) {
            case DIGIT1, NUMPAD1 -> AnswerState.AVAILABLE_FUNCTIONING;
            case DIGIT2, NUMPAD2 -> AnswerState.AVAILABLE_NOT_FUNCTIONING;
            case DIGIT3, NUMPAD3 -> AnswerState.ABSENT;
            case DIGIT4, NUMPAD4 -> AnswerState.NOT_APPLICABLE;
            case DIGIT0, NUMPAD0, DELETE, BACK_SPACE -> AnswerState.MISSING;
            default -> null;
        };
        if (state == null) {
            return;
        }
        e.consume();
        if (row.kind() == RowKind.ITEM) {
            viewModel.answer(row, state);
            int next = checklist.getSelectionModel().getSelectedIndex() + 1;
            if (next < checklist.getItems().size()) {
                checklist.getSelectionModel().clearAndSelect(next);
                checklist.scrollTo(Math.max(0, next - 5));
            }
        }
    }

    /** The answer of an item, or the "offered" box of a service. */
    private final class StateCell extends TableCell<ChecklistRow, ChecklistRow> {
        private final CheckBox offered = new CheckBox();
        private ChecklistRow bound;

        @Override
        protected void updateItem(ChecklistRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                offered.selectedProperty().unbindBidirectional(bound.offeredProperty());
                textProperty().unbind();
                bound = null;
            }
            setGraphic(null);
            setText(null);
            if (empty || row == null || row.kind() == RowKind.SECTION) {
                return;
            }
            bound = row;
            if (row.kind() == RowKind.SERVICE) {
                offered.setText(viewModel.offeredLabel());
                offered.disableProperty().bind(viewModel.readOnlyProperty());
                offered.selectedProperty().bindBidirectional(row.offeredProperty());
                setGraphic(offered);
            } else {
                textProperty().bind(row.stateProperty().map(viewModel::stateLabel));
            }
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    public UnsavedChanges unsavedChanges() {
        return new UnsavedChanges() {
            @Override
            public ReadOnlyBooleanProperty unsavedProperty() {
                return commentUnsaved.getReadOnlyProperty();
            }

            @Override
            public CompletionStage<Boolean> save() {
                return viewModel.comment(checklist.getSelectionModel().getSelectedItem(), commentField.getText());
            }

            @Override
            public void discard() {
                ChecklistRow row = checklist.getSelectionModel().getSelectedItem();
                commentField.setText(row == null ? "" : Objects.toString(row.commentProperty().get(), ""));
            }
        };
    }

    public Node view() {
        return root;
    }
}
