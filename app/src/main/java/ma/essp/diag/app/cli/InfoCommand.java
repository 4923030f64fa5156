package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.mission.SchemaMigrator;
import ma.essp.diag.database.repository.MissionRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", description = "Schema version, mission metadata and the number of rows per table.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    /**
     * The whole file's integrity check ({@code quick_check}, on its own read-only connection) runs on a second thread
     * while this one reads the metadata and counts the rows; what was read is printed only once the check has passed,
     * so a damaged file is refused as before (its message, exit code 2, nothing on standard output).
     */
    @Override
    public Integer call() throws Exception {
        StringWriter text = new StringWriter();
        try (MissionFile mission = root.openWhileChecking(file)) {
            FutureTask<Void> check = new FutureTask<>(() -> {
                mission.checkIntegrity();
                return null;
            });
            Thread.ofPlatform().name("integrity-check").daemon().start(check);
            try {
                print(new PrintWriter(text), mission);
            } catch (RuntimeException e) {
                awaitCheck(check); // a damaged file is refused for its damage, not for what the reading met
                throw e;
            }
            awaitCheck(check);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return EsspDiagCommand.OK;
    }

    private static void awaitCheck(FutureTask<Void> check) throws MissionFileException, InterruptedException {
        try {
            check.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case MissionFileException refused -> throw refused;
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void print(PrintWriter out, MissionFile mission) {
        MissionRepository repository = new MissionRepository(mission.dsl());
        out.println("File:            " + file.toAbsolutePath());
        out.println("Schema version:  " + mission.schemaVersion() + " (this application: " + SchemaMigrator.latestVersion() + ")");
        mission.backup().ifPresent(b -> out.println("Upgraded; backup of the previous version: " + b));
        repository.metadata().ifPresentOrElse(m -> printMetadata(out, m), () -> out.println("Mission:         (no metadata yet)"));
        out.println();
        out.println("Rows per table (soft-deleted rows left out):");
        for (Map.Entry<String, Integer> count : repository.countsPerTable().entrySet()) {
            out.printf("  %-28s %,10d%n", count.getKey(), count.getValue());
        }
        out.flush();
    }

    private static void printMetadata(PrintWriter out, MissionRecord m) {
        out.println("Mission:         " + m.getName());
        if (Boolean.TRUE.equals(m.getSynthetic())) {
            out.println("                 SYNTHETIC DEMO DATA (scale " + m.getDemoScale() + ", seed " + m.getDemoSeed() + ") - not real observations");
        }
        if (m.getDescription() != null) {
            out.println("Description:     " + m.getDescription());
        }
        if (m.getAsOfDate() != null) {
            out.println("As of:           " + m.getAsOfDate());
        }
    }
}
