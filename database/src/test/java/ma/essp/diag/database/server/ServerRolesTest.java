package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles are enforced by the server itself: each member signs in with a login role of one of the group roles the
 * migrations grant (db/postgresql/afterMigrate__roles.sql), and PostgreSQL refuses what the group may not do.
 */
class ServerRolesTest {

    static TestPostgres postgres;
    static String url;
    static String database;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        postgres = TestPostgres.start();
        url = postgres.newDatabase();
        database = url.substring(url.lastIndexOf('/') + 1);
        try (MissionFile file = FixtureMission.create(dir.resolve("fixture.essp"));
             TeamServer server = TeamServer.connect(ServerAddress.of(url, "postgres"), null)) {
            ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });
            // karim's scope: the province of Tanger-Assilah (E001-E004; ServerScopeTest covers the scopes)
            new TeamRepository(server.dsl()).add("Karim", "server", java.time.Clock.systemUTC());
            ServerMembers.grant(server.dsl(), EditContext.system("test"), "karim", "Karim", "01.511");
        }
        postgres.execute(database, "CREATE ROLE carla LOGIN IN ROLE essp_coordinator;"
                + " CREATE ROLE karim LOGIN IN ROLE essp_consultant; CREATE ROLE rania LOGIN IN ROLE essp_reader;"
                + " CREATE ROLE nobody_in_particular LOGIN");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    static TeamServer as(String role) throws ServerException {
        return TeamServer.connect(ServerAddress.of(url, role), null);
    }

    /** PostgreSQL's "insufficient privilege". */
    static void refused(Runnable statement) {
        assertThatThrownBy(statement::run).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void aConsultantInsertsUpdatesAndSoftDeletesButNeverHardDeletes() throws Exception {
        try (TeamServer server = as("karim")) {
            var essp = server.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E002")).fetchOne();
            assertThat(server.dsl().update(ESSP).set(ESSP.DELETED, true).set(ESSP.VERSION, ESSP.VERSION.plus(1))
                    .where(ESSP.ID.eq(essp.getId())).execute()).isEqualTo(1);
            var copy = server.dsl().newRecord(ESSP, essp);
            copy.reset(ESSP.ID);
            copy.setCode("E200");
            copy.setUuid("e-200");
            copy.store();
            assertThat(copy.getId()).isPositive(); // the identity's sequence is usable

            refused(() -> server.dsl().deleteFrom(ESSP).where(ESSP.CODE.eq("E200")).execute());
            refused(() -> server.dsl().truncate(ESSP).execute());
            assertThat(server.dsl().fetchCount(ESSP, ESSP.CODE.eq("E200"))).isEqualTo(1);
            assertThat(ServerMissions.status(server).mission()).contains("Mission de test");
        }
    }

    @Test
    void aReaderReadsButCannotWrite() throws Exception {
        try (TeamServer server = as("rania")) {
            assertThat(server.dsl().fetchCount(ESSP)).isGreaterThanOrEqualTo(7);
            assertThat(ServerMissions.status(server).counts()).isNotEmpty();
            refused(() -> server.dsl().update(ESSP).set(ESSP.NOTES, "x").where(ESSP.CODE.eq("E001")).execute());
            refused(() -> server.dsl().insertInto(ESSP).set(server.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne().with(ESSP.CODE, "E300")).execute());
            refused(() -> server.dsl().deleteFrom(ESSP).execute());
        }
    }

    @Test
    void aCoordinatorMayHardDeleteAndARoleOutsideTheGroupsReadsNothing() throws Exception {
        try (TeamServer server = as("carla")) {
            var essp = server.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E099")).fetchOne();
            var copy = server.dsl().newRecord(ESSP, essp);
            copy.reset(ESSP.ID);
            copy.setCode("E400");
            copy.setUuid("e-400");
            copy.store();
            assertThat(server.dsl().deleteFrom(ESSP).where(ESSP.CODE.eq("E400")).execute()).isEqualTo(1);
        }
        try (TeamServer server = as("nobody_in_particular")) {
            refused(() -> server.dsl().fetchCount(ESSP));
        }
    }
}
