package ma.essp.diag.reporting.readiness;

/** An optional split of each territorial unit into groups. */
public enum Breakdown {
    NONE,
    /** By current ESSP category (legacy names such as CSC counted under their equivalent, CSR-1). */
    CATEGORY,
    /** By the ESSP's milieu, rural or urban. */
    MILIEU;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Breakdown fromCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
