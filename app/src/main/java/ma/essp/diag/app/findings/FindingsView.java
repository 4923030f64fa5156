package ma.essp.diag.app.findings;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import ma.essp.diag.app.findings.FindingsViewModel.Card;
import ma.essp.diag.app.findings.FindingsViewModel.EvidenceLine;
import ma.essp.diag.app.findings.FindingsViewModel.FindingChoice;
import ma.essp.diag.app.findings.FindingsViewModel.Proposal;
import ma.essp.diag.app.findings.FindingsViewModel.RecommendationLine;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.LocalizedControls;

/**
 * Code-behind of the findings area: three tabs (the SWOT board with the finding editor, the recommendations, the
 * proposed findings). A finding is moved between quadrants by dragging its card, or from the keyboard with
 * Ctrl+1…4 on a selected card (strength, weakness, opportunity, threat) or the editor's "Move to" menu.
 */
public final class FindingsView implements FeatureScreen {

    private final FindingsViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();

    public FindingsView(FindingsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("findingsView");
        root.setTop(filters());
        TabPane tabs = new TabPane(
                tab(i18n.get("findings.tab.board"), board()),
                tab(i18n.get("findings.tab.recommendations"), recommendations()),
                tab(i18n.get("findings.tab.proposals"), proposals()));
        tabs.setId("findingsTabs");
        root.setCenter(tabs);
        Label message = new Label();
        message.setId("findingsMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(message);
        LocalizedControls.apply(root, i18n);
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private Node filters() {
        FlowPane bar = new FlowPane(8, 4);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getChildren().addAll(
                new Label(i18n.get("findings.filter.label")),
                combo("axisFilter", vm.axes(), vm.axisFilterProperty()),
                combo("scopeFilter", vm.scopes(), vm.scopeFilterProperty()),
                combo("authorFilter", vm.authors(), vm.authorFilterProperty()),
                combo("priorityFilter", vm.priorities(), vm.priorityFilterProperty()));
        return bar;
    }

    private static ComboBox<FilterChoice> combo(String id, ObservableList<FilterChoice> items, ObjectProperty<FilterChoice> value) {
        ComboBox<FilterChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static ComboBox<FilterChoice> combo(String id, List<FilterChoice> items, ObjectProperty<FilterChoice> value) {
        return combo(id, javafx.collections.FXCollections.observableArrayList(items), value);
    }

    // ------------------------------------------------------------------ the SWOT board

    private Node board() {
        GridPane grid = new GridPane(6, 6);
        grid.setPadding(new Insets(6));
        List<String> kinds = FindingsViewModel.KINDS;
        for (int i = 0; i < kinds.size(); i++) {
            grid.add(quadrant(kinds.get(i), i), i % 2, i / 2);
        }
        for (int c = 0; c < 2; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(50);
            grid.getColumnConstraints().add(col);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            grid.getRowConstraints().add(row);
        }
        ScrollPane editor = new ScrollPane(findingEditor());
        editor.setFitToWidth(true);
        // the board is usable at once; the editor's scope and evidence pickers wait for the figures (a second or so)
        editor.disableProperty().bind(vm.figuresReadyProperty().not());
        SplitPane split = new SplitPane(grid, editor);
        split.setDividerPositions(0.58);
        return split;
    }

    private Node quadrant(String kind, int index) {
        Label header = new Label(vm.kindLabel(kind) + "  (Ctrl+" + (index + 1) + ")");
        header.getStyleClass().addAll("swot-header", "swot-" + kind);
        ListView<Card> list = new ListView<>(vm.quadrant(kind));
        list.setId("quadrant-" + kind);
        list.setCellFactory(l -> new CardCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectFinding(now));
        list.setOnDragOver(e -> {
            if (e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        list.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasString()) {
                vm.moveFinding(Integer.parseInt(e.getDragboard().getString()), kind);
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Card card = list.getSelectionModel().getSelectedItem();
            int target = switch (e.getCode()) {
                case DIGIT1, NUMPAD1 -> 0;
                case DIGIT2, NUMPAD2 -> 1;
                case DIGIT3, NUMPAD3 -> 2;
                case DIGIT4, NUMPAD4 -> 3;
                default -> -1;
            };
            if (card != null && target >= 0 && e.isShortcutDown()) {
                vm.moveFinding(card.id(), FindingsViewModel.KINDS.get(target));
                e.consume();
            }
        });
        VBox box = new VBox(4, header, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("swot-quadrant");
        return box;
    }

    /** A card: its title, and axis · scope · priority · author (· to review) below. */
    private final class CardCell extends ListCell<Card> {

        CardCell() {
            // no preferred width of its own: the list then gives every cell the list's width (not that of its longest
            // title on one line) and sizes its height for that width, so the title and the line below it wrap
            setPrefWidth(0);
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                ClipboardContent content = new ClipboardContent();
                content.putString(String.valueOf(getItem().id()));
                startDragAndDrop(TransferMode.MOVE).setContent(content);
                e.consume();
            });
        }

        /**
         * The card's own height at the list's width: the theme gives list cells a fixed height ({@code -fx-cell-size:
         * 3em}, two lines), which cut a wrapped title and the line below it.
         */
        @Override
        protected double computePrefHeight(double width) {
            Node graphic = getGraphic();
            if (graphic == null || width < 0) {
                return super.computePrefHeight(width);
            }
            Insets in = getInsets();
            return in.getTop() + graphic.prefHeight(width - in.getLeft() - in.getRight()) + in.getBottom();
        }

        @Override
        protected void updateItem(Card card, boolean empty) {
            super.updateItem(card, empty);
            if (empty || card == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(i18n.wrappable(card.title()));
            title.setWrapText(true);
            title.setStyle("-fx-font-weight: bold;");
            if (i18n.rightToLeft() && I18n.startsLeftToRight(card.title())) {
                // a French title on the Arabic board: laid out left to right, so that a cut falls at its end (the
                // right), not before its first word; still on the right side of the card, as the Arabic text
                title.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
                title.setAlignment(Pos.TOP_RIGHT);
                title.setTextAlignment(TextAlignment.RIGHT);
            }
            // two lines at most, a longer title cut with "…" at its end (the editor shows it whole)
            title.maxHeightProperty().bind(Bindings.createDoubleBinding(() -> twoLines(title.getFont()), title.fontProperty()));
            // marked again as a whole: the " · " between two Arabic pieces is a place to break the line too
            Label detail = new Label(i18n.wrappable(card.detail()));
            detail.setWrapText(true);
            if (card.review()) {
                detail.setStyle("-fx-text-fill: #b45309;");
            }
            VBox box = new VBox(2, title, detail);
            box.setMaxWidth(Double.MAX_VALUE);
            // as wide as the card (not bound to the cell's width, which is 0 when the list first measures the cell)
            title.setMaxWidth(Double.MAX_VALUE);
            detail.setMaxWidth(Double.MAX_VALUE);
            setText(null);
            setGraphic(box);
        }
    }

    /**
     * A height that holds two lines of text in {@code font} and not a third: two and a half lines (the label cuts its
     * text to the lines that fit whole; at exactly two lines, a rounding made it one).
     */
    private static double twoLines(Font font) {
        Text line = new Text("Ag");
        line.setFont(font);
        return Math.ceil(line.getLayoutBounds().getHeight() * 2.5);
    }

    private Node findingEditor() {
        GridPane form = form();
        int r = 0;
        TextField title = new TextField();
        title.setId("findingTitle");
        title.textProperty().bindBidirectional(vm.titleProperty());
        r = row(form, r, "findings.field.title", title);
        r = message(form, r, vm.titleMessageProperty(), "findingTitleMessage");
        TextArea statement = new TextArea();
        statement.setId("findingStatement");
        statement.setPrefRowCount(3);
        statement.setWrapText(true);
        statement.textProperty().bindBidirectional(vm.statementProperty());
        r = row(form, r, "findings.field.statement", statement);
        r = row(form, r, "findings.field.kind", combo("findingKind", vm.kinds(), vm.kindProperty()));
        r = row(form, r, "findings.field.axis", combo("findingAxis", vm.axisChoices(), vm.axisProperty()));
        r = row(form, r, "findings.field.priority", combo("findingPriority", vm.priorityChoices(), vm.priorityProperty()));
        r = row(form, r, "findings.field.scope", new HBox(6, combo("findingScopeLevel", vm.levels(), vm.scopeLevelProperty()),
                combo("findingScopeUnit", vm.scopeUnits(), vm.scopeUnitProperty())));
        r = row(form, r, "findings.field.author", combo("findingAuthor", vm.authors(), vm.authorProperty()));
        DatePicker date = new DatePicker();
        date.setId("findingDate");
        date.valueProperty().bindBidirectional(vm.writtenOnProperty());
        r = row(form, r, "findings.field.date", date);

        Button save = button("findingSave", "findings.action.save", vm::saveFinding);
        save.setDefaultButton(false);
        MenuButton move = new MenuButton(i18n.get("findings.action.moveTo"));
        move.setId("findingMove");
        for (FilterChoice k : vm.kinds()) {
            MenuItem item = new MenuItem(k.label());
            item.setOnAction(e -> {
                Integer id = vm.findingIdProperty().get();
                if (id != null) {
                    vm.moveFinding(id, k.value());
                }
            });
            move.getItems().add(item);
        }
        move.disableProperty().bind(vm.findingIdProperty().isNull());
        Button delete = button("findingDelete", "findings.action.delete", vm::deleteFinding);
        delete.disableProperty().bind(vm.findingIdProperty().isNull());
        FlowPane actions = new FlowPane(6, 4, button("findingNew", "findings.action.new", vm::newFinding), save, move, delete);
        form.add(actions, 0, r++, 2, 1);

        Label evidenceTitle = new Label(i18n.get("findings.evidence.title"));
        evidenceTitle.getStyleClass().add("section-title");
        form.add(evidenceTitle, 0, r++, 2, 1);
        ListView<EvidenceLine> evidence = new ListView<>(vm.evidence());
        evidence.setId("findingEvidence");
        evidence.setPrefHeight(110);
        evidence.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EvidenceLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.text());
                setStyle(!empty && line != null && line.review() ? "-fx-text-fill: #b45309;" : null);
            }
        });
        form.add(evidence, 0, r++, 2, 1);
        Button remove = button("evidenceRemove", "findings.evidence.remove",
                () -> vm.removeEvidence(evidence.getSelectionModel().getSelectedItem()));
        Button accept = button("evidenceAccept", "findings.evidence.accept",
                () -> vm.acceptCurrentValue(evidence.getSelectionModel().getSelectedItem()));
        form.add(new FlowPane(6, 4, remove, accept), 0, r++, 2, 1);
        r = figurePicker(form, r, "evidence");
        Button linkFigure = button("evidenceLinkFigure", "findings.evidence.linkFigure", vm::linkFigure);
        form.add(linkFigure, 1, r++);
        r = row(form, r, "findings.evidence.recordKind", combo("evidenceRecordKind", vm.recordKinds(), vm.recordKindProperty()));
        ComboBox<FilterChoice> recordBox = combo("evidenceRecord", vm.records(), vm.recordProperty());
        recordBox.setVisibleRowCount(15);
        r = row(form, r, "findings.evidence.recordField", recordBox);
        form.add(button("evidenceLinkRecord", "findings.evidence.linkRecord", vm::linkRecord), 1, r++);
        TextField document = new TextField();
        document.setId("evidenceDocument");
        document.textProperty().bindBidirectional(vm.documentProperty());
        r = row(form, r, "findings.evidence.documentField", document);
        form.add(button("evidenceLinkDocument", "findings.evidence.linkDocument", vm::linkDocument), 1, r);
        return form;
    }

