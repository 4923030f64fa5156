package ma.essp.diag.reporting.complaints;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSample;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;

/**
 * Complaint-handling indicators: the one definition that the report (workbook and PDF), the "Réclamations" screen
 * and {@code essp-diag figures --axis complaints} use. The caller chooses the ESSPs (a scope), the deadlines
 * ({@link ComplaintDeadlines}, mission settings) and the date the figures stand for (the report date, "as of").
 *
 * <p>Definitions (calendar days; a step dated after the as-of date is not done yet as of that date, a complaint
 * received after it is not counted at all):
 * <ul>
 * <li><b>Days to acknowledge</b> = {@code acknowledged_on − received_on}; <b>days to close</b> = {@code closed_on −
 * received_on}; none while the step is not done.</li>
 * <li><b>Acknowledged in time</b>: at most {@code acknowledgeDays} days to acknowledge. A complaint enters the share
 * once this is known: acknowledged, or not acknowledged with the deadline (reception + acknowledgeDays) passed —
 * then it is not in time. Not yet acknowledged before its deadline: not counted (n shows how many are).</li>
 * <li><b>Answered in time</b>: closed at most {@code responseDays} days after reception; same rule for entering the
 * share (closed, or open past the deadline).</li>
 * <li><b>Status as of the date</b>: closed in time, closed late, still open before the deadline (<b>pending</b>) or
 * still open after it (<b>late</b>). The deadline day itself is still in time: received 1 March with 60 days, the
 * answer is due by 30 April, an open complaint is late from 1 May.</li>
 * <li>Over a set ({@link Summary}): the <b>share acknowledged in time</b> over the complaints whose acknowledgement is
 * due; the <b>share answered in time</b> over those whose answer is due; the <b>share late</b> (still open past the
 * deadline) over all the complaints received; the <b>median days</b> to acknowledge over the acknowledged ones and
 * to close over the closed ones (the mean of the two middle values for an even count). No denominator: no figure
 * (null), never 0.</li>
 * <li><b>System shares</b>: for each checklist item of a complaint system, the share of the ESSPs with a recorded
 * system that have it. ESSPs without a recorded system are not in the denominator.</li>
 * </ul>
 */
public final class ComplaintIndicators {

    /** The checklist items of a complaint system, in the order the report lists them (codes of {@code system.*} labels). */
    private static final Map<String, Predicate<ComplaintSystem>> FEATURES = features();

    private ComplaintIndicators() {
    }

    /** Where a complaint stands as of the report date against the response deadline. */
    public enum Status {
        ANSWERED_IN_TIME, ANSWERED_LATE, PENDING, LATE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One sampled complaint measured as of a date.
     *
     * @param acknowledgedInTime null while its acknowledgement is not due (not acknowledged, deadline not passed)
     * @param answeredInTime     null while its answer is not due (open, deadline not passed)
     */
    public record Sample(ComplaintSample sample, Long daysToAcknowledge, Long daysToClose, Boolean acknowledgedInTime,
                         Boolean answeredInTime, Status status) {
    }

    /**
     * The figures of a set of complaints, each share with the count it is over.
     *
     * @param samples            complaints received by the as-of date
     * @param acknowledgeDue     those whose acknowledgement is due (acknowledged, or its deadline passed)
     * @param acknowledgedInTime of which acknowledged within the deadline
     * @param answerDue          those whose answer is due (closed, or open past the deadline)
     * @param answeredInTime     of which closed within the deadline
     * @param acknowledged       acknowledged ones (the n of the median days to acknowledge)
     * @param closed             closed ones (the n of the median days to close)
     * @param pending            open before the response deadline
     * @param late               open past the response deadline
     */
    public record Summary(int samples, int acknowledgeDue, int acknowledgedInTime, int answerDue, int answeredInTime,
                          int acknowledged, Double medianDaysToAcknowledge, int closed, Double medianDaysToClose,
                          int pending, int late) {

        public Double shareAcknowledgedInTime() {
            return share(acknowledgedInTime, acknowledgeDue);
        }

        public Double shareAnsweredInTime() {
            return share(answeredInTime, answerDue);
        }

        /** Still open past the deadline, over all the complaints received. */
        public Double shareLate() {
            return share(late, samples);
        }
    }

    /**
     * The complaint figures of a scope as of a date.
     *
     * @param systems      ESSPs with a recorded complaint system
     * @param systemShares checklist item code → share of those ESSPs that have it (empty without any system)
     * @param samples      every complaint received by the date, measured, in the order given
     * @param total        the summary of all of them
     * @param byKind       kind code → summary, in the vocabulary's order, kinds with complaints only
     * @param byCategory   category code → summary, likewise
     * @param byChannel    channel code → summary, likewise
     */
    public record Report(LocalDate asOf, ComplaintDeadlines deadlines, int systems, Map<String, Double> systemShares,
                         List<Sample> samples, Summary total, Map<String, Summary> byKind,
                         Map<String, Summary> byCategory, Map<String, Summary> byChannel) {
    }

    public static Report compute(List<ComplaintSystem> systems, List<ComplaintSample> samples, ComplaintDeadlines deadlines,
                                 LocalDate asOf) {
        List<Sample> measured = measureAll(samples, deadlines, asOf);
        return new Report(asOf, deadlines, systems.size(), systemShares(systems), measured, summarise(measured),
                by(measured, Vocabulary.COMPLAINT_KIND, ComplaintSample::kind),
                by(measured, Vocabulary.COMPLAINT_CATEGORY, ComplaintSample::category),
                by(measured, Vocabulary.COMPLAINT_CHANNEL, ComplaintSample::channel));
    }

