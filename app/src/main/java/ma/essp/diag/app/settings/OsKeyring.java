package ma.essp.diag.app.settings;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keyring, where a team server's password may be kept (issue 16: "password in the OS keyring
 * where available, else asked each time, never written in clear in settings"), through the system's own command-line
 * tool: on Linux the Secret Service (GNOME Keyring, KeePassXC, KWallet's Secret Service) with {@code secret-tool}
 * (Debian package {@code libsecret-tools}); on macOS the login keychain with {@code /usr/bin/security}. Elsewhere
 * (Windows: its Credential Manager has no command that gives a password back; a Linux without {@code secret-tool})
 * there is none and the password is asked each time.
 *
 * <p>A password is given to the tool on its standard input, never on its command line (which other users of the
 * computer can read in the process list), and read back from its standard output. An entry is keyed by the server's
 * URL and the PostgreSQL user, so two profiles of the same login share it. A tool that fails (no Secret Service
 * running, a locked keyring left locked, a refused access) is the same as no password kept: it is asked.
 */
public final class OsKeyring {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeyring.class);

    /** What the entries are filed under in the keyring. */
    static final String SERVICE = "essp-diag";
    /** A keyring may show an unlock prompt to the user: give them time, but never wait forever. */
    private static final long TIMEOUT_SECONDS = 60;

    /** Runs a system command with {@code input} on its standard input; its exit code and standard output. */
    @FunctionalInterface
    public interface Commands {
        Result run(List<String> command, byte[] input) throws IOException, InterruptedException;
    }

    /** A command's exit code and standard output. */
    public record Result(int exit, byte[] output) {
    }

    /** The keyring tools this class knows. */
    public enum Tool {
        /** Linux: the Secret Service through libsecret's secret-tool. */
        SECRET_TOOL,
        /** macOS: the keychain through security. */
        SECURITY,
        /** None: the password is asked each time. */
        NONE
    }

    /** No keyring: nothing is read, nothing is kept. */
    public static final OsKeyring NONE = new OsKeyring(Tool.NONE, "", (command, input) -> new Result(1, new byte[0]));

    private final Tool tool;
    private final String executable;
    private final Commands commands;

    /** A keyring reached through {@code tool} at {@code executable}; tests give {@code commands} a fake tool. */
    public OsKeyring(Tool tool, String executable, Commands commands) {
        this.tool = tool;
        this.executable = executable;
        this.commands = commands;
    }

    /** This computer's keyring: secret-tool on the PATH (Linux), security (macOS), else none. */
    public static OsKeyring forThisComputer() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            Path security = Path.of("/usr/bin/security");
            return Files.isExecutable(security) ? new OsKeyring(Tool.SECURITY, security.toString(), OsKeyring::runProcess) : NONE;
        }
        if (os.contains("win")) {
            return NONE;
        }
        return onPath("secret-tool").map(p -> new OsKeyring(Tool.SECRET_TOOL, p.toString(), OsKeyring::runProcess)).orElse(NONE);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether this computer has a keyring tool (it may still fail: then the password is asked). */
    public boolean available() {
        return tool != Tool.NONE;
    }

    public Tool tool() {
        return tool;
    }

    /** The password kept for {@code user} on the server at {@code url}, if any (empty when none or the tool failed). */
    public Optional<char[]> read(String url, String user) {
        if (tool == Tool.NONE) {
            return Optional.empty();
        }
        List<String> command = switch (tool) {
            case SECRET_TOOL -> List.of(executable, "lookup", "service", SERVICE, "server", url, "user", user);
            case SECURITY -> List.of(executable, "find-generic-password", "-s", SERVICE, "-a", account(url, user), "-w");
            case NONE -> throw new IllegalStateException();
        };
        Result result = run(command, new byte[0]);
        if (result == null || result.exit() != 0 || result.output().length == 0) {
            return Optional.empty();
        }
        byte[] output = result.output();
        int length = output.length;
        // security ends the password with a newline; secret-tool writes it as kept (it may end with one only if typed so)
        if (tool == Tool.SECURITY && output[length - 1] == '\n') {
            length--;
        }
        char[] password = decode(output, length);
        Arrays.fill(output, (byte) 0);
        return password.length == 0 ? Optional.empty() : Optional.of(password);
    }

    /** Keeps {@code password} for {@code user} on the server at {@code url} (replacing one kept); false when not kept. */
    public boolean store(String url, String user, char[] password) {
        if (tool == Tool.NONE || password == null || password.length == 0) {
            return false;
        }
        String label = "ESSP Diagnostic: " + user + " on " + url;
        List<String> command;
        byte[] input;
        switch (tool) {
            case SECRET_TOOL -> {
                command = List.of(executable, "store", "--label=" + label, "service", SERVICE, "server", url, "user", user);
                input = encode(password);
            }
            case SECURITY -> {
                // security -i reads its commands on standard input: the password stays off the command line; its
                // quoting is only checked for the simple case, so a password it could misread is not kept (asked)
                if (!quotable(password) || !quotable(account(url, user).toCharArray()) || !quotable(label.toCharArray())) {
                    return false;
                }
                command = List.of(executable, "-i");
                String line = "add-generic-password -U -s " + SERVICE + " -a \"" + account(url, user) + "\" -l \"" + label
                        + "\" -w \"" + new String(password) + "\"\n";
                input = line.getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalStateException();
        }
        Result result = run(command, input);
        Arrays.fill(input, (byte) 0);
        return result != null && result.exit() == 0;
    }

    /** Removes what is kept for {@code user} on the server at {@code url} (nothing when none). */
    public void forget(String url, String user) {
        switch (tool) {
            case SECRET_TOOL -> run(List.of(executable, "clear", "service", SERVICE, "server", url, "user", user), new byte[0]);
            case SECURITY -> run(List.of(executable, "delete-generic-password", "-s", SERVICE, "-a", account(url, user)), new byte[0]);
            case NONE -> {
            }
        }
    }

    private static String account(String url, String user) {
        return user + "@" + url;
    }

    private static boolean quotable(char[] text) {
        for (char c : text) {
            if (c == '"' || c == '\\' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private Result run(List<String> command, byte[] input) {
        try {
            return commands.run(command, input);
        } catch (IOException e) {
            LOG.warn("the keyring tool {} failed: {}", command.getFirst(), e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] encode(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return out;
    }

    private static char[] decode(byte[] bytes, int length) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, length));
        char[] out = new char[chars.remaining()];
        chars.get(out);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return out;
    }

    /** Runs the real tool: standard error is logged (never shown: it may name the keyring's state, not the secret). */
    static Result runProcess(List<String> command, byte[] input) throws IOException, InterruptedException {
        return runProcess(command, input, java.util.Map.of());
    }

    /** {@link #runProcess(List, byte[])} with {@code environment} added to this process's (tests: a D-Bus session of their own). */
    static Result runProcess(List<String> command, byte[] input, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream out = process.getInputStream()) {
                out.transferTo(output);
            } catch (IOException e) {
                // the process ended or was stopped: what was read is kept
            }
        });
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            LOG.warn("the keyring tool {} did not answer within {} s", command.getFirst(), TIMEOUT_SECONDS);
            return new Result(-1, new byte[0]);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return new Result(process.exitValue(), output.toByteArray());
    }
}
