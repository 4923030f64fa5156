package ma.essp.diag.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.essp.diag.app.testing.FakeSecretTool;
import org.junit.jupiter.api.Test;

/** The keyring through its command-line tool, faked: what goes on the command line, what on standard input. */
class OsKeyringTest {

    static final String URL = "jdbc:postgresql://db.example.org/mission?sslmode=verify-full";
    static final String PASSWORD = "s3cret, é \"q\"";

    @Test
    void secretToolKeepsThePasswordGivenOnItsStandardInputAndGivesItBack() {
        FakeSecretTool tool = new FakeSecretTool();
        OsKeyring keyring = tool.keyring();
        assertThat(keyring.available()).isTrue();
        assertThat(keyring.read(URL, "salma")).isEmpty();

        assertThat(keyring.store(URL, "salma", PASSWORD.toCharArray())).isTrue();
        assertThat(tool.secret(URL, "salma")).isEqualTo(PASSWORD);
        assertThat(new String(keyring.read(URL, "salma").orElseThrow())).isEqualTo(PASSWORD);
        // another user of the same server has its own entry
        assertThat(keyring.read(URL, "karim")).isEmpty();

        assertThat(tool.commands.getFirst()).containsExactly("/usr/bin/secret-tool", "lookup", "service", "essp-diag", "server", URL, "user", "salma");
        assertThat(tool.commands.get(1)).containsExactly("/usr/bin/secret-tool", "store", "--label=ESSP Diagnostic: salma on " + URL,
                "service", "essp-diag", "server", URL, "user", "salma");
        // never on a command line, which other users can read in the process list
        assertThat(tool.commands).allSatisfy(command -> assertThat(String.join(" ", command)).doesNotContain("s3cret"));

        keyring.forget(URL, "salma");
        assertThat(keyring.read(URL, "salma")).isEmpty();
    }

    @Test
    void aKeyringThatFailsIsTheSameAsNoPasswordKept() {
        FakeSecretTool tool = new FakeSecretTool();
        tool.broken = true;
        OsKeyring keyring = tool.keyring();
        assertThat(keyring.store(URL, "salma", PASSWORD.toCharArray())).isFalse();
        assertThat(keyring.read(URL, "salma")).isEmpty();
        OsKeyring throwing = new OsKeyring(OsKeyring.Tool.SECRET_TOOL, "secret-tool", (command, input) -> {
            throw new java.io.IOException("Cannot run program \"secret-tool\"");
        });
        assertThat(throwing.read(URL, "salma")).isEmpty();
        assertThat(throwing.store(URL, "salma", PASSWORD.toCharArray())).isFalse();
    }

    @Test
    void noKeyringKeepsNothingAndRunsNothing() {
        assertThat(OsKeyring.NONE.available()).isFalse();
        assertThat(OsKeyring.NONE.store(URL, "salma", PASSWORD.toCharArray())).isFalse();
        assertThat(OsKeyring.NONE.read(URL, "salma")).isEmpty();
        assertThat(new OsKeyring(OsKeyring.Tool.SECRET_TOOL, "secret-tool", new FakeSecretTool()).store(URL, "salma", new char[0])).isFalse();
    }

    @Test
    void macosSecurityGetsThePasswordOnItsStandardInputAndItsTrailingNewlineIsDropped() {
        Map<String, String> keychain = new TreeMap<>();
        List<List<String>> commands = new ArrayList<>();
        Pattern add = Pattern.compile("add-generic-password -U -s essp-diag -a \"([^\"]*)\" -l \"[^\"]*\" -w \"([^\"]*)\"\n");
        OsKeyring keyring = new OsKeyring(OsKeyring.Tool.SECURITY, "/usr/bin/security", (command, input) -> {
            commands.add(command);
            if (command.get(1).equals("-i")) {
                Matcher m = add.matcher(new String(input, StandardCharsets.UTF_8));
                assertThat(m.matches()).isTrue();
                keychain.put(m.group(1), m.group(2));
                return new OsKeyring.Result(0, new byte[0]);
            }
            String secret = keychain.get(command.get(5));
            return secret == null ? new OsKeyring.Result(44, new byte[0])
                    : new OsKeyring.Result(0, (secret + "\n").getBytes(StandardCharsets.UTF_8));
        });
        assertThat(keyring.store(URL, "salma", "pass word é".toCharArray())).isTrue();
        assertThat(keychain).containsEntry("salma@" + URL, "pass word é");
        assertThat(new String(keyring.read(URL, "salma").orElseThrow())).isEqualTo("pass word é");
        assertThat(commands.get(1)).containsExactly("/usr/bin/security", "find-generic-password", "-s", "essp-diag", "-a", "salma@" + URL, "-w");
        assertThat(commands).allSatisfy(command -> assertThat(String.join(" ", command)).doesNotContain("pass word"));
        // a password security's quoting could misread is not kept: it is asked each time
        assertThat(keyring.store(URL, "salma", "a\"b".toCharArray())).isFalse();
        assertThat(commands).hasSize(2);
    }
}
