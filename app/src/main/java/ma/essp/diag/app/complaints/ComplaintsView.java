package ma.essp.diag.app.complaints;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.complaints.ComplaintEntryViewModel.Item;
import ma.essp.diag.app.complaints.ComplaintEntryViewModel.SampleLine;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.LocalizedControls;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.repository.ComplaintRepository.EsspRef;
import ma.essp.diag.database.rules.ComplaintSampleRules.Field;

/**
 * The "Réclamations" screen: entry (an ESSP's complaint-system checklist with its maturity score, and its anonymous
 * sampled complaints) and the dashboard (deadline figures drilled down from the regions to the ESSPs, deadline shares
 * by category). Built in code; every word from the bundle.
 */
public final class ComplaintsView implements FeatureScreen {

    private final ComplaintEntryViewModel entry;
    private final ComplaintDashboardViewModel dashboard;
    private final I18n i18n;
    private final TabPane root;
    private final TextField search = new TextField();
    private final ma.essp.diag.app.ui.UnsavedChangesGuard guard;
    /** True while the list's highlight is put back on the ESSP the forms show (the user cancelled the switch). */
    private boolean reverting;

    public ComplaintsView(ComplaintEntryViewModel entry, ComplaintDashboardViewModel dashboard, I18n i18n,
                          ma.essp.diag.app.ui.DialogService dialogs) {
        this.entry = entry;
        this.dashboard = dashboard;
        this.i18n = i18n;
        this.guard = new ma.essp.diag.app.ui.UnsavedChangesGuard(dialogs, () -> i18n);
        Tab entryTab = new Tab(i18n.get("complaints.tab.entry"), entryPane());
        entryTab.setId("complaintsEntryTab");
        Tab dashboardTab = new Tab(i18n.get("complaints.tab.dashboard"), dashboardPane());
        dashboardTab.setId("complaintsDashboardTab");
        root = new TabPane(entryTab, dashboardTab);
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setId("complaintsView");
        LocalizedControls.apply(root, i18n);
    }

    // ------------------------------------------------------------------ entry

