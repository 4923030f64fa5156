package ma.essp.diag.app.training;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.training.TrainingViewModel.AttendanceRow;
import ma.essp.diag.app.training.TrainingViewModel.CandidateRow;
import ma.essp.diag.app.training.TrainingViewModel.CostRow;
import ma.essp.diag.app.training.TrainingViewModel.SessionRow;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ColumnContent;
import ma.essp.diag.app.ui.FormParts;
import ma.essp.diag.app.ui.map.MapCanvas;
import ma.essp.diag.app.ui.LocalizedControls;
import ma.essp.diag.app.ui.UnsavedChanges;

/**
 * The Formation screen, built in code: the cohort chooser and its figures above four tabs (sessions with clashes,
 * participants from the staff records, the attendance grid, the costs), each bound to {@link TrainingViewModel}.
 */
public final class TrainingView implements FeatureScreen {

    /**
     * The needs list's unit column at most: a national unit's whole name ("Circonscription sanitaire urbaine
     * Aïn-Sebaâ-Hay Mohammadi", about 400 px) would push the list's last columns out of view at 1366 px beside the map.
     */
    private static final double UNIT_CAP = 140;

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<AttendanceRow> grid = new TableView<>();
    private final TextField searchField = new TextField();
    private final TrainingPlanEditingView editing;

    public TrainingView(TrainingViewModel vm, TrainingOutcomesViewModel outcomes, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.editing = new TrainingPlanEditingView(vm.editing(), i18n);
        root.setId("trainingView");
        root.setNodeOrientation(i18n.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        ComboBox<FilterChoice> cohortBox = new ComboBox<>(vm.cohorts());
        cohortBox.setId("trainingCohort");
        cohortBox.valueProperty().bindBidirectional(vm.cohortProperty());
        cohortBox.setPrefWidth(420);
        Label summary = FormParts.wrapping(vm.summaryProperty().getValue());
        summary.setId("trainingSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Label loadError = FormParts.errorLabel();
        loadError.textProperty().bind(vm.loadErrorProperty());
        HBox chooser = new HBox(8, new Label(i18n.get("training.cohort")), cohortBox);
        chooser.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(6, chooser, summary, loadError);
        top.setPadding(new Insets(8));
        TabPane tabs = new TabPane(tab("training.tab.attendance", attendanceTab()), tab("training.tab.cohort", cohortTab()),
                tab("training.tab.sessions", sessionsTab()),
                tab("training.tab.participants", participantsTab()), tab("training.tab.needs", needsTab()),
                tab("training.tab.costs", costsTab()),
                tab("training.tab.calendar", calendarTab()));
        // evaluation (Kirkpatrick) and collective projects: their own view model, following the chosen cohort
        TrainingOutcomesTabs outcomeTabs = new TrainingOutcomesTabs(outcomes, i18n);
        Tab evaluation = tab("training.tab.evaluation", outcomeTabs.evaluationTab());
        Tab projects = tab("training.tab.projects", outcomeTabs.projectsTab());
        // before the calendar, which stays last (LaptopLayoutUiTest reaches its nested agenda tab by ending there)
        tabs.getTabs().addAll(tabs.getTabs().size() - 1, java.util.List.of(evaluation, projects,
                tab("training.tab.scenario", new TrainingScenarioView(vm.scenario(), i18n).tab())));
        vm.cohortProperty().addListener((obs, old, now) -> outcomes.showCohort(now == null ? null : Integer.valueOf(now.value())));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == evaluation || now == projects) {
                outcomes.reload(); // participants or sessions added in the other tabs
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(top);
        root.setCenter(tabs);
        LocalizedControls.apply(root, i18n);
    }

    private Tab tab(String key, Node content) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(key.replace('.', '-'));
        return t;
    }

    // ------------------------------------------------------------------ attendance grid

    private Node attendanceTab() {
        grid.setId("attendanceGrid");
        grid.setEditable(true);
        grid.setItems(vm.attendance());
        ColumnContent.headingsWrapBetweenWords(grid);
        rebuildGridColumns();
        vm.sessions().addListener((ListChangeListener<SessionRow>) c -> rebuildGridColumns());
        Label message = FormParts.errorLabel();
        message.setId("attendanceMessage");
        message.textProperty().bind(vm.attendanceMessageProperty());
        Label hint = FormParts.wrapping(i18n.get("training.attendance.hint"));
        VBox box = new VBox(6, hint, grid, message, editing.removeParticipant(grid));
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void rebuildGridColumns() {
        grid.getColumns().clear();
        // narrow enough that six seminars and the totals fit a 1366 px laptop (LaptopLayoutUiTest); more scroll sideways
        grid.getColumns().add(FormParts.textColumn(i18n, "training.attendance.participant", AttendanceRow::name, 170));
        for (int i = 0; i < vm.sessions().size(); i++) {
            int index = i;
            SessionRow s = vm.sessions().get(i);
            TableColumn<AttendanceRow, String> c = new TableColumn<>();
            // number and first day on two lines: the column stays narrow without cutting its heading (the header's own
            // text: a graphic Label in it was given the width of its first line only); title, dates and hours are on the
            // Séances tab
            c.setText(s.heading().replace(" · ", "\n"));
            c.setId("session-" + index);
            c.setMinWidth(72); // never narrower than its heading "1 / 18/01"
            c.setPrefWidth(80);
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().hours().get(index)));
            c.setCellFactory(TextFieldTableCell.forTableColumn());
            c.setEditable(true);
            c.setOnEditCommit(e -> vm.setHours(e.getRowValue(), index, e.getNewValue()));
            grid.getColumns().add(c);
        }
        grid.getColumns().add(FormParts.textColumn(i18n, "training.attendance.total", AttendanceRow::total, 86));
        grid.getColumns().add(FormParts.textColumn(i18n, "training.attendance.required", AttendanceRow::required, 86));
        TableColumn<AttendanceRow, String> completion = FormParts.textColumn(i18n, "training.attendance.completion", AttendanceRow::completion, 86);
        completion.setId("completionColumn");
        grid.getColumns().add(completion);
        grid.getColumns().add(FormParts.textColumn(i18n, "training.attendance.completed", r -> r.completed()
                ? i18n.get("training.attendance.completed.yes") : i18n.get("training.attendance.completed.no"), 86));
        // the totals keep their two-line headings ("Total attended") when the grid is squeezed at 1366 px
        grid.getColumns().subList(grid.getColumns().size() - 4, grid.getColumns().size()).forEach(c -> c.setMinWidth(84));
    }

