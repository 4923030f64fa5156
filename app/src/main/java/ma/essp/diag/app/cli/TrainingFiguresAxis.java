package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.REGION;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingOutcomeRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.csv.Json;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingFigures.CohortFigures;
import ma.essp.diag.reporting.training.TrainingFigures.CostAxis;
import ma.essp.diag.reporting.training.TrainingFigures.CostTotal;
import ma.essp.diag.reporting.training.TrainingFigures.ProgrammeFigures;
import ma.essp.diag.reporting.training.TrainingFigures.Scenario;
import ma.essp.diag.reporting.training.TrainingFigures.ScenarioResult;
import ma.essp.diag.reporting.training.TrainingFigures.Seminar;
import ma.essp.diag.reporting.training.TrainingFigures.UnitCosts;

/**
 * {@code figures --axis training}: per cohort or per programme the hours, completion, certification, planned and
 * actual budget and the cost per trainee and per completed trainee; or the cost totals by year, region or funding
 * line, the expert-days by origin (Moroccan, European), the evaluation, or the "next cohorts" scenario against a reference cohort. All from {@link TrainingFigures} (the Formation screen's figures). Amounts in MAD, rates as fractions.
 */
final class TrainingFiguresAxis implements FiguresCommand.MissionTable {

    enum By {
        cohort, programme, year, region, funding_line, experts, evaluation, scenario;

