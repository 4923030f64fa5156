package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MERGE_JOURNAL;
import static ma.essp.diag.database.jooq.Tables.SYNC_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.merge.MergeBlockedException;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeDecisions.Take;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops (Amina on laptop-A, Brahim on laptop-B), each with a copy of the fixture mission, and a team server on a
 * real PostgreSQL initialised from the same file; they synchronise with the server in turn.
 */
class ServerSyncTest {

    static final String AMINA = "11111111-1111-1111-1111-111111111111";
    static final String BRAHIM = "22222222-2222-2222-2222-222222222222";

    static TestPostgres postgres;

    @TempDir
    Path dir;
    String url;
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
    void twoLaptopsAndAServer() throws Exception {
        Path base = dir.resolve("base.essp");
        url = postgres.newMigratedDatabase();
        try (MissionFile file = FixtureMission.create(base); TeamServer init = connect("postgres")) {
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
        server = connect("postgres");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        server.close();
    }

    // ------------------------------------------------------------------ helpers

    TeamServer connect(String role) throws ServerException {
        return TeamServer.connect(ServerAddress.of(url, role), null);
    }

    static EsspRecord essp(DSLContext dsl, String code) {
        return dsl.selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
    }

    static void edit(MissionFile m, EditContext who, String code, Field<?> field, Object value) {
        EsspRecord e = essp(m.dsl(), code);
        SyncedRows.update(m.dsl(), who, ESSP, e.getId(), e.getVersion(), Map.of(field, value));
    }

    static void create(MissionFile m, EditContext who, String code, String name) {
        EsspRecord e = m.dsl().newRecord(ESSP);
        e.setCode(code);
        e.setNameFr(name);
        e.setCategoryCode("CSU-1");
        e.setCirconscriptionId(m.dsl().select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION)
                .where(CIRCONSCRIPTION.CODE.eq("C-CAS-1")).fetchOne().value1());
        e.setMilieu("urban");
        SyncedRows.insert(m.dsl(), who, e);
    }

    ServerSync.Result sync(MissionFile laptop, EditContext who, MergeDecisions decisions) throws Exception {
        return new ServerSync(laptop, server).sync(who, decisions, line -> { });
    }

    static MergeDecisions none() {
        return MergeDecisions.of(null, null, false);
    }

    /** Every ESSP's code to its compared columns (the merge's text form), the same on any side once synchronised. */
    static Map<String, String> essps(DSLContext dsl) {
        Map<String, String> rows = new TreeMap<>();
        dsl.selectFrom(ESSP).forEach(r -> rows.put(r.getUuid(), r.getCode() + "|" + r.getNameFr() + "|" + r.getNotes() + "|"
                + r.getPopulationServed() + "|" + r.getFunctionality() + "|" + r.getDeleted()));
        return rows;
    }

    /** A full round: A, B, then A again; after it the three hold the same rows and a further sync writes nothing. */
    void round() throws Exception {
        sync(a, amina, none());
        sync(b, brahim, none());
        sync(a, amina, none());
        assertThat(essps(a.dsl())).isEqualTo(essps(server.dsl())).isEqualTo(essps(b.dsl()));
        ServerSync.Result again = sync(b, brahim, none());
        assertThat(again.rowsPulled()).isZero();
        assertThat(again.rowsPushed()).isZero();
    }

    // ------------------------------------------------------------------ cases

