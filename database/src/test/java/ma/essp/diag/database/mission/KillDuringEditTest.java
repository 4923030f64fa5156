package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.KillableChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a large edit transaction (a child JVM, destroyForcibly): the mission passes
 * {@code PRAGMA integrity_check} and holds the state before the transaction, never part of it; a child left to
 * finish leaves the state after it.
 */
class KillDuringEditTest {

    @TempDir
    Path dir;

    private static Process child(String operation, Path mission) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillableChild.class.getName(), operation,
                mission.toString()).redirectErrorStream(true).start();
    }

    private static String waitFor(Process p, String wanted, List<String> seen) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            seen.add(line);
            if (line.equals(wanted)) {
                return line;
            }
        }
        throw new AssertionError("the child ended without " + wanted + ": " + seen);
    }

    private static String integrity(Path mission) throws Exception {
        try (Connection c = MissionFile.readOnlyConnection(mission, false); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void killedInTheMiddleTheMissionIsIntactAndAsBefore() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Process p = child(KillableChild.EDIT_ESSPS, mission);
        List<String> seen = new ArrayList<>();
        waitFor(p, "WORKING", seen);
        Thread.sleep(300);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 7 ESSPs × 600 updates take seconds: the kill came before the commit
        assertThat(seen).doesNotContain("DONE");

        assertThat(integrity(mission)).isEqualTo("ok");
        try (MissionFile m = MissionFile.open(mission, dir.resolve("schema-backups"))) {
            assertThat(m.dsl().selectDistinct(ESSP.VERSION).from(ESSP).fetch(ESSP.VERSION)).containsExactly(1);
            assertThat(m.dsl().fetchCount(AUDIT_LOG)).isZero();
            assertThat(m.dsl().fetchCount(ESSP, ESSP.POPULATION_SERVED.ge(100_000))).isZero();
        }
    }

    @Test
    void leftToFinishTheMissionHoldsTheWholeTransaction() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Process p = child(KillableChild.EDIT_ESSPS, mission);
        List<String> seen = new ArrayList<>();
        waitFor(p, "DONE", seen);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        assertThat(integrity(mission)).isEqualTo("ok");
        try (MissionFile m = MissionFile.open(mission, dir.resolve("schema-backups"))) {
            // every one of the 7 ESSPs (the deleted one too) went through 600 versions, one audit row each
            assertThat(m.dsl().selectDistinct(ESSP.VERSION).from(ESSP).fetch(ESSP.VERSION)).containsExactly(1 + KillableChild.ROUNDS);
            assertThat(m.dsl().selectDistinct(ESSP.POPULATION_SERVED).from(ESSP).fetch(ESSP.POPULATION_SERVED))
                    .containsExactly(KillableChild.finalPopulation(KillableChild.ROUNDS));
            assertThat(m.dsl().fetchCount(AUDIT_LOG)).isEqualTo(7 * KillableChild.ROUNDS);
        }
    }
}
