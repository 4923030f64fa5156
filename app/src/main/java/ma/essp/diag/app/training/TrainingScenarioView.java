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
import javafx.scene.layout.HBox;
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
        row = input(inputs, row, "training.scenario.noShows", "scenarioNoShows", vm.noShowsProperty(), vm.noShowsErrorProperty());
        row = input(inputs, row, "training.scenario.seminarDays", "scenarioSeminarDays", vm.seminarDaysProperty(),
                vm.seminarDaysErrorProperty());
        row = input(inputs, row, "training.scenario.moroccanExperts", "scenarioMoroccanExperts", vm.moroccanExpertsProperty(),
                vm.moroccanExpertsErrorProperty());
        row = input(inputs, row, "training.scenario.europeanExperts", "scenarioEuropeanExperts", vm.europeanExpertsProperty(),
                vm.europeanExpertsErrorProperty());
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

        FlowPane both = new FlowPane(32, 16, inputs, new VBox(12, compare, chart(), note));
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
            case "moroccan_experts" -> "training.scenario.cost.moroccan_experts";
            case "european_experts" -> "training.scenario.cost.european_experts";
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

    /**
     * The chart: for one cohort, the total, per participant and per completed participant, the reference's bar above
     * the scenario's, each pair drawn to the scale of its larger amount (a total and a cost per participant differ a
     * hundredfold), the amount at the bar's end. Mirrored with the window in Arabic.
     */
    private Node chart() {
        VBox box = new VBox(6);
        box.setId("scenarioChart");
        box.setMaxWidth(460);
        Label title = bold(i18n.get("training.scenario.chart"));
        HBox legend = new HBox(12, swatch("training.scenario.chart.reference", REFERENCE),
                swatch("training.scenario.chart.scenario", SCENARIO));
        VBox rows = new VBox(8);
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (TrainingScenarioViewModel.Bar bar : vm.chart()) {
                double max = Math.max(bar.reference() == null ? 0 : bar.reference(), bar.scenario() == null ? 0 : bar.scenario());
                rows.getChildren().add(new VBox(2, new Label(i18n.get(bar.key())), bar(bar.reference(), max, REFERENCE),
                        bar(bar.scenario(), max, SCENARIO)));
            }
        };
        vm.chart().addListener((javafx.collections.ListChangeListener<TrainingScenarioViewModel.Bar>) c -> fill.run());
        fill.run();
        box.getChildren().addAll(title, legend, rows);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.chart()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static final String REFERENCE = "-color-accent-emphasis";
    private static final String SCENARIO = "-color-warning-emphasis";
    private static final double BAR_WIDTH = 300;

    private Node bar(Double value, double max, String colour) {
        Region r = new Region();
        double width = value == null || max <= 0 ? 0 : Math.max(1, BAR_WIDTH * value / max);
        r.setMinSize(width, 14);
        r.setPrefSize(width, 14);
        r.setMaxSize(width, 14);
        r.setStyle("-fx-background-color: " + colour + ";");
        Label amount = new Label(value == null ? "—" : i18n.get("training.mad", i18n.formatNumber(Math.round(value))));
        amount.setStyle("-fx-font-size: 0.9em;");
        HBox line = new HBox(6, r, amount);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return line;
    }

    private Node swatch(String key, String colour) {
        Region r = new Region();
        r.setMinSize(12, 12);
        r.setMaxSize(12, 12);
        r.setStyle("-fx-background-color: " + colour + ";");
        HBox h = new HBox(4, r, new Label(i18n.get(key)));
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
