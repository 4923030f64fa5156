package ma.essp.diag.reporting.export;

import java.util.Locale;

/**
 * The territory a report covers: the nation, a region (by code, e.g. {@code 02}), a province or prefecture (by
 * code, e.g. {@code 02.251}) or a circonscription (by id). Written {@code national}, {@code region:CODE},
 * {@code province:CODE}, {@code circonscription:ID} on the command line.
 */
public record ReportScope(Level level, String key) {

    public enum Level { NATIONAL, REGION, PROVINCE, CIRCONSCRIPTION }

    public static final ReportScope NATIONAL = new ReportScope(Level.NATIONAL, null);

    public ReportScope {
        if ((level == Level.NATIONAL) != (key == null || key.isBlank())) {
            throw new IllegalArgumentException(level == Level.NATIONAL ? "national scope takes no code" : level.name().toLowerCase(Locale.ROOT) + " scope needs a code");
        }
    }

    public static ReportScope region(String code) {
        return new ReportScope(Level.REGION, code);
    }

    public static ReportScope province(String code) {
        return new ReportScope(Level.PROVINCE, code);
    }

    public static ReportScope circonscription(int id) {
        return new ReportScope(Level.CIRCONSCRIPTION, Integer.toString(id));
    }

    /** Parses {@code national}, {@code region:CODE}, {@code province:CODE} or {@code circonscription:ID}. */
    public static ReportScope parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("national")) {
            return NATIONAL;
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("scope '" + text + "': expected national, region:CODE, province:CODE or circonscription:ID");
        }
        String kind = t.substring(0, colon).toLowerCase(Locale.ROOT);
        String key = t.substring(colon + 1).trim();
        return switch (kind) {
            case "region" -> region(key);
            case "province" -> province(key);
            case "circonscription" -> {
                try {
                    yield circonscription(Integer.parseInt(key));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("scope '" + text + "': a circonscription is given by its numeric id", e);
                }
            }
            default -> throw new IllegalArgumentException("scope '" + text + "': unknown level '" + kind + "'");
        };
    }

    @Override
    public String toString() {
        return level == Level.NATIONAL ? "national" : level.name().toLowerCase(Locale.ROOT) + ":" + key;
    }
}
