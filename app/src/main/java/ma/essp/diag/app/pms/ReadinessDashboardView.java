package ma.essp.diag.app.pms;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.ViewLoader;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.GapAnalyzer;

/** Code-behind of {@code ReadinessDashboardView.fxml}: charts and the drill-down table bound to the view model. */
public final class ReadinessDashboardView {

    /** The rows the drill-down table always has room for, however the divider is dragged (ten at 1366 x 768). */
    static final int TABLE_ROWS = 10;

    private final ReadinessDashboardViewModel viewModel;
    private final I18n i18n;
    private final Parent root;

    @FXML private HBox breadcrumb;
    @FXML private CheckBox weightedCheck;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private BarChart<Number, String> unitChart;
    @FXML private Label unitsCaption;
    @FXML private Label domainsCaption;
    @FXML private Label histogramCaption;
    @FXML private BarChart<Number, String> domainChart;
    @FXML private BarChart<String, Number> histogramChart;
    @FXML private ListView<GapAnalyzer.Need> needsList;
    @FXML private TableView<ReadinessDashboardViewModel.ServiceLine> servicesTable;
    @FXML private TableColumn<ReadinessDashboardViewModel.ServiceLine, String> serviceNameColumn;
    @FXML private TableColumn<ReadinessDashboardViewModel.ServiceLine, String> serviceValueColumn;
    @FXML private TableColumn<ReadinessDashboardViewModel.ServiceLine, String> serviceBehindColumn;
    @FXML private javafx.scene.control.RadioButton byCategoryRadio;
    @FXML private javafx.scene.control.RadioButton byMilieuRadio;
    @FXML private TableView<AggregateRow> groupsTable;
    @FXML private TableColumn<AggregateRow, String> groupNameColumn;
    @FXML private TableColumn<AggregateRow, String> groupNColumn;
    @FXML private TableColumn<AggregateRow, String> groupCompletenessColumn;
    @FXML private TableColumn<AggregateRow, String> groupGeneralColumn;
    @FXML private TableColumn<AggregateRow, String> groupPmsCoverageColumn;
    @FXML private ListView<String> categoryGapsList;
    @FXML private Label esspGapsTitle;
    @FXML private ListView<String> esspGapsList;
    @FXML private TableView<AggregateRow> table;
    @FXML private TableColumn<AggregateRow, String> nameColumn;
    @FXML private TableColumn<AggregateRow, String> nColumn;
    @FXML private TableColumn<AggregateRow, String> completenessColumn;
    @FXML private TableColumn<AggregateRow, String> generalColumn;
    @FXML private TableColumn<AggregateRow, String> amenitiesColumn;
    @FXML private TableColumn<AggregateRow, String> equipmentColumn;
    @FXML private TableColumn<AggregateRow, String> precautionsColumn;
    @FXML private TableColumn<AggregateRow, String> diagnosticColumn;
    @FXML private TableColumn<AggregateRow, String> medicinesColumn;
    @FXML private TableColumn<AggregateRow, String> pmsCoverageColumn;
    @FXML private TableColumn<AggregateRow, String> domainsColumn;
    @FXML private TableColumn<AggregateRow, String> unansweredAbsentColumn;
    @FXML private Label methodLabel;
    @FXML private Label sensitivityLabel;

    public ReadinessDashboardView(ReadinessDashboardViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.root = ViewLoader.load(this, i18n);
    }

