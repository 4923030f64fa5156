package ma.essp.diag.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSample;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Report;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Sample;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Status;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Summary;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked complaint figures, deadlines 15 days (acknowledgement) and 60 days (answer), as of 30 April 2024
 * (2024 is a leap year: February has 29 days).
 * <pre>
 * A reception    register reclamation  received 31 Jan, ack 15 Feb (15 d: in time, the deadline day),
 *                                      closed 31 Mar (29 + 31 = 60 d: in time, the deadline day)
 * B reception    box      reclamation  received 29 Feb, ack 16 Mar (16 d: late), closed 30 Apr (31 + 30 = 61 d: late)
 * C waiting_time register observation  received 29 Feb, never acknowledged (due 15 Mar: passed, not in time),
 *                                      open; answer due 29 Apr, passed on 30 Apr: LATE
 * D waiting_time phone    suggestion   received 1 Mar, not acknowledged (due 16 Mar: not in time), open; answer
 *                                      due 30 Apr = the as-of date: PENDING
 * E care         register reclamation  received 20 Apr, nothing yet: acknowledgement due 5 May (not due), PENDING
 * F care         register reclamation  received 10 Apr, ack 2 May (after the as-of date: not done; due 25 Apr: not
 *                                      in time), PENDING
 * G              received 1 May: after the as-of date, not counted
 * total: n 6; acknowledgement due 5 (A B C D F), in time 1 (A): 1/5; answer due 3 (A B C), in time 1 (A): 1/3;
 *        median days to acknowledge (15, 16) = 15.5, to close (60, 61) = 60.5; pending 3 (D E F), late 1 (C): 1/6
 * reception    n 2: ack 1/2, answer 1/2, medians 15.5 and 60.5, late 0
 * waiting_time n 2: ack 0/2, answer 0/1, no median, late 1: 1/2
 * care         n 2: ack 0/1, answer: none due (no share, not 0), late 0
 * </pre>
 */
class ComplaintIndicatorsTest {

    private static final ComplaintDeadlines DEFAULT = ComplaintDeadlines.DEFAULT;
    private static final LocalDate AS_OF = LocalDate.of(2024, 4, 30);

    private static ComplaintSample sample(String category, String channel, String kind, String received, String ack,
                                          String closed) {
        return new ComplaintSample(1, LocalDate.parse(received), channel, kind, category,
                ack == null ? null : LocalDate.parse(ack), closed == null ? null : LocalDate.parse(closed),
                closed == null ? "pending" : "resolved", null);
    }

    private static final ComplaintSample A = sample("reception", "register", "reclamation", "2024-01-31", "2024-02-15", "2024-03-31");
    private static final ComplaintSample B = sample("reception", "box", "reclamation", "2024-02-29", "2024-03-16", "2024-04-30");
    private static final ComplaintSample C = sample("waiting_time", "register", "observation", "2024-02-29", null, null);
    private static final ComplaintSample D = sample("waiting_time", "phone", "suggestion", "2024-03-01", null, null);
    private static final ComplaintSample E = sample("care", "register", "reclamation", "2024-04-20", null, null);
    private static final ComplaintSample F = sample("care", "register", "reclamation", "2024-04-10", "2024-05-02", null);
    private static final ComplaintSample G = sample("care", "register", "reclamation", "2024-05-01", null, null);
    private static final List<ComplaintSample> ALL = List.of(A, B, C, D, E, F, G);

    @Test
    void eachComplaintIsMeasuredAsOfTheDateOnMonthEndsAndThe29thOfFebruary() {
        assertThat(ComplaintIndicators.measure(A, DEFAULT, AS_OF)).isEqualTo(new Sample(A, 15L, 60L, true, true, Status.ANSWERED_IN_TIME));
        assertThat(ComplaintIndicators.measure(B, DEFAULT, AS_OF)).isEqualTo(new Sample(B, 16L, 61L, false, false, Status.ANSWERED_LATE));
        assertThat(ComplaintIndicators.measure(C, DEFAULT, AS_OF)).isEqualTo(new Sample(C, null, null, false, false, Status.LATE));
        assertThat(ComplaintIndicators.measure(D, DEFAULT, AS_OF)).isEqualTo(new Sample(D, null, null, false, null, Status.PENDING));
        assertThat(ComplaintIndicators.measure(E, DEFAULT, AS_OF)).isEqualTo(new Sample(E, null, null, null, null, Status.PENDING));
        assertThat(ComplaintIndicators.measure(F, DEFAULT, AS_OF)).isEqualTo(new Sample(F, null, null, false, null, Status.PENDING));
        assertThatThrownBy(() -> ComplaintIndicators.measure(G, DEFAULT, AS_OF)).isInstanceOf(IllegalArgumentException.class);
        // D one day later: its answer deadline (30 April) has passed, it is late
        assertThat(ComplaintIndicators.measure(D, DEFAULT, AS_OF.plusDays(1)).status()).isEqualTo(Status.LATE);
    }

