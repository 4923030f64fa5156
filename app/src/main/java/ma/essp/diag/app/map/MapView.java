package ma.essp.diag.app.map;

import ma.essp.diag.app.ui.map.Rgb;
import ma.essp.diag.app.ui.map.MapCanvas;
import ma.essp.diag.app.map.model.MapPicture;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.geometry.Insets;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import ma.essp.diag.app.map.model.MapImage;
import javafx.scene.control.Button;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Code-behind of the map screen: the canvas, the figure chooser, the legend, the credit and the clicked province's ESSPs. */
public final class MapView implements FeatureScreen {

    private final MapViewModel viewModel;
    private final I18n i18n;
    private final Parent root;

    @FXML private StackPane mapHolder;
    @FXML private Button zoomInButton;
    @FXML private Button zoomOutButton;
    @FXML private Button zoomAllButton;
    @FXML private Button zoomMissionButton;
    @FXML private Button exportButton;
    @FXML private Label exportStatusLabel;
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
        this.i18n = i18n;
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
        canvas.setDescription(viewModel::describe);
        zoomInButton.setGraphic(new FontIcon(Material2MZ.ZOOM_IN));
        zoomOutButton.setGraphic(new FontIcon(Material2MZ.ZOOM_OUT));
        zoomAllButton.setGraphic(new FontIcon(Material2MZ.ZOOM_OUT_MAP));
        zoomMissionButton.setGraphic(new FontIcon(Material2AL.CENTER_FOCUS_STRONG));
        zoomMissionButton.disableProperty().bind(viewModel.pictureProperty().isNull());
        exportButton.setGraphic(new FontIcon(Material2AL.IMAGE));
        exportButton.disableProperty().bind(viewModel.pictureProperty().isNull().or(viewModel.exportingProperty()));
        exportStatusLabel.textProperty().bind(viewModel.exportStatusProperty());
        exportStatusLabel.visibleProperty().bind(viewModel.exportStatusProperty().isNotEmpty());
        exportStatusLabel.managedProperty().bind(exportStatusLabel.visibleProperty());
        viewModel.legend().addListener((ListChangeListener<MapViewModel.LegendEntry>) c -> {
            legendBox.getChildren().clear();
            for (MapViewModel.LegendEntry e : viewModel.legend()) {
                legendBox.getChildren().add(legendLine(e));
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

    private static HBox point(ma.essp.diag.app.ui.map.Rgb colour, String text) {
        HBox line = new HBox(8, new Circle(4, MapCanvas.fx(colour)), new Label(text));
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return line;
    }

    @FXML
    private void zoomIn() {
        canvas.zoomIn();
    }

    @FXML
    private void zoomOut() {
        canvas.zoomOut();
    }

    @FXML
    private void showAll() {
        canvas.showAll();
    }

    /** Fits the provinces and ESSPs of the mission (the small demo's two provinces fill the map). */
    @FXML
    private void zoomToMission() {
        canvas.fit(viewModel.missionArea());
    }

    @FXML
    private void exportPng() {
        viewModel.exportPng(this::picture);
    }

    /** Height of the title band of an exported picture. */
    public static final double EXPORT_TITLE_HEIGHT = 44;
    /** Width of the legend column of an exported picture. */
    public static final double EXPORT_LEGEND_WIDTH = 300;

    /**
     * The current view as a picture: the figure's name on top, the map as it is on screen (zoom and pan included),
     * the legend beside it (on the right, on the left in Arabic) with the points and the credit. Its size is the
     * map's plus {@link #EXPORT_LEGEND_WIDTH} across and {@link #EXPORT_TITLE_HEIGHT} down (taller only when the
     * legend is taller than the map).
     */
    MapImage picture() {
        WritableImage map = canvas.picture();
        Label title = new Label(viewModel.legendTitleProperty().get());
        title.getStyleClass().add("title-4");
        title.setMinHeight(EXPORT_TITLE_HEIGHT);
        title.setPrefHeight(EXPORT_TITLE_HEIGHT);
        title.setMaxHeight(EXPORT_TITLE_HEIGHT);
        title.setPadding(new Insets(0, 12, 0, 12));
        VBox legend = new VBox(4);
        legend.setPadding(new Insets(4, 12, 8, 12));
        legend.setMinWidth(EXPORT_LEGEND_WIDTH);
        legend.setPrefWidth(EXPORT_LEGEND_WIDTH);
        legend.setMaxWidth(EXPORT_LEGEND_WIDTH);
        legend.getChildren().add(legendLabel(viewModel.legendTitleProperty().get(), "text-bold"));
        for (MapViewModel.LegendEntry e : viewModel.legend()) {
            legend.getChildren().add(legendLine(e));
        }
        if (!viewModel.legendNoteProperty().get().isEmpty()) {
            legend.getChildren().add(legendLabel(viewModel.legendNoteProperty().get(), "text-muted"));
        }
        legend.getChildren().add(legendLabel(i18n.get("map.legend.count"), "text-muted"));
        legend.getChildren().add(legendLabel(i18n.get("map.points"), "text-bold"));
        legend.getChildren().addAll(point(MapPicture.FULLY, viewModel.functionalityLabel("fully")),
                point(MapPicture.PARTIALLY, viewModel.functionalityLabel("partially")),
                point(MapPicture.NOT_FUNCTIONING, viewModel.functionalityLabel("not_functioning")));
        legend.getChildren().add(legendLabel(viewModel.credit(), "text-muted"));
        // laid out by hand in a page of a known size: the map as on screen, the legend on the right (on the left in
        // Arabic, whose title and legend read right to left; the map itself is never mirrored)
        boolean rtl = root.getEffectiveNodeOrientation() == javafx.geometry.NodeOrientation.RIGHT_TO_LEFT;
        javafx.geometry.NodeOrientation textOrientation = root.getEffectiveNodeOrientation();
        title.setNodeOrientation(textOrientation);
        legend.setNodeOrientation(textOrientation);
        Pane page = new Pane(title, new ImageView(map), legend);
        page.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        page.setStyle("-fx-background-color: white;");
        Scene scene = new Scene(page);
        if (root.getScene() != null) {
            scene.getStylesheets().setAll(root.getScene().getStylesheets());
        }
        page.applyCss();
        double mapWidth = map.getWidth();
        double mapHeight = map.getHeight();
        double legendHeight = Math.ceil(legend.prefHeight(EXPORT_LEGEND_WIDTH));
        double width = mapWidth + EXPORT_LEGEND_WIDTH;
        double height = EXPORT_TITLE_HEIGHT + Math.max(mapHeight, legendHeight);
        title.setMinWidth(width);
        title.setPrefWidth(width);
        title.setMaxWidth(width);
        legend.setMinHeight(legendHeight);
        legend.setPrefHeight(legendHeight);
        page.getChildren().get(1).relocate(rtl ? EXPORT_LEGEND_WIDTH : 0, EXPORT_TITLE_HEIGHT);
        legend.relocate(rtl ? 0 : mapWidth, EXPORT_TITLE_HEIGHT);
        title.relocate(0, 0);
        page.setMinSize(width, height);
        page.setPrefSize(width, height);
        page.setMaxSize(width, height);
        page.resize(width, height);
        page.setClip(new javafx.scene.shape.Rectangle(width, height));
        page.layout();
        WritableImage image = page.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new MapImage(w, h, argb);
    }

    private static Label legendLabel(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox legendLine(MapViewModel.LegendEntry e) {
        Region swatch = new Region();
        swatch.getStyleClass().add("legend-swatch");
        swatch.setStyle("-fx-background-color: " + e.colour().hex() + ";");
        HBox line = new HBox(8, swatch, new Label(e.text()));
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
