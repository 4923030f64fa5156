package ma.essp.diag.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import ma.essp.diag.app.settings.OsKeyring;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code essp-diag} command line: headless subcommands on mission files. */
@Command(name = "essp-diag",
        mixinStandardHelpOptions = true,
        versionProvider = EsspDiagCommand.Version.class,
        description = "ESSP Diagnostic: diagnosis of primary health care establishments (ESSP) in Morocco.%n"
                + "Without a subcommand the window opens (on FILE.essp if given).",
        subcommands = {DemoCommand.class, InfoCommand.class, CheckCommand.class, BenchCommand.class, IndicesCommand.class, FiguresCommand.class,
                ExportCommand.class, SettingsCommand.class, RestoreCommand.class, ServerCommand.class, TemplateCommand.class,
                ImportCommand.class, MergeCommand.class, SyncCommand.class})
public final class EsspDiagCommand implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int CANNOT_RUN = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Path backupDir;
    private final Path settingsFile;
    private final OsKeyring keyring;

    /**
     * @param backupDir where a mission file is copied before its schema is upgraded
     * @param settingsFile the window's settings (this laptop's device id, the member remembered per mission)
     */
    public EsspDiagCommand(Path backupDir, Path settingsFile) {
        this(backupDir, settingsFile, OsKeyring.NONE);
    }

    /** @param keyring where a server profile's password may be kept (the operating system's, or a test's) */
    EsspDiagCommand(Path backupDir, Path settingsFile, OsKeyring keyring) {
        this.backupDir = backupDir;
        this.settingsFile = settingsFile;
        this.keyring = keyring;
    }

    /** Where a server profile's password may be kept: the operating system's keyring, or none (asked each time). */
    OsKeyring keyring() {
        return keyring;
    }

    /** The application's data folder (it holds the backups and the settings). */
    Path home() {
        return backupDir.toAbsolutePath().getParent();
    }

    /** Where a mission is copied before an upgrade or a merge changes it. */
    Path backupDir() {
        return backupDir;
    }

    /** Opens a FILE argument the way the GUI does: validation, then backup and migration of an older schema. */
    MissionFile open(Path file) throws MissionFileException {
        return MissionFile.open(file, backupDir);
    }

    /** {@link MissionFile#openWhileChecking}: readable at once, the caller runs its integrity check before trusting it. */
    MissionFile openWhileChecking(Path file) throws MissionFileException {
        return MissionFile.openWhileChecking(file, backupDir);
    }

    /**
     * Who a writing command edits {@code mission} as: {@code --as MEMBER}, else the member the window remembers for
     * it on this laptop ({@link CliIdentity}); every row and audit entry it writes names that member and this device.
     */
    EditContext editAs(MissionFile mission, String as) {
        return CliIdentity.resolve(mission, as, Settings.load(settingsFile), Clock.systemUTC());
    }

    /** The window's language on this laptop (fr, en or ar), the default language of a command's words. */
    /** The window's settings (server profiles, the device id); written back with {@link Settings#save()}. */
    Settings settings() {
        return Settings.load(settingsFile);
    }

    String settingsLanguage() {
        String language = Settings.load(settingsFile).locale().getLanguage();
        return language.isEmpty() ? "fr" : language;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /** Runs the command line and returns the exit code; never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path backupDir) {
        return run(args, out, err, backupDir, OsKeyring.forThisComputer());
    }

    /** {@link #run(String[], PrintStream, PrintStream, Path)} with the keyring server profiles use (tests give a fake one). */
    static int run(String[] args, PrintStream out, PrintStream err, Path backupDir, OsKeyring keyring) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // the application's home holds both the backups and the window's settings (AppPaths)
        CommandLine cli = new CommandLine(new EsspDiagCommand(backupDir, backupDir.resolveSibling("settings.properties"), keyring));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            int code;
            if (ex instanceof CliException cliException) {
                e.println("essp-diag: " + cliException.getMessage());
                code = cliException.exitCode();
            } else if (ex instanceof MissionFileException missionException) {
                e.println("essp-diag: " + missionException.getMessage());
                code = CANNOT_RUN;
            } else {
                reportUnexpected(ex, e);
                code = CANNOT_RUN;
            }
            if (verbose) {
                ex.printStackTrace(e);
            }
            e.flush();
            return code;
        });
        return cli.execute(args);
    }

    /** A failure nobody foresaw: its stack trace goes to the log file, one line in words to the user. */
    public static void reportUnexpected(Throwable ex, PrintWriter err) {
        LoggerFactory.getLogger(EsspDiagCommand.class).error("Unexpected error", ex);
        err.println("essp-diag: unexpected error (details in " + logFile() + "): " + inWords(ex));
    }

    /** The log file Logback writes (LogSetup: essp.log.dir, set by Main, else the temporary folder). */
    public static Path logFile() {
        return Path.of(System.getProperty("essp.log.dir", System.getProperty("java.io.tmpdir")), "essp-diag.log");
    }

    /**
     * The deepest message of a failure, on one line; a failure without one is named in words
     * ("NullPointerException": "null pointer exception").
     */
    public static String inWords(Throwable ex) {
        String message = null;
        Throwable last = ex;
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            last = t;
            boolean madeUp = t.getCause() != null && String.valueOf(t.getCause()).equals(t.getMessage());
            if (t.getMessage() != null && !t.getMessage().isBlank() && !madeUp) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return last.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * The subcommands' names, read from the annotations alone: the window's start asks (Main.opensWindow), and building
     * picocli's model of every command (reflection over all their options) would cost it about as much as a whole
     * {@code essp-diag --version}.
     */
    public static String[] subcommandNames() {
        return Arrays.stream(EsspDiagCommand.class.getAnnotation(Command.class).subcommands())
                .map(type -> type.getAnnotation(Command.class).name())
                .toArray(String[]::new);
    }

    /** The version from the jar manifest (the POM's version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = EsspDiagCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ESSP Diagnostic " + (version == null ? "(development build)" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
