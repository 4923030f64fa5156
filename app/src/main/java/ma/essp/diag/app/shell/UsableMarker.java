package ma.essp.diag.app.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line that says the window is usable: the first area on screen has its data. Written once per process,
 * with the time since the process started; {@code essp-diag bench --cold} measures the window's start up to it.
 */
final class UsableMarker {

    private static final Logger LOG = LoggerFactory.getLogger(UsableMarker.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    private UsableMarker() {
    }

    /** Called each time an area has its first data: logs the first time only. */
    private static void areaLoaded() {
        if (LOGGED.compareAndSet(false, true)) {
            Instant started = ProcessHandle.current().info().startInstant().orElse(null);
            LOG.info(message(started, Instant.now()));
        }
    }

    /**
     * Called when an area opened at {@code openedNanos} ({@link System#nanoTime()}) has its first data: logs how long
     * it took ({@code area findings has its data after N ms}), every time, for timing an area's first open by hand.
     */
    static void areaLoaded(String areaId, long openedNanos) {
        LOG.info("area {} has its data after {} ms", areaId, Duration.ofNanos(System.nanoTime() - openedNanos).toMillis());
        areaLoaded();
    }

    /** The line itself: {@code usable after N ms} since the process started (its start unknown: "since start unknown"). */
    static String message(Instant started, Instant now) {
        return started == null ? "usable (process start time unknown)"
                : "usable after " + Duration.between(started, now).toMillis() + " ms";
    }
}
