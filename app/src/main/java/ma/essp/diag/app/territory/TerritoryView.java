package ma.essp.diag.app.territory;

import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.ViewLoader;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Code-behind of {@code TerritoryView.fxml}: binds the tree and the search box to the view model. */
public final class TerritoryView implements FeatureScreen {

    private final TerritoryViewModel viewModel;
    private final Parent root;
    /** Opens an ESSP's form and detail in the registry (double-click or Enter on its row). */
    private final java.util.function.IntConsumer openEssp;

    @FXML private TextField searchField;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TreeTableView<TerritoryNode> tree;
    @FXML private TreeTableColumn<TerritoryNode, TerritoryNode> nameColumn;
    @FXML private TreeTableColumn<TerritoryNode, TerritoryNode> kindColumn;
    @FXML private TreeTableColumn<TerritoryNode, Number> esspColumn;
    @FXML private TreeTableColumn<TerritoryNode, Number> populationColumn;

    public TerritoryView(TerritoryViewModel viewModel, I18n i18n, java.util.function.IntConsumer openEssp) {
        this.viewModel = viewModel;
        this.openEssp = openEssp;
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
