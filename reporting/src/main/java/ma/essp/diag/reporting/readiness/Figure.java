package ma.essp.diag.reporting.readiness;

/**
 * One aggregate figure with what stands behind it.
 *
 * @param value        the (weighted) mean of the ESSP values, in [0, 100]; null when no ESSP has one
 * @param n            the number of ESSPs whose value entered the mean
 * @param completeness answered ÷ applicable items pooled over every assessed ESSP the figure is about
 *                     (including those whose value is undefined), in [0, 1]; null when there are none
 */
public record Figure(Double value, int n, Double completeness) {

    public static final Figure EMPTY = new Figure(null, 0, null);
}
