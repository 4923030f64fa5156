package ma.essp.diag.reporting.dataflow;

import java.util.Collection;
import ma.essp.diag.database.repository.ReportSourceData.FlowObservations;

/**
 * Data-flow (routine reporting) indicators: the one definition that the report (workbook and PDF) and any screen or
 * command use. The caller chooses the observations (those of one flow within a scope); this class only sums and
 * divides.
 *
 * <p>An observation is one row of {@code data_flow_observation}: for one flow, one period and (usually) one ESSP, how
 * many reports were expected and received, how many of them arrived on time (when that was recorded) and the delay
 * observed (when recorded). Definitions:
 * <ul>
 * <li><b>Completeness</b> (reporting rate) = reports received ÷ reports expected, summed over the observations; null
 * when nothing was expected.</li>
 * <li><b>Timeliness</b> (on-time rate) = reports received on time ÷ reports expected, both summed over the
 * observations whose on-time count was recorded only (an observation without it counts neither above nor below);
 * null when no observation recorded it.</li>
 * <li><b>Mean delay</b> = mean of the observed delays in days, over the observations that recorded one; null
 * when none did.</li>
 * </ul>
 * Each rate is at most 100 %: an observation counts at most its expected reports as received and at most its received
 * reports as on time ({@link Figures#ofRow}; the entry rules refuse such rows, an older file or an import may hold
 * them), so a surplus in one place never hides a shortfall in another.
 * The counts behind each ratio are kept ({@link Figures}) so that a total over several flows is the ratio of the
 * summed counts ({@link Figures#plus}), never a mean of ratios.
 */
public final class DataFlowIndicators {

    private DataFlowIndicators() {
    }

    /**
     * Summed counts of a set of observations and the three ratios built on them.
     *
     * @param observations observation rows
     * @param expected     reports expected
     * @param received     reports received
     * @param onTime       reports received on time (observations where it was recorded)
     * @param onTimeKnown  reports expected in the observations where the on-time count was recorded
     * @param delaySum     sum of the observed delays (days)
     * @param delayCount   observations with an observed delay
     */
    public record Figures(int observations, long expected, long received, long onTime, long onTimeKnown,
                          double delaySum, int delayCount) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

        /** Received ÷ expected; null when nothing was expected. */
        public Double completeness() {
            return expected == 0 ? null : (double) received / expected;
        }

        /** Received on time ÷ expected where on-time was recorded; null when it never was. */
        public Double timeliness() {
            return onTimeKnown == 0 ? null : (double) onTime / onTimeKnown;
        }

        /** Mean observed delay in days; null without an observed delay. */
        public Double meanDelay() {
            return delayCount == 0 ? null : delaySum / delayCount;
        }

        /**
         * The figures of one observation row, capped: received counts at most {@code expected}, on time at most the
         * received so counted; {@code onTime} and {@code delay} null when not recorded.
         */
        public static Figures ofRow(int expected, int received, Integer onTime, Double delay) {
            long cappedReceived = Math.min(received, expected);
            return new Figures(1, expected, cappedReceived, onTime == null ? 0 : Math.min(onTime, cappedReceived),
                    onTime == null ? 0 : expected, delay == null ? 0 : delay, delay == null ? 0 : 1);
        }

        public Figures plus(Figures o) {
            return new Figures(observations + o.observations, expected + o.expected, received + o.received,
                    onTime + o.onTime, onTimeKnown + o.onTimeKnown, delaySum + o.delaySum, delayCount + o.delayCount);
        }
    }

    /** The figures of one group of observations as read ({@code ReportSourceRepository} sums per circonscription). */
    public static Figures of(FlowObservations o) {
        return new Figures(o.observations(), o.expected(), o.received(), o.onTime(), o.onTimeKnown(), o.delaySum(),
                o.delayCount());
    }

    /** The figures of all the given observations (of one flow, or of several for a total); {@link Figures#NONE} if none. */
    public static Figures sum(Collection<FlowObservations> observations) {
        Figures total = Figures.NONE;
        for (FlowObservations o : observations) {
            total = total.plus(of(o));
        }
        return total;
    }
}
