package ma.essp.diag.database.code;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The name of a synced table or of one of its columns in French (the default), English or Arabic, from the one UTF-8
 * bundle {@code ma/essp/diag/database/code/schema}: {@code table.<table>}, and {@code field.<table>.<column>} for a
 * column whose meaning depends on its table, else {@code field.<column>}. What the audit view, the ESSP history and
 * the merge window show instead of the raw database names. A name without a label comes back unchanged. Plain text:
 * the window adds its right-to-left wrapping marks itself.
 */
public final class SchemaLabels {

    public static final String BUNDLE = "ma.essp.diag.database.code.schema";

    private SchemaLabels() {
    }

    /** The label of table {@code table} in {@code locale}'s language; the name itself when it has none, "" for null. */
    public static String table(String table, Locale locale) {
        if (table == null) {
            return "";
        }
        ResourceBundle bundle = bundle(locale);
        String key = "table." + table;
        return bundle.containsKey(key) ? bundle.getString(key) : table;
    }

    /**
     * The label of column {@code column} of {@code table} (the table's own label first, then the column's common one);
     * the column name itself when it has none, "" for null.
     */
    public static String field(String table, String column, Locale locale) {
        if (column == null) {
            return "";
        }
        String key = fieldKey(bundle(locale), table, column);
        return key == null ? column : bundle(locale).getString(key);
    }

    /** Whether {@code table} has a label in {@code locale}'s language. */
    public static boolean hasTable(String table, Locale locale) {
        return bundle(locale).containsKey("table." + table);
    }

    /** Whether column {@code column} of {@code table} has a label (its own or the common one) in the language. */
    public static boolean hasField(String table, String column, Locale locale) {
        return fieldKey(bundle(locale), table, column) != null;
    }

    private static String fieldKey(ResourceBundle bundle, String table, String column) {
        String own = "field." + table + "." + column;
        if (table != null && bundle.containsKey(own)) {
            return own;
        }
        String common = "field." + column;
        return bundle.containsKey(common) ? common : null;
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
            throw new IllegalStateException("the schema labels bundle is missing from the database module", e);
        }
    }
}
