package ma.essp.diag.database.mission;

import java.nio.file.Path;

/**
 * A separate process for the concurrency and crash tests: opens the mission given as first argument (backups into
 * the second) and prints {@code OPENED <backup or ->} or {@code REFUSED <reason>}.
 */
public final class MissionOpenChild {

    private MissionOpenChild() {
    }

    public static void main(String[] args) {
        try (MissionFile mission = MissionFile.open(Path.of(args[0]), Path.of(args[1]))) {
            System.out.println("OPENED " + mission.backup().map(Path::toString).orElse("-"));
        } catch (MissionFileException e) {
            System.out.println("REFUSED " + e.reason() + " " + e.getMessage());
            System.exit(1);
        }
    }
}
