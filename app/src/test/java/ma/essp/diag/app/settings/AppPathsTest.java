package ma.essp.diag.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The data folder per OS convention: the installed packages rely on it (logs, missions, the demo copy),
 * and only the build machine's OS is exercised by running the app, so the other two are checked here.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class AppPathsTest {

    private static final Path HOME = Path.of("/home/fatima");

    /** The build sets -Dessp.home for every test (never the real data folder); these tests need it unset. */
    private String esspHome;

    @BeforeEach
    void clearSystemPropertyOverride() {
        esspHome = System.clearProperty("essp.home");
    }

    @AfterEach
    void restoreSystemPropertyOverride() {
        if (esspHome != null) {
            System.setProperty("essp.home", esspHome);
        }
    }

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        AppPaths paths = AppPaths.detect(Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", HOME);
        assertThat(paths.home()).isEqualTo(Path.of("/data/xdg/essp-diagnostic"));
        assertThat(paths.logs()).isEqualTo(Path.of("/data/xdg/essp-diagnostic/logs"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetOrBlank() {
        Path expected = Path.of("/home/fatima/.local/share/essp-diagnostic");
        assertThat(AppPaths.detect(Map.of(), "Linux", HOME).home()).isEqualTo(expected);
        assertThat(AppPaths.detect(Map.of("XDG_DATA_HOME", " "), "Linux", HOME).home()).isEqualTo(expected);
    }

    @Test
    void windowsUsesAppData() {
        AppPaths paths = AppPaths.detect(Map.of("APPDATA", "/users/fatima/AppData/Roaming"), "Windows 11", HOME);
        assertThat(paths.home()).isEqualTo(Path.of("/users/fatima/AppData/Roaming/ESSP Diagnostic"));
    }

    @Test
    void windowsWithoutAppDataUsesTheRoamingFolderOfTheProfile() {
        assertThat(AppPaths.detect(Map.of(), "Windows 10", HOME).home())
                .isEqualTo(Path.of("/home/fatima/AppData/Roaming/ESSP Diagnostic"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(AppPaths.detect(Map.of("XDG_DATA_HOME", "/ignored"), "Mac OS X", HOME).home())
                .isEqualTo(Path.of("/home/fatima/Library/Application Support/ESSP Diagnostic"));
    }

    @Test
    void esspDiagHomeOverridesEveryOs() {
        Map<String, String> env = Map.of("ESSP_DIAG_HOME", "/portable/essp", "APPDATA", "/ignored");
        assertThat(AppPaths.detect(env, "Windows 11", HOME).home()).isEqualTo(Path.of("/portable/essp"));
        assertThat(AppPaths.detect(env, "Linux", HOME).home()).isEqualTo(Path.of("/portable/essp"));
    }

    @Test
    void subfoldersAreUnderHome() {
        AppPaths paths = new AppPaths(Path.of("/d"));
        assertThat(paths.missions()).isEqualTo(Path.of("/d/missions"));
        assertThat(paths.backups()).isEqualTo(Path.of("/d/backups"));
        assertThat(paths.settingsFile()).isEqualTo(Path.of("/d/settings.properties"));
    }

    @Test
    void reportsGoToTheXdgDocumentsFolderThenDocumentsThenHome(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        // no Documents folder at all: home
        assertThat(AppPaths.documents(Map.of(), home)).isEqualTo(home);
        // ~/Documents when it exists (never the hidden data folder)
        java.nio.file.Files.createDirectories(home.resolve("Documents"));
        assertThat(AppPaths.documents(Map.of(), home)).isEqualTo(home.resolve("Documents"));
        // the XDG documents directory of a French desktop wins when it exists
        java.nio.file.Files.createDirectories(home.resolve("Mes documents"));
        java.nio.file.Files.createDirectories(home.resolve(".config"));
        java.nio.file.Files.writeString(home.resolve(".config/user-dirs.dirs"),
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"$HOME/Mes documents\"\n");
        assertThat(AppPaths.documents(Map.of(), home)).isEqualTo(home.resolve("Mes documents"));
        // XDG_CONFIG_HOME elsewhere, naming a folder that does not exist: back to ~/Documents
        Path config = java.nio.file.Files.createDirectories(home.resolve("cfg"));
        java.nio.file.Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/Gone\"\n");
        assertThat(AppPaths.documents(Map.of("XDG_CONFIG_HOME", config.toString()), home)).isEqualTo(home.resolve("Documents"));
    }
}
