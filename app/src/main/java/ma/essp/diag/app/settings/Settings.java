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
 * The user's preferences in {@code settings.properties} of the data folder: the language, the recently opened
 * missions, this laptop's device id (generated once) and, per mission (by its uuid), the team member the consultant
 * said they are. Kept here, not in the mission, so that a copied mission file does not carry who last used it.
 * Small on purpose; an unreadable file just means defaults. Read and written from background tasks too: synchronised.
 * Several processes share the file (the window, the command line, a sync profile added while the window is open):
 * {@link #save()} writes this instance's own changes of members and server profiles over what the file holds now, so
 * one process never drops what another saved meanwhile, and it replaces the file atomically.
 */
public final class Settings {

    public static final int MAX_RECENT = 8;
    static final String LANGUAGE = "language";
    static final String RECENT = "recent.";
    static final String DEVICE = "device.id";
    static final String MEMBER = "member.";
    static final String WINDOW = "window.";
    static final String DIVIDER = "divider.";
    static final String SERVER = "server.";
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final Path file;
    private Locale locale = I18n.FRENCH;
    private final List<Path> recent = new ArrayList<>();
    private final java.util.Map<String, String> members = new java.util.TreeMap<>();
    private String deviceId;
    private WindowBounds window;
    private final java.util.Map<String, Double> dividers = new java.util.TreeMap<>();
    private final java.util.Map<String, ServerProfile> servers = new java.util.TreeMap<>();
    /** Members and profiles set or removed (null) through this instance since it was loaded. */
    private final java.util.Map<String, String> memberChanges = new java.util.TreeMap<>();
    private final java.util.Map<String, ServerProfile> serverChanges = new java.util.TreeMap<>();

    /**
     * A team server this laptop synchronises with, by a short name: its JDBC URL and the PostgreSQL user. The password
     * is never kept here: it is asked each time, read from PGPASSWORD, or kept in the operating system's keyring
     * ({@link OsKeyring}) when the user asks for it.
     */
    public record ServerProfile(String name, String url, String user) {
        /** Letters, digits, '-' and '_' (the name is a key of the settings file). */
        public static boolean validName(String name) {
            return name != null && name.matches("[A-Za-z0-9_-]{1,40}");
        }
    }

    /**
     * Where the main window was when it was last closed: its position and size while not maximized (what restoring
     * it from maximized brings back) and whether it was maximized.
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

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
            settings.deviceId = p.getProperty(DEVICE);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(MEMBER) && !p.getProperty(key).isBlank()) {
                    settings.members.put(key.substring(MEMBER.length()), p.getProperty(key));
                }
            }
            settings.window = windowOf(p);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(DIVIDER)) {
                    Double position = number(p.getProperty(key));
                    if (position != null && position >= 0 && position <= 1) {
                        settings.dividers.put(key.substring(DIVIDER.length()), position);
                    }
                }
            }
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(SERVER) && key.endsWith(".url")) {
                    String name = key.substring(SERVER.length(), key.length() - ".url".length());
                    String user = p.getProperty(SERVER + name + ".user");
                    if (ServerProfile.validName(name) && user != null && !user.isBlank()) {
                        settings.servers.put(name, new ServerProfile(name, p.getProperty(key), user));
                    }
                }
            }
            for (int i = 0; i < MAX_RECENT; i++) {
                String value = p.getProperty(RECENT + i);
                if (value != null && !value.isBlank()) {
                    settings.recent.add(Path.of(value));
                }
            }
        }
        return settings;
    }

    private static WindowBounds windowOf(Properties p) {
        Double x = number(p.getProperty(WINDOW + "x"));
        Double y = number(p.getProperty(WINDOW + "y"));
        Double width = number(p.getProperty(WINDOW + "width"));
        Double height = number(p.getProperty(WINDOW + "height"));
        if (x == null || y == null || width == null || height == null || width <= 0 || height <= 0) {
            return null;
        }
        return new WindowBounds(x, y, width, height, Boolean.parseBoolean(p.getProperty(WINDOW + "maximized")));
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public synchronized Locale locale() {
        return locale;
    }

    public synchronized void setLocale(Locale locale) {
        this.locale = locale;
    }

    /** Most recent first. */
    public synchronized List<Path> recentMissions() {
        return List.copyOf(recent);
    }

    /** Moves (or adds) a mission to the top of the recent list. */
    public synchronized void addRecent(Path mission) {
        Path absolute = mission.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.addFirst(absolute);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
    }

    /** This laptop's stable id: generated (and saved) the first time it is asked for, then always the same. */
    public synchronized String deviceId() {
        if (deviceId == null || deviceId.isBlank()) {
            deviceId = java.util.UUID.randomUUID().toString();
            save();
        }
        return deviceId;
    }

    /** The uuid of the team member the consultant chose for the mission {@code missionUuid}, if any. */
    public synchronized java.util.Optional<String> member(String missionUuid) {
        return java.util.Optional.ofNullable(missionUuid == null ? null : members.get(missionUuid));
    }

    /** Remembers who the consultant is in the mission {@code missionUuid} (saved with {@link #save()}). */
    public synchronized void setMember(String missionUuid, String memberUuid) {
        members.put(missionUuid, memberUuid);
        memberChanges.put(missionUuid, memberUuid);
    }

    /** The main window as last closed, if it was ever closed. */
    public synchronized java.util.Optional<WindowBounds> window() {
        return java.util.Optional.ofNullable(window);
    }

    /** Remembers the main window's bounds (saved with {@link #save()}). */
    public synchronized void setWindow(WindowBounds bounds) {
        this.window = bounds;
    }

    /** The remembered position (0–1) of a split pane's divider, by a key naming the screen, the pane and the divider. */
    public synchronized java.util.OptionalDouble divider(String key) {
        Double position = dividers.get(key);
        return position == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(position);
    }

    /** Remembers a divider's position (saved with {@link #save()}); positions outside 0–1 are ignored. */
    public synchronized void setDivider(String key, double position) {
        if (Double.isFinite(position) && position >= 0 && position <= 1) {
            dividers.put(key, position);
        }
    }

    /** The team server profiles, by name. */
    public synchronized java.util.List<ServerProfile> serverProfiles() {
        return java.util.List.copyOf(servers.values());
    }

    public synchronized java.util.Optional<ServerProfile> serverProfile(String name) {
        return java.util.Optional.ofNullable(servers.get(name));
    }

    /** Adds or replaces a profile (URL and user only). */
    public synchronized void setServerProfile(ServerProfile profile) {
        if (!ServerProfile.validName(profile.name())) {
            throw new IllegalArgumentException("a server profile name is letters, digits, '-' or '_': " + profile.name());
        }
        servers.put(profile.name(), profile);
        serverChanges.put(profile.name(), profile);
    }

    /** Whether there was such a profile. */
    public synchronized boolean removeServerProfile(String name) {
        serverChanges.put(name, null);
        return servers.remove(name) != null;
    }

    public synchronized void save() {
        Settings onDisk = load(file);
        members.clear();
        members.putAll(onDisk.members);
        memberChanges.forEach((mission, member) -> members.put(mission, member));
        servers.clear();
        servers.putAll(onDisk.servers);
        serverChanges.forEach((name, profile) -> {
            if (profile == null) {
                servers.remove(name);
            } else {
                servers.put(name, profile);
            }
        });
        Properties p = new Properties();
        p.setProperty(LANGUAGE, locale.toLanguageTag());
        if (deviceId != null) {
            p.setProperty(DEVICE, deviceId);
        }
        members.forEach((mission, member) -> p.setProperty(MEMBER + mission, member));
        if (window != null) {
            p.setProperty(WINDOW + "x", String.valueOf(window.x()));
            p.setProperty(WINDOW + "y", String.valueOf(window.y()));
            p.setProperty(WINDOW + "width", String.valueOf(window.width()));
            p.setProperty(WINDOW + "height", String.valueOf(window.height()));
            p.setProperty(WINDOW + "maximized", String.valueOf(window.maximized()));
        }
        dividers.forEach((key, position) -> p.setProperty(DIVIDER + key, String.valueOf(position)));
        servers.values().forEach(server -> {
            p.setProperty(SERVER + server.name() + ".url", server.url());
            p.setProperty(SERVER + server.name() + ".user", server.user());
        });
        for (int i = 0; i < recent.size(); i++) {
            p.setProperty(RECENT + i, recent.get(i).toString());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "ESSP Diagnostic settings");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save {}: {}", file, e.toString());
        }
    }
}
