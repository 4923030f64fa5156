package ma.essp.diag.reporting.complaints;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSample;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;

/**
 * Complaint-handling indicators: the one definition that the report (workbook and PDF) and any screen or command
 * use. The caller chooses the ESSPs (a scope); this class measures their complaint systems and sampled complaints.
 *
 * <p>Definitions:
 * <ul>
 * <li><b>Days to acknowledge</b> = calendar days from reception to acknowledgement ({@code acknowledged_on −
 * received_on}); none while not acknowledged. <b>Days to close</b> likewise to the closing day.</li>
 * <li><b>Acknowledged in time</b>: acknowledged at most {@value #ACKNOWLEDGE_DAYS} days after reception (the
 * ministry's rule); a complaint never acknowledged is not.</li>
 * <li><b>Processed in time</b>: closed no later than {@value #PROCESS_MONTHS} calendar months after reception, the
 * same day of the month (received 10 January: closed by 10 March; received 31 December: by 28 February, the end of
 * a shorter month); an open complaint is not.</li>
 * <li>Over a set of sampled complaints ({@link Summary}): the <b>share acknowledged in time</b> and the <b>share
 * processed in time</b> are over all the sampled complaints (open ones included, in the denominator); the <b>mean
 * days to close</b> is over the closed ones only. A set without complaints has no shares (null).</li>
 * <li><b>System shares</b>: for each feature of a complaint system (a register, a suggestion box, in-person and phone
 * reception, the chikaya.ma portal, a register kept up to date, a focal person, the procedure displayed, the
 * chikaya.ma link displayed), the share of the ESSPs with a recorded system that have it. ESSPs without a recorded
 * system are not in the denominator; without any system there are no shares.</li>
 * </ul>
 */
public final class ComplaintIndicators {

    /** Acknowledgement is due within this many days of reception. */
    public static final int ACKNOWLEDGE_DAYS = 15;
    /** Processing (closing) is due within this many calendar months of reception. */
    public static final int PROCESS_MONTHS = 2;

    /** The features of a complaint system, in the order the report lists them (codes of {@code system.*} labels). */
    private static final Map<String, Predicate<ComplaintSystem>> FEATURES = features();

    private ComplaintIndicators() {
    }

    /** One sampled complaint with its delays; the day counts are null while the step is not done. */
    public record Sample(ComplaintSample sample, Long daysToAcknowledge, Long daysToClose, boolean acknowledgedInTime,
                         boolean processedInTime) {
    }

    /**
     * The figures of a set of sampled complaints: how many, the shares acknowledged and processed in time (null for an
     * empty set) and the mean days to close of the closed ones (null when none is closed).
     */
    public record Summary(int samples, Double acknowledgedInTime, Double processedInTime, Double meanDaysToClose) {
    }

    /**
     * The complaint figures of a scope.
     *
     * @param systems      ESSPs with a recorded complaint system
     * @param systemShares feature code → share of those ESSPs that have it (empty without any system)
     * @param samples      every sampled complaint, measured, in the order given
     * @param total        the summary of all the samples
     * @param byCategory   category code → summary of its samples, by code
     */
    public record Report(int systems, Map<String, Double> systemShares, List<Sample> samples, Summary total,
                         Map<String, Summary> byCategory) {
    }

    public static Report compute(List<ComplaintSystem> systems, List<ComplaintSample> samples) {
        List<Sample> measured = samples.stream().map(ComplaintIndicators::measure).toList();
        Map<String, List<Sample>> byCategory = new TreeMap<>();
        measured.forEach(s -> byCategory.computeIfAbsent(s.sample().category(), k -> new ArrayList<>()).add(s));
        Map<String, Summary> summaries = new LinkedHashMap<>();
        byCategory.forEach((category, list) -> summaries.put(category, summarise(list)));
        return new Report(systems.size(), systemShares(systems), measured, summarise(measured), summaries);
    }

    /** The delays of one sampled complaint. */
    public static Sample measure(ComplaintSample s) {
        Long ack = s.acknowledgedOn() == null ? null : ChronoUnit.DAYS.between(s.receivedOn(), s.acknowledgedOn());
        Long close = s.closedOn() == null ? null : ChronoUnit.DAYS.between(s.receivedOn(), s.closedOn());
        return new Sample(s, ack, close, ack != null && ack <= ACKNOWLEDGE_DAYS, processedInTime(s.receivedOn(), s.closedOn()));
    }

    /** Whether a complaint received on {@code received} was closed (on {@code closed}) within {@value #PROCESS_MONTHS} months. */
    public static boolean processedInTime(LocalDate received, LocalDate closed) {
        return closed != null && !closed.isAfter(received.plusMonths(PROCESS_MONTHS));
    }

    /** The summary of a set of measured complaints (of a category, a unit or the whole scope). */
    public static Summary summarise(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new Summary(0, null, null, null);
        }
        double n = samples.size();
        LongSummaryStatistics closed = samples.stream().filter(s -> s.daysToClose() != null).mapToLong(Sample::daysToClose)
                .summaryStatistics();
        return new Summary(samples.size(), samples.stream().filter(Sample::acknowledgedInTime).count() / n,
                samples.stream().filter(Sample::processedInTime).count() / n,
                closed.getCount() == 0 ? null : closed.getAverage());
    }

    /** Feature code → share of the given systems that have the feature; empty without systems. */
    public static Map<String, Double> systemShares(List<ComplaintSystem> systems) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (!systems.isEmpty()) {
            double n = systems.size();
            FEATURES.forEach((code, has) -> shares.put(code, systems.stream().filter(has).count() / n));
        }
        return shares;
    }

    private static Map<String, Predicate<ComplaintSystem>> features() {
        Map<String, Predicate<ComplaintSystem>> f = new LinkedHashMap<>();
        f.put("register", ComplaintSystem::register);
        f.put("register_kept", ComplaintSystem::registerKept);
        f.put("box", ComplaintSystem::box);
        f.put("in_person", ComplaintSystem::inPerson);
        f.put("phone", ComplaintSystem::phone);
        f.put("chikaya_portal", ComplaintSystem::chikayaPortal);
        f.put("focal_person", ComplaintSystem::focalPerson);
        f.put("procedure_displayed", ComplaintSystem::procedureDisplayed);
        f.put("chikaya_link_displayed", ComplaintSystem::chikayaLinkDisplayed);
        return Collections.unmodifiableMap(f);
    }
}
