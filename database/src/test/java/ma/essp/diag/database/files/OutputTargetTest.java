package ma.essp.diag.database.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import ma.essp.diag.database.files.OutputRefusedException.Reason;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one output rule: what resolves to a mission, a database's companion, a protected folder or a non-file. */
class OutputTargetTest {

    @TempDir
    Path dir;
    private Path mission;

    @BeforeEach
    void mission() throws Exception {
        MissionFile.create(dir.resolve("m.essp")).close();
        mission = dir.resolve("m.essp");
    }

    @Test
    void theMissionIsRefusedHoweverItIsSpelled() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Path elsewhere = Files.createDirectories(dir.resolve("a").resolve("b"));
        // dir/link -> a/b, so dir/link/../m.essp is a/m.essp for the file system, not dir/m.essp
        Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        MissionFile.create(dir.resolve("a").resolve("m.essp")).close();
        for (Path spelled : new Path[] {mission, dir.resolve("sub/../m.essp"), dir.resolve("./m.essp"),
                Files.createSymbolicLink(dir.resolve("to-mission.xlsx"), mission), link.resolve("../m.essp")}) {
            assertThatThrownBy(() -> OutputTarget.resolve(spelled)).as(spelled.toString())
                    .isInstanceOfSatisfying(OutputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATABASE))
                    .hasMessage(spelled + ": refused as an output: it is a SQLite database (a mission or a backup): choose another file");
        }
    }

    @Test
    void anySqliteDatabaseIsRefusedNotJustMissions() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
        }
        assertThatThrownBy(() -> OutputTarget.resolve(other)).isInstanceOf(OutputRefusedException.class);
        // what is not SQLite may be replaced: an older report
        Path report = Files.writeString(dir.resolve("old.pdf"), "%PDF-1.7");
        assertThat(OutputTarget.resolve(report)).isEqualTo(report.toRealPath());
    }

    @Test
    void theCompanionsOfADatabaseAreRefusedEvenBeforeTheyExist() {
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Path companion = dir.resolve("m.essp" + suffix);
            assertThatThrownBy(() -> OutputTarget.resolve(companion)).as(suffix)
                    .isInstanceOfSatisfying(OutputRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DATABASE_COMPANION));
        }
    }

    @Test
    void aProtectedFolderIsRefusedWithEverythingInIt() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        OutputTarget.protectFolder(backups);
        assertThatThrownBy(() -> OutputTarget.resolve(backups.resolve("report.pdf")))
                .isInstanceOfSatisfying(OutputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PROTECTED_FOLDER));
        // also through a link to it
        Path link = Files.createSymbolicLink(dir.resolve("b-link"), backups);
        assertThatThrownBy(() -> OutputTarget.resolve(link.resolve("x.csv"))).isInstanceOf(OutputRefusedException.class);
    }

    @Test
    void onlyARegularFileOrANewOneMayBeReplaced() throws Exception {
        assertThatThrownBy(() -> OutputTarget.resolve(dir))
                .isInstanceOfSatisfying(OutputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FOLDER));
        assertThatThrownBy(() -> OutputTarget.resolve(dir.resolve("missing").resolve("r.pdf")))
                .isInstanceOfSatisfying(OutputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_FOLDER))
                .hasMessageContaining("its folder does not exist");
        Path fifo = Fifos.make(dir.resolve("pipe"));
        assertThatThrownBy(() -> OutputTarget.resolve(fifo))
                .isInstanceOfSatisfying(OutputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_REGULAR_FILE))
                .hasMessage(fifo + ": refused as an output: it is not a regular file (a device, a pipe or a socket)");
        // a link to a pipe is a pipe; and the demo's --force does not change any of this
        Path toFifo = Files.createSymbolicLink(dir.resolve("pipe-link.csv"), fifo);
        assertThatThrownBy(() -> OutputTarget.resolve(toFifo, OutputTarget.Policy.ANY_REGULAR_FILE))
                .isInstanceOf(OutputRefusedException.class);
        Path devNull = Path.of("/dev/null");
        assumeThat(Files.exists(devNull)).isTrue();
        assertThatThrownBy(() -> OutputTarget.resolve(devNull, OutputTarget.Policy.ANY_REGULAR_FILE))
                .isInstanceOfSatisfying(OutputRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_REGULAR_FILE));
    }

    @Test
    void theDemosForceMayReplaceAMissionFile() throws Exception {
        assertThat(OutputTarget.resolve(mission, OutputTarget.Policy.ANY_REGULAR_FILE)).isEqualTo(mission.toRealPath());
    }

    @Test
    void linksAreResolvedToTheFileTheyPointTo() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path report = Files.writeString(real.resolve("r.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("r-link.csv"), report);
        assertThat(OutputTarget.resolve(link)).isEqualTo(report.toRealPath());
        // a link to a file that does not exist yet, and a new file in a linked folder
        Path dangling = Files.createSymbolicLink(dir.resolve("new-link.csv"), real.resolve("new.csv"));
        assertThat(OutputTarget.resolve(dangling)).isEqualTo(real.toRealPath().resolve("new.csv"));
        Path folderLink = Files.createSymbolicLink(dir.resolve("folder-link"), real);
        assertThat(OutputTarget.resolve(folderLink.resolve("n.pdf"))).isEqualTo(real.toRealPath().resolve("n.pdf"));
    }

    /** FIFOs for the tests: made with mkfifo; the test is skipped where there is none. */
    static final class Fifos {
        static Path make(Path path) throws IOException, InterruptedException {
            Process p;
            try {
                p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            } catch (IOException e) {
                assumeThat(false).as("mkfifo is not available").isTrue();
                throw e;
            }
            assumeThat(p.waitFor()).as("mkfifo").isZero();
            return path;
        }
    }
}
