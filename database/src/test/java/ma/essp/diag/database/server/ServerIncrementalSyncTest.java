package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MERGE_RUN;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.SYNC_LOG;
import static ma.essp.diag.database.server.ServerSyncTest.AMINA;
import static ma.essp.diag.database.server.ServerSyncTest.BRAHIM;
import static ma.essp.diag.database.server.ServerSyncTest.create;
import static ma.essp.diag.database.server.ServerSyncTest.edit;
import static ma.essp.diag.database.server.ServerSyncTest.essp;
import static ma.essp.diag.database.server.ServerSyncTest.essps;
import static ma.essp.diag.database.server.ServerSyncTest.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.RegionRecord;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
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
 * The incremental synchronisation: after a first (full) synchronisation of both laptops, the next ones compare only the
 * tables changed on either side since the marks of the last one, with the plan a full analysis gives.
 */
class ServerIncrementalSyncTest {

    static TestPostgres postgres;

    @TempDir
    Path dir;
    String url;
    Path base;
    MissionFile a;
    MissionFile b;
    EditContext amina;
    EditContext brahim;
    TeamServer server;

    @BeforeAll
    static void start() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void twoLaptopsSynchronisedOnce() throws Exception {
        base = dir.resolve("base.essp");
        url = postgres.newMigratedDatabase();
        try (MissionFile file = FixtureMission.create(base); TeamServer init = connect()) {
            ServerMissions.init(init, file.dsl(), file.schemaVersion(), null, line -> { });
        }
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.copy(base, dir.resolve("a/mission.essp"));
        Files.copy(base, dir.resolve("b/mission.essp"));
        a = MissionFile.open(dir.resolve("a/mission.essp"), dir.resolve("a/upgrade"));
        b = MissionFile.open(dir.resolve("b/mission.essp"), dir.resolve("b/upgrade"));
        amina = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        brahim = new EditContext(BRAHIM, "laptop-B", Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        server = connect();
        // the first synchronisation of each laptop has no marks: it compares every table
        ServerSync.Result first = sync(a, amina);
        assertThat(first.incremental()).isFalse();
        assertThat(first.pullTables()).containsAll(List.of("essp", "region", "assessment", "merge_alias"));
        assertThat(sync(b, brahim).incremental()).isFalse();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        server.close();
    }

    TeamServer connect() throws ServerException {
        return TeamServer.connect(ServerAddress.of(url, "postgres"), null);
    }

    ServerSync.Result sync(MissionFile laptop, EditContext who) throws Exception {
        return new ServerSync(laptop, server).sync(who, none(), line -> { });
    }

    static void editRegion(MissionFile m, EditContext who, String code, int households) {
        RegionRecord r = m.dsl().selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOne();
        SyncedRows.update(m.dsl(), who, REGION, r.getId(), r.getVersion(), Map.of(REGION.HOUSEHOLDS_2024, households));
    }

    static String firstRegion(DSLContext dsl) {
        return dsl.select(REGION.CODE).from(REGION).orderBy(REGION.ID).limit(1).fetchOne().value1();
    }

    /** The full analysis of the same two sides: every table read. */
    MergePlan full(DSLContext mine, DSLContext theirs, String source) {
        return new MergeEngine().analyse(mine, theirs, source, ServerSync.missionUuid(mine));
    }

    /**
     * A real clock moves between the laptop's and the server's log rows of one sync: the two rows must still carry one
     * instant, or the next sync would not find the laptop's last sync on the server and would compare everything.
     */
    @Test
    void aClockThatMovesDuringTheSyncStillLeavesMarksTheNextSyncFinds() throws Exception {
        EditContext ticking = new EditContext(AMINA, "laptop-A", new TickingClock(Instant.parse("2026-12-02T09:00:00Z")));
        assertThat(sync(a, ticking).incremental()).isTrue(); // the marks of the set-up's sync (a fixed clock)
        ServerSync.Result next = sync(a, ticking);
        assertThat(next.incremental()).isTrue();
        assertThat(next.pullTables()).isEmpty();
        assertThat(next.pushTables()).isEmpty();
    }

    /** One second later at every reading. */
    static final class TickingClock extends Clock {
        private Instant now;

        TickingClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @Test
    void nothingChangedOnEitherSideReadsNoTableAndWritesNothingButTheLogs() throws Exception {
        int serverAudit = server.dsl().fetchCount(AUDIT_LOG);
        int laptopAudit = a.dsl().fetchCount(AUDIT_LOG);
        int serverRuns = server.dsl().fetchCount(MERGE_RUN);
        int laptopRuns = a.dsl().fetchCount(MERGE_RUN);
        Map<String, String> before = essps(server.dsl());

        ServerSync.Preview preview = new ServerSync(a, server).preview();
        assertThat(preview.pull().analysedTables()).isEmpty();
        assertThat(preview.push().analysedTables()).isEmpty();

        ServerSync.Result again = sync(a, amina);
        assertThat(again.incremental()).isTrue();
        assertThat(again.pullTables()).isEmpty();
        assertThat(again.pushTables()).isEmpty();
        assertThat(again.rowsPulled() + again.rowsPushed() + again.conflicts()).isZero();
        assertThat(again.backup()).isNull();
        // nothing written but the two sync_log rows: no audit row, no merge run, on either side
        assertThat(server.dsl().fetchCount(AUDIT_LOG)).isEqualTo(serverAudit);
        assertThat(a.dsl().fetchCount(AUDIT_LOG)).isEqualTo(laptopAudit);
        assertThat(server.dsl().fetchCount(MERGE_RUN)).isEqualTo(serverRuns);
        assertThat(a.dsl().fetchCount(MERGE_RUN)).isEqualTo(laptopRuns);
        assertThat(a.dsl().fetchCount(SYNC_LOG)).isEqualTo(2);
        assertThat(server.dsl().fetchCount(SYNC_LOG)).isEqualTo(3); // A, B, A again
        assertThat(essps(server.dsl())).isEqualTo(before);
        // the marks recorded alike on both sides
        var mine = a.dsl().selectFrom(SYNC_LOG).orderBy(SYNC_LOG.ID.desc()).limit(1).fetchOne();
        assertThat(mine.getLaptopAuditId()).isEqualTo(ServerSync.maxAuditId(a.dsl()));
        assertThat(mine.getServerAuditId()).isEqualTo(ServerSync.maxAuditId(server.dsl()));
        assertThat(mine.getSchemaVersion()).isEqualTo(a.schemaVersion());
        assertThat(server.dsl().fetchExists(SYNC_LOG, SYNC_LOG.LAPTOP_AUDIT_ID.eq(mine.getLaptopAuditId())
                .and(SYNC_LOG.DEVICE_ID.eq("laptop-A")))).isTrue();
    }

    @Test
    void oneChangeOnEachSideAnalysesOnlyThoseTablesWithThePlanOfAFullAnalysis() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "vu par Amina");
        ServerSync.Result pushed = sync(a, amina);
        assertThat(pushed.incremental()).isTrue();
        assertThat(pushed.pullTables()).containsExactly("essp");
        assertThat(pushed.pushTables()).containsExactly("essp");
        assertThat(pushed.rowsPushed()).isEqualTo(1);

        String region = firstRegion(b.dsl());
        editRegion(b, brahim, region, 123_456);
        ServerSync.Preview preview = new ServerSync(b, server).preview();
        assertThat(preview.pull().analysedTables()).containsExactly("region", "essp");
        assertThat(preview.push().analysedTables()).containsExactly("region", "essp");
        MergePlan fullPull = full(b.dsl(), server.dsl(), url);
        MergePlan fullPush = full(server.dsl(), b.dsl(), b.path().getFileName().toString());
        assertThat(fullPull.analysedTables()).hasSizeGreaterThan(20);
        assertThat(preview.pull().rows()).isEqualTo(fullPull.rows()).hasSize(1);
        assertThat(preview.pull().rows().getFirst().table()).isEqualTo("essp");
        assertThat(preview.push().rows()).isEqualTo(fullPush.rows())
                .anySatisfy(r -> assertThat(r.table()).isEqualTo("region"));
        assertThat(preview.pull().duplicates()).isEqualTo(fullPull.duplicates());
        assertThat(preview.push().duplicates()).isEqualTo(fullPush.duplicates());

        ServerSync.Result result = sync(b, brahim);
        assertThat(result.incremental()).isTrue();
        assertThat(result.pullTables()).containsExactly("region", "essp");
        assertThat(result.rowsPulled()).isEqualTo(1);
        assertThat(result.rowsPushed()).isEqualTo(1);
        assertThat(essp(b.dsl(), "E001").getNotes()).isEqualTo("vu par Amina");
        assertThat(server.dsl().select(REGION.HOUSEHOLDS_2024).from(REGION).where(REGION.CODE.eq(region)).fetchOne().value1())
                .isEqualTo(123_456);
        // the same end as a full synchronisation: a full analysis finds nothing left either way
        assertThat(full(b.dsl(), server.dsl(), url).nothingToDo()).isTrue();
        assertThat(full(server.dsl(), b.dsl(), "b").nothingToDo()).isTrue();
        ServerSync.Result aAgain = sync(a, amina);
        assertThat(aAgain.pullTables()).containsExactly("region"); // the server changed only it since A synchronised
        assertThat(aAgain.rowsPulled()).isEqualTo(1);
        assertThat(aAgain.rowsPushed()).isZero();
        assertThat(full(a.dsl(), server.dsl(), url).nothingToDo()).isTrue();
        assertThat(full(server.dsl(), a.dsl(), "a").nothingToDo()).isTrue();
        assertThat(sync(a, amina).pullTables()).isEmpty();
    }

