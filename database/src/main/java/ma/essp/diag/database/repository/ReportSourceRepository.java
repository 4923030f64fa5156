package ma.essp.diag.database.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReportSourceData.Label;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Loads {@link ReportSourceData} in one query per table (aggregated in SQL where the raw rows are many). Plain SQL
 * rather than the generated DSL because most queries are aggregations with joins that read more clearly as SQL; the
 * column names are checked by the report tests on a migrated mission.
 */
public final class ReportSourceRepository {

    private final DSLContext dsl;

    public ReportSourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ReportSourceData load() {
        return new ReportSourceData(mission(), regions(), provinces(), circonscriptions(), categories(), essps(),
                cadres(), staff(), hrFunctions(), hrRelations(), circonscriptionFunctions(), dataFlows(),
                flowObservations(), complaintSystems(), complaintSamples(), perpetratorSites(), cohorts(), sessions(),
                findings(), recommendations(), supervisionVisits());
    }

    private List<Record> rows(String sql) {
        return dsl.fetch(sql);
    }

    private static String s(Record r, int i) {
        Object v = r.get(i);
        return v == null ? null : v.toString();
    }

    private static Integer i(Record r, int i) {
        Object v = r.get(i);
        return v == null ? null : ((Number) v).intValue();
    }

    private static int i0(Record r, int i) {
        Integer v = i(r, i);
        return v == null ? 0 : v;
    }

    private static Long l(Record r, int i) {
        Object v = r.get(i);
        return v == null ? null : ((Number) v).longValue();
    }

    private static long l0(Record r, int i) {
        Long v = l(r, i);
        return v == null ? 0 : v;
    }

