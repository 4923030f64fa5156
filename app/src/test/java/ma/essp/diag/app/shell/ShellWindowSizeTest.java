package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import ma.essp.diag.app.settings.Settings.WindowBounds;
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

    private static final List<Rectangle2D> LAPTOP = List.of(new Rectangle2D(0, 28, 1366, 740));

    @Test
    void nothingRememberedOpensAsOnAFirstStart() {
        assertThat(WindowMemory.restorable(Optional.empty(), LAPTOP)).isEmpty();
    }

    @Test
    void aRememberedWindowOnTheScreenComesBackAsItWas() {
        WindowBounds b = new WindowBounds(100, 60, 1000, 600, false);
        assertThat(WindowMemory.restorable(Optional.of(b), LAPTOP)).contains(b);
        WindowBounds max = new WindowBounds(100, 60, 1000, 600, true);
        assertThat(WindowMemory.restorable(Optional.of(max), LAPTOP)).contains(max);
    }

    @Test
    void aWindowRememberedFromALargerScreenIsFittedIntoTheLaptopScreen() {
        // closed at 600,200 at 1320 x 840 on a full HD screen; its title bar's middle (1260, 215) is on the laptop
        WindowBounds fitted = WindowMemory.restorable(Optional.of(new WindowBounds(600, 200, 1320, 840, false)), LAPTOP).orElseThrow();
        assertThat(fitted).isEqualTo(new WindowBounds(46, 28, 1320, 740, false)); // x: 1366 - 1320; y: the panel's 28
    }

    @Test
    void aWindowWhoseTitleBarWasOnAScreenThatIsGoneOpensAsOnAFirstStart() {
        // on a second monitor to the right of the laptop, unplugged since
        assertThat(WindowMemory.restorable(Optional.of(new WindowBounds(1500, 100, 1000, 600, false)), LAPTOP)).isEmpty();
        // title bar above the top of the screen
        assertThat(WindowMemory.restorable(Optional.of(new WindowBounds(100, -200, 1000, 600, false)), LAPTOP)).isEmpty();
    }
}
