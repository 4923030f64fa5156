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
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;

/** Code-behind of {@code EsspRegistryView.fxml}: the sortable table and its filters. */
public final class EsspRegistryView implements FeatureScreen {

    private final EsspRegistryViewModel viewModel;
    private final Parent root;

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

    public EsspRegistryView(EsspRegistryViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
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
    }

    private static void text(TableColumn<EsspListRow, String> column, Function<EsspListRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @Override
    public Node view() {
        return root;
    }
}
