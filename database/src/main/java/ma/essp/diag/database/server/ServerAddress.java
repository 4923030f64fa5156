package ma.essp.diag.database.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team server: a PostgreSQL JDBC URL ({@code jdbc:postgresql://HOST[:PORT]/DB[?...]}) and the PostgreSQL role that
 * signs in. A server on another computer is only reached over TLS ({@code sslmode=require}, {@code verify-ca} or
 * {@code verify-full} in the URL): the mission holds staff names and complaint records. A server on this computer
 * (localhost, a loopback address or a unix socket) may be reached without.
 */
public record ServerAddress(String url, String user, String host) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://(\\[[^]]*]|[^:/?,]*)(:\\d+)?(,[^/]*)?/([^?]*)(\\?.*)?");
    private static final Pattern SSL_MODE = Pattern.compile("(?:[?&])sslmode=([a-z-]+)");
    private static final Pattern SOCKET_FACTORY = Pattern.compile("(?:[?&])socketFactory=[^&]*(?i:unix|afunix)");

    /** Checks the URL's form, the user, and TLS for a server that is not on this computer. */
    public static ServerAddress of(String url, String user) throws ServerException {
        Matcher m = url == null ? null : URL.matcher(url);
        if (m == null || !m.matches() || m.group(4).isBlank()) {
            throw new ServerException("not a PostgreSQL server address: " + url
                    + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE, e.g. jdbc:postgresql://server.example.org/mission)");
        }
        if (user == null || user.isBlank()) {
            throw new ServerException("a PostgreSQL user is needed (--user)");
        }
        String host = m.group(1).isEmpty() ? "localhost" : m.group(1).replaceAll("^\\[|]$", "");
        ServerAddress address = new ServerAddress(url, user, host);
        String query = m.group(5) == null ? "" : m.group(5);
        if (!address.local(query)) {
            String mode = sslMode(query);
            if (mode == null || !(mode.equals("require") || mode.equals("verify-ca") || mode.equals("verify-full"))) {
                throw new ServerException("the server " + host + " is not on this computer: the connection must be encrypted (TLS). "
                        + "Add ?sslmode=verify-full to the URL (or sslmode=require when the server's certificate is not signed by "
                        + "an authority this computer knows)" + (mode == null ? "" : "; sslmode=" + mode + " may send the data in clear"));
            }
        }
        return address;
    }

    /** The URL's sslmode (lower case), or null when it has none; {@code ssl=true} alone means require. */
    static String sslMode(String query) {
        Matcher mode = SSL_MODE.matcher(query);
        if (mode.find()) {
            return mode.group(1).toLowerCase(Locale.ROOT);
        }
        return query.matches(".*[?&]ssl=true(&.*)?") ? "require" : null;
    }

    /** localhost, a loopback address written as such, or a unix-domain socket factory. No name is looked up. */
    private boolean local(String query) {
        if (host.equalsIgnoreCase("localhost") || SOCKET_FACTORY.matcher(query).find()) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal address: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
