package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's first size: its title bar must never open above the screen of a 1366 × 768 laptop. */
class ShellWindowSizeTest {

    @Test
    void onALaptopScreenTheWindowOpensMaximizedWithinTheScreen() {
        // 1366 × 768 with a 28 px desktop panel: 740 px of visible height, less than 840 + the title bar
        ShellView.WindowSize size = ShellView.initialSize(new Rectangle2D(0, 28, 1366, 740));
        assertThat(size.maximized()).isTrue();
        assertThat(size.width()).isEqualTo(1320);
        assertThat(size.height()).isEqualTo(700); // 740 - 40 for the title bar: never taller than the screen
    }

    @Test
    void onAFullHdScreenTheWindowKeepsItsUsualSize() {
        ShellView.WindowSize size = ShellView.initialSize(new Rectangle2D(0, 0, 1920, 1040));
        assertThat(size.maximized()).isFalse();
        assertThat(size.width()).isEqualTo(1320);
        assertThat(size.height()).isEqualTo(840);
    }

    @Test
    void aScreenJustTooShortForTheTitleBarOpensMaximized() {
        assertThat(ShellView.initialSize(new Rectangle2D(0, 0, 1920, 870)).maximized()).isTrue();
        assertThat(ShellView.initialSize(new Rectangle2D(0, 0, 1920, 880)).maximized()).isFalse();
    }
}
