package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.SYNC_LOG;
import static ma.essp.diag.database.server.ServerIncrementalSyncTest.editRegion;
import static ma.essp.diag.database.server.ServerIncrementalSyncTest.firstRegion;
import static ma.essp.diag.database.server.ServerSyncTest.AMINA;
import static ma.essp.diag.database.server.ServerSyncTest.BRAHIM;
import static ma.essp.diag.database.server.ServerSyncTest.create;
import static ma.essp.diag.database.server.ServerSyncTest.edit;
import static ma.essp.diag.database.server.ServerSyncTest.essp;
import static ma.essp.diag.database.server.ServerSyncTest.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.SyncLogRecord;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first synchronisation of the file a server mission was initialised from ({@code server init --from}): the init
 * records its marks on both sides, so that file (or a copy of it taken after the init) compares only the tables changed
 * since, with the plan a full analysis gives; a copy taken before the init has no marks and compares every table.
 */
class ServerInitMarksTest {

    static TestPostgres postgres;

    @TempDir
    Path dir;
    String url;
    /** The coordinator's file, the one the server is initialised from (open). */
    MissionFile coordinatorFile;
    /** A copy of it taken before the init (closed). */
    Path before;
    TeamServer server;
    final EditContext coordinator = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
    final EditContext amina = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
    final EditContext brahim = new EditContext(BRAHIM, "laptop-B", Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void start() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void initialiseFromTheCoordinatorsFile() throws Exception {
        coordinatorFile = FixtureMission.create(dir.resolve("coordinator.essp"));
        edit(coordinatorFile, amina, "E002", ESSP.NOTES, "avant le serveur"); // a history before the init
        before = dir.resolve("before.essp");
        MissionFile.copyConsistently(coordinatorFile.path(), before);
        url = postgres.newMigratedDatabase();
        server = TeamServer.connect(ServerAddress.of(url, "postgres"), null);
        ServerMissions.init(server, coordinatorFile, coordinator, null, line -> { });
    }

    @AfterEach
    void close() {
        coordinatorFile.close();
        server.close();
    }

    MergePlan full(DSLContext mine, DSLContext theirs, String source) {
        return new MergeEngine().analyse(mine, theirs, source, ServerSync.missionUuid(mine));
    }

    ServerSync.Result sync(MissionFile laptop, EditContext who) throws Exception {
        return new ServerSync(laptop, server).sync(who, none(), line -> { });
    }

    @Test
    void theInitRecordsTheSameMarksOnBothSides() {
        SyncLogRecord onFile = coordinatorFile.dsl().selectFrom(SYNC_LOG).orderBy(SYNC_LOG.ID.desc()).limit(1).fetchOne();
        SyncLogRecord onServer = server.dsl().selectFrom(SYNC_LOG).orderBy(SYNC_LOG.ID.desc()).limit(1).fetchOne();
        int fileAudit = coordinatorFile.dsl().fetchCount(AUDIT_LOG); // ids 1..n: the fixture's history and the edit above
        assertThat(fileAudit).isPositive();
        assertThat(coordinatorFile.dsl().fetchCount(SYNC_LOG)).isEqualTo(1);
        int copied = -1;
        for (var table : MissionTables.inForeignKeyOrder()) {
            copied += coordinatorFile.dsl().fetchCount(table);
        }
        for (SyncLogRecord log : List.of(onFile, onServer)) {
            assertThat(log.getSyncedAt()).isEqualTo(coordinator.now());
            assertThat(log.getMemberUuid()).isEqualTo(AMINA);
            assertThat(log.getDeviceId()).isEqualTo("laptop-A");
            assertThat(log.getServerUrl()).isEqualTo(url);
            // the server's audit is the file's, ids kept: both marks are the file's highest audit id
            assertThat(log.getServerAuditId()).isEqualTo(fileAudit);
            assertThat(log.getLaptopAuditId()).isEqualTo(fileAudit);
            assertThat(log.getSchemaVersion()).isEqualTo(coordinatorFile.schemaVersion());
            assertThat(log.getRowsPulled()).isZero();
            assertThat(log.getRowsPushed()).isEqualTo(copied); // every row of the file but its own init row
        }
        assertThat(ServerSync.maxAuditId(server.dsl())).isEqualTo(fileAudit);
    }

    @Test
    void nothingChangedTheFirstSyncOfTheFileReadsNoTable() throws Exception {
        ServerSync.Result first = sync(coordinatorFile, amina);
        assertThat(first.incremental()).isTrue();
        assertThat(first.pullTables()).isEmpty();
        assertThat(first.pushTables()).isEmpty();
        assertThat(first.rowsPulled()).isZero();
        assertThat(first.rowsPushed()).isZero();
        // a copy of the file taken after the init carries the same marks
        Path after = dir.resolve("after.essp");
        MissionFile.copyConsistently(coordinatorFile.path(), after);
        try (MissionFile copy = MissionFile.open(after, dir.resolve("upgrade"))) {
            assertThat(sync(copy, brahim).pullTables()).isEmpty();
        }
    }

    @Test
    void changesOnBothSidesAreAnalysedInTheirTablesOnlyWithThePlanOfAFullAnalysis() throws Exception {
        String region = firstRegion(server.dsl());
        try (MissionFile copyBefore = MissionFile.open(before, dir.resolve("upgrade"))) {
            editRegion(copyBefore, brahim, region, 123_456);
            ServerSync.Result full = sync(copyBefore, brahim);
            assertThat(full.incremental()).isFalse(); // taken before the init: no marks, every table compared
            assertThat(full.pullTables()).hasSizeGreaterThan(20);
            assertThat(full.rowsPushed()).isEqualTo(1);
        }
        edit(coordinatorFile, amina, "E001", ESSP.NOTES, "vu par Amina");
        create(coordinatorFile, amina, "E900", "CSU Nouveau A");

        ServerSync.Preview preview = new ServerSync(coordinatorFile, server).preview();
        assertThat(preview.pull().analysedTables()).containsExactly("region", "essp");
        MergePlan fullPull = full(coordinatorFile.dsl(), server.dsl(), url);
        MergePlan fullPush = full(server.dsl(), coordinatorFile.dsl(), "coordinator.essp");
        assertThat(fullPull.analysedTables()).hasSizeGreaterThan(20);
        assertThat(preview.pull().rows()).isEqualTo(fullPull.rows()).hasSize(1);
        assertThat(preview.pull().rows().getFirst().table()).isEqualTo("region");
        assertThat(preview.push().rows()).isEqualTo(fullPush.rows()).hasSize(2); // E001 and E900 (the region is the server's own)
        assertThat(preview.pull().duplicates()).isEqualTo(fullPull.duplicates());
        assertThat(preview.push().duplicates()).isEqualTo(fullPush.duplicates());

        ServerSync.Result result = sync(coordinatorFile, amina);
        assertThat(result.incremental()).isTrue();
        assertThat(result.rowsPulled()).isEqualTo(1);
        assertThat(result.rowsPushed()).isEqualTo(2);
        assertThat(coordinatorFile.dsl().select(REGION.HOUSEHOLDS_2024).from(REGION).where(REGION.CODE.eq(region))
                .fetchOne().value1()).isEqualTo(123_456);
        assertThat(essp(server.dsl(), "E001").getNotes()).isEqualTo("vu par Amina");
        assertThat(server.dsl().fetchCount(ESSP, ESSP.CODE.eq("E900"))).isEqualTo(1);
        assertThat(full(coordinatorFile.dsl(), server.dsl(), url).nothingToDo()).isTrue();
        assertThat(full(server.dsl(), coordinatorFile.dsl(), "coordinator.essp").nothingToDo()).isTrue();
    }

    @Test
    void aRetryAfterADroppedPushFromTheInitsMarksNeitherLosesNorDoublesAChange() throws Exception {
        edit(coordinatorFile, amina, "E001", ESSP.NOTES, "avant la coupure");
        create(coordinatorFile, amina, "E900", "CSU Nouveau A");
        int serverAudit = server.dsl().fetchCount(AUDIT_LOG);
        String database = url.substring(url.lastIndexOf('/') + 1);
        ServerSync cut = new ServerSync(coordinatorFile, server);
        cut.hook = tx -> {
            try {
                postgres.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND application_name = 'essp-diag'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThatThrownBy(() -> cut.sync(amina, none(), line -> { })).isInstanceOf(ServerException.class)
                .hasMessageContaining("connection to the server was lost");
        server.close();
        server = TeamServer.connect(ServerAddress.of(url, "postgres"), null);
        assertThat(server.dsl().fetchCount(AUDIT_LOG)).isEqualTo(serverAudit);
        assertThat(server.dsl().fetchCount(ESSP, ESSP.CODE.eq("E900"))).isZero();

        ServerSync.Result retry = sync(coordinatorFile, amina);
        assertThat(retry.incremental()).isTrue(); // still from the init's marks
        assertThat(retry.pullTables()).containsExactly("essp");
        assertThat(retry.rowsPulled()).isZero();
        assertThat(retry.rowsPushed()).isEqualTo(2);
        assertThat(server.dsl().fetchCount(ESSP, ESSP.CODE.eq("E900"))).isEqualTo(1);
        assertThat(server.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.NEW_VALUE.eq("avant la coupure")
                .and(AUDIT_LOG.MEMBER_UUID.eq(AMINA)))).isEqualTo(2); // the push's update and the copied edit
        assertThat(full(server.dsl(), coordinatorFile.dsl(), "coordinator.essp").nothingToDo()).isTrue();
        assertThat(full(coordinatorFile.dsl(), server.dsl(), url).nothingToDo()).isTrue();
    }

    @Test
    void anInitRefusedByTheServerRecordsNothingInTheFile() throws Exception {
        try (MissionFile other = FixtureMission.create(dir.resolve("other.essp"))) {
            assertThatThrownBy(() -> ServerMissions.init(server, other, coordinator, null, line -> { }))
                    .isInstanceOf(ServerException.class).hasMessageContaining("already holds the mission");
            assertThat(other.dsl().fetchCount(SYNC_LOG)).isZero();
        }
        assertThat(server.dsl().fetchCount(SYNC_LOG)).isEqualTo(1);
    }
}
