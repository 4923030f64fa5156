package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.mission.MissionFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag figures FILE --axis AXIS}: the figures of one axis of the diagnostic (docs/cli-figures.md), one
 * class per axis behind a thin dispatcher on the axis name; the options, the output handling and the exit codes are
 * shared: 0 figures written, 1 written but the axis has nothing to show (see the axis), 2 cannot run.
 */
@Command(name = "figures", description = {"The figures of one axis of the diagnostic, as CSV or JSON.",
        "findings: findings with their evidence values and review flag, or the recommendations (--table)."})
final class FiguresCommand implements Callable<Integer> {

    enum Axis { findings }

    enum Format { csv, json }

    /** One axis's figures, read from the open mission and written in the format asked. */
    interface AxisFigures {
        /** Reads the figures (the mission is open); called before any output is written. */
        void read(MissionFile mission);

        void write(Format format, String table, Writer writer) throws IOException;

        /** Whether the axis had nothing to show (exit code 1), and why, for the error stream; null when it had. */
        String nothingToShow();
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--axis", required = true, paramLabel = "AXIS", description = "findings.")
    Axis axis;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "findings (default) or recommendations; CSV only (JSON holds both).")
    String table;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        AxisFigures figures = switch (axis) {
            case findings -> new FindingsFiguresAxis();
        };
        if (out != null) {
            try {
                Path folder = out.toAbsolutePath().getParent();
                if (folder != null && !Files.exists(folder)) {
                    Files.createDirectories(folder);
                }
                OutputTarget.resolve(out);
            } catch (OutputRefusedException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
            } catch (IOException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
            }
        }
        try (MissionFile mission = root.open(file)) {
            figures.read(mission);
        }
        try {
            if (out == null) {
                PrintWriter writer = spec.commandLine().getOut();
                figures.write(format, table, writer);
                writer.flush();
            } else {
                AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
                    try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        figures.write(format, table, writer);
                    }
                });
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
        }
        String nothing = figures.nothingToShow();
        if (nothing != null) {
            spec.commandLine().getErr().println("essp-diag: " + file + ": " + nothing);
            return EsspDiagCommand.PROBLEMS;
        }
        return EsspDiagCommand.OK;
    }
}
