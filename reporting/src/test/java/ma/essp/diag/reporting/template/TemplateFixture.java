package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.template.ImportProblem.Reason;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of one template kind share: a fixture mission opened per test, the kind's template written in French,
 * its data sheet filled cell by cell as a colleague would, and "refused with the mission file unchanged" asserted by
 * checksum.
 */
abstract class TemplateFixture {

    @TempDir
    Path dir;
    MissionFile mission;
    DSLContext dsl;
    /** Who imports. */
    final EditContext edit;
    private final TemplateKind kind;

    TemplateFixture(TemplateKind kind, EditContext edit) {
        this.kind = kind;
        this.edit = edit;
    }

    TemplateFixture(TemplateKind kind) {
        this(kind, EditContext.system("member-1"));
    }

    @BeforeEach
    void openMission() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
    }

    @AfterEach
    void closeMission() {
        mission.close();
    }

    int esspId(String code) {
        return dsl.fetchValue(ESSP.ID, ESSP.CODE.eq(code));
    }

    /** The template a refusal test fills: national by default. */
    Path template() throws Exception {
        return template(ReportScope.NATIONAL.toString());
    }

    Path template(ReportScope scope) throws Exception {
        return template(scope.toString());
    }

    /** The kind's template of {@code scope} in French; returns its path. */
    Path template(String scope) throws Exception {
        Path out = dir.resolve(kind.code() + ".xlsx");
        FieldTemplate.write(dsl, mission.schemaVersion(), kind, scope, ReportLanguage.FR, out);
        return out;
    }

    Sheet sheet(Workbook wb) {
        return wb.getSheet(kind.sheet());
    }

    /** Sets the cell of column {@code key} of {@code row}: blank, a number, a date or a text. */
    void put(Row row, String key, Object value) {
        int c = FieldTemplate.columns(kind).indexOf(key);
        Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        switch (value) {
            case null -> cell.setBlank();
            case Number n -> cell.setCellValue(n.doubleValue());
            case LocalDate d -> cell.setCellValue(d);
            default -> cell.setCellValue(value.toString());
        }
    }

    /** Data row {@code i} (0: the first data row, sheet row 3). */
    static Row dataRow(Sheet s, int i) {
        return s.getRow(FieldTemplate.FIRST_DATA_ROW - 1 + i);
    }

    /** The data row whose first column holds {@code uuid}. */
    static Row rowOfUuid(Sheet s, String uuid) {
        for (Row row : s) {
            Cell c = row.getCell(0);
            if (row.getRowNum() >= FieldTemplate.FIRST_DATA_ROW - 1 && c != null && uuid.equals(c.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + uuid);
    }

    /**
     * Fills {@link #template()} with {@code change}, asserts the check refuses it, that applying it throws and that the
     * mission file is unchanged, and that every problem has its message in every language; the problems.
     */
    List<ImportProblem> refused(Consumer<Workbook> change) throws Exception {
        return refused(fill(template(), dir.resolve("bad.xlsx"), change));
    }

    /** Asserts that {@code file} is refused and that importing it wrote nothing; the problems. */
    List<ImportProblem> refused(Path file) throws Exception {
        String before = checksum(mission.path());
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), file);
        assertThat(check.valid()).as("refused").isFalse();
        assertThatThrownBy(() -> FieldImport.apply(dsl, edit, check, false)).isInstanceOf(IllegalStateException.class);
        assertThat(checksum(mission.path())).as("the mission file is unchanged").isEqualTo(before);
        for (ReportLanguage l : ReportLanguage.values()) {
            TemplateWords words = new TemplateWords(l);
            check.problems().forEach(p -> assertThat(words.problem(p)).doesNotContain("!").doesNotContain("problem.")
                    .doesNotContain("rule."));
        }
        return check.problems();
    }

    /** The single problem as {@code row|column|reason}, then the rule's code for a {@code RULE}. */
    static String one(List<ImportProblem> problems) {
        assertThat(problems).hasSize(1);
        ImportProblem p = problems.getFirst();
        return p.row() + "|" + p.column() + "|" + p.reason() + (p.reason() == Reason.RULE ? "|" + p.args().getFirst() : "");
    }

    /** The single problem as {@code row|column|value|reason}, then the rule's code for a {@code RULE}. */
    static String oneWithValue(List<ImportProblem> problems) {
        assertThat(problems).hasSize(1);
        ImportProblem p = problems.getFirst();
        return p.row() + "|" + p.column() + "|" + p.value() + "|" + p.reason() + (p.reason() == Reason.RULE ? "|" + p.args().getFirst() : "");
    }
}
