package ma.essp.diag.app.cli;

import java.nio.file.Path;
import ma.essp.diag.app.AppPaths;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;

/** Opens the FILE argument of a subcommand the way the GUI does (validation, backup, migration). */
final class MissionArgument {

    private MissionArgument() {
    }

    static MissionFile open(Path file) throws MissionFileException {
        return MissionFile.open(file, AppPaths.detect().backups());
    }
}
