package ma.essp.diag.reporting.dataflow;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import ma.essp.diag.database.repository.DataFlowData.Recount;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.repository.DataFlowRules;
import org.jooq.DSLContext;

/**
 * Data verification (WHO Data Quality Review, RDQA): the value recounted from an ESSP's register against the value of
 * its monthly report, for chosen indicators and months.
 * <ul>
 * <li><b>Verification factor</b> (VF) of a set of recount rows = sum recounted ÷ sum reported, over the rows where both
 * values were obtained (an ESSP's VF is that of its rows; a unit's, of all its ESSPs' rows — never a mean of
 * VFs). VF &gt; 1: the report shows less than the register (under-reporting); VF &lt; 1: more (over-reporting).</li>
 * <li>Sum reported = 0: the VF is <b>not computable</b> (never infinity, never 0). No row at all: <b>no recount</b>.</li>
 * <li>The acceptable band is a mission setting ({@value #LOW_KEY}, {@value #HIGH_KEY}), by default 0.90–1.10 (DQR-based
 * studies); a VF on the bounds is within it.</li>
 * <li>A <b>discrepancy</b> is a row whose recounted and reported values differ; it carries a reason code
 * ({@link DataFlowRules#REASONS}) or none ("unexplained").</li>
 * </ul>
 */
public final class DataVerification {

    public static final String LOW_KEY = "dataflows.vf_low";
    public static final String HIGH_KEY = "dataflows.vf_high";
    /** The key of a discrepancy without a reason in {@link Figures#discrepanciesByReason()}. */
    public static final String UNEXPLAINED = "unexplained";

    private DataVerification() {
    }

    /** Where a VF stands against the band. */
    public enum Status {
        WITHIN, OVER_REPORTING, UNDER_REPORTING, NOT_COMPUTABLE, NO_RECOUNT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The acceptable band of the VF, bounds included. */
    public record Band(double low, double high) {

        public static final Band DEFAULT = new Band(0.90, 1.10);

        public Band {
            if (!(low > 0 && low <= 1 && high >= 1)) {
                throw new IllegalArgumentException("a VF band runs from a low bound in (0, 1] to a high bound >= 1: " + low + "–" + high);
            }
        }

        /** The band of a mission: its settings, each bound defaulting on its own; a setting that does not parse is refused. */
        public static Band ofMission(DSLContext dsl) {
            Map<String, String> all = new MissionSettingsRepository(dsl).all();
            return new Band(parse(all.get(LOW_KEY), DEFAULT.low), parse(all.get(HIGH_KEY), DEFAULT.high));
        }

        /**
         * A bound as a user types it ("0.95" or "0,95"); null when it is not a decimal number. What may be stored is
         * then checked by {@link #settable}.
         */
        public static Double parseBound(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                double d = Double.parseDouble(text.strip().replace(',', '.'));
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /**
         * Whether a band may be set (window and command line alike): 0 &lt; low &lt; 1 &lt; high — a band that does not
         * hold 1 strictly inside would call a perfect recount a discrepancy or flag nothing.
         */
        public static boolean settable(double low, double high) {
            return low > 0 && low < 1 && high > 1;
        }

        private static double parse(String text, double fallback) {
            return text == null ? fallback : Double.parseDouble(text.strip());
        }

        public Status status(Double vf) {
            if (vf == null) {
                return Status.NOT_COMPUTABLE;
            }
            return vf < low ? Status.OVER_REPORTING : vf > high ? Status.UNDER_REPORTING : Status.WITHIN;
        }
    }

    /**
     * The verification figures of a set of recount rows.
     *
     * @param rows                  recount rows (with or without both values)
     * @param compared              rows with both values, the n of the VF
     * @param recounted             sum recounted over the compared rows
     * @param reported              sum reported over the compared rows
     * @param discrepanciesByReason compared rows whose values differ, by reason code ({@value #UNEXPLAINED} without one)
     */
    public record Figures(int rows, int compared, long recounted, long reported, Map<String, Integer> discrepanciesByReason) {

        public Figures {
            discrepanciesByReason = Map.copyOf(discrepanciesByReason);
        }

        /** Sum recounted ÷ sum reported; null when nothing reported (not computable) or nothing compared. */
        public Double factor() {
            return reported == 0 ? null : (double) recounted / reported;
        }

        public Status status(Band band) {
            return compared == 0 ? (rows == 0 ? Status.NO_RECOUNT : Status.NOT_COMPUTABLE) : band.status(factor());
        }

        public int discrepancies() {
            return discrepanciesByReason.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The figures of {@code recounts} (of one ESSP, or of all the ESSPs of a unit). */
    public static Figures of(Collection<Recount> recounts) {
        int compared = 0;
        long recounted = 0;
        long reported = 0;
        Map<String, Integer> byReason = new LinkedHashMap<>();
        for (Recount r : recounts) {
            if (r.recounted() == null || r.reported() == null) {
                continue;
            }
            compared++;
            recounted += r.recounted();
            reported += r.reported();
            if (!Objects.equals(r.recounted(), r.reported())) {
                byReason.merge(r.reason() == null ? UNEXPLAINED : r.reason(), 1, Integer::sum);
            }
        }
        return new Figures(recounts.size(), compared, recounted, reported, byReason);
    }

    /** The bins of the VF distribution, in order: below 0.80, 0.80–band low, the band, band high–1.20, above 1.20, not computable. */
    public enum Bin { BELOW_080, LOW, WITHIN, HIGH, ABOVE_120, NOT_COMPUTABLE }

    /** The bin of an ESSP's VF (null = not computable). A VF of exactly 0.80 or 1.20 falls in the nearer-to-1 bin. */
    public static Bin bin(Double vf, Band band) {
        if (vf == null) {
            return Bin.NOT_COMPUTABLE;
        }
        if (vf >= band.low() && vf <= band.high()) {
            return Bin.WITHIN;
        }
        if (vf < band.low()) {
            return vf < 0.80 ? Bin.BELOW_080 : Bin.LOW;
        }
        return vf > 1.20 ? Bin.ABOVE_120 : Bin.HIGH;
    }
}
