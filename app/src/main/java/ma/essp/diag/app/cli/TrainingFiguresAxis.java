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

/**
 * {@code figures --axis training}: per cohort or per programme the hours, completion, certification, planned and
 * actual budget and the cost per trainee and per completed trainee; or the cost totals by year, region or funding
 * line. All from {@link TrainingFigures} (the Formation screen's figures). Amounts in MAD, rates as fractions.
 */
final class TrainingFiguresAxis implements FiguresCommand.MissionTable {

    enum By {
        cohort, programme, year, region, funding_line, evaluation;

        static By parse(String text) {
            try {
                return valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN,
                        "--by " + text + ": training takes cohort, programme, year, region, funding_line or evaluation", e);
            }
        }
    }

    private final By by;

    TrainingFiguresAxis(By by) {
        this.by = by;
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
                "cost_basis", "year", "funding_line").contains(column);
        return textColumn || !(value instanceof Number || s.isEmpty() || s.matches("-?\\d+(\\.\\d+)?"));
    }
}
