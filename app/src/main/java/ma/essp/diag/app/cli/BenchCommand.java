package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ma.essp.diag.app.bench.BenchReport;
import ma.essp.diag.app.bench.ColdBenchmarks;
import ma.essp.diag.app.bench.MissionBenchmarks;
import ma.essp.diag.database.demo.DemoScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {"Benchmarks on a generated demo mission (national by default): each operation",
        "against the bare library doing the same raw work, with the ratio. Prints a table.",
        "--cold: what the user waits for instead, each command (and, with a DISPLAY, the window until usable)",
        "a new process of this launcher on the national demo, against its floor measured in the same run."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "national", description = "Demo scale to measure on. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--dir", description = "Working folder for the generated files (default: a new folder in the "
            + "application's data folder, deleted after).")
    Path dir;

    @Option(names = "--server", paramLabel = "URL", description = {"Also measures the team server (push to an empty server, incremental",
            "sync, indices on the server) on this scratch PostgreSQL database, jdbc:postgresql://HOST[:PORT]/DATABASE:",
            "EVERYTHING IN ITS SCHEMA public IS DROPPED. Password: PGPASSWORD, else asked."})
    String server;

    @Option(names = "--user", paramLabel = "USER", description = "With --server: the PostgreSQL role (owner of the database).")
    String user;

    @Option(names = "--cold", description = "End to end: every row a new process (median, min-max, CPU, peak RSS) "
            + "against its floor (java -version, the sqlite3 shell, a bare SXSSF/Jasper process). Linux; the window rows "
            + "need DISPLAY (e.g. Xvfb).")
    boolean cold;

    @Option(names = "--runs", defaultValue = "5", description = "With --cold: measured runs per row. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--only", paramLabel = "TEXT", description = "Only the rows whose name contains TEXT, e.g. import, merge; with --cold "
            + "e.g. export, window, info (without --cold the demo mission is generated anyway).")
    String only;

    @ParentCommand
    EsspDiagCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        // not under the temporary folder: the files it generates and exports are outputs, refused there
        Path work = dir != null ? Files.createDirectories(dir)
                : Files.createTempDirectory(Files.createDirectories(parent.home()), "bench-");
        try {
            if (cold) {
                String appHome = System.getProperty("essp.app.home");
                if (appHome == null || !Files.isExecutable(Path.of(appHome, "bin", "essp-diag"))) {
                    throw new CliException(EsspDiagCommand.CANNOT_RUN, "bench --cold runs the launcher bin/essp-diag: start it through the launcher");
                }
                String display = System.getenv("DISPLAY");
                if (display == null || display.isBlank()) {
                    out.println("no DISPLAY: the window rows are left out (start Xvfb :NN and set DISPLAY=:NN to measure them)");
                    display = null;
                }
                var results = new ColdBenchmarks(work, Path.of(appHome), runs, display, out).only(only).runAll();
                out.println();
                ColdBenchmarks.print(results, out);
                return EsspDiagCommand.OK;
            }
            MissionBenchmarks benchmarks = new MissionBenchmarks(work, DemoScale.parse(scale), out).only(only);
            if (server != null) {
                if (user == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--server needs --user");
                }
                try {
                    ma.essp.diag.database.server.ServerAddress address = ma.essp.diag.database.server.ServerAddress.of(server, user);
                    benchmarks.withServer(server, user, ServerCommand.Login.password(System.getenv(), System.console(), address));
                } catch (ma.essp.diag.database.server.ServerException e) {
                    throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
                }
            }
            BenchReport report = benchmarks.runAll();
            out.println();
            report.print(out);
        } finally {
            if (dir == null) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return EsspDiagCommand.OK;
    }
}
