package ma.essp.diag.database.repository;

/**
 * Picks the label of a reference row (catalogue service area, service, tracer item...) in a language: the Arabic or
 * English label when the row has one, the French label otherwise. The one place that knows the fallback rule, used by
 * the screens and the exports alike.
 */
public final class LocalizedLabel {

    private LocalizedLabel() {
    }

    /** {@code language} an ISO 639 code ({@code fr}, {@code en}, {@code ar}); anything else gives the French label. */
    public static String pick(String language, String labelFr, String labelEn, String labelAr) {
        String chosen = switch (language == null ? "fr" : language) {
            case "ar" -> labelAr;
            case "en" -> labelEn;
            default -> labelFr;
        };
        return chosen == null || chosen.isBlank() ? labelFr : chosen;
    }
}
