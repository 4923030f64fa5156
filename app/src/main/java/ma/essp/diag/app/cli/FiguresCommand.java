package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowTable;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag figures}: the figures of one axis per territorial unit (docs/cli-figures.md). A thin dispatcher on
 * the axis name: each axis's rows and columns live in its own class of {@code reporting}.
 */
@Command(name = "figures", description = {"The figures of one axis of the diagnostic per territorial unit, as CSV or JSON",
        "(docs/cli-figures.md). Exit code 1 when the axis has no data at all in the mission."})
final class FiguresCommand implements Callable<Integer> {

    enum Axis { dataflows }

    enum Level { essp, circonscription, province, region, national }

    enum Format { csv, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--axis", required = true, paramLabel = "AXIS", description = "dataflows.")
    Axis axis;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "essp, circonscription, province, region or national.")
    Level level;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only rows of periods started by this date (YYYY-MM-DD; default: all).")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    /** What an axis writes: the table in the chosen format, and whether the mission had any data for it. */
    private interface Table {
        void write(Writer writer) throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            try {
                Path folder = out.toAbsolutePath().getParent();
                if (folder != null && !Files.exists(folder)) {
                    Files.createDirectories(folder);
                }
                OutputTarget.resolve(out); // refused before any work (and again when writing)
            } catch (OutputRefusedException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
            } catch (IOException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
            }
        }
        AggregationLevel aggregationLevel = AggregationLevel.fromCode(level.name());
        Table table;
        boolean empty;
        try (MissionFile mission = root.open(file)) {
            switch (axis) {
                case dataflows -> {
                    DataFlowData data = DataFlowTable.asOf(new DataFlowRepository(mission.dsl()).load(), asOf);
                    DataVerification.Band band = band(mission);
                    var rows = DataFlowFigures.byUnit(data, aggregationLevel, band);
                    table = format == Format.json
                            ? w -> DataFlowTable.writeJson(rows, aggregationLevel, band, asOf, w)
                            : w -> DataFlowTable.writeCsv(rows, aggregationLevel, band, w);
                    empty = data.observations().isEmpty() && data.recounts().isEmpty();
                }
                default -> throw new IllegalStateException("axis " + axis);
            }
        }
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            table.write(writer);
        } else {
            writeFile(table);
        }
        if (empty) {
            spec.commandLine().getErr().println("essp-diag: " + file + ": no " + axis + " data; every figure is empty");
            return EsspDiagCommand.PROBLEMS;
        }
        return EsspDiagCommand.OK;
    }

    private DataVerification.Band band(MissionFile mission) {
        try {
            return DataVerification.Band.ofMission(mission.dsl());
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": the mission's verification band is not usable ("
                    + e.getMessage() + ")", e);
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
