package ma.essp.diag.app.merge;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.merge.MergeViewModel.ClashRow;
import ma.essp.diag.app.merge.MergeViewModel.ConflictRow;
import ma.essp.diag.app.merge.MergeViewModel.DuplicateRow;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.merge.MergeDecisions.DuplicateChoice;
import ma.essp.diag.database.merge.MergePlan.TableSummary;

/**
 * The consolidation screen: the other file and the analysis above; below, the counts per table, the duplicate
 * candidates (link / keep both), the ESSP codes to renumber (agreement) and the conflicting fields (base, mine,
 * theirs, result: keep mine, take theirs, or type the result); "Appliquer" once every decision is made.
 */
public final class MergeView implements FeatureScreen {

    private final VBox root;
    /** The page: it scrolls at laptop height rather than squeezing the table below ten rows. */
    private final javafx.scene.control.ScrollPane page;

    public MergeView(MergeViewModel viewModel, I18n i18n) {
        Label title = new Label(i18n.get("merge.title"));
        title.getStyleClass().add("title-3");
        Label intro = new Label(i18n.get("merge.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        intro.setMinHeight(Region.USE_PREF_SIZE);

        Button choose = new Button(i18n.get("merge.choose"));
        choose.setId("mergeChoose");
        choose.setOnAction(e -> viewModel.chooseOther());
        choose.disableProperty().bind(viewModel.runningProperty());
        Label source = new Label();
        source.setId("mergeSource");
        source.textProperty().bind(viewModel.sourceProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.runningProperty());
        Label progress = new Label();
        progress.textProperty().bind(viewModel.progressProperty());
        Button cancel = new Button(i18n.get("merge.cancel"));
        cancel.setId("mergeCancel");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.visibleProperty().bind(viewModel.runningProperty().and(viewModel.planProperty().isNull()));
        Button saveReview = new Button(i18n.get("merge.review.save"));
        saveReview.setId("mergeSaveReview");
        saveReview.setOnAction(e -> viewModel.saveReview());
        saveReview.disableProperty().bind(viewModel.runningProperty().or(viewModel.planProperty().isNull()));
        Button undo = new Button(i18n.get("merge.undo"));
        undo.setId("mergeUndo");
        undo.setOnAction(e -> viewModel.undoLast());
        undo.disableProperty().bind(viewModel.runningProperty().or(viewModel.planProperty().isNotNull()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, choose, source, busy, progress, cancel, spacer, saveReview, undo);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox review = review(viewModel, i18n);
        VBox.setVgrow(review, Priority.ALWAYS);

        Button apply = new Button(i18n.get("merge.apply"));
        apply.setId("mergeApply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(viewModel.canApplyProperty().not());
        apply.setOnAction(e -> viewModel.apply());
        Label status = new Label();
        status.setId("mergeStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinHeight(Region.USE_PREF_SIZE); // the backup's path wraps rather than being cut
        status.setMaxWidth(Double.MAX_VALUE);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bottom = new HBox(12, apply, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("mergeError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        showWhenAny(error, viewModel.errorProperty().isNotEmpty());

        root = new VBox(8, title, intro, top, review, bottom, error);
        root.getStyleClass().add("feature-screen");
        root.setPadding(new Insets(16));
        page = new javafx.scene.control.ScrollPane(root);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.getStyleClass().add("edge-to-edge");
    }

    /**
     * The review of a plan, shared by consolidation and synchronisation: the counts per table, the duplicate
     * candidates, the ESSP codes to renumber and the conflicting fields with their decisions.
     */
    public static VBox review(MergeViewModel viewModel, I18n i18n) {
        TableView<TableSummary> summary = new TableView<>(viewModel.summary());
        summary.setId("mergeSummary");
        summary.getColumns().add(column(i18n.get("merge.column.table"), s -> i18n.table(s.table()), 200));
        summary.getColumns().add(column(i18n.get("merge.column.added"), s -> String.valueOf(s.added()), 90));
        summary.getColumns().add(column(i18n.get("merge.column.changed"), s -> String.valueOf(s.changed()), 90));
        summary.getColumns().add(column(i18n.get("merge.column.deleted"), s -> String.valueOf(s.deleted()), 90));
        summary.getColumns().add(column(i18n.get("merge.column.parallel"), s -> String.valueOf(s.parallel()), 110));
        summary.getColumns().add(column(i18n.get("merge.column.conflicts"), s -> String.valueOf(s.conflicts()), 90));
        summary.getColumns().add(column(i18n.get("merge.column.duplicates"), s -> String.valueOf(s.duplicates()), 110));
        summary.setPlaceholder(new Label(i18n.get("merge.summary.none")));
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        summary.setPrefHeight(120);
        summary.setMinHeight(90);

        TableView<DuplicateRow> duplicates = new TableView<>(viewModel.duplicates());
        duplicates.setId("mergeDuplicates");
        duplicates.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        duplicates.getColumns().add(column(i18n.get("merge.column.theirs_essp"), DuplicateRow::theirs, 260));
        duplicates.getColumns().add(column(i18n.get("merge.column.mine_essp"), DuplicateRow::mine, 260));
        duplicates.getColumns().add(column(i18n.get("merge.column.reason"), DuplicateRow::reason, 220));
        TableColumn<DuplicateRow, String> choice = new TableColumn<>(i18n.get("merge.column.choice"));
        choice.setCellValueFactory(cell -> Bindings.createStringBinding(() -> choiceText(cell.getValue().choiceProperty().get(), i18n),
                cell.getValue().choiceProperty()));
        choice.setPrefWidth(180);
        duplicates.getColumns().add(choice);
        duplicates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        duplicates.setPrefHeight(110);
        Button link = new Button(i18n.get("merge.duplicate.link"));
        link.setId("mergeLink");
        link.setOnAction(e -> duplicates.getSelectionModel().getSelectedItems()
                .forEach(d -> d.choiceProperty().set(DuplicateChoice.LINK)));
        Button keep = new Button(i18n.get("merge.duplicate.keep"));
        keep.setId("mergeKeepBoth");
        keep.setOnAction(e -> duplicates.getSelectionModel().getSelectedItems()
                .forEach(d -> d.choiceProperty().set(DuplicateChoice.KEEP)));
        Button linkAll = new Button(i18n.get("merge.duplicate.link_all"));
        linkAll.setOnAction(e -> viewModel.chooseAllDuplicates(DuplicateChoice.LINK));
        Button keepAll = new Button(i18n.get("merge.duplicate.keep_all"));
        keepAll.setOnAction(e -> viewModel.chooseAllDuplicates(DuplicateChoice.KEEP));
        Label duplicatesTitle = new Label(i18n.get("merge.duplicates.title"));
        duplicatesTitle.getStyleClass().add("text-bold");
        HBox duplicateActions = new HBox(10, duplicatesTitle, link, keep, linkAll, keepAll);
        duplicateActions.setAlignment(Pos.CENTER_LEFT);
        VBox duplicateBox = new VBox(6, duplicateActions, duplicates);
        showWhenAny(duplicateBox, Bindings.isNotEmpty(viewModel.duplicates()));

        TableView<ClashRow> clashes = new TableView<>(viewModel.clashes());
        clashes.setId("mergeClashes");
        clashes.getColumns().add(column(i18n.get("merge.column.theirs_essp"), ClashRow::theirs, 260));
        clashes.getColumns().add(column(i18n.get("merge.column.code"), ClashRow::code, 120));
        clashes.getColumns().add(column(i18n.get("merge.column.mine_essp"), ClashRow::mine, 260));
        clashes.getColumns().add(column(i18n.get("merge.column.new_code"), ClashRow::proposedCode, 140));
        clashes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        clashes.setPrefHeight(90);
        CheckBox renumber = new CheckBox(i18n.get("merge.renumber"));
        renumber.setId("mergeRenumber");
        renumber.selectedProperty().bindBidirectional(viewModel.renumberProperty());
        VBox clashBox = new VBox(6, renumber, clashes);
        showWhenAny(clashBox, Bindings.isNotEmpty(viewModel.clashes()));

        TableView<ConflictRow> conflicts = new TableView<>(viewModel.conflicts());
        conflicts.setId("mergeConflicts");
        conflicts.setEditable(true);
        conflicts.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // the row, field and values are often longer than their column at 1366 px: the cell's tooltip shows them whole
        conflicts.getColumns().add(fullText(column(i18n.get("merge.column.table"), r -> i18n.table(r.table()), 110)));
        conflicts.getColumns().add(fullText(column(i18n.get("merge.column.row"), ConflictRow::row, 240)));
        conflicts.getColumns().add(fullText(column(i18n.get("merge.column.field"), r -> i18n.field(r.table(), r.field()), 160)));
        conflicts.getColumns().add(fullText(column(i18n.get("merge.column.base"), ConflictRow::base, 130)));
        conflicts.getColumns().add(fullText(column(i18n.get("merge.column.mine"), ConflictRow::mine, 130)));
        conflicts.getColumns().add(fullText(column(i18n.get("merge.column.theirs"), ConflictRow::theirs, 130)));
        TableColumn<ConflictRow, String> decision = new TableColumn<>(i18n.get("merge.column.decision"));
        decision.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> resolutionText(cell.getValue().resolutionProperty().get(), i18n), cell.getValue().resolutionProperty()));
        decision.setPrefWidth(120);
        TableColumn<ConflictRow, String> result = new TableColumn<>(i18n.get("merge.column.result"));
        result.setId("mergeResultColumn");
        result.setCellValueFactory(cell -> cell.getValue().resultProperty());
        result.setCellFactory(TextFieldTableCell.forTableColumn());
        result.setOnEditCommit(e -> e.getRowValue().edit(e.getNewValue()));
        result.setEditable(true);
        result.setPrefWidth(150);
        conflicts.getColumns().add(decision);
        conflicts.getColumns().add(result);
        // every column in view at 1366 px: the result is what the user decides
        conflicts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        conflicts.setPlaceholder(new Label(i18n.get("merge.conflicts.none")));
        VBox.setVgrow(conflicts, Priority.ALWAYS);
        Label conflictsTitle = new Label(i18n.get("merge.conflicts.title"));
        conflictsTitle.getStyleClass().add("text-bold");
        Button mine = new Button(i18n.get("merge.keep_mine"));
        mine.setId("mergeKeepMine");
        mine.setOnAction(e -> viewModel.keepMine(List.copyOf(conflicts.getSelectionModel().getSelectedItems())));
        Button theirs = new Button(i18n.get("merge.take_theirs"));
        theirs.setId("mergeTakeTheirs");
        theirs.setOnAction(e -> viewModel.takeTheirs(List.copyOf(conflicts.getSelectionModel().getSelectedItems())));
        Button allMine = new Button(i18n.get("merge.keep_all_mine"));
        allMine.setId("mergeKeepAllMine");
        allMine.setOnAction(e -> viewModel.keepAllMine());
        Button allTheirs = new Button(i18n.get("merge.take_all_theirs"));
        allTheirs.setId("mergeTakeAllTheirs");
        allTheirs.setOnAction(e -> viewModel.takeAllTheirs());
        for (Button b : new Button[] {mine, theirs, allMine, allTheirs}) {
            b.disableProperty().bind(Bindings.isEmpty(viewModel.conflicts()));
        }
        HBox conflictActions = new HBox(10, conflictsTitle, mine, theirs, allMine, allTheirs);
        conflictActions.setAlignment(Pos.CENTER_LEFT);
        VBox review = new VBox(8, summary, duplicateBox, clashBox, conflictActions, conflicts);
        ma.essp.diag.app.ui.TableRoom.atLeast(conflicts, 10);
        return review;
    }

    private static void showWhenAny(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static String choiceText(DuplicateChoice choice, I18n i18n) {
        return choice == null ? i18n.get("merge.undecided")
                : choice == DuplicateChoice.LINK ? i18n.get("merge.duplicate.linked") : i18n.get("merge.duplicate.kept");
    }

    private static String resolutionText(MergeViewModel.Resolution resolution, I18n i18n) {
        return switch (resolution) {
            case UNDECIDED -> i18n.get("merge.undecided");
            case MINE -> i18n.get("merge.resolution.mine");
            case THEIRS -> i18n.get("merge.resolution.theirs");
            case EDITED -> i18n.get("merge.resolution.edited");
        };
    }

    private static <S> TableColumn<S, String> fullText(TableColumn<S, String> column) {
        column.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        return column;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public Node view() {
        return page;
    }
}
