package ma.essp.diag.app.audit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import ma.essp.diag.app.audit.AuditViewModel.Row;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.LocalizedControls;
import ma.essp.diag.database.repository.AuditRepository.Author;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The audit screen: the filters above (member, from, to, ESSP code, table), the changes below, "show more" under
 * them. The table exports to Excel or CSV through its context menu like every table of the window.
 */
public final class AuditView implements FeatureScreen {

    private final VBox root;
    /** The page: it scrolls at laptop height rather than squeezing the table below ten rows. */
    private final javafx.scene.control.ScrollPane page;
    private final TextField esspField;

    public AuditView(AuditViewModel viewModel, I18n i18n) {
        Label title = new Label(i18n.get("mission.audit.title"));
        title.getStyleClass().add("title-3");

        ComboBox<Author> member = new ComboBox<>(viewModel.members());
        member.setId("auditMember");
        member.setPromptText(i18n.get("mission.audit.filter.member.all"));
        member.setConverter(new StringConverter<>() {
            @Override
            public String toString(Author a) {
                return a == null ? "" : a.name();
            }

            @Override
            public Author fromString(String s) {
                return null;
            }
        });
        member.valueProperty().bindBidirectional(viewModel.memberProperty());
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPrefWidth(140);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPrefWidth(140);
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        esspField = new TextField();
        esspField.setId("auditEssp");
        esspField.setPrefColumnCount(8);
        esspField.setPromptText(i18n.get("mission.audit.filter.essp.prompt"));
        esspField.textProperty().bindBidirectional(viewModel.esspCodeProperty());
        esspField.setOnAction(e -> viewModel.apply());
        ComboBox<String> table = new ComboBox<>(viewModel.tables());
        table.setId("auditTable");
        table.setPromptText(i18n.get("mission.audit.filter.table.all"));
        table.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return viewModel.tableLabel(name);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        table.valueProperty().bindBidirectional(viewModel.tableProperty());
        Button apply = new Button(i18n.get("mission.audit.filter.apply"), new FontIcon(Material2AL.FILTER_LIST));
        apply.setId("auditApply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> viewModel.apply());
        Button clear = new Button(i18n.get("mission.audit.filter.clear"));
        clear.setId("auditClear");
        clear.setOnAction(e -> viewModel.clearFilters());

        FlowPane filters = new FlowPane(8, 8,
                labelled(i18n.get("mission.audit.filter.member"), member),
                labelled(i18n.get("mission.audit.filter.from"), from),
                labelled(i18n.get("mission.audit.filter.to"), to),
                labelled(i18n.get("mission.audit.filter.essp"), esspField),
                labelled(i18n.get("mission.audit.filter.table"), table),
                apply, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> changes = new TableView<>(viewModel.rows());
        changes.setId("auditTableView");
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        changes.getColumns().add(column(i18n.get("mission.audit.column.when"), Row::when, 125));
        changes.getColumns().add(column(i18n.get("mission.audit.column.member"), Row::member, 110));
        changes.getColumns().add(column(i18n.get("mission.audit.column.device"), Row::device, 70));
        changes.getColumns().add(column(i18n.get("mission.audit.column.table"), Row::table, 130));
        changes.getColumns().add(column(i18n.get("mission.audit.column.essp"), Row::essp, 130));
        changes.getColumns().add(column(i18n.get("mission.audit.column.action"), Row::action, 85));
        changes.getColumns().add(column(i18n.get("mission.audit.column.field"), Row::field, 145));
        changes.getColumns().add(column(i18n.get("mission.audit.column.old"), Row::oldValue, 100));
        changes.getColumns().add(column(i18n.get("mission.audit.column.new"), Row::newValue, 100));
        VBox.setVgrow(changes, Priority.ALWAYS);

        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Button more = new Button(i18n.get("mission.audit.more", AuditViewModel.PAGE), new FontIcon(Material2MZ.UNFOLD_MORE));
        more.setId("auditMore");
        more.visibleProperty().bind(viewModel.moreProperty());
        more.disableProperty().bind(viewModel.busyProperty());
        more.setOnAction(e -> viewModel.loadMore());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, status, spacer, more);
        footer.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(10, title, filters, changes, footer);
        root.setPadding(new Insets(16));
        ma.essp.diag.app.ui.TableRoom.atLeast(changes, 10);
        page = new javafx.scene.control.ScrollPane(root);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.getStyleClass().add("edge-to-edge");
        LocalizedControls.apply(root, i18n);
    }

    private static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        HBox box = new HBox(4, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TableColumn<Row, String> column(String header, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(header);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    @Override
    public Node view() {
        return page;
    }

    @Override
    public Node searchField() {
        return esspField;
    }
}
