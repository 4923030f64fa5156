package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.DemoMissionGeneratorTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One national generation shared by every test of this class. */
class NationalDemoMissionTest {

    private static Path dir;
    private static Path file;
    private static DemoSummary summary;
    private static Connection connection;
    private static Statement statement;

    @BeforeAll
    static void generate() throws Exception {
        dir = Files.createTempDirectory("demo-national");
        file = dir.resolve("national.essp");
        summary = new DemoMissionGenerator().generate(file, DemoScale.NATIONAL, DemoMissionGenerator.DEFAULT_SEED,
                DemoProgress.NONE);
        System.out.printf("NATIONAL generation: %d rows in %d ms (%.1f MB)%n", summary.totalRows(),
                summary.elapsed().toMillis(), Files.size(file) / 1e6);
        summary.rowsPerTable().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("  %-28s %8d%n", e.getKey(), e.getValue()));
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        statement = connection.createStatement();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (connection != null) {
            connection.close();
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /**
     * Pinned like the small and region demos (see {@link GeneratedContentDigestTest} for how it was obtained; moved
     * with V28, the experts' origin: training_cost only).
     */
    @Test
    void contentIsUnchanged() throws Exception {
        assertThat(GeneratedContentDigestTest.digest(file)).isEqualTo("9da32efc12ba0bc81188922a9bed6483efae5683a8b352eef8bfef29b24af26d");
    }

    @Test
    void everyPlacedEsspLiesInsideItsProvinceOutline() throws Exception {
        java.util.Map<String, ma.essp.diag.database.geo.MapShape> outlines = new java.util.HashMap<>();
        ma.essp.diag.database.geo.MapOutlines.shipped().provinces().forEach(s -> outlines.put(s.isoCode(), s));
        List<String> outside = new ArrayList<>();
        int placed = 0;
        try (ResultSet rs = statement.executeQuery("""
                SELECT e.code, e.latitude, e.longitude, COALESCE(p.iso_code, parent.iso_code)
                FROM essp e JOIN circonscription c ON c.id = e.circonscription_id JOIN province p ON p.id = c.province_id
                LEFT JOIN province parent ON parent.id = p.parent_province_id
                WHERE e.latitude IS NOT NULL""")) {
            while (rs.next()) {
                placed++;
                if (!outlines.get(rs.getString(4)).contains(rs.getDouble(3), rs.getDouble(2))) {
                    outside.add(rs.getString(1) + " " + rs.getString(4));
                }
            }
        }
        assertThat(placed).isGreaterThan(2_500);
        assertThat(outside).as("ESSPs placed outside their province (or in the sea)").isEmpty();
    }

    @Test
    void countsAreInTheExpectedRanges() throws Exception {
        assertThat(count(statement, "SELECT count(*) FROM essp")).isBetween(2_700L, 3_300L);
        assertThat(count(statement, "SELECT count(*) FROM circonscription")).isBetween(300L, 400L);
        assertThat(count(statement, "SELECT count(*) FROM staff_position")).isBetween(25_000L, 35_000L);
        assertThat(count(statement, "SELECT count(*) FROM complaint_sample")).isBetween(17_000L, 23_000L);
        assertThat(count(statement, "SELECT count(*) FROM training_participant")).isBetween(800L, 1_200L);
        // PRISM checklists: a third of the ESSPs, every circonscription, délégation and region, the central level
        assertThat(count(statement, "SELECT count(*) FROM system_checklist WHERE chain_level = 'essp'")).isBetween(850L, 1_150L);
        assertThat(count(statement, "SELECT count(*) FROM system_checklist WHERE chain_level = 'circonscription'"))
                .isEqualTo(count(statement, "SELECT count(*) FROM circonscription"));
        assertThat(count(statement, "SELECT count(*) FROM system_checklist WHERE chain_level IN ('sres', 'gst')")).isEqualTo(12L);
        assertThat(count(statement, "SELECT count(*) FROM system_checklist WHERE chain_level = 'central'")).isEqualTo(1L);
        // complaint systems (V23): one per ESSP, one per délégation of the demo's territory (those with a PRISM
        // checklist: 82 of the 83 provinces), one per region's GST
        assertThat(count(statement, "SELECT count(*) FROM complaint_system WHERE essp_id IS NOT NULL"))
                .isEqualTo(count(statement, "SELECT count(*) FROM essp"));
        assertThat(count(statement, "SELECT count(*) FROM complaint_system WHERE province_id IS NOT NULL"))
                .isEqualTo(count(statement, "SELECT count(*) FROM system_checklist WHERE chain_level = 'delegation'")).isEqualTo(82L);
        assertThat(count(statement, "SELECT count(*) FROM complaint_system WHERE region_id IS NOT NULL")).isEqualTo(12L);
        assertThat(count(statement, "SELECT count(*) FROM assessment")).isEqualTo(count(statement, "SELECT count(*) FROM essp"));
        assertThat(summary.rows("essp")).isEqualTo((int) count(statement, "SELECT count(*) FROM essp"));
    }

    /**
     * Kirkpatrick levels 1-2 on the demo: one evaluation row per participant present at a held session (cohorts
     * completed), none for a planned cohort; scores in range and plausible (DemoTraining: pre around 45-52, gain around
     * 15-22, reaction around 4 of 5), about 1 in 20 pre-tests and 1 in 10 reactions left empty.
     */
    @Test
    void heldSessionsAreEvaluatedAtLevelsOneAndTwo() throws Exception {
        long present = count(statement, "SELECT count(*) FROM training_attendance a JOIN training_session s ON s.id = a.session_id"
                + " JOIN training_cohort c ON c.id = s.cohort_id WHERE a.present = 1 AND c.status = 'completed'");
        assertThat(count(statement, "SELECT count(*) FROM training_evaluation")).isEqualTo(present).isGreaterThan(1_500L);
        assertThat(count(statement, "SELECT count(*) FROM training_evaluation e JOIN training_attendance a"
                + " ON a.session_id = e.session_id AND a.participant_id = e.participant_id WHERE a.present = 1")).isEqualTo(present);
        assertThat(count(statement, "SELECT count(*) FROM training_evaluation WHERE post_score < 0 OR post_score > 100"
                + " OR pre_score < 0 OR reaction_score < 1 OR reaction_score > 5")).isZero();
        try (var rs = statement.executeQuery("SELECT avg(pre_score), avg(post_score - pre_score), avg(reaction_score),"
                + " 1.0 * sum(pre_score IS NULL) / count(*), 1.0 * sum(reaction_score IS NULL) / count(*) FROM training_evaluation")) {
            rs.next();
            assertThat(rs.getDouble(1)).isBetween(42.0, 55.0);
            assertThat(rs.getDouble(2)).isBetween(14.0, 24.0);
            assertThat(rs.getDouble(3)).isBetween(3.7, 4.4);
            assertThat(rs.getDouble(4)).isBetween(0.03, 0.07);
            assertThat(rs.getDouble(5)).isBetween(0.07, 0.13);
        }
    }

    @Test
    void answersPerAssessmentFollowTheCatalogue() throws Exception {
        // catalogue v1 has 54 general items and 135 service items: at most 189 answers when all 17 services are offered;
        // service items are asked only for the services an ESSP offers (SARA)
        double average = count(statement, "SELECT count(*) FROM assessment_answer") * 1.0
                / count(statement, "SELECT count(*) FROM assessment");
        System.out.printf("answers per assessment: %.1f%n", average);
        assertThat(average).isBetween(130.0, 170.0);
        assertThat(count(statement, "SELECT count(*) FROM assessment_answer a JOIN pms_item i ON i.id = a.item_id "
                + "WHERE i.code = 'DX03' AND a.state <> 'not_applicable'")).isZero();
        // service items only for offered services
        assertThat(count(statement, "SELECT count(*) FROM assessment_answer a JOIN pms_item i ON i.id = a.item_id "
                + "JOIN assessment_service s ON s.assessment_id = a.assessment_id AND s.service_id = i.service_id "
                + "WHERE s.offered = 0")).isZero();
    }

    @Test
    void generalReadinessVariesBetweenEstablishments() throws Exception {
        List<Double> scores = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("""
                SELECT avg(score) FROM (
                  SELECT a.assessment_id, i.domain_code,
                         100.0 * sum(a.state = 'available_functioning') / count(*) AS score
                  FROM assessment_answer a JOIN pms_item i ON i.id = a.item_id
                  WHERE i.service_id IS NULL AND a.state <> 'not_applicable'
                  GROUP BY a.assessment_id, i.domain_code)
                GROUP BY assessment_id ORDER BY 1""")) {
            while (rs.next()) {
                scores.add(rs.getDouble(1));
            }
        }
        double p10 = scores.get(scores.size() / 10);
        double p90 = scores.get(scores.size() * 9 / 10);
        System.out.printf("general readiness p10 %.0f, median %.0f, p90 %.0f%n", p10, scores.get(scores.size() / 2), p90);
        assertThat(p10).isBetween(20.0, 55.0);
        assertThat(p90).isBetween(65.0, 95.0);
    }

