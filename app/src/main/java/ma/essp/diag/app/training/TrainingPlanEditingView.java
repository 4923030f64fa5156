package ma.essp.diag.app.training;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.training.TrainingViewModel.AttendanceRow;
import ma.essp.diag.app.training.TrainingViewModel.SessionRow;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.FormParts;

/**
 * The editing parts of the Formation screen, bound to {@link TrainingPlanEditing}: the cohort form (name, dates, seats,
 * place, status; save, delete), the session edit form under the sessions table and the button taking a participant out
 * of the cohort under the attendance grid.
 */
final class TrainingPlanEditingView {

    private final TrainingPlanEditing vm;
    private final I18n i18n;

    TrainingPlanEditingView(TrainingPlanEditing vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    /** The chosen cohort's form. */
    Node cohortForm() {
        TextField name = FormParts.field(i18n, "training.cohort.name", 260, vm.cohortNameProperty());
        name.setId("cohortName");
        TextField start = FormParts.field(i18n, "training.session.start", 110, vm.cohortStartProperty());
        start.setId("cohortStart");
        TextField end = FormParts.field(i18n, "training.session.end", 110, vm.cohortEndProperty());
        end.setId("cohortEnd");
        TextField seats = FormParts.field(i18n, "training.cohort.seats", 70, vm.cohortSeatsProperty());
        seats.setId("cohortSeats");
        TextField place = FormParts.field(i18n, "training.session.place", 160, vm.cohortPlaceProperty());
        ComboBox<FilterChoice> status = new ComboBox<>();
        status.getItems().setAll(vm.statusChoices());
        status.setPromptText(i18n.get("training.cohort.status"));
        status.setPrefWidth(140);
        status.valueProperty().bindBidirectional(vm.cohortStatusProperty());
        Button save = new Button(i18n.get("training.cohort.save"));
        save.setId("saveCohort");
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.saveCohort());
        Button delete = new Button(i18n.get("training.cohort.delete"));
        delete.setId("deleteCohort");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> vm.deleteCohort());
        FlowPane form = new FlowPane(6, 6, labelled("training.cohort.name", name), labelled("training.session.start", start),
                labelled("training.session.end", end), labelled("training.cohort.seats", seats),
                labelled("training.session.place", place), labelled("training.cohort.status", status), save, delete);
        form.setAlignment(Pos.BOTTOM_LEFT);
        Label message = FormParts.errorLabel();
        message.setId("cohortMessage");
        message.textProperty().bind(vm.cohortMessageProperty());
        Label hint = FormParts.wrapping(i18n.get("training.cohort.hint"));
        VBox box = new VBox(6, form, hint, message);
        box.setPadding(new Insets(0, 0, 6, 0));
        return box;
    }

    /** The gender balance of the chosen cohort, per region against the regional quotas, and the quota form. */
    Node balance() {
        Label title = new Label(i18n.get("training.balance.title"));
        title.getStyleClass().add("title-4");
        Label summary = FormParts.wrapping("");
        summary.setId("genderSummary");
        summary.textProperty().bind(vm.genderSummaryProperty());
        TableView<TrainingPlanEditing.BalanceRow> table = new TableView<>(vm.balance());
        table.setId("balanceTable");
        table.getColumns().add(FormParts.textColumn(i18n, "training.balance.region", TrainingPlanEditing.BalanceRow::region, 260));
        table.getColumns().add(FormParts.textColumn(i18n, "training.balance.quota", TrainingPlanEditing.BalanceRow::quota, 110));
        table.getColumns().add(FormParts.textColumn(i18n, "training.balance.participants", TrainingPlanEditing.BalanceRow::participants, 100));
        table.getColumns().add(FormParts.textColumn(i18n, "training.balance.women", TrainingPlanEditing.BalanceRow::women, 80));
        table.getColumns().add(FormParts.textColumn(i18n, "training.balance.men", TrainingPlanEditing.BalanceRow::men, 80));
        table.getColumns().add(FormParts.textColumn(i18n, "training.balance.share", TrainingPlanEditing.BalanceRow::womenShare, 120));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.pickRegion(now));
        ComboBox<FilterChoice> region = new ComboBox<>(vm.regions());
        region.setId("quotaRegion");
        region.setPromptText(i18n.get("training.balance.region"));
        region.setPrefWidth(260);
        region.valueProperty().bindBidirectional(vm.quotaRegionProperty());
        TextField seats = FormParts.field(i18n, "training.balance.quota", 80, vm.quotaSeatsProperty());
        seats.setId("quotaSeats");
        Button set = new Button(i18n.get("training.balance.setQuota"));
        set.setId("saveQuota");
        set.setOnAction(e -> vm.saveQuota());
        Label message = FormParts.errorLabel();
        message.setId("quotaMessage");
        message.textProperty().bind(vm.quotaMessageProperty());
        FlowPane form = new FlowPane(6, 6, region, seats, set);
        form.setAlignment(Pos.CENTER_LEFT);
        Label hint = FormParts.wrapping(i18n.get("training.balance.hint"));
        VBox box = new VBox(6, title, summary, table, form, hint, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** The form editing the session picked in {@code table} (a double click or the Edit button opens it). */
    Node sessionEditor(TableView<SessionRow> table) {
        Button open = new Button(i18n.get("training.session.edit"));
        open.setId("editSession");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.editSession(table.getSelectionModel().getSelectedItem().id()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                vm.editSession(table.getSelectionModel().getSelectedItem().id());
            }
        });
        Button delete = new Button(i18n.get("training.session.delete"));
        delete.setId("deleteSession");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> vm.deleteSession(table.getSelectionModel().getSelectedItem().id()));
        TextField title = FormParts.field(i18n, "training.session.title", 180, vm.sessionTitleProperty());
        title.setId("editSessionTitle");
        TextField start = FormParts.field(i18n, "training.session.start", 105, vm.sessionStartProperty());
        start.setId("editSessionStart");
        TextField end = FormParts.field(i18n, "training.session.end", 105, vm.sessionEndProperty());
        end.setId("editSessionEnd");
        TextField hours = FormParts.field(i18n, "training.session.hours", 60, vm.sessionHoursProperty());
        hours.setId("editSessionHours");
        TextField place = FormParts.field(i18n, "training.session.place", 120, vm.sessionPlaceProperty());
        TextField trainers = FormParts.field(i18n, "training.session.trainers", 140, vm.sessionTrainersProperty());
        Button save = new Button(i18n.get("training.session.save"));
        save.setId("saveSession");
        save.setOnAction(e -> vm.saveSession());
        Button cancel = new Button(i18n.get("training.session.cancel"));
        cancel.setOnAction(e -> vm.editSession(-1));
        FlowPane form = new FlowPane(6, 6, title, start, end, hours, place, trainers, save, cancel);
        form.visibleProperty().bind(vm.editedSessionProperty().greaterThanOrEqualTo(0));
        form.managedProperty().bind(form.visibleProperty());
        Label message = FormParts.errorLabel();
        message.setId("editSessionMessage");
        message.textProperty().bind(vm.sessionMessageProperty());
        return new VBox(6, new FlowPane(6, 6, open, delete), form, message);
    }

    /** Takes the participant picked in the attendance grid out of the cohort. */
    Node removeParticipant(TableView<AttendanceRow> grid) {
        Button remove = new Button(i18n.get("training.participants.remove"));
        remove.setId("removeParticipant");
        remove.disableProperty().bind(grid.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeParticipant(grid.getSelectionModel().getSelectedItem().participantId()));
        Label message = FormParts.errorLabel();
        message.textProperty().bind(vm.participantMessageProperty());
        FlowPane bar = new FlowPane(6, 6, remove, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node labelled(String key, Node field) {
        return new VBox(2, new Label(i18n.get(key)), field);
    }

}
