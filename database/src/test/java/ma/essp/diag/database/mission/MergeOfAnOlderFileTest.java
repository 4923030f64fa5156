package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.merge.MergeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A laptop still on schema 9 (before the merge journal): its file is migrated on a scratch copy and merged. */
class MergeOfAnOlderFileTest {

    @TempDir
    Path dir;

    @Test
    void anOlderFileIsMigratedOnACopyAndMergedWhileTheFileItselfIsUntouched() throws Exception {
        Path old = dir.resolve("old.essp");
        SchemaMigrator.migrate(old, "9");
        sql(old, "INSERT INTO mission (uuid, name, synthetic, created_at, updated_at, updated_by) "
                + "VALUES ('m-1', 'Tanger 2025', 0, '2025-01-01', '2025-01-01T00:00:00Z', 'test')",
                "INSERT INTO circonscription (province_id, code, name_fr, milieu, uuid, updated_at, updated_by) "
                        + "VALUES (1, 'C-1', 'Circonscription Médina', 'urban', 'c-1', '2025-01-01T00:00:00Z', 'test')");
        Path target = dir.resolve("target.essp");
        Files.copy(old, target);
        // the old laptop goes on working on schema 9: one more ESSP, its audit row as its writer made it
        sql(old, "INSERT INTO essp (code, name_fr, category_code, circonscription_id, milieu, uuid, updated_at, updated_by) "
                + "VALUES ('E-1', 'CSU Médina', 'CSU-1', (SELECT id FROM circonscription WHERE uuid = 'c-1'), 'urban', 'e-1', "
                + "'2025-02-01T00:00:00Z', 'old-laptop')",
                "INSERT INTO audit_log (at, member_uuid, device_id, table_name, row_uuid, action, new_version) "
                        + "VALUES ('2025-02-01T00:00:00Z', 'old-laptop', 'laptop-old', 'essp', 'e-1', 'insert', 1)");
        String before = sha(old);

        try (MissionFile mission = MissionFile.open(target, dir.resolve("backups"))) {
            assertThat(mission.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            try (MergeSource source = MergeSource.open(old, mission, dir.resolve("scratch"))) {
                MergeEngine engine = new MergeEngine();
                MergePlan plan = engine.analyse(mission.dsl(), source.dsl(), "old.essp", source.missionUuid());
                assertThat(plan.summary()).containsExactly(new MergePlan.TableSummary("essp", 1, 0, 0, 0, 0, 0));
                engine.apply(mission.dsl(), EditContext.system("lead"), plan, MergeDecisions.of(null, null, false), null);
            }
            assertThat(mission.dsl().fetchOne(ESSP, ESSP.UUID.eq("e-1")).getNameFr()).isEqualTo("CSU Médina");
        }
        assertThat(sha(old)).isEqualTo(before);
        try (Connection c = DriverManager.getConnection(MissionFile.url(old)); Statement s = c.createStatement();
             var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(9);
        }
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(MissionFile.url(file)); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
