package ma.essp.diag.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.files.TempFiles;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every start (window or command line) does with files before anything else. */
class MainFilesTest {

    @TempDir
    Path dir;
    private final String tmpdir = System.getProperty("java.io.tmpdir");
    private final String sqliteTmpdir = System.getProperty("org.sqlite.tmpdir");

    @AfterEach
    void restore() {
        TempFiles.unconfigure();
        System.setProperty("java.io.tmpdir", tmpdir);
        if (sqliteTmpdir == null) {
            System.clearProperty("org.sqlite.tmpdir");
        } else {
            System.setProperty("org.sqlite.tmpdir", sqliteTmpdir);
        }
    }

    @Test
    void temporaryFilesLiveInTheUsersDataFolderLeftoversAreSweptAndTheBackupsAreNoOutput() throws Exception {
        AppPaths paths = new AppPaths(dir.resolve("home")).createDirectories();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path leftover = Files.createDirectories(paths.tmp().resolve("proc-" + ended.pid() + "-0123456789abcdef"));
        Files.writeString(leftover.resolve("poi-sxssf-sheet1.xml"), "<row>mission data</row>");

        Main.prepareFiles(paths);

        assertThat(leftover).doesNotExist();
        Path own = TempFiles.processFolder();
        assertThat(own.getParent()).isEqualTo(paths.tmp().toAbsolutePath());
        assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(own.toString());
        assertThat(TempFile.createTempFile("poi-sxssf-sheet", ".xml").toPath().getParent()).isEqualTo(own);
        assertThatThrownBy(() -> OutputTarget.resolve(paths.backups().resolve("report.pdf")))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("backups or temporary folder");
    }
}
