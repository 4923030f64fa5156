package ma.essp.diag.reporting.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import ma.essp.diag.database.mission.MissionFile;

/**
 * A mission with something in every table the report reads, built with plain JDBC: a few provinces of the first
 * regions, circonscriptions, ESSPs (one named like a formula, one with an Arabic name, one not assessed), staff,
 * assessments of the reference catalogue, complaints, data flows, perpetrator-care sites, a training cohort,
 * findings and recommendations. Deterministic for a seed. Stands in for the demo generator in tests.
 */
public final class ReportFixture {

    public static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"clic\")";
    /** Head of the first circonscription, the one with planted supervision visits. */
    public static final String SUPERVISED_HEAD = "Dr Fixture Superviseur";
    /** The first region's GST takes over on this day. */
    public static final String GST_TAKEOVER = "2027-01-01";
    public static final String FIRST_ESSP = "E0001";

    private final Connection c;
    private final Random random;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int esspCounter;

    private ReportFixture(Connection c, long seed) {
        this.c = c;
        this.random = new Random(seed);
    }

    /** regions: how many regions (from 01); per region up to provinces provinces, circs per province, essps per circ. */
    public static Path create(Path file, int regions, int provinces, int circs, int essps, long seed) throws Exception {
        try (MissionFile mission = MissionFile.create(file)) {
            mission.dsl().connection(connection -> {
                connection.setAutoCommit(false);
                new ReportFixture(connection, seed).fill(regions, provinces, circs, essps);
                connection.commit();
            });
        }
        return file;
    }

    public static Path small(Path dir) throws Exception {
        return create(dir.resolve("fixture.essp"), 2, 2, 2, 3, 42);
    }

