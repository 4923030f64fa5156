package ma.essp.diag.app.territory;

import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.TableExport;
import ma.essp.diag.app.ui.ViewLoader;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Code-behind of {@code TerritoryView.fxml}: binds the tree and the search box to the view model. A node's context menu
 * (mouse, context-menu key or Shift+F10) offers what fits its level: open an ESSP, start a new ESSP in a
 * circonscription, expand or collapse everything below a region, province or circonscription, copy the name or the code.
 */
public final class TerritoryView implements FeatureScreen {

    private final TerritoryViewModel viewModel;
    private final Parent root;
    /** Opens an ESSP's form and detail in the registry (double-click or Enter on its row). */
    private final java.util.function.IntConsumer openEssp;
    /** Starts a new ESSP in a circonscription in the registry (its id). */
    private final java.util.function.IntConsumer newEsspIn;
    private final I18n i18n;

    @FXML private TextField searchField;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TreeTableView<TerritoryNode> tree;
    @FXML private TreeTableColumn<TerritoryNode, TerritoryNode> nameColumn;
    @FXML private TreeTableColumn<TerritoryNode, TerritoryNode> kindColumn;
    @FXML private TreeTableColumn<TerritoryNode, Number> esspColumn;
    @FXML private TreeTableColumn<TerritoryNode, Number> populationColumn;

    public TerritoryView(TerritoryViewModel viewModel, I18n i18n, java.util.function.IntConsumer openEssp,
                         java.util.function.IntConsumer newEsspIn) {
        this.viewModel = viewModel;
        this.openEssp = openEssp;
        this.newEsspIn = newEsspIn;
        this.i18n = i18n;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());

        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        nameColumn.setCellFactory(c -> new NameCell());
        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        kindColumn.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(TerritoryNode node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : viewModel.kindLabel(node.kind()));
            }
        });
        esspColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().getValue().kind() == TerritoryNode.Kind.ESSP ? null : c.getValue().getValue().esspCount()));
        esspColumn.setCellFactory(c -> new NumberCell());
        populationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().population()));
        populationColumn.setCellFactory(c -> new NumberCell());
        // the export writes what the cells show: the node's name and its level's label
        TableExport.exportAs(nameColumn, TerritoryNode::label);
        TableExport.exportAs(kindColumn, node -> viewModel.kindLabel(node.kind()));

        tree.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelectedEssp();
            }
        });
        tree.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && openSelectedEssp()) {
                e.consume();
            }
        });
        viewModel.visibleProperty().addListener((obs, old, result) -> show(result));
        show(viewModel.visibleProperty().get());
        tree.setContextMenu(nodeMenu());
    }

    /** The actions on the selected node, those of its level only (the shell adds copy and export of the table after them). */
    private ContextMenu nodeMenu() {
        MenuItem open = item("territoryMenuOpen", "territory.menu.open", () -> openSelectedEssp());
        MenuItem newEssp = item("territoryMenuNewEssp", "territory.menu.new_essp", () -> {
            TerritoryNode node = selectedNode();
            if (node != null && node.kind() == TerritoryNode.Kind.CIRCONSCRIPTION) {
                newEsspIn.accept(node.key().id());
            }
        });
        MenuItem expand = item("territoryMenuExpand", "territory.menu.expand_all", () -> expandAll(tree.getSelectionModel().getSelectedItem(), true));
        MenuItem collapse = item("territoryMenuCollapse", "territory.menu.collapse_all",
                () -> expandAll(tree.getSelectionModel().getSelectedItem(), false));
        MenuItem copyName = item("territoryMenuCopyName", "territory.menu.copy_name", () -> copy(selectedNode().label()));
        MenuItem copyCode = item("territoryMenuCopyCode", "territory.menu.copy_code", () -> copy(selectedNode().code()));
        ContextMenu menu = new ContextMenu(open, newEssp, expand, collapse, copyName, copyCode);
        menu.setOnShowing(e -> {
            TerritoryNode node = selectedNode();
            TerritoryNode.Kind kind = node == null ? null : node.kind();
            open.setVisible(kind == TerritoryNode.Kind.ESSP);
            newEssp.setVisible(kind == TerritoryNode.Kind.CIRCONSCRIPTION);
            expand.setVisible(kind != null && kind != TerritoryNode.Kind.ESSP);
            collapse.setVisible(kind != null && kind != TerritoryNode.Kind.ESSP);
            copyName.setVisible(node != null);
            copyCode.setVisible(node != null && node.code() != null && !node.code().isBlank());
        });
        return menu;
    }

    private MenuItem item(String id, String key, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private TerritoryNode selectedNode() {
        TreeItem<TerritoryNode> selected = tree.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.getValue();
    }

    private static void expandAll(TreeItem<TerritoryNode> item, boolean expanded) {
        if (item == null || item.isLeaf()) {
            return;
        }
        item.setExpanded(expanded);
        item.getChildren().forEach(child -> expandAll(child, expanded));
    }

    private static void copy(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Opens the selected row in the registry when it is an ESSP; false otherwise (a region, a province...). */
    private boolean openSelectedEssp() {
        TreeItem<TerritoryNode> selected = tree.getSelectionModel().getSelectedItem();
        if (selected == null || selected.getValue() == null || selected.getValue().kind() != TerritoryNode.Kind.ESSP) {
            return false;
        }
        openEssp.accept(selected.getValue().key().id());
        return true;
    }

    private void show(TerritorySearch.Result result) {
        TreeItem<TerritoryNode> hiddenRoot = new TreeItem<>();
        for (TerritoryNode node : result.roots()) {
            hiddenRoot.getChildren().add(item(node, result.expanded()));
        }
        tree.setRoot(hiddenRoot);
    }

    private static TreeItem<TerritoryNode> item(TerritoryNode node, Set<TerritoryNode.Key> expanded) {
        TreeItem<TerritoryNode> item = new TreeItem<>(node);
        for (TerritoryNode child : node.children()) {
            item.getChildren().add(item(child, expanded));
        }
        item.setExpanded(expanded.contains(node.key()));
        return item;
    }

    private static Ikon icon(TerritoryNode.Kind kind) {
        return switch (kind) {
            case REGION -> Material2MZ.PUBLIC;
            case PROVINCE -> Material2AL.LOCATION_CITY;
            case CIRCONSCRIPTION -> Material2MZ.PLACE;
            case ESSP -> Material2AL.LOCAL_HOSPITAL;
        };
    }

    private static final class NameCell extends TreeTableCell<TerritoryNode, TerritoryNode> {
        @Override
        protected void updateItem(TerritoryNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(node.detail() == null ? node.label() : node.label() + "  ·  " + node.detail());
                FontIcon icon = new FontIcon(icon(node.kind()));
                icon.getStyleClass().add("territory-icon");
                setGraphic(icon);
            }
        }
    }

    private final class NumberCell extends TreeTableCell<TerritoryNode, Number> {
        NumberCell() {
            getStyleClass().add("number-cell");
        }

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : viewModel.formatNumber(value));
        }
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public Node searchField() {
        return searchField;
    }

    /** For tests: the tree control. */
    TreeTableView<TerritoryNode> tree() {
        return tree;
    }
}
