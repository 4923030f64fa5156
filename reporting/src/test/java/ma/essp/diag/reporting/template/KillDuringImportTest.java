package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.DATA_VERIFICATION;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.KillableChild;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a field template import (a child JVM running {@link FieldImport#apply}, destroyed forcibly once its
 * transaction has written): the mission passes {@code PRAGMA integrity_check}, opens, and holds its state before the
 * import; a child left to finish leaves every row of the workbook.
 */
class KillDuringImportTest {

    /** Rows of the workbook: every row the recounts template prepares for new recounts. */
    static final int ROWS = FieldTemplate.NEW_ROWS;

    @TempDir
    Path dir;

    /** The child's operation: checks and imports the workbook {@code args[0]}, printing WORKING after its first write. */
    public static final class ImportOperation implements KillableChild.Operation {
        @Override
        public void run(MissionFile mission, List<String> args) {
            AtomicBoolean said = new AtomicBoolean();
            ExecuteListener working = new ExecuteListener() {
                @Override
                public void executeEnd(ExecuteContext ctx) {
                    if (ctx.sql() != null && ctx.sql().toLowerCase().startsWith("insert") && !said.getAndSet(true)) {
                        System.out.println("WORKING");
                        System.out.flush();
                    }
                }
            };
            DSLContext dsl = DSL.using(mission.dsl().configuration().derive(working));
            FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), Path.of(args.getFirst()));
            if (!check.valid()) {
                throw new IllegalStateException(check.problems().toString());
            }
            FieldImport.apply(dsl, EditContext.system("killable-import"), check, false);
        }
    }

    private Path bigWorkbook(Path mission) throws Exception {
        Path template = dir.resolve("recounts.xlsx");
        try (MissionFile m = MissionFile.open(mission, dir.resolve("schema-backups"))) {
            FieldTemplate.write(m.dsl(), m.schemaVersion(), TemplateKind.RECOUNTS, ReportScope.NATIONAL, ReportLanguage.FR, template);
        }
        String[] codes = {"E001", "E002", "E003", "E004", "E005", "E006"};
        return fill(template, dir.resolve("big.xlsx"), wb -> {
            Sheet s = wb.getSheet("Recounts");
            for (int i = 0; i < ROWS; i++) {
                Row row = s.getRow(FieldTemplate.FIRST_DATA_ROW - 1 + i);
                row.getCell(1).setCellValue(codes[i % codes.length]);
                row.getCell(3).setCellValue("IND-" + (i / codes.length));
                row.getCell(4).setCellValue("2026-0" + (1 + i % 9));
                row.getCell(5).setCellValue(i);
                row.getCell(6).setCellValue(i + 1);
                row.getCell(7).setCellValue("autre");
            }
        });
    }

    @Test
    void killedDuringTheImportTheMissionIsIntactAndAsBefore() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Path workbook = bigWorkbook(mission);
        int auditBefore;
        try (MissionFile m = MissionFile.open(mission, dir.resolve("schema-backups"))) {
            auditBefore = m.dsl().fetchCount(AUDIT_LOG);
        }
        Process p = KillableChild.start(ImportOperation.class.getName(), mission, workbook.toString());
        List<String> seen = new ArrayList<>();
        KillableChild.waitFor(p, "WORKING", seen);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("killed before the commit").doesNotContain("DONE");

        assertThat(KillableChild.integrity(mission)).isEqualTo("ok");
        try (MissionFile m = MissionFile.open(mission, dir.resolve("schema-backups"))) {
            assertThat(m.dsl().fetchCount(DATA_VERIFICATION)).isZero();
            assertThat(m.dsl().fetchCount(AUDIT_LOG)).isEqualTo(auditBefore);
        }
    }

    @Test
    void leftToFinishTheImportWritesEveryRow() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Path workbook = bigWorkbook(mission);
        Process p = KillableChild.start(ImportOperation.class.getName(), mission, workbook.toString());
        List<String> seen = new ArrayList<>();
        KillableChild.waitFor(p, "DONE", seen);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(KillableChild.integrity(mission)).isEqualTo("ok");
        try (MissionFile m = MissionFile.open(mission, dir.resolve("schema-backups"))) {
            assertThat(m.dsl().fetchCount(DATA_VERIFICATION)).isEqualTo(ROWS);
            assertThat(m.dsl().fetchCount(DATA_VERIFICATION, DATA_VERIFICATION.UPDATED_BY.eq("killable-import"))).isEqualTo(ROWS);
        }
    }
}
