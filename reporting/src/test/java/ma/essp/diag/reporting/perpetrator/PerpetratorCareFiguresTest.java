package ma.essp.diag.reporting.perpetrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.database.repository.PerpetratorCareData.Period;
import ma.essp.diag.database.repository.PerpetratorCareData.Referral;
import ma.essp.diag.database.repository.PerpetratorCareData.Site;
import ma.essp.diag.database.repository.PerpetratorCareData.Staff;
import ma.essp.diag.database.repository.PerpetratorCareData.StageStep;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.Level;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.RegionStages;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.Segment;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.StillInPost;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked roll-out: five sites in two regions (region 1: provinces 10 and 11; region 2: province 20), asked on
 * 30 June 2026.
 * <pre>
 * S1 r1/p10 routine        stages reached 10/01/25 identified, 01/03/25 staff_trained, 01/04/25 launched, 01/10/25 routine;
 *                          planned: identified 01/01/25, launched 01/03/25, routine 31/12/25
 *                          staff: a in post, b transferred (post held by another), c not linked
 *                          periods Q2 2025 10 followed (1 drop-out), Q3 12 (2), Q4 15 (not recorded)
 * S2 r1/p11 launched since 05/01/26, no stage reached recorded; planned launched 01/01/26, routine 01/07/26 (after the day)
 *                          staff: d post deleted, e no name, post on leave (in post); periods Q1 2026 6 (0), Q2 2026 0 (0)
 * S3 r2/p20 staff_trained  planned staff_trained 01/06/25, routine 01/01/27; staff: f seconded, g not trained
 * S4 r2/p20 suspended since 15/01/26; staff: h in post; period 2025 8 followed (3)
 * S5 r1/p10 identified, no date, nothing else
 * </pre>
 */
class PerpetratorCareFiguresTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    private static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Site site(int id, int province, int region, String stage, String since) {
        return new Site(id, 1, "S" + id, province, "P" + province, "ب" + province, region, "R" + region, "ج" + region,
                "hospital", null, stage, d(since), null);
    }

    private static StageStep step(int site, String stage, String planned, String reached) {
        return new StageStep(0, 1, site, stage, d(planned), d(reached));
    }

    private static Staff staff(int site, Integer position, String name, boolean trained, boolean deleted, String status,
                               String holder) {
        return new Staff(0, 1, site, position, name, "doctor_gp", null, trained ? d("2025-02-01") : null, 30.0, deleted,
                status, holder);
    }

    private static Period period(int id, int site, String start, String end, int followed, Integer dropouts) {
        return new Period(id, 1, site, d(start), d(end), followed, followed, null, dropouts);
    }

    static PerpetratorCareData fixture() {
        List<Site> sites = List.of(site(1, 10, 1, "routine", "2025-10-01"), site(2, 11, 1, "launched", "2026-01-05"),
                site(3, 20, 2, "staff_trained", "2025-06-10"), site(4, 20, 2, "suspended", "2026-01-15"),
                site(5, 10, 1, "identified", null));
        List<StageStep> stages = List.of(step(1, "identified", "2025-01-01", "2025-01-10"),
                step(1, "staff_trained", null, "2025-03-01"), step(1, "launched", "2025-03-01", "2025-04-01"),
                step(1, "routine", "2025-12-31", "2025-10-01"),
                step(2, "launched", "2026-01-01", null), step(2, "routine", "2026-07-01", null),
                step(3, "staff_trained", "2025-06-01", null), step(3, "routine", "2027-01-01", null));
        List<Staff> staff = List.of(
                staff(1, 100, "Amina Alaoui", true, false, "filled", "amina  alaoui"),
                staff(1, 101, "Karim B", true, false, "filled", "Youssef C"),
                staff(1, null, "Rachid Z", true, false, null, null),
                staff(2, 102, "Salma D", true, true, "filled", "Salma D"),
                staff(2, 103, null, true, false, "on_leave", "Someone"),
                staff(3, 104, "Omar E", true, false, "seconded", "Omar E"),
                staff(3, 105, "Nadia F", false, false, "filled", "Nadia F"),
                staff(4, 106, "Hind G", true, false, "filled", "Hind G"));
        List<Period> periods = List.of(period(1, 1, "2025-04-01", "2025-06-30", 10, 1),
                period(2, 1, "2025-07-01", "2025-09-30", 12, 2), period(3, 1, "2025-10-01", "2025-12-31", 15, null),
                period(4, 2, "2026-01-01", "2026-03-31", 6, 0), period(5, 2, "2026-04-01", "2026-06-30", 0, 0),
                period(6, 4, "2025-01-01", "2025-12-31", 8, 3));
        List<Referral> referrals = List.of(new Referral(1, 1, 1, "justice", 5), new Referral(2, 1, 1, "care_unit", 3),
                new Referral(3, 1, 1, "self", 2), new Referral(4, 1, 2, "justice", 4), new Referral(5, 1, 4, "police", 6),
                new Referral(6, 1, 6, "other", 1), new Referral(7, 1, 6, "justice", 2));
        return new PerpetratorCareData(sites, stages, staff, periods, referrals);
    }

    @Test
    void stagesPerRegionPlannedAndActual() {
        List<RegionStages> rows = PerpetratorCareFigures.stagesByRegion(fixture(), AS_OF);
        assertThat(rows).extracting(RegionStages::regionId).containsExactly(1, 2, null);
        RegionStages r1 = rows.get(0);
        // S1 planned routine (31/12/25), S2 planned launched (routine 01/07/26 is after the day), S5 none
        assertThat(r1.planned()).containsExactly(entry("exploration", 0), entry("preparation", 0),
                entry("implementation", 1), entry("sustainment", 1));
        assertThat(r1.actual()).containsExactly(entry("exploration", 1), entry("preparation", 0),
                entry("implementation", 1), entry("sustainment", 1));
        assertThat(r1.notPlanned()).isEqualTo(1);
        assertThat(r1.suspended()).isZero();
        RegionStages r2 = rows.get(1);
        assertThat(r2.planned()).containsEntry("preparation", 1).containsEntry("sustainment", 0);
        assertThat(r2.actual()).containsExactly(entry("exploration", 0), entry("preparation", 1),
                entry("implementation", 0), entry("sustainment", 0));
        assertThat(r2.notPlanned()).isEqualTo(1);
        assertThat(r2.suspended()).isEqualTo(1);
        RegionStages all = rows.get(2);
        assertThat(all.sites()).isEqualTo(5);
        assertThat(all.planned().values()).containsExactly(0, 1, 1, 1);
        assertThat(all.actual().values()).containsExactly(1, 1, 1, 1);
        assertThat(all.notPlanned()).isEqualTo(2);
    }

    @Test
    void funnelTargetedTrainedDeliveringSustained() {
        // trained: S1..S4 (S3 has one trained, S4 one); delivering: S1, S2 (S4 suspended, S3 no patients);
        // sustained: S1 (01/04/25 + 6 months = 01/10/25 <= 31/12/25 + 1 day); S2 only 01/01/26..31/03/26 with patients
        assertThat(PerpetratorCareFigures.funnel(fixture())).isEqualTo(new PerpetratorCareFigures.Funnel(5, 4, 2, 1));
    }

    @Test
    void retentionOverPeriodsWithDropoutsRecorded() {
        // 10 + 12 + 6 + 0 + 8 = 36 followed, 1 + 2 + 0 + 0 + 3 = 6 drop-outs (Q4 2025 of S1 not recorded)
        var retention = PerpetratorCareFigures.retention(fixture());
        assertThat(retention.patientsFollowed()).isEqualTo(36);
        assertThat(retention.dropouts()).isEqualTo(6);
        assertThat(retention.rate()).isCloseTo(1 - 6.0 / 36, within(1e-12));
        assertThat(PerpetratorCareFigures.retention(PerpetratorCareFigures.forSites(fixture(), s -> s.id() == 3)).rate())
                .isNull();
    }

    @Test
    void referralMixEverySourceInOrder() {
        assertThat(PerpetratorCareFigures.referralMix(fixture())).containsExactly(entry("justice", 11L),
                entry("care_unit", 3L), entry("police", 6L), entry("health_service", 0L), entry("self", 2L),
                entry("other", 1L));
    }

    @Test
    void trainedStaffStillInPostPerUnit() {
        List<StillInPost> rows = PerpetratorCareFigures.stillInPost(fixture());
        assertThat(rows).extracting(StillInPost::level, StillInPost::unitId, StillInPost::trained, StillInPost::linked,
                StillInPost::inPost).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Level.REGION, 1, 5, 4, 2),
                org.assertj.core.groups.Tuple.tuple(Level.REGION, 2, 2, 2, 1),
                org.assertj.core.groups.Tuple.tuple(Level.PROVINCE, 10, 3, 2, 1),
                org.assertj.core.groups.Tuple.tuple(Level.PROVINCE, 11, 2, 2, 1),
                org.assertj.core.groups.Tuple.tuple(Level.PROVINCE, 20, 2, 2, 1),
                org.assertj.core.groups.Tuple.tuple(Level.NATIONAL, null, 7, 6, 3));
        assertThat(rows.getLast().share()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(PerpetratorCareFigures.stillInPost(fixture(), 1).inPost()).isEqualTo(1);
    }

    @Test
    void timelineOneBarPerSite() {
        var bars = PerpetratorCareFigures.timeline(fixture(), AS_OF);
        assertThat(bars).hasSize(5);
        assertThat(bars.get(0).segments()).containsExactly(
                new Segment("identified", d("2025-01-10"), d("2025-03-01")),
                new Segment("staff_trained", d("2025-03-01"), d("2025-04-01")),
                new Segment("launched", d("2025-04-01"), d("2025-10-01")),
                new Segment("routine", d("2025-10-01"), AS_OF));
        // no stage reached recorded: the current stage from its date
        assertThat(bars.get(1).segments()).containsExactly(new Segment("launched", d("2026-01-05"), AS_OF));
        assertThat(bars.get(3).segments()).containsExactly(new Segment("suspended", d("2026-01-15"), AS_OF));
        assertThat(bars.get(4).segments()).isEmpty();
    }

    @Test
    void aScopeKeepsItsSitesRows() {
        var region2 = PerpetratorCareFigures.forSites(fixture(), s -> s.regionId() == 2);
        assertThat(PerpetratorCareFigures.funnel(region2)).isEqualTo(new PerpetratorCareFigures.Funnel(2, 2, 0, 0));
        assertThat(PerpetratorCareFigures.referralMix(region2)).containsEntry("justice", 2L).containsEntry("other", 1L)
                .containsEntry("police", 0L);
    }
}
