package ma.essp.diag.app.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingFigures.CohortFigures;
import ma.essp.diag.reporting.training.TrainingFigures.Reference;
import ma.essp.diag.reporting.training.TrainingFigures.Scenario;
import ma.essp.diag.reporting.training.TrainingFigures.ScenarioResult;
import ma.essp.diag.reporting.training.TrainingFigures.Seminar;
import ma.essp.diag.reporting.training.TrainingFigures.UnitCosts;

/**
 * The "next cohorts" budget scenario of the Formation screen (issue 14): N cohorts of M participants (of whom some
 * never come), seminars of the days typed ("3,3,2,2,3,2"), Moroccan and European experts each seminar day, and a unit
 * cost per line, costed with {@link TrainingFigures#scenario} (the figure the report, the workbook and the command
 * line show). The defaults are {@link TrainingFigures#referenceScenario}, the chosen cohort's own shape; the reference
 * column shows that cohort's own figures. Unit costs are shown and read with the window's decimal separator
 * ({@link I18n#formatDecimal(double, int)}, {@link I18n#parseDecimal}). Nothing is saved.
 */
public final class TrainingScenarioViewModel {

    /** The unit-cost lines of the scenario, in the order shown ({@link TrainingFigures#SCENARIO_LINES}). */
    public static final List<String> ITEMS = TrainingFigures.SCENARIO_LINES;

    /** A bar pair of the chart: a measure, the reference's and the scenario's amounts (null: nothing to draw). */
    public record Bar(String key, Double reference, Double scenario) {
    }

    private final I18n i18n;
    private final StringProperty cohorts = new SimpleStringProperty("");
    private final StringProperty participants = new SimpleStringProperty("");
    private final StringProperty noShows = new SimpleStringProperty("");
    private final StringProperty seminarDays = new SimpleStringProperty("");
    private final StringProperty moroccanExperts = new SimpleStringProperty("");
    private final StringProperty europeanExperts = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper cohortsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper participantsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noShowsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper seminarDaysError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper moroccanExpertsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper europeanExpertsError = new ReadOnlyStringWrapper("");
    private final Map<String, StringProperty> unitCosts = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> unitCostErrors = new LinkedHashMap<>();
    // outputs: the reference cohort and the scenario side by side
    private final ReadOnlyStringWrapper reference = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refParticipants = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refPerParticipant = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refPerCompleted = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioParticipants = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioCohortTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioPerParticipant = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioPerCompleted = new ReadOnlyStringWrapper("");
    private final ObservableList<Bar> chart = FXCollections.observableArrayList();
    private CohortFigures referenceFigures;
    private double hoursPerDay;
    private boolean filling;

