package ma.essp.diag.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code secret-tool} against a real Secret Service: GNOME Keyring started headless in a D-Bus session of the
 * test's own ({@code dbus-run-session}), its login keyring in a temporary folder. Skipped where the three programs are
 * missing (Debian packages libsecret-tools, gnome-keyring, dbus-daemon; .ci/run installs them when it can).
 */
class OsKeyringSecretToolTest {

    static final String URL = "jdbc:postgresql://db.example.org/mission?sslmode=verify-full";

    @TempDir
    Path dir;

    @Test
    void aPasswordKeptBySecretToolComesBackAndIsNotInClearInTheKeyringFile() throws Exception {
        for (String program : List.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin", program)), program + " is not installed");
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Map<String, String> environment = Map.of("HOME", dir.toString(), "XDG_DATA_HOME", data.toString(),
                "XDG_RUNTIME_DIR", runtime.toString());
        ProcessBuilder session = new ProcessBuilder("dbus-run-session", "--", "sh", "-c",
                "eval $(echo keyring-of-the-test | gnome-keyring-daemon --unlock --components=secrets); "
                        + "echo \"$DBUS_SESSION_BUS_ADDRESS\"; exec sleep 120");
        session.environment().putAll(environment);
        session.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process bus = session.start();
        try {
            String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assumeTrue(address != null && !address.isBlank(), "no D-Bus session");
            Map<String, String> withBus = new java.util.HashMap<>(environment);
            withBus.put("DBUS_SESSION_BUS_ADDRESS", address);
            OsKeyring keyring = new OsKeyring(OsKeyring.Tool.SECRET_TOOL, "/usr/bin/secret-tool",
                    (command, input) -> OsKeyring.runProcess(command, input, withBus));

            assertThat(keyring.read(URL, "salma")).isEmpty();
            String password = "Mot de passe d'Salma: é ü 42";
            assertThat(keyring.store(URL, "salma", password.toCharArray())).isTrue();
            assertThat(new String(keyring.read(URL, "salma").orElseThrow())).isEqualTo(password);
            assertThat(keyring.read(URL, "karim")).isEmpty();
            // replaced, not added
            assertThat(keyring.store(URL, "salma", "nouveau".toCharArray())).isTrue();
            assertThat(new String(keyring.read(URL, "salma").orElseThrow())).isEqualTo("nouveau");

            // GNOME Keyring writes its login keyring encrypted: the password is nowhere in clear in its files
            try (Stream<Path> files = Files.walk(data)) {
                List<Path> kept = files.filter(Files::isRegularFile).toList();
                assertThat(kept).isNotEmpty();
                for (Path file : kept) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("nouveau");
                }
            }
            keyring.forget(URL, "salma");
            assertThat(keyring.read(URL, "salma")).isEmpty();
        } finally {
            bus.descendants().forEach(ProcessHandle::destroy);
            bus.destroy();
            bus.waitFor();
        }
    }
}
