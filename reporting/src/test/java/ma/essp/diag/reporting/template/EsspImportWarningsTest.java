package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.template.ImportProblem.Reason;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * New ESSPs from the ESSP template, with rows made by hand: the point must lie in the province of the circonscription
 * chosen (the registry form's rule on the shipped outlines), and a likely duplicate of an ESSP of the mission (the
 * merge's duplicate candidate: same normalised name within 200 m in the same circonscription) is a warning in the
 * row-level report, before anything is written; the workbook stays importable once the user has reviewed it.
 */
class EsspImportWarningsTest extends TemplateFixture {

    /** The fixture's six live ESSPs fill data rows 0–5: the first empty row is data row 6 (sheet row 9). */
    private static final int FIRST_NEW = 6;
    private static final int SHEET_ROW = 9;
    /** E004 "Dispensaire Dar Chaoui" (circonscription Gzenaya, Tanger-Assilah) is placed here for these tests. */
    private static final double LAT = 35.71;
    private static final double LON = -5.93;

    EsspImportWarningsTest() {
        super(TemplateKind.ESSP, new EditContext("member-1", "device-1", java.time.Clock.systemUTC()));
    }

    @BeforeEach
    void placeDarChaoui() {
        dsl.update(ESSP).set(ESSP.LATITUDE, LAT).set(ESSP.LONGITUDE, LON).where(ESSP.CODE.eq("E004")).execute();
    }

    private void newEssp(Row row, String code, String name, double lat, double lon) {
        put(row, "code", code);
        put(row, "circonscription", "Circonscription Gzenaya");
        put(row, "name_fr", name);
        put(row, "category", "DR");
        put(row, "milieu", "rural");
        put(row, "functionality", "fully");
        put(row, "latitude", lat);
        put(row, "longitude", lon);
    }

    private Path filled(Consumer<Workbook> change) throws Exception {
        return fill(template(), dir.resolve("filled.xlsx"), change);
    }

    private Row firstNew(Workbook wb) {
        Sheet s = sheet(wb);
        return dataRow(s, FIRST_NEW);
    }

    private static FieldImport.EsspChange newRow(FieldImport.Check check) {
        return check.rows().stream().filter(r -> r.row() == SHEET_ROW).map(FieldImport.EsspChange.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aNewEsspOutsideTheProvinceOfItsCirconscriptionIsRefused() throws Exception {
        // Casablanca (33.59 N, 7.62 W) for an ESSP of Gzenaya, in Tanger-Assilah: about 250 km south of its outline
        List<ImportProblem> problems = refused(wb -> newEssp(firstNew(wb), null, "Dispensaire Jdid", 33.59, -7.62));
        assertThat(oneWithValue(problems)).isEqualTo(SHEET_ROW + "|latitude|33.59|RULE|OUTSIDE_PROVINCE");
        List<String> args = problems.getFirst().args();
        assertThat(args.get(3)).as("the province named").isEqualTo("Tanger-Assilah");
        assertThat(Long.parseLong(args.get(4))).as("km outside").isBetween(150L, 300L);
        assertThat(new TemplateWords(ReportLanguage.EN).problem(problems.getFirst())).contains("Tanger-Assilah").contains("km");

        // an existing ESSP moved out of its province by the workbook is refused the same way
        List<ImportProblem> moved = refused(wb -> {
            Row darChaoui = rowOfUuid(sheet(wb), dsl.fetchValue(ESSP.UUID, ESSP.CODE.eq("E004")));
            put(darChaoui, "latitude", 33.59);
            put(darChaoui, "longitude", -7.62);
        });
        assertThat(moved).extracting(p -> p.args().getFirst()).containsExactly("OUTSIDE_PROVINCE");
    }

    @Test
    void aNewEsspInsideItsProvinceIsImported() throws Exception {
        // 0.05° north of Dar Chaoui (5.6 km): inside Tanger-Assilah, and no name in common
        Path file = filled(wb -> newEssp(firstNew(wb), null, "Dispensaire Jdid", LAT + 0.05, LON));
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), file);
        assertThat(check.problems()).isEmpty();
        FieldImport.apply(dsl, edit, check, false);
        assertThat(dsl.fetchCount(ESSP, ESSP.NAME_FR.eq("Dispensaire Jdid"))).isOne();
    }

    @Test
    void theSameNameWithin200MetresIsALikelyDuplicateReportedBeforeAnythingIsWritten() throws Exception {
        // 0.001° of latitude north: 0.001 × π/180 × 6,371 km ≈ 111 m, within 200 m; a typed code, so not matched by it
        Path file = filled(wb -> newEssp(firstNew(wb), "01511-0005", "dispensaire DAR  chaoui", LAT + 0.001, LON));
        String before = checksum(mission.path());
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), file);
        assertThat(checksum(mission.path())).as("checking writes nothing").isEqualTo(before);
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Reason.LIKELY_DUPLICATE);
            assertThat(p.warning()).isTrue();
            assertThat(p.row()).isEqualTo(SHEET_ROW);
            assertThat(p.column()).isEqualTo("name_fr");
            assertThat(p.args()).containsExactly("E004", "Dispensaire Dar Chaoui");
        });
        assertThat(check.valid()).as("a warning stops nothing").isTrue();
        assertThat(check.warnings()).hasSize(1);
        assertThat(check.validRows()).as("the six listed ESSPs and the new row").hasSize(7);
        for (ReportLanguage l : ReportLanguage.values()) {
            TemplateWords words = new TemplateWords(l);
            assertThat(words.problem(check.problems().getFirst())).contains("E004").doesNotContain("!");
            assertThat(ImportReport.summary(check, words)).doesNotContain("!");
        }
        assertThat(ImportReport.summary(check, new TemplateWords(ReportLanguage.EN)))
                .isEqualTo("7 rows read, no problem: the workbook can be imported. 1 warnings (likely duplicates) to review before importing.");

        // the user reviewed it and imports: a second ESSP, with the code typed
        FieldImport.apply(dsl, edit, check, false);
        assertThat(dsl.fetchValue(ESSP.NAME_FR, ESSP.CODE.eq("01511-0005"))).isEqualTo("dispensaire DAR  chaoui");
        assertThat(dsl.fetchCount(ESSP, ESSP.DELETED.isFalse())).isEqualTo(6 + 1);
    }

    @Test
    void theSameNameFartherThan200MetresIsNoDuplicate() throws Exception {
        // 0.003° north: 0.003 × π/180 × 6,371 km ≈ 334 m, beyond 200 m
        Path file = filled(wb -> newEssp(firstNew(wb), "01511-0005", "Dispensaire Dar Chaoui", LAT + 0.003, LON));
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), file);
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void aNewRowTakenForAnEsspOfTheMissionThatItChangesIsAWarning() throws Exception {
        // a first import creates "Dispensaire Jdid" (next free code of Tanger-Assilah: 01511-0001), 0.05° north of Dar Chaoui
        Path first = filled(wb -> newEssp(firstNew(wb), null, "Dispensaire Jdid", LAT + 0.05, LON));
        FieldImport.apply(dsl, edit, FieldImport.check(dsl, mission.schemaVersion(), first), false);
        assertThat(dsl.fetchValue(ESSP.NAME_FR, ESSP.CODE.eq("01511-0001"))).isEqualTo("Dispensaire Jdid");

        // the same workbook (made before that ESSP existed) edited: urban, and 0.0005° (≈ 56 m) farther north
        Path second = fill(first, dir.resolve("second.xlsx"), wb -> {
            put(firstNew(wb), "milieu", "urban");
            put(firstNew(wb), "latitude", LAT + 0.0505);
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), second);
        // the row is taken for 01511-0001 (same name within 200 m, same circonscription): milieu and latitude change
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Reason.SAME_ESSP_UPDATED);
            assertThat(p.row()).isEqualTo(SHEET_ROW);
            assertThat(p.column()).isEqualTo("name_fr");
            assertThat(p.args()).containsExactly("01511-0001", "Dispensaire Jdid", "2");
        });
        assertThat(check.valid()).isTrue();
        assertThat(newRow(check).esspId()).isEqualTo(esspId("01511-0001"));
        FieldImport.apply(dsl, edit, check, false);
        assertThat(dsl.fetchValue(ESSP.MILIEU, ESSP.CODE.eq("01511-0001"))).isEqualTo("urban");
        assertThat(dsl.fetchCount(ESSP)).as("nothing created").isEqualTo(7 + 1);

        // the same workbook again: nothing to change, so nothing to warn about
        FieldImport.Check again = FieldImport.check(dsl, mission.schemaVersion(), second);
        assertThat(again.problems()).isEmpty();
        assertThat(again.rows()).allSatisfy(r -> assertThat(r.changedValues()).isZero());
    }
}