    private long insert(String table, Map<String, Object> values) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>(values);
        if (!table.equals("essp_category")) {
            v.put("uuid", UUID.randomUUID().toString());
            v.put("version", 1);
            v.put("updated_at", "2026-06-01T10:00:00Z");
            v.put("updated_by", "fixture");
            v.put("deleted", 0);
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", v.keySet()) + ") VALUES ("
                + String.join(", ", v.keySet().stream().map(k -> "?").toList()) + ")";
        PreparedStatement st = statements.get(sql);
        if (st == null) {
            st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statements.put(sql, st);
        }
        int i = 1;
        for (Object o : v.values()) {
            st.setObject(i++, o instanceof LocalDate d ? d.toString() : o);
        }
        st.executeUpdate();
        try (ResultSet keys = st.getGeneratedKeys()) {
            return keys.next() ? keys.getLong(1) : -1;
        }
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private List<Object[]> query(String sql) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void fill(int regionCount, int provincesPerRegion, int circsPerProvince, int esspsPerCirc) throws Exception {
        insert("mission", m("name", "Mission de diagnostic ESSP (jeu d'essai)", "description", "Données de test",
                "started_on", "2026-03-01", "as_of_date", "2026-06-30", "synthetic", 1, "demo_scale", "small",
                "demo_seed", 42, "created_at", "2026-03-01T08:00:00Z"));
        List<Object[]> items = query("SELECT id FROM pms_item WHERE deleted = 0 AND version_id = 1");
        List<Object[]> services = query("SELECT id FROM pms_service WHERE deleted = 0 AND version_id = 1");
        List<Object[]> regions = query("SELECT id FROM region ORDER BY code LIMIT " + regionCount);
        List<String> states = List.of("available_functioning", "available_functioning", "available_functioning",
                "available_not_functioning", "absent", "missing", "not_applicable");
        List<String> cadres = List.of("doctor_gp", "nurse", "nurse", "midwife", "health_technician", "support_staff");
        List<String> categories = List.of("CSR-1", "CSR-2", "CSU-1", "DR", "CSU-2", "CSC");
        List<Long> esspIds = new ArrayList<>();
        int reportType = (int) insert("report_type", m("code", "SMI-M", "name_fr", "Rapport mensuel SMI", "name_en",
                "Monthly MCH report", "name_ar", "التقرير الشهري لصحة الأم والطفل", "programme", "SMI", "periodicity", "monthly", "tool", "smi_pf"));
        long flowEssp = insert("data_flow", m("report_type_id", reportType, "from_level", "essp", "to_level", "circonscription",
                "channel", "paper", "expected_delay_days", 5));
        long programme = insert("training_programme", m("code", "MBA-GTS", "kind", "mba", "title_fr", "MBA en gestion territoriale de la santé",
                "title_en", "MBA in territorial health management", "title_ar", "ماستر في التدبير الترابي للصحة", "planned_hours", 160));
        for (Object[] region : regions) {
            int regionId = ((Number) region[0]).intValue();
            long cohort = insert("training_cohort", m("programme_id", programme, "name", "Cohorte " + regionId, "region_id", regionId,
                    "starts_on", "2026-09-01", "ends_on", "2026-12-20", "place", "ENSP Rabat", "status", "planned", "seats", 30));
            for (int s = 1; s <= 3; s++) {
                long session = insert("training_session", m("cohort_id", cohort, "title", "Séminaire " + s, "starts_on",
                        LocalDate.of(2026, 9, 1).plusWeeks(3L * s), "ends_on", LocalDate.of(2026, 9, 3).plusWeeks(3L * s), "hours", 24.0, "place", "Rabat"));
                insert("training_cost", m("cohort_id", cohort, "session_id", session, "item", "trainers", "amount_mad", 45000.0, "kind", "planned"));
            }
            insert("training_cost", m("cohort_id", cohort, "item", "tuition", "amount_mad", 250000.0, "kind", "planned"));
            insert("system_checklist", m("chain_level", "sres", "region_id", regionId, "guidelines_available", 0, "tools_in_stock", 1,
                    "trained_staff", 1, "feedback_received", 1, "data_used_in_meetings", 0));
            for (int p = 0; p < 6; p++) {
                insert("training_participant", m("cohort_id", cohort, "full_name", "Participant " + regionId + "-" + p,
                        "gender", p % 2 == 0 ? "f" : "m", "status", p == 5 ? "dropped_out" : "enrolled"));
            }
            if (regionId == ((Number) regions.getFirst()[0]).intValue()) {
                // the reference data has a GST per region, without its takeover day
                c.createStatement().executeUpdate("UPDATE structure SET takeover_on = '" + GST_TAKEOVER
                        + "' WHERE kind = 'gst' AND region_id = " + regionId);
            }
            List<Object[]> functions = query("SELECT code FROM hr_function ORDER BY sort_order");
            for (Object[] f : functions) {
                insert("hr_relation", m("region_id", regionId, "function_code", f[0], "holder_today", pick(List.of("ministry", "drs", "delegation")),
                        "holder_under_gst", pick(List.of("gst", "gst", "shared"))));
            }
            insert("finding", m("axis", 1, "scope_level", "region", "region_id", regionId, "kind", "weakness",
                    "title", "Gestion RH centralisée", "description", "Les affectations restent décidées au niveau central.", "priority", "high"));
            insert("recommendation", m("axis", 1, "scope_level", "region", "region_id", regionId, "text",
                    "Transférer la gestion des affectations au GST", "responsible", "GST", "horizon", "medium", "priority", "high"));
            List<Object[]> provinces = query("SELECT id FROM province WHERE region_id = " + regionId + " AND parent_province_id IS NULL ORDER BY code LIMIT " + provincesPerRegion);
            for (Object[] province : provinces) {
                int provinceId = ((Number) province[0]).intValue();
                long site = insert("perpetrator_care_site", m("name", "Unité de prise en charge " + provinceId, "province_id", provinceId,
                        "stage", pick(List.of("identified", "preparation", "staff_trained", "launched", "routine")), "stage_since", "2026-02-01"));
                long period = insert("perpetrator_care_period", m("site_id", site, "period_start", "2026-01-01", "period_end", "2026-03-31",
                        "patients_followed", 5 + random.nextInt(20), "new_patients", random.nextInt(8)));
                insert("perpetrator_care_referral", m("period_id", period, "source", "justice", "referrals", 3 + random.nextInt(5)));
                insert("perpetrator_care_referral", m("period_id", period, "source", "care_unit", "referrals", random.nextInt(5)));
                insert("perpetrator_care_staff", m("site_id", site, "cadre_code", "doctor_gp", "role", "psychiatre", "trained_on", "2026-01-15", "training_hours", 21.0));
                for (int ci = 0; ci < circsPerProvince; ci++) {
                    boolean rural = ci % 2 == 0;
                    long circ = insert("circonscription", m("province_id", provinceId, "code", "C" + provinceId + "-" + ci,
                            "name_fr", "Circonscription " + (rural ? "rurale " : "urbaine ") + provinceId + "-" + ci,
                            "name_ar", "الدائرة الصحية " + provinceId + "-" + ci, "milieu", rural ? "rural" : "urban",
                            "population", 40000 + random.nextInt(60000), "seat", "Siège " + ci));
                    for (String f : List.of("planning", "programme_monitoring", "supervision", "data_collection")) {
                        insert("circonscription_function", m("circonscription_id", circ, "function_code", f,
                                "held", pick(List.of("held", "partial", "not_held")), "staff_count", 1.0 + random.nextInt(3)));
                    }
                    // a PRISM system checklist per circonscription (schema V17), data use not observed
                    insert("system_checklist", m("chain_level", "circonscription", "circonscription_id", circ, "guidelines_available", 1,
                            "tools_in_stock", rural ? 1 : 0, "trained_staff", 1, "feedback_received", 0));
                    List<Long> circEssps = new ArrayList<>();
                    for (int ei = 0; ei < esspsPerCirc; ei++) {
                        circEssps.add(essp(circ, rural, categories, cadres, items, services, states, flowEssp));
                    }
                    esspIds.addAll(circEssps);
                    if (esspIds.size() == circEssps.size()) {
                        plantSupervision(circ, circEssps);
                    }
                }
            }
        }
        insert("finding", m("axis", 3, "scope_level", "national", "kind", "weakness", "title", "Délais de réponse aux réclamations non suivis",
                "description", "Le délai de 15 jours pour l'accusé de réception est rarement mesuré.", "priority", "medium"));
        insert("finding", m("axis", 5, "scope_level", "essp", "essp_id", esspIds.getFirst(), "kind", "strength",
                "title", "Chaîne du froid fonctionnelle", "priority", "low"));
        insert("system_checklist", m("chain_level", "central", "guidelines_available", 1, "tools_in_stock", 1, "trained_staff", 1,
                "feedback_received", 1, "data_used_in_meetings", 1));
        for (PreparedStatement st : statements.values()) {
            st.close();
        }
    }

    /**
     * The first circonscription: a head and four supervision visits, of which two fall in the twelve months up to the
     * as-of date (2025-07-01 to 2026-06-30), both to its first ESSP; one is a day too early, one after the as-of date.
     */
    private void plantSupervision(long circ, List<Long> essps) throws Exception {
        c.createStatement().executeUpdate("UPDATE circonscription SET head_name = '" + SUPERVISED_HEAD + "' WHERE id = " + circ);
        insert("supervision_visit", m("circonscription_id", circ, "essp_id", essps.get(0), "visited_on", "2026-01-10", "supervisor", "Inf. chef"));
        insert("supervision_visit", m("circonscription_id", circ, "essp_id", essps.get(0), "visited_on", "2026-05-20", "supervisor", "Inf. chef"));
        insert("supervision_visit", m("circonscription_id", circ, "essp_id", essps.get(1), "visited_on", "2025-06-30", "supervisor", "Inf. chef"));
        insert("supervision_visit", m("circonscription_id", circ, "essp_id", essps.get(1), "visited_on", "2026-07-15", "supervisor", "Inf. chef"));
    }

    private long essp(long circ, boolean rural, List<String> categories, List<String> cadres, List<Object[]> items,
                      List<Object[]> services, List<String> states, long flowEssp) throws Exception {
        esspCounter++;
        String code = "E%04d".formatted(esspCounter);
        String name = esspCounter == 2 ? FORMULA_NAME : "Centre de santé " + (rural ? "rural " : "urbain ") + esspCounter;
        String category = rural ? pick(List.of("CSR-1", "CSR-2", "DR", "CSC")) : pick(List.of("CSU-1", "CSU-2"));
        long essp = insert("essp", m("code", code, "name_fr", name, "name_ar", "المركز الصحي " + esspCounter,
                "category_code", category, "circonscription_id", circ, "milieu", rural ? "rural" : "urban",
                "population_served", 5000 + random.nextInt(30000), "latitude", 34.0 + random.nextDouble(), "longitude", -2.0 - random.nextDouble()));
        int staff = 2 + random.nextInt(6);
        for (int s = 0; s < staff; s++) {
            insert("staff_position", m("essp_id", essp, "cadre_code", pick(cadres), "status", s == 0 && random.nextBoolean() ? "vacant" : "filled",
                    "fte", 1.0, "gender", random.nextBoolean() ? "f" : "m"));
        }
        if (esspCounter != 3) { // one ESSP never assessed
            long assessment = insert("assessment", m("essp_id", essp, "catalogue_version_id", 1, "assessed_on",
                    LocalDate.of(2026, 4, 1).plusDays(random.nextInt(60)), "status", "complete", "assessor_name", "Équipe"));
            for (Object[] item : items) {
                insert("assessment_answer", m("assessment_id", assessment, "item_id", item[0], "state", pick(states), "source", "observed"));
            }
            for (Object[] service : services) {
                insert("assessment_service", m("assessment_id", assessment, "service_id", service[0], "offered", random.nextInt(4) == 0 ? 0 : 1));
            }
        }
        insert("complaint_system", m("essp_id", essp, "channel_register", 1, "channel_box", random.nextInt(2),
                "register_kept", random.nextInt(2), "focal_person", random.nextInt(2), "procedure_displayed", random.nextInt(2),
                "escalation", essp % 2)); // not from the random stream: the rows drawn after it stay as they were
        for (int k = 0; k < 3; k++) {
            LocalDate received = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(120));
            LocalDate ack = random.nextInt(5) == 0 ? null : received.plusDays(random.nextInt(30));
            LocalDate closed = ack == null || random.nextInt(3) == 0 ? null : ack.plusDays(random.nextInt(70));
            insert("complaint_sample", m("essp_id", essp, "received_on", received, "channel", pick(List.of("register", "box", "chikaya_portal")),
                    "kind", "reclamation", "category", pick(List.of("reception", "waiting_time", "medicines", "behaviour")),
                    "acknowledged_on", ack, "closed_on", closed, "outcome", closed == null ? "pending" : "resolved"));
        }
        for (int month = 1; month <= 3; month++) {
            insert("data_flow_observation", m("data_flow_id", flowEssp, "essp_id", essp, "period", "2026-0" + month,
                    "reports_expected", 1, "reports_received", random.nextInt(5) == 0 ? 0 : 1, "received_on_time", random.nextInt(2),
                    "observed_delay_days", (double) random.nextInt(15)));
        }
        return essp;
    }
}
