package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.mission.MissionFile;
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (MissionFile mission = root.open(file)) {
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
        }
        return EsspDiagCommand.OK;
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
