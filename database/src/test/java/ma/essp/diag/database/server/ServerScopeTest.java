package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MEMBER_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-level security keyed on the member, enforced by PostgreSQL with real login roles: karim (consultant) has the
 * province of Tanger-Assilah (ESSPs E001-E004), salma (consultant) the region of Casablanca-Settat (E005, E006),
 * carla is a coordinator, rania a reader. The fixture's rows were copied to the server by its owner (postgres).
 */
class ServerScopeTest {

    static TestPostgres postgres;

    @TempDir
    Path dir;
    String url;
    MissionFile laptop;
    TeamServer owner;
    String database;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
        postgres.newMigratedDatabase(); // the first migration creates the group roles
        postgres.execute("postgres", "CREATE ROLE carla LOGIN IN ROLE essp_coordinator; CREATE ROLE karim LOGIN IN ROLE essp_consultant;"
                + " CREATE ROLE salma LOGIN IN ROLE essp_consultant; CREATE ROLE rania LOGIN IN ROLE essp_reader");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void serverWithScopes() throws Exception {
        url = postgres.newMigratedDatabase();
        database = url.substring(url.lastIndexOf('/') + 1);
        Path base = dir.resolve("base.essp");
        try (MissionFile file = FixtureMission.create(base)) {
            owner = TeamServer.connect(ServerAddress.of(url, "postgres"), null);
            ServerMissions.init(owner, file.dsl(), file.schemaVersion(), null, line -> { });
        }
        DSLContext dsl = owner.dsl();
        TeamRepository team = new TeamRepository(dsl);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
        TeamRepository.Member coordinator = team.add("Carla Coordinatrice", "server", clock);
        team.add("Karim Consultant", "server", clock);
        team.add("Salma Consultante", "server", clock);
        EditContext edit = new EditContext(coordinator.uuid(), "server", clock);
        ServerMembers.grant(dsl, edit, "karim", "Karim Consultant", "01.511");
        ServerMembers.grant(dsl, edit, "salma", "Salma Consultante", "06");
        Files.createDirectories(dir.resolve("k"));
        Files.copy(base, dir.resolve("k/mission.essp"));
        laptop = MissionFile.open(dir.resolve("k/mission.essp"), dir.resolve("k/upgrade"));
    }

    @AfterEach
    void close() {
        laptop.close();
        owner.close();
    }

    TeamServer as(String login) throws ServerException {
        return TeamServer.connect(ServerAddress.of(url, login), null);
    }

    static EsspRecord essp(DSLContext dsl, String code) {
        return dsl.selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
    }

    static int setNotes(DSLContext dsl, String code, String notes) {
        return dsl.update(ESSP).set(ESSP.NOTES, notes).set(ESSP.VERSION, ESSP.VERSION.plus(1)).where(ESSP.CODE.eq(code)).execute();
    }

