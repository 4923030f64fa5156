package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.complaints.ComplaintFiguresTable;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag figures}: the figures of one diagnostic axis per unit of a level (docs/cli-figures.md). A thin
 * dispatcher: each axis's rows and columns live with its figures in {@code reporting}.
 */
@Command(name = "figures", description = {"Figures of one diagnostic axis per unit of a level, as CSV or JSON.",
        "Exit code 1 when the mission has no data for the axis (the table is still written)."})
final class FiguresCommand implements Callable<Integer> {

    enum Axis { complaints }

    enum Level { essp, circonscription, province, region, national }

    enum Format { csv, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--axis", required = true, paramLabel = "AXIS", description = "complaints.")
    Axis axis;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "essp, circonscription, province, region or national.")
    Level level;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The date the figures stand for (yyyy-mm-dd). Default: the mission's as-of date, else today.")
    String asOf;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    /** What an axis writes: its table in the chosen format. */
    private interface Table {
        void write(Writer writer) throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate date = null;
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, "--as-of takes a date as yyyy-mm-dd, not '" + asOf + "'", e);
            }
        }
        checkOut();
        AggregationLevel aggregation = AggregationLevel.fromCode(level.name());
        Table table;
        boolean empty;
        try (MissionFile mission = root.open(file)) {
            switch (axis) {
                case complaints -> {
                    ReportSourceData source = new ReportSourceRepository(mission.dsl()).load();
                    ComplaintDeadlines deadlines = ComplaintDeadlines.ofMission(mission.dsl());
                    LocalDate d = date != null ? date : source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();
                    List<Map<String, String>> rows = ComplaintFiguresTable.rows(
                            ComplaintFigures.byLevel(source, aggregation, deadlines, d), deadlines, d);
                    table = w -> {
                        if (format == Format.json) {
                            ComplaintFiguresTable.writeJson(rows, aggregation.code(), deadlines, d, w);
                        } else {
                            ComplaintFiguresTable.writeCsv(rows, w);
                        }
                    };
                    empty = source.complaintSamples().isEmpty() && source.complaintSystems().isEmpty();
                }
                default -> throw new IllegalStateException("axis " + axis);
            }
        } catch (IllegalArgumentException e) {
            // a mission setting that is not a number of days
            throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": " + e.getMessage(), e);
        }
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            table.write(writer);
        } else {
            writeFile(table);
        }
        if (empty) {
            spec.commandLine().getErr().println("essp-diag: " + file + ": no " + axis + " data in the mission; every figure is empty");
            return EsspDiagCommand.PROBLEMS;
        }
        return EsspDiagCommand.OK;
    }

    private void checkOut() {
        if (out == null) {
            return;
        }
        try {
            Path folder = out.toAbsolutePath().getParent();
            if (folder != null && !Files.exists(folder)) {
                Files.createDirectories(folder); // --out may name a new folder
            }
            OutputTarget.resolve(out); // refused before any work (and again when writing)
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
        }
    }

    private void writeFile(Table table) {
        try {
            AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
                try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    table.write(writer);
                }
            });
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
        }
    }
}
