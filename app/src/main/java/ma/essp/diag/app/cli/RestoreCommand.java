package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import ma.essp.diag.database.mission.MissionBackup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag restore}: lists the rolling backups of a mission, or puts one back in its place
 * ({@link MissionBackup#restore}); see docs/cli-backups.md.
 */
@Command(name = "restore", description = {"Lists the backups of a mission (the default), or restores one of them.",
        "Backups are kept in the folder <mission>-backups beside the mission. Restoring first checks the backup,",
        "backs up the mission as it is now, then replaces it in one step; a mission open elsewhere is refused."})
final class RestoreCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--list", description = "List the backups: name, date, reason, size, schema version (the default).")
        boolean list;

        @Option(names = "--backup", paramLabel = "NAME", description = "Restore this backup: its file name as listed, or a path to a backup file.")
        String backup;

        @Option(names = "--latest", description = "Restore the newest backup.")
        boolean latest;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": no such file", null);
        }
        List<MissionBackup.Entry> entries = MissionBackup.list(file);
        if (choice == null || choice.list) {
            out.println("Backups of " + file + " in " + MissionBackup.folderOf(file) + " (newest first; "
                    + MissionBackup.keep(file) + " kept):");
            if (entries.isEmpty()) {
                out.println("  none");
            }
            for (MissionBackup.Entry e : entries) {
                out.println(String.format(Locale.ROOT, "  %-70s  %s  %-7s  %10s  schema %d", e.name(), e.takenAt().format(WHEN),
                        e.reason().token(), size(e.size()), e.schemaVersion()));
            }
            return EsspDiagCommand.OK;
        }
        Path backup;
        if (choice.latest) {
            if (entries.isEmpty()) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": no backup in " + MissionBackup.folderOf(file), null);
            }
            backup = entries.getFirst().file();
        } else {
            backup = entries.stream().filter(e -> e.name().equals(choice.backup)).map(MissionBackup.Entry::file).findFirst()
                    .orElse(Path.of(choice.backup));
            if (!Files.isRegularFile(backup)) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": no backup named " + choice.backup
                        + " (essp-diag restore " + file + " --list shows them)", null);
            }
        }
        Path before = MissionBackup.restore(file, backup);
        out.println("Restored " + file + " from " + backup.getFileName());
        out.println("The mission as it was before is kept in " + before);
        return EsspDiagCommand.OK;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
