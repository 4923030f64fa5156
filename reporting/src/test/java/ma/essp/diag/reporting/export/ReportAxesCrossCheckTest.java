package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The complaint, data-flow, perpetrator-care and training figures that the report carries (nationally and for the
 * first region of the fixture mission) are those of an independent count in SQL over the same tables — the
 * definitions of the axis packages restated as queries. The fixture's complaints are received between 5 January and
 * early May; deadlines are the defaults (15 and 60 days), counted as of the report date.
 */
class ReportAxesCrossCheckTest {

    private static final double EPS = 1e-12;
    /** Joins a row's ESSP to its region, restricted to the region code bound (or '%' for the nation). */
    private static final String ESSP_IN_SCOPE = """
            JOIN essp e ON e.id = x.essp_id AND e.deleted = 0
            JOIN circonscription c ON c.id = e.circonscription_id JOIN province p ON p.id = c.province_id
            JOIN region r ON r.id = p.region_id
            WHERE x.deleted = 0 AND r.code LIKE ?""";

    @org.junit.jupiter.api.io.TempDir
    static Path dir;
    static MissionFile mission;
    static ReportDataCollector collector;
    static String firstRegion;

    @BeforeAll
    static void fixture() throws Exception {
        mission = MissionFile.open(ReportFixture.small(dir), dir.resolve("backups"));
        collector = ReportDataCollector.load(mission.dsl());
        firstRegion = (String) mission.dsl().fetchValue("""
                SELECT r.code FROM essp e JOIN circonscription c ON c.id = e.circonscription_id
                JOIN province p ON p.id = c.province_id JOIN region r ON r.id = p.region_id WHERE e.code = ?""",
                ReportFixture.FIRST_ESSP);
    }

    @AfterAll
    static void close() {
        mission.close();
    }

    /** A one-value query; read as text (SQLite prints 15 significant digits) since jOOQ reads an untyped REAL as a float. */
    private static double q(String sql, Object... binds) {
        Object v = mission.dsl().fetchValue("SELECT CAST((" + sql + ") AS TEXT)", binds);
        return v == null ? Double.NaN : Double.parseDouble(v.toString());
    }

    /** "national" or the first region: the report's data and the LIKE pattern of the region code. */
    private static ReportData collect(String scope) {
        return collector.collect(ReportRequest.of(scope.equals("national") ? ReportScope.NATIONAL : ReportScope.region(firstRegion),
                ReportLanguage.FR));
    }

    private static String pattern(String scope) {
        return scope.equals("national") ? "%" : firstRegion;
    }

