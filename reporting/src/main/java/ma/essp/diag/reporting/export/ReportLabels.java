package ma.essp.diag.reporting.export;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import ma.essp.diag.database.code.CodeLabels;
import ma.essp.diag.database.code.Vocabulary;

/**
 * The words of the report, from the UTF-8 bundle {@code ma/essp/diag/reporting/export/report} (French default,
 * English, Arabic), and the number and date formats of the language. Codes stored in the database (stages,
 * channels, categories...) are translated with {@link #code(Vocabulary, String)} from the database module's one
 * bundle ({@link CodeLabels}), so the report prints the words the window shows.
 */
public final class ReportLabels {

    public static final String BUNDLE = "ma.essp.diag.reporting.export.report";

    private final ReportLanguage language;
    private final ResourceBundle bundle;
    private final Locale formatLocale;

    public ReportLabels(ReportLanguage language) {
        this.language = language;
        // Moroccan Arabic texts use Latin digits: keep them in every language
        this.formatLocale = language == ReportLanguage.AR ? Locale.forLanguageTag("fr-MA") : language.locale();
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

    public String format(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), formatLocale).format(args);
    }

    /** The label of a stored code (the window's label), or the code itself when it has none. */
    public String code(Vocabulary vocabulary, String code) {
        return CodeLabels.label(vocabulary, code, language.locale());
    }

    /**
     * A word of the report's own bundle chosen by a value that is not a stored code (the weighting, a complaint
     * system item): key {@code prefix.value}, or the value itself when the bundle has none. Not for stored codes:
     * those have {@link #code(Vocabulary, String)}.
     */
    public String word(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String key = prefix + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    public String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(formatLocale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    /** "72,4" or "–" for an undefined figure. */
    public String number(Double value, int decimals) {
        return value == null ? "–" : number(value.doubleValue(), decimals);
    }

    public String percent(Double share) {
        return share == null ? "–" : number(share * 100, 1) + " %";
    }

    public String date(LocalDate date) {
        // Arabic month names, Latin digits (as in Moroccan administrative texts)
        Locale locale = language == ReportLanguage.AR ? Locale.forLanguageTag("ar-MA-u-nu-latn") : formatLocale;
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** Picks the name in the report's language: Arabic when there is one, else the French name. */
    public String name(String fr, String ar) {
        return language == ReportLanguage.AR && ar != null && !ar.isBlank() ? ar : fr;
    }

    public String label(ma.essp.diag.database.repository.ReportSourceData.Label label) {
        return label == null ? "" : label.in(language.code());
    }
}