    @FXML
    private void initialize() {
        weightedCheck.selectedProperty().bindBidirectional(viewModel.weightedProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        for (Label line : List.of(methodLabel, sensitivityLabel)) {
            // the method lines wrap in every language (JavaFX 21 with RtlWrapText draws wrapped Arabic correctly)
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        methodLabel.textProperty().bind(viewModel.methodProperty());
        sensitivityLabel.textProperty().bind(viewModel.sensitivityProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        for (BarChart<?, ?> chart : List.of(unitChart, domainChart, histogramChart)) {
            chart.setAnimated(false);
            chart.setLegendVisible(false);
        }
        // scores are always on a fixed 0-100 scale, so that charts of different units compare at a glance
        for (NumberAxis axis : List.of((NumberAxis) unitChart.getXAxis(), (NumberAxis) domainChart.getXAxis())) {
            axis.setAutoRanging(false);
            axis.setLowerBound(0);
            axis.setUpperBound(100);
            axis.setTickUnit(20);
        }
        // horizontal bars: unit names (up to "Tanger-Tétouan-Al Hoceima") stay readable, never rotated over the bars
        unitChart.getYAxis().setStyle("-fx-tick-label-font-size: 9px; -fx-tick-label-gap: 3; -fx-tick-length: 3;");
        unitChart.setCategoryGap(3);
        unitsCaption.textProperty().bind(viewModel.unitsCaptionProperty());
        domainsCaption.textProperty().bind(viewModel.domainsCaptionProperty());
        histogramCaption.textProperty().bind(viewModel.histogramCaptionProperty());

        text(nameColumn, viewModel::unitName);
        text(nColumn, r -> i18n.formatNumber(r.assessed()) + " / " + i18n.formatNumber(r.registered()));
        text(completenessColumn, r -> viewModel.percent(r.general().completeness()));
        // each score cell: the value, and its own n and completeness in a tooltip
        figure(generalColumn, AggregateRow::general);
        figure(amenitiesColumn, r -> domainFigure(r, "basic_amenities"));
        figure(equipmentColumn, r -> domainFigure(r, "basic_equipment"));
        figure(precautionsColumn, r -> domainFigure(r, "standard_precautions"));
        figure(diagnosticColumn, r -> domainFigure(r, "diagnostic_capacity"));
        figure(medicinesColumn, r -> domainFigure(r, "essential_medicines"));
        figure(pmsCoverageColumn, AggregateRow::pmsCoverage);
        text(domainsColumn, viewModel::domains);
        figure(unansweredAbsentColumn, viewModel::unansweredAbsent);
        table.setItems(viewModel.rows());
        // the split pane never gives the table less: on a laptop the charts above give way (their pane scrolls)
        ma.essp.diag.app.ui.TableRoom.atLeast(table, TABLE_ROWS);
        table.setRowFactory(t -> {
            TableRow<AggregateRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.drillDown(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.drillDown(table.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                viewModel.goTo(viewModel.path().size() - 2);
            }
        });
        servicesTable.setItems(viewModel.services());
        serviceNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        serviceValueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.figure(c.getValue().figure())));
        serviceBehindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.behind(c.getValue().figure())));
        javafx.scene.control.ToggleGroup by = new javafx.scene.control.ToggleGroup();
        byCategoryRadio.setToggleGroup(by);
        byMilieuRadio.setToggleGroup(by);
        by.selectedToggleProperty().addListener((o, old, now) -> viewModel.breakdownProperty().set(
                now == byMilieuRadio ? ma.essp.diag.reporting.readiness.Breakdown.MILIEU : ma.essp.diag.reporting.readiness.Breakdown.CATEGORY));
        groupsTable.setItems(viewModel.groups());
        text(groupNameColumn, viewModel::groupLabel);
        text(groupNColumn, r -> i18n.formatNumber(r.assessed()) + " / " + i18n.formatNumber(r.registered()));
        text(groupCompletenessColumn, r -> viewModel.percent(r.general().completeness()));
        figure(groupGeneralColumn, AggregateRow::general);
        figure(groupPmsCoverageColumn, AggregateRow::pmsCoverage);
        categoryGapsList.setItems(viewModel.categoryGaps());
        esspGapsTitle.textProperty().bind(viewModel.esspGapsTitleProperty());
        esspGapsList.setItems(viewModel.esspGaps());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> viewModel.selectEssp(now));
        needsList.setItems(viewModel.topNeeds());
        needsList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GapAnalyzer.Need need, boolean empty) {
                super.updateItem(need, empty);
                setText(empty || need == null ? null : viewModel.needText(need));
            }
        });

        viewModel.path().addListener((ListChangeListener<ReadinessDashboardViewModel.Crumb>) c -> updateBreadcrumb());
        viewModel.rows().addListener((ListChangeListener<AggregateRow>) c -> updateUnitChart());
        viewModel.domainProfile().addListener((ListChangeListener<ReadinessDashboardViewModel.DomainBar>) c -> updateDomainChart());
        viewModel.histogram().addListener((ListChangeListener<ReadinessDashboardViewModel.Bin>) c -> updateHistogram());
    }

    private static Figure domainFigure(AggregateRow row, String code) {
        return row.generalDomains().getOrDefault(code, Figure.EMPTY);
    }

    private void figure(TableColumn<AggregateRow, String> column, Function<AggregateRow, Figure> figure) {
        text(column, r -> viewModel.figure(figure.apply(r)));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                AggregateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : value);
                setTooltip(row == null ? null : new Tooltip(viewModel.behind(figure.apply(row))));
            }
        });
    }

    private void updateBreadcrumb() {
        breadcrumb.getChildren().clear();
        List<ReadinessDashboardViewModel.Crumb> crumbs = viewModel.path();
        for (int i = 0; i < crumbs.size(); i++) {
            if (i > 0) {
                breadcrumb.getChildren().add(new Label("›"));
            }
            int index = i;
            if (i == crumbs.size() - 1) {
                Label last = new Label(crumbs.get(i).name());
                last.getStyleClass().add("text-bold");
                breadcrumb.getChildren().add(last);
            } else {
                Hyperlink link = new Hyperlink(crumbs.get(i).name());
                link.setOnAction(e -> viewModel.goTo(index));
                breadcrumb.getChildren().add(link);
            }
        }
    }

    private void updateUnitChart() {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // listed top-down in table order: the category axis draws its first category at the bottom
        for (AggregateRow row : viewModel.rows().reversed()) {
            if (row.general().value() != null) {
                XYChart.Data<Number, String> data = new XYChart.Data<>(row.general().value(), viewModel.unitName(row));
                series.getData().add(data);
                tooltipWhenShown(data, viewModel.unitName(row) + " : " + viewModel.figure(row.general()) + "\n" + viewModel.behind(row.general()));
            }
        }
        unitChart.getData().setAll(List.of(series));
    }

    private void updateDomainChart() {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // listed top-down in catalogue order: the category axis draws its first category at the bottom
        for (ReadinessDashboardViewModel.DomainBar bar : viewModel.domainProfile().reversed()) {
            XYChart.Data<Number, String> data = new XYChart.Data<>(bar.figure().value() == null ? 0 : bar.figure().value(), bar.label());
            series.getData().add(data);
            tooltipWhenShown(data, bar.label() + " : " + viewModel.figure(bar.figure()) + "\n" + viewModel.behind(bar.figure()));
        }
        domainChart.getData().setAll(List.of(series));
    }

    private void updateHistogram() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ReadinessDashboardViewModel.Bin bin : viewModel.histogram()) {
            series.getData().add(new XYChart.Data<>(viewModel.binLabel(bin), bin.count()));
        }
        histogramChart.getData().setAll(List.of(series));
        // counts are whole numbers: whole ticks only (never "12.5" or "0.5" ESSPs), about five of them
        long most = viewModel.histogram().stream().mapToLong(ReadinessDashboardViewModel.Bin::count).max().orElse(0);
        long step = Math.max(1, (most + 4) / 5);
        NumberAxis counts = (NumberAxis) histogramChart.getYAxis();
        counts.setAutoRanging(false);
        counts.setLowerBound(0);
        counts.setUpperBound(Math.max(1, (most + step - 1) / step) * step);
        counts.setTickUnit(step);
        counts.setMinorTickVisible(false);
    }

    private static void tooltipWhenShown(XYChart.Data<?, ?> data, String text) {
        data.nodeProperty().addListener((o, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
    }

    private static void text(TableColumn<AggregateRow, String> column, Function<AggregateRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    public Node view() {
        return root;
    }
}
