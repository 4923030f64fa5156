package ma.essp.diag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.sql.Statement;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One write path: only the writer ({@code SyncedRows}) issues INSERT, UPDATE or DELETE through jOOQ, and raw JDBC
 * writes stay in the few places that never touch a user's rows one by one. Each allowance says why.
 */
class WritePathRulesTest {

    /** The one writer of versioned rows (version check, stamp, audit, all or none). */
    static final String WRITER = "ma.essp.diag.database.repository.SyncedRows";

    /** jOOQ calls that write rows. */
    static final Set<String> DSL_WRITES = Set.of("insertInto", "update", "deleteFrom", "delete", "mergeInto", "insertQuery",
            "updateQuery", "deleteQuery", "batchInsert", "batchUpdate", "batchStore", "batchDelete", "batchMerge",
            "truncate", "truncateTable", "execute", "query", "loadInto");
    static final Set<String> RECORD_WRITES = Set.of("store", "insert", "update", "delete", "merge");
    static final Set<String> JDBC_WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch", "addBatch");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the database module's test fixture
                .withImportOption(location -> !location.contains("/ma/essp/diag/database/jooq/"))
                .importPackages("ma.essp.diag");
    }

    /** The writer and its nested classes (its audit batch). */
    static final DescribedPredicate<JavaClass> THE_WRITER = DescribedPredicate.describe("the writer",
            c -> c.getName().equals(WRITER) || c.getName().startsWith(WRITER + "$"));

    private static DescribedPredicate<JavaAccess<?>> callTo(Class<?> owner, Set<String> names) {
        return DescribedPredicate.describe("a call to " + owner.getSimpleName() + "." + names,
                access -> names.contains(access.getName()) && access.getTargetOwner().isAssignableTo(owner));
    }

    /**
     * The team server's copy of a whole mission file (database.server.MissionUpload): rows go to the server as they are
     * in the file (same keys, versions, stamps and audit rows), a copy like VACUUM INTO, not an edit.
     */
    static final DescribedPredicate<JavaClass> THE_SERVER_COPY = DescribedPredicate.describe("the server's mission copy",
            c -> c.getName().equals("ma.essp.diag.database.server.MissionUpload"));

    @Test
    void onlyTheWriterInsertsUpdatesOrDeletesThroughJooq() {
        noClasses().that(DescribedPredicate.not(DescribedPredicate.or(THE_WRITER, THE_SERVER_COPY)))
                .should().accessTargetWhere(callTo(DSLContext.class, DSL_WRITES))
                .orShould().accessTargetWhere(callTo(UpdatableRecord.class, RECORD_WRITES))
                .orShould().accessTargetWhere(callTo(TableRecord.class, RECORD_WRITES))
                .because("every change of a versioned row goes through SyncedRows (version check, stamp, audit)")
                .check(classes);
    }

    @Test
    void rawJdbcWritesStayInTheMissionFileTheDemoGeneratorAndTheBenchBaselines() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("an allowed raw JDBC writer", c ->
                // opening, migrating, checking and copying the file: PRAGMAs, Flyway, VACUUM INTO; no row is written
                c.getPackageName().equals("ma.essp.diag.database.mission")
                        // the demo generator's bulk path: rows stamped as the writer would (DemoRowsAsWrittenTest)
                        || c.getPackageName().equals("ma.essp.diag.database.demo")
                        // the bench's bare-library baselines, on a scratch copy, never on a user's mission
                        || c.getPackageName().equals("ma.essp.diag.app.bench"));
        noClasses().that(DescribedPredicate.not(allowed))
                .should().accessTargetWhere(callTo(Statement.class, JDBC_WRITES))
                .because("raw JDBC would bypass the writer's version check and audit")
                .check(classes);
    }

    @Test
    void theRuleCatchesAWriteOutsideTheWriter() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().that(DescribedPredicate.not(THE_WRITER))
                        .should().accessTargetWhere(callTo(DSLContext.class, DSL_WRITES)).check(offender))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Offender");
    }

    /** A class that writes behind the writer's back: what the rule must refuse. */
    static final class Offender {
        void write(DSLContext dsl) {
            dsl.update(org.jooq.impl.DSL.table("essp")).set(org.jooq.impl.DSL.field("notes"), "x").execute();
        }
    }
}
