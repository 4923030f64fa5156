package ma.essp.diag.database.demo;

import java.util.Locale;

/** Size of a synthetic demo mission. */
public enum DemoScale {
    /** Two provinces of Tanger-Tétouan-Al Hoceima (Tétouan, Chefchaouen): about 56 ESSPs. */
    SMALL,
    /** One whole region (Souss-Massa, code 09): about 300 ESSPs. */
    REGION,
    /** The 12 regions: about 3,000 ESSPs (one per 12,000 inhabitants). */
    NATIONAL;

    /** The code stored in {@code mission.demo_scale}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "small", "region" or "national" (case-insensitive). */
    public static DemoScale parse(String text) {
        if (text != null) {
            for (DemoScale scale : values()) {
                if (scale.code().equalsIgnoreCase(text.trim())) {
                    return scale;
                }
            }
        }
        throw new IllegalArgumentException("unknown demo scale '" + text + "' (expected small, region or national)");
    }
}