    /** The unit + figure picker ({@code prefix} keeps the ids of the two tabs apart). */
    private int figurePicker(GridPane form, int r, String prefix) {
        r = row(form, r, "findings.evidence.level", combo(prefix + "FigureLevel", vm.levels(), vm.figureLevelProperty()));
        ComboBox<FilterChoice> unit = combo(prefix + "FigureUnit", vm.figureUnits(), vm.figureUnitProperty());
        unit.setVisibleRowCount(15);
        r = row(form, r, "findings.evidence.unit", unit);
        r = row(form, r, "findings.evidence.figureField", combo(prefix + "Figure", vm.figures(), vm.figureProperty()));
        Label value = new Label();
        value.setId(prefix + "FigureValue");
        value.textProperty().bind(vm.figureValueProperty());
        form.add(value, 1, r++);
        return r;
    }

    // ------------------------------------------------------------------ recommendations

    private Node recommendations() {
        ListView<RecommendationLine> list = new ListView<>(vm.recommendations());
        list.setId("recommendationList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RecommendationLine line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label text = new Label(i18n.wrappable(line.text()));
                text.setWrapText(true);
                text.setStyle("-fx-font-weight: bold;");
                text.maxWidthProperty().bind(widthProperty().subtract(24));
                setGraphic(new VBox(2, text, new Label(line.detail())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectRecommendation(now));

        GridPane form = form();
        int r = 0;
        TextArea action = new TextArea();
        action.setId("recommendationAction");
        action.setPrefRowCount(3);
        action.setWrapText(true);
        action.textProperty().bindBidirectional(vm.actionProperty());
        r = row(form, r, "findings.rec.action", action);
        r = message(form, r, vm.actionMessageProperty(), "recommendationActionMessage");
        r = row(form, r, "findings.rec.responsible", combo("recommendationResponsible", vm.responsibleLevels(), vm.responsibleLevelProperty()));
        r = row(form, r, "findings.field.priority", combo("recommendationPriority", vm.priorityChoices(), vm.recommendationPriorityProperty()));
        r = row(form, r, "findings.rec.horizon", combo("recommendationHorizon", vm.horizons(), vm.horizonProperty()));
        TextField cost = new TextField();
        cost.setId("recommendationCost");
        cost.textProperty().bindBidirectional(vm.costProperty());
        r = row(form, r, "findings.rec.cost", cost);
        r = message(form, r, vm.costMessageProperty(), "recommendationCostMessage");
        ListView<FindingChoice> findings = new ListView<>(vm.findingChoices());
        findings.setId("recommendationFindings");
        findings.setPrefHeight(150);
        findings.setCellFactory(CheckBoxListCell.forListView(FindingChoice::chosen));
        r = row(form, r, "findings.rec.findings", findings);
        r = message(form, r, vm.findingsMessageProperty(), "recommendationFindingsMessage");
        TextField indicator = new TextField();
        indicator.setId("recommendationIndicator");
        indicator.textProperty().bindBidirectional(vm.indicatorProperty());
        r = row(form, r, "findings.rec.indicator", indicator);
        r = figurePicker(form, r, "indicator");
        form.add(button("recommendationBaselineFromFigure", "findings.rec.fromFigure", vm::baselineFromFigure), 1, r++);
        TextField baseline = new TextField();
        baseline.setId("recommendationBaseline");
        baseline.textProperty().bindBidirectional(vm.baselineProperty());
        TextField target = new TextField();
        target.setId("recommendationTarget");
        target.textProperty().bindBidirectional(vm.targetProperty());
        r = row(form, r, "findings.rec.baseline", baseline);
        r = row(form, r, "findings.rec.target", target);
        r = message(form, r, vm.numbersMessageProperty(), "recommendationNumbersMessage");
        Button delete = button("recommendationDelete", "findings.action.delete", vm::deleteRecommendation);
        delete.disableProperty().bind(vm.recommendationProperty().isNull());
        form.add(new FlowPane(6, 4, button("recommendationNew", "findings.rec.new", vm::newRecommendation),
                button("recommendationSave", "findings.action.save", vm::saveRecommendation), delete), 0, r, 2, 1);
        ScrollPane editor = new ScrollPane(form);
        editor.setFitToWidth(true);
        editor.disableProperty().bind(vm.figuresReadyProperty().not()); // its baseline picker reads the figures
        SplitPane split = new SplitPane(list, editor);
        split.setDividerPositions(0.45);
        return split;
    }

    // ------------------------------------------------------------------ proposals

    private Node proposals() {
        ListView<Proposal> list = new ListView<>(vm.proposals());
        list.setId("proposalList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Proposal p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label title = new Label(i18n.wrappable(p.title()));
                title.setStyle("-fx-font-weight: bold;");
                Label statement = new Label(i18n.wrappable(p.statement()));
                statement.setWrapText(true);
                statement.maxWidthProperty().bind(widthProperty().subtract(24));
                setGraphic(new VBox(2, title, statement));
            }
        });
        Label intro = new Label(i18n.get("findings.proposal.intro"));
        intro.setWrapText(true);
        // its whole text on as many lines as it needs (the list below gives way), never cut with an ellipsis
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(8, new Label(i18n.get("findings.evidence.level")),
                combo("proposalLevel", vm.levels(), vm.proposalLevelProperty()),
                button("proposeButton", "findings.proposal.propose", vm::propose));
        FlowPane actions = new FlowPane(6, 4,
                button("proposalAccept", "findings.proposal.accept", () -> vm.acceptProposal(list.getSelectionModel().getSelectedItem())),
                button("proposalEdit", "findings.proposal.edit", () -> {
                    vm.editProposal(list.getSelectionModel().getSelectedItem());
                    ((TabPane) root.getCenter()).getSelectionModel().selectFirst();
                }),
                button("proposalDiscard", "findings.proposal.discard", () -> vm.discardProposal(list.getSelectionModel().getSelectedItem())));
        VBox box = new VBox(8, intro, top, list, actions);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ helpers

    private static GridPane form() {
        GridPane form = new GridPane(8, 6);
        form.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    private int row(GridPane form, int r, String key, Node field) {
        Label label = new Label(i18n.get(key));
        label.setWrapText(true);
        label.setLabelFor(field);
        form.add(label, 0, r);
        form.add(field, 1, r);
        return r + 1;
    }

    private static int message(GridPane form, int r, javafx.beans.value.ObservableValue<String> text, String id) {
        Label message = new Label();
        message.setId(id);
        message.textProperty().bind(text);
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #b91c1c;");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        form.add(message, 1, r);
        return r + 1;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return vm.unsavedChanges();
    }

    @Override
    public EditHistory editHistory() {
        return vm.history();
    }

    @Override
    public Runnable newItem() {
        return vm::newFinding;
    }

    /** Keyboard help for tests and the F1 text: the shortcut that moves a card to quadrant {@code index}. */
    static KeyCode moveKey(int index) {
        return List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4).get(index);
    }
}
