package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ma.essp.diag.app.bench.BenchReport;
import ma.essp.diag.app.bench.MissionBenchmarks;
import ma.essp.diag.database.demo.DemoScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {"Benchmarks on a generated demo mission (national by default): each operation",
        "against the bare library doing the same raw work, with the ratio. Prints a table."})
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

    @ParentCommand
    EsspDiagCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // not under the temporary folder: the files it generates and exports are outputs, refused there
        Path work = dir != null ? Files.createDirectories(dir)
                : Files.createTempDirectory(Files.createDirectories(parent.home()), "bench-");
        try {
            MissionBenchmarks benchmarks = new MissionBenchmarks(work, DemoScale.parse(scale), out);
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
