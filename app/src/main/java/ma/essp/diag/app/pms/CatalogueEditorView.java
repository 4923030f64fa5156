package ma.essp.diag.app.pms;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.pms.CatalogueEditorViewModel.FormKind;
import ma.essp.diag.app.pms.CatalogueEditorViewModel.RequirementRow;
import ma.essp.diag.app.pms.CatalogueEditorViewModel.TreeNode;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.CatalogueContent;

/** Code-behind of {@code CatalogueEditorView.fxml}: the content tree, the form and the requirements grid. */
public final class CatalogueEditorView {

    private final CatalogueEditorViewModel viewModel;
    private final Parent root;
    private final Map<String, TreeItem<TreeNode>> items = new HashMap<>();
    private boolean rebuilding;

    @FXML private TreeView<TreeNode> tree;
    @FXML private Button addAreaButton;
    @FXML private Button addServiceButton;
    @FXML private Button addItemButton;
    @FXML private Button deleteButton;
    @FXML private Label formTitle;
    @FXML private Label emptyLabel;
    @FXML private VBox fields;
    @FXML private TextField codeField;
    @FXML private Label codeError;
    @FXML private TextField labelFrField;
    @FXML private Label labelError;
    @FXML private TextField labelEnField;
    @FXML private TextField labelArField;
    @FXML private VBox serviceFields;
    @FXML private ComboBox<CatalogueContent.Area> areaChoice;
    @FXML private VBox itemFields;
    @FXML private ComboBox<String> domainChoice;
    @FXML private Label domainError;
    @FXML private CheckBox inScopeBox;
    @FXML private TextField noteField;
    @FXML private Button saveButton;
    @FXML private VBox requirementBox;
    @FXML private TableView<RequirementRow> requirementTable;
    @FXML private TableColumn<RequirementRow, String> categoryColumn;
    @FXML private TableColumn<RequirementRow, String> requirementColumn;
    @FXML private Label messageLabel;