    private static Double d(Record r, int i) {
        Object v = r.get(i);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static double d0(Record r, int i) {
        Double v = d(r, i);
        return v == null ? 0 : v;
    }

    private static boolean b(Record r, int i) {
        Object v = r.get(i);
        if (v instanceof Boolean bool) {
            return bool;
        }
        return v != null && ((Number) v).intValue() != 0;
    }

    private static LocalDate date(Record r, int i) {
        String v = s(r, i);
        return v == null || v.isBlank() ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    }

    private static Label label(Record r, int code) {
        return new Label(s(r, code), s(r, code + 1), s(r, code + 2), s(r, code + 3));
    }

    private ReportSourceData.Mission mission() {
        return rows("""
                SELECT name, description, beneficiary, funder, started_on, ended_on, as_of_date, synthetic, demo_scale, demo_seed
                FROM mission WHERE deleted = 0 ORDER BY id LIMIT 1""").stream()
                .map(r -> new ReportSourceData.Mission(s(r, 0), s(r, 1), s(r, 2), s(r, 3), date(r, 4), date(r, 5),
                        date(r, 6), b(r, 7), s(r, 8), l(r, 9)))
                .findFirst()
                .orElse(new ReportSourceData.Mission("", null, null, null, null, null, null, false, null, null));
    }

    private List<ReportSourceData.Region> regions() {
        return rows("""
                SELECT r.id, r.code, r.iso_code, r.name_fr, r.name_ar, r.population_2024,
                       (SELECT g.takeover_on FROM structure g WHERE g.kind = 'gst' AND g.region_id = r.id AND g.deleted = 0)
                FROM region r WHERE r.deleted = 0 ORDER BY r.code""")
                .stream().map(r -> new ReportSourceData.Region(i0(r, 0), s(r, 1), s(r, 2), s(r, 3), s(r, 4), l0(r, 5),
                        date(r, 6))).toList();
    }

    private List<ReportSourceData.Province> provinces() {
        return rows("""
                SELECT id, region_id, code, type, iso_code, name_fr, name_ar, population_2024
                FROM province WHERE deleted = 0 ORDER BY code""").stream()
                .map(r -> new ReportSourceData.Province(i0(r, 0), i0(r, 1), s(r, 2), s(r, 3), s(r, 4), s(r, 5), s(r, 6), l0(r, 7)))
                .toList();
    }

    private List<ReportSourceData.Circonscription> circonscriptions() {
        return rows("""
                SELECT id, province_id, code, name_fr, name_ar, milieu, coverage, seat, population, head_name
                FROM circonscription WHERE deleted = 0 ORDER BY code""").stream()
                .map(r -> new ReportSourceData.Circonscription(i0(r, 0), i0(r, 1), s(r, 2), s(r, 3), s(r, 4), s(r, 5),
                        s(r, 6), s(r, 7), l(r, 8), s(r, 9)))
                .toList();
    }

    private List<ReportSourceData.Category> categories() {
        return rows("SELECT code, label_fr, label_en, label_ar, legacy, related_structure, sort_order FROM essp_category ORDER BY sort_order")
                .stream().map(r -> new ReportSourceData.Category(label(r, 0), b(r, 4), b(r, 5), i0(r, 6))).toList();
    }

    private List<ReportSourceData.Essp> essps() {
        return rows("""
                SELECT id, code, name_fr, name_ar, category_code, circonscription_id, milieu, delivery_unit, latitude,
                       longitude, population_served, functionality
                FROM essp WHERE deleted = 0 ORDER BY code""").stream()
                .map(r -> new ReportSourceData.Essp(i0(r, 0), s(r, 1), s(r, 2), s(r, 3), s(r, 4), i0(r, 5), s(r, 6),
                        b(r, 7), d(r, 8), d(r, 9), i(r, 10), s(r, 11)))
                .toList();
    }

    private List<ReportSourceData.Cadre> cadres() {
        return rows("SELECT code, label_fr, label_en, label_ar, core_health_worker, sort_order FROM cadre ORDER BY sort_order")
                .stream().map(r -> new ReportSourceData.Cadre(label(r, 0), b(r, 4), i0(r, 5))).toList();
    }

    private List<ReportSourceData.StaffCount> staff() {
        return rows("""
                SELECT essp_id, cadre_code,
                       sum(CASE WHEN status <> 'vacant' THEN 1 ELSE 0 END),
                       sum(CASE WHEN status <> 'vacant' THEN fte ELSE 0 END),
                       sum(CASE WHEN status = 'vacant' THEN 1 ELSE 0 END)
                FROM staff_position WHERE deleted = 0 AND essp_id IS NOT NULL
                GROUP BY essp_id, cadre_code""").stream()
                .map(r -> new ReportSourceData.StaffCount(i0(r, 0), s(r, 1), i0(r, 2), d0(r, 3), i0(r, 4))).toList();
    }

    private List<Label> hrFunctions() {
        return rows("SELECT code, label_fr, label_en, label_ar FROM hr_function ORDER BY sort_order")
                .stream().map(r -> label(r, 0)).toList();
    }

    private List<ReportSourceData.HrRelation> hrRelations() {
        return rows("SELECT region_id, function_code, holder_today, holder_under_gst, notes FROM hr_relation WHERE deleted = 0")
                .stream().map(r -> new ReportSourceData.HrRelation(i0(r, 0), s(r, 1), s(r, 2), s(r, 3), s(r, 4))).toList();
    }

    private List<ReportSourceData.CirconscriptionFunction> circonscriptionFunctions() {
        return rows("""
                SELECT circonscription_id, function_code, held, holder, staff_count
                FROM circonscription_function WHERE deleted = 0""").stream()
                .map(r -> new ReportSourceData.CirconscriptionFunction(i0(r, 0), s(r, 1), s(r, 2), s(r, 3), d(r, 4)))
                .toList();
    }

    private List<ReportSourceData.DataFlow> dataFlows() {
        return rows("""
                SELECT f.id, t.code, t.name_fr, t.name_en, t.name_ar, t.programme, t.periodicity, t.tool, f.from_level,
                       f.to_level, f.region_id, f.province_id, f.channel, f.expected_delay_days
                FROM data_flow f JOIN report_type t ON t.id = f.report_type_id
                WHERE f.deleted = 0 AND t.deleted = 0 ORDER BY t.code, f.id""").stream()
                .map(r -> new ReportSourceData.DataFlow(i0(r, 0), label(r, 1), s(r, 5), s(r, 6), s(r, 7), s(r, 8),
                        s(r, 9), i(r, 10), i(r, 11), s(r, 12), i(r, 13)))
                .toList();
    }

    private List<ReportSourceData.FlowObservations> flowObservations() {
        return rows("""
                SELECT o.data_flow_id, e.circonscription_id, count(*), sum(o.reports_expected), sum(o.reports_received),
                       sum(coalesce(o.received_on_time, 0)),
                       sum(CASE WHEN o.received_on_time IS NULL THEN 0 ELSE o.reports_expected END),
                       sum(coalesce(o.observed_delay_days, 0)), count(o.observed_delay_days)
                FROM data_flow_observation o LEFT JOIN essp e ON e.id = o.essp_id
                WHERE o.deleted = 0
                GROUP BY o.data_flow_id, e.circonscription_id""").stream()
                .map(r -> new ReportSourceData.FlowObservations(i0(r, 0), i(r, 1), i0(r, 2), l0(r, 3), l0(r, 4),
                        l0(r, 5), l0(r, 6), d0(r, 7), i0(r, 8)))
                .toList();
    }

    private List<ReportSourceData.ComplaintSystem> complaintSystems() {
        return rows("""
                SELECT essp_id, channel_register, channel_box, channel_in_person, channel_phone, channel_chikaya_portal,
                       register_kept, focal_person, procedure_displayed, chikaya_link_displayed, handled_by
                FROM complaint_system WHERE deleted = 0""").stream()
                .map(r -> new ReportSourceData.ComplaintSystem(i0(r, 0), b(r, 1), b(r, 2), b(r, 3), b(r, 4), b(r, 5),
                        b(r, 6), b(r, 7), b(r, 8), b(r, 9), s(r, 10)))
                .toList();
    }

    private List<ReportSourceData.ComplaintSample> complaintSamples() {
        return rows("""
                SELECT essp_id, received_on, channel, kind, category, acknowledged_on, closed_on, outcome
                FROM complaint_sample WHERE deleted = 0 ORDER BY essp_id, received_on, id""").stream()
                .map(r -> new ReportSourceData.ComplaintSample(i0(r, 0), date(r, 1), s(r, 2), s(r, 3), s(r, 4),
                        date(r, 5), date(r, 6), s(r, 7)))
                .toList();
    }

    private List<ReportSourceData.PerpetratorSite> perpetratorSites() {
        Map<Integer, Map<String, Long>> referrals = new HashMap<>();
        for (Record r : rows("""
                SELECT p.site_id, x.source, sum(x.referrals)
                FROM perpetrator_care_referral x JOIN perpetrator_care_period p ON p.id = x.period_id
                WHERE x.deleted = 0 AND p.deleted = 0 GROUP BY p.site_id, x.source""")) {
            referrals.computeIfAbsent(i0(r, 0), k -> new HashMap<>()).put(s(r, 1), l0(r, 2));
        }
        return rows("""
                SELECT s.id, s.name, s.province_id, s.essp_id, s.stage, s.stage_since,
                       (SELECT count(*) FROM perpetrator_care_staff t WHERE t.site_id = s.id AND t.deleted = 0 AND t.trained_on IS NOT NULL),
                       (SELECT sum(patients_followed) FROM perpetrator_care_period p WHERE p.site_id = s.id AND p.deleted = 0),
                       (SELECT sum(new_patients) FROM perpetrator_care_period p WHERE p.site_id = s.id AND p.deleted = 0)
                FROM perpetrator_care_site s WHERE s.deleted = 0 ORDER BY s.province_id, s.name""").stream()
                .map(r -> new ReportSourceData.PerpetratorSite(i0(r, 0), s(r, 1), i0(r, 2), i(r, 3), s(r, 4), date(r, 5),
                        i0(r, 6), l0(r, 7), l0(r, 8), referrals.getOrDefault(i0(r, 0), Map.of())))
                .toList();
    }

    private List<ReportSourceData.TrainingCohort> cohorts() {
        return rows("""
                SELECT c.id, p.code, p.kind, p.title_fr, p.title_fr, p.title_en, p.title_ar, c.name, c.region_id,
                       c.starts_on, c.ends_on, c.place, c.status, c.seats,
                       (SELECT count(*) FROM training_participant t WHERE t.cohort_id = c.id AND t.deleted = 0),
                       (SELECT count(*) FROM training_participant t WHERE t.cohort_id = c.id AND t.deleted = 0 AND t.status = 'graduated'),
                       (SELECT count(*) FROM training_participant t WHERE t.cohort_id = c.id AND t.deleted = 0 AND t.status = 'dropped_out'),
                       (SELECT count(*) FROM training_participant t WHERE t.cohort_id = c.id AND t.deleted = 0 AND t.gender = 'f'),
                       (SELECT count(*) FROM training_session t WHERE t.cohort_id = c.id AND t.deleted = 0),
                       (SELECT sum(hours) FROM training_session t WHERE t.cohort_id = c.id AND t.deleted = 0),
                       (SELECT sum(amount_mad) FROM training_cost t WHERE t.cohort_id = c.id AND t.deleted = 0 AND t.kind = 'planned'),
                       (SELECT sum(amount_mad) FROM training_cost t WHERE t.cohort_id = c.id AND t.deleted = 0 AND t.kind = 'actual'),
                       (SELECT count(*) FROM training_project t WHERE t.cohort_id = c.id AND t.deleted = 0)
                FROM training_cohort c JOIN training_programme p ON p.id = c.programme_id
                WHERE c.deleted = 0 AND p.deleted = 0 ORDER BY c.starts_on, c.name""").stream()
                .map(r -> new ReportSourceData.TrainingCohort(i0(r, 0), s(r, 1), s(r, 2), label(r, 3), s(r, 7), i(r, 8),
                        date(r, 9), date(r, 10), s(r, 11), s(r, 12), i(r, 13), i0(r, 14), i0(r, 15), i0(r, 16), i0(r, 17),
                        i0(r, 18), d0(r, 19), d0(r, 20), d0(r, 21), i0(r, 22)))
                .toList();
    }

    private List<ReportSourceData.TrainingSession> sessions() {
        return rows("""
                SELECT s.cohort_id, s.title, s.starts_on, s.ends_on, s.hours, s.place,
                       (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.deleted = 0 AND a.present = 1)
                FROM training_session s WHERE s.deleted = 0 ORDER BY s.cohort_id, s.starts_on""").stream()
                .map(r -> new ReportSourceData.TrainingSession(i0(r, 0), s(r, 1), date(r, 2), date(r, 3), d0(r, 4),
                        s(r, 5), i0(r, 6)))
                .toList();
    }

    private List<ReportSourceData.Finding> findings() {
        return rows("""
                SELECT id, axis, scope_level, region_id, province_id, circonscription_id, essp_id, kind, title,
                       description, priority
                FROM finding WHERE deleted = 0 ORDER BY axis, CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, id""")
                .stream().map(r -> new ReportSourceData.Finding(i0(r, 0), i0(r, 1), s(r, 2), i(r, 3), i(r, 4), i(r, 5),
                        i(r, 6), s(r, 7), s(r, 8), s(r, 9), s(r, 10)))
                .toList();
    }

    private List<ReportSourceData.Recommendation> recommendations() {
        return rows("""
                SELECT id, finding_id, axis, scope_level, region_id, province_id, text, responsible, horizon, priority
                FROM recommendation WHERE deleted = 0 ORDER BY axis, CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, id""")
                .stream().map(r -> new ReportSourceData.Recommendation(i0(r, 0), i(r, 1), i0(r, 2), s(r, 3), i(r, 4),
                        i(r, 5), s(r, 6), s(r, 7), s(r, 8), s(r, 9)))
                .toList();
    }

    private List<ReportSourceData.SupervisionVisit> supervisionVisits() {
        return rows("""
                SELECT v.circonscription_id, v.essp_id, v.visited_on
                FROM supervision_visit v JOIN essp e ON e.id = v.essp_id
                WHERE v.deleted = 0 AND e.deleted = 0""").stream()
                .map(r -> new ReportSourceData.SupervisionVisit(i0(r, 0), i0(r, 1), date(r, 2)))
                .toList();
    }
}
