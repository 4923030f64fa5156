package ma.essp.diag.database.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import ma.essp.diag.database.mission.SchemaMigrator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One connection to a team server (PostgreSQL), its schema migrated by Flyway from {@code db/common} (the migrations
 * whose SQL is the same on both vendors) and {@code db/postgresql} (the PostgreSQL twins of the mission file's
 * {@code db/sqlite}), version for version, so that a schema version means the same thing on a laptop and on the server.
 */
public final class TeamServer implements AutoCloseable {

    /** The server's migrations: the common ones and V1..Vn mirroring the SQLite ones of {@code db/sqlite}. */
    public static final String[] LOCATIONS = {SchemaMigrator.COMMON_LOCATION, "classpath:db/postgresql"};

    private final ServerAddress address;
    private final char[] password;
    private final Connection connection;
    private final DSLContext dsl;

    private TeamServer(ServerAddress address, char[] password, Connection connection) {
        this.address = address;
        this.password = password;
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.POSTGRES);
    }

    /**
     * Signs in as {@code address.user()}; {@code password} null or empty: none is sent (the server's pg_hba.conf
     * trusts this user, or pgjdbc finds it in ~/.pgpass).
     */
    public static TeamServer connect(ServerAddress address, char[] password) throws ServerException {
        Properties properties = new Properties();
        properties.setProperty("user", address.user());
        if (password != null && password.length > 0) {
            properties.setProperty("password", new String(password));
        }
        properties.setProperty("ApplicationName", "essp-diag");
        try {
            return new TeamServer(address, password, DriverManager.getConnection(address.url(), properties));
        } catch (SQLException e) {
            throw new ServerException(connectionFailure(address, password, e), e);
        }
    }

    private static String connectionFailure(ServerAddress address, char[] password, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = e.getMessage() == null ? state : e.getMessage().strip();
        if (state.equals("28P01") || state.equals("28000") || reason.contains("password")) {
            return "the server " + address.host() + " refused " + address.user() + ": " + reason
                    + ((password == null || password.length == 0) ? " (no password was given: set PGPASSWORD or run the command in a terminal to be asked)" : "");
        }
        if (state.startsWith("08")) {
            return "cannot reach the server " + address.host() + ": " + reason;
        }
        return "cannot sign in to " + address.url() + " as " + address.user() + ": " + reason;
    }

    public ServerAddress address() {
        return address;
    }

    /** The server's tables through the generated jOOQ classes, rendered for PostgreSQL. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The schema version recorded by Flyway on the server; 0 when the database holds no mission schema yet. */
    public int schemaVersion() {
        MigrationInfo current = flyway(null).info().current();
        return current == null || current.getVersion() == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    }

    /** Creates or upgrades the schema up to {@code target} (null: this application's latest version). */
    public MigrateResult migrate(Integer target) {
        return flyway(target).migrate();
    }

    private Flyway flyway(Integer target) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(address.url());
        dataSource.setUser(address.user());
        if (password != null && password.length > 0) {
            dataSource.setPassword(new String(password));
        }
        var configuration = Flyway.configure(TeamServer.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .loggers("slf4j");
        if (target != null) {
            configuration.target(String.valueOf(target));
        }
        return configuration.load();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to do with it
        }
    }
}
