package ma.essp.diag.app.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.settings.OsKeyring;

/**
 * An in-memory Secret Service behind a fake {@code secret-tool}: what {@code store} reads on its standard input is
 * kept under the command's attributes, {@code lookup} writes it back, {@code clear} removes it (exit 1 when none, as
 * the real tool). Every command line is recorded, so a test can check the password never appears on one.
 */
public final class FakeSecretTool implements OsKeyring.Commands {

    /** Attributes (name value name value…) to the secret. */
    public final Map<List<String>, byte[]> secrets = new LinkedHashMap<>();
    public final List<List<String>> commands = new ArrayList<>();
    /** When true, every command fails (a Secret Service that is not running). */
    public boolean broken;

    public OsKeyring keyring() {
        return new OsKeyring(OsKeyring.Tool.SECRET_TOOL, "/usr/bin/secret-tool", this);
    }

    @Override
    public OsKeyring.Result run(List<String> command, byte[] input) {
        commands.add(List.copyOf(command));
        if (broken) {
            return new OsKeyring.Result(1, new byte[0]);
        }
        String verb = command.get(1);
        return switch (verb) {
            case "store" -> {
                secrets.put(List.copyOf(command.subList(3, command.size())), input.clone());
                yield new OsKeyring.Result(0, new byte[0]);
            }
            case "lookup" -> {
                byte[] secret = secrets.get(List.copyOf(command.subList(2, command.size())));
                yield secret == null ? new OsKeyring.Result(1, new byte[0]) : new OsKeyring.Result(0, secret.clone());
            }
            case "clear" -> new OsKeyring.Result(secrets.remove(List.copyOf(command.subList(2, command.size()))) == null ? 1 : 0, new byte[0]);
            default -> new OsKeyring.Result(2, new byte[0]);
        };
    }

    /** The secret kept for {@code user} on {@code url}, as text; null when none. */
    public String secret(String url, String user) {
        byte[] secret = secrets.get(List.of("service", "essp-diag", "server", url, "user", user));
        return secret == null ? null : new String(secret, StandardCharsets.UTF_8);
    }
}
