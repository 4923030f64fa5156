package ma.essp.diag.reporting.template;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import ma.essp.diag.database.code.CodeLabels;
import ma.essp.diag.database.code.LeftToRight;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.reporting.export.ReportLanguage;

/**
 * The words of the field templates and of the import report, from the UTF-8 bundle
 * {@code ma/essp/diag/reporting/template/template} (French default, English, Arabic); stored codes are worded by
 * {@link CodeLabels} (the window's labels), so a drop-down list offers the words the form shows.
 */
public final class TemplateWords {

    public static final String BUNDLE = "ma.essp.diag.reporting.template.template";

    private final ReportLanguage language;
    private final ResourceBundle bundle;

    public TemplateWords(ReportLanguage language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language == ReportLanguage.FR ? Locale.ROOT : language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ReportLanguage language() {
        return language;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The words of {@code key} with its arguments; in Arabic a code, uuid, file name or number among them is kept left
     * to right ({@link LeftToRight}), as the window keeps its own messages' (the window shows these problems).
     */
    public String format(String key, Object... args) {
        Object[] shown = args;
        if (language == ReportLanguage.AR) {
            shown = args.clone();
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] instanceof String s) {
                    shown[i] = LeftToRight.isolate(s);
                } else if (shown[i] instanceof Number n) {
                    shown[i] = LeftToRight.isolate(java.text.NumberFormat.getNumberInstance(Locale.ROOT).format(n));
                }
            }
        }
        return new MessageFormat(get(key).replace("'", "''"), Locale.ROOT).format(shown);
    }

    public String code(Vocabulary vocabulary, String code) {
        return CodeLabels.label(vocabulary, code, language.locale());
    }

    /** The label of a column key (the second header row); an item column is labelled by the item itself. */
    public String column(String key) {
        return has("column." + key) ? get("column." + key) : key;
    }

    /** The problem in words, without its place (the report's other columns say where). */
    public String problem(ImportProblem p) {
        if (p.reason() == ImportProblem.Reason.RULE) {
            Object[] ruleArgs = p.args().subList(1, p.args().size()).toArray();
            return format("rule." + p.args().getFirst(), ruleArgs);
        }
        return format("problem." + p.reason().name(), p.args().toArray());
    }

    /** One line for a terminal: "ESSP, ligne 4, colonne latitude, « abc » : ce n'est pas un nombre". */
    public String line(ImportProblem p) {
        StringBuilder b = new StringBuilder();
        if (p.sheet() != null) {
            b.append(p.sheet());
        }
        if (p.row() != null) {
            b.append(", ").append(format("report.at_row", p.row()));
        }
        if (p.column() != null) {
            b.append(", ").append(format("report.at_column", p.column()));
        }
        if (p.value() != null) {
            b.append(", «").append(p.value()).append('»');
        }
        if (!b.isEmpty()) {
            b.append(": ");
        }
        return b.append(problem(p)).toString();
    }
}
