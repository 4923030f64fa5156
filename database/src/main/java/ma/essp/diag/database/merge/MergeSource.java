package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.MISSION;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import org.jooq.DSLContext;

/**
 * The other mission file of a merge, never written: it is checked read-only ({@link MissionFile#inspect}: a file of a
 * newer schema is refused), copied into a scratch folder with a consistent read, and the copy opened read only (an older
 * schema is migrated on the copy). A file of another mission (its mission uuid differs) is refused. Closing deletes
 * the copy.
 */
public final class MergeSource implements AutoCloseable {

    private final Path file;
    private final Path scratch;
    private final MissionFile copy;
    private final String missionUuid;

    private MergeSource(Path file, Path scratch, MissionFile copy, String missionUuid) {
        this.file = file;
        this.scratch = scratch;
        this.copy = copy;
        this.missionUuid = missionUuid;
    }

    /** Opens {@code other} for a merge into {@code target}; {@code scratchParent} holds the copy while it is open. */
    public static MergeSource open(Path other, MissionFile target, Path scratchParent)
            throws MissionFileException, MergeRefusedException {
        try {
            if (Files.exists(other) && Files.isSameFile(other, target.path())) {
                throw new MergeRefusedException(other, MergeRefusedException.Reason.SAME_FILE,
                        "this is the mission being merged into");
            }
        } catch (IOException e) {
            throw new MissionFileException(other, MissionFileException.Reason.NOT_READABLE, e.getMessage(), e);
        }
        MissionFile.inspect(other); // refuses a newer schema, a file that is not a mission, a damaged one
        Path scratch;
        MissionFile copy = null;
        try {
            Files.createDirectories(scratchParent);
            scratch = Files.createTempDirectory(scratchParent, "merge-");
        } catch (IOException e) {
            throw new MissionFileException(scratchParent, MissionFileException.Reason.IO_ERROR,
                    "cannot make a scratch folder for the copy (" + e.getMessage() + ")", e);
        }
        try {
            Path copied = scratch.resolve(UUID.randomUUID() + MissionFile.EXTENSION);
            MissionFile.copyConsistently(other, copied);
            // Opened without a second quick_check (a read of the whole file, as much work as the check of the other
            // file above): the copy holds the very pages of that file, which has just passed that check, copied by
            // SQLite itself (its online backup, one snapshot) into a scratch folder nobody else writes; and it is only
            // read (query_only: the merge never writes it, SQLite refuses any write). A copy of an older schema is
            // still checked before it is migrated.
            copy = MissionFile.openWhileChecking(copied, scratch.resolve("backups"));
            String theirs = missionUuid(copy.dsl());
            String mine = missionUuid(target.dsl());
            if (theirs == null || !theirs.equals(mine)) {
                throw new MergeRefusedException(other, MergeRefusedException.Reason.OTHER_MISSION,
                        "a file of another mission (" + theirs + "), not of this one (" + mine + "): nothing merged");
            }
            return new MergeSource(other, scratch, copy, theirs);
        } catch (SQLException | IOException e) {
            close(copy, scratch);
            throw new MissionFileException(other, MissionFileException.Reason.IO_ERROR,
                    "cannot copy the file to read it (" + e.getMessage() + ")", e);
        } catch (MissionFileException | MergeRefusedException | RuntimeException e) {
            close(copy, scratch);
            throw e;
        }
    }

    static String missionUuid(DSLContext dsl) {
        return dsl.select(MISSION.UUID).from(MISSION).where(MISSION.DELETED.isFalse()).orderBy(MISSION.ID).limit(1)
                .fetchOne(MISSION.UUID);
    }

    public Path file() {
        return file;
    }

    public String missionUuid() {
        return missionUuid;
    }

    /** The copy's connection (read only by the merge). */
    public DSLContext dsl() {
        return copy.dsl();
    }

    @Override
    public void close() {
        close(copy, scratch);
    }

    private static void close(MissionFile copy, Path scratch) {
        if (copy != null) {
            copy.close();
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch copy left behind is deleted with the temporary folder
        }
    }
}
