package ma.essp.diag.reporting.complaints;

import java.util.Map;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import org.jooq.DSLContext;

/**
 * The complaint deadlines, mission settings ({@code mission_setting}) with documented defaults, carried from the
 * computation to every place that shows a deadline figure.
 *
 * <ul>
 * <li>{@value #RESPONSE_KEY}, default {@value #DEFAULT_RESPONSE_DAYS}: an answer within 60 days of reception — the
 * rule of the national portal chikaya.ma (decree 2-17-265 of 29 June 2017, as reported in the press).</li>
 * <li>{@value #ACKNOWLEDGE_KEY}, default {@value #DEFAULT_ACKNOWLEDGE_DAYS}: an acknowledgement within 15 days —
 * commonly quoted, its text was not found: <b>to be confirmed by the team</b>.</li>
 * </ul>
 * Both count calendar days after the day of reception (received 1 March, answer due by 30 April).
 *
 * @param acknowledgeDays days after reception by which a complaint is to be acknowledged
 * @param responseDays    days after reception by which a complaint is to be answered (closed)
 */
public record ComplaintDeadlines(int acknowledgeDays, int responseDays) {

    public static final String ACKNOWLEDGE_KEY = "complaints.acknowledge_days";
    public static final String RESPONSE_KEY = "complaints.response_days";
    public static final int DEFAULT_ACKNOWLEDGE_DAYS = 15;
    public static final int DEFAULT_RESPONSE_DAYS = 60;
    /** A deadline is at most this many days (ten years): beyond it a value is a typing error. */
    public static final int MAX_DAYS = 3650;

    public static final ComplaintDeadlines DEFAULT = new ComplaintDeadlines(DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_RESPONSE_DAYS);

    public ComplaintDeadlines {
        if (acknowledgeDays < 0 || acknowledgeDays > MAX_DAYS || responseDays < 0 || responseDays > MAX_DAYS) {
            throw new IllegalArgumentException("complaint deadlines are 0 to " + MAX_DAYS + " days: "
                    + acknowledgeDays + ", " + responseDays);
        }
    }

    /** The deadlines a mission's settings ask for; a key without a value takes its default. */
    public static ComplaintDeadlines of(Map<String, String> settings) {
        return new ComplaintDeadlines(days(settings, ACKNOWLEDGE_KEY, DEFAULT_ACKNOWLEDGE_DAYS),
                days(settings, RESPONSE_KEY, DEFAULT_RESPONSE_DAYS));
    }

    /** The deadlines stored in an open mission. */
    public static ComplaintDeadlines ofMission(DSLContext dsl) {
        return of(new MissionSettingsRepository(dsl).all());
    }

    /**
     * A value to set (window and command line alike) as a number of days, or an exception saying why not (not a whole
     * number, out of 1 to {@value #MAX_DAYS}: a deadline of 0 days would make every complaint late on its first day).
     */
    public static int parseDays(String key, String value) {
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes a whole number of days, not '" + value + "'", e);
        }
        if (!settable(days)) {
            throw new IllegalArgumentException(key + " takes 1 to " + MAX_DAYS + " days, not " + days);
        }
        return days;
    }

    /** Whether {@code days} may be set as a deadline: 1 to {@value #MAX_DAYS}. */
    public static boolean settable(int days) {
        return days >= 1 && days <= MAX_DAYS;
    }

    /** A stored value (a mission set before the window checked for 0 still reads: 0 to {@value #MAX_DAYS}). */
    private static int days(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes a whole number of days, not '" + value + "'", e);
        }
    }
}
