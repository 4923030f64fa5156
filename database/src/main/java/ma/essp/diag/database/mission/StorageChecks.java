package ma.essp.diag.database.mission;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;

/**
 * The database engine's own checks of a mission's storage, the one place besides {@link MissionFile} that speaks
 * SQLite (its PRAGMAs): what {@code check} runs before the model's rules. Which checks apply is asked of the
 * database the context is connected to ({@link DSLContext#dialect()}); a database with no such check here (a team
 * server enforces its foreign keys itself) reports nothing.
 */
public final class StorageChecks {

    /** A row whose foreign key points nowhere: its table, rowid, and the table it should refer to. */
    public record ForeignKeyViolation(String table, String rowid, String parent) {
    }

    private StorageChecks() {
    }

    private static boolean sqlite(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.SQLITE;
    }

    /** SQLite's {@code integrity_check} verdicts other than "ok"; empty when the file is sound. */
    public static List<String> integrityFailures(DSLContext dsl) {
        List<String> failures = new ArrayList<>();
        if (sqlite(dsl)) {
            for (Record r : dsl.resultQuery("PRAGMA integrity_check").fetch()) {
                String verdict = r.get(0, String.class);
                if (!"ok".equalsIgnoreCase(verdict)) {
                    failures.add(verdict);
                }
            }
        }
        return failures;
    }

    /** SQLite's {@code foreign_key_check}: every row whose reference points to a missing row. */
    public static List<ForeignKeyViolation> foreignKeyViolations(DSLContext dsl) {
        List<ForeignKeyViolation> violations = new ArrayList<>();
        if (sqlite(dsl)) {
            for (Record r : dsl.resultQuery("PRAGMA foreign_key_check").fetch()) {
                violations.add(new ForeignKeyViolation(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)));
            }
        }
        return violations;
    }
}
