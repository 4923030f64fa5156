package ma.essp.diag.database.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database's owner who may not create roles, on a cluster where nobody has created the group roles yet (a new
 * PostgreSQL server, the administrator not asked yet): {@code server init} still creates the mission; the roles
 * script says what is missing instead of failing on a grant to nobody.
 */
class ServerInitWithoutGroupRolesTest {

    @Test
    void anOwnerWithoutCreateRoleInitialisesAMissionOnANewCluster(@TempDir Path dir) throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            postgres.execute("postgres", "CREATE ROLE lone_owner LOGIN");
            postgres.execute("postgres", "CREATE DATABASE lone_mission OWNER lone_owner");
            try (MissionFile file = FixtureMission.create(dir.resolve("fixture.essp"));
                 TeamServer server = TeamServer.connect(ServerAddress.of(postgres.url("lone_mission"), "lone_owner"), null)) {
                ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });

                assertThat(ServerMissions.status(server).mission()).contains("Mission de test");
                assertThat(server.dsl().resultQuery(
                        "select count(*) from pg_roles where rolname in ('essp_coordinator', 'essp_consultant', 'essp_reader')")
                        .fetchOne(0, Integer.class)).isZero();
            }
        }
    }
}
