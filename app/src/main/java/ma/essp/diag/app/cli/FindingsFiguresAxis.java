package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.Writer;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.findings.FindingsFigures;
import ma.essp.diag.reporting.findings.FindingsTableWriter;

/**
 * {@code figures --axis findings}: the findings with their evidence values now and their review flag
 * ({@link FindingsFigures}, as the board and the report), or the recommendations; exit code 1 when the mission has
 * no finding.
 */
final class FindingsFiguresAxis implements FiguresCommand.AxisFigures {

    private FindingsFigures.Synthesis synthesis;

    @Override
    public void read(MissionFile mission) {
        synthesis = FindingsFigures.load(mission.dsl());
    }

    @Override
    public void write(FiguresCommand.Format format, String table, Writer writer) throws IOException {
        String t = table == null ? "findings" : table;
        if (format == FiguresCommand.Format.json) {
            FindingsTableWriter.writeJson(synthesis, writer);
        } else if (t.equals("findings")) {
            FindingsTableWriter.writeFindingsCsv(synthesis, writer);
        } else if (t.equals("recommendations")) {
            FindingsTableWriter.writeRecommendationsCsv(synthesis, writer);
        } else {
            throw new IllegalArgumentException("--table " + table + ": findings or recommendations");
        }
    }

    @Override
    public String nothingToShow() {
        return synthesis.findings().isEmpty() ? "no finding in the mission" : null;
    }
}