    /**
     * A bulk edit of every live ESSP on two fields: the push updates those rows and no other (PostgreSQL's own count of
     * the rows its transaction updated and inserted, read just before it commits), journals each field once, and leaves
     * the server holding the laptop's values, as a full analysis confirms both ways.
     */
    @Test
    void aBulkEditIsPushedAsItsChangedRowsOnlyAndLeavesBothSidesTheSame() throws Exception {
        var live = a.dsl().selectFrom(ESSP).where(ESSP.DELETED.isFalse()).orderBy(ESSP.ID).fetch();
        assertThat(live).hasSize(6); // the fixture's 7 ESSPs, one soft-deleted
        List<SyncedRows.Change> changes = new ArrayList<>();
        for (var e : live) {
            changes.add(new SyncedRows.Change(e.getId(), e.getVersion(),
                    Map.of(ESSP.NOTES, "tournée " + e.getCode(), ESSP.LATITUDE, 30.5 + e.getId() / 1000.0)));
        }
        a.dsl().transaction(c -> SyncedRows.updateAll(c.dsl(), amina, ESSP, changes));
        Map<String, List<Long>> written = new HashMap<>();
        ServerSync sync = new ServerSync(a, server);
        sync.hook = tx -> tx.resultQuery("SELECT relname, n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables"
                + " WHERE relname IN ('essp', 'region', 'merge_journal')").forEach(r ->
                written.put(r.get(0, String.class), List.of(r.get(1, Long.class), r.get(2, Long.class))));

        ServerSync.Result result = sync.sync(amina, none(), line -> { });

        assertThat(result.incremental()).isTrue();
        assertThat(result.pushTables()).containsExactly("essp");
        assertThat(result.rowsPulled()).isZero();
        assertThat(result.rowsPushed()).isEqualTo(6);
        assertThat(written.get("essp")).containsExactly(0L, 6L); // 6 rows updated, none inserted
        assertThat(written.get("merge_journal")).containsExactly(12L, 0L); // 6 rows x 2 fields taken
        assertThat(written.get("region")).containsExactly(0L, 0L);
        for (var e : live) {
            var there = server.dsl().selectFrom(ESSP).where(ESSP.UUID.eq(e.getUuid())).fetchOne();
            assertThat(there.getNotes()).isEqualTo("tournée " + e.getCode());
            assertThat(there.getLatitude()).isEqualTo(30.5 + e.getId() / 1000.0);
            assertThat(there.getVersion()).isEqualTo(essp(a.dsl(), e.getCode()).getVersion());
        }
        assertThat(server.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("essp").and(AUDIT_LOG.FIELD.eq("latitude"))
                .and(AUDIT_LOG.DEVICE_ID.eq("laptop-A")))).isEqualTo(6 + 6); // the laptop's edits copied, and the push's own
        assertThat(full(a.dsl(), server.dsl(), url).nothingToDo()).isTrue();
        assertThat(full(server.dsl(), a.dsl(), "a").nothingToDo()).isTrue();
        assertThat(sync(a, amina).pullTables()).isEmpty();
        ServerSync.Result other = sync(b, brahim);
        assertThat(other.rowsPulled()).isEqualTo(6);
        assertThat(essp(b.dsl(), live.getFirst().getCode()).getNotes()).isEqualTo("tournée " + live.getFirst().getCode());
    }

    @Test
    void aRetryAfterADroppedPushNeitherLosesNorDoublesAChange() throws Exception {
        edit(b, brahim, "E002", ESSP.NOTES, "Brahim");
        sync(b, brahim);
        edit(a, amina, "E001", ESSP.NOTES, "avant la coupure");
        create(a, amina, "E900", "CSU Nouveau A");
        int serverAudit = server.dsl().fetchCount(AUDIT_LOG);
        String database = url.substring(url.lastIndexOf('/') + 1);

        ServerSync cut = new ServerSync(a, server);
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
        assertThat(essp(a.dsl(), "E002").getNotes()).isEqualTo("Brahim"); // the pull was kept
        server.close();
        server = connect();
        assertThat(server.dsl().fetchCount(AUDIT_LOG)).isEqualTo(serverAudit);

        ServerSync.Result retry = sync(a, amina);
        assertThat(retry.incremental()).isTrue(); // from the marks of the last completed synchronisation
        assertThat(retry.pullTables()).containsExactly("essp");
        assertThat(retry.rowsPulled()).isZero(); // Brahim's note is already here
        assertThat(retry.rowsPushed()).isEqualTo(2);
        assertThat(server.dsl().fetchCount(ESSP, ESSP.CODE.eq("E900"))).isEqualTo(1);
        assertThat(server.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.NEW_VALUE.eq("avant la coupure")
                .and(AUDIT_LOG.MEMBER_UUID.eq(AMINA)))).isEqualTo(2); // the push's update and the copied edit
        assertThat(a.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.NEW_VALUE.eq("Brahim"))).isEqualTo(2); // pulled once
        assertThat(full(server.dsl(), a.dsl(), "a").nothingToDo()).isTrue();
        assertThat(full(a.dsl(), server.dsl(), url).nothingToDo()).isTrue();
        assertThat(essps(server.dsl())).isEqualTo(essps(a.dsl()));
    }

    @Test
    void aServerInitialisedAgainIsComparedInFull() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "un");
        String other = postgres.newMigratedDatabase();
        try (MissionFile file = MissionFile.open(base, dir.resolve("upgrade"));
             TeamServer init = TeamServer.connect(ServerAddress.of(other, "postgres"), null)) {
            ServerMissions.init(init, file.dsl(), file.schemaVersion(), null, line -> { });
        }
        try (TeamServer again = TeamServer.connect(ServerAddress.of(other, "postgres"), null)) {
            ServerSync.Result result = new ServerSync(a, again).sync(amina, none(), line -> { });
            assertThat(result.incremental()).isFalse(); // its sync_log does not hold this laptop's last synchronisation
            assertThat(result.rowsPushed()).isEqualTo(1);
            assertThat(essp(again.dsl(), "E001").getNotes()).isEqualTo("un");
        }
    }
}
