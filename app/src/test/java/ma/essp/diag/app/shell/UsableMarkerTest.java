package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsableMarkerTest {

    @Test
    void theLineGivesTheMillisecondsSinceTheProcessStarted() {
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(UsableMarker.message(start, start.plusMillis(2_345))).isEqualTo("usable after 2345 ms");
        assertThat(UsableMarker.message(null, start)).isEqualTo("usable (process start time unknown)");
        // what the cold bench waits for
        assertThat(UsableMarker.message(start, start.plusMillis(1))).startsWith("usable after ");
    }
}
