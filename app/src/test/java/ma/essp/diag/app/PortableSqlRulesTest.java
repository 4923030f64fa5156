package ma.essp.diag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.PlainSQL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ready for a second database: every query goes through jOOQ's DSL on the generated tables, and what only SQLite
 * understands (PRAGMAs, integrity checks, VACUUM INTO, plain SQL text) stays behind the mission file
 * ({@code ma.essp.diag.database.mission}). Each other allowance says why.
 */
class PortableSqlRulesTest {

    static final String MISSION = "ma.essp.diag.database.mission";

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the database module's test fixture
                .withImportOption(location -> !location.contains("/ma/essp/diag/database/jooq/"))
                .importPackages("ma.essp.diag");
    }

    private static boolean inPackage(JavaClass c, String name) {
        return c.getPackageName().equals(name);
    }

    /** A call to one of jOOQ's plain-SQL methods (annotated {@link PlainSQL}): SQL text that jOOQ passes on as written. */
    static final DescribedPredicate<JavaCall<?>> PLAIN_SQL = DescribedPredicate.describe("a call to jOOQ's plain-SQL API",
            call -> call.getTarget().resolveMember().map(m -> m.isAnnotatedWith(PlainSQL.class)).orElse(false));

    @Test
    void onlyTheMissionFileWritesSqlTextForJooq() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("the mission file or an allowed exception", c ->
                inPackage(c, MISSION)
                        // RETURNING around jOOQ's upsert: jOOQ emulates returningResult() for SQLite with
                        // last_insert_rowid(), which is empty on the update path (jOOQ issue 18073); RETURNING
                        // itself is standard (PostgreSQL has it)
                        || c.getName().equals("ma.essp.diag.database.repository.SyncedRows")
                        || c.getName().startsWith("ma.essp.diag.database.repository.SyncedRows$")
                        // the team server's mission copy moves each identity past the copied ids with PostgreSQL's own
                        // setval/pg_get_serial_sequence: it only ever runs on the server
                        || c.getName().equals("ma.essp.diag.database.server.MissionUpload")
                        // the push asks the server's essp_scope_allows (row-level security's rules) about every row
                        // before writing: PostgreSQL's jsonb and function, only ever on the server
                        || c.getName().equals("ma.essp.diag.database.server.ServerScopeCheck"));
        noClasses().that(DescribedPredicate.not(allowed))
                .should().callCodeUnitWhere(PLAIN_SQL)
                .because("a query written as SQLite text would not run on the team server; write it with the DSL")
                .check(classes);
    }

    /** A JDBC call that takes SQL text. */
    static final DescribedPredicate<JavaCall<?>> JDBC_SQL = DescribedPredicate.describe("a JDBC call that takes SQL text", call ->
            (call.getTargetOwner().isAssignableTo(Statement.class)
                    && Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch").contains(call.getName()))
                    || (call.getTargetOwner().isAssignableTo(Connection.class)
                    && Set.of("prepareStatement", "prepareCall", "nativeSQL").contains(call.getName())));

    @Test
    void bothPredicatesRecogniseTheMissionFilesOwnSqliteStatements() {
        // the rules below would pass vacuously if jOOQ's annotations or JDBC's types could not be resolved
        List<JavaCall<?>> missionCalls = classes.stream().filter(c -> inPackage(c, MISSION))
                .<JavaCall<?>>flatMap(c -> c.getMethodCallsFromSelf().stream()).toList();
        assertThat(missionCalls).filteredOn(PLAIN_SQL::test).isNotEmpty();
        assertThat(missionCalls).filteredOn(JDBC_SQL::test).isNotEmpty();
    }

    @Test
    void rawJdbcQueriesStayInTheMissionFileTheDemoGeneratorAndTheBenchBaselines() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("an allowed raw JDBC user", c ->
                inPackage(c, MISSION)
                        // the demo generator builds a new SQLite mission file in bulk (DemoRowsAsWrittenTest)
                        || inPackage(c, "ma.essp.diag.database.demo")
                        // the bench's bare-library baselines, on a scratch copy, never on a user's mission
                        || inPackage(c, "ma.essp.diag.app.bench"));
        noClasses().that(DescribedPredicate.not(allowed))
                .should().callCodeUnitWhere(JDBC_SQL)
                .because("queries go through jOOQ's DSL so that they render for any database")
                .check(classes);
    }

    /** SQLite-only statements written as text: PRAGMA, VACUUM, ATTACH, the sqlite_ catalogue tables. */
    static final Pattern SQLITE_TEXT = Pattern.compile("\"[^\"\\n]*\\b(PRAGMA|VACUUM|ATTACH DATABASE|sqlite_master|sqlite_schema|pragma_\\w+)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noSqliteOnlyStatementOutsideTheMissionFile() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        for (String module : List.of("database", "reporting", "app")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (relative.contains("/ma/essp/diag/database/mission/")
                            // the bench's bare-library baselines run SQLite itself on a scratch copy
                            || relative.contains("/ma/essp/diag/app/bench/")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (SQLITE_TEXT.matcher(lines.get(i)).find()) {
                            found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("SQLite-only statements outside %s", MISSION).isEmpty();
    }
}
