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
 * The training run of the launcher's ahead-of-time cache (JDK 25, JEP 483/514/515), run once at package time by
 * {@code app/pom.xml} through the launcher itself, so that the cache is made with exactly the class path and modules
 * the launcher uses. It runs the command line's everyday work on the bundled small demo: the classes it loads and
 * links, and the method profiles it gathers, are what the cache then gives every later start. Not a user command:
 * {@link Main} runs it only when the system property {@value #PROPERTY} names a working folder.
 */
final class AotTraining {

    static final String PROPERTY = "essp.aot.training";

    private AotTraining() {
    }

    /** @return 0 when every command succeeded, else the first failing command's exit code */
    static int run(Path dir, Path backups) throws IOException {
        Files.createDirectories(dir);
        Path mission = dir.resolve("training.essp");
        try (InputStream demo = AotTraining.class.getResourceAsStream("demo/demo-small.essp")) {
            if (demo == null) {
                throw new IOException("the bundled small demo is missing from this build");
            }
            Files.copy(demo, mission, StandardCopyOption.REPLACE_EXISTING);
        }
        String file = mission.toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"info", file});
        commands.add(new String[] {"check", file});
        commands.add(new String[] {"indices", file, "--level", "essp"});
        commands.add(new String[] {"indices", file, "--level", "national", "--format", "json"});
        commands.add(new String[] {"export", file, "--format", "xlsx", "--out", dir.resolve("training.xlsx").toString(), "--quiet"});
        commands.add(new String[] {"export", file, "--format", "pdf", "--out", dir.resolve("training.pdf").toString(), "--quiet"});
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (String[] command : commands) {
            int code = EsspDiagCommand.run(command, quiet, System.err, backups);
            // "check" reports findings of the synthetic data with its own non-zero codes: only a crash is a failure
            if (code == EsspDiagCommand.CANNOT_RUN) {
                System.err.println("essp-diag: AOT training failed on " + String.join(" ", command));
                return code;
            }
        }
        return 0;
    }
}