    @Test
    void territoryIsConsistent() throws Exception {
        assertThat(count(statement, "SELECT count(*) FROM (SELECT p.id FROM province p JOIN circonscription c ON c.province_id = p.id "
                + "GROUP BY p.id HAVING count(*) < 2)")).isZero();
        assertThat(count(statement, "SELECT count(*) FROM province p WHERE p.id NOT IN (SELECT province_id FROM circonscription) "
                + "AND p.id NOT IN (SELECT parent_province_id FROM province WHERE parent_province_id IS NOT NULL)")).isZero();
        assertThat(count(statement, "SELECT count(*) FROM essp e JOIN circonscription c ON c.id = e.circonscription_id "
                + "JOIN province p ON p.id = c.province_id WHERE p.code = '06.141'")).isZero();
        assertThat(count(statement, "SELECT count(*) FROM circonscription c JOIN province p ON p.id = c.province_id "
                + "WHERE p.code = '06.141'")).isZero();
        assertThat(count(statement, "SELECT count(*) FROM essp e JOIN commune m ON m.id = e.commune_id "
                + "WHERE m.circonscription_id <> e.circonscription_id")).isZero();
        assertThat(count(statement, "SELECT count(*) FROM essp e JOIN circonscription c ON c.id = e.circonscription_id "
                + "WHERE e.milieu <> c.milieu")).isZero();
    }

