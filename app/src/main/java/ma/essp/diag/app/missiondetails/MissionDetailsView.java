package ma.essp.diag.app.missiondetails;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.LocalizedControls;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.repository.MissionDetailsRepository.StoredMember;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The mission details screen: the details form above, the team (table and member fields) below, in one scroll pane. */
public final class MissionDetailsView implements FeatureScreen {

    private final MissionDetailsViewModel viewModel;
    private final ScrollPane root;

    public MissionDetailsView(MissionDetailsViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;

        Label title = new Label(i18n.get("mission.details.title"));
        title.getStyleClass().add("title-3");
        TextField name = new TextField();
        name.setId("missionName");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        TextField beneficiary = new TextField();
        beneficiary.setId("missionBeneficiary");
        beneficiary.setPromptText(i18n.get("mission.details.beneficiary.prompt"));
        beneficiary.textProperty().bindBidirectional(viewModel.beneficiaryProperty());
        DatePicker start = new DatePicker();
        start.setId("missionStart");
        start.valueProperty().bindBidirectional(viewModel.startedOnProperty());
        DatePicker end = new DatePicker();
        end.setId("missionEnd");
        end.valueProperty().bindBidirectional(viewModel.endedOnProperty());
        Button save = new Button(i18n.get("mission.details.save"), new FontIcon(Material2MZ.SAVE));
        save.setId("missionSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.disableProperty().bind(viewModel.unsavedProperty().not().or(viewModel.busyProperty()));
        save.setOnAction(e -> viewModel.save());
        Button discard = new Button(i18n.get("mission.details.discard"));
        discard.setId("missionDiscard");
        discard.disableProperty().bind(viewModel.unsavedProperty().not());
        discard.setOnAction(e -> viewModel.discard());
        Label status = new Label();
        status.setId("missionStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(560);
        form.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        row = field(form, row, i18n.get("mission.details.name"), name, viewModel.nameErrorProperty(), "missionNameError");
        row = field(form, row, i18n.get("mission.details.beneficiary"), beneficiary, viewModel.beneficiaryErrorProperty(),
                "missionBeneficiaryError");
        row = field(form, row, i18n.get("mission.details.start"), start, null, null);
        field(form, row, i18n.get("mission.details.end"), end, viewModel.datesErrorProperty(), "missionDatesError");
        FlowPane buttons = new FlowPane(10, 6, save, discard, status);

        Label teamTitle = new Label(i18n.get("mission.team.title"));
        teamTitle.getStyleClass().add("title-4");
        TableView<StoredMember> team = new TableView<>(viewModel.team());
        team.setId("missionTeam");
        // room for ten members under the headers (the page scrolls)
        team.setPrefHeight(340);
        team.setMinHeight(160);
        team.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StoredMember, String> memberName = new TableColumn<>(i18n.get("mission.team.name"));
        memberName.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().values().fullName()));
        memberName.setPrefWidth(260);
        TableColumn<StoredMember, String> role = new TableColumn<>(i18n.get("mission.team.role"));
        role.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.roleLabel(c.getValue().values().role())));
        role.setPrefWidth(180);
        TableColumn<StoredMember, String> initials = new TableColumn<>(i18n.get("mission.team.initials"));
        initials.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().values().initials()));
        team.getColumns().setAll(java.util.List.of(memberName, role, initials));
        team.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> viewModel.selectedMemberProperty().set(now));
        viewModel.selectedMemberProperty().addListener((o, old, now) -> {
            if (now == null) {
                team.getSelectionModel().clearSelection();
            }
        });

        TextField memberField = new TextField();
        memberField.setId("memberName");
        memberField.setPromptText(i18n.get("mission.team.name"));
        memberField.textProperty().bindBidirectional(viewModel.memberNameProperty());
        memberField.setPrefColumnCount(18);
        ComboBox<ma.essp.diag.app.ui.FilterChoice> roleBox = new ComboBox<>(viewModel.roles());
        roleBox.setId("memberRole");
        roleBox.valueProperty().bindBidirectional(viewModel.memberRoleProperty());
        TextField initialsField = new TextField();
        initialsField.setId("memberInitials");
        initialsField.setPromptText(i18n.get("mission.team.initials"));
        initialsField.setPrefColumnCount(5);
        initialsField.textProperty().bindBidirectional(viewModel.memberInitialsProperty());
        Button add = new Button(i18n.get("mission.team.add"), new FontIcon(Material2AL.ADD));
        add.setId("memberAdd");
        add.setOnAction(e -> viewModel.addMember());
        Button update = new Button(i18n.get("mission.team.update"), new FontIcon(Material2AL.EDIT));
        update.setId("memberUpdate");
        update.disableProperty().bind(viewModel.selectedMemberProperty().isNull());
        update.setOnAction(e -> viewModel.updateMember());
        Button remove = new Button(i18n.get("mission.team.remove"), new FontIcon(Material2AL.DELETE));
        remove.setId("memberRemove");
        remove.disableProperty().bind(viewModel.selectedMemberProperty().isNull());
        remove.setOnAction(e -> viewModel.removeMember());
        for (Button b : java.util.List.of(add, update, remove, save, discard)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        FlowPane memberForm = new FlowPane(8, 6, memberField, roleBox, initialsField, add, update, remove);
        Label memberError = error(viewModel.memberErrorProperty(), "memberError");
        Label hint = new Label(i18n.get("mission.team.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);

        VBox box = new VBox(10, title, form, buttons, teamTitle, hint, team, memberForm, memberError);
        box.setPadding(new Insets(16));
        box.setMaxWidth(900);
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("missionDetails");
        LocalizedControls.apply(box, i18n);
    }

    private static int field(GridPane form, int row, String label, Node field, ObservableStringValue error, String errorId) {
        Label l = new Label(label);
        l.setLabelFor(field);
        form.add(l, 0, row);
        form.add(field, 1, row);
        if (field instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        if (error != null) {
            form.add(error(error, errorId), 1, row + 1);
            return row + 2;
        }
        return row + 1;
    }

    private static Label error(ObservableStringValue text, String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(text);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        return error;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return viewModel;
    }

    @Override
    public EditHistory editHistory() {
        return viewModel.history();
    }
}
