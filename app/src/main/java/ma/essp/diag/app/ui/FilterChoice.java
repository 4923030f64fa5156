package ma.essp.diag.app.ui;

import java.util.List;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.code.Vocabulary;

/**
 * One entry of a filter ComboBox: a value (a code, or null for "all") and its translated label, which is also
 * what the ComboBox shows.
 */
public record FilterChoice(String value, String label) {

    public static FilterChoice all(String label) {
        return new FilterChoice(null, label);
    }

    /** One choice per code of a vocabulary, in the schema's order, labelled as everywhere else. */
    public static List<FilterChoice> of(Vocabulary vocabulary, I18n i18n) {
        return vocabulary.codes().stream().map(code -> new FilterChoice(code, i18n.code(vocabulary, code))).toList();
    }

    public boolean isAll() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
