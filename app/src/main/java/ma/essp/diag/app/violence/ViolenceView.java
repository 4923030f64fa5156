package ma.essp.diag.app.violence;

import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.LocalizedControls;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.violence.ViolenceViewModel.CandidateRow;
import ma.essp.diag.app.violence.ViolenceViewModel.FunnelStep;
import ma.essp.diag.app.violence.ViolenceViewModel.InPostRow;
import ma.essp.diag.app.violence.ViolenceViewModel.MixRow;
import ma.essp.diag.app.violence.ViolenceViewModel.PeriodRow;
import ma.essp.diag.app.violence.ViolenceViewModel.RegionRow;
import ma.essp.diag.app.violence.ViolenceViewModel.SiteRow;
import ma.essp.diag.app.violence.ViolenceViewModel.StaffRow;
import ma.essp.diag.app.violence.ViolenceViewModel.StepRow;
import ma.essp.diag.app.violence.ViolenceViewModel.TimelineRow;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;

/**
 * The Violence (auteurs) screen, built in code: the region and stage filters and the funnel in one line above five
 * tabs (sites with the chosen site's form and stage, trained staff, periods and referrals, the dashboard, the
 * roll-out timeline), each bound to {@link ViolenceViewModel}.
 */
public final class ViolenceView implements FeatureScreen {

    /** The colour of each stage on the timeline and its legend. */
    static final Map<String, String> STAGE_COLOURS = Map.of("identified", "#9e9e9e", "preparation", "#90caf9",
            "staff_trained", "#1e88e5", "launched", "#fb8c00", "routine", "#43a047", "suspended", "#e53935");

    private final ViolenceViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TextField searchField = new TextField();