    private Node entryPane() {
        search.setId("complaintsSearch");
        search.promptTextProperty().bind(entry.searchPromptProperty());
        search.textProperty().bindBidirectional(entry.searchProperty());
        ListView<EsspRef> list = new ListView<>(entry.essps());
        list.setId("complaintsEssps");
        // a long name wraps onto a second line within the list's width (no sideways scroll at 1366 px), whole in the tooltip
        list.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            /**
             * As high as its wrapped name at the list's width: the theme gives list cells a fixed height ({@code
             * -fx-cell-size: 3em}, two lines), which cut a name needing three.
             */
            @Override
            protected double computePrefHeight(double width) {
                double room = width - snappedLeftInset() - snappedRightInset();
                if (getText() == null || room <= 0) {
                    return super.computePrefHeight(width);
                }
                javafx.scene.text.Text text = new javafx.scene.text.Text(getText());
                text.setFont(getFont());
                text.setNodeOrientation(getEffectiveNodeOrientation()); // Arabic lines break as the cell breaks them
                text.setWrappingWidth(room);
                return Math.max(super.computePrefHeight(width),
                        Math.ceil(snappedTopInset() + text.getLayoutBounds().getHeight() + snappedBottomInset()) + 1);
            }

            @Override
            protected void updateItem(EsspRef item, boolean empty) {
                super.updateItem(item, empty);
                String label = empty || item == null ? null : entry.esspLabel(item);
                setText(label == null ? null : i18n.wrappable(label)); // Arabic: the marks JavaFX needs to wrap it
                setTooltip(label == null ? null : new javafx.scene.control.Tooltip(label));
            }
        });
        // another ESSP: unsaved ticks or a half-typed sample are saved, discarded or kept (Save / Discard / Cancel)
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (reverting || java.util.Objects.equals(now, entry.esspProperty().get())) {
                return;
            }
            guard.leave(entry.unsavedChanges(), () -> entry.esspProperty().set(now), () -> {
                reverting = true;
                javafx.application.Platform.runLater(() -> {
                    EsspRef shown = entry.esspProperty().get();
                    if (shown == null) {
                        list.getSelectionModel().clearSelection();
                    } else {
                        list.getSelectionModel().select(shown);
                    }
                    reverting = false;
                });
            });
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        // ESSPs, or the délégations' and GSTs' own systems (V23)
        ComboBox<ma.essp.diag.database.repository.ComplaintRepository.Holder> level = new ComboBox<>(
                FXCollections.observableArrayList(ma.essp.diag.database.repository.ComplaintRepository.Holder.values()));
        level.setId("complaintsLevel");
        level.setMaxWidth(Double.MAX_VALUE);
        level.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ma.essp.diag.database.repository.ComplaintRepository.Holder h) {
                return entry.levelLabel(h);
            }

            @Override
            public ma.essp.diag.database.repository.ComplaintRepository.Holder fromString(String s) {
                return null;
            }
        });
        level.valueProperty().bindBidirectional(entry.levelProperty());
        VBox left = new VBox(6, level, search, list);
        left.setPadding(new Insets(8));

        Label checklistTitle = heading("complaints.checklist.title");
        checklistTitle.setId("complaintsChecklistTitle");
        checklistTitle.textProperty().bind(entry.checklistTitleProperty());
        VBox right = new VBox(8, checklistTitle, checklist(), heading("complaints.samples.title"),
                sampleTable(), sampleForm());
        right.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.28);
        return split;
    }

    private Label heading(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("title-4");
        return l;
    }

    private Node checklist() {
        GridPane grid = new GridPane(16, 4);
        Item[] items = Item.values();
        for (int i = 0; i < items.length; i++) {
            CheckBox box = new CheckBox(i18n.get(itemKey(items[i])));
            box.setId("complaintsItem" + items[i].name());
            box.selectedProperty().bindBidirectional(entry.item(items[i]));
            box.disableProperty().bind(entry.esspProperty().isNull());
            grid.add(box, i % 2, i / 2);
        }
        TextField handledBy = new TextField();
        handledBy.setId("complaintsHandledBy");
        handledBy.textProperty().bindBidirectional(entry.handledByProperty());
        handledBy.disableProperty().bind(entry.esspProperty().isNull());
        HBox.setHgrow(handledBy, Priority.ALWAYS);
        HBox handler = new HBox(8, new Label(i18n.get("complaints.handledBy")), handledBy);
        Label maturity = new Label();
        maturity.setId("complaintsMaturity");
        maturity.textProperty().bind(entry.maturityProperty());
        maturity.setWrapText(true);
        Button save = new Button(i18n.get("complaints.action.saveChecklist"));
        save.setId("complaintsSaveChecklist");
        save.disableProperty().bind(entry.esspProperty().isNull());
        save.setOnAction(e -> entry.saveChecklist());
        Label rubric = new Label(i18n.get("complaints.rubric"));
        rubric.setWrapText(true);
        rubric.getStyleClass().add("text-muted");
        return new VBox(6, grid, handler, maturity, rubric, save);
    }

    private static String itemKey(Item item) {
        return switch (item) {
            case REGISTER -> "complaints.item.register";
            case BOX -> "complaints.item.box";
            case IN_PERSON -> "complaints.item.in_person";
            case PHONE -> "complaints.item.phone";
            case CHIKAYA_PORTAL -> "complaints.item.chikaya_portal";
            case PROCEDURE_DISPLAYED -> "complaints.item.procedure_displayed";
            case CHIKAYA_LINK_DISPLAYED -> "complaints.item.chikaya_link_displayed";
            case REGISTER_KEPT -> "complaints.item.register_kept";
            case FOCAL_PERSON -> "complaints.item.focal_person";
            case ESCALATION -> "complaints.item.escalation";
            case ANALYSED_FED_BACK -> "complaints.item.analysed_fed_back";
        };
    }

    private Node sampleTable() {
        TableView<SampleLine> table = new TableView<>(entry.samples());
        table.setId("complaintsSamples");
        // room for ten samples under the headers (the entry pane scrolls)
        table.setPrefHeight(340);
        table.setMinHeight(340);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("complaints.column.received", SampleLine::received));
        table.getColumns().add(column("complaints.column.channel", SampleLine::channel));
        table.getColumns().add(column("complaints.column.kind", SampleLine::kind));
        table.getColumns().add(column("complaints.column.category", SampleLine::category));
        table.getColumns().add(column("complaints.column.acknowledged", SampleLine::acknowledged));
        table.getColumns().add(column("complaints.column.closed", SampleLine::closed));
        table.getColumns().add(column("complaints.column.outcome", SampleLine::outcome));
        table.getColumns().add(column("complaints.column.flag", s -> s.flagged() ? i18n.get("complaints.flagged") : ""));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                entry.selectedSampleProperty().set(now);
            }
        });
        entry.selectedSampleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        return table;
    }

    private <R> TableColumn<R, String> column(String key, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private Node sampleForm() {
        GridPane form = new GridPane(10, 2);
        int row = 0;
        DatePicker received = date("complaintsReceived", entry.receivedProperty());
        row = field(form, row, "complaints.field.received", received, Field.RECEIVED);
        row = field(form, row, "complaints.field.channel", choice("complaintsChannel", entry.channels(), entry.channelProperty()), Field.CHANNEL);
        row = field(form, row, "complaints.field.kind", choice("complaintsKind", entry.kinds(), entry.kindProperty()), Field.KIND);
        row = field(form, row, "complaints.field.category", choice("complaintsCategory", entry.categories(), entry.categoryProperty()), Field.CATEGORY);
        row = field(form, row, "complaints.field.acknowledged", date("complaintsAcknowledged", entry.acknowledgedProperty()), Field.ACKNOWLEDGED);
        row = field(form, row, "complaints.field.closed", date("complaintsClosed", entry.closedProperty()), Field.CLOSED);
        row = field(form, row, "complaints.field.outcome", choice("complaintsOutcome", entry.outcomes(), entry.outcomeProperty()), Field.OUTCOME);
        TextArea notes = new TextArea();
        notes.setId("complaintsNotes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.setPromptText(i18n.get("complaints.notes.prompt"));
        notes.textProperty().bindBidirectional(entry.notesProperty());
        Label warning = message("complaintsNotesWarning");
        warning.textProperty().bind(entry.notesWarningProperty());
        form.add(new Label(i18n.get("complaints.field.notes")), 0, row);
        form.add(new VBox(2, notes, warning), 1, row);

        Button add = new Button(i18n.get("complaints.action.new"));
        add.setId("complaintsNew");
        add.setOnAction(e -> entry.newSample());
        Button save = new Button(i18n.get("complaints.action.saveSample"));
        save.setId("complaintsSaveSample");
        save.setDefaultButton(false);
        save.disableProperty().bind(entry.samplesAllowedProperty().not());
        save.setOnAction(e -> entry.saveSample());
        Button delete = new Button(i18n.get("complaints.action.delete"));
        delete.setId("complaintsDelete");
        delete.disableProperty().bind(entry.selectedSampleProperty().isNull());
        delete.setOnAction(e -> entry.deleteSample());
        Label status = new Label();
        status.setId("complaintsStatus");
        status.textProperty().bind(entry.statusProperty());
        status.setWrapText(true);
        return new VBox(6, form, new HBox(8, add, save, delete), status);
    }

    private DatePicker date(String id, javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(i18n.get("complaints.date.prompt"));
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private ComboBox<FilterChoice> choice(String id, java.util.List<FilterChoice> choices,
                                          javafx.beans.property.ObjectProperty<FilterChoice> value) {
        ComboBox<FilterChoice> box = new ComboBox<>(FXCollections.observableArrayList(choices));
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private int field(GridPane form, int row, String key, Node control, Field field) {
        Label error = message("complaintsError" + field.name());
        error.textProperty().bind(entry.errorProperty(field));
        form.add(new Label(i18n.get(key)), 0, row);
        form.add(new VBox(2, control, error), 1, row);
        return row + 1;
    }

    /** A message line that takes no room while empty, in the danger colour. */
    private static Label message(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("danger");
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    // ------------------------------------------------------------------ dashboard

    private Node dashboardPane() {
        Button up = new Button(i18n.get("complaints.dashboard.up"));
        up.setId("complaintsUp");
        up.disableProperty().bind(dashboard.canGoUpProperty().not());
        up.setOnAction(e -> dashboard.up());
        Label title = new Label();
        title.setId("complaintsDashboardTitle");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(dashboard.titleProperty());
        Label summary = new Label();
        summary.setId("complaintsDashboardSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(dashboard.summaryProperty());
        Label error = message("complaintsDashboardError");
        error.textProperty().bind(dashboard.errorProperty());
        Label hint = new Label(i18n.get("complaints.dashboard.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);

        TableView<ComplaintDashboardViewModel.Line> table = new TableView<>(dashboard.lines());
        table.setId("complaintsUnits");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // every column in view at 1366 px, in Arabic too: the headers wrap onto two lines (their whole text) instead of
        // widening their columns past the table, and every figure with its n ("45 % (n = 361)") keeps its whole value
        // (compact cells: narrower padding, a slightly smaller font)
        table.getStyleClass().addAll("wrap-headers", "compact-cells");
        TableColumn<ComplaintDashboardViewModel.Line, String> unit = column("complaints.column.unit", ComplaintDashboardViewModel.Line::name);
        unit.setPrefWidth(190); // a region's whole name at 1366 ("Tanger-Tétouan-Al Hoceima")
        // never squeezed below a region's whole name, Arabic included ("طنجة-تطوان-الحسيمة", "العيون-الساقية الحمراء")
        unit.setMinWidth(190);
        table.getColumns().add(unit);
        table.getColumns().add(figure(column("complaints.column.essps", ComplaintDashboardViewModel.Line::essps), 88, 88));
        table.getColumns().add(figure(column("complaints.column.maturity", ComplaintDashboardViewModel.Line::maturity), 84, 84));
        // the délégation's / GST's own system (V23), when the table lists provinces or regions
        TableColumn<ComplaintDashboardViewModel.Line, String> own = figure(column("complaints.column.own",
                ComplaintDashboardViewModel.Line::own), 108, 108); // "Délég./GST" whole, on one line
        own.visibleProperty().bind(dashboard.ownShownProperty());
        table.getColumns().add(own);
        table.getColumns().add(figure(column("complaints.column.samples", ComplaintDashboardViewModel.Line::samples), 118, 118)); // "Réclamations" whole, on one line
        table.getColumns().add(figure(column("complaints.column.ackInTime", ComplaintDashboardViewModel.Line::acknowledged), 110, 110));
        table.getColumns().add(figure(column("complaints.column.answeredInTime", ComplaintDashboardViewModel.Line::answered), 110, 110));
        table.getColumns().add(figure(column("complaints.column.late", ComplaintDashboardViewModel.Line::late), 110, 110));
        table.getColumns().add(figure(column("complaints.column.medianClose", ComplaintDashboardViewModel.Line::medianClose), 110, 110));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<ComplaintDashboardViewModel.Line>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    dashboard.drill(row.getItem());
                }
            });
            return row;
        });

        // horizontal bars: the category names read on the vertical axis
        NumberAxis x = new NumberAxis(0, 100, 20);
        x.setLabel("%");
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId("complaintsChart");
        chart.setTitle(i18n.get("complaints.chart.title"));
        chart.setAnimated(false);
        // every category keeps its label (the axis hides a label that would overlap its neighbour): a smaller tick
        // font and room for ten categories under the table's six rows at 1366 × 768
        y.setStyle("-fx-tick-label-font-size: 10px; -fx-tick-label-gap: 3; -fx-tick-length: 3;");
        chart.setMinHeight(330);
        chart.setPrefHeight(330);
        chart.setCategoryGap(3);
        chart.setBarGap(0);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        Runnable fill = () -> {
            XYChart.Series<Number, String> ack = new XYChart.Series<>();
            ack.setName(i18n.get("complaints.column.ackInTime"));
            XYChart.Series<Number, String> answered = new XYChart.Series<>();
            answered.setName(i18n.get("complaints.column.answeredInTime"));
            for (ComplaintDashboardViewModel.CategoryBar b : dashboard.categories()) {
                ack.getData().add(new XYChart.Data<>(b.acknowledged() == null ? 0 : b.acknowledged(), b.category()));
                answered.getData().add(new XYChart.Data<>(b.answered() == null ? 0 : b.answered(), b.category()));
            }
            chart.getData().setAll(java.util.List.of(ack, answered));
        };
        dashboard.categories().addListener((ListChangeListener<ComplaintDashboardViewModel.CategoryBar>) c -> fill.run());
        fill.run();

        HBox top = new HBox(10, up, title);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the table (room for its twelve regions) then the chart under it, every category labelled: the pane scrolls
        // on a laptop rather than squeezing either of them
        table.setMinHeight(220);
        table.setPrefHeight(340);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, top, summary, deadlines(), error, hint, table, chart);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("complaintsDashboardScroll");
        return scroll;
    }

    /** A figure column of the dashboard: its minimum width keeps its whole value, its header wraps. */
    private static <R> TableColumn<R, String> figure(TableColumn<R, String> column, double min, double pref) {
        column.setMinWidth(min);
        column.setPrefWidth(pref);
        return column;
    }

    /** The complaint deadlines of the mission (settings), editable here: acknowledgement and answer, in days. */
    private Node deadlines() {
        TextField ack = new TextField();
        ack.setId("complaintsAcknowledgeDays");
        ack.setPrefColumnCount(4);
        ack.textProperty().bindBidirectional(dashboard.acknowledgeDaysProperty());
        TextField response = new TextField();
        response.setId("complaintsResponseDays");
        response.setPrefColumnCount(4);
        response.textProperty().bindBidirectional(dashboard.responseDaysProperty());
        Button apply = new Button(i18n.get("complaints.deadlines.apply"));
        apply.setId("complaintsDeadlinesApply");
        apply.setOnAction(e -> dashboard.saveDeadlines());
        Label error = message("complaintsDeadlinesError");
        error.textProperty().bind(dashboard.deadlinesErrorProperty());
        Label status = new Label();
        status.textProperty().bind(dashboard.deadlinesStatusProperty());
        Label ackLabel = new Label(i18n.get("complaints.deadlines.acknowledge"));
        ackLabel.setLabelFor(ack);
        Label responseLabel = new Label(i18n.get("complaints.deadlines.response"));
        responseLabel.setLabelFor(response);
        HBox box = new HBox(6, ackLabel, ack, responseLabel, response, apply, error, status);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setVisible(dashboard.editable());
        box.setManaged(dashboard.editable());
        return box;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return entry.unsavedChanges();
    }

    @Override
    public EditHistory editHistory() {
        return entry.history();
    }

    @Override
    public Node searchField() {
        return search;
    }
}
