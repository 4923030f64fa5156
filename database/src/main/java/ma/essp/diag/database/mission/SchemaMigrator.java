package ma.essp.diag.database.mission;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteDataSource;

/** Applies the Flyway migrations (the single source of truth of the schema) to a mission file. */
public final class SchemaMigrator {

    static final String LOCATION = "classpath:db/migration";
    private static volatile Integer latestVersion;

    private SchemaMigrator() {
    }

    /** The newest schema version this build of the application knows. */
    public static int latestVersion() {
        Integer version = latestVersion;
        if (version == null) {
            SQLiteDataSource memory = new SQLiteDataSource();
            memory.setUrl("jdbc:sqlite::memory:");
            int max = 0;
            for (MigrationInfo info : flyway(memory).info().all()) {
                if (info.getVersion() != null) {
                    max = Math.max(max, Integer.parseInt(info.getVersion().getVersion()));
                }
            }
            latestVersion = version = max;
        }
        return version;
    }

    /** Migrates the file to the latest version and stamps user_version/application_id. */
    static MigrateResult migrate(Path file) throws SQLException {
        return migrate(file, null);
    }

    /** Migrates up to {@code target} (null: the latest); tests use it to make files of older versions. */
    static MigrateResult migrate(Path file, String target) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource(SqliteConnections.readWriteConfig());
        dataSource.setUrl(MissionFile.url(file));
        Flyway flyway = target == null ? flyway(dataSource)
                : Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(dataSource).locations(LOCATION)
                        .loggers("slf4j").target(target).load();
        MigrateResult result = flyway.migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA application_id = " + MissionFile.APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + (target == null ? latestVersion() : Integer.parseInt(target)));
        }
        return result;
    }

    private static Flyway flyway(SQLiteDataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .loggers("slf4j")
                .load();
    }
}
