package ma.essp.diag.app.cli;

import static ma.essp.diag.app.cli.IndicesCommandTest.parseCsv;
import static ma.essp.diag.app.cli.IndicesCommandTest.run;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.cli.IndicesCommandTest.Run;
import ma.essp.diag.database.jooq.tables.records.CirconscriptionFunctionRecord;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.jooq.tables.records.StructureRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis training-needs} on the fixture mission, worked by hand: Tanger Médina (Tanger-Assilah)
 * does not hold planning; Anfa (Casablanca-Anfa) partly holds supervision; Gzenaya has no function recorded. Staff: the
 * "Médecin chef" of a Tanger Médina ESSP, a nurse there (not a head), the délégation of Tanger-Assilah's administrator.
 * One short course PSP. Tanger-Assilah: 1 circonscription assessed of 2, 1 lacking, planning not held 1, two people
 * proposed for PSP (the head and the délégation's administrator); Casablanca-Anfa: 1 assessed, 1 lacking, supervision
 * partial 1, nobody on record to propose.
 */
class TrainingNeedsCommandTest {

    @TempDir
    Path dir;

    private Path mission() throws Exception {
        Path file = dir.resolve("needs.essp");
        try (MissionFile mission = FixtureMission.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            int medina = dsl.select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq("C-TNG-1")).fetchOne().value1();
            int anfa = dsl.select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq("C-CAS-1")).fetchOne().value1();
            function(dsl, edit, medina, "planning", "not_held");
            function(dsl, edit, medina, "supervision", "held");
            function(dsl, edit, anfa, "supervision", "partial");
            int esspOfMedina = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CIRCONSCRIPTION_ID.eq(medina).and(ESSP.DELETED.isFalse()))
                    .orderBy(ESSP.ID).limit(1).fetchOne().value1();
            staff(dsl, edit, esspOfMedina, null, "Dr Amal Idrissi", "Médecin chef", "doctor_gp");
            staff(dsl, edit, esspOfMedina, null, "Nadia Tazi", "Infirmière polyvalente", "nurse");
            StructureRecord delegation = dsl.newRecord(STRUCTURE);
            delegation.setKind("delegation");
            delegation.setProvinceId(FixtureMission.TANGER_ASSILAH);
            delegation.setNameFr("Délégation Tanger-Assilah");
            int delegationId = SyncedRows.insert(dsl, edit, delegation);
            staff(dsl, edit, null, delegationId, "Karim Bennani", "Administrateur", "administrator");
            TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
            p.setCode("PSP");
            p.setKind("short_course");
            p.setTitleFr("Planification et suivi");
            SyncedRows.insert(dsl, edit, p);
        }
        return file;
    }

    private static void function(DSLContext dsl, EditContext edit, int circonscription, String code, String held) {
        CirconscriptionFunctionRecord f = dsl.newRecord(CIRCONSCRIPTION_FUNCTION);
        f.setCirconscriptionId(circonscription);
        f.setFunctionCode(code);
        f.setHeld(held);
        SyncedRows.insert(dsl, edit, f);
    }

    private static void staff(DSLContext dsl, EditContext edit, Integer essp, Integer structure, String name, String job,
                              String cadre) {
        StaffPositionRecord s = dsl.newRecord(STAFF_POSITION);
        s.setEsspId(essp);
        s.setStructureId(structure);
        s.setCadreCode(cadre);
        s.setHolderName(name);
        s.setJobTitle(job);
        SyncedRows.insert(dsl, edit, s);
    }

    @Test
    void perProvinceTheFunctionsLackingAndThePeopleProposed() throws Exception {
        Run r = run("figures", mission().toString(), "--axis", "training-needs", "--level", "province");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = parseCsv(r.out());
        assertThat(rows).hasSize(2);
        Map<String, String> tanger = rows.stream().filter(x -> x.get("province_id").equals(String.valueOf(FixtureMission.TANGER_ASSILAH)))
                .findFirst().orElseThrow();
        assertThat(tanger.get("circonscriptions_assessed")).isEqualTo("1");
        assertThat(tanger.get("circonscriptions_lacking")).isEqualTo("1");
        assertThat(tanger.get("planning_not_held")).isEqualTo("1");
        assertThat(tanger.get("supervision_partial")).isEqualTo("0");
        assertThat(tanger.get("people_proposed")).isEqualTo("2");
        assertThat(tanger.get("courses")).isEqualTo("PSP:2");
        // the needs map's figure: planning not held, supervision held → 1 of 2 functions lacking = 50 % → 50-75
        assertThat(tanger.get("functions_recorded")).isEqualTo("2");
        assertThat(tanger.get("functions_lacking")).isEqualTo("1");
        assertThat(tanger.get("functions_lacking_pct")).isEqualTo("50.0");
        assertThat(tanger.get("need_class")).isEqualTo("50-75");
        Map<String, String> anfa = rows.stream().filter(x -> x.get("province_id").equals(String.valueOf(FixtureMission.CASABLANCA_ANFA)))
                .findFirst().orElseThrow();
        assertThat(anfa.get("supervision_partial")).isEqualTo("1");
        assertThat(anfa.get("people_proposed")).isEqualTo("0");
        assertThat(anfa.get("courses")).isEmpty();
        assertThat(anfa.get("need_class")).isEqualTo("75-100"); // supervision partly held: 1 of 1
    }

    @Test
    void perCirconscriptionByDefaultAndPerRegionAsJson() throws Exception {
        Path file = mission();
        List<Map<String, String>> circonscriptions = parseCsv(run("figures", file.toString(), "--axis", "training-needs").out());
        assertThat(circonscriptions).extracting(x -> x.get("circonscription") + " " + x.get("circonscriptions_assessed")
                        + " " + x.get("people_proposed"))
                .containsExactlyInAnyOrder("Circonscription Tanger Médina 1 1", "Circonscription Gzenaya 0 0",
                        "Circonscription Anfa 1 0");
        Run json = run("figures", file.toString(), "--axis", "training-needs", "--level", "region", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"people_proposed\": 2").contains("\"courses\": \"PSP:2\"")
                .contains("\"circonscriptions_assessed\": 1");
    }

    @Test
    void aLevelBelowTheCirconscriptionIsRefusedAndAMissionWithoutFunctionsSaysSo() throws Exception {
        Run essp = run("figures", mission().toString(), "--axis", "training-needs", "--level", "essp");
        assertThat(essp.exit()).isEqualTo(2);
        assertThat(essp.err()).contains("circonscription|province|region");
        Path bare = dir.resolve("bare.essp");
        FixtureMission.create(bare).close();
        Run none = run("figures", bare.toString(), "--axis", "training-needs");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no circonscription function recorded");
    }
}
