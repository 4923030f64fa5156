package ma.essp.diag.database.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.SchemaMigrator;
import ma.essp.diag.database.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Missions and servers migrated before the migrations were split into db/common, db/sqlite and db/postgresql (all of
 * them then in db/migration and db/postgresql) still validate: Flyway's checksum of a file is over its lines, not its
 * folder. The checksums below are the ones the build before the split (4e9a4510) recorded in the history of a mission
 * file ({@code essp-diag demo}) and of a server ({@code essp-diag server init}); a released migration whose text
 * changes, even by a comment, fails here before it fails to open in the field. Migrations added since the split
 * (V28, common) are pinned with the checksum they were released with, in both maps.
 */
class MigrationChecksumsTest {

    /** Version to checksum, as flyway_schema_history of a mission file migrated by 4e9a4510 holds them. */
    static final Map<Integer, Integer> SQLITE = Map.ofEntries(
            Map.entry(1, -527396438), Map.entry(2, 612877997), Map.entry(3, -961962451), Map.entry(4, 1987032889),
            Map.entry(5, -445274491), Map.entry(6, 589024398), Map.entry(7, 1759246668), Map.entry(8, 1992393307),
            Map.entry(9, 1810203668), Map.entry(11, -1665525709), Map.entry(13, 516598269), Map.entry(14, -242509872),
            Map.entry(17, 187409419), Map.entry(18, 1541599661), Map.entry(19, 1881583230), Map.entry(20, -235380793),
            Map.entry(22, 1929296642), Map.entry(23, -696806819), Map.entry(27, 135097501),
            Map.entry(28, 1708665344));

    /** The same for a server migrated by 4e9a4510 (V22 and V27, now common, had the same text on both sides). */
    static final Map<Integer, Integer> POSTGRESQL = Map.ofEntries(
            Map.entry(1, -1076471369), Map.entry(2, 1434422771), Map.entry(3, -2072652453), Map.entry(4, 2044892959),
            Map.entry(5, -371576958), Map.entry(6, 1067585735), Map.entry(7, 1174459042), Map.entry(8, -1958018631),
            Map.entry(9, 9766720), Map.entry(11, 1886783506), Map.entry(13, -1072387122), Map.entry(14, -1804552804),
            Map.entry(17, -1284515334), Map.entry(18, -1707205746), Map.entry(19, -1469005385), Map.entry(20, -1328716708),
            Map.entry(22, 1929296642), Map.entry(23, 895595328), Map.entry(27, 135097501),
            Map.entry(28, 1708665344));

    static TestPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aMissionFileMigratedBeforeTheSplitStillValidates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.essp");
        MissionFile.create(file).close();
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + file);
        try (Connection c = sqlite.getConnection()) {
            assertThat(history(c)).isEqualTo(new TreeMap<>(SQLITE));
            // the file as the earlier build left it: its history holds the earlier checksums
            record(c, SQLITE);
        }
        assertValid(sqlite, SchemaMigrator.LOCATIONS);
        // and Flyway does compare them: one changed checksum (a file edited after its release) fails validation
        try (Connection c = sqlite.getConnection()) {
            record(c, Map.of(22, 1));
        }
        assertThat(validate(sqlite, SchemaMigrator.LOCATIONS).validationSuccessful).isFalse();
    }

    @Test
    void aServerMigratedBeforeTheSplitStillValidatesAndUpgrades() throws Exception {
        String url = postgres.newDatabase();
        try (TeamServer server = TeamServer.connect(ServerAddress.of(url, "postgres"), null)) {
            // a server left at V20 by the earlier build, then upgraded by this one through the common V22 and V27
            server.migrate(20);
            try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
                Map<Integer, Integer> upTo20 = new TreeMap<>(POSTGRESQL);
                upTo20.keySet().removeIf(version -> version > 20);
                assertThat(history(c)).isEqualTo(upTo20);
                record(c, upTo20);
            }
            server.migrate(null);
            assertThat(server.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
                assertThat(history(c)).isEqualTo(new TreeMap<>(POSTGRESQL));
            }
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        assertValid(pg, TeamServer.LOCATIONS);
    }

    private static Map<Integer, Integer> history(Connection c) throws SQLException {
        Map<Integer, Integer> versions = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                versions.put(Integer.parseInt(rs.getString(1)), rs.getInt(2));
            }
        }
        return versions;
    }

    private static void record(Connection c, Map<Integer, Integer> checksums) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?")) {
            for (Map.Entry<Integer, Integer> entry : checksums.entrySet()) {
                s.setInt(1, entry.getValue());
                s.setString(2, String.valueOf(entry.getKey()));
                assertThat(s.executeUpdate()).as("V" + entry.getKey()).isEqualTo(1);
            }
        }
    }

    private static ValidateResult validate(DataSource dataSource, String[] locations) {
        return Flyway.configure(MigrationChecksumsTest.class.getClassLoader()).dataSource(dataSource).locations(locations)
                .loggers("slf4j").load().validateWithResult();
    }

    private static void assertValid(DataSource dataSource, String[] locations) {
        ValidateResult result = validate(dataSource, locations);
        assertThat(result.validationSuccessful).as(result.getAllErrorMessages()).isTrue();
    }
}