    public ViolenceView(ViolenceViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("violenceView");
        root.setNodeOrientation(i18n.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        ComboBox<ma.essp.diag.app.ui.FilterChoice> regionBox = new ComboBox<>(vm.regions());
        regionBox.setId("violenceRegion");
        regionBox.valueProperty().bindBidirectional(vm.regionProperty());
        ComboBox<ma.essp.diag.app.ui.FilterChoice> stageBox = new ComboBox<>(vm.stageFilters());
        stageBox.setId("violenceStageFilter");
        stageBox.valueProperty().bindBidirectional(vm.stageFilterProperty());
        Label summary = wrapping("");
        summary.setId("violenceSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Label loadError = errorLabel();
        loadError.textProperty().bind(vm.loadErrorProperty());
        HBox filters = new HBox(8, new Label(i18n.get("violence.filter.region")), regionBox,
                new Label(i18n.get("violence.filter.stage")), stageBox);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, filters, summary, loadError);
        top.setPadding(new Insets(8, 8, 0, 8));
        TabPane tabs = new TabPane(tab("violence.tab.sites", sitesTab()), tab("violence.tab.staff", staffTab()),
                tab("violence.tab.periods", periodsTab()), tab("violence.tab.dashboard", dashboardTab()),
                tab("violence.tab.timeline", timelineTab()));
        tabs.setId("violenceTabs");
        tabs.setMinWidth(0);
        filters.setMinWidth(0);
        root.setMinWidth(0);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(top);
        root.setCenter(tabs);
        LocalizedControls.apply(root, i18n);
    }

    private Tab tab(String key, Node content) {
        // each tab gives way to the window's width (its own parts scroll or wrap) rather than widening the shell
        if (content instanceof Region region) {
            region.setMinWidth(0);
        }
        Tab t = new Tab(i18n.get(key), content);
        t.setId(key.replace('.', '-'));
        return t;
    }

    // ------------------------------------------------------------------ sites

    private Node sitesTab() {
        TableView<SiteRow> table = new TableView<>(vm.sites());
        table.setId("violenceSites");
        table.getColumns().add(text("violence.site.name", SiteRow::name, 240));
        table.getColumns().add(text("violence.region", SiteRow::region, 150));
        table.getColumns().add(text("violence.site.kind", SiteRow::kind, 130));
        table.getColumns().add(text("violence.site.stage", SiteRow::stage, 140));
        table.getColumns().add(text("violence.site.phase", SiteRow::phase, 120));
        table.getColumns().add(text("violence.site.since", SiteRow::since, 90));
        table.getColumns().add(text("violence.site.inPost", SiteRow::inPost, 90));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (vm.selectedProperty().get() == null || vm.selectedProperty().get().id() != now.id())) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        TextField newName = field("violence.site.newName", 240);
        newName.textProperty().bindBidirectional(vm.newSiteNameProperty());
        ComboBox<ma.essp.diag.app.ui.FilterChoice> province = new ComboBox<>(vm.provinces());
        province.setId("newSiteProvince");
        province.setPromptText(i18n.get("violence.site.province"));
        province.valueProperty().bindBidirectional(vm.newSiteProvinceProperty());
        Node[] newKind = kindPicker(vm.newSitePicker(), "newSite");
        Button add = new Button(i18n.get("violence.site.add"));
        add.setId("addSite");
        add.setOnAction(e -> vm.addSite());
        Label addMessage = messageLabel();
        addMessage.setId("newSiteMessage");
        addMessage.textProperty().bind(vm.newSiteMessageProperty());
        FlowPane addForm = new FlowPane(6, 6, newName, province, newKind[0], newKind[1], newKind[2], add);
        VBox left = new VBox(6, table, addForm, addMessage);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("siteName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextArea notes = new TextArea();
        notes.setId("siteNotes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        Button save = new Button(i18n.get("violence.site.save"));
        save.setId("saveSite");
        save.disableProperty().bind(vm.unsavedProperty().not());
        save.setOnAction(e -> vm.saveSite());
        Label siteMessage = messageLabel();
        siteMessage.setId("siteMessage");
        siteMessage.textProperty().bind(vm.siteMessageProperty());
        Label stageNow = wrapping("");
        stageNow.setId("stageNow");
        stageNow.setStyle("-fx-font-weight: bold;");
        stageNow.textProperty().bind(vm.stageNowProperty());
        ComboBox<ma.essp.diag.app.ui.FilterChoice> next = new ComboBox<>(vm.stages());
        next.setId("nextStage");
        next.valueProperty().bindBidirectional(vm.nextStageProperty());
        TextField stageDate = field("violence.stage.date", 110);
        stageDate.setId("stageDate");
        stageDate.textProperty().bindBidirectional(vm.stageDateProperty());
        Button move = new Button(i18n.get("violence.stage.move"));
        move.setId("moveStage");
        move.disableProperty().bind(vm.selectedProperty().isNull());
        move.setOnAction(e -> vm.moveStage());
        Label stageMessage = messageLabel();
        stageMessage.setId("stageMessage");
        stageMessage.textProperty().bind(vm.stageMessageProperty());
        TableView<StepRow> steps = new TableView<>(vm.steps());
        steps.setId("stageSteps");
        fitColumns(steps);
        steps.setPrefHeight(150);
        steps.getColumns().add(text("violence.site.stage", StepRow::stage, 120));
        steps.getColumns().add(text("violence.site.phase", StepRow::phase, 120));
        steps.getColumns().add(text("violence.stage.planned", StepRow::planned, 90));
        steps.getColumns().add(text("violence.stage.reached", StepRow::reached, 90));
        ComboBox<ma.essp.diag.app.ui.FilterChoice> plannedStage = new ComboBox<>(vm.stages());
        plannedStage.valueProperty().bindBidirectional(vm.plannedStageProperty());
        TextField plannedDate = field("violence.stage.date", 110);
        plannedDate.textProperty().bindBidirectional(vm.plannedDateProperty());
        Button plan = new Button(i18n.get("violence.stage.plan"));
        plan.disableProperty().bind(vm.selectedProperty().isNull());
        plan.setOnAction(e -> vm.savePlanned());
        Label gate = wrapping(i18n.get("violence.stage.gate"));
        gate.getStyleClass().add("text-muted");
        Node[] siteKind = kindPicker(vm.sitePicker(), "site");
        VBox form = new VBox(6, new Label(i18n.get("violence.site.name")), name, new Label(i18n.get("violence.site.notes")),
                notes, new FlowPane(6, 6, siteKind), save, siteMessage, stageNow, new FlowPane(6, 6, next, stageDate, move), stageMessage, gate, steps,
                new Label(i18n.get("violence.stage.planTitle")), new FlowPane(6, 6, plannedStage, plannedDate, plan));
        form.setPadding(new Insets(0, 4, 0, 8));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        left.setMinWidth(0);
        formScroll.setMinWidth(0);
        SplitPane split = new SplitPane(left, formScroll);
        split.setDividerPositions(0.6);
        VBox box = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * A site's kind picker: the kind, and for an ESSP site the search and the list of the province's ESSPs (shown only
     * then); ids {@code prefix}Kind, {@code prefix}EsspSearch, {@code prefix}Essp.
     */
    private Node[] kindPicker(ViolenceViewModel.KindPicker picker, String prefix) {
        ComboBox<ma.essp.diag.app.ui.FilterChoice> kind = new ComboBox<>(vm.siteKinds());
        kind.setId(prefix + "Kind");
        kind.setPromptText(i18n.get("violence.site.kind"));
        kind.valueProperty().bindBidirectional(picker.kindProperty());
        TextField esspSearch = field("violence.site.esspSearch", 200);
        esspSearch.setId(prefix + "EsspSearch");
        esspSearch.textProperty().bindBidirectional(picker.searchProperty());
        ComboBox<ma.essp.diag.app.ui.FilterChoice> essp = new ComboBox<>(picker.essps());
        essp.setId(prefix + "Essp");
        essp.setPromptText(i18n.get("violence.site.essp"));
        essp.setPrefWidth(240);
        essp.valueProperty().bindBidirectional(picker.esspProperty());
        var esspKind = javafx.beans.binding.Bindings.createBooleanBinding(() -> picker.kindProperty().get() != null
                && "essp".equals(picker.kindProperty().get().value()), picker.kindProperty());
        for (Node n : new Node[] {esspSearch, essp}) {
            n.visibleProperty().bind(esspKind);
            n.managedProperty().bind(esspKind);
        }
        return new Node[] {kind, esspSearch, essp};
    }

    private Label siteHeading() {
        Label l = wrapping("");
        l.setStyle("-fx-font-weight: bold;");
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? i18n.get("violence.site.none") : vm.selectedProperty().get().name(), vm.selectedProperty()));
        return l;
    }

    // ------------------------------------------------------------------ trained staff

    private Node staffTab() {
        TableView<StaffRow> table = new TableView<>(vm.staff());
        table.setId("violenceStaff");
        table.getColumns().add(text("violence.staff.name", StaffRow::name, 200));
        table.getColumns().add(text("violence.staff.cadre", StaffRow::cadre, 170));
        table.getColumns().add(text("violence.staff.role", StaffRow::role, 200));
        table.getColumns().add(text("violence.staff.trainedOn", StaffRow::trainedOn, 100));
        table.getColumns().add(text("violence.staff.hours", StaffRow::hours, 70));
        table.getColumns().add(text("violence.staff.inPost", StaffRow::inPost, 160));
        Button remove = new Button(i18n.get("violence.staff.remove"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.deleteStaff(table.getSelectionModel().getSelectedItem()));
        searchField.setId("violenceStaffSearch");
        searchField.setPromptText(i18n.get("violence.staff.search"));
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        searchField.setOnAction(e -> vm.searchCandidates());
        Button find = new Button(i18n.get("violence.staff.find"));
        find.setOnAction(e -> vm.searchCandidates());
        TableView<CandidateRow> candidates = new TableView<>(vm.candidates());
        candidates.setId("violenceCandidates");
        candidates.getColumns().add(text("violence.staff.name", r -> r.candidate().holderName(), 220));
        candidates.getColumns().add(text("violence.staff.cadre", CandidateRow::cadre, 180));
        candidates.getColumns().add(text("violence.staff.place", CandidateRow::place, 260));
        TextField trainedOn = field("violence.staff.trainedOn", 110);
        trainedOn.setId("trainedOn");
        trainedOn.textProperty().bindBidirectional(vm.trainedOnProperty());
        TextField hours = field("violence.staff.hours", 80);
        hours.textProperty().bindBidirectional(vm.trainingHoursProperty());
        TextField role = field("violence.staff.role", 200);
        role.textProperty().bindBidirectional(vm.roleProperty());
        Button add = new Button(i18n.get("violence.staff.add"));
        add.setId("addTrainedStaff");
        add.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.selectedProperty().isNull()));
        add.setOnAction(e -> vm.addStaff(candidates.getSelectionModel().getSelectedItem()));
        Label message = messageLabel();
        message.setId("staffMessage");
        message.textProperty().bind(vm.staffMessageProperty());
        HBox bar = new HBox(6, searchField, find);
        HBox.setHgrow(searchField, Priority.ALWAYS);
        VBox box = new VBox(6, siteHeading(), table, remove, new Label(i18n.get("violence.staff.pick")), bar, candidates,
                new FlowPane(6, 6, trainedOn, hours, role, add), message);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(candidates, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ periods and referrals

    private Node periodsTab() {
        TableView<PeriodRow> table = new TableView<>(vm.periods());
        table.setId("violencePeriods");
        fitColumns(table); // the dates whole: the table takes the tab's width
        table.getColumns().add(text("violence.period.dates", PeriodRow::dates, 190));
        table.getColumns().add(text("violence.period.followed", r -> String.valueOf(r.followed()), 110));
        table.getColumns().add(text("violence.period.new", r -> String.valueOf(r.newPatients()), 110));
        table.getColumns().add(text("violence.period.sessions", PeriodRow::sessions, 90));
        table.getColumns().add(text("violence.period.dropouts", PeriodRow::dropouts, 90));
        table.getColumns().add(text("violence.period.referrals", r -> String.valueOf(r.referrals()), 90));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.periodProperty().set(now);
            }
        });
        // wide enough for the prompts in full (« Début jj/mm/aaaa », "Patients followed")
        TextField start = bound("violence.period.start", 150, vm.periodStartProperty());
        start.setId("periodStart");
        TextField end = bound("violence.period.end", 150, vm.periodEndProperty());
        end.setId("periodEnd");
        TextField followed = bound("violence.period.followed", 150, vm.followedProperty());
        followed.setId("periodFollowed");
        TextField fresh = bound("violence.period.new", 110, vm.newPatientsProperty());
        TextField sessions = bound("violence.period.sessions", 100, vm.sessionsProperty());
        TextField dropouts = bound("violence.period.dropouts", 110, vm.dropoutsProperty());
        dropouts.setId("periodDropouts");
        Button save = new Button(i18n.get("violence.period.save"));
        save.setId("savePeriod");
        save.disableProperty().bind(vm.selectedProperty().isNull());
        save.setOnAction(e -> vm.savePeriod());
        Button fresh2 = new Button(i18n.get("violence.period.new.button"));
        fresh2.setId("newPeriod");
        fresh2.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.newPeriod();
        });
        Button delete = new Button(i18n.get("violence.period.delete"));
        delete.disableProperty().bind(vm.periodProperty().isNull());
        delete.setOnAction(e -> vm.deletePeriod());
        Label message = messageLabel();
        message.setId("periodMessage");
        message.textProperty().bind(vm.periodMessageProperty());
        FlowPane referrals = new FlowPane(6, 6);
        vm.referralFields().forEach((source, property) -> {
            // the source's name is beside it: no prompt (a "Referrals" prompt was cut in a count's width)
            TextField f = new TextField();
            f.setPrefWidth(60);
            f.textProperty().bindBidirectional(property);
            f.setId("referral-" + source);
            Label l = new Label(i18n.code(Vocabulary.REFERRAL_SOURCE, source));
            l.setMinWidth(Region.USE_PREF_SIZE);
            HBox pair = new HBox(4, l, f);
            pair.setAlignment(Pos.CENTER_LEFT);
            referrals.getChildren().add(pair);
        });
        Button saveReferrals = new Button(i18n.get("violence.referrals.save"));
        saveReferrals.setId("saveReferrals");
        saveReferrals.disableProperty().bind(vm.periodProperty().isNull());
        saveReferrals.setOnAction(e -> vm.saveReferrals());
        referrals.getChildren().add(saveReferrals);
        Label referralMessage = messageLabel();
        referralMessage.setId("referralMessage");
        referralMessage.textProperty().bind(vm.referralMessageProperty());
        VBox box = new VBox(6, siteHeading(), table, new FlowPane(6, 6, start, end, followed, fresh, sessions, dropouts,
                save, fresh2, delete), message, new Label(i18n.get("violence.referrals.title")), referrals, referralMessage);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ dashboard

    private Node funnelBox() {
        GridPane grid = new GridPane();
        grid.setId("violenceFunnel");
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bar = new ColumnConstraints(120, 300, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, bar);
        Runnable fill = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < vm.funnel().size(); i++) {
                FunnelStep step = vm.funnel().get(i);
                grid.add(new Label(step.label()), 0, i);
                grid.add(bar(step.share(), "#1e88e5", String.valueOf(step.count())), 1, i);
            }
        };
        vm.funnel().addListener((ListChangeListener<FunnelStep>) c -> fill.run());
        fill.run();
        return grid;
    }

    /** A horizontal bar filling {@code share} of its cell, its number after it. */
    private Node bar(double share, String colour, String number) {
        Region fill = new Region();
        fill.setStyle("-fx-background-color: " + colour + ";");
        fill.setMinHeight(18);
        Label n = new Label(number);
        n.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, fill, n);
        row.setAlignment(Pos.CENTER_LEFT);
        fill.prefWidthProperty().bind(row.widthProperty().subtract(50).multiply(Math.max(share, 0.005)));
        return row;
    }

    private Node dashboardTab() {
        VBox funnel = titled("violence.funnel.title", funnelBox());
        Label retention = wrapping("");
        retention.setId("violenceRetention");
        retention.textProperty().bind(vm.retentionProperty());
        GridPane mix = new GridPane();
        mix.setHgap(8);
        mix.setVgap(3);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bars = new ColumnConstraints(100, 240, Double.MAX_VALUE);
        bars.setHgrow(Priority.ALWAYS);
        mix.getColumnConstraints().addAll(label, bars);
        Runnable fillMix = () -> {
            mix.getChildren().clear();
            for (int i = 0; i < vm.referralMix().size(); i++) {
                MixRow r = vm.referralMix().get(i);
                mix.add(new Label(r.source()), 0, i);
                mix.add(bar(r.fraction(), "#fb8c00", r.referrals() + " (" + r.share() + ")"), 1, i);
            }
        };
        vm.referralMix().addListener((ListChangeListener<MixRow>) c -> fillMix.run());
        fillMix.run();
        mix.setId("violenceReferralMix");
        VBox mixBox = titled("violence.mix.title", new VBox(6, retention, mix));
        HBox topRow = new HBox(16, funnel, mixBox);
        HBox.setHgrow(funnel, Priority.ALWAYS);
        HBox.setHgrow(mixBox, Priority.ALWAYS);
        funnel.setPrefWidth(500);
        mixBox.setPrefWidth(500);

        TableView<RegionRow> stages = new TableView<>(vm.regionStages());
        stages.setId("violenceRegionStages");
        stages.getColumns().add(text("violence.region", RegionRow::region, 220));
        for (int i = 0; i < PerpetratorCareFigures.PHASES.size(); i++) {
            int index = i;
            TableColumn<RegionRow, String> c = new TableColumn<>(vm.phaseLabel(PerpetratorCareFigures.PHASES.get(i)));
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().cells().get(index)));
            c.setPrefWidth(120);
            stages.getColumns().add(c);
        }
        stages.getColumns().add(text("violence.stages.notPlanned", r -> String.valueOf(r.notPlanned()), 90));
        stages.getColumns().add(text("violence.stages.suspended", r -> String.valueOf(r.suspended()), 90));
        Label stagesHint = wrapping(i18n.get("violence.stages.hint"));
        stagesHint.getStyleClass().add("text-muted");
        TableView<InPostRow> inPost = new TableView<>(vm.inPost());
        inPost.setId("violenceInPost");
        inPost.getColumns().add(text("violence.region", InPostRow::unit, 220));
        inPost.getColumns().add(text("violence.inPost.trained", r -> String.valueOf(r.trained()), 90));
        inPost.getColumns().add(text("violence.inPost.linked", r -> String.valueOf(r.linked()), 110));
        inPost.getColumns().add(text("violence.inPost.inPost", r -> String.valueOf(r.inPost()), 110));
        inPost.getColumns().add(text("violence.inPost.share", InPostRow::share, 90));
        // at 1366 px the two tables do not fit side by side (8 + 5 columns): one above the other, each the page's
        // width with every column in view and all its rows shown; the page scrolls down
        fitColumns(stages);
        fitColumns(inPost);
        showAllRows(stages);
        showAllRows(inPost);
        VBox stagesBox = titled("violence.stages.title", new VBox(4, stagesHint, stages));
        VBox inPostBox = titled("violence.inPost.title", inPost);
        VBox box = new VBox(12, topRow, stagesBox, inPostBox);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** A table as tall as its rows (one row high when empty): the page around it scrolls, not the table. */
    private static void showAllRows(TableView<?> table) {
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems()).add(1)
                .multiply(ROW_HEIGHT).add(HEADER_HEIGHT));
        table.minHeightProperty().bind(table.prefHeightProperty());
    }

    private static final double ROW_HEIGHT = 28;
    /** Room for a header wrapped on two lines and the border. */
    private static final double HEADER_HEIGHT = 48;

    private VBox titled(String key, Node content) {
        Label title = new Label(i18n.get(key));
        title.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(6, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    // ------------------------------------------------------------------ timeline

    private Node timelineTab() {
        FlowPane legend = new FlowPane(12, 4);
        for (String stage : Vocabulary.CARE_STAGE.codes()) {
            Region swatch = new Region();
            swatch.setMinSize(14, 14);
            swatch.setStyle("-fx-background-color: " + STAGE_COLOURS.get(stage) + ";");
            Label l = new Label(i18n.code(Vocabulary.CARE_STAGE, stage) + " (" + vm.phase(stage) + ")");
            l.setMinWidth(Region.USE_PREF_SIZE);
            HBox item = new HBox(4, swatch, l);
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        GridPane rows = new GridPane();
        rows.setId("violenceTimeline");
        rows.setHgap(8);
        rows.setVgap(3);
        ColumnConstraints names = new ColumnConstraints(180, 300, 320);
        ColumnConstraints tracks = new ColumnConstraints(300, 600, Double.MAX_VALUE);
        tracks.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().addAll(names, tracks);
        Runnable fill = () -> fillTimeline(rows);
        vm.timeline().addListener((ListChangeListener<TimelineRow>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        HBox head = new HBox(24, titled("violence.funnel.title", funnelBox()), titled("violence.timeline.legend", legend));
        head.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        ((Region) head.getChildren().get(0)).setPrefWidth(460);
        ((Region) head.getChildren().get(1)).setPrefWidth(560);
        VBox box = new VBox(10, head, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void fillTimeline(GridPane rows) {
        rows.getChildren().clear();
        Pane axis = new Pane();
        axis.setMinHeight(18);
        for (ViolenceViewModel.Tick tick : vm.ticks()) {
            Label l = new Label(tick.label());
            l.setStyle("-fx-font-size: 0.85em;");
            l.layoutXProperty().bind(axis.widthProperty().multiply(tick.at()));
            axis.getChildren().add(l);
        }
        rows.add(new Label(""), 0, 0);
        rows.add(axis, 1, 0);
        int r = 1;
        for (TimelineRow row : vm.timeline()) {
            Label name = new Label(row.site());
            name.setTooltip(new Tooltip(row.site() + " — " + row.stage()));
            name.setMaxWidth(320);
            Pane track = new Pane();
            track.setMinHeight(16);
            track.setPrefHeight(16);
            track.setStyle("-fx-background-color: -color-bg-subtle;");
            for (ViolenceViewModel.Tick tick : vm.ticks()) {
                Region line = new Region();
                line.setStyle("-fx-background-color: -color-border-muted;");
                line.setPrefWidth(1);
                line.setPrefHeight(16);
                line.layoutXProperty().bind(track.widthProperty().multiply(tick.at()));
                track.getChildren().add(line);
            }
            for (ViolenceViewModel.Bar bar : row.bars()) {
                Region segment = new StackPane();
                segment.setStyle("-fx-background-color: " + STAGE_COLOURS.getOrDefault(bar.stage(), "#757575") + ";");
                segment.setPrefHeight(16);
                segment.layoutXProperty().bind(track.widthProperty().multiply(bar.start()));
                segment.prefWidthProperty().bind(track.widthProperty().multiply(bar.width()));
                Tooltip.install(segment, new Tooltip(bar.text()));
                track.getChildren().add(segment);
            }
            rows.add(name, 0, r);
            rows.add(track, 1, r);
            r++;
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Every column in view at 1366 px: the columns share the table's width in proportion to their preferred widths
     * (no horizontal scroll bar hiding the last ones), headers wrap instead of being cut. Only for tables whose
     * headers stay whole once shrunk (LaptopLayoutUiTest checks it).
     */
    private static void fitColumns(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().add("wrap-headers");
    }

    private <R> TableColumn<R, String> text(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private TextField field(String promptKey, double width) {
        TextField f = new TextField();
        f.setPromptText(i18n.get(promptKey));
        f.setPrefWidth(width);
        return f;
    }

    private TextField bound(String promptKey, double width, javafx.beans.property.StringProperty property) {
        TextField f = field(promptKey, width);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label errorLabel() {
        Label l = wrapping("");
        l.getStyleClass().addAll("field-error", "danger");
        return l;
    }

    /** A write's outcome: "saved" in the success style, a refusal or failure in the error (danger) style. */
    private Label messageLabel() {
        Label l = wrapping("");
        l.getStyleClass().add("field-error");
        String saved = i18n.get("violence.saved");
        l.textProperty().addListener((obs, old, now) -> {
            l.getStyleClass().removeAll("danger", "success");
            l.getStyleClass().add(saved.equals(now) ? "success" : "danger");
        });
        return l;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public Node searchField() {
        return searchField;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return vm.unsavedChanges();
    }

    /** The site form's saves, that Ctrl+Z / Ctrl+Y and the Edit menu undo and redo (the shell routes them here). */
    @Override
    public ma.essp.diag.app.ui.EditHistory editHistory() {
        return vm.history();
    }
}
