package ma.essp.diag.app.training;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.CostLine;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.database.rules.EsspFormRules;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingFigures.CohortFigures;
import ma.essp.diag.reporting.training.TrainingFigures.Scenario;
import ma.essp.diag.reporting.training.TrainingFigures.ScenarioResult;
import ma.essp.diag.reporting.training.TrainingFigures.Seminar;
import ma.essp.diag.reporting.training.TrainingFigures.UnitCosts;

/**
 * The "next cohorts" budget scenario of the Formation screen (issue 14), costed with
 * {@link TrainingFigures#scenario} from the chosen reference cohort: N cohorts of M participants, S seminars of D days
 * each, one trainer per seminar day, and a unit cost per item.
 * <p>
 * Default unit costs come from the reference cohort's cost lines (its actual lines, else its planned ones): for each
 * item, the lines' amounts ({@link TrainingFigures#amount}) ÷ the units the scenario's rule gives the reference cohort
 * itself (per diem: participants × days; accommodation: participants × nights; travel: participants × seminars;
 * trainers and venue: days; materials and tuition: participants). So the scenario with the reference's own shape costs
 * what the reference cost (lines of the item "other" are not part of the pattern). Per completed participant uses the
 * reference cohort's completion rate: cohort total ÷ (participants × rate). Nothing is saved.
 */
public final class TrainingScenarioViewModel {

    /** The unit-cost items of the scenario, in the order shown. */
    public static final List<String> ITEMS = List.of("per_diem", "accommodation", "travel", "trainers", "venue",
            "materials", "tuition");

    private final I18n i18n;
    private final StringProperty cohorts = new SimpleStringProperty("");
    private final StringProperty participants = new SimpleStringProperty("");
    private final StringProperty seminars = new SimpleStringProperty("");
    private final StringProperty days = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper cohortsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper participantsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper seminarsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper daysError = new ReadOnlyStringWrapper("");
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
    private Double completionRate;
    private double seminarHours;
    private boolean filling;

    public TrainingScenarioViewModel(I18n i18n) {
        this.i18n = i18n;
        for (String item : ITEMS) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((obs, old, now) -> recompute());
            unitCosts.put(item, p);
            unitCostErrors.put(item, new ReadOnlyStringWrapper(""));
        }
        for (StringProperty p : List.of(cohorts, participants, seminars, days)) {
            p.addListener((obs, old, now) -> recompute());
        }
    }

    /** Takes the chosen cohort as the reference: its figures and the default inputs; clears everything without one. */
    public void show(TrainingData data, Integer cohortId) {
        filling = true;
        try {
            if (data == null || cohortId == null || data.cohorts().stream().noneMatch(c -> c.id() == cohortId)) {
                completionRate = null;
                seminarHours = 0;
                reference.set("");
                List.of(cohorts, participants, seminars, days).forEach(p -> p.set(""));
                unitCosts.values().forEach(p -> p.set(""));
            } else {
                CohortFigures f = TrainingFigures.cohortFigures(data, cohortId);
                List<Session> sessions = TrainingFigures.sessionsOf(data, cohortId);
                int refDays = sessions.stream().mapToInt(TrainingScenarioViewModel::daysOf).sum();
                int refNights = sessions.stream().mapToInt(s -> Math.max(0, daysOf(s) - 1)).sum();
                int n = f.participants();
                completionRate = f.completionRate();
                seminarHours = sessions.isEmpty() ? 0 : f.sessionHours() / sessions.size();
                reference.set(f.cohort().name());
                refParticipants.set(i18n.formatNumber(n));
                refTotal.set(mad(f.budget().cost()));
                refPerParticipant.set(madOrDash(f.costPerTrainee()));
                refPerCompleted.set(madOrDash(f.costPerCompleted()));
                cohorts.set("1");
                participants.set(String.valueOf(n > 0 ? n : f.seats() == null ? 0 : f.seats()));
                seminars.set(String.valueOf(sessions.size()));
                days.set(sessions.isEmpty() ? "" : String.valueOf(Math.max(1, Math.round((double) refDays / sessions.size()))));
                boolean actual = f.budget().hasActual();
                Map<String, Double> amounts = new LinkedHashMap<>();
                for (CostLine l : data.costs()) {
                    if (l.cohortId() == cohortId && "actual".equals(l.kind()) == actual) {
                        amounts.merge(l.item(), TrainingFigures.amount(l), Double::sum);
                    }
                }
                Map<String, Double> refUnits = Map.of("per_diem", (double) n * refDays, "accommodation",
                        (double) n * refNights, "travel", (double) n * sessions.size(), "trainers", (double) refDays,
                        "venue", (double) refDays, "materials", (double) n, "tuition", (double) n);
                for (String item : ITEMS) {
                    double amount = amounts.getOrDefault(item, 0.0);
                    double units = refUnits.get(item);
                    unitCosts.get(item).set(units > 0 ? plain(amount / units) : "0");
                }
            }
        } finally {
            filling = false;
        }
        recompute();
    }

    private static int daysOf(Session s) {
        return (int) ChronoUnit.DAYS.between(s.startsOn(), s.endsOn()) + 1;
    }

    /** An amount typed back in a field: whole MAD, or two decimals when not whole; no grouping (typed as is). */
    private static String plain(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded % 1 == 0 ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** Validates every input (message under the field) and, when all are valid, computes the scenario's figures. */
    private void recompute() {
        if (filling) {
            return;
        }
        Integer c = positiveInteger(cohorts.get(), cohortsError);
        Integer m = positiveInteger(participants.get(), participantsError);
        Integer s = positiveInteger(seminars.get(), seminarsError);
        Integer d = positiveInteger(days.get(), daysError);
        Map<String, Double> costs = new LinkedHashMap<>();
        boolean valid = c != null && m != null && s != null && d != null;
        for (String item : ITEMS) {
            Double v = amount(unitCosts.get(item).get(), unitCostErrors.get(item));
            valid &= v != null;
            costs.put(item, v);
        }
        if (!valid || reference.get().isEmpty()) {
            List.of(scenarioParticipants, scenarioCohortTotal, scenarioTotal, scenarioPerParticipant, scenarioPerCompleted)
                    .forEach(p -> p.set("—"));
            return;
        }
        List<Seminar> pattern = java.util.Collections.nCopies(s, new Seminar(d, seminarHours));
        ScenarioResult r = TrainingFigures.scenario(new Scenario(c, m, 0, pattern, 1, 0,
                new UnitCosts(costs.get("per_diem"), costs.get("accommodation"), costs.get("travel"),
                        costs.get("trainers"), 0, costs.get("venue"), costs.get("materials"), costs.get("tuition"))));
        scenarioParticipants.set(i18n.formatNumber((long) c * m));
        scenarioCohortTotal.set(mad(r.cohortTotal()));
        scenarioTotal.set(mad(r.total()));
        scenarioPerParticipant.set(madOrDash(r.costPerTrainee()));
        scenarioPerCompleted.set(completionRate == null || completionRate == 0 ? "—"
                : mad(r.cohortTotal() / (m * completionRate)));
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
        Double v = EsspFormRules.parseDecimal(text);
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
    public StringProperty seminarsProperty() { return seminars; }
    public StringProperty daysProperty() { return days; }
    public ReadOnlyStringProperty cohortsErrorProperty() { return cohortsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty participantsErrorProperty() { return participantsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty seminarsErrorProperty() { return seminarsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty daysErrorProperty() { return daysError.getReadOnlyProperty(); }

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
