package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CALENDAR_CONTEXT;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import ma.essp.diag.database.jooq.tables.records.AssessmentRecord;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.SchemaMigrator;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL schema (db/common + db/postgresql) against the SQLite one (db/common + db/sqlite): same versions, same
 * tables, same reference rows, same Java types read back.
 */
class ServerSchemaTest {

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

    private static List<String> migrationNames(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(ServerSchemaTest.class.getClassLoader().getResource("db/" + folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("V")).sorted().toList();
        }
    }

    @Test
    void everySqliteMigrationHasItsPostgresqlMirrorUnderTheSameName() throws Exception {
        // a later V10 in db/sqlite needs a V10 with the same description in db/postgresql (docs/cli-server.md)
        assertThat(migrationNames("postgresql")).isEqualTo(migrationNames("sqlite"));
        // a version is either common or in both vendor folders, never both (Flyway would refuse it found twice)
        assertThat(migrationNames("common")).isNotEmpty().doesNotContainAnyElementsOf(migrationNames("sqlite"));
    }

    @Test
    void aMigrationWhoseSqlIsTheSameForBothVendorsLivesInTheCommonFolder() throws Exception {
        for (String name : migrationNames("sqlite")) {
            byte[] sqlite = Files.readAllBytes(Path.of(ServerSchemaTest.class.getClassLoader().getResource("db/sqlite/" + name).toURI()));
            byte[] postgresql = Files.readAllBytes(Path.of(ServerSchemaTest.class.getClassLoader().getResource("db/postgresql/" + name).toURI()));
            assertThat(postgresql).as(name + ": the same text for both vendors belongs in db/common").isNotEqualTo(sqlite);
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheSchemaVersionOfTheMissionFile(@TempDir Path dir) throws Exception {
        try (TeamServer server = connect(postgres.newDatabase()); MissionFile file = MissionFile.create(dir.resolve("m.essp"))) {
            assertThat(server.schemaVersion()).isZero();
            server.migrate(null);
            assertThat(server.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion()).isEqualTo(file.schemaVersion());
            DSLContext pg = server.dsl();
            // the reference rows of V2, V3 and V9 are the same on both sides
            for (Table<?> table : List.of(REGION, PROVINCE, ESSP_CATEGORY, PMS_CATALOGUE_VERSION, PMS_ITEM, CALENDAR_CONTEXT)) {
                assertThat(pg.fetchCount(table)).as(table.getName()).isEqualTo(file.dsl().fetchCount(table)).isPositive();
                assertThat(pg.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch().intoMaps())
                        .as(table.getName()).isEqualTo(file.dsl().selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch().intoMaps());
            }
            // 12 regions, 75 provinces and prefectures in the reference data; Casablanca-Anfa under Casablanca
            assertThat(pg.fetchCount(REGION)).isEqualTo(12);
            assertThat(pg.select(PROVINCE.PARENT_PROVINCE_ID).from(PROVINCE).where(PROVINCE.ID.eq(39)).fetchOne().value1()).isEqualTo(38);
        }
    }

    @Test
    void theGeneratedTablesWriteAndReadBackTheirJavaTypes() throws Exception {
        try (TeamServer server = connect(postgres.newDatabase())) {
            server.migrate(null);
            DSLContext pg = server.dsl();
            int circonscription = pg.insertInto(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID, 1)
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.CODE, "C-1")
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.NAME_FR, "Circonscription 1")
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.MILIEU, "urban")
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.UUID, "c-1")
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.UPDATED_AT, "2026-12-07T10:00:00Z")
                    .set(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.UPDATED_BY, "test")
                    .returning(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID).fetchOne().getId();
            EsspRecord essp = pg.newRecord(ESSP);
            essp.setCode("E1");
            essp.setNameFr("CSU Médina");
            essp.setNameAr("المركز الصحي");
            essp.setCategoryCode("CSU-1");
            essp.setCirconscriptionId(circonscription);
            essp.setMilieu("urban");
            essp.setDeliveryUnit(true);
            essp.setLatitude(35.785_123_456_789);
            essp.setLongitude(-5.812_345_678_901);
            essp.setPopulationServed(30_000);
            essp.setUuid("e-1");
            essp.setUpdatedAt("2026-12-07T10:00:00Z");
            essp.setUpdatedBy("test");
            essp.store();
            // the identity hands out ids after the reference data's (none for ESSPs): the first is 1
            assertThat(essp.getId()).isEqualTo(1);

            EsspRecord read = pg.selectFrom(ESSP).where(ESSP.UUID.eq("e-1")).fetchOne();
            assertThat(read.getLatitude()).isEqualTo(35.785_123_456_789); // double precision, not PostgreSQL's 4-byte real
            assertThat(read.getLongitude()).isEqualTo(-5.812_345_678_901);
            assertThat(read.getDeliveryUnit()).isTrue();
            assertThat(read.getDeleted()).isFalse();
            assertThat(read.getVersion()).isEqualTo(1);
            assertThat(read.getFunctionality()).isEqualTo("fully");
            assertThat(read.getNameAr()).isEqualTo("المركز الصحي");

            StaffPositionRecord staff = pg.newRecord(STAFF_POSITION);
            staff.setEsspId(read.getId());
            staff.setCadreCode(pg.select(ma.essp.diag.database.jooq.Tables.CADRE.CODE).from(ma.essp.diag.database.jooq.Tables.CADRE)
                    .orderBy(ma.essp.diag.database.jooq.Tables.CADRE.CODE).limit(1).fetchOne().value1());
            staff.setFte(0.5);
            staff.setUuid("s-1");
            staff.setUpdatedAt("2026-12-07T10:00:00Z");
            staff.setUpdatedBy("test");
            staff.store();
            assertThat(pg.selectFrom(STAFF_POSITION).fetchOne().getFte()).isEqualTo(0.5);

            AssessmentRecord assessment = pg.newRecord(ASSESSMENT);
            assessment.setEsspId(read.getId());
            assessment.setCatalogueVersionId(1);
            assessment.setAssessedOn(LocalDate.of(2026, 2, 28));
            assessment.setUuid("a-1");
            assessment.setUpdatedAt("2026-12-07T10:00:00Z");
            assessment.setUpdatedBy("test");
            assessment.store();
            assertThat(pg.selectFrom(ASSESSMENT).fetchOne().getAssessedOn()).isEqualTo(LocalDate.of(2026, 2, 28));

            // since V4 nothing writes the audit log but the application: a version bump leaves it empty
            pg.update(ESSP).set(ESSP.VERSION, 2).where(ESSP.ID.eq(read.getId())).execute();
            assertThat(pg.fetchCount(AUDIT_LOG)).isZero();
        }
    }
}
