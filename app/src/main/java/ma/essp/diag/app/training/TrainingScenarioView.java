package ma.essp.diag.app.training;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import ma.essp.diag.app.i18n.I18n;

/**
 * The Scénario tab of the Formation screen: the next cohorts' inputs (each with its message underneath) and the
 * reference cohort and the scenario side by side, bound to {@link TrainingScenarioViewModel}.
 */
final class TrainingScenarioView {

    private final TrainingScenarioViewModel vm;
    private final I18n i18n;

    TrainingScenarioView(TrainingScenarioViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    Node tab() {
        GridPane inputs = new GridPane();
        inputs.setHgap(8);
        inputs.setVgap(4);
        inputs.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(150));
        int row = 0;
        row = input(inputs, row, "training.scenario.cohorts", "scenarioCohorts", vm.cohortsProperty(), vm.cohortsErrorProperty());
        row = input(inputs, row, "training.scenario.participants", "scenarioParticipants", vm.participantsProperty(),
                vm.participantsErrorProperty());
        row = input(inputs, row, "training.scenario.seminars", "scenarioSeminars", vm.seminarsProperty(),
                vm.seminarsErrorProperty());
        row = input(inputs, row, "training.scenario.days", "scenarioDays", vm.daysProperty(), vm.daysErrorProperty());
        for (String item : TrainingScenarioViewModel.ITEMS) {
            row = input(inputs, row, costKey(item), "scenarioCost-" + item, vm.unitCostProperty(item),
                    vm.unitCostErrorProperty(item));
        }

        GridPane compare = new GridPane();
        compare.setId("scenarioComparison");
        compare.setHgap(16);
        compare.setVgap(6);
        compare.add(new Label(""), 0, 0);
        compare.add(bold(i18n.get("training.scenario.reference")), 1, 0);
        compare.add(bold(i18n.get("training.scenario.title")), 2, 0);
        Label refName = new Label();
        refName.textProperty().bind(vm.referenceProperty());
        compare.add(refName, 1, 1);
        line(compare, 2, "training.scenario.out.participants", vm.refParticipantsProperty(), vm.scenarioParticipantsProperty());
        line(compare, 3, "training.scenario.out.cohortTotal", vm.refTotalProperty(), vm.scenarioCohortTotalProperty());
        line(compare, 4, "training.scenario.out.total", vm.refTotalProperty(), vm.scenarioTotalProperty());
        line(compare, 5, "training.scenario.out.perParticipant", vm.refPerParticipantProperty(),
                vm.scenarioPerParticipantProperty());
        line(compare, 6, "training.scenario.out.perCompleted", vm.refPerCompletedProperty(),
                vm.scenarioPerCompletedProperty());
        Label note = new Label(i18n.get("training.scenario.note"));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setMaxWidth(400);

        FlowPane both = new FlowPane(32, 16, inputs, new VBox(12, compare, note));
        both.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(both);
        scroll.setFitToWidth(true);
        scroll.setId("scenarioPane");
        return scroll;
    }

    /** The label key of an item's unit cost (literal keys, checked by LocalizationConsistencyTest). */
    private static String costKey(String item) {
        return switch (item) {
            case "per_diem" -> "training.scenario.cost.per_diem";
            case "accommodation" -> "training.scenario.cost.accommodation";
            case "travel" -> "training.scenario.cost.travel";
            case "trainers" -> "training.scenario.cost.trainers";
            case "venue" -> "training.scenario.cost.venue";
            case "materials" -> "training.scenario.cost.materials";
            case "tuition" -> "training.scenario.cost.tuition";
            default -> throw new IllegalArgumentException(item);
        };
    }

    private int input(GridPane grid, int row, String key, String id, javafx.beans.property.StringProperty value,
                      ObservableValue<String> error) {
        Label label = new Label(i18n.get(key));
        TextField field = new TextField();
        field.setId(id);
        field.setPrefWidth(150);
        field.textProperty().bindBidirectional(value);
        label.setLabelFor(field);
        Label message = new Label();
        message.setId(id + "-error");
        message.getStyleClass().addAll("field-error", "danger");
        message.setWrapText(true);
        message.textProperty().bind(error);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        grid.add(label, 0, row);
        grid.add(new VBox(2, field, message), 1, row);
        return row + 1;
    }

    private void line(GridPane grid, int row, String key, ObservableValue<String> reference,
                      ObservableValue<String> scenario) {
        grid.add(new Label(i18n.get(key)), 0, row);
        Label ref = new Label();
        ref.textProperty().bind(reference);
        Label sc = new Label();
        sc.textProperty().bind(scenario);
        sc.setId("scenario-" + key.substring(key.lastIndexOf('.') + 1));
        grid.add(ref, 1, row);
        grid.add(sc, 2, row);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
