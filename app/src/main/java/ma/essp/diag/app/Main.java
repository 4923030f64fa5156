package ma.essp.diag.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.cli.EsspDiagCommand;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.files.TempFiles;
import ma.essp.diag.reporting.export.PoiTempFiles;
import org.slf4j.LoggerFactory;

/**
 * The single entry point of the {@code essp-diag} launcher. Without a subcommand it opens the window (optionally
 * on a mission file given as the only argument, as the OS does for a file association); with a subcommand it
 * runs headless and never starts the JavaFX toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.detect();
        System.setProperty("essp.log.dir", paths.logs().toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        MissionFile.sweepAbandonedBackups(paths.backups());
        prepareFiles(paths);
        String training = System.getProperty(AotTraining.PROPERTY);
        if (training != null) {
            try {
                System.exit(AotTraining.run(Path.of(training), paths.backups(),
                        AotTraining.Target.of(System.getProperty(AotTraining.TARGET_PROPERTY))));
            } catch (IOException e) {
                System.err.println("essp-diag: AOT training failed: " + e.getMessage());
                System.exit(EsspDiagCommand.CANNOT_RUN);
            }
        }
        if (opensWindow(args)) {
            if (!displayAvailable(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"))) {
                System.err.println("essp-diag: " + NO_DISPLAY);
                System.exit(EsspDiagCommand.CANNOT_RUN);
            }
            try {
                // loaded by name so that the command line never touches JavaFX classes
                GuiLauncher.launch(args);
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                    LoggerFactory.getLogger(Main.class).error("The window could not start", e);
                    System.err.println("essp-diag: " + NO_DISPLAY);
                } else {
                    EsspDiagCommand.reportUnexpected(e, new PrintWriter(System.err, true, StandardCharsets.UTF_8));
                }
                System.exit(EsspDiagCommand.CANNOT_RUN);
            }
        } else {
            System.exit(EsspDiagCommand.run(args, System.out, System.err, paths.backups()));
        }
    }

    static final String NO_DISPLAY = "no display available: run a subcommand, or start the window in a desktop session";

    /**
     * Whether a window can open: on Linux and the other X11/Wayland systems only with DISPLAY or WAYLAND_DISPLAY
     * set (or JavaFX's own headless platform, which tests use); Windows and macOS always have a desktop.
     */
    static boolean displayAvailable(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "headless".equals(glassPlatform)) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /**
     * Before anything else, for the window and the command line alike: the user's own temporary folder (one folder
     * per process under {@code <data folder>/tmp}, POI's temporary sheets and SQLite's native library in it),
     * leftovers of ended processes swept, and the backups and temporary folders refused as outputs.
     */
    static void prepareFiles(AppPaths paths) {
        OutputTarget.protectFolder(paths.backups());
        OutputTarget.protectFolder(paths.tmp());
        try {
            // the launcher points java.io.tmpdir (read once by the JVM) at <data>/tmp: it must exist
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            TempFiles.configure(paths.tmp());
            TempFiles.sweep();
            System.setProperty("java.io.tmpdir", TempFiles.processFolder().toString());
            System.setProperty("org.sqlite.tmpdir", TempFiles.processFolder().toString());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Main.class).warn("Cannot prepare the temporary folder {}", paths.tmp(), e);
        }
        PoiTempFiles.install();
    }

    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 1 && !args[0].startsWith("-") && args[0].endsWith(".essp")
                && Arrays.stream(EsspDiagCommand.subcommandNames()).noneMatch(args[0]::equals));
    }

    /**
     * Starts the window by name: keeps every JavaFX reference out of Main's constant pool, and keeps the root
     * package from depending on the shell (which depends on AppPaths here: that would be a package cycle).
     */
    private static final class GuiLauncher {
        static void launch(String[] args) {
            try {
                Class.forName("ma.essp.diag.app.shell.EsspDiagApplication")
                        .getMethod("start", String[].class)
                        .invoke(null, (Object) args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("The window could not start", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The window is missing from this build", e);
            }
        }
    }
}
