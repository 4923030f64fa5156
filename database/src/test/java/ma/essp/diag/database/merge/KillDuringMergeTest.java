package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MERGE_JOURNAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.KillableChild;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a merge (a child JVM running {@link MergeEngine#apply} of a colleague's copy that created
 * {@value #ROWS} ESSPs, destroyed forcibly once the merge's transaction has written): the target passes
 * {@code PRAGMA integrity_check}, opens, and holds its last good state (no merged row, no journal, no copied audit
 * row); a child left to finish leaves every row.
 */
class KillDuringMergeTest {

    /** ESSPs the colleague created: enough for the merge's transaction to be under way when the child is killed. */
    static final int ROWS = 2_000;

    @TempDir
    Path dir;

    /** The child's operation: merges {@code args[0]} into the mission, printing WORKING after the merge's first write. */
    public static final class MergeOperation implements KillableChild.Operation {
        @Override
        public void run(MissionFile mission, List<String> args) throws Exception {
            AtomicBoolean applying = new AtomicBoolean();
            AtomicBoolean said = new AtomicBoolean();
            ExecuteListener working = new ExecuteListener() {
                @Override
                public void executeEnd(ExecuteContext ctx) {
                    String sql = ctx.sql() == null ? "" : ctx.sql().toLowerCase(Locale.ROOT);
                    if (applying.get() && (sql.startsWith("insert") || sql.startsWith("update")) && !said.getAndSet(true)) {
                        System.out.println("WORKING");
                        System.out.flush();
                    }
                }
            };
            DSLContext dsl = DSL.using(mission.dsl().configuration().derive(working));
            Path other = Path.of(args.getFirst());
            MergeEngine engine = new MergeEngine();
            try (MergeSource source = MergeSource.open(other, mission, other.resolveSibling("scratch"))) {
                MergePlan plan = engine.analyse(dsl, source.dsl(), other.getFileName().toString(), source.missionUuid());
                applying.set(true);
                engine.apply(dsl, EditContext.system("killable-merge"), plan, MergeDecisions.of(null, null, false), null);
            }
        }
    }

    /** The target (a copy of the fixture) and the colleague's copy in which {@value #ROWS} ESSPs were created. */
    private Path[] twoCopies() throws Exception {
        Path base = dir.resolve("base.essp");
        FixtureMission.create(base).close();
        Path target = Files.copy(base, dir.resolve("target.essp"));
        Path theirs = Files.copy(base, dir.resolve("theirs.essp"));
        try (MissionFile m = MissionFile.open(theirs, dir.resolve("schema-backups"))) {
            EditContext brahim = EditContext.system("brahim");
            int circonscription = m.dsl().select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq("C-TNG-2"))
                    .fetchOne().value1();
            m.dsl().transaction(tx -> {
                for (int i = 1; i <= ROWS; i++) {
                    EsspRecord e = tx.dsl().newRecord(ESSP);
                    e.setCode(String.format(Locale.ROOT, "01511-%04d", i));
                    e.setNameFr("Dispensaire " + i);
                    e.setCategoryCode("DR");
                    e.setCirconscriptionId(circonscription);
                    e.setMilieu("rural");
                    SyncedRows.insert(tx.dsl(), brahim, e);
                }
            });
        }
        return new Path[] {target, theirs};
    }

    @Test
    void killedDuringTheMergeTheTargetIsIntactAndAtItsLastGoodState() throws Exception {
        Path[] files = twoCopies();
        int auditBefore;
        try (MissionFile m = MissionFile.open(files[0], dir.resolve("schema-backups"))) {
            auditBefore = m.dsl().fetchCount(AUDIT_LOG);
        }
        Process p = KillableChild.start(MergeOperation.class.getName(), files[0], files[1].toString());
        List<String> seen = new ArrayList<>();
        KillableChild.waitFor(p, "WORKING", seen);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("killed before the commit").doesNotContain("DONE");

        assertThat(KillableChild.integrity(files[0])).isEqualTo("ok");
        try (MissionFile m = MissionFile.open(files[0], dir.resolve("schema-backups"))) {
            // the fixture's seven ESSPs (one of them deleted), nothing of the colleague's
            assertThat(m.dsl().fetchCount(ESSP)).isEqualTo(7);
            assertThat(m.dsl().fetchCount(MERGE_JOURNAL)).isZero();
            assertThat(m.dsl().fetchCount(AUDIT_LOG)).isEqualTo(auditBefore);
        }
    }

    @Test
    void leftToFinishTheMergeWritesEveryRow() throws Exception {
        Path[] files = twoCopies();
        Process p = KillableChild.start(MergeOperation.class.getName(), files[0], files[1].toString());
        List<String> seen = new ArrayList<>();
        KillableChild.waitFor(p, "DONE", seen);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(KillableChild.integrity(files[0])).isEqualTo("ok");
        try (MissionFile m = MissionFile.open(files[0], dir.resolve("schema-backups"))) {
            assertThat(m.dsl().fetchCount(ESSP)).isEqualTo(7 + ROWS);
            assertThat(m.dsl().fetchCount(ESSP, ESSP.CODE.like("01511-%"))).isEqualTo(ROWS);
        }
    }
}
