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
 * {@code essp-diag figures FILE --axis AXIS}: one axis's figures as CSV or JSON (docs/cli-figures.md). A thin
 * dispatcher on the axis name: each axis computes and writes its table in its own class, with the same figures as the
 * screens and the report (the axis's package in reporting).
 */
@Command(name = "figures", description = {"The figures of one axis of the diagnostic, as CSV or JSON (docs/cli-figures.md).",
        "Axes: training."})
final class FiguresCommand implements Callable<Integer> {

    enum Format { csv, json }

    /** One axis: writes its table for the open mission. */
    interface Axis {
        /** @return the exit code: OK, or PROBLEMS when the table is written but empty */
        int write(MissionFile mission, Format format, Writer writer) throws IOException;
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--axis", required = true, paramLabel = "AXIS", description = "The axis: training")
    String axis;

    @Option(names = "--by", paramLabel = "GROUP", defaultValue = "cohort",
            description = {"training: cohort (default), programme, or the cost totals by year, region or funding_line."})
    String by;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    private Axis axis() {
        return switch (axis) {
            case "training" -> new TrainingFiguresAxis(TrainingFiguresAxis.By.parse(by));
            default -> throw new CliException(EsspDiagCommand.CANNOT_RUN, "unknown axis '" + axis + "' (axes: training)", null);
        };
    }

    @Override
    public Integer call() throws Exception {
        Axis chosen = axis();
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
            if (out == null) {
                PrintWriter writer = spec.commandLine().getOut();
                int exit = chosen.write(mission, format, writer);
                writer.flush();
                return exit;
            }
            int[] exit = {EsspDiagCommand.OK};
            try {
                AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
                    try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        exit[0] = chosen.write(mission, format, writer);
                    }
                });
            } catch (OutputRefusedException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
            } catch (IOException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
            }
            return exit[0];
        }
    }
}
