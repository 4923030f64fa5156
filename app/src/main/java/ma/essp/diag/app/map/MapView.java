package ma.essp.diag.app.map;

import ma.essp.diag.app.map.model.MapPicture;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;

/** Code-behind of the map screen: the canvas, the figure chooser, the legend, the credit and the clicked province's ESSPs. */
public final class MapView implements FeatureScreen {

    private final MapViewModel viewModel;
    private final Parent root;

    @FXML private StackPane mapHolder;
    @FXML private ComboBox<FilterChoice> figureBox;
    @FXML private VBox legendBox;
    @FXML private VBox pointLegendBox;
    @FXML private Label legendTitleLabel;
    @FXML private Label legendNoteLabel;
    @FXML private Label creditLabel;
    @FXML private Label selectedLabel;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TableView<EsspListRow> esspTable;
    @FXML private TableColumn<EsspListRow, String> codeColumn;
    @FXML private TableColumn<EsspListRow, String> nameColumn;
    @FXML private TableColumn<EsspListRow, String> functionalityColumn;

    private final MapCanvas canvas = new MapCanvas();

    public MapView(MapViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        canvas.setId("mapCanvas");
        mapHolder.getChildren().add(canvas);
        figureBox.setItems(viewModel.figureChoices());
        figureBox.valueProperty().bindBidirectional(viewModel.figureProperty());
        creditLabel.setText(viewModel.credit());
        legendTitleLabel.textProperty().bind(viewModel.legendTitleProperty());
        legendNoteLabel.textProperty().bind(viewModel.legendNoteProperty());
        legendNoteLabel.visibleProperty().bind(viewModel.legendNoteProperty().isNotEmpty());
        legendNoteLabel.managedProperty().bind(legendNoteLabel.visibleProperty());
        selectedLabel.textProperty().bind(viewModel.selectedTitleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        viewModel.pictureProperty().addListener((obs, old, p) -> {
            if (p == null) {
                return;
            }
            if (old == null || old.outlines() != p.outlines()) {
                canvas.setOutlines(p.outlines().provinces(), p.outlines().regions());
            }
            canvas.setFills(p.fills());
            canvas.setPoints(p.points(), p.pointColours());
        });
        viewModel.selectedIsoProperty().addListener((obs, old, iso) -> canvas.setSelected(iso));
        canvas.setOnProvinceClicked(viewModel::select);
        viewModel.legend().addListener((ListChangeListener<MapViewModel.LegendEntry>) c -> {
            legendBox.getChildren().clear();
            for (MapViewModel.LegendEntry e : viewModel.legend()) {
                Region swatch = new Region();
                swatch.getStyleClass().add("legend-swatch");
                swatch.setStyle("-fx-background-color: " + e.colour().hex() + ";");
                HBox line = new HBox(8, swatch, new Label(e.text()));
                line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                legendBox.getChildren().add(line);
            }
        });
        pointLegendBox.getChildren().setAll(point(MapPicture.FULLY, viewModel.functionalityLabel("fully")),
                point(MapPicture.PARTIALLY, viewModel.functionalityLabel("partially")),
                point(MapPicture.NOT_FUNCTIONING, viewModel.functionalityLabel("not_functioning")));
        esspTable.setItems(viewModel.provinceEssps());
        esspTable.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        codeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().code()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.name(c.getValue())));
        functionalityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.functionalityLabel(c.getValue().functionality())));
    }

    private static HBox point(ma.essp.diag.app.map.model.Rgb colour, String text) {
        HBox line = new HBox(8, new Circle(4, MapCanvas.fx(colour)), new Label(text));
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return line;
    }

    /** The canvas, for tests. */
    public MapCanvas canvas() {
        return canvas;
    }

    @Override
    public Node view() {
        return root;
    }
}