    @Test
    void theSummaryCountsEachShareOverTheComplaintsWhoseStepIsDue() {
        Report r = ComplaintIndicators.compute(List.of(), ALL, DEFAULT, AS_OF);
        assertThat(r.samples()).extracting(s -> s.sample()).containsExactly(A, B, C, D, E, F);
        Summary t = r.total();
        assertThat(t).isEqualTo(new Summary(6, 5, 1, 3, 1, 2, 15.5, 2, 60.5, 3, 1));
        assertThat(t.shareAcknowledgedInTime()).isEqualTo(1 / 5.0);
        assertThat(t.shareAnsweredInTime()).isEqualTo(1 / 3.0);
        assertThat(t.shareLate()).isEqualTo(1 / 6.0);

        assertThat(r.byCategory()).containsExactly(
                entry("reception", new Summary(2, 2, 1, 2, 1, 2, 15.5, 2, 60.5, 0, 0)),
                entry("care", new Summary(2, 1, 0, 0, 0, 0, null, 0, null, 2, 0)),
                entry("waiting_time", new Summary(2, 2, 0, 1, 0, 0, null, 0, null, 1, 1)));
        Summary care = r.byCategory().get("care");
        assertThat(care.shareAcknowledgedInTime()).isEqualTo(0.0);
        assertThat(care.shareAnsweredInTime()).isNull(); // nothing due yet: no figure, never 0
        assertThat(r.byCategory().get("waiting_time").shareLate()).isEqualTo(0.5);

        assertThat(r.byKind().keySet()).containsExactly("reclamation", "observation", "suggestion");
        assertThat(r.byKind().get("reclamation").samples()).isEqualTo(4);
        assertThat(r.byChannel().keySet()).containsExactly("register", "box", "phone"); // the vocabulary's order
        assertThat(r.byChannel().get("register")).isEqualTo(new Summary(4, 3, 1, 2, 1, 1, 15.0, 1, 60.0, 2, 1));
    }

    @Test
    void anEarlierReportDateCountsLaterStepsAsNotDoneYet() {
        // as of 31 March: E, F, G not received; B's closing (30 April) not done, its answer not due until 29 April
        Report r = ComplaintIndicators.compute(List.of(), ALL, DEFAULT, LocalDate.of(2024, 3, 31));
        assertThat(r.total()).isEqualTo(new Summary(4, 4, 1, 1, 1, 2, 15.5, 1, 60.0, 3, 0));
        assertThat(r.samples().get(1).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void deadlinesAreMissionSettings() {
        // a 20-day acknowledgement and 61-day answer: B becomes in time on both
        ComplaintDeadlines loose = ComplaintDeadlines.of(Map.of(ComplaintDeadlines.ACKNOWLEDGE_KEY, "20",
                ComplaintDeadlines.RESPONSE_KEY, " 61 "));
        assertThat(loose).isEqualTo(new ComplaintDeadlines(20, 61));
        assertThat(ComplaintIndicators.measure(B, loose, AS_OF).status()).isEqualTo(Status.ANSWERED_IN_TIME);
        assertThat(ComplaintIndicators.measure(B, loose, AS_OF).acknowledgedInTime()).isTrue();
        assertThat(ComplaintDeadlines.of(Map.of())).isEqualTo(new ComplaintDeadlines(15, 60));
        assertThatThrownBy(() -> ComplaintDeadlines.of(Map.of(ComplaintDeadlines.RESPONSE_KEY, "deux mois")))
                .hasMessageContaining("complaints.response_days");
        assertThatThrownBy(() -> ComplaintDeadlines.parseDays(ComplaintDeadlines.ACKNOWLEDGE_KEY, "-1"))
                .hasMessageContaining("1 to 3650");
        // a 0-day deadline is refused when set (nothing could ever be in time)
        assertThatThrownBy(() -> ComplaintDeadlines.parseDays(ComplaintDeadlines.RESPONSE_KEY, "0"))
                .hasMessageContaining("1 to 3650");
    }

    @Test
    void anEmptySetHasNoFigures() {
        Summary none = ComplaintIndicators.summarise(List.of());
        assertThat(none).isEqualTo(new Summary(0, 0, 0, 0, 0, 0, null, 0, null, 0, 0));
        assertThat(none.shareAcknowledgedInTime()).isNull();
        assertThat(none.shareAnsweredInTime()).isNull();
        assertThat(none.shareLate()).isNull();
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(ComplaintIndicators.median(List.of(9L, 1L, 4L))).isEqualTo(4.0);
        assertThat(ComplaintIndicators.median(List.of(9L, 1L, 4L, 2L))).isEqualTo(3.0);
        assertThat(ComplaintIndicators.median(List.of())).isNull();
    }

    @Test
    void systemSharesAreOverTheRecordedSystems() {
        List<ComplaintSystem> systems = List.of(
                new ComplaintSystem(1, true, true, false, false, false, false, true, false, false, "Infirmier chef", true, false),
                new ComplaintSystem(2, true, false, false, false, false, false, true, false, false, " ", false, false),
                new ComplaintSystem(3, true, false, false, false, false, false, false, false, false, null, false, true),
                new ComplaintSystem(4, false, false, false, false, false, false, false, false, false, null, false, false));
        Map<String, Double> shares = ComplaintIndicators.systemShares(systems);
        assertThat(shares).containsEntry("register", 0.75).containsEntry("box", 0.25).containsEntry("focal_person", 0.5)
                .containsEntry("handler_named", 0.25).containsEntry("escalation", 0.25)
                .containsEntry("analysed_fed_back", 0.25).containsEntry("phone", 0.0);
        assertThat(shares.keySet()).containsExactlyElementsOf(ComplaintIndicators.featureCodes());
        assertThat(ComplaintIndicators.systemShares(List.of())).isEmpty();
    }
}
