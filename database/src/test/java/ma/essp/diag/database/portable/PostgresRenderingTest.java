package ma.essp.diag.database.portable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import ma.essp.diag.database.check.ConsistencyChecker;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository.AssessmentSelection;
import ma.essp.diag.database.repository.ReportSourceRepository;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query of the report source, the readiness loader and the consistency checker runs, as rendered for
 * PostgreSQL, against a mock database that records the SQL and answers with no rows: nothing SQLite-only (PRAGMA,
 * GLOB, rowid, sqlite_master, plain-SQL text written for SQLite) may reach a second database. The number of
 * statements is pinned too, so that a query skipped for a non-SQLite database cannot pass unnoticed.
 */
class PostgresRenderingTest {

    /** Words that only SQLite understands, as they would appear in rendered SQL. */
    static final Pattern SQLITE_ONLY = Pattern.compile(
            "(?i)\\b(pragma|glob|rowid|sqlite_\\w+|vacuum|user_version|application_id|ifnull|last_insert_rowid|strftime|julianday)\\b");

    final List<String> statements = new ArrayList<>();
    DSLContext postgres;

    @BeforeEach
    void mockPostgres() {
        DSLContext renderer = DSL.using(SQLDialect.POSTGRES);
        postgres = DSL.using(new MockConnection(ctx -> {
            statements.add(ctx.sql());
            return new MockResult[] {new MockResult(0, renderer.newResult())};
        }), SQLDialect.POSTGRES);
    }

    private void assertPortable() {
        assertThat(statements).allSatisfy(sql -> {
            assertThat(SQLITE_ONLY.matcher(sql).find()).as("SQLite-only syntax in %s", sql).isFalse();
            // the generated tables are rendered quoted; the PostgreSQL renderer writes booleans as true/false
            assertThat(sql).as("rendered by jOOQ for PostgreSQL: %s", sql).startsWith("select");
        });
    }

    @Test
    void theAuditQueriesRenderForPostgresWithEveryFilter() {
        var audit = new ma.essp.diag.database.repository.AuditRepository(postgres);
        var filter = new ma.essp.diag.database.repository.AuditRepository.Filter("member-uuid",
                java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31), 7, "essp");
        assertThat(audit.count(filter)).isZero();
        assertThat(audit.page(filter, 1000, 200)).isEmpty();
        assertThat(audit.tables()).isEmpty();
        assertThat(audit.authors()).isEmpty();
        // the count, the page (no rows: no ESSP looked up), the tables, the authors
        assertThat(statements).hasSize(4);
        assertPortable();
        assertThat(statements.get(1)).contains("\"audit_log\".\"at\" >= ?", "\"assessment\".\"essp_id\" = ?", "order by \"audit_log\".\"id\" desc");
    }

    @Test
    void theReportSourceQueriesRenderForPostgres() {
        var data = new ReportSourceRepository(postgres).load();
        assertThat(data.essps()).isEmpty();
        // one query per list (the data flows and the PRISM checklists read by their own repository, the findings with
        // their links, the perpetrator-care roll-out read by PerpetratorCareRepository), plus the mission's team (the cover),
        // plus the training plan's six lists (TrainingRepository.load, whose cost lines give the report's budgets),
        // plus the evaluation scores and collective projects with their teams (TrainingOutcomeRepository.load)
        assertThat(statements).hasSize(52);
        assertPortable();
        assertThat(String.join("\n", statements)).contains("\"essp\".\"deleted\" = false");
    }

    @Test
    void theReadinessQueriesRenderForPostgresForBothSelections() {
        for (AssessmentSelection selection : AssessmentSelection.values()) {
            assertThat(new ReadinessDataRepository(postgres).load(selection).assessments()).isEmpty();
        }
        // per load: domains, versions, services, items, requirements, categories, regions, provinces,
        // circonscriptions, ESSPs, then the selected assessments, their answers and their offered services
        assertThat(statements).hasSize(2 * 13);
        assertPortable();
        assertThat(statements.get(13 + 10)).contains("row_number() over", "\"assessment\".\"status\" = ?");
    }

    @Test
    void theConsistencyRulesAndWarningsRenderForPostgres() {
        ConsistencyChecker checker = new ConsistencyChecker(postgres);
        assertThat(checker.check()).isEmpty();
        // the storage checks are SQLite's own and are not run on another database; every model rule is one query,
        // the geometric rule one more
        assertThat(statements).hasSize(ConsistencyChecker.ruleCodes().size());
        statements.clear();

        assertThat(checker.warnings()).isEmpty();
        long tablesWithText = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .filter(t -> !List.of("audit_log").contains(t.getName()))
                .filter(PostgresRenderingTest::hasText).count();
        assertThat(statements).hasSize((int) tablesWithText);
        assertPortable();
        assertThat(String.join("\n", statements)).contains("char_length(");
    }

    private static boolean hasText(Table<?> table) {
        for (Field<?> f : table.fields()) {
            if (f.getType() == String.class) {
                return true;
            }
        }
        return false;
    }
}