    public TrainingScenarioViewModel(I18n i18n) {
        this.i18n = i18n;
        for (String item : ITEMS) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((obs, old, now) -> recompute());
            unitCosts.put(item, p);
            unitCostErrors.put(item, new ReadOnlyStringWrapper(""));
        }
        for (StringProperty p : List.of(cohorts, participants, noShows, seminarDays, moroccanExperts, europeanExperts)) {
            p.addListener((obs, old, now) -> recompute());
        }
    }

    /** Takes the chosen cohort as the reference: its figures and the default inputs; clears everything without one. */
    public void show(TrainingData data, Integer cohortId) {
        filling = true;
        try {
            if (data == null || cohortId == null || data.cohorts().stream().noneMatch(c -> c.id() == cohortId)) {
                referenceFigures = null;
                hoursPerDay = 0;
                reference.set("");
                List.of(cohorts, participants, noShows, seminarDays, moroccanExperts, europeanExperts).forEach(p -> p.set(""));
                unitCosts.values().forEach(p -> p.set(""));
            } else {
                Reference ref = TrainingFigures.referenceScenario(data, cohortId);
                CohortFigures f = ref.figures();
                Scenario s = ref.scenario();
                referenceFigures = f;
                hoursPerDay = ref.result().days() == 0 ? 0 : ref.result().hours() / ref.result().days();
                reference.set(f.cohort().name());
                refParticipants.set(i18n.formatNumber(f.participants()));
                refTotal.set(mad(f.budget().cost()));
                refPerParticipant.set(madOrDash(f.costPerTrainee()));
                refPerCompleted.set(madOrDash(f.costPerCompleted()));
                cohorts.set("1");
                int n = s.participants() > 0 ? s.participants() : f.seats() == null ? 0 : f.seats();
                participants.set(String.valueOf(n));
                noShows.set(String.valueOf(s.participants() > 0 ? s.noShows() : 0));
                seminarDays.set(s.seminars().stream().map(x -> String.valueOf(x.days()))
                        .collect(java.util.stream.Collectors.joining(",")));
                moroccanExperts.set(String.valueOf(s.moroccanExperts()));
                europeanExperts.set(String.valueOf(s.europeanExperts()));
                UnitCosts u = s.costs();
                double[] values = {u.perDiemPerDay(), u.accommodationPerNight(), u.travelPerTrip(), u.moroccanExpertPerDay(),
                        u.europeanExpertPerDay(), u.venuePerDay(), u.materialsPerParticipant(), u.tuitionPerParticipant()};
                for (int i = 0; i < ITEMS.size(); i++) {
                    unitCosts.get(ITEMS.get(i)).set(typed(values[i]));
                }
            }
        } finally {
            filling = false;
        }
        recompute();
    }

    /** An amount typed back in a field: whole MAD, or two decimals when not whole, with the window's separators. */
    private String typed(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return i18n.formatDecimal(rounded, rounded % 1 == 0 ? 0 : 2);
    }

    /** Validates every input (message under the field) and, when all are valid, computes the scenario's figures. */
    private void recompute() {
        if (filling) {
            return;
        }
        Integer c = positiveInteger(cohorts.get(), cohortsError);
        Integer m = positiveInteger(participants.get(), participantsError);
        Integer absent = count(noShows.get(), noShowsError);
        if (absent != null && m != null && absent > m) {
            noShowsError.set(i18n.get("training.scenario.error.noShows"));
            absent = null;
        }
        List<Integer> days = TrainingFigures.seminarDays(seminarDays.get());
        seminarDaysError.set(days == null ? i18n.get("training.scenario.error.seminarDays") : "");
        Integer moroccan = count(moroccanExperts.get(), moroccanExpertsError);
        Integer european = count(europeanExperts.get(), europeanExpertsError);
        Map<String, Double> costs = new LinkedHashMap<>();
        boolean valid = c != null && m != null && absent != null && days != null && moroccan != null && european != null;
        for (String item : ITEMS) {
            Double v = amount(unitCosts.get(item).get(), unitCostErrors.get(item));
            valid &= v != null;
            costs.put(item, v);
        }
        if (!valid || referenceFigures == null) {
            List.of(scenarioParticipants, scenarioCohortTotal, scenarioTotal, scenarioPerParticipant, scenarioPerCompleted)
                    .forEach(p -> p.set("—"));
            chart.clear();
            return;
        }
        List<Seminar> pattern = days.stream().map(d -> new Seminar(d, d * hoursPerDay)).toList();
        ScenarioResult r = TrainingFigures.scenario(new Scenario(c, m, absent, pattern, moroccan, european,
                new UnitCosts(costs.get("per_diem"), costs.get("accommodation"), costs.get("travel"),
                        costs.get("moroccan_experts"), costs.get("european_experts"), costs.get("venue"),
                        costs.get("materials"), costs.get("tuition"))));
        scenarioParticipants.set(i18n.formatNumber((long) c * m));
        scenarioCohortTotal.set(mad(r.cohortTotal()));
        scenarioTotal.set(mad(r.total()));
        scenarioPerParticipant.set(madOrDash(r.costPerTrainee()));
        scenarioPerCompleted.set(madOrDash(r.costPerCompleted()));
        double refCost = referenceFigures.budget().cost();
        chart.setAll(new Bar("training.scenario.out.cohortTotal", refCost, r.cohortTotal()),
                new Bar("training.scenario.out.total", refCost, r.total()),
                new Bar("training.scenario.out.perParticipant", referenceFigures.costPerTrainee(), r.costPerTrainee()),
                new Bar("training.scenario.out.perCompleted", referenceFigures.costPerCompleted(), r.costPerCompleted()));
    }

    private Integer count(String text, ReadOnlyStringWrapper error) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{1,6}")) {
            error.set("");
            return Integer.parseInt(t);
        }
        error.set(i18n.get("training.scenario.error.count"));
        return null;
    }

    private Integer positiveInteger(String text, ReadOnlyStringWrapper error) {
        String t = text == null ? "" : text.strip();
        try {
            int v = Integer.parseInt(t);
            if (v > 0) {
                error.set("");
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        error.set(i18n.get("training.scenario.error.positiveInteger"));
        return null;
    }

    private Double amount(String text, ReadOnlyStringWrapper error) {
        Double v = i18n.parseDecimal(text);
        if (v == null || v.isNaN() || v.isInfinite() || v < 0) {
            error.set(i18n.get("training.scenario.error.amount"));
            return null;
        }
        error.set("");
        return v;
    }

    private String mad(double amount) {
        return i18n.get("training.mad", i18n.formatNumber(Math.round(amount)));
    }

    private String madOrDash(Double amount) {
        return amount == null ? "—" : mad(amount);
    }

    // ------------------------------------------------------------------ properties

    public StringProperty cohortsProperty() { return cohorts; }
    public StringProperty participantsProperty() { return participants; }
    public StringProperty noShowsProperty() { return noShows; }
    public StringProperty seminarDaysProperty() { return seminarDays; }
    public StringProperty moroccanExpertsProperty() { return moroccanExperts; }
    public StringProperty europeanExpertsProperty() { return europeanExperts; }
    public ReadOnlyStringProperty cohortsErrorProperty() { return cohortsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty participantsErrorProperty() { return participantsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noShowsErrorProperty() { return noShowsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty seminarDaysErrorProperty() { return seminarDaysError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty moroccanExpertsErrorProperty() { return moroccanExpertsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty europeanExpertsErrorProperty() { return europeanExpertsError.getReadOnlyProperty(); }

    /** The chart's bar pairs: one cohort, total, per participant, per completed participant (empty while invalid). */
    public ObservableList<Bar> chart() { return chart; }

    /** The unit cost typed for an item of {@link #ITEMS}. */
    public StringProperty unitCostProperty(String item) { return unitCosts.get(item); }

    public ReadOnlyStringProperty unitCostErrorProperty(String item) { return unitCostErrors.get(item).getReadOnlyProperty(); }

    public ReadOnlyStringProperty referenceProperty() { return reference.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refParticipantsProperty() { return refParticipants.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refTotalProperty() { return refTotal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refPerParticipantProperty() { return refPerParticipant.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refPerCompletedProperty() { return refPerCompleted.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scenarioParticipantsProperty() { return scenarioParticipants.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scenarioCohortTotalProperty() { return scenarioCohortTotal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scenarioTotalProperty() { return scenarioTotal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scenarioPerParticipantProperty() { return scenarioPerParticipant.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scenarioPerCompletedProperty() { return scenarioPerCompleted.getReadOnlyProperty(); }
}