    public CatalogueEditorView(CatalogueEditorViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(TreeNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.text());
            }
        });
        viewModel.treeProperty().addListener((o, old, now) -> rebuild(now));
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (!rebuilding) {
                // another node: the unsaved-changes question first; staying puts the highlight back
                viewModel.choose(now == null ? null : now.getValue(),
                        () -> javafx.application.Platform.runLater(() -> select(viewModel.selectedNodeProperty().get())));
            }
        });
        viewModel.selectedNodeProperty().addListener((o, old, now) -> select(now));

        BooleanBinding readOnly = viewModel.editableProperty().not().or(viewModel.busyProperty());
        addAreaButton.disableProperty().bind(readOnly);
        addServiceButton.disableProperty().bind(readOnly.or(viewModel.selectedNodeProperty().isNull()));
        addItemButton.disableProperty().bind(readOnly.or(viewModel.selectedNodeProperty().isNull()));
        deleteButton.disableProperty().bind(readOnly.or(viewModel.selectedNodeProperty().isNull()));
        addAreaButton.setOnAction(e -> viewModel.newArea());
        addServiceButton.setOnAction(e -> viewModel.newService());
        addItemButton.setOnAction(e -> {
            viewModel.newItem();
            codeField.requestFocus();
        });
        deleteButton.setOnAction(e -> viewModel.deleteSelected());

        formTitle.textProperty().bind(viewModel.formTitleProperty());
        BooleanBinding none = viewModel.formKindProperty().isEqualTo(FormKind.NONE);
        show(emptyLabel, none);
        show(fields, none.not());
        show(serviceFields, viewModel.formKindProperty().isEqualTo(FormKind.SERVICE).and(viewModel.creatingProperty().not()));
        show(itemFields, viewModel.formKindProperty().isEqualTo(FormKind.ITEM));
        show(requirementBox, viewModel.formKindProperty().isEqualTo(FormKind.SERVICE).and(viewModel.creatingProperty().not()));

        codeField.textProperty().bindBidirectional(viewModel.codeProperty());
        labelFrField.textProperty().bindBidirectional(viewModel.labelFrProperty());
        labelEnField.textProperty().bindBidirectional(viewModel.labelEnProperty());
        labelArField.textProperty().bindBidirectional(viewModel.labelArProperty());
        noteField.textProperty().bindBidirectional(viewModel.noteProperty());
        inScopeBox.selectedProperty().bindBidirectional(viewModel.inScopeProperty());
        areaChoice.setItems(viewModel.areaChoices());
        areaChoice.valueProperty().bindBidirectional(viewModel.areaProperty());
        areaChoice.setConverter(converter(viewModel::areaLabel));
        domainChoice.setItems(viewModel.domainChoices());
        domainChoice.valueProperty().bindBidirectional(viewModel.domainProperty());
        domainChoice.setConverter(converter(viewModel::domainLabel));
        domainChoice.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : viewModel.domainLabel(d));
            }
        });

        // codes of existing areas and services stay (other versions and Excel refer to them); items' codes can change
        codeField.editableProperty().bind(viewModel.editableProperty().and(
                viewModel.creatingProperty().or(viewModel.formKindProperty().isEqualTo(FormKind.ITEM))));
        for (TextField f : new TextField[] {labelFrField, labelEnField, labelArField, noteField}) {
            f.editableProperty().bind(viewModel.editableProperty());
        }
        inScopeBox.disableProperty().bind(viewModel.editableProperty().not());
        areaChoice.disableProperty().bind(viewModel.editableProperty().not());
        domainChoice.disableProperty().bind(viewModel.editableProperty().not());
        saveButton.disableProperty().bind(readOnly);
        saveButton.setOnAction(e -> viewModel.save());

        // validate when the user leaves a field; the message sits under it
        codeField.focusedProperty().addListener((o, was, is) -> {
            if (was && !is) {
                viewModel.validateCode();
            }
        });
        labelFrField.focusedProperty().addListener((o, was, is) -> {
            if (was && !is) {
                viewModel.validateLabel();
            }
        });
        domainChoice.focusedProperty().addListener((o, was, is) -> {
            if (was && !is) {
                viewModel.validateDomain();
            }
        });
        bindError(codeError, viewModel.codeErrorProperty());
        bindError(labelError, viewModel.labelErrorProperty());
        bindError(domainError, viewModel.domainErrorProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());

        requirementTable.setItems(viewModel.requirements());
        requirementTable.editableProperty().bind(viewModel.editableProperty());
        categoryColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().category()));
        requirementColumn.setCellValueFactory(c -> c.getValue().requirementProperty());
        requirementColumn.setCellFactory(c -> new RequirementCell());
    }

    /** A choice box always shown (not only in edit mode): one click changes a requirement. */
    private final class RequirementCell extends TableCell<RequirementRow, String> {
        private final ComboBox<String> choice = new ComboBox<>();

        RequirementCell() {
            choice.getItems().setAll(CatalogueEditorViewModel.REQUIREMENT_CHOICES);
            choice.setConverter(converter(viewModel::requirementLabel));
            choice.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(String r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(viewModel.requirementLabel(empty ? null : r));
                }
            });
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.disableProperty().bind(viewModel.editableProperty().not());
            choice.setOnAction(e -> {
                RequirementRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && choice.getValue() != null) {
                    row.requirementProperty().set(choice.getValue());
                }
            });
        }

        @Override
        protected void updateItem(String requirement, boolean empty) {
            super.updateItem(requirement, empty);
            if (empty) {
                setGraphic(null);
            } else {
                choice.setValue(requirement);
                setGraphic(choice);
            }
        }
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }

    private static void bindError(Label label, javafx.beans.value.ObservableStringValue error) {
        label.textProperty().bind(error);
        BooleanBinding present = Bindings.createBooleanBinding(() -> !error.get().isEmpty(), error);
        show(label, present);
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void rebuild(TreeNode rootNode) {
        java.util.Set<String> expanded = new java.util.HashSet<>();
        items.forEach((key, item) -> {
            if (item.isExpanded()) {
                expanded.add(key);
            }
        });
        rebuilding = true;
        try {
            items.clear();
            TreeItem<TreeNode> rootItem = rootNode == null ? null : toItem(rootNode, 0);
            items.forEach((key, item) -> item.setExpanded(expanded.contains(key)));
            if (rootItem != null) {
                rootItem.setExpanded(true);
            }
            tree.setRoot(rootItem);
        } finally {
            rebuilding = false;
        }
        select(viewModel.selectedNodeProperty().get());
    }

    private TreeItem<TreeNode> toItem(TreeNode node, int depth) {
        TreeItem<TreeNode> item = new TreeItem<>(node);
        items.put(node.key(), item);
        for (TreeNode child : node.children()) {
            item.getChildren().add(toItem(child, depth + 1));
        }
        return item;
    }

    private void select(TreeNode node) {
        TreeItem<TreeNode> item = node == null ? null : items.get(node.key());
        if (item == null) {
            return;
        }
        // expanding shifts the rows, and the tree's selection model follows rows: keep those moves away from the view model
        boolean was = rebuilding;
        rebuilding = true;
        try {
            for (TreeItem<TreeNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            if (tree.getSelectionModel().getSelectedItem() != item) {
                tree.getSelectionModel().select(item);
            }
        } finally {
            rebuilding = was;
        }
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    public Node view() {
        return root;
    }
}
