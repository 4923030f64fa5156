package ma.essp.diag.app.dataflows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.LocalizedControls;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRules;
import ma.essp.diag.database.repository.DataFlowRules.Field;
import ma.essp.diag.reporting.dataflow.DataFlowFigures.UnitRow;

/** The data-flow area: dashboard with drill-down and chain diagram, observation, recount and link entry. */
public final class DataFlowsView implements FeatureScreen {

    /** A level's column in the chain diagram: its five levels and the report names fit 1366 px without scrolling. */
    private static final double COLUMN_WIDTH = 150;
    private static final double ROW_HEIGHT = 66;
    /** The level names above the chain diagram's columns, on up to two lines. */
    private static final double HEADER_HEIGHT = 44;
    private static final double BOX_WIDTH = 130;
    private static final double NAME_WIDTH = 210;
    /** The report names' font size in the chain diagram (set, so that the lines they wrap onto are measured). */
    private static final double NAME_FONT = 12;
    /** The dashboard's charts: their bars and every category's label readable on a laptop. */
    private static final double CHART_HEIGHT = 300;

    private final DataFlowsViewModel viewModel;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();
    private final HBox breadcrumb = new HBox(4);
    private final Pane chainPane = new Pane();

    public DataFlowsView(DataFlowsViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        tabs.setId("dataflowsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab(i18n.get("dataflows.tab.dashboard"), dashboard()),
                new Tab(i18n.get("dataflows.tab.observations"), observations()),
                new Tab(i18n.get("dataflows.tab.recounts"), recounts()),
                new Tab(i18n.get("dataflows.tab.types"), reportTypes()),
                new Tab(i18n.get("dataflows.tab.links"), links()),
                new Tab(i18n.get("dataflows.tab.checklist"), checklists()));
        LocalizedControls.apply(tabs, i18n);
    }

    @Override
    public Node view() {
        return tabs;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return viewModel.unsavedChanges();
    }

    /** The area's saves, that Ctrl+Z / Ctrl+Y and the Edit menu undo and redo (the shell routes them here). */
    @Override
    public EditHistory editHistory() {
        return viewModel.history();
    }

    // ------------------------------------------------------------------ dashboard

    private Node dashboard() {
        Label summary = new Label();
        summary.setId("dataflowsSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("error-label");
        error.textProperty().bind(viewModel.errorProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(20, 20);
        loading.visibleProperty().bind(viewModel.loadingProperty());
        viewModel.path().addListener((ListChangeListener<DataFlowsViewModel.Crumb>) c -> crumbs());
        crumbs();

        TableView<UnitRow> table = new TableView<>(viewModel.rows());
        table.setId("dataflowsUnits");
        table.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        // every column in view at 1366 px in French, English and Arabic, every value whole: the headers wrap onto two
        // lines, each column is as wide as its longest value (ColumnContent) and the last one takes what is left; a
        // share and its n are two columns (the checklist score beside the number of items observed)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll("wrap-headers", "compact-cells");
        TableColumn<UnitRow, String> unit = column("dataflows.column.unit", r -> viewModel.unitName(r.unit()), 190);
        unit.setMinWidth(150);
        // a long circonscription or ESSP name is cut past 200 px and read whole in its tooltip
        unit.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        table.getColumns().add(unit);
        table.getColumns().add(column("dataflows.column.observations", r -> i18n.formatNumber(r.rates().observations()), 60));
        table.getColumns().add(column("dataflows.column.reporting_rate", r -> viewModel.rate(r.rates().completeness()), 70));
        table.getColumns().add(column("dataflows.column.on_time_rate", r -> viewModel.rate(r.rates().timeliness()), 70));
        table.getColumns().add(column("dataflows.column.vf", r -> viewModel.factor(r.verification().factor()), 60));
        table.getColumns().add(column("dataflows.column.vf_n", r -> i18n.formatNumber(r.verification().compared()), 55));
        table.getColumns().add(column("dataflows.column.vf_status", viewModel::status, 110));
        table.getColumns().add(column("dataflows.column.rekeying", r -> r.rekeyingMax() == null ? "—" : i18n.formatNumber(r.rekeyingMax()), 70));
        table.getColumns().add(column("dataflows.column.checklist", r -> viewModel.rate(r.checklist().score()), 70));
        table.getColumns().add(column("dataflows.column.checklist_n", r -> r.checklist().observed() == 0 ? "—"
                : i18n.formatNumber(r.checklist().observed()), 60));
        unit.setMaxWidth(200);
        ma.essp.diag.app.ui.ColumnContent.fit(table);
        ma.essp.diag.app.ui.TableRoom.atLeast(table, 10);
        table.setRowFactory(t -> {
            TableRow<UnitRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.drillDown(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                viewModel.drillDown(table.getSelectionModel().getSelectedItem());
            }
        });

        BarChart<Number, String> levelChart = new BarChart<>(percentAxis(), new CategoryAxis());
        levelChart.setId("dataflowsLevelChart");
        levelChart.setTitle(i18n.get("dataflows.chart.levels"));
        levelChart.setAnimated(false);
        levelChart.setMinHeight(CHART_HEIGHT);
        levelChart.setPrefHeight(CHART_HEIGHT);
        viewModel.levelBars().addListener((ListChangeListener<DataFlowsViewModel.LevelBar>) c -> levelChart.getData().setAll(levelSeries()));
        BarChart<String, Number> vfChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        vfChart.setId("dataflowsVfChart");
        vfChart.setTitle(i18n.get("dataflows.chart.vf"));
        vfChart.setAnimated(false);
        vfChart.setLegendVisible(false);
        vfChart.setMinHeight(CHART_HEIGHT);
        vfChart.setPrefHeight(CHART_HEIGHT);
        viewModel.vfBars().addListener((ListChangeListener<DataFlowsViewModel.VfBar>) c -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            viewModel.vfBars().forEach(b -> s.getData().add(new XYChart.Data<>(b.label(), b.count())));
            vfChart.getData().setAll(List.of(s));
        });
        Label typesTitle = new Label(i18n.get("dataflows.types.title"));
        TableView<DataFlowsViewModel.TypeLine> types = new TableView<>(viewModel.typeLines());
        types.setId("dataflowsTypes");
        types.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        TableColumn<DataFlowsViewModel.TypeLine, String> typeName = column("dataflows.field.report_type", DataFlowsViewModel.TypeLine::label, 200);
        // a report's whole name at 1366 px (a longer one is cut past 400 px and read whole in its tooltip; 480 px cut the last column, n, at 1366 px on the national demo)
        typeName.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory(codeAtEnd()));
        types.getColumns().add(typeName);
        // narrow to start with: each figure column then grows to its longest value and header word (ColumnContent)
        types.getColumns().add(column("dataflows.field.expected", t -> i18n.formatNumber(t.figures().expected()), 60));
        types.getColumns().add(column("dataflows.field.received", t -> i18n.formatNumber(t.figures().received()), 60));
        types.getColumns().add(column("dataflows.field.on_time", t -> i18n.formatNumber(t.figures().onTime()), 60));
        types.getColumns().add(column("dataflows.types.reporting_rate", t -> viewModel.rate(t.figures().completeness()), 60));
        types.getColumns().add(column("dataflows.types.on_time_rate", t -> viewModel.rate(t.figures().timeliness()), 60));
        types.getColumns().add(column("dataflows.column.observations", t -> i18n.formatNumber(t.figures().observations()), 60));
        types.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        types.getStyleClass().addAll("wrap-headers", "compact-cells");
        typeName.setMaxWidth(400);
        ma.essp.diag.app.ui.ColumnContent.fit(types);
        // every report type in sight (twelve in the demo) without a scroll bar of its own: the page scrolls
        ma.essp.diag.app.ui.TableRoom.atLeast(types, 5);
        types.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(viewModel.typeLines()).multiply(29).add(60));

