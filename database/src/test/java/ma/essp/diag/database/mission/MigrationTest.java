package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheLatestVersion() throws Exception {
        Path file = dir.resolve("empty.essp");
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            // every migration file applied (versions may have gaps while branches are merged), the highest last
            long files = 0;
            for (String folder : new String[] {"/db/common", "/db/sqlite"}) {
                try (var list = Files.list(Path.of(MigrationTest.class.getResource(folder).toURI()))) {
                    files += list.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
                }
            }
            assertThat(rs.getInt(1)).isEqualTo(files);
            assertThat(rs.getInt(2)).isEqualTo(SchemaMigrator.latestVersion());
        }
    }

    @Test
    void version4KeepsTheAuditRowsOfTheTriggersAndDropsTheTriggers() throws Exception {
        Path file = dir.resolve("v3.essp");
        SchemaMigrator.migrate(file, "3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE region SET version = version + 1, updated_by = 'amina', updated_at = '2026-05-01T10:00:00Z'"
                    + " WHERE code = '01'");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
                assertThat(rs.getInt(1)).as("the V1 trigger wrote its row").isEqualTo(1);
            }
        }
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            var kept = mission.dsl().selectFrom(ma.essp.diag.database.jooq.Tables.AUDIT_LOG).fetchSingle();
            assertThat(kept.getMemberUuid()).isEqualTo("amina");
            assertThat(kept.getAction()).isEqualTo("update");
            assertThat(kept.getOldVersion()).isEqualTo(1);
            assertThat(kept.getNewVersion()).isEqualTo(2);
            assertThat(kept.getField()).isNull();
            assertThat(kept.getDeviceId()).isNull();
            assertThat(mission.dsl().fetchValue("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).isEqualTo(0);
            // a change behind the writer's back no longer writes an audit row: only the writer audits
            mission.dsl().execute("UPDATE region SET version = version + 1 WHERE code = '02'");
            assertThat(mission.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.AUDIT_LOG)).isEqualTo(1);
        }
    }

    @Test
    void version8CarriesEveryRecommendationLinkAndEveryEvidenceTextOver() throws Exception {
        Path file = dir.resolve("v5.essp");
        SchemaMigrator.migrate(file, "5");
        String stamp = ", 'u-%s', 3, '2026-05-01T10:00:00Z', 'amina', %d)";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (int f = 1; f <= 3; f++) {
                s.execute("INSERT INTO finding (id, axis, scope_level, kind, title, evidence, uuid, version, updated_at, updated_by, deleted)"
                        + " VALUES (" + f + ", 5, 'national', 'weakness', 'F" + f + "', " + (f == 3 ? "NULL" : "'preuve " + f + "'")
                        + stamp.formatted("f" + f, 0));
            }
            // two recommendations on finding 1, one on finding 2, one on none, one deleted on finding 3
            int[][] recs = {{10, 1, 0}, {11, 1, 0}, {12, 2, 0}, {13, 0, 0}, {14, 3, 1}};
            for (int[] r : recs) {
                s.execute("INSERT INTO recommendation (id, finding_id, axis, scope_level, text, uuid, version, updated_at, updated_by, deleted)"
                        + " VALUES (" + r[0] + ", " + (r[1] == 0 ? "NULL" : r[1]) + ", 5, 'national', 'R" + r[0] + "'"
                        + stamp.formatted("r" + r[0], r[2]));
            }
        }
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            StringBuilder links = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SELECT recommendation_id, finding_id, version, updated_by, length(uuid)"
                    + " FROM recommendation_finding ORDER BY recommendation_id")) {
                while (rs.next()) {
                    links.append(rs.getInt(1)).append('>').append(rs.getInt(2)).append(" v").append(rs.getInt(3))
                            .append(' ').append(rs.getString(4)).append(' ').append(rs.getInt(5)).append(';');
                }
            }
            assertThat(links).hasToString("10>1 v1 amina 36;11>1 v1 amina 36;12>2 v1 amina 36;14>3 v1 amina 36;");
            // the recommendations keep their ids, uuids, versions and deleted flag
            assertThat(scalar(s, "recommendation", "group_concat(id || ':' || uuid || ':' || version || ':' || deleted, ' ')", "1 = 1"))
                    .isEqualTo("10:u-r10:3:0 11:u-r11:3:0 12:u-r12:3:0 13:u-r13:3:0 14:u-r14:3:1");
            assertThat(scalar(s, "finding_evidence", "group_concat(finding_id || ':' || kind || ':' || document, ' | ')", "1 = 1"))
                    .isEqualTo("1:document:preuve 1 | 2:document:preuve 2");
            assertThat(scalar(s, "pragma_table_info('recommendation')", "count(*)", "name = 'finding_id'")).isEqualTo("0");
            assertThat(scalar(s, "pragma_table_info('finding')", "count(*)", "name = 'evidence'")).isEqualTo("0");
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("no dangling reference").isFalse();
            }
        }
    }

    @Test
    void version23KeepsEveryEsspComplaintSystemAndLetsADelegationOrAGstHoldOne() throws Exception {
        Path file = dir.resolve("v22.essp");
        SchemaMigrator.migrate(file, "22");
        String stamp = ", '%s', %d, '2026-05-01T10:00:00Z', 'amina', %d)";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO circonscription (id, province_id, code, name_fr, milieu, uuid, version, updated_at, updated_by, deleted)"
                    + " VALUES (1, 1, 'C1', 'Circonscription 1', 'urban'" + stamp.formatted("c1", 1, 0));
            for (int e = 1; e <= 2; e++) {
                s.execute("INSERT INTO essp (id, code, name_fr, category_code, circonscription_id, milieu, uuid, version, updated_at,"
                        + " updated_by, deleted) VALUES (" + e + ", 'E" + e + "', 'ESSP " + e + "', 'DR', 1, 'rural'" + stamp.formatted("e" + e, 1, 0));
            }
            s.execute("INSERT INTO complaint_system (id, essp_id, channel_register, channel_box, register_kept, handled_by, escalation,"
                    + " analysed_fed_back, uuid, version, updated_at, updated_by, deleted) VALUES (7, 1, 1, 0, 1, 'Major', 1, 0"
                    + stamp.formatted("s7", 4, 0));
            s.execute("INSERT INTO complaint_system (id, essp_id, channel_box, uuid, version, updated_at, updated_by, deleted)"
                    + " VALUES (9, 2, 1" + stamp.formatted("s9", 2, 1));
        }
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // the ESSP systems keep their ids, holders, values, uuids, versions and deleted flag
            assertThat(scalar(s, "complaint_system", "group_concat(id || ':' || essp_id || ':' || channel_register || channel_box"
                    + " || register_kept || escalation || analysed_fed_back || ':' || coalesce(handled_by, '-') || ':' || uuid || ':' || version"
                    + " || ':' || deleted || ':' || coalesce(province_id, '-') || coalesce(region_id, '-'), ' ')", "1 = 1"))
                    .isEqualTo("7:1:10110:Major:s7:4:0:-- 9:2:01000:-:s9:2:1:--");
            // a délégation (province 1) and a GST (region 1) now hold a system of their own
            s.execute("INSERT INTO complaint_system (province_id, uuid, updated_at, updated_by) VALUES (1, 'p1', 'x', 'amina')");
            s.execute("INSERT INTO complaint_system (region_id, uuid, updated_at, updated_by) VALUES (1, 'r1', 'x', 'amina')");
            assertThat(scalar(s, "complaint_system", "count(*)", "essp_id IS NULL")).isEqualTo("2");
            // a system belongs to exactly one holder: none, or two, is refused; one system per délégation
            assertThatThrownBy(() -> s.execute("INSERT INTO complaint_system (uuid, updated_at, updated_by) VALUES ('none', 'x', 'amina')"))
                    .hasMessageContaining("complaint_system_one_holder");
            assertThatThrownBy(() -> s.execute("INSERT INTO complaint_system (essp_id, region_id, uuid, updated_at, updated_by)"
                    + " VALUES (2, 2, 'two', 'x', 'amina')")).hasMessageContaining("complaint_system_one_holder");
            assertThatThrownBy(() -> s.execute("INSERT INTO complaint_system (province_id, uuid, updated_at, updated_by)"
                    + " VALUES (1, 'again', 'x', 'amina')")).hasMessageContaining("UNIQUE");
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("no dangling reference").isFalse();
            }
        }
    }

    @Test
    void opensAVersion1FileByBackingItUpThenMigrating() throws Exception {
        Path file = dir.resolve("old.essp");
        SchemaMigrator.migrate(file, "1");
        assertThat(MissionFile.inspect(file).schemaVersion()).isEqualTo(1);
        String before = MissionFileTest.sha256(file);
        Path backups = dir.resolve("backups");

        try (MissionFile mission = MissionFile.open(file, backups)) {
            assertThat(mission.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            // the reference data of V2 arrived
            assertThat(mission.dsl().fetchCount(REGION)).isEqualTo(12);
            assertThat(mission.dsl().fetchCount(ESSP_CATEGORY)).isGreaterThanOrEqualTo(8);
            Path backup = mission.backup().orElseThrow();
            assertThat(backup.getParent()).isEqualTo(backups);
            assertThat(backup.getFileName().toString()).startsWith("old-schema1-").endsWith(".essp");
            // the backup is a usable version-1 mission with the old content
            assertThat(MissionFile.inspect(backup).schemaVersion()).isEqualTo(1);
        }
        assertThat(MissionFileTest.sha256(file)).isNotEqualTo(before);
        try (var files = Files.list(backups)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void version28KeepsEveryCostLineWithItsOriginNotStatedAndAcceptsOnlyTheTwoOrigins() throws Exception {
        Path file = dir.resolve("v27.essp");
        SchemaMigrator.migrate(file, "27");
        String stamp = ", '%s', %d, '2026-05-01T10:00:00Z', 'amina', %d)";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO training_programme (id, code, kind, title_fr, uuid, version, updated_at, updated_by, deleted)"
                    + " VALUES (901, 'MBA-T', 'mba', 'MBA'" + stamp.formatted("p901", 1, 0));
            s.execute("INSERT INTO training_cohort (id, programme_id, name, uuid, version, updated_at, updated_by, deleted)"
                    + " VALUES (902, 901, 'Cohorte 1'" + stamp.formatted("c902", 1, 0));
            s.execute("INSERT INTO training_cost (id, cohort_id, item, amount_mad, kind, unit, unit_cost_mad, units, uuid, version,"
                    + " updated_at, updated_by, deleted) VALUES (903, 902, 'trainers', 36000, 'planned', 'expert_day', 12000, 3"
                    + stamp.formatted("k903", 2, 0));
            s.execute("INSERT INTO training_cost (id, cohort_id, item, amount_mad, kind, uuid, version, updated_at, updated_by,"
                    + " deleted) VALUES (904, 902, 'venue', 5000, 'actual'" + stamp.formatted("k904", 1, 1));
        }
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // both lines kept as they were (ids, amounts, units, versions, deleted flag), neither says whose experts
            assertThat(scalar(s, "training_cost", "group_concat(id || ':' || item || ':' || amount_mad || ':' || coalesce(unit, '-')"
                    + " || ':' || version || ':' || deleted || ':' || coalesce(expert_origin, 'not stated'), ' ')", "1 = 1"))
                    .isEqualTo("903:trainers:36000.0:expert_day:2:0:not stated 904:venue:5000.0:-:1:1:not stated");
            s.execute("UPDATE training_cost SET expert_origin = 'european' WHERE id = 903");
            assertThat(scalar(s, "training_cost", "expert_origin", "id = 903")).isEqualTo("european");
            assertThatThrownBy(() -> s.execute("UPDATE training_cost SET expert_origin = 'american' WHERE id = 903"))
                    .hasMessageContaining("CHECK");
        }
    }

    @Test
    void latestVersionIsTheHighestMigrationOnTheClasspath() {
        assertThat(SchemaMigrator.latestVersion()).isEqualTo(28);
    }

    @Test
    void theLatestVersionKnownAtBuildTimeIsTheHighestMigrationFlywayFinds() {
        assertThat(SchemaMigrator.LATEST_VERSION).isEqualTo(SchemaMigrator.scannedLatestVersion());
    }

    @Test
    void everyReferenceCatalogueRowHasArabicAndEnglishLabelsAfterMigrating() throws Exception {
        Path file = dir.resolve("labels.essp");
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String table : new String[] {"pms_service_area", "pms_service", "pms_item"}) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(trim(coalesce(label_ar, '')) <> ''),"
                        + " sum(trim(coalesce(label_en, '')) <> '') FROM " + table + " WHERE updated_by = 'reference-data'")) {
                    rs.next();
                    assertThat(rs.getInt(2)).as(table + " label_ar").isEqualTo(rs.getInt(1));
                    assertThat(rs.getInt(3)).as(table + " label_en").isEqualTo(rs.getInt(1));
                }
            }
            // 12 areas, 17 services, 54 general SARA items + 135 service items
            assertThat(scalar(s, "pms_service_area", "count(*)", "1 = 1")).isEqualTo("12");
            assertThat(scalar(s, "pms_service", "count(*)", "1 = 1")).isEqualTo("17");
            assertThat(scalar(s, "pms_item", "count(*)", "1 = 1")).isEqualTo("189");
            assertThat(scalar(s, "pms_item", "label_ar", "code = 'EQ05'")).isEqualTo("جهاز قياس ضغط الدم");
            assertThat(scalar(s, "pms_item", "label_ar", "code = 'IMMUNISATION-03'")).isEqualTo("ثلاجة اللقاحات مع ميزان حرارة");
            assertThat(scalar(s, "pms_service", "label_ar", "code = 'ANC'")).isEqualTo("الاستشارة السابقة للولادة");
        }
    }

    @Test
    void theArabicLabelsNeverOverwriteATeamsOwnLabel() throws Exception {
        Path file = dir.resolve("edited.essp");
        SchemaMigrator.migrate(file, "2");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(scalar(s, "pms_item", "label_ar", "code = 'EQ05'")).isNull();
            s.executeUpdate("UPDATE pms_item SET label_ar = 'مقياس الضغط' WHERE code = 'EQ05'");
            s.executeUpdate("UPDATE pms_service SET label_ar = 'تتبع الحمل' WHERE code = 'ANC'");
        }
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(scalar(s, "pms_item", "label_ar", "code = 'EQ05'")).isEqualTo("مقياس الضغط");
            assertThat(scalar(s, "pms_service", "label_ar", "code = 'ANC'")).isEqualTo("تتبع الحمل");
            // the rows nobody touched got the reference label
            assertThat(scalar(s, "pms_item", "label_ar", "code = 'ANC-03'")).isEqualTo("جهاز قياس ضغط الدم");
            assertThat(scalar(s, "pms_item", "label_ar", "code = 'STI_HIV-02'"))
                    .isEqualTo("اختبار سريع لفيروس نقص المناعة البشرية");
        }
    }

    private static String scalar(Statement s, String table, String column, String where) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + table + " WHERE " + where)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
