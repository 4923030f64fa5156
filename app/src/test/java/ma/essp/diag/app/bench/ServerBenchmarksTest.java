package ma.essp.diag.app.bench;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.server.MissionTables;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.ServerSync;
import ma.essp.diag.database.server.TeamServer;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team server's bench cases run, in order, on the small demo mission and an embedded PostgreSQL, and do what they say. */
class ServerBenchmarksTest {

    @TempDir
    Path dir;

    @Test
    void theServerCasesRunOnASmallMission() throws Exception {
        Path mission = dir.resolve("small.essp");
        new DemoMissionGenerator().generate(mission, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        int rows = 0;
        int essps;
        try (MissionFile file = MissionFile.open(mission, dir.resolve("backups"))) {
            for (Table<?> table : MissionTables.inForeignKeyOrder()) {
                rows += file.dsl().fetchCount(table);
            }
            essps = file.dsl().fetchCount(ESSP, ESSP.DELETED.isFalse());
        }
        try (TestPostgres postgres = TestPostgres.start()) {
            String url = postgres.newDatabase();
            try (ServerBenchmarks bench = new ServerBenchmarks(new ServerBenchmarks.Target(url, "postgres", null), mission, dir,
                    new PrintWriter(new StringWriter()))) {
                List<BenchCase> cases = bench.cases();
                assertThat(cases).extracting(BenchCase::operation).containsExactly(
                        String.format("server: push the mission to an empty server (server init --from, %,d rows)", rows),
                        String.format("server: incremental sync of %,d changed rows (pull + push)", Math.min(essps, 1_000)),
                        "server: readiness indices, all levels, from the server (baseline: from the file)");
                // the push, then the bare COPY of the same rows over it (as the bench alternates them)
                assertThat((Integer) cases.get(0).ours().call()).isEqualTo(MissionTables.inForeignKeyOrder().size());
                // the push recorded its marks in the file too: one sync_log row more to copy
                assertThat((Long) cases.get(0).baseline().call()).isEqualTo(rows + 1);
                // the server initialised again, the first syncs of a copy taken before that init (every table compared)
                // and of the file it was initialised from (from the init's marks), not measured; then the second's
                // edits reach the server by an incremental sync that compares the ESSP table only
                assertThat((Integer) cases.get(1).prepare().call()).isEqualTo(Math.min(essps, 1_000));
                ServerSync.Result sync = (ServerSync.Result) cases.get(1).ours().call();
                assertThat(sync.rowsPulled()).isZero();
                assertThat(sync.rowsPushed()).isEqualTo(Math.min(essps, 1_000));
                assertThat(sync.incremental()).isTrue();
                assertThat(sync.pushTables()).containsExactly("essp");
                try (TeamServer server = TeamServer.connect(ServerAddress.of(url, "postgres"), null)) {
                    assertThat(server.dsl().fetchCount(ESSP, ESSP.NOTES.startsWith("bench "))).isEqualTo(Math.min(essps, 1_000));
                }
                assertThat((Integer) cases.get(1).baseline().call()).isEqualTo(Math.min(essps, 1_000));
                // the same indices from the server and from the file
                Object fromServer = cases.get(2).ours().call();
                assertThat(fromServer).isEqualTo(cases.get(2).baseline().call());
                assertThat((List<?>) fromServer).isNotEmpty();
            }
        }
    }
}
