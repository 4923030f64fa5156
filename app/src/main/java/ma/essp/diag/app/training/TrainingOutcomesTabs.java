package ma.essp.diag.app.training;

import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.training.TrainingOutcomesViewModel.ProjectRow;
import ma.essp.diag.app.training.TrainingOutcomesViewModel.Score;
import ma.essp.diag.app.training.TrainingOutcomesViewModel.ScoreRow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.ColumnContent;
import ma.essp.diag.app.ui.FormParts;

/**
 * The Formation screen's Évaluation and Projets tabs, bound to {@link TrainingOutcomesViewModel}: the score grid of a
 * session (type a score and Enter, Tab / arrows move on, like the attendance grid) and the projects with their form.
 */
final class TrainingOutcomesTabs {

    private final TrainingOutcomesViewModel vm;
    private final I18n i18n;
    /** The score cell to focus once the grid is refilled after a commit: row, column (row -1: none). */
    private final int[] next = {-1, -1};

    TrainingOutcomesTabs(TrainingOutcomesViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    // ------------------------------------------------------------------ evaluation

    Node evaluationTab() {
        ComboBox<FilterChoice> sessionBox = new ComboBox<>(vm.sessionChoices());
        sessionBox.setId("evaluationSession");
        sessionBox.valueProperty().bindBidirectional(vm.sessionProperty());
        sessionBox.setPrefWidth(360);
        ComboBox<FilterChoice> functionBox = new ComboBox<>();
        functionBox.setId("evaluationFunction");
        functionBox.getItems().setAll(vm.functionChoices());
        functionBox.valueProperty().bindBidirectional(vm.targetFunctionProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("training.eval.session")), sessionBox,
                new Label(i18n.get("training.eval.function")), functionBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        TableView<ScoreRow> grid = new TableView<>(vm.scores());
        grid.setId("evaluationGrid");
        grid.setEditable(true);
        grid.getSelectionModel().setCellSelectionEnabled(true);
        ColumnContent.headingsWrapBetweenWords(grid);
        grid.getColumns().add(FormParts.textColumn(i18n, "training.attendance.participant", ScoreRow::name, 240));
        grid.getColumns().add(editable("training.eval.pre", ScoreRow::pre, (r, t) -> vm.setScore(r, Score.PRE, t), "preColumn"));
        grid.getColumns().add(editable("training.eval.post", ScoreRow::post, (r, t) -> vm.setScore(r, Score.POST, t), "postColumn"));
        TableColumn<ScoreRow, String> gain = FormParts.textColumn(i18n, "training.eval.gain", ScoreRow::gain, 120);
        gain.setId("gainColumn");
        grid.getColumns().add(gain);
        grid.getColumns().add(editable("training.eval.reaction", ScoreRow::reaction,
                (r, t) -> vm.setScore(r, Score.REACTION, t), "reactionColumn"));
        grid.getColumns().add(FormParts.textColumn(i18n, "training.eval.level3", ScoreRow::level3, 300));
        keyboardEntry(grid);
        Label sessionSummary = FormParts.wrapping("");
        sessionSummary.setId("evaluationSummary");
        sessionSummary.textProperty().bind(vm.sessionSummaryProperty());
        Label cohortSummary = FormParts.wrapping("");
        cohortSummary.textProperty().bind(vm.cohortSummaryProperty());
        Label message = FormParts.errorLabel();
        message.setId("evaluationMessage");
        message.textProperty().bind(vm.evaluationMessageProperty());
        Label hint = FormParts.wrapping("");
        hint.setText(i18n.get("training.eval.hint"));
        VBox box = new VBox(6, bar, hint, grid, sessionSummary, cohortSummary, message);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * Keyboard entry: F2 or Enter edits the focused score cell; after a score is committed the cell below takes the focus
     * once the grid is refilled (type, Enter, type, Enter down a column).
     */
    private void keyboardEntry(TableView<ScoreRow> grid) {
        grid.setOnKeyPressed(e -> {
            var focused = grid.getFocusModel().getFocusedCell();
            if ((e.getCode() == javafx.scene.input.KeyCode.F2 || e.getCode() == javafx.scene.input.KeyCode.ENTER)
                    && grid.getEditingCell() == null && focused != null && focused.getTableColumn() != null
                    && focused.getTableColumn().isEditable()) {
                grid.edit(focused.getRow(), focused.getTableColumn());
                e.consume();
            }
        });
        grid.getItems().addListener((ListChangeListener<ScoreRow>) c -> {
            if (next[0] >= 0 && next[0] < grid.getItems().size() && next[1] >= 0) {
                grid.getSelectionModel().clearAndSelect(next[0], grid.getColumns().get(next[1]));
                grid.getFocusModel().focus(next[0], grid.getColumns().get(next[1]));
                grid.requestFocus();
            }
            next[0] = -1;
        });
    }

    private TableColumn<ScoreRow, String> editable(String key, Function<ScoreRow, String> value,
                                                   BiConsumer<ScoreRow, String> commit, String id) {
        TableColumn<ScoreRow, String> c = FormParts.textColumn(i18n, key, value, 130);
        c.setId(id);
        c.setEditable(true);
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            next[0] = e.getTablePosition().getRow() + 1;
            next[1] = e.getTableView().getColumns().indexOf(e.getTableColumn());
            commit.accept(e.getRowValue(), e.getNewValue());
        });
        return c;
    }

