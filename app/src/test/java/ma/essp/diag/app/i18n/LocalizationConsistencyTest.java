package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.essp.diag.database.code.CodeLabels;
import ma.essp.diag.database.code.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After JabRef's LocalizationConsistencyTest: the three bundles hold the same keys, every key used in Java
 * ({@code "nav.territory"} literals) or FXML ({@code %key}) exists, and no key sits unused. Keys live in a few
 * namespaces (the first segment), which is how Java literals are recognised as keys; build a key from pieces
 * and this test reports it unused, which is the point: keys must stay greppable.
 */
class LocalizationConsistencyTest {

    static final Set<String> NAMESPACES = Set.of("app", "menu", "language", "toolbar", "nav", "empty", "status",
            "dialog", "copy", "error", "about", "territory", "registry", "pms", "reports", "hr", "map", "dataflows",
            "table", "edit", "mission", "complaints", "findings", "training", "fieldwork", "violence", "merge");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:" + String.join("|", NAMESPACES) + ")\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final Path MAIN = Path.of("src", "main");

    private static Map<String, Set<String>> bundles;
    private static Set<String> usedInJava;
    private static Set<String> usedInFxml;

    @BeforeAll
    static void scan() throws IOException {
        bundles = new TreeMap<>();
        for (String suffix : new String[] {"", "_en", "_ar"}) {
            bundles.put("messages" + suffix, keys("/ma/essp/diag/app/i18n/messages" + suffix + ".properties"));
        }
        usedInJava = matches(MAIN.resolve("java"), ".java", JAVA_KEY);
        usedInFxml = matches(MAIN.resolve("resources"), ".fxml", FXML_KEY);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> matches(Path root, String extension, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void scanFindsTheSources() {
        assertThat(usedInJava).contains("nav.territory", "error.reason.not_sqlite");
        assertThat(usedInFxml).contains("territory.title", "registry.column.code");
    }

    @Test
    void everyBundleHasTheSameKeys() {
        Set<String> french = bundles.get("messages");
        for (Map.Entry<String, Set<String>> bundle : bundles.entrySet()) {
            Set<String> missing = new TreeSet<>(french);
            missing.removeAll(bundle.getValue());
            Set<String> extra = new TreeSet<>(bundle.getValue());
            extra.removeAll(french);
            assertThat(missing).as("keys missing from " + bundle.getKey()).isEmpty();
            assertThat(extra).as("keys only in " + bundle.getKey()).isEmpty();
        }
    }

    @Test
    void everyUsedKeyExists() {
        Set<String> used = new TreeSet<>(usedInJava);
        used.addAll(usedInFxml);
        for (Map.Entry<String, Set<String>> bundle : bundles.entrySet()) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(bundle.getValue());
            assertThat(missing).as("keys used in code or FXML but absent from " + bundle.getKey()).isEmpty();
        }
    }

    @Test
    void noKeyIsUnused() {
        Set<String> unused = new TreeSet<>(bundles.get("messages"));
        unused.removeAll(usedInJava);
        unused.removeAll(usedInFxml);
        assertThat(unused).as("keys in the bundles that no Java literal or FXML %key uses").isEmpty();
    }

    @Test
    void everyKeyIsInANamespaceTheScanRecognises() {
        assertThat(bundles.get("messages")).allSatisfy(key -> assertThat(NAMESPACES).contains(key.substring(0, key.indexOf('.'))));
    }

    @Test
    void storedCodesAreLabelledInTheDatabaseBundleOnly() {
        // a stored code has one label for the window and the reports (CodeLabels); the screen bundle does not repeat it
        for (Locale locale : I18n.SUPPORTED) {
            ResourceBundle codes = CodeLabels.bundle(locale);
            for (Vocabulary v : Vocabulary.values()) {
                for (String code : v.codes()) {
                    assertThat(codes.containsKey(v.key(code))).as(v.key(code) + " in " + locale).isTrue();
                    assertThat(codes.getString(v.key(code))).as(v.key(code) + " in " + locale).isNotBlank();
                }
            }
        }
        assertThat(usedInJava).as("keys of the code bundle used as screen keys").noneMatch(key -> key.contains(".") && isCodeKey(key));
        assertThat(bundles.get("messages")).as("screen keys that are code keys").noneMatch(LocalizationConsistencyTest::isCodeKey);
    }

    private static boolean isCodeKey(String key) {
        for (Vocabulary v : Vocabulary.values()) {
            for (String code : v.codes()) {
                if (v.key(code).equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String suffix : new String[] {"", "_en", "_ar"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/ma/essp/diag/app/i18n/messages" + suffix + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(p.stringPropertyNames()).allSatisfy(k -> assertThat(p.getProperty(k)).as(k + suffix).isNotBlank());
        }
    }
}