        HBox charts = new HBox(8, levelChart, vfChart);
        HBox.setHgrow(levelChart, Priority.ALWAYS);
        HBox.setHgrow(vfChart, Priority.ALWAYS);

        Label chainCaption = new Label();
        chainCaption.textProperty().bind(viewModel.chainCaptionProperty());
        chainPane.setId("dataflowsChain");
        viewModel.chains().addListener((ListChangeListener<DataFlowsViewModel.ChainLine>) c -> drawChains());
        chainCaption.setWrapText(true);
        chainCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane chainScroll = new ScrollPane(new Group(chainPane));
        // the diagram is drawn left to right (ESSP → central) in every language; mirrored it would clip its labels
        chainScroll.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        // as high as its chains (the page scrolls, not the diagram); sideways when its levels are wider than the window
        chainScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chainScroll.minViewportHeightProperty().bind(chainPane.prefHeightProperty());
        chainScroll.prefViewportHeightProperty().bind(chainPane.prefHeightProperty());
        VBox chainBox = new VBox(4, chainCaption, legend(), chainScroll);

        // one page that scrolls (its scroll bar in sight): the drill-down table first, as high as its rows (ten to
        // sixteen; more scroll inside it), then the rates by report type, the two charts at a readable height and
        // the chains, none of them squeezed under the table on a laptop
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.clamp(viewModel.rows().size(), 10, 16) * 29.0 + 58, viewModel.rows()));
        VBox page = new VBox(6, new HBox(8, breadcrumb, loading), summary, band(), error, table, typesTitle, types, charts, chainBox);
        page.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.setId("dataflowsDashboardScroll");
        return scroll;
    }

    /** The mission's acceptable VF band, editable here (mission settings dataflows.vf_low / vf_high). */
    private Node band() {
        TextField low = field("bandLow", viewModel.bandLowProperty(), null);
        TextField high = field("bandHigh", viewModel.bandHighProperty(), null);
        low.setPrefColumnCount(5);
        high.setPrefColumnCount(5);
        Button apply = new Button(i18n.get("dataflows.band.apply"));
        apply.setId("bandApply");
        apply.setOnAction(e -> viewModel.saveBand());
        Label error = new Label();
        error.setId("bandError");
        error.setStyle("-fx-text-fill: #c62828");
        error.textProperty().bind(viewModel.bandErrorProperty());
        Label label = new Label(i18n.get("dataflows.band.label"));
        label.setLabelFor(low);
        HBox box = new HBox(6, label, low, new Label("–"), high, apply, error);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private NumberAxis percentAxis() {
        NumberAxis axis = new NumberAxis(0, 100, 20);
        axis.setAutoRanging(false);
        axis.setLabel("%");
        return axis;
    }

    private List<XYChart.Series<Number, String>> levelSeries() {
        XYChart.Series<Number, String> reporting = new XYChart.Series<>();
        reporting.setName(i18n.get("dataflows.column.reporting_rate"));
        XYChart.Series<Number, String> onTime = new XYChart.Series<>();
        onTime.setName(i18n.get("dataflows.column.on_time_rate"));
        for (DataFlowsViewModel.LevelBar b : viewModel.levelBars()) {
            String label = b.label() + " (n=" + i18n.formatNumber(b.figures().expected()) + ")";
            Double c = b.figures().completeness();
            Double t = b.figures().timeliness();
            reporting.getData().add(new XYChart.Data<>(c == null ? 0 : c * 100, label));
            onTime.getData().add(new XYChart.Data<>(t == null ? 0 : t * 100, label));
        }
        return List.of(reporting, onTime);
    }

    private void crumbs() {
        breadcrumb.getChildren().clear();
        List<DataFlowsViewModel.Crumb> path = viewModel.path();
        for (int i = 0; i < path.size(); i++) {
            int index = i;
            if (i > 0) {
                breadcrumb.getChildren().add(new Label(i18n.rightToLeft() ? "‹" : "›"));
            }
            if (i == path.size() - 1) {
                Label here = new Label(path.get(i).name());
                here.setStyle("-fx-font-weight: bold");
                breadcrumb.getChildren().add(here);
            } else {
                Hyperlink link = new Hyperlink(path.get(i).name());
                link.setOnAction(e -> viewModel.goTo(index));
                breadcrumb.getChildren().add(link);
            }
        }
    }

    private static Color colour(Double onTime) {
        if (onTime == null) {
            return Color.GRAY;
        }
        return onTime >= 0.8 ? Color.web("#2e7d32") : onTime >= 0.5 ? Color.web("#ef6c00") : Color.web("#c62828");
    }

    private Node legend() {
        FlowPane legend = new FlowPane(12, 4);
        legend.getChildren().addAll(swatch(Color.web("#2e7d32"), i18n.get("dataflows.legend.good")),
                swatch(Color.web("#ef6c00"), i18n.get("dataflows.legend.medium")),
                swatch(Color.web("#c62828"), i18n.get("dataflows.legend.poor")),
                swatch(Color.GRAY, i18n.get("dataflows.legend.unknown")),
                new Label("⌨ " + i18n.get("dataflows.legend.rekeyed")));
        return legend;
    }

    private static Node swatch(Color colour, String text) {
        Rectangle r = new Rectangle(14, 8, colour);
        HBox box = new HBox(4, r, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Levels as columns (schema order, those used), one row per report type, its links as coloured arrows. */
    private void drawChains() {
        chainPane.getChildren().clear();
        Set<String> used = new LinkedHashSet<>();
        for (String level : Vocabulary.FLOW_LEVEL.codes()) {
            boolean any = viewModel.chains().stream().anyMatch(c -> c.steps().stream()
                    .anyMatch(s -> s.link().row().fromLevel().equals(level) || s.link().row().toLevel().equals(level)));
            if (any) {
                used.add(level);
            }
        }
        List<String> columns = List.copyOf(used);
        double nameWidth = NAME_WIDTH;
        for (int c = 0; c < columns.size(); c++) {
            // a long level name ("المجموعة الصحية الترابية") wraps within its column instead of running into the next
            Text head = new Text(nameWidth + c * COLUMN_WIDTH, 14, i18n.code(Vocabulary.FLOW_LEVEL, columns.get(c)));
            head.setStyle("-fx-font-weight: bold");
            head.setWrappingWidth(COLUMN_WIDTH - 12);
            chainPane.getChildren().add(head);
        }
        int row = 0;
        for (DataFlowsViewModel.ChainLine line : viewModel.chains()) {
            double y = HEADER_HEIGHT + row * ROW_HEIGHT;
            String full = line.reportName();
            // the report's code and name on up to two lines (a longer name is cut, whole in its tooltip), then the steps
            Text name = new Text(0, y + 12, twoLines(full, nameWidth - 16));
            name.setFont(javafx.scene.text.Font.font(NAME_FONT));
            name.setStyle("-fx-font-size: " + NAME_FONT + "px");
            javafx.scene.control.Tooltip.install(name, new javafx.scene.control.Tooltip(full));
            Text steps = new Text(0, y + 12 + 2 * (NAME_FONT + 3) + 2, i18n.get("dataflows.chain.rekeying", i18n.formatNumber(line.rekeying()))
                    + (line.complete() ? "" : " · " + i18n.get("dataflows.chain.incomplete")));
            steps.setFill(Color.DIMGRAY);
            chainPane.getChildren().addAll(name, steps);
            for (String level : line.steps().stream().flatMap(s -> java.util.stream.Stream.of(s.link().row().fromLevel(),
                    s.link().row().toLevel())).distinct().toList()) {
                double x = nameWidth + columns.indexOf(level) * COLUMN_WIDTH;
                Rectangle box = new Rectangle(x, y, BOX_WIDTH - 30, 20);
                box.setFill(Color.web("#eceff1"));
                box.setStroke(Color.web("#90a4ae"));
                Text t = new Text(x + 4, y + 14, i18n.code(Vocabulary.FLOW_LEVEL, level));
                t.setStyle("-fx-font-size: 11px");
                // kept inside its box (the column's header gives the whole name)
                t.setClip(new Rectangle(x + 2, y, BOX_WIDTH - 34, 20));
                chainPane.getChildren().addAll(box, t);
            }
            for (DataFlowsViewModel.ChainStep s : line.steps()) {
                double x1 = nameWidth + columns.indexOf(s.link().row().fromLevel()) * COLUMN_WIDTH + BOX_WIDTH - 30;
                double x2 = nameWidth + columns.indexOf(s.link().row().toLevel()) * COLUMN_WIDTH;
                double ay = y + 10;
                Color colour = colour(s.onTime());
                Line shaft = new Line(x1, ay, x2 - 6, ay);
                shaft.setStroke(colour);
                shaft.setStrokeWidth(3);
                Polygon head = new Polygon(x2, ay, x2 - 8, ay - 5, x2 - 8, ay + 5);
                head.setFill(colour);
                Text tool = new Text(x1 + 2, ay + 22, (s.link().row().rekeyed() ? "⌨ " : "") + s.toolLabel()
                        + (s.onTime() == null ? "" : " · " + viewModel.rate(s.onTime())));
                tool.setStyle("-fx-font-size: 10px");
                tool.setFill(colour.darker());
                chainPane.getChildren().addAll(shaft, head, tool);
            }
            row++;
        }
        chainPane.setPrefSize(nameWidth + columns.size() * COLUMN_WIDTH, HEADER_HEIGHT + row * ROW_HEIGHT);
    }

    /**
     * {@code text} broken between words onto at most two lines of {@code width} px in the diagram's name font, the
     * second cut with "…" when the text is longer (a margin keeps the window's own font family inside the width).
     */
    static String twoLines(String text, double width) {
        Text measure = new Text();
        measure.setFont(javafx.scene.text.Font.font(NAME_FONT));
        double room = width * 0.9;
        java.util.function.ToDoubleFunction<String> w = t -> {
            measure.setText(t);
            return measure.getLayoutBounds().getWidth();
        };
        String[] words = text.split(" ");
        StringBuilder first = new StringBuilder();
        int i = 0;
        while (i < words.length && w.applyAsDouble(first + (first.isEmpty() ? "" : " ") + words[i]) <= room) {
            first.append(first.isEmpty() ? "" : " ").append(words[i++]);
        }
        if (first.isEmpty()) {
            return text;
        }
        if (i == words.length) {
            return first.toString();
        }
        String rest = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        if (w.applyAsDouble(rest) <= room) {
            return first + "\n" + rest;
        }
        while (rest.length() > 1 && w.applyAsDouble(rest + "…") > room) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return first + "\n" + rest.strip() + "…";
    }

    // ------------------------------------------------------------------ entry

    private Node observations() {
        ComboBox<DataFlowsViewModel.Link> link = new ComboBox<>(viewModel.links());
        link.setId("observationLink");
        link.setMaxWidth(Double.MAX_VALUE);
        link.valueProperty().bindBidirectional(viewModel.observationLinkProperty());
        GridPane form = form();
        row(form, 0, "dataflows.field.link", link, Field.LINK);
        row(form, 1, "dataflows.field.essp", field("observationEssp", viewModel.observationEsspProperty(), "dataflows.hint.essp"), Field.ESSP);
        row(form, 2, "dataflows.field.period", field("observationPeriod", viewModel.observationPeriodProperty(), "dataflows.hint.period"),
                Field.PERIOD);
        row(form, 3, "dataflows.field.expected", field("observationExpected", viewModel.observationExpectedProperty(), null), Field.EXPECTED);
        row(form, 4, "dataflows.field.received", field("observationReceived", viewModel.observationReceivedProperty(), null), Field.RECEIVED);
        row(form, 5, "dataflows.field.on_time", field("observationOnTime", viewModel.observationOnTimeProperty(), null), Field.ON_TIME);
        row(form, 6, "dataflows.field.delay", field("observationDelay", viewModel.observationDelayProperty(), null), Field.DELAY);
        Button save = new Button(i18n.get("dataflows.save"));
        save.setId("observationSave");
        save.setDefaultButton(true);
        save.setOnAction(e -> viewModel.saveObservation());
        form.add(new HBox(8, save, statusLabel()), 1, 7);

        TableView<DataFlowData.Observation> table = new TableView<>(viewModel.observations());
        table.setId("observationsTable");
        table.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        table.getColumns().add(column("dataflows.field.link", o -> viewModel.linkLabel(o.linkId()), 300));
        table.getColumns().add(column("dataflows.field.essp", o -> viewModel.esspCode(o.esspId()), 90));
        table.getColumns().add(column("dataflows.field.period", DataFlowData.Observation::period, 80));
        table.getColumns().add(column("dataflows.field.expected", o -> i18n.formatNumber(o.expected()), 70));
        table.getColumns().add(column("dataflows.field.received", o -> i18n.formatNumber(o.received()), 70));
        table.getColumns().add(column("dataflows.field.on_time", o -> o.onTime() == null ? "—" : i18n.formatNumber(o.onTime()), 70));
        fitted(table, 0, 380);
        return split("observationsSplit", form, table);
    }

    private Node recounts() {
        GridPane form = form();
        row(form, 0, "dataflows.field.essp", field("recountEssp", viewModel.recountEsspProperty(), "dataflows.hint.essp"), Field.ESSP);
        row(form, 1, "dataflows.field.indicator", field("recountIndicator", viewModel.recountIndicatorProperty(), "dataflows.hint.indicator"),
                Field.INDICATOR);
        row(form, 2, "dataflows.field.month", field("recountMonth", viewModel.recountMonthProperty(), "dataflows.hint.month"), Field.PERIOD);
        row(form, 3, "dataflows.field.recounted", field("recountRecounted", viewModel.recountRecountedProperty(), null), Field.RECOUNTED);
        row(form, 4, "dataflows.field.reported", field("recountReported", viewModel.recountReportedProperty(), null), Field.REPORTED);
        ComboBox<String> reason = new ComboBox<>();
        reason.getItems().add(null);
        reason.getItems().addAll(DataFlowRules.REASONS);
        reason.setConverter(converter(viewModel::reasonText));
        reason.valueProperty().bindBidirectional(viewModel.recountReasonProperty());
        row(form, 5, "dataflows.field.reason", reason, Field.REASON);
        Button save = new Button(i18n.get("dataflows.save"));
        save.setId("recountSave");
        save.setOnAction(e -> viewModel.saveRecount());
        form.add(new HBox(8, save, statusLabel()), 1, 6);

        TableView<DataFlowData.Recount> table = new TableView<>(viewModel.recounts());
        table.setId("recountsTable");
        table.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        table.getColumns().add(column("dataflows.field.essp", r -> viewModel.esspCode(r.esspId()), 90));
        table.getColumns().add(column("dataflows.field.indicator", DataFlowData.Recount::indicator, 100));
        table.getColumns().add(column("dataflows.field.month", DataFlowData.Recount::period, 80));
        table.getColumns().add(column("dataflows.field.recounted", r -> r.recounted() == null ? "—" : i18n.formatNumber(r.recounted()), 80));
        table.getColumns().add(column("dataflows.field.reported", r -> r.reported() == null ? "—" : i18n.formatNumber(r.reported()), 80));
        table.getColumns().add(column("dataflows.column.vf", r -> r.recounted() == null || r.reported() == null || r.reported() == 0
                ? viewModel.statusText(ma.essp.diag.reporting.dataflow.DataVerification.Status.NOT_COMPUTABLE) : viewModel.factor((double) r.recounted() / r.reported()), 110));
        table.getColumns().add(column("dataflows.field.reason", r -> viewModel.reasonText(r.reason()), 160));
        fitted(table, -1, 0);
        return split("recountsSplit", form, table);
    }

    /** The PRISM system checklist: the form, the scores of the current unit by level, its checklists. */
    @SuppressWarnings("unchecked")
    private Node checklists() {
        GridPane form = form();
        ComboBox<String> level = new ComboBox<>();
        level.setId("checklistLevel");
        level.getItems().addAll(Vocabulary.FLOW_LEVEL.codes());
        level.setConverter(converter(c -> c == null ? "" : i18n.code(Vocabulary.FLOW_LEVEL, c)));
        level.valueProperty().bindBidirectional(viewModel.checklistLevelProperty());
        row(form, 0, "dataflows.field.level", level, Field.LEVEL);
        level.setPrefWidth(180);
        TextField unit = field("checklistUnit", viewModel.checklistUnitProperty(), "dataflows.hint.checklist_unit");
        unit.disableProperty().bind(viewModel.checklistLevelProperty().isEqualTo("central"));
        row(form, 1, "dataflows.field.unit", unit, Field.UNIT);
        for (int i = 0; i < DataFlowData.Checklist.ITEMS.size(); i++) {
            ComboBox<Boolean> answer = new ComboBox<>();
            answer.setId("checklistItem" + i);
            answer.getItems().addAll(null, Boolean.TRUE, Boolean.FALSE);
            answer.setConverter(converter(viewModel::answerText));
            answer.valueProperty().bindBidirectional(viewModel.checklistItemProperty(i));
            row(form, 2 + i, itemKey(i), answer, i == 0 ? Field.ITEMS : null);
        }
        Button save = new Button(i18n.get("dataflows.save"));
        save.setId("checklistSave");
        save.setOnAction(e -> viewModel.saveChecklist());
        form.add(new HBox(8, save, statusLabel()), 1, 7);
        Label rubric = new Label(i18n.get("dataflows.checklist.rubric"));
        rubric.setId("checklistRubric");
        rubric.setWrapText(true);
        rubric.setPrefWidth(380);
        rubric.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(rubric, 0, 8, 3, 1);

        TableView<DataFlowsViewModel.LevelScore> scores = new TableView<>(viewModel.levelScores());
        scores.setId("checklistScores");
        scores.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        scores.getColumns().add(column("dataflows.field.level", DataFlowsViewModel.LevelScore::label, 150));
        scores.getColumns().add(column("dataflows.checklist.count", s -> i18n.formatNumber(s.figures().checklists()), 80));
        scores.getColumns().add(column("dataflows.checklist.observed", s -> i18n.formatNumber(s.figures().observed()), 90));
        scores.getColumns().add(column("dataflows.checklist.score", s -> viewModel.rate(s.figures().score()), 80));
        scores.getColumns().add(column("dataflows.checklist.rating", s -> viewModel.ratingText(s.figures().rating()), 150));
        scores.setPrefHeight(215); // seven levels and the total fit without a scroll bar on a laptop
        scores.setMinHeight(150);

        TableView<DataFlowData.Checklist> table = new TableView<>(viewModel.checklists());
        table.setId("checklistsTable");
        table.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        table.getColumns().add(column("dataflows.field.level", c -> i18n.code(Vocabulary.FLOW_LEVEL, c.level()), 110));
        table.getColumns().add(column("dataflows.field.unit", viewModel::checklistUnitText, 170));
        for (int i = 0; i < DataFlowData.Checklist.ITEMS.size(); i++) {
            int item = i;
            TableColumn<DataFlowData.Checklist, String> col = column(itemKey(i), c -> viewModel.answerText(c.answers().get(item)), 80);
            table.getColumns().add(col);
        }
        Button delete = new Button(i18n.get("dataflows.checklist.delete"));
        delete.setId("checklistDelete");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> viewModel.deleteChecklist(table.getSelectionModel().getSelectedItem()));
        fitted(scores, -1, 0);
        fitted(table, 1, 280);
        ((TableColumn<DataFlowData.Checklist, String>) table.getColumns().get(1)).setCellFactory(
                ma.essp.diag.app.ui.FullTextCell.factory(codeAtEnd()));
        VBox right = new VBox(6, scores, table, delete);
        VBox.setVgrow(table, Priority.ALWAYS);
        return split("checklistSplit", form, right);
    }

    /** In Arabic, a line whose code is at its end (a Latin name first) is cut at its start, so the code stays in sight. */
    private java.util.function.Predicate<String> codeAtEnd() {
        return text -> i18n.rightToLeft() && ma.essp.diag.app.ui.FullTextCell.ENDS_WITH_CODE.test(text);
    }

    private static String itemKey(int i) {
        return switch (i) {
            case 0 -> "dataflows.checklist.item.guidelines_available";
            case 1 -> "dataflows.checklist.item.tools_in_stock";
            case 2 -> "dataflows.checklist.item.trained_staff";
            case 3 -> "dataflows.checklist.item.feedback_received";
            default -> "dataflows.checklist.item.data_used_in_meetings";
        };
    }

    /** The report types: the list and the form (a new type, or the one chosen), with delete. */
    @SuppressWarnings("unchecked")
    private Node reportTypes() {
        TableView<DataFlowData.ReportType> table = new TableView<>(viewModel.reportTypes());
        table.setId("typesTable");
        table.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        table.getColumns().add(column("dataflows.field.code", DataFlowData.ReportType::code, 90));
        table.getColumns().add(column("dataflows.field.type_name", t -> t.name(i18n.locale().getLanguage()), 220));
        table.getColumns().add(column("dataflows.field.programme", DataFlowData.ReportType::programme, 110));
        table.getColumns().add(column("dataflows.field.periodicity", t -> i18n.code(Vocabulary.PERIODICITY, t.periodicity()), 100));
        table.getColumns().add(column("dataflows.field.tool", t -> i18n.code(Vocabulary.FLOW_TOOL, t.tool()), 100));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.editedTypeProperty().set(now);
            }
        });
        viewModel.editedTypeProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });

        GridPane form = form();
        Label which = new Label();
        which.textProperty().bind(viewModel.editedTypeProperty().map(viewModel::typeText).orElse(i18n.get("dataflows.type.new_title")));
        which.setWrapText(true);
        which.setMaxWidth(400);
        which.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(which, 0, 0, 3, 1);
        row(form, 1, "dataflows.field.code", field("typeCode", viewModel.typeCodeProperty(), null), Field.CODE);
        row(form, 2, "dataflows.field.name_fr", field("typeNameFr", viewModel.typeNameFrProperty(), null), Field.NAME);
        row(form, 3, "dataflows.field.name_en", field("typeNameEn", viewModel.typeNameEnProperty(), null), null);
        TextField nameAr = field("typeNameAr", viewModel.typeNameArProperty(), null);
        nameAr.setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        row(form, 4, "dataflows.field.name_ar", nameAr, null);
        row(form, 5, "dataflows.field.programme", field("typeProgramme", viewModel.typeProgrammeProperty(), "dataflows.hint.programme"),
                Field.PROGRAMME);
        ComboBox<String> periodicity = new ComboBox<>();
        periodicity.setId("typePeriodicity");
        periodicity.getItems().addAll(Vocabulary.PERIODICITY.codes());
        periodicity.setConverter(converter(c -> c == null ? "" : i18n.code(Vocabulary.PERIODICITY, c)));
        periodicity.valueProperty().bindBidirectional(viewModel.typePeriodicityProperty());
        row(form, 6, "dataflows.field.periodicity", periodicity, Field.PERIODICITY);
        ComboBox<String> tool = new ComboBox<>();
        tool.setId("typeTool");
        tool.getItems().addAll(Vocabulary.FLOW_TOOL.codes());
        tool.setConverter(converter(c -> c == null ? "" : i18n.code(Vocabulary.FLOW_TOOL, c)));
        tool.valueProperty().bindBidirectional(viewModel.typeToolProperty());
        row(form, 7, "dataflows.field.tool", tool, Field.TOOL);
        Button add = new Button(i18n.get("dataflows.type.new"));
        add.setId("typeNew");
        add.setOnAction(e -> viewModel.newReportType());
        Button save = new Button(i18n.get("dataflows.save"));
        save.setId("typeSave");
        save.setOnAction(e -> viewModel.saveReportType());
        Button delete = new Button(i18n.get("dataflows.delete"));
        delete.setId("typeDelete");
        delete.disableProperty().bind(viewModel.editedTypeProperty().isNull());
        delete.setOnAction(e -> viewModel.deleteReportType());
        for (Button b : List.of(add, save, delete)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        form.add(new HBox(8, add, save, delete), 0, 8, 3, 1);
        Label deleteError = new Label();
        deleteError.setStyle("-fx-text-fill: #c62828");
        deleteError.setWrapText(true);
        deleteError.textProperty().bind(viewModel.errorProperty(Field.REPORT_TYPE));
        form.add(new VBox(2, statusLabel(), deleteError), 1, 9, 2, 1);
        // the programme's name cut past 200 px too, whole in its tooltip
        TableColumn<DataFlowData.ReportType, String> programme = (TableColumn<DataFlowData.ReportType, String>) table.getColumns().get(2);
        programme.setMaxWidth(200);
        programme.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        fitted(table, 1, 280);
        return split("typesSplit", form, table);
    }

    private Node links() {
        TableView<DataFlowsViewModel.Link> table = new TableView<>(viewModel.links());
        table.setId("linksTable");
        table.setPlaceholder(new Label(i18n.get("dataflows.empty")));
        table.getColumns().add(column("dataflows.field.link", DataFlowsViewModel.Link::label, 330));
        table.getColumns().add(column("dataflows.field.channel", l -> i18n.code(Vocabulary.FLOW_CHANNEL, l.row().channel()), 110));
        table.getColumns().add(column("dataflows.field.deadline", l -> l.row().deadlineDays() == null ? "—" : i18n.formatNumber(l.row().deadlineDays()), 90));
        table.getColumns().add(column("dataflows.field.tool", l -> l.row().tool() == null ? "—" : i18n.code(Vocabulary.FLOW_TOOL, l.row().tool()), 100));
        table.getColumns().add(column("dataflows.field.rekeyed", l -> i18n.get(l.row().rekeyed() ? "dataflows.yes" : "dataflows.no"), 80));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.editedLinkProperty().set(now);
            }
        });

        GridPane form = form();
        Label which = new Label();
        which.textProperty().bind(viewModel.editedLinkProperty().map(DataFlowsViewModel.Link::label).orElse(i18n.get("dataflows.link.choose")));
        which.setWrapText(true);
        which.setMaxWidth(400);
        which.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(which, 0, 0, 3, 1);
        // what a link is (type, levels, place): chosen for a new link, shown for an existing one
        ComboBox<DataFlowData.ReportType> type = new ComboBox<>(viewModel.reportTypes());
        type.setId("newLinkType");
        type.setConverter(converter(viewModel::typeText));
        type.valueProperty().bindBidirectional(viewModel.newLinkTypeProperty());
        row(form, 1, "dataflows.field.report_type", type, Field.REPORT_TYPE);
        ComboBox<String> from = levelChoice("newLinkFrom");
        from.valueProperty().bindBidirectional(viewModel.newLinkFromProperty());
        row(form, 2, "dataflows.field.from_level", from, Field.FROM_LEVEL);
        ComboBox<String> to = levelChoice("newLinkTo");
        to.valueProperty().bindBidirectional(viewModel.newLinkToProperty());
        row(form, 3, "dataflows.field.to_level", to, Field.TO_LEVEL);
        ComboBox<DataFlowsViewModel.Scope> scope = new ComboBox<>(viewModel.scopes());
        scope.setId("newLinkScope");
        scope.setPromptText(i18n.get("dataflows.scope.national"));
        scope.valueProperty().bindBidirectional(viewModel.newLinkScopeProperty());
        row(form, 4, "dataflows.field.scope", scope, Field.SCOPE);
        type.setPrefWidth(230);
        scope.setPrefWidth(230);
        for (javafx.scene.control.Control c : List.of(type, from, to, scope)) {
            c.disableProperty().bind(viewModel.editedLinkProperty().isNotNull());
        }
        ComboBox<String> channel = new ComboBox<>();
        channel.setId("linkChannel");
        channel.getItems().addAll(Vocabulary.FLOW_CHANNEL.codes());
        channel.setConverter(converter(c -> c == null ? "" : i18n.code(Vocabulary.FLOW_CHANNEL, c)));
        channel.valueProperty().bindBidirectional(viewModel.linkChannelProperty());
        row(form, 5, "dataflows.field.channel", channel, Field.CHANNEL);
        row(form, 6, "dataflows.field.deadline", field("linkDeadline", viewModel.linkDeadlineProperty(), null), Field.DEADLINE);
        ComboBox<String> tool = new ComboBox<>();
        tool.setId("linkTool");
        tool.getItems().add(null);
        tool.getItems().addAll(Vocabulary.FLOW_TOOL.codes());
        tool.setConverter(converter(c -> c == null ? i18n.get("dataflows.tool.report") : i18n.code(Vocabulary.FLOW_TOOL, c)));
        tool.valueProperty().bindBidirectional(viewModel.linkToolProperty());
        row(form, 7, "dataflows.field.tool", tool, Field.TOOL);
        CheckBox rekeyed = new CheckBox(i18n.get("dataflows.field.rekeyed"));
        rekeyed.setId("linkRekeyed");
        rekeyed.selectedProperty().bindBidirectional(viewModel.linkRekeyedProperty());
        form.add(rekeyed, 1, 8);
        Button add = new Button(i18n.get("dataflows.link.new"));
        add.setId("linkNew");
        add.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            viewModel.editedLinkProperty().set(null);
        });
        Button save = new Button(i18n.get("dataflows.save"));
        save.setId("linkSave");
        save.setOnAction(e -> viewModel.saveLinkForm());
        Button delete = new Button(i18n.get("dataflows.delete"));
        delete.setId("linkDelete");
        delete.disableProperty().bind(viewModel.editedLinkProperty().isNull());
        delete.setOnAction(e -> viewModel.deleteLink());
        form.add(new HBox(8, add, save, delete), 0, 9, 3, 1);
        Label linkError = new Label();
        linkError.setStyle("-fx-text-fill: #c62828");
        linkError.setWrapText(true);
        linkError.textProperty().bind(viewModel.errorProperty(Field.LINK));
        form.add(new VBox(2, statusLabel(), linkError), 1, 10, 2, 1);
        viewModel.editedLinkProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        fitted(table, 0, 380);
        return split("linksSplit", form, table);
    }

    /**
     * An entry tab's table: each column as wide as its longest value (every value whole; the table scrolls sideways,
     * its scroll bar in sight, when the columns are wider than the room beside the form), the column {@code capped}
     * (a long label) at most {@code cap} px, cut past it and read whole in its cells' tooltips; -1: none capped.
     */
    @SuppressWarnings("unchecked")
    private static <S> void fitted(TableView<S> table, int capped, double cap) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add("compact-cells");
        if (capped >= 0) {
            TableColumn<S, String> column = (TableColumn<S, String>) table.getColumns().get(capped);
            column.setMaxWidth(cap);
            column.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        }
        ma.essp.diag.app.ui.ColumnContent.fit(table);
    }

    /**
     * The entry form beside its table (the form scrolls when it is taller than the window), so that the table keeps
     * the page's whole height; the divider is remembered per tab ({@code id}).
     */
    private Node split(String id, GridPane form, Node table) {
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setMinWidth(0);
        form.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        SplitPane split = new SplitPane(formScroll, table);
        split.setId(id);
        split.setDividerPositions(0.42);
        SplitPane.setResizableWithParent(formScroll, false);
        BorderPane box = new BorderPane(split);
        box.setPadding(new Insets(8));
        return box;
    }

    private ComboBox<String> levelChoice(String id) {
        ComboBox<String> level = new ComboBox<>();
        level.setId(id);
        level.getItems().addAll(Vocabulary.FLOW_LEVEL.codes());
        level.setConverter(converter(c -> c == null ? "" : i18n.code(Vocabulary.FLOW_LEVEL, c)));
        return level;
    }

    private GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.setPadding(new Insets(4));
        return form;
    }

    private void row(GridPane form, int row, String labelKey, javafx.scene.control.Control control, Field field) {
        Label label = new Label(i18n.get(labelKey));
        label.setLabelFor(control);
        // a long label wraps rather than widening the form past its half of a laptop screen
        label.setWrapText(true);
        label.setMaxWidth(170);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label error = new Label();
        error.getStyleClass().add("error-label");
        error.setStyle("-fx-text-fill: #c62828");
        if (field != null) {
            error.setId(field.name().toLowerCase(java.util.Locale.ROOT) + "Error");
            error.textProperty().bind(viewModel.errorProperty(field));
        }
        // (the link's list shows whole labels in its popup, wider than the field)
        control.setPrefWidth(row == 0 && control instanceof ComboBox ? 260 : 180);
        form.add(label, 0, row);
        form.add(control, 1, row);
        form.add(error, 2, row);
    }

    private TextField field(String id, StringProperty property, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        if (promptKey != null) {
            field.setPromptText(i18n.get(promptKey));
        }
        return field;
    }

    private Label statusLabel() {
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        return status;
    }

    private <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
