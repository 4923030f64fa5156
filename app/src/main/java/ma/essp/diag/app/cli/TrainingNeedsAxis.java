package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TrainingNeedsData;
import ma.essp.diag.database.repository.TrainingNeedsRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.csv.Json;
import ma.essp.diag.reporting.training.TrainingNeeds;
import ma.essp.diag.reporting.training.TrainingNeeds.Gap;
import ma.essp.diag.reporting.training.TrainingNeeds.LevelRow;

/**
 * {@code figures --axis training-needs --level circonscription|province|region}: the training needs derived from the
 * diagnostic ({@link TrainingNeeds}, what the Formation screen proposes): per unit the circonscriptions assessed and
 * lacking a function, per function those not holding it and partly holding it, the people proposed, already enrolled
 * and not eligible, the courses proposed with their head counts, and the needs map's share of functions lacking with
 * its fixed class.
 */
final class TrainingNeedsAxis implements FiguresCommand.MissionTable {

    private final TrainingNeeds.Level level;

    TrainingNeedsAxis(TrainingNeeds.Level level) {
        this.level = level;
    }

    @Override
    public int write(MissionFile mission, FiguresCommand.Format format, Writer writer) throws IOException {
        TrainingNeedsData data = new TrainingNeedsRepository(mission.dsl()).load();
        List<LevelRow> rows = TrainingNeeds.byLevel(data, new TrainingRepository(mission.dsl()).load().programmes(), level);
        String unit = level.name().toLowerCase(Locale.ROOT);
        List<String> header = new ArrayList<>(List.of(unit + "_id", unit, "circonscriptions_assessed",
                "circonscriptions_lacking"));
        for (String f : TrainingNeeds.FUNCTIONS) {
            header.add(f + "_not_held");
            header.add(f + "_partial");
        }
        header.addAll(List.of("people_proposed", "already_enrolled", "not_eligible", "courses", "functions_recorded",
                "functions_lacking", "functions_lacking_pct", "need_class"));
        if (format == FiguresCommand.Format.json) {
            writer.write("[");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> cells = cells(rows.get(r));
                writer.write(r == 0 ? "\n  {" : ",\n  {");
                for (int i = 0; i < header.size(); i++) {
                    Object v = cells.get(i);
                    writer.write((i == 0 ? "" : ", ") + "\"" + header.get(i) + "\": "
                            + (v instanceof Number ? v.toString() : Json.string(String.valueOf(v))));
                }
                writer.write("}");
            }
            writer.write(rows.isEmpty() ? "]\n" : "\n]\n");
        } else {
            CsvWriter csv = new CsvWriter(writer);
            for (String column : header) {
                csv.text(column);
            }
            csv.endLine();
            for (LevelRow row : rows) {
                for (Object v : cells(row)) {
                    if (v instanceof Number) {
                        csv.number(v.toString());
                    } else {
                        csv.text(String.valueOf(v));
                    }
                }
                csv.endLine();
            }
            csv.flush();
        }
        return data.functions().isEmpty() ? EsspDiagCommand.PROBLEMS : EsspDiagCommand.OK;
    }

    private static List<Object> cells(LevelRow row) {
        List<Object> cells = new ArrayList<>(List.of(row.id(), row.name(), row.assessed(), row.lacking()));
        for (Gap g : row.functions()) {
            cells.add(g.notHeld());
            cells.add(g.partial());
        }
        cells.addAll(List.of(row.proposed(), row.alreadyEnrolled(), row.notEligible(),
                row.courses().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"))));
        // the needs map's figure and its fixed class (TrainingNeeds.NEED_CLASS_BOUNDS), empty when nothing is recorded
        Double share = row.lackingShare();
        cells.addAll(List.of(row.functionsJudged(), row.functionsLacking(),
                share == null ? "" : TrainingNeeds.roundedShare(share),
                share == null ? "" : needClass(share)));
        return cells;
    }

    /** The class of a share as its bounds, {@code 25-50}. */
    static String needClass(double share) {
        int c = TrainingNeeds.needClass(share);
        return TrainingNeeds.NEED_CLASS_BOUNDS.get(c) + "-" + TrainingNeeds.NEED_CLASS_BOUNDS.get(c + 1);
    }
}
