package ma.essp.diag.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void aWindowNeedsADisplayOnLinuxButNotOnWindowsOrMacOs() {
        assertThat(Main.displayAvailable(Map.of(), "Linux", null)).isFalse();
        assertThat(Main.displayAvailable(Map.of("DISPLAY", " "), "Linux", null)).isFalse();
        assertThat(Main.displayAvailable(Map.of("DISPLAY", ":0"), "Linux", null)).isTrue();
        assertThat(Main.displayAvailable(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isTrue();
        assertThat(Main.displayAvailable(Map.of(), "Linux", "headless")).isTrue();
        assertThat(Main.displayAvailable(Map.of(), "Windows 11", null)).isTrue();
        assertThat(Main.displayAvailable(Map.of(), "Mac OS X", null)).isTrue();
        assertThat(Main.NO_DISPLAY).isEqualTo("no display available: run a subcommand, or start the window in a desktop session");
    }
}