    // ------------------------------------------------------------------ projects

    Node projectsTab() {
        TableView<ProjectRow> table = new TableView<>(vm.projects());
        table.setId("projectTable");
        ColumnContent.headingsWrapBetweenWords(table);
        table.getColumns().add(FormParts.textColumn(i18n, "training.project.title", ProjectRow::title, 240));
        table.getColumns().add(FormParts.textColumn(i18n, "training.project.team", ProjectRow::team, 250));
        table.getColumns().add(FormParts.textColumn(i18n, "training.project.theme", ProjectRow::theme, 250));
        table.getColumns().add(FormParts.textColumn(i18n, "training.project.supervisor", ProjectRow::supervisor, 130));
        table.getColumns().add(FormParts.textColumn(i18n, "training.project.defence", ProjectRow::defence, 100));
        table.getColumns().add(FormParts.textColumn(i18n, "training.project.result", ProjectRow::result, 100));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.editProject(table.getSelectionModel().getSelectedItem());
            }
        });
        Label counts = FormParts.wrapping("");
        counts.textProperty().bind(vm.projectCountsProperty());
        Button editButton = new Button(i18n.get("training.project.edit"));
        editButton.setId("editProject");
        editButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        editButton.setOnAction(e -> vm.editProject(table.getSelectionModel().getSelectedItem()));
        Button deleteButton = new Button(i18n.get("training.project.delete"));
        deleteButton.setId("deleteProject");
        deleteButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.setOnAction(e -> vm.deleteProject(table.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(6, editButton, deleteButton);

        Label formTitle = new Label();
        formTitle.setStyle("-fx-font-weight: bold;");
        formTitle.textProperty().bind(vm.projectFormTitleProperty());
        TextField title = FormParts.field(i18n, "training.project.title", 260, vm.projectTitleProperty());
        title.setId("projectTitle");
        TextField theme = FormParts.field(i18n, "training.project.theme", 200, vm.projectThemeProperty());
        ComboBox<FilterChoice> axis = combo(vm.axisChoices(), vm.projectAxisProperty());
        axis.setId("projectAxis");
        ComboBox<FilterChoice> reform = combo(vm.reformChoices(), vm.projectReformProperty());
        reform.setId("projectReform");
        TextField supervisor = FormParts.field(i18n, "training.project.supervisor", 160, vm.projectSupervisorProperty());
        TextField defence = FormParts.field(i18n, "training.project.defence", 110, vm.projectDefenceProperty());
        defence.setId("projectDefence");
        ComboBox<FilterChoice> result = combo(vm.resultChoices(), vm.projectResultProperty());
        ListView<FilterChoice> teamList = new ListView<>(vm.participantChoices());
        teamList.setId("projectTeam");
        teamList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        teamList.setPrefHeight(110);
        teamList.setPrefWidth(260);
        // the list's selection is the form's team, both ways (the view model fills it when a project is edited)
        boolean[] syncing = {false};
        teamList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<FilterChoice>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                vm.team().setAll(teamList.getSelectionModel().getSelectedItems());
                syncing[0] = false;
            }
        });
        vm.team().addListener((ListChangeListener<FilterChoice>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                teamList.getSelectionModel().clearSelection();
                vm.team().forEach(teamList.getSelectionModel()::select);
                syncing[0] = false;
            }
        });
        Button save = new Button(i18n.get("training.project.save"));
        save.setId("saveProject");
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.saveProject());
        Button clear = new Button(i18n.get("training.project.clear"));
        clear.setOnAction(e -> vm.clearProjectForm());
        FlowPane fields = new FlowPane(6, 6, title, theme, axis, reform, supervisor, defence, result, save, clear);
        fields.setAlignment(Pos.CENTER_LEFT);
        VBox teamBox = new VBox(4, new Label(i18n.get("training.project.team")), teamList);
        HBox form = new HBox(10, teamBox, fields);
        HBox.setHgrow(fields, Priority.ALWAYS);
        Label message = FormParts.errorLabel();
        message.setId("projectMessage");
        message.textProperty().bind(vm.projectMessageProperty());
        VBox box = new VBox(6, counts, table, actions, formTitle, form, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ helpers

    private static ComboBox<FilterChoice> combo(java.util.List<FilterChoice> choices,
                                                javafx.beans.property.ObjectProperty<FilterChoice> value) {
        ComboBox<FilterChoice> box = new ComboBox<>();
        box.getItems().setAll(choices);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

}
