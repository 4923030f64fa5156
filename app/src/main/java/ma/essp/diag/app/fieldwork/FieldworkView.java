package ma.essp.diag.app.fieldwork;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.FilterChoice;

/** The field templates screen: "Modèle Excel…" (kind, scope, language) and "Importer un classeur…" with its report. */
public final class FieldworkView implements FeatureScreen {

    private final VBox root;
    /** The page: it scrolls at laptop height rather than squeezing the table below ten rows. */
    private final javafx.scene.control.ScrollPane page;

    public FieldworkView(FieldworkViewModel viewModel, I18n i18n) {
        Label title = new Label(i18n.get("fieldwork.title"));
        title.getStyleClass().add("title-3");
        Label intro = new Label(i18n.get("fieldwork.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<FilterChoice> kind = combo("fieldworkKind", viewModel.kinds(), viewModel.kindProperty(), 260);
        ComboBox<FilterChoice> scope = combo("fieldworkScope", viewModel.scopes(), viewModel.scopeProperty(), 420);
        ComboBox<FilterChoice> language = combo("fieldworkLanguage", viewModel.languages(), viewModel.languageProperty(), 260);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.get("fieldwork.kind")), kind);
        form.addRow(1, new Label(i18n.get("fieldwork.scope")), scope);
        form.addRow(2, new Label(i18n.get("fieldwork.language")), language);
        Button template = new Button(i18n.get("fieldwork.template"));
        template.setId("fieldworkTemplate");
        template.setOnAction(e -> viewModel.writeTemplate());

        Label importTitle = new Label(i18n.get("fieldwork.import.title"));
        importTitle.getStyleClass().add("text-bold");
        Button choose = new Button(i18n.get("fieldwork.import"));
        choose.setId("fieldworkImportChoose");
        choose.setOnAction(e -> viewModel.chooseWorkbook());
        Button importAll = new Button(i18n.get("fieldwork.import.all"));
        importAll.setId("fieldworkImportAll");
        importAll.getStyleClass().add("accent");
        importAll.setOnAction(e -> viewModel.importAll());
        importAll.disableProperty().bind(viewModel.canImportProperty().not().or(viewModel.runningProperty()));
        Button importValid = new Button(i18n.get("fieldwork.import.valid_rows"));
        importValid.setId("fieldworkImportValidRows");
        importValid.setOnAction(e -> viewModel.importValidRows());
        importValid.disableProperty().bind(viewModel.canImportValidRowsProperty().not().or(viewModel.runningProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.runningProperty());
        for (Node n : new Node[] {kind, scope, language, template, choose}) {
            n.disableProperty().bind(viewModel.runningProperty());
        }
        HBox actions = new HBox(10, choose, importAll, importValid, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("fieldworkSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(viewModel.summaryProperty());
        TableView<FieldworkViewModel.ProblemRow> table = new TableView<>(viewModel.problems());
        table.setId("fieldworkProblems");
        table.getColumns().add(column(i18n.get("fieldwork.column.sheet"), FieldworkViewModel.ProblemRow::sheet, 110));
        table.getColumns().add(column(i18n.get("fieldwork.column.row"), FieldworkViewModel.ProblemRow::row, 60));
        table.getColumns().add(column(i18n.get("fieldwork.column.column"), FieldworkViewModel.ProblemRow::column, 150));
        TableColumn<FieldworkViewModel.ProblemRow, String> value =
                column(i18n.get("fieldwork.column.value"), FieldworkViewModel.ProblemRow::value, 160);
        TableColumn<FieldworkViewModel.ProblemRow, String> problem =
                column(i18n.get("fieldwork.column.problem"), FieldworkViewModel.ProblemRow::problem, 520);
        // a value or a problem longer than its column at 1366 px is read whole in the cell's tooltip
        value.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        problem.setCellFactory(ma.essp.diag.app.ui.FullTextCell.factory());
        table.getColumns().add(value);
        table.getColumns().add(problem);
        // the problem takes the width left: its words are what the user reads
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("fieldwork.import.none")));
        VBox.setVgrow(table, Priority.ALWAYS);
        // the selected problem in full under the table, wrapped over as many lines as it needs (where, the value and
        // why): a long message is read whole without pointing at its cell; the first problem is selected when a report
        // arrives
        Label detail = new Label();
        detail.setId("fieldworkProblemDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        // as wide as the page, never wider: a long message wraps instead of widening the page past the window
        detail.setMinWidth(0);
        detail.setPrefWidth(100);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.getStyleClass().add("problem-detail");
        detail.textProperty().bind(table.getSelectionModel().selectedItemProperty().map(p -> detailText(i18n, p))
                .orElse(i18n.get("fieldwork.problem.choose")));
        detail.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.problems()));
        detail.managedProperty().bind(detail.visibleProperty());
        viewModel.problems().addListener((javafx.collections.ListChangeListener<FieldworkViewModel.ProblemRow>) c -> {
            if (!viewModel.problems().isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });

        Label status = new Label();
        status.setId("fieldworkStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Label error = new Label();
        error.setId("fieldworkError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root = new VBox(10, title, intro, form, template, importTitle, actions, summary, table, detail, status, error);
        root.getStyleClass().add("feature-screen");
        root.setPadding(new Insets(16));
        ma.essp.diag.app.ui.TableRoom.atLeast(table, 10);
        page = new javafx.scene.control.ScrollPane(root);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.getStyleClass().add("edge-to-edge");
    }

    /** A problem as one sentence: its sheet, row, column and value, then why. */
    static String detailText(I18n i18n, FieldworkViewModel.ProblemRow p) {
        if (blank(p.sheet())) {
            return p.problem();
        }
        if (blank(p.row()) && blank(p.column())) {
            return i18n.get("fieldwork.problem.detail_sheet", p.sheet(), p.problem());
        }
        return blank(p.value())
                ? i18n.get("fieldwork.problem.detail_no_value", p.sheet(), blank(p.row()) ? "—" : p.row(),
                        blank(p.column()) ? "—" : p.column(), p.problem())
                : i18n.get("fieldwork.problem.detail", p.sheet(), blank(p.row()) ? "—" : p.row(),
                        blank(p.column()) ? "—" : p.column(), p.value(), p.problem());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ComboBox<FilterChoice> combo(String id, javafx.collections.ObservableList<FilterChoice> items,
                                                javafx.beans.property.ObjectProperty<FilterChoice> value, double width) {
        ComboBox<FilterChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setPrefWidth(width);
        return box;
    }

    private static TableColumn<FieldworkViewModel.ProblemRow, String> column(String title,
            Function<FieldworkViewModel.ProblemRow, String> value, double width) {
        TableColumn<FieldworkViewModel.ProblemRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public Node view() {
        return page;
    }

    @Override
    public void dispose() {
        // nothing to stop: a check or an import under way finishes on its own
    }
}