    static EsspRecord newEssp(DSLContext dsl, String code, String circonscription) {
        EsspRecord e = dsl.newRecord(ESSP);
        e.setCode(code);
        e.setNameFr("CSU " + code);
        e.setCategoryCode("CSU-1");
        e.setCirconscriptionId(dsl.select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq(circonscription))
                .fetchOne().value1());
        e.setMilieu("urban");
        return e;
    }

    static DataAccessException refusal(Runnable statement) {
        return (DataAccessException) assertThatThrownBy(statement::run).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("42501"))
                .actual();
    }

    @Test
    void listingTheScopes() {
        assertThat(ServerMembers.list(owner.dsl())).extracting(ServerMembers.Scope::login, ServerMembers.Scope::provinceCode,
                ServerMembers.Scope::regionCode, ServerMembers.Scope::place).containsExactly(
                org.assertj.core.groups.Tuple.tuple("karim", "01.511", "01", "Tanger-Assilah"),
                org.assertj.core.groups.Tuple.tuple("salma", null, "06", "Casablanca-Settat"));
    }

    @Test
    void aConsultantWritesTheRowsOfItsScopeOnly() throws Exception {
        try (TeamServer karim = as("karim")) {
            DSLContext dsl = karim.dsl();
            assertThat(setNotes(dsl, "E001", "vu par Karim")).isEqualTo(1);
            // outside its province: the server's update finds no row to change
            assertThat(setNotes(dsl, "E005", "pas à Karim")).isZero();
            assertThat(dsl.update(ESSP).set(ESSP.DELETED, true).where(ESSP.CODE.eq("E006")).execute()).isZero();
            // moving an ESSP of its province into another is refused, naming the row
            String e002 = essp(dsl, "E002").getUuid();
            int anfa = dsl.select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq("C-CAS-1")).fetchOne().value1();
            assertThat(refusal(() -> dsl.update(ESSP).set(ESSP.CIRCONSCRIPTION_ID, anfa).where(ESSP.CODE.eq("E002")).execute()))
                    .hasMessageContaining("outside the scope of karim: row " + e002 + " of table essp");
            // a new ESSP: in its province yes, in another no
            SyncedRows.insert(dsl, EditContext.system("karim"), newEssp(dsl, "E010", "C-TNG-2"));
            assertThat(refusal(() -> SyncedRows.insert(dsl, EditContext.system("karim"), newEssp(dsl, "E011", "C-CAS-1"))))
                    .hasMessageContaining("of table essp (essp-scope)");
            // a soft delete in its province; never a hard delete
            assertThat(dsl.update(ESSP).set(ESSP.DELETED, true).where(ESSP.CODE.eq("E010")).execute()).isEqualTo(1);
            assertThat(refusal(() -> dsl.deleteFrom(ESSP).where(ESSP.CODE.eq("E010")).execute())).hasMessageContaining("permission denied");
            // it cannot give itself another place
            assertThat(dsl.update(MEMBER_SCOPE).set(MEMBER_SCOPE.REGION_ID, 6).execute()).isZero();
            refusal(() -> dsl.insertInto(MEMBER_SCOPE).set(dsl.selectFrom(MEMBER_SCOPE).where(MEMBER_SCOPE.SERVER_LOGIN.eq("karim"))
                    .fetchOne().with(MEMBER_SCOPE.ID, 99).with(MEMBER_SCOPE.UUID, "scope-99").with(MEMBER_SCOPE.REGION_ID, 6)
                    .with(MEMBER_SCOPE.PROVINCE_ID, null)).execute());
        }
        DSLContext server = owner.dsl();
        assertThat(essp(server, "E001").getNotes()).isEqualTo("vu par Karim");
        assertThat(essp(server, "E005").getNotes()).isNull();
        assertThat(essp(server, "E006").getDeleted()).isFalse();
        assertThat(essp(server, "E002").getCirconscriptionId()).isEqualTo(essp(server, "E001").getCirconscriptionId());
        assertThat(essp(server, "E011")).isNull();
        assertThat(essp(server, "E010").getDeleted()).isTrue();
    }

    @Test
    void aRegionalScopeCoversTheRegionsProvincesAndTheCoordinatorWritesEverywhere() throws Exception {
        try (TeamServer salma = as("salma")) {
            assertThat(setNotes(salma.dsl(), "E005", "vu par Salma")).isEqualTo(1);
            assertThat(setNotes(salma.dsl(), "E001", "pas à Salma")).isZero();
        }
        try (TeamServer carla = as("carla")) {
            assertThat(setNotes(carla.dsl(), "E001", "vu par Carla")).isEqualTo(1);
            assertThat(setNotes(carla.dsl(), "E006", "vu par Carla")).isEqualTo(1);
            assertThat(carla.dsl().deleteFrom(ESSP).where(ESSP.CODE.eq("E099")).execute()).isEqualTo(1);
            assertThat(carla.dsl().update(MEMBER_SCOPE).set(MEMBER_SCOPE.PROVINCE_ID, FixtureMission.CASABLANCA)
                    .where(MEMBER_SCOPE.SERVER_LOGIN.eq("salma")).execute()).isEqualTo(1);
        }
        // salma now has the prefecture of Casablanca, whose préfectures d'arrondissements (Anfa: E005) come with it
        try (TeamServer salma = as("salma")) {
            assertThat(setNotes(salma.dsl(), "E006", "encore Salma")).isEqualTo(1);
        }
        assertThat(essp(owner.dsl(), "E005").getNotes()).isEqualTo("vu par Salma");
        assertThat(essp(owner.dsl(), "E001").getNotes()).isEqualTo("vu par Carla");
        assertThat(essp(owner.dsl(), "E006").getNotes()).isEqualTo("encore Salma");
    }

    @Test
    void aReaderWritesNothing() throws Exception {
        try (TeamServer rania = as("rania")) {
            assertThat(rania.dsl().fetchCount(ESSP)).isEqualTo(7);
            assertThat(refusal(() -> setNotes(rania.dsl(), "E001", "x"))).hasMessageContaining("permission denied");
        }
    }

    @Test
    void aPushWithRowsOutsideTheScopeIsRefusedWithTheListAndNothingOfItIsWritten() throws Exception {
        EditContext me = new EditContext("karim-uuid", "laptop-K", Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        DSLContext file = laptop.dsl();
        // Karim's own change, and two of Salma's ESSPs changed on his laptop (say, merged from her file)
        for (String code : new String[] {"E001", "E005", "E006"}) {
            EsspRecord e = essp(file, code);
            SyncedRows.update(file, me, ESSP, e.getId(), e.getVersion(), Map.of(ESSP.NOTES, "portable de Karim"));
        }
        int auditBefore = owner.dsl().fetchCount(AUDIT_LOG);
        try (TeamServer karim = as("karim")) {
            ServerSync sync = new ServerSync(laptop, karim);
            assertThatThrownBy(() -> sync.sync(me, MergeDecisions.of(null, null, false), line -> { }))
                    .isInstanceOf(ServerSync.OutsideScope.class)
                    .hasMessageContaining("2 row(s) outside the scope of karim")
                    .satisfies(e -> assertThat(((ServerSync.OutsideScope) e).rows()).extracting(ServerSync.RefusedRow::table,
                            ServerSync.RefusedRow::uuid).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("essp", essp(file, "E005").getUuid()),
                            org.assertj.core.groups.Tuple.tuple("essp", essp(file, "E006").getUuid())));
        }
        // the push's transaction was rolled back: not even Karim's own change is on the server
        assertThat(essp(owner.dsl(), "E001").getNotes()).isNull();
        assertThat(owner.dsl().fetchCount(AUDIT_LOG)).isEqualTo(auditBefore);
        assertThat(essp(file, "E001").getNotes()).isEqualTo("portable de Karim");

        // the coordinator pushes the same laptop's changes
        try (TeamServer carla = as("carla")) {
            ServerSync.Result result = new ServerSync(laptop, carla).sync(me, MergeDecisions.of(null, null, false), line -> { });
            assertThat(result.rowsPushed()).isEqualTo(3);
        }
        assertThat(essp(owner.dsl(), "E006").getNotes()).isEqualTo("portable de Karim");
    }

    @Test
    void aNewRowOutsideTheScopeStopsThePushNamingIt() throws Exception {
        EditContext me = new EditContext("karim-uuid", "laptop-K", Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        EsspRecord created = newEssp(laptop.dsl(), "E020", "C-CAS-1");
        SyncedRows.insert(laptop.dsl(), me, created);
        try (TeamServer karim = as("karim")) {
            assertThatThrownBy(() -> new ServerSync(laptop, karim).sync(me, MergeDecisions.of(null, null, false), line -> { }))
                    .isInstanceOf(ServerSync.OutsideScope.class)
                    .satisfies(e -> assertThat(((ServerSync.OutsideScope) e).rows()).extracting(ServerSync.RefusedRow::table,
                            ServerSync.RefusedRow::uuid).containsExactly(org.assertj.core.groups.Tuple.tuple("essp", created.getUuid())));
        }
        assertThat(essp(owner.dsl(), "E020")).isNull();
    }

    @Test
    void everyNewRowOutsideTheScopeIsNamedNotOnlyTheFirst() throws Exception {
        EditContext me = new EditContext("karim-uuid", "laptop-K", Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        DSLContext file = laptop.dsl();
        // Karim's places are the province of Tanger-Assilah: a new ESSP in Anfa (Casablanca) and a new circonscription
        // in a third province are both outside it, so is a new ESSP of that new circonscription (its place)
        EsspRecord anfa = newEssp(file, "E020", "C-CAS-1");
        SyncedRows.insert(file, me, anfa);
        int province = file.select(ma.essp.diag.database.jooq.Tables.PROVINCE.ID).from(ma.essp.diag.database.jooq.Tables.PROVINCE)
                .where(ma.essp.diag.database.jooq.Tables.PROVINCE.ID.notIn(FixtureMission.TANGER_ASSILAH, FixtureMission.CASABLANCA_ANFA))
                .and(ma.essp.diag.database.jooq.Tables.PROVINCE.PARENT_PROVINCE_ID.isNull())
                .orderBy(ma.essp.diag.database.jooq.Tables.PROVINCE.ID).limit(1).fetchOne().value1();
        var circonscription = file.newRecord(CIRCONSCRIPTION);
        circonscription.setProvinceId(province);
        circonscription.setCode("C-NEW-1");
        circonscription.setNameFr("Circonscription nouvelle");
        circonscription.setNameAr("دائرة جديدة");
        circonscription.setMilieu("rural");
        circonscription.setPopulation(10_000);
        SyncedRows.insert(file, me, circonscription);
        EsspRecord under = newEssp(file, "E021", "C-NEW-1");
        SyncedRows.insert(file, me, under);
        // and one inside: not listed
        SyncedRows.insert(file, me, newEssp(file, "E022", "C-TNG-1"));
        try (TeamServer karim = as("karim")) {
            assertThatThrownBy(() -> new ServerSync(laptop, karim).sync(me, MergeDecisions.of(null, null, false), line -> { }))
                    .isInstanceOf(ServerSync.OutsideScope.class)
                    .hasMessageContaining("3 row(s) outside the scope of karim")
                    .satisfies(e -> assertThat(((ServerSync.OutsideScope) e).rows()).extracting(ServerSync.RefusedRow::table,
                            ServerSync.RefusedRow::uuid).containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple("circonscription", circonscription.getUuid()),
                                    org.assertj.core.groups.Tuple.tuple("essp", anfa.getUuid()),
                                    org.assertj.core.groups.Tuple.tuple("essp", under.getUuid())));
        }
        assertThat(essp(owner.dsl(), "E020")).isNull();
        assertThat(essp(owner.dsl(), "E022")).isNull(); // nothing of the push written
    }

    @Test
    void anUpdateMovingARowOutOfTheScopeIsNamedWithTheNewRows() throws Exception {
        EditContext me = new EditContext("karim-uuid", "laptop-K", Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        DSLContext file = laptop.dsl();
        EsspRecord moved = essp(file, "E001"); // Tanger, moved to Anfa
        int anfa = file.select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq("C-CAS-1")).fetchOne().value1();
        SyncedRows.update(file, me, ESSP, moved.getId(), moved.getVersion(), Map.of(ESSP.CIRCONSCRIPTION_ID, anfa));
        EsspRecord created = newEssp(file, "E020", "C-CAS-1");
        SyncedRows.insert(file, me, created);
        EsspRecord other = essp(file, "E005"); // Salma's (Casablanca): an update of a row outside
        SyncedRows.update(file, me, ESSP, other.getId(), other.getVersion(), Map.of(ESSP.NOTES, "vu"));
        try (TeamServer karim = as("karim")) {
            assertThatThrownBy(() -> new ServerSync(laptop, karim).sync(me, MergeDecisions.of(null, null, false), line -> { }))
                    .isInstanceOf(ServerSync.OutsideScope.class)
                    .satisfies(e -> assertThat(((ServerSync.OutsideScope) e).rows()).extracting(ServerSync.RefusedRow::uuid)
                            .containsExactlyInAnyOrder(moved.getUuid(), created.getUuid(), other.getUuid()));
        }
        assertThat(essp(owner.dsl(), "E001").getCirconscriptionId()).isNotEqualTo(anfa);
    }

    @Test
    void aPushInsideTheScopeGoesThrough() throws Exception {
        EditContext me = new EditContext("karim-uuid", "laptop-K", Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
        DSLContext file = laptop.dsl();
        EsspRecord e = essp(file, "E003");
        SyncedRows.update(file, me, ESSP, e.getId(), e.getVersion(), Map.of(ESSP.NOTES, "toit refait"));
        SyncedRows.insert(file, me, newEssp(file, "E030", "C-TNG-1"));
        e = essp(file, "E004");
        SyncedRows.softDelete(file, me, ESSP, e.getId(), e.getVersion());
        try (TeamServer karim = as("karim")) {
            ServerSync.Result result = new ServerSync(laptop, karim).sync(me, MergeDecisions.of(null, null, false), line -> { });
            assertThat(result.rowsPulled()).isEqualTo(5); // the three members and their two places, from the server
            assertThat(result.rowsPushed()).isEqualTo(3);
        }
        assertThat(essp(owner.dsl(), "E003").getNotes()).isEqualTo("toit refait");
        assertThat(essp(owner.dsl(), "E030").getCirconscriptionId()).isNotNull();
        assertThat(essp(owner.dsl(), "E004").getDeleted()).isTrue();
    }
}
