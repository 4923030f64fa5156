package ma.essp.diag.database.code;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The label of a stored code in French (the default), English or Arabic, from the one UTF-8 bundle
 * {@code ma/essp/diag/database/code/codes}: what the window shows and what the reports print are the same words.
 * Plain text: the window adds its right-to-left wrapping marks itself.
 */
public final class CodeLabels {

    public static final String BUNDLE = "ma.essp.diag.database.code.codes";

    private CodeLabels() {
    }

    /** The label of {@code code} in {@code locale}'s language; the code itself when it has none, "" for null. */
    public static String label(Vocabulary vocabulary, String code, Locale locale) {
        if (code == null) {
            return "";
        }
        ResourceBundle bundle = bundle(locale);
        String key = vocabulary.key(code);
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    /** The bundle of a language: English and Arabic have theirs, every other language reads the French one. */
    public static ResourceBundle bundle(Locale locale) {
        Locale language = switch (locale.getLanguage()) {
            case "en", "ar" -> Locale.forLanguageTag(locale.getLanguage());
            default -> Locale.ROOT;
        };
        try {
            return ResourceBundle.getBundle(BUNDLE, language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the code labels bundle is missing from the database module", e);
        }
    }
}
