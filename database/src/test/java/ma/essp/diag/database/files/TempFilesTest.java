package ma.essp.diag.database.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep at start: what ended processes left is removed, what is alive or not ours is kept. */
class TempFilesTest {

    private static final String HEX = "0123456789abcdef";
    private static final String HEX2 = "fedcba9876543210";

    @TempDir
    Path dir;
    private Path tmp;
    private Path out;
    private long dead;
    private final long own = ProcessHandle.current().pid();

    @BeforeEach
    void setUp() throws Exception {
        tmp = dir.resolve("data").resolve("tmp");
        out = Files.createDirectories(dir.resolve("reports"));
        TempFiles.configure(tmp);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        dead = ended.pid();
        assertThat(TempFiles.isRunning(dead)).as("a process that has ended").isFalse();
    }

    @AfterEach
    void tearDown() {
        TempFiles.unconfigure();
    }

    @Test
    void configureMakesAFolderForThisProcessInTheDataFolder() {
        assertThat(TempFiles.root()).contains(tmp.toAbsolutePath());
        assertThat(TempFiles.processFolder()).isDirectory().hasParent(tmp.toAbsolutePath());
        assertThat(TempFiles.processFolder().getFileName().toString()).matches("proc-" + own + "-[0-9a-f]{16}");
    }

    @Test
    void journaledOutputsOfEndedProcessesGoThoseOfLiveOnesAndForeignFilesStay() throws Exception {
        Path deadPart = part(dead, HEX, "half a report");
        Files.writeString(Path.of(deadPart + "-wal"), "its SQLite journal");
        journal(dead, HEX, deadPart);
        Path livePart = part(own, HEX2, "being written");
        Path liveEntry = journal(own, HEX2, livePart);
        // the same naming but never journaled: not known to be ours, never deleted
        Path foreign = part(dead, HEX2, "someone else's");
        // a journal entry of a dead process naming a file that is not ours: the file stays, the entry goes
        Path report = Files.writeString(out.resolve("report.pdf"), "%PDF");
        Path odd = journal(dead, "00000000000000aa", report);

        TempFiles.Sweep sweep = TempFiles.sweep();

        assertThat(deadPart).doesNotExist();
        assertThat(Path.of(deadPart + "-wal")).doesNotExist();
        assertThat(sweep.deleted()).contains(deadPart, Path.of(deadPart + "-wal"));
        assertThat(tmp.resolve("pending").resolve(dead + "-" + HEX)).doesNotExist();
        assertThat(livePart).hasContent("being written");
        assertThat(liveEntry).exists();
        assertThat(foreign).hasContent("someone else's");
        assertThat(report).hasContent("%PDF");
        assertThat(odd).doesNotExist();
    }

    @Test
    void processFoldersOfEndedProcessesAndLooseFilesGoWhenNoOtherProcessRuns() throws Exception {
        Path deadFolder = Files.createDirectories(tmp.resolve("proc-" + dead + "-" + HEX));
        Files.writeString(deadFolder.resolve("poi-sxssf-sheet1.xml"), "<row/>");
        Path font = Files.writeString(tmp.resolve("+~JF123.tmp"), "font copy");
        Path mine = Files.writeString(TempFiles.processFolder().resolve("poi-sxssf-sheet2.xml"), "<row/>");

        TempFiles.sweep();

        assertThat(deadFolder).doesNotExist();
        assertThat(font).doesNotExist();
        assertThat(mine).exists();
        assertThat(tmp.resolve("pending")).isDirectory();
    }

    @Test
    void whileAnotherProcessRunsItsFolderAndTheLooseFilesStay() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("proc-" + own + "-" + HEX2)); // a live pid
        Path font = Files.writeString(tmp.resolve("+~JF456.tmp"), "in use by the other process");
        Path similar = Files.createDirectories(tmp.resolve("proc-" + dead + "-short"));

        TempFiles.sweep();

        assertThat(other).exists();
        assertThat(font).exists();
        assertThat(similar).as("not our naming").exists();
    }

    @Test
    void releaseRemovesTheTemporaryFileItsCompanionsAndItsJournalEntry() throws Exception {
        Path part = TempFiles.partNextTo(out.resolve("r.xlsx"));
        Files.writeString(part, "x");
        Files.writeString(Path.of(part + "-shm"), "x");
        String name = part.getFileName().toString();
        Path entry = tmp.resolve("pending").resolve(name.substring(".essp-diag-".length(), name.length() - ".part".length()));
        assertThat(entry).hasContent(part.toString());
        TempFiles.release(part);
        assertThat(part).doesNotExist();
        assertThat(Path.of(part + "-shm")).doesNotExist();
        assertThat(entry).doesNotExist();
    }

    private Path part(long pid, String hex, String content) throws Exception {
        return Files.writeString(out.resolve(".essp-diag-" + pid + "-" + hex + ".part"), content);
    }

    private Path journal(long pid, String hex, Path file) throws Exception {
        return Files.writeString(tmp.resolve("pending").resolve(pid + "-" + hex), file.toAbsolutePath().toString());
    }
}
