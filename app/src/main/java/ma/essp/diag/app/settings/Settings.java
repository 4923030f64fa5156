package ma.essp.diag.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import ma.essp.diag.app.i18n.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's preferences in {@code settings.properties} of the data folder: the language and the recently
 * opened missions. Small on purpose; an unreadable file just means defaults.
 */
public final class Settings {

    public static final int MAX_RECENT = 8;
    static final String LANGUAGE = "language";
    static final String RECENT = "recent.";
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final Path file;
    private Locale locale = I18n.FRENCH;
    private final List<Path> recent = new ArrayList<>();

    private Settings(Path file) {
        this.file = file;
    }

    public static Settings load(Path file) {
        Settings settings = new Settings(file);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Cannot read {}, using defaults: {}", file, e.toString());
            }
            settings.locale = new I18n(I18n.parse(p.getProperty(LANGUAGE, "fr"))).locale();
            for (int i = 0; i < MAX_RECENT; i++) {
                String value = p.getProperty(RECENT + i);
                if (value != null && !value.isBlank()) {
                    settings.recent.add(Path.of(value));
                }
            }
        }
        return settings;
    }

    public Locale locale() {
        return locale;
    }

    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    /** Most recent first. */
    public List<Path> recentMissions() {
        return List.copyOf(recent);
    }

    /** Moves (or adds) a mission to the top of the recent list. */
    public void addRecent(Path mission) {
        Path absolute = mission.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.addFirst(absolute);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
    }

    public void save() {
        Properties p = new Properties();
        p.setProperty(LANGUAGE, locale.toLanguageTag());
        for (int i = 0; i < recent.size(); i++) {
            p.setProperty(RECENT + i, recent.get(i).toString());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "ESSP Diagnostic settings");
            }
        } catch (IOException e) {
            LOG.warn("Cannot save {}: {}", file, e.toString());
        }
    }
}