    @ParameterizedTest
    @ValueSource(strings = {"national", "region"})
    void complaintFiguresAreTheCountedOnes(String scope) {
        ReportData data = collect(scope);
        String p = pattern(scope);
        ReportData.CategoryRow total = data.complaints().total();
        String asOf = data.asOf().toString();
        // as of the report date: received by then; a step dated after it is not done yet
        String received = ESSP_IN_SCOPE + " AND x.received_on <= ?";
        String acked = "x.acknowledged_on IS NOT NULL AND x.acknowledged_on <= ?";
        String closed = "x.closed_on IS NOT NULL AND x.closed_on <= ?";
        double n = q("SELECT count(*) FROM complaint_sample x " + received, p, asOf);
        assertThat(n).isPositive();
        assertThat(total.samples()).isEqualTo((int) n);
        double ackDue = q("SELECT count(*) FROM complaint_sample x " + received + " AND ((" + acked
                + ") OR ? > date(x.received_on, '+15 days'))", p, asOf, asOf, asOf);
        assertThat(total.acknowledgeDue()).isEqualTo((int) ackDue);
        assertThat(total.acknowledgedInTime()).isCloseTo(q("SELECT count(*) FROM complaint_sample x " + received + " AND "
                + acked + " AND julianday(x.acknowledged_on) - julianday(x.received_on) <= 15", p, asOf, asOf) / ackDue, within(EPS));
        double answerDue = q("SELECT count(*) FROM complaint_sample x " + received + " AND ((" + closed
                + ") OR ? > date(x.received_on, '+60 days'))", p, asOf, asOf, asOf);
        assertThat(total.answerDue()).isEqualTo((int) answerDue);
        assertThat(total.answeredInTime()).isCloseTo(q("SELECT count(*) FROM complaint_sample x " + received + " AND "
                + closed + " AND x.closed_on <= date(x.received_on, '+60 days')", p, asOf, asOf) / answerDue, within(EPS));
        double late = q("SELECT count(*) FROM complaint_sample x " + received + " AND NOT (" + closed
                + ") AND ? > date(x.received_on, '+60 days')", p, asOf, asOf, asOf);
        assertThat(total.late()).isEqualTo((int) late);
        assertThat(total.shareLate()).isCloseTo(late / n, within(EPS));
        assertThat(data.complaints().byCategory().stream().mapToInt(ReportData.CategoryRow::samples).sum()).isEqualTo((int) n);
        assertThat(data.units().stream().mapToInt(ReportData.UnitRow::complaintsSampled).sum()).isEqualTo((int) n);

        double systems = q("SELECT count(*) FROM complaint_system x " + ESSP_IN_SCOPE, p);
        assertThat(data.complaints().systems()).isEqualTo((int) systems);
        assertThat(data.complaints().systemShares().get("box"))
                .isCloseTo(q("SELECT sum(x.channel_box) FROM complaint_system x " + ESSP_IN_SCOPE, p) / systems, within(EPS));
        assertThat(data.complaints().systemShares().get("focal_person"))
                .isCloseTo(q("SELECT sum(x.focal_person) FROM complaint_system x " + ESSP_IN_SCOPE, p) / systems, within(EPS));
        assertThat(data.complaints().systemShares().get("escalation"))
                .isCloseTo(q("SELECT sum(x.escalation) FROM complaint_system x " + ESSP_IN_SCOPE, p) / systems, within(EPS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"national", "region"})
    void dataFlowFiguresAreTheCountedOnes(String scope) {
        // the fixture's one flow is national, observed in every ESSP: a region counts the observations of its ESSPs
        ReportData data = collect(scope);
        String p = pattern(scope);
        assertThat(data.flows()).hasSize(1);
        ReportData.FlowRow f = data.flows().getFirst();
        String from = "FROM data_flow_observation x " + ESSP_IN_SCOPE;
        assertThat(f.observations()).isEqualTo((int) q("SELECT count(*) " + from, p));
        assertThat(f.expected()).isEqualTo((long) q("SELECT sum(x.reports_expected) " + from, p));
        // an observation counts at most its expected reports as received, at most those as on time (never above 100 %)
        assertThat(f.received()).isEqualTo((long) q("SELECT sum(min(x.reports_received, x.reports_expected)) " + from, p));
        assertThat(f.completeness()).isCloseTo(q("SELECT sum(min(x.reports_received, x.reports_expected)) " + from, p)
                / q("SELECT sum(x.reports_expected) " + from, p), within(EPS));
        assertThat(f.timeliness()).isCloseTo(q("SELECT sum(min(x.received_on_time, x.reports_received, x.reports_expected)) " + from
                + " AND x.received_on_time IS NOT NULL", p)
                / q("SELECT sum(x.reports_expected) " + from + " AND x.received_on_time IS NOT NULL", p), within(EPS));
        assertThat(f.meanDelay()).isCloseTo(q("SELECT avg(x.observed_delay_days) " + from, p), within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"national", "region"})
    void systemChecklistFiguresAreTheCountedOnes(String scope) {
        // the fixture: a checklist per circonscription, one per region (SRES), one for the central level (national only)
        ReportData data = collect(scope);
        String p = pattern(scope);
        String where = "FROM system_checklist x LEFT JOIN circonscription c ON c.id = x.circonscription_id"
                + " LEFT JOIN province p ON p.id = c.province_id"
                + " LEFT JOIN region r ON r.id = coalesce(x.region_id, p.region_id)"
                + " WHERE x.deleted = 0 AND (r.code LIKE ? OR (x.chain_level = 'central' AND ? = '%'))";
        String items = "x.guidelines_available, x.tools_in_stock, x.trained_staff, x.feedback_received, x.data_used_in_meetings";
        double present = q("SELECT sum(" + items.replace(", ", " IS 1) + sum(") + " IS 1) " + where, p, p);
        double observed = q("SELECT sum(" + items.replace(", ", " IS NOT NULL) + sum(") + " IS NOT NULL) " + where, p, p);
        ma.essp.diag.reporting.dataflow.SystemChecklist.Figures c = data.flowQuality().checklist();
        assertThat(c.checklists()).isEqualTo((int) q("SELECT count(*) " + where, p, p));
        assertThat(c.present()).isEqualTo((int) present);
        assertThat(c.observed()).isEqualTo((int) observed);
        assertThat(c.score()).isCloseTo(present / observed, within(EPS));
        assertThat(data.flowQuality().checklistByLevel()).extracting(ReportData.LevelChecklist::level)
                .containsExactlyElementsOf(scope.equals("national") ? List.of("Circonscription", "SRES", "Niveau central")
                        : List.of("Circonscription", "SRES"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"national", "region"})
    void perpetratorCareFiguresAreTheCountedOnes(String scope) {
        ReportData data = collect(scope);
        String p = pattern(scope);
        String sites = """
                FROM perpetrator_care_site s JOIN province p ON p.id = s.province_id JOIN region r ON r.id = p.region_id
                WHERE s.deleted = 0 AND r.code LIKE ?""";
        int count = (int) q("SELECT count(*) " + sites, p);
        assertThat(count).isPositive();
        ReportData.PerpetratorCare care = data.perpetratorCare();
        assertThat(care.sites()).hasSize(count);
        // the scope's row (the total when several regions): actual sites per EPIS phase, as counted from the stages
        ReportData.RegionRow total = care.regions().getLast();
        assertThat(total.sites()).isEqualTo(count);
        assertThat(total.funnel().targeted()).isEqualTo(count);
        assertThat(total.actual()).containsExactly((int) q("SELECT count(*) " + sites + " AND s.stage = 'identified'", p),
                (int) q("SELECT count(*) " + sites + " AND s.stage IN ('preparation', 'staff_trained')", p),
                (int) q("SELECT count(*) " + sites + " AND s.stage = 'launched'", p),
                (int) q("SELECT count(*) " + sites + " AND s.stage = 'routine'", p));
        assertThat(total.suspended()).isEqualTo((int) q("SELECT count(*) " + sites + " AND s.stage = 'suspended'", p));
        assertThat(care.sites().stream().mapToLong(ReportData.SiteRow::patientsFollowed).sum()).isEqualTo((long) q("""
                SELECT sum(x.patients_followed) FROM perpetrator_care_period x
                JOIN perpetrator_care_site s ON s.id = x.site_id JOIN province p ON p.id = s.province_id
                JOIN region r ON r.id = p.region_id WHERE x.deleted = 0 AND s.deleted = 0 AND r.code LIKE ?""", p));
        assertThat(care.referrals().stream().mapToLong(ReportData.ReferralRow::referrals).sum()).isEqualTo((long) q("""
                SELECT sum(y.referrals) FROM perpetrator_care_referral y JOIN perpetrator_care_period x ON x.id = y.period_id
                JOIN perpetrator_care_site s ON s.id = x.site_id JOIN province p ON p.id = s.province_id
                JOIN region r ON r.id = p.region_id WHERE y.deleted = 0 AND x.deleted = 0 AND s.deleted = 0 AND r.code LIKE ?""", p));
        assertThat(total.inPost().trained()).isEqualTo((int) q("""
                SELECT count(*) FROM perpetrator_care_staff x JOIN perpetrator_care_site s ON s.id = x.site_id
                JOIN province p ON p.id = s.province_id JOIN region r ON r.id = p.region_id
                WHERE x.deleted = 0 AND s.deleted = 0 AND x.trained_on IS NOT NULL AND r.code LIKE ?""", p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"national", "region"})
    void trainingFiguresAreTheCountedOnes(String scope) {
        // the fixture's cohorts each belong to a region
        ReportData data = collect(scope);
        String p = pattern(scope);
        String cohorts = "FROM training_cohort k JOIN region r ON r.id = k.region_id WHERE k.deleted = 0 AND r.code LIKE ?";
        assertThat(data.cohorts()).hasSize((int) q("SELECT count(*) " + cohorts, p));
        assertThat(data.cohorts().stream().mapToInt(ReportData.CohortRow::participants).sum()).isEqualTo((int) q(
                "SELECT count(*) FROM training_participant x WHERE x.deleted = 0 AND x.cohort_id IN (SELECT k.id " + cohorts + ")", p));
        assertThat(data.cohorts().stream().mapToInt(ReportData.CohortRow::droppedOut).sum()).isEqualTo((int) q(
                "SELECT count(*) FROM training_participant x WHERE x.deleted = 0 AND x.status = 'dropped_out'"
                        + " AND x.cohort_id IN (SELECT k.id " + cohorts + ")", p));
        assertThat(data.cohorts().stream().mapToDouble(ReportData.CohortRow::plannedBudget).sum()).isCloseTo(q(
                // TrainingFigures.amount: unit cost × units when both are given, else the stored amount
                "SELECT sum(CASE WHEN x.unit_cost_mad IS NOT NULL AND x.units IS NOT NULL THEN x.unit_cost_mad * x.units"
                        + " ELSE x.amount_mad END) FROM training_cost x WHERE x.deleted = 0 AND x.kind = 'planned'"
                        + " AND x.cohort_id IN (SELECT k.id " + cohorts + ")", p), within(1e-6));
        assertThat(data.sessions()).hasSize((int) q(
                "SELECT count(*) FROM training_session x WHERE x.deleted = 0 AND x.cohort_id IN (SELECT k.id " + cohorts + ")", p));
    }
}
