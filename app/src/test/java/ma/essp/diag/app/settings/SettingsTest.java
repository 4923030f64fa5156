package ma.essp.diag.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.app.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToFrenchWithNoRecentMissions() {
        Settings settings = Settings.load(dir.resolve("missing.properties"));
        assertThat(settings.locale()).isEqualTo(I18n.FRENCH);
        assertThat(settings.recentMissions()).isEmpty();
    }

    @Test
    void roundTripsLanguageAndRecentMostRecentFirstWithoutDuplicates() {
        Path file = dir.resolve("settings.properties");
        Settings settings = Settings.load(file);
        settings.setLocale(I18n.ARABIC);
        for (int i = 0; i < Settings.MAX_RECENT + 2; i++) {
            settings.addRecent(dir.resolve("m" + i + ".essp"));
        }
        settings.addRecent(dir.resolve("m5.essp"));
        settings.save();

        Settings again = Settings.load(file);
        assertThat(again.locale().getLanguage()).isEqualTo("ar");
        assertThat(again.recentMissions()).hasSize(Settings.MAX_RECENT);
        assertThat(again.recentMissions().getFirst()).isEqualTo(dir.resolve("m5.essp").toAbsolutePath());
        assertThat(again.recentMissions()).doesNotHaveDuplicates().doesNotContain(dir.resolve("m0.essp").toAbsolutePath());
    }

    @Test
    void anUnknownLanguageFallsBackToFrench() throws Exception {
        Path file = Files.writeString(dir.resolve("s.properties"), "language=de\n");
        assertThat(Settings.load(file).locale()).isEqualTo(I18n.FRENCH);
    }

    @Test
    void remembersTheWindowAndTheDividers() {
        Path file = dir.resolve("settings.properties");
        Settings settings = Settings.load(file);
        assertThat(settings.window()).isEmpty();
        assertThat(settings.divider("registry.split.0")).isEmpty();
        settings.setWindow(new Settings.WindowBounds(-8, 27.5, 1200, 700, true));
        settings.setDivider("registry.split.0", 0.61);
        settings.setDivider("pms.readinessSplit.0", 1.5); // not a position: ignored
        settings.save();

        Settings again = Settings.load(file);
        assertThat(again.window()).contains(new Settings.WindowBounds(-8, 27.5, 1200, 700, true));
        assertThat(again.divider("registry.split.0").getAsDouble()).isEqualTo(0.61);
        assertThat(again.divider("pms.readinessSplit.0")).isEmpty();
    }

    @Test
    void anIncompleteOrBrokenWindowEntryIsForgotten() throws Exception {
        Path file = Files.writeString(dir.resolve("s.properties"),
                "window.x=10\nwindow.y=20\nwindow.width=abc\nwindow.height=600\ndivider.a=0.3\ndivider.b=-1\ndivider.c=x\n");
        Settings settings = Settings.load(file);
        assertThat(settings.window()).isEmpty();
        assertThat(settings.divider("a").getAsDouble()).isEqualTo(0.3);
        assertThat(settings.divider("b")).isEmpty();
        assertThat(settings.divider("c")).isEmpty();
    }
}
