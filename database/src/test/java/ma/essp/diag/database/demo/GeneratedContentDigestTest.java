package ma.essp.diag.database.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's output, pinned: a SHA-256 over every row of every table of a generated mission (reference data,
 * generated rows, their uuids, versions and stamps), so that a refactoring of the generator is proved to write the
 * same content for the same seed.
 *
 * <p>The expected digests were computed on main at 1e7cc3b, before {@code Generation} was split per axis, by running
 * this test with the digests printed ({@code ./mvnw -pl database -am verify -Dtest=GeneratedContentDigestTest}). A
 * deliberate change of the generated content or of the schema (a migration) changes them: recompute them the same way
 * and say why in the commit.
 *
 * <p>Issue 14: the demo writes the held sessions' evaluations (Kirkpatrick levels 1-2, training_evaluation, drawn
 * from a stream and uuids of their own) and the short courses' sessions their target function (level 3); every other
 * table is as it was. Small 275 evaluation rows (seed 7: 282), region 284, national 1,742.
 *
 * <p>Schema V28 (issue 14, experts' origin): training_cost gains the column expert_origin, and the demo splits each
 * cohort's experts' line in two, a Moroccan and (where the cohort had European experts) a European one, the same
 * draw moving both actual unit costs and the European lines' uuids drawn from a stream of their own: only
 * training_cost (its header, more rows, later ids) and its counter in sqlite_sequence change; every other table is as
 * it was (the region demo checked table by table against the build before V28).
 */
class GeneratedContentDigestTest {

    @TempDir
    Path dir;

    @Test
    void smallDemoWithTheDefaultSeedIsUnchanged() throws Exception {
        Path file = dir.resolve("small.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        assertThat(digest(file)).isEqualTo("6782fb8779e39b257ae98c1e3ec15ba16d5b06d2595123dddcaecad5b387dc89");
    }

    @Test
    void smallDemoWithAnotherSeedAndANamedAuthorIsUnchanged() throws Exception {
        Path file = dir.resolve("small-author.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, 7, false, "Amina Testeuse", DemoProgress.NONE);
        assertThat(digest(file)).isEqualTo("bbc50eb811c6304c9946bc4ac3c0bea60a9d2320dc79fbdfdea598ca7a7eddad");
    }

    @Test
    void regionDemoIsUnchanged() throws Exception {
        Path file = dir.resolve("region.essp");
        new DemoMissionGenerator().generate(file, DemoScale.REGION, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        assertThat(digest(file)).isEqualTo("edc47037ac51ed40e1d67c1133b9db24549cc0b4d71109225dc6a1917ff8fffb");
    }

    /**
     * SHA-256 over every table but Flyway's history (its installed_on and execution_time come from the clock), tables
     * by name, rows by rowid (the id), each value with its SQLite type.
     */
    static String digest(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name <> 'flyway_schema_history'"
                    // the merge's bookkeeping (schema 11), the sync log (14) and the members' server scopes (18) are empty in a generated
                    // mission, not its content
                    + " AND name NOT IN ('merge_run', 'merge_journal', 'merge_alias', 'sync_log', 'member_scope') ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                long rows = 0;
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    StringBuilder header = new StringBuilder("#").append(table);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        header.append('|').append(meta.getColumnName(i));
                    }
                    digest.update(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.append('|');
                            if (value instanceof byte[] bytes) {
                                row.append("x'").append(HexFormat.of().formatHex(bytes)).append('\'');
                            } else if (value != null) {
                                // Double.toString is exact: a last-bit difference in a generated figure shows
                                row.append(value.getClass().getSimpleName()).append(':').append(value);
                            }
                        }
                        digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                        rows++;
                    }
                }
                System.out.printf("digest: %-32s %8d rows%n", table, rows);
            }
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        System.out.println("digest of " + file.getFileName() + ": " + hex);
        return hex;
    }
}
