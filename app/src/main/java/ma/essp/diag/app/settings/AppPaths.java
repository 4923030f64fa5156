package ma.essp.diag.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its files, per OS convention: XDG data home on Linux, %APPDATA% on Windows,
 * Application Support on macOS. {@code ESSP_DIAG_HOME} (or -Dessp.home) overrides it, which tests use.
 */
public record AppPaths(Path home) {

    public static AppPaths detect() {
        return detect(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppPaths detect(Map<String, String> env, String osName, Path userHome) {
        String override = System.getProperty("essp.home", env.get("ESSP_DIAG_HOME"));
        if (override != null && !override.isBlank()) {
            return new AppPaths(Path.of(override));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return new AppPaths(base.resolve("ESSP Diagnostic"));
        }
        if (os.contains("mac")) {
            return new AppPaths(userHome.resolve("Library").resolve("Application Support").resolve("ESSP Diagnostic"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return new AppPaths(base.resolve("essp-diagnostic"));
    }

    /**
     * The user's documents folder, where reports are written by default (not the hidden data folder): the XDG
     * documents directory ({@code user-dirs.dirs}) when it exists, else {@code ~/Documents} when it exists, else home.
     */
    public static Path documents() {
        return documents(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path documents(Map<String, String> env, Path userHome) {
        String config = env.get("XDG_CONFIG_HOME");
        Path dirs = (config != null && !config.isBlank() ? Path.of(config) : userHome.resolve(".config")).resolve("user-dirs.dirs");
        try {
            if (Files.isRegularFile(dirs)) {
                for (String line : Files.readAllLines(dirs)) {
                    String l = line.strip();
                    if (l.startsWith("XDG_DOCUMENTS_DIR=")) {
                        String value = l.substring("XDG_DOCUMENTS_DIR=".length()).replace("\"", "");
                        Path folder = value.startsWith("$HOME") ? Path.of(userHome + value.substring("$HOME".length())) : Path.of(value);
                        if (folder.isAbsolute() && Files.isDirectory(folder)) {
                            return folder;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable or odd user-dirs file: the usual folder below
        }
        Path documents = userHome.resolve("Documents");
        return Files.isDirectory(documents) ? documents : userHome;
    }

    /** Missions the user creates by default, and the working copy of the bundled demo. */
    public Path missions() {
        return home.resolve("missions");
    }

    /** Copies written before a schema upgrade. */
    public Path backups() {
        return home.resolve("backups");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    /**
     * Temporary files of the application (one folder per running process, the journal of outputs being written,
     * what the JVM and libraries put in {@code java.io.tmpdir}): the user's own, swept at each start.
     */
    public Path tmp() {
        return home.resolve("tmp");
    }

    public Path settingsFile() {
        return home.resolve("settings.properties");
    }

    public AppPaths createDirectories() throws IOException {
        Files.createDirectories(missions());
        Files.createDirectories(backups());
        Files.createDirectories(logs());
        Files.createDirectories(tmp());
        return this;
    }
}