    // ------------------------------------------------------------------ sessions

    private Node sessionsTab() {
        TableView<SessionRow> table = new TableView<>(vm.sessions());
        table.setId("sessionTable");
        table.getColumns().add(FormParts.textColumn(i18n, "training.session.title", SessionRow::title, 300));
        table.getColumns().add(FormParts.textColumn(i18n, "training.session.dates", SessionRow::dates, 170));
        table.getColumns().add(FormParts.textColumn(i18n, "training.session.hours", SessionRow::hours, 70));
        table.getColumns().add(FormParts.textColumn(i18n, "training.session.place", SessionRow::place, 140));
        table.getColumns().add(FormParts.textColumn(i18n, "training.session.trainers", SessionRow::trainers, 200));
        table.getColumns().add(FormParts.textColumn(i18n, "training.session.clashes", SessionRow::clashes, 300));
        TextField title = FormParts.field(i18n, "training.session.title", 220, vm.sessionTitleProperty());
        TextField start = FormParts.field(i18n, "training.session.start", 100, vm.sessionStartProperty());
        TextField end = FormParts.field(i18n, "training.session.end", 100, vm.sessionEndProperty());
        TextField hours = FormParts.field(i18n, "training.session.hours", 70, vm.sessionHoursProperty());
        TextField place = FormParts.field(i18n, "training.session.place", 140, vm.sessionPlaceProperty());
        TextField trainers = FormParts.field(i18n, "training.session.trainers", 180, vm.sessionTrainersProperty());
        title.setId("sessionTitle");
        Button add = new Button(i18n.get("training.session.add"));
        add.setId("addSession");
        add.setOnAction(e -> vm.addSession());
        Label message = FormParts.errorLabel();
        message.setId("sessionMessage");
        message.textProperty().bind(vm.sessionMessageProperty());
        FlowPane form = new FlowPane(6, 6, title, start, end, hours, place, trainers, add);
        VBox box = new VBox(6, table, editing.sessionEditor(table), form, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ the cohort itself

    private Node cohortTab() {
        Node balance = editing.balance();
        VBox box = new VBox(6, editing.cohortForm(), balance);
        VBox.setVgrow(balance, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ participants

    private Node participantsTab() {
        searchField.setId("staffSearch");
        searchField.setPromptText(i18n.get("training.participants.search"));
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        searchField.setOnAction(e -> vm.searchCandidates());
        Button find = new Button(i18n.get("training.participants.find"));
        find.setOnAction(e -> vm.searchCandidates());
        TableView<CandidateRow> table = new TableView<>(vm.candidates());
        table.setId("candidateTable");
        table.getColumns().add(FormParts.textColumn(i18n, "training.participants.name", r -> r.candidate().holderName(), 200));
        table.getColumns().add(FormParts.textColumn(i18n, "training.participants.job", r -> r.candidate().jobTitle() == null ? "" : r.candidate().jobTitle(), 180));
        table.getColumns().add(FormParts.textColumn(i18n, "training.participants.cadre", CandidateRow::cadre, 160));
        table.getColumns().add(FormParts.textColumn(i18n, "training.participants.place", CandidateRow::place, 220));
        table.getColumns().add(FormParts.textColumn(i18n, "training.participants.eligible", CandidateRow::eligible, 160));
        Button add = new Button(i18n.get("training.participants.add"));
        add.setId("addParticipant");
        add.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> vm.addParticipant(table.getSelectionModel().getSelectedItem()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.addParticipant(table.getSelectionModel().getSelectedItem());
            }
        });
        Label message = FormParts.errorLabel();
        message.setId("participantMessage");
        message.textProperty().bind(vm.participantMessageProperty());
        HBox bar = new HBox(6, searchField, find, add);
        HBox.setHgrow(searchField, Priority.ALWAYS);
        VBox box = new VBox(6, bar, table, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ needs from the diagnostic

    private Node needsTab() {
        TrainingNeedsMapViewModel map = vm.needsMap();
        javafx.collections.transformation.FilteredList<TrainingViewModel.NeedRow> shown = new javafx.collections.transformation.FilteredList<>(vm.needs());
        map.selectedProvincesProperty().addListener((obs, old, now) -> shown.setPredicate(now == null ? null
                : row -> row.unit().provinceId() != null && now.contains(row.unit().provinceId())));
        TableView<TrainingViewModel.NeedRow> table = new TableView<>(shown);
        table.setId("needsTable");
        TableColumn<TrainingViewModel.NeedRow, String> unitColumn = FormParts.textColumn(i18n, "training.needs.unit",
                TrainingViewModel.NeedRow::unitName, 60);
        unitColumn.setId("needsUnitColumn");
        TableColumn<TrainingViewModel.NeedRow, String> functions = FormParts.textColumn(i18n, "training.needs.functions",
                TrainingViewModel.NeedRow::functions, 60);
        TableColumn<TrainingViewModel.NeedRow, String> person = FormParts.textColumn(i18n, "training.needs.person",
                TrainingViewModel.NeedRow::person, 60);
        TableColumn<TrainingViewModel.NeedRow, String> received = FormParts.textColumn(i18n, "training.needs.received",
                TrainingViewModel.NeedRow::received, 60);
        TableColumn<TrainingViewModel.NeedRow, String> course = FormParts.textColumn(i18n, "training.needs.course",
                TrainingViewModel.NeedRow::course, 40);
        List<TableColumn<TrainingViewModel.NeedRow, String>> columns = List.of(unitColumn, functions, person, received, course,
                FormParts.textColumn(i18n, "training.needs.status", TrainingViewModel.NeedRow::status, 40));
        // every column in view at 1366 px beside the map: each as wide as its longest value (ColumnContent), the long
        // ones at most their cap and read whole in the cell's tooltip past it; the headings wrap between words. The
        // unit's name is cut at its start: its telling part comes last ("…rurale Beni Draraert")
        unitColumn.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory(text -> true));
        columns.stream().skip(1).forEach(c -> c.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory()));
        unitColumn.setMaxWidth(UNIT_CAP);
        functions.setMaxWidth(135);
        person.setMaxWidth(145);
        course.setMaxWidth(80); // a course's code ("PSP"), its heading on two lines
        received.setMaxWidth(115); // its heading's longest word whole ("Formations")
        table.getColumns().addAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ma.essp.diag.app.ui.ColumnContent.headingsWrapBetweenWords(table); // past the caps where a heading needs it
        ma.essp.diag.app.ui.ColumnContent.fit(table);
        Button accept = new Button(i18n.get("training.needs.accept"));
        accept.setId("acceptProposal");
        accept.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        accept.setOnAction(e -> vm.acceptProposal(table.getSelectionModel().getSelectedItem()));
        Label message = FormParts.errorLabel();
        message.setId("needsMessage");
        message.textProperty().bind(vm.needsMessageProperty());
        Label hint = FormParts.wrapping(i18n.get("training.needs.hint"));
        Label selection = FormParts.wrapping("");
        selection.setId("needsSelection");
        selection.textProperty().bind(map.selectionProperty());
        VBox list = new VBox(6, hint, selection, table, new HBox(6, accept), message);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox box = new HBox(12, needsMap(map), list);
        HBox.setHgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * The needs map beside the list: the map screen's canvas (outlines, zoom, tooltips) coloured by the share of
     * assessed circonscriptions lacking a function, its legend, and a click keeping the list to a province.
     */
    private Node needsMap(TrainingNeedsMapViewModel map) {
        MapCanvas canvas = new MapCanvas();
        canvas.setId("needsMap");
        canvas.setPrefSize(330, 360);
        canvas.setMinSize(220, 220);
        Runnable outlines = () -> {
            if (map.outlinesProperty().get() != null) {
                canvas.setOutlines(map.outlinesProperty().get().provinces(), map.outlinesProperty().get().regions());
            }
        };
        map.outlinesProperty().addListener((obs, old, now) -> {
            if (old != now) {
                outlines.run();
            }
        });
        outlines.run();
        canvas.setFills(map.fillsProperty().get());
        map.fillsProperty().addListener((obs, old, now) -> canvas.setFills(now));
        canvas.setDescription(map::describe);
        canvas.setOnProvinceClicked(map::select);
        map.selectedIsoProperty().addListener((obs, old, now) -> canvas.setSelected(now));
        Label title = FormParts.wrapping(i18n.get("training.needsMap.title"));
        title.setStyle("-fx-font-weight: bold;");
        title.setMaxWidth(330);
        VBox legend = new VBox(3);
        legend.setId("needsMapLegend");
        Runnable fill = () -> legend.getChildren().setAll(map.legend().stream().map(e -> {
            javafx.scene.layout.Region swatch = new javafx.scene.layout.Region();
            swatch.setMinSize(14, 14);
            swatch.setMaxSize(14, 14);
            swatch.setStyle("-fx-background-color: " + e.colour().hex() + "; -fx-border-color: -color-border-default;");
            Label text = FormParts.wrapping(e.text());
            text.setMaxWidth(300);
            HBox line = new HBox(6, swatch, text);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return (Node) line;
        }).toList());
        map.legend().addListener((ListChangeListener<TrainingNeedsMapViewModel.LegendEntry>) c -> fill.run());
        fill.run();
        Label credit = FormParts.wrapping(ma.essp.diag.database.geo.MapOutlines.CREDIT);
        credit.setStyle("-fx-font-size: 0.8em;");
        credit.setMaxWidth(330);
        VBox box = new VBox(6, title, canvas, legend, credit);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        box.setMinWidth(240);
        box.setPrefWidth(340);
        box.setMaxWidth(340);
        return box;
    }

    // ------------------------------------------------------------------ costs

    private Node costsTab() {
        TableView<CostRow> table = new TableView<>(vm.costs());
        table.setId("costTable");
        // widths that keep every column, the experts' origin included, inside a 1366 px laptop's window: the headings
        // wrap between words ("Ligne de / financement") rather than widen their columns
        ColumnContent.headingsWrapBetweenWords(table);
        table.getColumns().add(FormParts.textColumn(i18n, "training.cost.item", CostRow::item, 140));
        table.getColumns().add(FormParts.textColumn(i18n, "training.cost.unit", CostRow::unit, 150));
        table.getColumns().add(originColumn());
        table.getColumns().add(FormParts.textColumn(i18n, "training.cost.unitCost", CostRow::unitCost, 100));
        table.getColumns().add(FormParts.textColumn(i18n, "training.cost.units", CostRow::units, 65));
        table.getColumns().add(FormParts.textColumn(i18n, "training.cost.amount", CostRow::amount, 120));
        table.getColumns().add(FormParts.textColumn(i18n, "training.cost.kind", CostRow::kind, 90));
        TableColumn<CostRow, String> fundingColumn = FormParts.textColumn(i18n, "training.cost.funding", CostRow::fundingLine, 150);
        // a long funding line ("Ministère de la Santé et de la Protection sociale") is cut at 1366 px: whole in its tooltip
        fundingColumn.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        table.getColumns().add(fundingColumn);
        ComboBox<FilterChoice> item = new ComboBox<>();
        item.getItems().setAll(vm.itemChoices());
        item.setPromptText(i18n.get("training.cost.item"));
        item.setPrefWidth(130);
        item.valueProperty().bindBidirectional(vm.costItemProperty());
        ComboBox<FilterChoice> unit = new ComboBox<>();
        unit.getItems().setAll(vm.unitChoices());
        unit.setPromptText(i18n.get("training.cost.unit"));
        unit.setPrefWidth(160);
        unit.valueProperty().bindBidirectional(vm.costUnitProperty());
        TextField unitCost = FormParts.field(i18n, "training.cost.unitCost", 125, vm.costUnitCostProperty());
        TextField units = FormParts.field(i18n, "training.cost.units", 76, vm.costUnitsProperty()); // "الوحدات" whole
        ComboBox<FilterChoice> kind = new ComboBox<>();
        kind.getItems().setAll(vm.kindChoices());
        kind.valueProperty().bindBidirectional(vm.costKindProperty());
        TextField funding = FormParts.field(i18n, "training.cost.funding", 185, vm.costFundingProperty());
        ComboBox<FilterChoice> origin = new ComboBox<>();
        origin.setPrefWidth(215); // its prompt whole ("Origine des experts"); the add button goes to a second line at 1366 px
        origin.setId("costOrigin");
        origin.getItems().setAll(vm.originChoices());
        origin.setPromptText(i18n.get("training.cost.origin"));
        origin.valueProperty().bindBidirectional(vm.costOriginProperty());
        // only an expert-day line says whose experts it pays
        origin.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> unit.getValue() == null || !"expert_day".equals(unit.getValue().value()), unit.valueProperty()));
        Button add = new Button(i18n.get("training.cost.add"));
        add.setId("addCost");
        add.setOnAction(e -> vm.addCostLine());
        Label totals = FormParts.wrapping("");
        totals.setId("costTotals");
        totals.textProperty().bind(vm.costTotalsProperty());
        Label message = FormParts.errorLabel();
        message.setId("costMessage");
        message.textProperty().bind(vm.costMessageProperty());
        Label experts = FormParts.wrapping("");
        experts.setId("costExperts");
        experts.textProperty().bind(vm.costExpertsProperty());
        FlowPane form = new FlowPane(6, 6, item, unit, origin, unitCost, units, kind, funding, add);
        VBox box = new VBox(6, totals, experts, table, form, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * The experts' origin of each line: on an expert-day line a choice (Moroccan, European; "not stated" shown for a
     * line written before V28) written as soon as it is picked; blank on the other units.
     */
    private TableColumn<CostRow, CostRow> originColumn() {
        TableColumn<CostRow, CostRow> c = new TableColumn<>(i18n.get("training.cost.origin"));
        c.setId("costOriginColumn");
        c.setPrefWidth(185);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final ComboBox<FilterChoice> choice = new ComboBox<>();

            {
                choice.getItems().setAll(vm.originChoices());
                choice.setMaxWidth(Double.MAX_VALUE);
                choice.setOnAction(e -> {
                    CostRow row = getItem();
                    FilterChoice picked = choice.getValue();
                    if (row != null && picked != null && !picked.value().equals(row.originCode())) {
                        vm.setCostOrigin(row.id(), picked.value());
                    }
                });
            }

            @Override
            protected void updateItem(CostRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || !row.expertDay()) {
                    setGraphic(null);
                    setText(empty || row == null ? null : row.origin());
                    return;
                }
                setText(null);
                choice.setPromptText(row.origin());
                choice.setValue(choice.getItems().stream().filter(f -> f.value().equals(row.originCode())).findFirst().orElse(null));
                setGraphic(choice);
            }
        });
        return c;
    }

    // ------------------------------------------------------------------ calendar (month grid and agenda)

    private Node calendarTab() {
        ComboBox<FilterChoice> monthBox = new ComboBox<>(vm.months());
        monthBox.setId("calendarMonth");
        monthBox.valueProperty().bindBidirectional(vm.monthProperty());
        Button cohortMonth = new Button(i18n.get("training.calendar.cohortMonth"));
        cohortMonth.setOnAction(e -> vm.showCohortMonth());
        GridPane month = new GridPane();
        month.setId("calendarGrid");
        month.setHgap(2);
        month.setVgap(2);
        for (int i = 0; i < 7; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 7);
            month.getColumnConstraints().add(c);
        }
        Runnable fill = () -> fillMonth(month);
        vm.monthDays().addListener((ListChangeListener<TrainingViewModel.DayCell>) c -> fill.run());
        fill.run();
        TableView<TrainingViewModel.AgendaRow> agenda = new TableView<>(vm.agenda());
        agenda.setId("agendaTable");
        agenda.getColumns().add(FormParts.textColumn(i18n, "training.session.dates", TrainingViewModel.AgendaRow::dates, 170));
        agenda.getColumns().add(FormParts.textColumn(i18n, "training.calendar.what", TrainingViewModel.AgendaRow::what, 300));
        agenda.getColumns().add(FormParts.textColumn(i18n, "training.cohort", TrainingViewModel.AgendaRow::cohort, 220));
        agenda.getColumns().add(FormParts.textColumn(i18n, "training.session.place", TrainingViewModel.AgendaRow::place, 150));
        agenda.getColumns().add(FormParts.textColumn(i18n, "training.calendar.note", TrainingViewModel.AgendaRow::note, 320));
        ComboBox<FilterChoice> kind = new ComboBox<>();
        kind.getItems().setAll(vm.contextKinds());
        kind.valueProperty().bindBidirectional(vm.contextKindProperty());
        TextField start = FormParts.field(i18n, "training.session.start", 160, vm.contextStartProperty());
        TextField end = FormParts.field(i18n, "training.session.end", 160, vm.contextEndProperty());
        TextField label = FormParts.field(i18n, "training.calendar.label", 200, vm.contextLabelProperty());
        Button add = new Button(i18n.get("training.calendar.add"));
        add.setOnAction(e -> vm.addContext());
        Label message = FormParts.errorLabel();
        message.textProperty().bind(vm.calendarMessageProperty());
        // the month picker and the form adding a holiday or Ramadan share one line (the agenda keeps the height)
        Separator between = new Separator(javafx.geometry.Orientation.VERTICAL);
        FlowPane bar = new FlowPane(6, 6, monthBox, cohortMonth, between, kind, start, end, label, add);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label legend = FormParts.wrapping(i18n.get("training.calendar.legend"));
        // the colour legend goes with the month grid it explains (the agenda names holidays and clashes in words)
        ScrollPane monthScroll = new ScrollPane(month);
        monthScroll.setFitToWidth(true);
        VBox monthPage = new VBox(6, legend, monthScroll);
        VBox.setVgrow(monthScroll, Priority.ALWAYS);
        monthPage.setPadding(new Insets(6, 0, 0, 0));
        TabPane views = new TabPane(tab("training.calendar.month", monthPage), tab("training.calendar.agenda", agenda));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox box = new VBox(6, bar, views, message);
        VBox.setVgrow(views, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void fillMonth(GridPane month) {
        month.getChildren().clear();
        java.util.List<String> days = vm.weekDays();
        for (int i = 0; i < 7; i++) {
            Label head = new Label(days.get(i));
            head.setStyle("-fx-font-weight: bold;");
            month.add(head, i, 0);
        }
        for (int i = 0; i < vm.monthDays().size(); i++) {
            TrainingViewModel.DayCell d = vm.monthDays().get(i);
            Label cell = new Label(d.date() == null ? "" : d.date().getDayOfMonth() + (d.text().isEmpty() ? "" : "\n" + d.text()));
            cell.setWrapText(true);
            cell.setMaxWidth(Double.MAX_VALUE);
            cell.setMinHeight(58);
            cell.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            cell.setPadding(new Insets(2));
            String background = d.date() == null ? "transparent" : d.holiday() ? "-color-danger-subtle"
                    : d.ramadan() ? "-color-success-subtle" : "-color-bg-subtle";
            String border = d.clash() ? "-color-warning-emphasis" : "-color-border-muted";
            cell.setStyle("-fx-background-color: " + background + "; -fx-border-color: " + border + "; -fx-border-width: "
                    + (d.clash() ? 2 : 1) + "; -fx-font-size: 0.85em;");
            month.add(cell, i % 7, 1 + i / 7);
        }
    }

    // ------------------------------------------------------------------ helpers

    @Override
    public Node view() {
        return root;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return vm.unsavedChanges();
    }

    /** The area's saves, that Ctrl+Z / Ctrl+Y and the Edit menu undo and redo (the shell routes them here). */
    @Override
    public EditHistory editHistory() {
        return vm.history();
    }

    @Override
    public Node searchField() {
        return searchField;
    }
}
