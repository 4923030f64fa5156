package ma.essp.diag.reporting.readiness;

/** The territorial level of an aggregate table. */
public enum AggregationLevel {
    ESSP, CIRCONSCRIPTION, PROVINCE, REGION, NATIONAL;

    /** The lower-case name used on the command line and in exported files. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AggregationLevel fromCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
