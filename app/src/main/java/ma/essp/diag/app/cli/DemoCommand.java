package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.demo.DemoSummary;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = {"Generates a deterministic synthetic demo mission on the real territory.",
        "The data is synthetic and labelled so everywhere it shows."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The mission file to create (.essp).")
    Path out;

    @Option(names = "--scale", defaultValue = "small", paramLabel = "SCALE",
            description = "small (2 provinces), region (Souss-Massa) or national (about 3,000 ESSPs). Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--seed", defaultValue = "" + DemoMissionGenerator.DEFAULT_SEED, description = "Random seed: same seed, same mission. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Option(names = "--as", paramLabel = "NAME", description = {"Who generates the mission: your full name. You become its team "
            + "leader and every row names you as its author. Default: the synthetic team leader."})
    String as;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoScale demoScale;
        try {
            demoScale = DemoScale.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--scale must be small, region or national, not '" + scale + "'");
        }
        try {
            Path folder = out.toAbsolutePath().getParent();
            if (folder != null && !Files.exists(folder)) {
                Files.createDirectories(folder); // --out may name a new folder
            }
            // a folder, a device or a pipe is refused whether or not --force is given
            OutputTarget.resolve(out, OutputTarget.Policy.ANY_REGULAR_FILE);
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot create its folder (" + e.getMessage() + ")", e);
        }
        if (Files.exists(out) && !force) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": the file already exists (use --force to replace it)");
        }
        PrintWriter err = spec.commandLine().getErr();
        DemoProgress progress = (what, fraction) -> {
            err.printf(Locale.ROOT, "  %3.0f%%  %s%n", fraction * 100, what);
            err.flush();
        };
        if (as != null && as.isBlank()) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--as needs a name");
        }
        DemoSummary summary;
        try {
            summary = new DemoMissionGenerator().generate(out, demoScale, seed, force, as, progress);
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: synthetic %s demo mission (seed %d) written in %.1f s: %,d ESSPs, %,d rows in all%n",
                out, demoScale.code(), seed, summary.elapsed().toMillis() / 1000.0, summary.rows("essp"), summary.totalRows());
        return EsspDiagCommand.OK;
    }
}
