package ma.essp.diag.reporting.export;

import java.util.Locale;

/** The language of a report: French (default), English or Arabic (right to left). */
public enum ReportLanguage {
    FR(Locale.FRENCH), EN(Locale.ENGLISH), AR(Locale.forLanguageTag("ar-MA"));

    private final Locale locale;

    ReportLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static ReportLanguage fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language '" + code + "' (expected fr, en or ar)", e);
        }
    }
}
