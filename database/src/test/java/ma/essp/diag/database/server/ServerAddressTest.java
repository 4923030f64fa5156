package ma.essp.diag.database.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A server on another computer is reached over TLS only; a local one may be reached without. */
class ServerAddressTest {

    @Test
    void aLocalServerNeedsNoTls() throws ServerException {
        assertThat(ServerAddress.of("jdbc:postgresql://localhost/mission", "coord").host()).isEqualTo("localhost");
        assertThat(ServerAddress.of("jdbc:postgresql://127.0.0.1:5433/mission", "coord").host()).isEqualTo("127.0.0.1");
        assertThat(ServerAddress.of("jdbc:postgresql://[::1]/mission", "coord").host()).isEqualTo("::1");
        assertThat(ServerAddress.of("jdbc:postgresql:///mission", "coord").host()).isEqualTo("localhost");
        assertThat(ServerAddress.of("jdbc:postgresql://x/mission?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg", "coord").host())
                .isEqualTo("x");
    }

    @Test
    void aRemoteServerWithoutTlsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ServerAddress.of("jdbc:postgresql://db.sante.gov.ma/mission", "coord"))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("the server db.sante.gov.ma is not on this computer: the connection must be encrypted (TLS)")
                .hasMessageContaining("?sslmode=verify-full");
        assertThatThrownBy(() -> ServerAddress.of("jdbc:postgresql://10.0.0.5/mission?sslmode=prefer", "coord"))
                .hasMessageContaining("sslmode=prefer may send the data in clear");
        // a name that looks local is not trusted: only localhost and loopback addresses as written
        assertThatThrownBy(() -> ServerAddress.of("jdbc:postgresql://localhost.example.org/mission", "coord"))
                .hasMessageContaining("not on this computer");
    }

    @Test
    void aRemoteServerWithTlsIsAccepted() throws ServerException {
        assertThat(ServerAddress.of("jdbc:postgresql://db.sante.gov.ma:5432/mission?sslmode=verify-full", "coord").host()).isEqualTo("db.sante.gov.ma");
        assertThat(ServerAddress.of("jdbc:postgresql://10.0.0.5/mission?ApplicationName=x&sslmode=require", "coord").host()).isEqualTo("10.0.0.5");
        assertThat(ServerAddress.of("jdbc:postgresql://10.0.0.5/mission?ssl=true", "coord").host()).isEqualTo("10.0.0.5");
    }

    @Test
    void aBadAddressOrNoUserIsRefused() {
        assertThatThrownBy(() -> ServerAddress.of("jdbc:sqlite:/tmp/m.essp", "coord")).hasMessageContaining("not a PostgreSQL server address");
        assertThatThrownBy(() -> ServerAddress.of("jdbc:postgresql://localhost/", "coord")).hasMessageContaining("not a PostgreSQL server address");
        assertThatThrownBy(() -> ServerAddress.of("jdbc:postgresql://localhost/mission", " ")).hasMessageContaining("--user");
    }
}
