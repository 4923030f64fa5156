package ma.essp.diag.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSample;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Report;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Sample;
import ma.essp.diag.reporting.complaints.ComplaintIndicators.Summary;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked complaint figures.
 * <pre>
 * s1 reception     received 1 Jan, acknowledged 5 Jan (4 days: in time), closed 21 Jan (20 days: in time)
 * s2 reception     received 1 Jan, acknowledged 20 Jan (19 days: late), closed 2 Mar (60 days; due by 1 Mar: late)
 * s3 waiting_time  received 1 Feb, never acknowledged, open
 * total: 3 samples, acknowledged in time 1/3, processed in time 1/3, mean days to close (20 + 60) / 2 = 40
 * reception: 2 samples, 1/2, 1/2, 40; waiting_time: 1 sample, 0, 0, no mean (none closed)
 * </pre>
 */
class ComplaintIndicatorsTest {

    private static ComplaintSample sample(String category, String received, String ack, String closed) {
        return new ComplaintSample(1, LocalDate.parse(received), "register", "reclamation", category,
                ack == null ? null : LocalDate.parse(ack), closed == null ? null : LocalDate.parse(closed),
                closed == null ? "pending" : "resolved");
    }

    private static final ComplaintSample S1 = sample("reception", "2026-01-01", "2026-01-05", "2026-01-21");
    private static final ComplaintSample S2 = sample("reception", "2026-01-01", "2026-01-20", "2026-03-02");
    private static final ComplaintSample S3 = sample("waiting_time", "2026-02-01", null, null);

    @Test
    void samplesAreMeasuredAndSummedOverAllSamplesAndByCategory() {
        Report r = ComplaintIndicators.compute(List.of(), List.of(S1, S2, S3));
        assertThat(r.samples()).containsExactly(new Sample(S1, 4L, 20L, true, true), new Sample(S2, 19L, 60L, false, false),
                new Sample(S3, null, null, false, false));
        assertThat(r.total()).isEqualTo(new Summary(3, 1.0 / 3, 1.0 / 3, 40.0));
        assertThat(r.byCategory()).containsExactly(entry("reception", new Summary(2, 0.5, 0.5, 40.0)),
                entry("waiting_time", new Summary(1, 0.0, 0.0, null)));
    }

    @Test
    void acknowledgementIsInTimeUpToFifteenDaysIncluded() {
        assertThat(ComplaintIndicators.measure(sample("care", "2026-01-01", "2026-01-16", null)).acknowledgedInTime()).isTrue();
        Sample late = ComplaintIndicators.measure(sample("care", "2026-01-01", "2026-01-17", null));
        assertThat(late.daysToAcknowledge()).isEqualTo(16L);
        assertThat(late.acknowledgedInTime()).isFalse();
        // the same day: 0 days
        assertThat(ComplaintIndicators.measure(sample("care", "2026-01-01", "2026-01-01", null)).daysToAcknowledge()).isZero();
    }

    @Test
    void processingIsDueTheSameDayTwoCalendarMonthsLater() {
        LocalDate jan31 = LocalDate.parse("2026-01-31");
        assertThat(ComplaintIndicators.processedInTime(jan31, LocalDate.parse("2026-03-31"))).isTrue();
        assertThat(ComplaintIndicators.processedInTime(jan31, LocalDate.parse("2026-04-01"))).isFalse();
        // two months after 31 December end on the last day of February
        LocalDate dec31 = LocalDate.parse("2025-12-31");
        assertThat(ComplaintIndicators.processedInTime(dec31, LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(ComplaintIndicators.processedInTime(dec31, LocalDate.parse("2026-03-01"))).isFalse();
        assertThat(ComplaintIndicators.processedInTime(dec31, null)).isFalse();
    }

    @Test
    void systemSharesAreOverTheEsspsWithASystem() {
        // three ESSPs, all with a register, one with a box, two with a focal person, none with anything else
        List<ComplaintSystem> systems = List.of(
                new ComplaintSystem(1, true, true, false, false, false, false, true, false, false, null),
                new ComplaintSystem(2, true, false, false, false, false, false, true, false, false, null),
                new ComplaintSystem(3, true, false, false, false, false, false, false, false, false, null));
        Report r = ComplaintIndicators.compute(systems, List.of());
        assertThat(r.systems()).isEqualTo(3);
        assertThat(r.systemShares()).containsExactly(entry("register", 1.0), entry("register_kept", 0.0),
                entry("box", 1.0 / 3), entry("in_person", 0.0), entry("phone", 0.0), entry("chikaya_portal", 0.0),
                entry("focal_person", 2.0 / 3), entry("procedure_displayed", 0.0), entry("chikaya_link_displayed", 0.0));
    }

    @Test
    void nothingRecordedGivesNoShares() {
        Report r = ComplaintIndicators.compute(List.of(), List.of());
        assertThat(r.systems()).isZero();
        assertThat(r.systemShares()).isEmpty();
        assertThat(r.samples()).isEmpty();
        assertThat(r.total()).isEqualTo(new Summary(0, null, null, null));
        assertThat(r.byCategory()).isEmpty();
    }
}