    @Test
    void codesAndCoordinatesAreWellFormed() throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT code FROM essp")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).matches("^\\d{5}(\\d{4})?-\\d{4}$");
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT code FROM circonscription")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).matches("^\\d{5}(\\d{4})?-C\\d{2}$");
            }
        }
        assertThat(count(statement, "SELECT count(*) FROM essp WHERE latitude IS NOT NULL AND "
                + "(latitude NOT BETWEEN 20.8 AND 35.9 OR longitude NOT BETWEEN -17.1 AND -1.0)")).isZero();
        long withoutCoordinates = count(statement, "SELECT count(*) FROM essp WHERE latitude IS NULL");
        assertThat(withoutCoordinates).isBetween(50L, 300L);
    }

    @Test
    void theDatabaseIsConsistentAndLabelledSynthetic() throws Exception {
        assertThat(count(statement, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
        assertThat(count(statement, "SELECT count(*) FROM mission WHERE synthetic = 1 AND demo_scale = 'national' "
                + "AND demo_seed = 2026 AND name LIKE '%(synthétique)%' AND description LIKE '%(synthétique)%'")).isEqualTo(1);
        assertThat(count(statement, "SELECT count(*) FROM structure WHERE kind = 'gst' AND created_on = '2025-04-15'")).isEqualTo(12);
        assertThat(count(statement, "SELECT count(*) FROM structure WHERE kind = 'gst' AND takeover_on IS NOT NULL")).isEqualTo(1);
        try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }
}
