package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The keys of the keyboard are named as in the window's language: the French names (Entrée, Échap, Suppr, Retour
 * arrière) never show in the English or Arabic window, where the keys read Enter, Esc, Delete, Backspace.
 */
class KeyNamesTest {

    private static final Pattern FRENCH_KEYS = Pattern.compile("(?U)\\b(Entrée|Échap|Suppr|Retour arrière)\\b");

    @Test
    void englishAndArabicTextsNameTheKeysInTheirOwnWords() throws Exception {
        List<String> found = new ArrayList<>();
        for (String bundle : List.of("messages_en", "messages_ar")) {
            Properties words = new Properties();
            try (InputStream in = I18n.class.getResourceAsStream(bundle + ".properties")) {
                words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            words.forEach((key, value) -> {
                if (FRENCH_KEYS.matcher(value.toString()).find()) {
                    found.add(bundle + ": " + key);
                }
            });
        }
        assertThat(found).isEmpty();
    }
}
