package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.FINDING;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.RECOMMENDATION;
import static ma.essp.diag.database.jooq.Tables.RECOMMENDATION_FINDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.SchemaMigrator;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mission file copied onto a team server reads back identical; a server mission of an older schema is upgraded. */
class ServerMissionsTest {

    static TestPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    static TeamServer connect(String url) throws ServerException {
        return TeamServer.connect(ServerAddress.of(url, "postgres"), null);
    }

    /** Per table: the row count and a SHA-256 of every row (primary-key order), each value as jOOQ reads it into Java. */
    static Map<String, String> fingerprint(DSLContext dsl) throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        for (Table<?> table : MissionTables.inForeignKeyOrder()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int rows = 0;
            for (Record r : dsl.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch()) {
                for (int i = 0; i < r.size(); i++) {
                    Object v = r.get(i);
                    sha.update((v == null ? "\u0000" : v.getClass().getSimpleName() + ":" + v).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0x1f);
                }
                sha.update((byte) 0x1e);
                rows++;
            }
            tables.put(table.getName(), rows + " " + HexFormat.of().formatHex(sha.digest()));
        }
        return tables;
    }

    @Test
    void theFixtureMissionReadsBackIdenticalFromTheServer(@TempDir Path dir) throws Exception {
        try (MissionFile file = FixtureMission.create(dir.resolve("fixture.essp"));
             TeamServer server = connect(postgres.newDatabase())) {
            // a change through the writer, so that the audit log and a version 2 row are copied as well
            var essp = file.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            SyncedRows.update(file.dsl(), EditContext.system("test"), ESSP, essp.getId(), 1, Map.of(ESSP.NOTES, "Visité le 3 mars"));
            essp = file.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            List<String> progress = new ArrayList<>();

            ServerMissions.InitResult result = ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, progress::add);

            assertThat(result.versionBefore()).isZero();
            assertThat(result.versionAfter()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(result.copied().get("essp")).isEqualTo(7); // the fixture's 7 ESSPs, the soft-deleted one included
            assertThat(result.copied().get("mission")).isEqualTo(1);
            assertThat(progress).contains("essp: 7");
            Map<String, String> onServer = fingerprint(server.dsl());
            assertThat(onServer).isEqualTo(fingerprint(file.dsl()));
            assertThat(onServer.get("audit_log")).startsWith("1 "); // one changed field (notes) of E001
            assertThat(server.dsl().select(ESSP.VERSION, ESSP.NOTES).from(ESSP).where(ESSP.CODE.eq("E001")).fetchOne().intoArray())
                    .containsExactly(2, "Visité le 3 mars");

            // the identities continue after the copied ids: the next ESSP written on the server gets id 8
            var next = server.dsl().newRecord(ESSP, essp);
            next.reset(ESSP.ID);
            next.setCode("E100");
            next.setUuid("e-100");
            next.store();
            assertThat(next.getId()).isEqualTo(8);
        }
    }

    @Test
    void reservedCharactersEmptyTextAndEveryDigitOfADoubleReadBackIdentical(@TempDir Path dir) throws Exception {
        // the copy sends COPY text lines: a tab, a newline, a backslash or the text \N inside a value must not split,
        // end or null it; an empty text stays empty (not NULL); a double keeps every digit
        String awkward = "a\tb\nc\r\\N\\.\\ fin « مركز » é";
        try (MissionFile file = FixtureMission.create(dir.resolve("fixture.essp"));
             TeamServer server = connect(postgres.newDatabase())) {
            var essps = file.dsl().selectFrom(ESSP).orderBy(ESSP.ID).limit(3).fetch();
            EditContext edit = EditContext.system("test");
            SyncedRows.update(file.dsl(), edit, ESSP, essps.get(0).getId(), essps.get(0).getVersion(),
                    Map.of(ESSP.NOTES, awkward, ESSP.LATITUDE, 0.1 + 0.2, ESSP.LONGITUDE, -1.0E-300));
            SyncedRows.update(file.dsl(), edit, ESSP, essps.get(1).getId(), essps.get(1).getVersion(), Map.of(ESSP.NOTES, ""));
            SyncedRows.update(file.dsl(), edit, ESSP, essps.get(2).getId(), essps.get(2).getVersion(),
                    Map.of(ESSP.LATITUDE, 33.589886123456789));

            ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });

            assertThat(fingerprint(server.dsl())).isEqualTo(fingerprint(file.dsl()));
            var first = server.dsl().selectFrom(ESSP).where(ESSP.ID.eq(essps.get(0).getId())).fetchOne();
            assertThat(first.getNotes()).isEqualTo(awkward);
            assertThat(first.getLatitude()).isEqualTo(0.30000000000000004);
            assertThat(first.getLongitude()).isEqualTo(-1.0E-300);
            assertThat(server.dsl().select(ESSP.NOTES).from(ESSP).where(ESSP.ID.eq(essps.get(1).getId())).fetchOne().value1())
                    .isNotNull().isEmpty();
            assertThat(server.dsl().select(ESSP.LATITUDE).from(ESSP).where(ESSP.ID.eq(essps.get(2).getId())).fetchOne().value1())
                    .isEqualTo(33.589886123456789);
            // the audit rows of those edits went over too, the old and new values as text
            assertThat(server.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.NEW_VALUE.eq(awkward))).isEqualTo(1);
        }
    }

    @Test
    void copyTextEscapesWhatTheFormatReservesAndWritesEachTypeAsPostgresqlReadsIt() {
        StringBuilder out = new StringBuilder();
        for (Object value : new Object[] {null, Boolean.TRUE, Boolean.FALSE, 42, -7L, 0.1 + 0.2, 1.0E-300,
                java.time.LocalDate.of(2026, 3, 1), "", "a\tb", "l1\nl2\r", "C:\\x", "\\N"}) {
            MissionUpload.copyText(out, value);
            out.append('|');
        }
        assertThat(out.toString()).isEqualTo(
                "\\N|t|f|42|-7|0.30000000000000004|1.0E-300|2026-03-01||a\\tb|l1\\nl2\\r|C:\\\\x|\\\\N|");
    }

    @Test
    void theSmallDemoMissionReadsBackIdenticalFromTheServer(@TempDir Path dir) throws Exception {
        Path demo = dir.resolve("demo.essp");
        var summary = new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        try (MissionFile file = MissionFile.open(demo, dir.resolve("backups"));
             TeamServer server = connect(postgres.newMigratedDatabase())) {
            ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });
            Map<String, String> onServer = fingerprint(server.dsl());
            assertThat(onServer).isEqualTo(fingerprint(file.dsl()));
            int total = onServer.values().stream().mapToInt(v -> Integer.parseInt(v.split(" ")[0])).sum();
            assertThat(total).isGreaterThan(summary.totalRows()); // the generated rows and the reference data
            assertThat(server.dsl().fetchCount(ESSP)).isEqualTo(file.dsl().fetchCount(ESSP)).isGreaterThan(40);
        }
    }

    @Test
    void aServerThatHoldsAMissionIsNeverOverwrittenByAFile(@TempDir Path dir) throws Exception {
        try (MissionFile file = FixtureMission.create(dir.resolve("fixture.essp"));
             TeamServer server = connect(postgres.newMigratedDatabase())) {
            ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });
            String before = fingerprint(server.dsl()).toString();

            assertThatThrownBy(() -> ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { }))
                    .isInstanceOf(ServerException.class).hasMessageContaining("already holds the mission \"Mission de test\"");
            assertThat(fingerprint(server.dsl()).toString()).isEqualTo(before);
            // without a file, init on an up-to-date server changes nothing
            assertThat(ServerMissions.init(server, null, 0, null, line -> { }).versionBefore()).isEqualTo(SchemaMigrator.latestVersion());
        }
    }

    @Test
    void aServerMissionOfSchema7IsUpgradedWithItsRows() throws Exception {
        try (TeamServer server = connect(postgres.newDatabase())) {
            ServerMissions.InitResult at7 = ServerMissions.init(server, null, 0, 7, line -> { });
            assertThat(at7.versionAfter()).isEqualTo(7);
            DSLContext pg = server.dsl();
            // rows as a schema-7 mission holds them: a finding with its evidence as text, a recommendation pointing at it
            pg.execute("INSERT INTO mission (name, created_at, uuid, updated_at, updated_by) VALUES ('Mission 2026', '2026-01-05', 'm-1', '2026-01-05', 'u')");
            pg.execute("INSERT INTO finding (id, axis, scope_level, kind, title, evidence, uuid, updated_at, updated_by) "
                    + "VALUES (5, 2, 'national', 'weakness', 'Rapports en retard', 'Registre SMI 2025', 'f-5', '2026-02-01', 'u')");
            pg.execute("INSERT INTO recommendation (id, finding_id, axis, scope_level, text, uuid, updated_at, updated_by) "
                    + "VALUES (3, 5, 2, 'national', 'Saisir une seule fois', 'r-3', '2026-02-02', 'u')");

            ServerMissions.InitResult upgraded = ServerMissions.init(server, null, 0, null, line -> { });

            assertThat(upgraded.versionBefore()).isEqualTo(7);
            assertThat(upgraded.versionAfter()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(server.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            // V8 moved the recommendation's finding into recommendation_finding and the evidence text into a link
            assertThat(pg.select(RECOMMENDATION_FINDING.RECOMMENDATION_ID, RECOMMENDATION_FINDING.FINDING_ID, RECOMMENDATION_FINDING.UPDATED_AT)
                    .from(RECOMMENDATION_FINDING).fetchOne().intoArray()).containsExactly(3, 5, "2026-02-02");
            assertThat(pg.fetchValue("select document from finding_evidence where finding_id = 5")).isEqualTo("Registre SMI 2025");
            assertThat(pg.selectFrom(RECOMMENDATION).fetchOne().getText()).isEqualTo("Saisir une seule fois");
            assertThat(pg.selectFrom(FINDING).fetchOne().getTitle()).isEqualTo("Rapports en retard");
            // the generated tables (the latest schema) read the upgraded server; the identities continue past the kept ids
            assertThat(ServerMissions.status(server).counts()).extracting(ServerMissions.TableCount::table).contains("recommendation_finding");
            var recommendation = pg.newRecord(RECOMMENDATION);
            recommendation.setAxis(1);
            recommendation.setScopeLevel("national");
            recommendation.setText("Former les équipes");
            recommendation.setUuid("r-4");
            recommendation.setUpdatedAt("2026-03-01");
            recommendation.setUpdatedBy("u");
            recommendation.store();
            assertThat(recommendation.getId()).isEqualTo(4);
            assertThat(pg.fetchCount(AUDIT_LOG)).isZero();
        }
    }

    @Test
    void statusShowsTheVersionTheCountsAndTheLastChangePerMemberAndDevice(@TempDir Path dir) throws Exception {
        try (MissionFile file = FixtureMission.create(dir.resolve("fixture.essp"));
             TeamServer server = connect(postgres.newDatabase())) {
            assertThat(ServerMissions.status(server).schemaVersion()).isZero();
            ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });
            DSLContext pg = server.dsl();
            pg.execute("INSERT INTO team_member (full_name, uuid, updated_at, updated_by) VALUES ('Salma Idrissi', 'member-s', '2026-01-01', 'x')");
            pg.execute("INSERT INTO audit_log (at, member_uuid, device_id, table_name, row_uuid, action, field, old_value, new_value, old_version, new_version) VALUES "
                    + "('2026-03-01T10:00:00Z', 'member-s', 'laptop-1', 'essp', 'u1', 'update', 'notes', NULL, 'a', 1, 2), "
                    + "('2026-03-04T09:00:00Z', 'member-s', 'laptop-1', 'essp', 'u1', 'update', 'notes', 'a', 'b', 2, 3), "
                    + "('2026-03-02T08:00:00Z', 'member-s', 'laptop-2', 'essp', 'u2', 'delete', NULL, NULL, NULL, 1, 2), "
                    + "('2026-03-03T08:00:00Z', 'member-k', 'laptop-9', 'essp', 'u3', 'insert', NULL, NULL, NULL, NULL, 1)");

            ServerMissions.Status status = ServerMissions.status(server);

            assertThat(status.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(status.mission()).contains("Mission de test");
            assertThat(status.counts()).contains(new ServerMissions.TableCount("essp", 7, 1), new ServerMissions.TableCount("region", 12, 0));
            assertThat(status.lastChanges()).containsExactly(
                    new ServerMissions.LastChange("member-s", "Salma Idrissi", "laptop-1", "2026-03-04T09:00:00Z", 2),
                    new ServerMissions.LastChange("member-k", null, "laptop-9", "2026-03-03T08:00:00Z", 1),
                    new ServerMissions.LastChange("member-s", "Salma Idrissi", "laptop-2", "2026-03-02T08:00:00Z", 1));
        }
    }
}