    /**
     * The total of {@link #compute} alone ({@link Report#total()}: the same complaints measured and summarised), without
     * the breakdowns and system shares, for a reader of the total only (a finding's evidence).
     */
    public static Summary total(List<ComplaintSample> samples, ComplaintDeadlines deadlines, LocalDate asOf) {
        return summarise(measureAll(samples, deadlines, asOf));
    }

    /** The complaints received by {@code asOf}, measured; the others are left out. */
    public static List<Sample> measureAll(List<ComplaintSample> samples, ComplaintDeadlines deadlines, LocalDate asOf) {
        List<Sample> measured = new ArrayList<>();
        for (ComplaintSample s : samples) {
            if (!s.receivedOn().isAfter(asOf)) {
                measured.add(measure(s, deadlines, asOf));
            }
        }
        return measured;
    }

    /** One complaint received by {@code asOf}, as of that date. */
    public static Sample measure(ComplaintSample s, ComplaintDeadlines deadlines, LocalDate asOf) {
        if (s.receivedOn().isAfter(asOf)) {
            throw new IllegalArgumentException("received " + s.receivedOn() + ", after " + asOf);
        }
        Long ack = daysUntil(s.receivedOn(), s.acknowledgedOn(), asOf);
        Long close = daysUntil(s.receivedOn(), s.closedOn(), asOf);
        Boolean ackInTime = ack != null ? Boolean.valueOf(ack <= deadlines.acknowledgeDays())
                : asOf.isAfter(s.receivedOn().plusDays(deadlines.acknowledgeDays())) ? Boolean.FALSE : null;
        boolean pastResponse = asOf.isAfter(s.receivedOn().plusDays(deadlines.responseDays()));
        Status status;
        if (close != null) {
            status = close <= deadlines.responseDays() ? Status.ANSWERED_IN_TIME : Status.ANSWERED_LATE;
        } else {
            status = pastResponse ? Status.LATE : Status.PENDING;
        }
        Boolean answeredInTime = status == Status.PENDING ? null : Boolean.valueOf(status == Status.ANSWERED_IN_TIME);
        return new Sample(s, ack, close, ackInTime, answeredInTime, status);
    }

    /** The summary of a set of measured complaints (of a kind, a category, a unit or the whole scope). */
    public static Summary summarise(List<Sample> samples) {
        int ackDue = 0;
        int ackInTime = 0;
        int answerDue = 0;
        int answerInTime = 0;
        int pending = 0;
        int late = 0;
        List<Long> ackDays = new ArrayList<>();
        List<Long> closeDays = new ArrayList<>();
        for (Sample s : samples) {
            if (s.acknowledgedInTime() != null) {
                ackDue++;
                ackInTime += s.acknowledgedInTime() ? 1 : 0;
            }
            if (s.answeredInTime() != null) {
                answerDue++;
                answerInTime += s.answeredInTime() ? 1 : 0;
            }
            pending += s.status() == Status.PENDING ? 1 : 0;
            late += s.status() == Status.LATE ? 1 : 0;
            if (s.daysToAcknowledge() != null) {
                ackDays.add(s.daysToAcknowledge());
            }
            if (s.daysToClose() != null) {
                closeDays.add(s.daysToClose());
            }
        }
        return new Summary(samples.size(), ackDue, ackInTime, answerDue, answerInTime, ackDays.size(), median(ackDays),
                closeDays.size(), median(closeDays), pending, late);
    }

    /** The median of whole numbers (the mean of the two middle ones for an even count); null for none. */
    public static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Checklist item code → share of the given systems that have it; empty without systems. */
    public static Map<String, Double> systemShares(List<ComplaintSystem> systems) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (!systems.isEmpty()) {
            double n = systems.size();
            FEATURES.forEach((code, has) -> shares.put(code, systems.stream().filter(has).count() / n));
        }
        return shares;
    }

    /** The checklist item codes, in the report's order. */
    public static List<String> featureCodes() {
        return List.copyOf(FEATURES.keySet());
    }

    private static Long daysUntil(LocalDate received, LocalDate done, LocalDate asOf) {
        return done == null || done.isAfter(asOf) ? null : ChronoUnit.DAYS.between(received, done);
    }

    private static Double share(int count, int of) {
        return of == 0 ? null : (double) count / of;
    }

    private static Map<String, Summary> by(List<Sample> samples, Vocabulary vocabulary, Function<ComplaintSample, String> code) {
        Map<String, List<Sample>> groups = new LinkedHashMap<>();
        vocabulary.codes().forEach(c -> groups.put(c, new ArrayList<>()));
        for (Sample s : samples) {
            groups.computeIfAbsent(code.apply(s.sample()), k -> new ArrayList<>()).add(s);
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        groups.forEach((c, list) -> {
            if (!list.isEmpty()) {
                summaries.put(c, summarise(list));
            }
        });
        return summaries;
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
        f.put("handler_named", s -> s.handledBy() != null && !s.handledBy().isBlank());
        f.put("escalation", ComplaintSystem::escalation);
        f.put("analysed_fed_back", ComplaintSystem::analysedFedBack);
        return Collections.unmodifiableMap(f);
    }
}
