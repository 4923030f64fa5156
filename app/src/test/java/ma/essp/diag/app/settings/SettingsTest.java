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

    /** The window keeps its Settings for the whole session; a profile or member saved meanwhile by another instance
     *  (the Synchroniser screen, the command line) must survive the window's next save, and a removal must stay removed. */
    @Test
    void aSaveKeepsWhatAnotherInstanceSavedMeanwhile() {
        Path file = dir.resolve("settings.properties");
        Settings early = Settings.load(file);
        early.setServerProfile(new Settings.ServerProfile("old", "jdbc:postgresql://localhost/a", "amina"));
        early.save();

        Settings window = Settings.load(file);
        Settings other = Settings.load(file);
        other.setServerProfile(new Settings.ServerProfile("team", "jdbc:postgresql://localhost/essp", "salma"));
        other.removeServerProfile("old");
        other.setMember("mission-1", "member-9");
        other.save();

        window.setLocale(I18n.ENGLISH);
        window.setMember("mission-2", "member-3");
        window.save();

        Settings again = Settings.load(file);
        assertThat(again.locale().getLanguage()).isEqualTo("en");
        assertThat(again.serverProfiles()).extracting(Settings.ServerProfile::name).containsExactly("team");
        assertThat(again.serverProfile("team").orElseThrow().user()).isEqualTo("salma");
        assertThat(again.member("mission-1")).contains("member-9");
        assertThat(again.member("mission-2")).contains("member-3");
        assertThat(Files.exists(dir.resolve("settings.properties.tmp"))).isFalse();
    }
}
