package ma.essp.diag.app.registry;

import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.ViewLoader;

/**
 * Code-behind of the ESSP detail page: four label / value grids bound to the view model's sections. The values wrap
 * in the narrow side panel instead of being cut.
 */
public final class EsspDetailView {

    private final EsspDetailViewModel viewModel;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label errorLabel;
    @FXML private GridPane identityTable;
    @FXML private GridPane chainTable;
    @FXML private GridPane staffTable;
    @FXML private GridPane activityTable;
    @FXML private GridPane historyTable;

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
        lines(historyTable, viewModel.history());
    }

    private static void lines(GridPane grid, ObservableList<EsspDetailViewModel.Line> items) {
        Runnable fill = () -> {
            grid.getChildren().clear();
            for (int row = 0; row < items.size(); row++) {
                EsspDetailViewModel.Line line = items.get(row);
                Label label = new Label(line.label());
                label.getStyleClass().add("text-muted");
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                // data (names, the GST line) in Arabic wraps like the translations do
                Label value = new Label(ma.essp.diag.app.i18n.RtlWrapText.apply(line.value()));
                value.setWrapText(true);
                value.setMinHeight(Region.USE_PREF_SIZE);
                grid.addRow(row, label, value);
            }
        };
        items.addListener((ListChangeListener<EsspDetailViewModel.Line>) c -> fill.run());
        fill.run();
    }

    public Node view() {
        return root;
    }
}
