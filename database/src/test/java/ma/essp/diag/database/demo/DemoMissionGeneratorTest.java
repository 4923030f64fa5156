package ma.essp.diag.database.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMissionGeneratorTest {

    @TempDir
    Path dir;

    private final DemoMissionGenerator generator = new DemoMissionGenerator();

    @Test
    void sameSeedGivesTheSameContentAndAnotherSeedDoesNot() throws Exception {
        DemoSummary first = generator.generate(dir.resolve("a.essp"), DemoScale.SMALL, 7, DemoProgress.NONE);
        DemoSummary second = generator.generate(dir.resolve("b.essp"), DemoScale.SMALL, 7, DemoProgress.NONE);
        DemoSummary other = generator.generate(dir.resolve("c.essp"), DemoScale.SMALL, 8, DemoProgress.NONE);
        System.out.printf("SMALL generation: %d rows in %d ms%n", first.totalRows(), first.elapsed().toMillis());

        assertThat(second.rowsPerTable()).isEqualTo(first.rowsPerTable());
        assertThat(checksum(dir.resolve("b.essp"))).isEqualTo(checksum(dir.resolve("a.essp")));
        assertThat(checksum(dir.resolve("c.essp"))).isNotEqualTo(checksum(dir.resolve("a.essp")));
        assertThat(first.rows("essp")).isBetween(40, 70);
        assertThat(first.rows("circonscription")).isBetween(6, 10);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("a.essp", "b.essp", "c.essp");
    }

    @Test
    void regionScaleCoversSoussMassa() throws Exception {
        Path file = dir.resolve("r.essp");
        DemoSummary summary = generator.generate(file, DemoScale.REGION, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        System.out.printf("REGION generation: %d rows in %d ms%n", summary.totalRows(), summary.elapsed().toMillis());
        assertThat(summary.rows("essp")).isBetween(270, 330);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM essp e JOIN circonscription c ON c.id = e.circonscription_id "
                    + "JOIN province p ON p.id = c.province_id WHERE p.code NOT LIKE '09.%'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
        }
    }

    @Test
    void refusesAnExistingFileWithoutOverwriteAndLeavesItUnchanged() throws Exception {
        Path file = Files.writeString(dir.resolve("existing.essp"), "keep me");
        assertThatThrownBy(() -> generator.generate(file, DemoScale.SMALL, 1, DemoProgress.NONE))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(Files.list(dir)).hasSize(1);

        generator.generate(file, DemoScale.SMALL, 1, true, DemoProgress.NONE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM mission WHERE synthetic = 1")).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedGenerationLeavesNoFile() throws Exception {
        Path file = dir.resolve("cancelled.essp");
        try {
            assertThatThrownBy(() -> generator.generate(file, DemoScale.SMALL, 1, (what, fraction) -> {
                if (fraction > 0.1) {
                    Thread.currentThread().interrupt();
                }
            })).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void everyGeneratedEsspLiesInItsProvince() throws Exception {
        Path file = dir.resolve("small.essp");
        generator.generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        try (var mission = ma.essp.diag.database.mission.MissionFile.open(file, dir.resolve("backups"))) {
            long located = mission.dsl().fetchCount(mission.dsl().selectOne().from("essp")
                    .where("deleted = 0 AND latitude IS NOT NULL AND longitude IS NOT NULL"));
            assertThat(located).isGreaterThan(50); // the rule had points to look at
            assertThat(new ma.essp.diag.database.check.ConsistencyChecker(mission.dsl()).check())
                    .filteredOn(i -> i.rule().equals(ma.essp.diag.database.check.ConsistencyChecker.OUTSIDE_PROVINCE_RULE))
                    .isEmpty();
        }
    }

    @Test
    void scaleParsing() {
        assertThat(DemoScale.parse("Region")).isEqualTo(DemoScale.REGION);
        assertThat(DemoScale.NATIONAL.code()).isEqualTo("national");
        assertThatThrownBy(() -> DemoScale.parse("huge")).isInstanceOf(IllegalArgumentException.class);
    }

    static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String checksum(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String table : new String[] {"mission", "essp", "staff_position", "assessment_answer", "complaint_sample"}) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
