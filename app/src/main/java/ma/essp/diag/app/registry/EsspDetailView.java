package ma.essp.diag.app.registry;

import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.ViewLoader;

/** Code-behind of the ESSP detail page: four two-column tables bound to the view model's sections. */
public final class EsspDetailView {

    private final EsspDetailViewModel viewModel;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<EsspDetailViewModel.Line> identityTable;
    @FXML private TableView<EsspDetailViewModel.Line> chainTable;
    @FXML private TableView<EsspDetailViewModel.Line> staffTable;
    @FXML private TableView<EsspDetailViewModel.Line> activityTable;

    public EsspDetailView(EsspDetailViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        lines(identityTable, viewModel.identity());
        lines(chainTable, viewModel.chain());
        lines(staffTable, viewModel.staff());
        lines(activityTable, viewModel.activity());
    }

    @SuppressWarnings("unchecked")
    private static void lines(TableView<EsspDetailViewModel.Line> table, ObservableList<EsspDetailViewModel.Line> items) {
        table.setItems(items);
        TableColumn<EsspDetailViewModel.Line, String> label = (TableColumn<EsspDetailViewModel.Line, String>) table.getColumns().get(0);
        TableColumn<EsspDetailViewModel.Line, String> value = (TableColumn<EsspDetailViewModel.Line, String>) table.getColumns().get(1);
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        // long values (structure names, the GST line) are cut by the narrow side panel: the whole text is a tooltip
        value.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(26);
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(javafx.beans.binding.Bindings.size(items).add(1.4)));
    }

    public Node view() {
        return root;
    }
}
