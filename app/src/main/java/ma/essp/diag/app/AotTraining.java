package ma.essp.diag.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.app.cli.EsspDiagCommand;

/**
 * The training runs of the launcher's ahead-of-time caches (JDK 25, JEP 483/514/515), run at package time by
 * {@code app/pom.xml} through the launcher itself, so that each cache is made with exactly the class path and modules
 * the launcher uses. The classes a run loads and links, and the method profiles it gathers, are what its cache then
 * gives every later start; and since the JVM loads at start every class its cache links ahead of time, there are two
 * caches: the command line's ({@value #COMMAND_LINE}: its everyday work on the bundled small demo) and the window's
 * (the same work, then the JavaFX and window classes). Not a user command: {@link Main} runs it
 * only when the system property {@value #PROPERTY} names a working folder; {@value #TARGET_PROPERTY} chooses.
 */
final class AotTraining {

    static final String PROPERTY = "essp.aot.training";
    /**
     * Which cache the run trains: {@value #COMMAND_LINE} (the command line's, no JavaFX class), else the window's,
     * which is trained on everything: a window-only training (the mission opened and read, no export) made the window's
     * start slower, not quicker (bench --cold, 8 December: small demo 2.60 s against 2.46 s, national 2.95 s against
     * 2.81 s), its first figures sharing the exports' code paths. Without the property, the same (the installed app's
     * single cache: packaging/linux/make-aot-cache.sh).
     */
    static final String TARGET_PROPERTY = "essp.aot.target";
    static final String COMMAND_LINE = "command-line";

    /** What a training run covers. */
    enum Target {
        COMMAND_LINE, BOTH;

        static Target of(String property) {
            return AotTraining.COMMAND_LINE.equals(property) ? COMMAND_LINE : BOTH;
        }
    }

    private AotTraining() {
    }

    /** @return 0 when every command succeeded, else the first failing command's exit code */
    static int run(Path dir, Path backups, Target target) throws IOException {
        Files.createDirectories(dir);
        Path mission = dir.resolve("aot.essp");
        try (InputStream demo = AotTraining.class.getResourceAsStream("demo/demo-small.essp")) {
            if (demo == null) {
                throw new IOException("the bundled small demo is missing from this build");
            }
            Files.copy(demo, mission, StandardCopyOption.REPLACE_EXISTING);
        }
        return run(mission, dir, backups, target);
    }

    /**
     * The same on a given mission file (which the commands may touch), writing the reports into {@code dir}: the
     * command line's everyday commands, exports included; for the window's cache ({@link Target#BOTH}), then the
     * window's classes loaded.
     */
    static int run(Path mission, Path dir, Path backups, Target target) throws IOException {
        Files.createDirectories(dir);
        String file = mission.toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"info", file});
        commands.add(new String[] {"check", file});
        commands.add(new String[] {"indices", file, "--level", "essp"});
        commands.add(new String[] {"indices", file, "--level", "national", "--format", "json"});
        commands.add(new String[] {"export", file, "--format", "xlsx", "--out", dir.resolve("aot.xlsx").toString(), "--quiet"});
        commands.add(new String[] {"export", file, "--format", "pdf", "--out", dir.resolve("aot.pdf").toString(), "--quiet"});
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (String[] command : commands) {
            int code = EsspDiagCommand.run(command, quiet, System.err, backups);
            // "check" reports findings of the synthetic data with its own non-zero codes: only a crash is a failure
            if (code == EsspDiagCommand.CANNOT_RUN) {
                System.err.println("essp-diag: AOT training failed on " + String.join(" ", command));
                return code;
            }
        }
        if (target == Target.BOTH) {
            preloadWindowClasses();
        }
        return 0;
    }

    /** The modules and the jars of the window that are loaded, not started: the build has no display. */
    private static final List<String> WINDOW_MODULES = List.of("javafx.base", "javafx.graphics", "javafx.controls", "javafx.fxml");

    /**
     * Loads (without initialising: no static initialiser runs, the toolkit never starts) every class of the JavaFX
     * modules and of the window's own code, so that the cache holds them loaded and linked too; the window cannot be
     * trained by opening it, the build has no display. Classes of other platforms fail to load and are skipped.
     *
     * @return how many classes were loaded
     */
    static int preloadWindowClasses() throws IOException {
        int loaded = 0;
        for (String name : WINDOW_MODULES) {
            var module = ModuleLayer.boot().configuration().findModule(name);
            if (module.isEmpty()) {
                continue;
            }
            ClassLoader loader = ModuleLayer.boot().findLoader(name);
            try (var reader = module.get().reference().open(); var resources = reader.list()) {
                loaded += load(resources.toList(), loader);
            }
        }
        ClassLoader app = AotTraining.class.getClassLoader();
        Path ownJar = codeSource(AotTraining.class);
        if (ownJar != null && Files.isRegularFile(ownJar)) {
            try (var jar = new java.util.jar.JarFile(ownJar.toFile())) {
                loaded += load(jar.stream().map(java.util.jar.JarEntry::getName).toList(), app);
            }
        }
        return loaded;
    }

    private static int load(List<String> resources, ClassLoader loader) {
        int loaded = 0;
        for (String resource : resources) {
            if (!resource.endsWith(".class") || resource.endsWith("module-info.class") || resource.startsWith("META-INF/")) {
                continue;
            }
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            try {
                Class.forName(className, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError otherPlatform) {
                // e.g. the Windows or macOS glass classes in a Linux build: not needed here
            }
        }
        return loaded;
    }

    private static Path codeSource(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