    @Test
    void changesOnEachLaptopReachTheServerAndTheOtherLaptop() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "vu par Amina");
        edit(b, brahim, "E002", ESSP.POPULATION_SERVED, 41_000);

        ServerSync.Result first = sync(a, amina, none());
        assertThat(first.rowsPulled()).isZero();
        assertThat(first.rowsPushed()).isEqualTo(1);
        assertThat(essp(server.dsl(), "E001").getNotes()).isEqualTo("vu par Amina");

        ServerSync.Result second = sync(b, brahim, none());
        assertThat(second.rowsPulled()).isEqualTo(1); // Amina's note
        assertThat(second.rowsPushed()).isEqualTo(1); // Brahim's population
        assertThat(second.backup()).exists();
        assertThat(essp(b.dsl(), "E001").getNotes()).isEqualTo("vu par Amina");
        assertThat(essp(server.dsl(), "E002").getPopulationServed()).isEqualTo(41_000);

        round();
        assertThat(essp(a.dsl(), "E002").getPopulationServed()).isEqualTo(41_000);
    }

    @Test
    void parallelEditsOfDifferentFieldsOfOneRowAreBothKept() throws Exception {
        edit(a, amina, "E003", ESSP.NOTES, "toit refait");
        edit(b, brahim, "E003", ESSP.FUNCTIONALITY, "partially");
        round();
        EsspRecord onServer = essp(server.dsl(), "E003");
        assertThat(onServer.getNotes()).isEqualTo("toit refait");
        assertThat(onServer.getFunctionality()).isEqualTo("partially");
    }

    @Test
    void aConflictStopsTheSyncUntilDecidedAndTheServerKeepsTheLosingValueInItsAudit() throws Exception {
        edit(a, amina, "E001", ESSP.POPULATION_SERVED, 31_000);
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 32_000);
        sync(a, amina, none());
        Map<String, String> serverBefore = essps(server.dsl());
        Map<String, String> laptopBefore = essps(b.dsl());

        assertThatThrownBy(() -> sync(b, brahim, none())).isInstanceOf(MergeBlockedException.class)
                .satisfies(e -> assertThat(((MergeBlockedException) e).conflicts()).isEqualTo(1));
        assertThat(essps(server.dsl())).isEqualTo(serverBefore);
        assertThat(essps(b.dsl())).isEqualTo(laptopBefore);

        // Brahim keeps his value: the server takes it, its audit keeps Amina's 31000 as the old value
        ServerSync.Result result = sync(b, brahim, MergeDecisions.of(Take.MINE, null, false));
        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(essp(server.dsl(), "E001").getPopulationServed()).isEqualTo(32_000);
        String uuid = essp(server.dsl(), "E001").getUuid();
        assertThat(server.dsl().select(AUDIT_LOG.OLD_VALUE, AUDIT_LOG.NEW_VALUE).from(AUDIT_LOG)
                .where(AUDIT_LOG.ROW_UUID.eq(uuid)).and(AUDIT_LOG.FIELD.eq("population_served"))
                .and(AUDIT_LOG.MEMBER_UUID.eq(BRAHIM)).and(AUDIT_LOG.OLD_VALUE.eq("31000")).fetch()).isNotEmpty();
        assertThat(server.dsl().fetchExists(MERGE_JOURNAL, MERGE_JOURNAL.ROW_UUID.eq(uuid)
                .and(MERGE_JOURNAL.MINE_VALUE.eq("31000")).and(MERGE_JOURNAL.RESULT_VALUE.eq("32000")))).isTrue();
        round();
        assertThat(essp(a.dsl(), "E001").getPopulationServed()).isEqualTo(32_000);
    }

    @Test
    void aConflictResolvedForTheServerLeavesItAsItWasAndKeepsTheLaptopsEditInItsAudit() throws Exception {
        edit(a, amina, "E005", ESSP.NOTES, "Amina");
        edit(b, brahim, "E005", ESSP.NOTES, "Brahim");
        sync(a, amina, none());
        ServerSync.Result result = sync(b, brahim, MergeDecisions.of(Take.THEIRS, null, false));
        assertThat(result.rowsPushed()).isZero();
        assertThat(essp(b.dsl(), "E005").getNotes()).isEqualTo("Amina");
        assertThat(essp(server.dsl(), "E005").getNotes()).isEqualTo("Amina");
        // Brahim's losing edit is in the server's history (copied with the laptop's audit)
        assertThat(server.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.NEW_VALUE.eq("Brahim").and(AUDIT_LOG.MEMBER_UUID.eq(BRAHIM))))
                .isEqualTo(1);
        round();
    }

    @Test
    void aDeletionAgainstAnEditIsAConflictToo() throws Exception {
        EsspRecord e = essp(a.dsl(), "E004");
        SyncedRows.softDelete(a.dsl(), amina, ESSP, e.getId(), e.getVersion());
        edit(b, brahim, "E004", ESSP.NOTES, "encore ouvert");
        sync(a, amina, none());
        assertThat(essp(server.dsl(), "E004").getDeleted()).isTrue();
        assertThatThrownBy(() -> sync(b, brahim, none())).isInstanceOf(MergeBlockedException.class);
        sync(b, brahim, MergeDecisions.of(Take.MINE, null, false)); // Brahim's: the ESSP stays, with his note
        EsspRecord onServer = essp(server.dsl(), "E004");
        assertThat(onServer.getDeleted()).isFalse();
        assertThat(onServer.getNotes()).isEqualTo("encore ouvert");
        round();
        assertThat(essp(a.dsl(), "E004").getDeleted()).isFalse();
    }

    @Test
    void rowsCreatedOnBothLaptopsEndUpOnceEverywhere() throws Exception {
        create(a, amina, "E900", "CSU Nouveau A");
        create(b, brahim, "E901", "CSU Nouveau B");
        round();
        for (DSLContext dsl : List.of(a.dsl(), b.dsl(), server.dsl())) {
            assertThat(dsl.fetchCount(ESSP, ESSP.CODE.in("E900", "E901"))).isEqualTo(2);
            assertThat(dsl.fetchCount(ESSP)).isEqualTo(9); // the fixture's 7 and the two new ones
        }
        assertThat(essp(a.dsl(), "E901").getUuid()).isEqualTo(essp(server.dsl(), "E901").getUuid());
    }

    @Test
    void anEsspCodeGivenOutOnBothSidesIsRefusedWithNothingWritten() throws Exception {
        create(a, amina, "E900", "CSU Nouveau A");
        create(b, brahim, "E900", "CSU Tout autre");
        sync(a, amina, none());
        Map<String, String> before = essps(b.dsl());
        assertThatThrownBy(() -> sync(b, brahim, MergeDecisions.of(Take.MINE, null, true)))
                .isInstanceOf(ServerException.class).hasMessageContaining("E900").hasMessageContaining("another code");
        assertThat(essps(b.dsl())).isEqualTo(before);
    }

    @Test
    void aConnectionLostDuringThePushWritesNothingThereAndTheRetryNeitherLosesNorDoublesAChange() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "avant la coupure");
        create(a, amina, "E900", "CSU Nouveau A");
        Map<String, String> serverBefore = essps(server.dsl());
        int auditBefore = server.dsl().fetchCount(AUDIT_LOG);
        String database = url.substring(url.lastIndexOf('/') + 1);

        ServerSync cut = new ServerSync(a, server);
        cut.hook = tx -> {
            try { // another connection ends this one's backend, its transaction open and its rows written
                postgres.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND application_name = 'essp-diag'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThatThrownBy(() -> cut.sync(amina, none(), line -> { })).isInstanceOf(ServerException.class)
                .hasMessageContaining("connection to the server was lost");

        server.close();
        server = connect("postgres");
        assertThat(essps(server.dsl())).isEqualTo(serverBefore);
        assertThat(server.dsl().fetchCount(AUDIT_LOG)).isEqualTo(auditBefore);
        assertThat(server.dsl().fetchCount(SYNC_LOG)).isZero();

        ServerSync.Result retry = sync(a, amina, none());
        assertThat(retry.rowsPushed()).isEqualTo(2);
        assertThat(server.dsl().fetchCount(ESSP, ESSP.CODE.eq("E900"))).isEqualTo(1);
        assertThat(essp(server.dsl(), "E001").getNotes()).isEqualTo("avant la coupure");
        // once: the push's update of the row, and Amina's edit copied from the laptop's history (a doubled push: 4)
        assertThat(server.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.NEW_VALUE.eq("avant la coupure")
                .and(AUDIT_LOG.MEMBER_UUID.eq(AMINA)).and(AUDIT_LOG.DEVICE_ID.eq("laptop-A")))).isEqualTo(2);
        assertThat(server.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.MERGE_RUN)).isEqualTo(1);
        ServerSync.Result again = sync(a, amina, none());
        assertThat(again.rowsPulled() + again.rowsPushed()).isZero();
        assertThat(essps(server.dsl())).isEqualTo(essps(a.dsl()));
    }

    @Test
    void aFailureInsideThePushRollsItBack() throws Exception {
        edit(a, amina, "E002", ESSP.NOTES, "x");
        ServerSync failing = new ServerSync(a, server);
        failing.hook = tx -> {
            throw new IllegalStateException("mid-push");
        };
        Map<String, String> before = essps(server.dsl());
        assertThatThrownBy(() -> failing.sync(amina, none(), line -> { })).hasMessageContaining("mid-push");
        assertThat(essps(server.dsl())).isEqualTo(before);
        assertThat(sync(a, amina, none()).rowsPushed()).isEqualTo(1);
        assertThat(essp(server.dsl(), "E002").getNotes()).isEqualTo("x");
    }

    @Test
    void aServerChangedBetweenPullAndPushIsPulledAgainFirst() throws Exception {
        edit(a, amina, "E006", ESSP.NOTES, "Amina");
        edit(b, brahim, "E005", ESSP.NOTES, "Brahim");
        ServerSync bSync = new ServerSync(b, server);
        AtomicInteger pulls = new AtomicInteger();
        bSync.afterPull = () -> {
            if (pulls.incrementAndGet() == 1) { // Amina pushes while Brahim is between his pull and his push
                try (TeamServer other = connect("postgres")) {
                    new ServerSync(a, other).sync(amina, none(), line -> { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ServerSync.Result result = bSync.sync(brahim, none(), line -> { });
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(essp(b.dsl(), "E006").getNotes()).isEqualTo("Amina");
        assertThat(essp(server.dsl(), "E005").getNotes()).isEqualTo("Brahim");
        round();
    }

    @Test
    void aReaderCannotPush() throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        postgres.execute(database, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rania') THEN"
                + " CREATE ROLE rania LOGIN IN ROLE essp_reader; END IF; END $$");
        edit(b, brahim, "E002", ESSP.NOTES, "lecture seule");
        Map<String, String> before = essps(server.dsl());
        try (TeamServer asReader = connect("rania")) {
            assertThatThrownBy(() -> new ServerSync(b, asReader).sync(brahim, none(), line -> { }))
                    .isInstanceOf(ServerException.class).hasMessageContaining("rania may not write");
        }
        assertThat(essps(server.dsl())).isEqualTo(before);
    }

    @Test
    void bothSidesRecordTheSyncAndTheServerStatusShowsTheLastPerMemberAndDevice() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "un");
        sync(a, amina, none());
        edit(b, brahim, "E002", ESSP.NOTES, "deux");
        sync(b, brahim, none());
        sync(b, brahim, none());
        assertThat(a.dsl().fetchCount(SYNC_LOG)).isEqualTo(1);
        assertThat(b.dsl().fetchCount(SYNC_LOG)).isEqualTo(2);
        var last = b.dsl().selectFrom(SYNC_LOG).orderBy(SYNC_LOG.ID).fetch();
        assertThat(last.get(0).getRowsPulled()).isEqualTo(1);
        assertThat(last.get(0).getRowsPushed()).isEqualTo(1);
        assertThat(last.get(0).getServerUrl()).isEqualTo(url);

        List<ServerMissions.LastSync> syncs = ServerMissions.status(server).lastSyncs();
        assertThat(syncs).extracting(ServerMissions.LastSync::deviceId).containsExactly("laptop-B", "laptop-A");
        assertThat(syncs.get(0).syncs()).isEqualTo(2);
        assertThat(syncs.get(0).rowsPulled()).isZero(); // the latest of Brahim's two
        assertThat(syncs.get(1).memberUuid()).isEqualTo(AMINA);
        assertThat(syncs.get(1).rowsPushed()).isEqualTo(1);
    }

    @Test
    void aPreviewWritesNothing() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "aperçu");
        sync(a, amina, none());
        edit(b, brahim, "E002", ESSP.NOTES, "b");
        ServerSync.Preview preview = new ServerSync(b, server).preview();
        assertThat(preview.pull().rows()).hasSize(1);
        assertThat(preview.push().rows()).hasSize(1);
        assertThat(essp(b.dsl(), "E001").getNotes()).isNull();
        assertThat(essp(server.dsl(), "E002").getNotes()).isNull();
    }
}