        static By parse(String text) {
            try {
                return valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN,
                        "--by " + text + ": training takes cohort, programme, year, region, funding_line, experts, evaluation or scenario", e);
            }
        }
    }

    /**
     * {@code --by scenario}'s inputs: the reference cohort (required) and what changes from its own shape
     * ({@link TrainingFigures#referenceScenario}); null keeps the reference's value. {@code unitCosts} by line of
     * {@link TrainingFigures#SCENARIO_LINES}.
     */
    record ScenarioInputs(Integer reference, Integer cohorts, Integer participants, Integer noShows, String seminarDays,
                          Integer moroccanExperts, Integer europeanExperts, Map<String, Double> unitCosts) {
    }

    private final By by;
    private final ScenarioInputs scenario;

    TrainingFiguresAxis(By by) {
        this(by, null);
    }

    TrainingFiguresAxis(By by, ScenarioInputs scenario) {
        this.by = by;
        this.scenario = scenario;
    }

    @Override
    public int write(MissionFile mission, FiguresCommand.Format format, Writer writer) throws IOException {
        TrainingData data = new TrainingRepository(mission.dsl()).load();
        Map<String, String> regionCodes = new LinkedHashMap<>();
        mission.dsl().select(REGION.ID, REGION.CODE).from(REGION)
                .forEach(r -> regionCodes.put(String.valueOf(r.value1()), r.value2()));
        List<String> header;
        List<List<Object>> rows = new ArrayList<>();
        switch (by) {
            case cohort -> {
                header = List.of("cohort_id", "programme", "cohort", "region", "starts_on", "ends_on", "status", "seats",
                        "participants", "women", "sessions", "session_hours", "required_hours", "mean_hours_attended",
                        "completed", "completion_rate", "certified", "certification_rate", "planned_mad", "actual_mad",
                        "cost_basis", "cost_per_trainee_mad", "cost_per_completed_mad");
                for (CohortFigures f : TrainingFigures.cohortFigures(data)) {
                    rows.add(List.of(f.cohort().id(), f.programme() == null ? "" : f.programme().code(), f.cohort().name(),
                            f.cohort().regionId() == null ? "national" : regionCodes.getOrDefault(String.valueOf(f.cohort().regionId()), ""),
                            f.cohort().startsOn() == null ? "" : f.cohort().startsOn().toString(),
                            f.cohort().endsOn() == null ? "" : f.cohort().endsOn().toString(), f.cohort().status(),
                            f.seats() == null ? "" : f.seats(), f.participants(), f.women(), f.sessions(),
                            decimal(f.sessionHours(), 1), decimal(f.requiredHours(), 1), decimal(f.meanHoursAttended(), 1),
                            f.completed(), rate(f.completionRate()), f.certified(), rate(f.certificationRate()),
                            decimal(f.budget().planned(), 2), decimal(f.budget().actual(), 2),
                            f.budget().hasActual() ? "actual" : "planned", money(f.costPerTrainee()),
                            money(f.costPerCompleted())));
                }
            }
            case programme -> {
                header = List.of("programme", "kind", "title", "cohorts", "participants", "completed", "completion_rate",
                        "certified", "certification_rate", "planned_mad", "actual_mad", "cost_per_trainee_mad",
                        "cost_per_completed_mad");
                for (ProgrammeFigures f : TrainingFigures.programmeFigures(data)) {
                    rows.add(List.of(f.programme().code(), f.programme().kind(), f.programme().titleFr(), f.cohorts(),
                            f.participants(), f.completed(), rate(f.completionRate()), f.certified(),
                            rate(f.certificationRate()), decimal(f.budget().planned(), 2), decimal(f.budget().actual(), 2),
                            money(f.costPerTrainee()), money(f.costPerCompleted())));
                }
            }
            case experts -> {
                header = List.of("cohort_id", "cohort", "origin", "planned_expert_days", "planned_mad", "actual_expert_days",
                        "actual_mad");
                for (TrainingData.Cohort c : data.cohorts()) {
                    expertRows(rows, c.id(), c.name(), TrainingFigures.expertDays(data, c.id()));
                }
                expertRows(rows, "all", "", TrainingFigures.expertDays(data, null));
            }
            case scenario -> {
                header = List.of("measure", "reference", "scenario");
                rows.addAll(scenarioRows(data));
            }
            case evaluation -> {
                header = TrainingEvaluationRows.HEADER;
                rows.addAll(TrainingEvaluationRows.rows(data, new TrainingOutcomeRepository(mission.dsl()).load()));
            }
            default -> {
                CostAxis axis = switch (by) {
                    case year -> CostAxis.YEAR;
                    case region -> CostAxis.REGION;
                    default -> CostAxis.FUNDING_LINE;
                };
                header = List.of(by.name(), "planned_mad", "actual_mad");
                for (CostTotal t : TrainingFigures.costTotals(data, axis)) {
                    String key = axis == CostAxis.REGION
                            ? (t.key().isEmpty() ? "national" : regionCodes.getOrDefault(t.key(), t.key())) : t.key();
                    rows.add(List.of(key, decimal(t.budget().planned(), 2), decimal(t.budget().actual(), 2)));
                }
            }
        }
        if (format == FiguresCommand.Format.json) {
            json(header, rows, writer);
        } else {
            csv(header, rows, writer);
        }
        return data.cohorts().isEmpty() ? EsspDiagCommand.PROBLEMS : EsspDiagCommand.OK;
    }

    /** One line per origin of {@link TrainingFigures#expertDays}; lines that do not say (before V28): {@code not_stated}. */
    private static void expertRows(List<List<Object>> rows, Object cohortId, String cohort, List<TrainingFigures.ExpertDays> split) {
        for (TrainingFigures.ExpertDays e : split) {
            rows.add(List.of(cohortId, cohort, e.origin().equals(TrainingFigures.NOT_STATED) ? "not_stated" : e.origin(),
                    decimal(e.plannedDays(), 1), decimal(e.plannedMad(), 2), decimal(e.actualDays(), 1), decimal(e.actualMad(), 2)));
        }
    }

    /**
     * The "next cohorts" scenario against its reference cohort, from {@link TrainingFigures#scenario}: the shape
     * (participants, no-shows, seminars, days, hours), each line's unit cost and amount for one cohort, the cohort
     * total, the total over the cohorts, per participant and per completed participant. The reference column is the
     * reference cohort's own shape; its totals are what the cohort cost (its actual lines, else planned, "other"
     * lines included), as in the Formation screen's Scénario tab.
     */
    private List<List<Object>> scenarioRows(TrainingData data) {
        if (scenario == null || scenario.reference() == null) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--by scenario needs --reference COHORT_ID (a training_cohort id)", null);
        }
        int id = scenario.reference();
        if (data.cohorts().stream().noneMatch(c -> c.id() == id)) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--reference " + id + ": no such cohort", null);
        }
        TrainingFigures.Reference ref = TrainingFigures.referenceScenario(data, id);
        Scenario base = ref.scenario();
        List<Seminar> seminars = base.seminars();
        if (scenario.seminarDays() != null) {
            List<Integer> days = TrainingFigures.seminarDays(scenario.seminarDays());
            if (days == null) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, "--seminar-days takes whole numbers of days separated by commas (3,3,2,2,3,2), not '"
                        + scenario.seminarDays() + "'", null);
            }
            double perDay = ref.result().days() == 0 ? 0 : ref.result().hours() / ref.result().days();
            seminars = days.stream().map(d -> new Seminar(d, d * perDay)).toList();
        }
        UnitCosts u = base.costs();
        Map<String, Double> typed = scenario.unitCosts() == null ? Map.of() : scenario.unitCosts();
        for (Map.Entry<String, Double> e : typed.entrySet()) {
            if (!TrainingFigures.SCENARIO_LINES.contains(e.getKey()) || e.getValue() == null || e.getValue() < 0) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, "--unit-cost " + e.getKey() + "=" + e.getValue()
                        + ": takes LINE=MAD (>= 0), LINE one of " + String.join(", ", TrainingFigures.SCENARIO_LINES), null);
            }
        }
        UnitCosts costs = new UnitCosts(typed.getOrDefault("per_diem", u.perDiemPerDay()),
                typed.getOrDefault("accommodation", u.accommodationPerNight()), typed.getOrDefault("travel", u.travelPerTrip()),
                typed.getOrDefault("moroccan_experts", u.moroccanExpertPerDay()),
                typed.getOrDefault("european_experts", u.europeanExpertPerDay()), typed.getOrDefault("venue", u.venuePerDay()),
                typed.getOrDefault("materials", u.materialsPerParticipant()),
                typed.getOrDefault("tuition", u.tuitionPerParticipant()));
        Scenario s;
        try {
            s = new Scenario(or(scenario.cohorts(), base.cohorts()), or(scenario.participants(), base.participants()),
                    or(scenario.noShows(), scenario.participants() != null ? 0 : base.noShows()), seminars,
                    or(scenario.moroccanExperts(), base.moroccanExperts()), or(scenario.europeanExperts(), base.europeanExperts()),
                    costs);
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--cohorts, --participants, --no-shows: " + e.getMessage(), e);
        }
        ScenarioResult r = TrainingFigures.scenario(s);
        ScenarioResult refResult = ref.result();
        CohortFigures f = ref.figures();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("cohorts", base.cohorts(), s.cohorts()));
        rows.add(List.of("participants", base.participants(), s.participants()));
        rows.add(List.of("no_shows", base.noShows(), s.noShows()));
        rows.add(List.of("moroccan_experts", base.moroccanExperts(), s.moroccanExperts()));
        rows.add(List.of("european_experts", base.europeanExperts(), s.europeanExperts()));
        rows.add(List.of("seminars", base.seminars().size(), s.seminars().size()));
        rows.add(List.of("days", refResult.days(), r.days()));
        rows.add(List.of("hours", decimal(refResult.hours(), 1), decimal(r.hours(), 1)));
        for (int i = 0; i < r.lines().size(); i++) {
            rows.add(List.of(r.lines().get(i).line() + "_unit_cost_mad", decimal(refResult.lines().get(i).unitCost(), 2),
                    decimal(r.lines().get(i).unitCost(), 2)));
        }
        for (int i = 0; i < r.lines().size(); i++) {
            rows.add(List.of(r.lines().get(i).line() + "_mad", decimal(refResult.lines().get(i).amount(), 2),
                    decimal(r.lines().get(i).amount(), 2)));
        }
        rows.add(List.of("cohort_total_mad", decimal(f.budget().cost(), 2), decimal(r.cohortTotal(), 2)));
        rows.add(List.of("total_mad", decimal(f.budget().cost(), 2), decimal(r.total(), 2)));
        rows.add(List.of("per_participant_mad", money(f.costPerTrainee()), money(r.costPerTrainee())));
        rows.add(List.of("per_completed_mad", money(f.costPerCompleted()), money(r.costPerCompleted())));
        return rows;
    }

    private static int or(Integer typed, int reference) {
        return typed == null ? reference : typed;
    }

    private static String decimal(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String rate(Double v) {
        return v == null ? "" : decimal(v, 4);
    }

    private static String money(Double v) {
        return v == null ? "" : decimal(v, 2);
    }

    private static void csv(List<String> header, List<List<Object>> rows, Writer w) throws IOException {
        CsvWriter csv = new CsvWriter(w);
        for (String column : header) {
            csv.text(column);
        }
        csv.endLine();
        for (List<Object> row : rows) {
            for (int i = 0; i < header.size(); i++) {
                String s = String.valueOf(row.get(i));
                if (isText(header.get(i), row.get(i))) {
                    csv.text(s);
                } else {
                    csv.number(s);
                }
            }
            csv.endLine();
        }
        csv.flush();
    }

    /** An array of objects; numbers as numbers, empty cells as null, text as strings. */
    private static void json(List<String> header, List<List<Object>> rows, Writer w) throws IOException {
        w.write("[");
        for (int r = 0; r < rows.size(); r++) {
            w.write(r == 0 ? "\n  {" : ",\n  {");
            List<Object> row = rows.get(r);
            for (int i = 0; i < header.size(); i++) {
                w.write((i == 0 ? "" : ", ") + "\"" + header.get(i) + "\": " + jsonValue(header.get(i), row.get(i)));
            }
            w.write("}");
        }
        w.write(rows.isEmpty() ? "]\n" : "\n]\n");
    }

    private static String jsonValue(String column, Object value) {
        String s = String.valueOf(value);
        if (s.isEmpty()) {
            return "null";
        }
        return isText(column, value) ? Json.string(s) : s;
    }

    /** Whether a cell is written as text: the text columns, and anything that is not a plain number. */
    private static boolean isText(String column, Object value) {
        String s = String.valueOf(value);
        boolean textColumn = List.of("programme", "kind", "title", "cohort", "region", "starts_on", "ends_on", "status",
                "cost_basis", "year", "funding_line", "measure").contains(column);
        return textColumn || !(value instanceof Number || s.isEmpty() || s.matches("-?\\d+(\\.\\d+)?"));
    }
}
