package ma.essp.diag.app.cli;

import static ma.essp.diag.app.cli.IndicesCommandTest.parseCsv;
import static ma.essp.diag.app.cli.IndicesCommandTest.run;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.cli.IndicesCommandTest.Run;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportDataCollector;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis violence} on a hand-worked roll-out, asked on 30 September 2026: two sites of the
 * province of CSU Médina. A: Amina (still holds her post) and Karim (his post now held by Youssef) trained; Q1 2026 10
 * patients followed (2 drop-outs; referred: justice 4, police 2), Q2 12 (1; justice 3); launched 01/04, routine
 * 01/07/2026 (six months of patients: 01/01 + 6 months = 01/07), routine planned for 01/06. B: identified, nothing
 * else, staff trained planned for 01/03. Funnel 2 → 1 → 1 → 1; retention 1 − 3/22 = 0.8636; still in post 1 of 2.
 */
class ViolenceFiguresCommandTest {

    @TempDir
    Path dir;
    private String regionCode;
    private String provinceCode;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private Path mission() throws Exception {
        Path file = dir.resolve("violence.essp");
        try (MissionFile mission = FixtureMission.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            int province = dsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                    .where(CIRCONSCRIPTION.ID.eq(essp.getCirconscriptionId())).fetchOne(CIRCONSCRIPTION.PROVINCE_ID);
            var p = dsl.selectFrom(PROVINCE).where(PROVINCE.ID.eq(province)).fetchOne();
            provinceCode = p.getCode();
            regionCode = dsl.select(REGION.CODE).from(REGION).where(REGION.ID.eq(p.getRegionId())).fetchOne(REGION.CODE);
            int amina = position(dsl, edit, essp.getId(), "Amina Alaoui");
            int karim = position(dsl, edit, essp.getId(), "Karim Bennani");
            PerpetratorCareRepository care = new PerpetratorCareRepository(dsl);
            int a = care.addSite(edit, "Consultation Médina", province, essp.getId(), d("2026-01-05"));
            int b = care.addSite(edit, "Consultation Souani", province, null, d("2026-02-01"));
            care.addStaff(edit, a, amina, null, null, null, d("2026-01-10"), 30.0);
            care.addStaff(edit, a, karim, null, null, null, d("2026-01-10"), 30.0);
            SyncedRows.update(dsl, edit, STAFF_POSITION, karim, 1, Map.of(STAFF_POSITION.HOLDER_NAME, "Youssef Tazi"));
            int q1 = care.savePeriod(edit, a, null, null, d("2026-01-01"), d("2026-03-31"), 10, 10, 20, 2);
            int q2 = care.savePeriod(edit, a, null, null, d("2026-04-01"), d("2026-06-30"), 12, 4, 24, 1);
            care.setReferrals(edit, q1, Map.of("justice", 4, "police", 2));
            care.setReferrals(edit, q2, Map.of("justice", 3));
            care.moveStage(edit, a, 1, "launched", d("2026-04-01"));
            care.moveStage(edit, a, 2, "routine", d("2026-07-01"));
            care.setPlanned(edit, a, "routine", d("2026-06-01"));
            care.setPlanned(edit, b, "staff_trained", d("2026-03-01"));
        }
        return file;
    }

    private static int position(DSLContext dsl, EditContext edit, int essp, String holder) {
        StaffPositionRecord r = dsl.newRecord(STAFF_POSITION);
        r.setEsspId(essp);
        r.setCadreCode("doctor_gp");
        r.setHolderName(holder);
        return SyncedRows.insert(dsl, edit, r);
    }

    private List<Map<String, String>> table(Path file, String table) {
        Run r = run("figures", file.toString(), "--axis", "violence", "--table", table, "--as-of", "2026-09-30");
        assertThat(r.exit()).as(r.err()).isZero();
        return parseCsv(r.out());
    }

    @Test
    void stagesFunnelRetentionReferralsAndStillInPost() throws Exception {
        Path file = mission();
        List<Map<String, String>> stages = table(file, "stages");
        assertThat(stages).extracting(row -> row.get("region")).containsExactly(regionCode, "national");
        assertThat(stages.getLast()).containsEntry("sites", "2").containsEntry("exploration_planned", "0")
                .containsEntry("exploration_actual", "1").containsEntry("preparation_planned", "1")
                .containsEntry("preparation_actual", "0").containsEntry("sustainment_planned", "1")
                .containsEntry("sustainment_actual", "1").containsEntry("not_planned", "0").containsEntry("suspended", "0");

        assertThat(table(file, "funnel")).extracting(row -> row.get("region") + " " + row.get("targeted") + " "
                + row.get("trained") + " " + row.get("delivering") + " " + row.get("sustained"))
                .containsExactly(regionCode + " 2 1 1 1", "national 2 1 1 1");
        assertThat(table(file, "retention").getLast()).containsEntry("patients_followed", "22").containsEntry("dropouts", "3")
                .containsEntry("retention", "0.8636");
        assertThat(table(file, "referrals")).extracting(row -> row.get("source") + " " + row.get("referrals") + " " + row.get("share"))
                .containsExactly("justice 7 0.7778", "care_unit 0 0.0000", "police 2 0.2222", "health_service 0 0.0000",
                        "self 0 0.0000", "other 0 0.0000");
        assertThat(table(file, "still-in-post")).extracting(row -> row.get("level") + " " + row.get("unit") + " "
                + row.get("trained") + " " + row.get("linked") + " " + row.get("in_post") + " " + row.get("share"))
                .containsExactly("region " + regionCode + " 2 2 1 0.5000", "province " + provinceCode + " 2 2 1 0.5000",
                        "national national 2 2 1 0.5000");
        assertThat(table(file, "sites")).extracting(row -> row.get("site") + " " + row.get("stage") + " " + row.get("epis_phase")
                + " " + row.get("planned_stage") + " " + row.get("sustained"))
                .containsExactly("Consultation Médina routine sustainment routine true",
                        "Consultation Souani identified exploration staff_trained false");
    }

    /**
     * One figure, one definition: the report's chapter 6 and its workbook sheets (ReportData) carry the figures the
     * command prints (and the Violence (auteurs) screen shows, both from PerpetratorCareFigures), on the same day.
     */
    @Test
    void theReportCarriesTheCommandsFigures() throws Exception {
        Path file = mission();
        Map<String, String> stages = table(file, "stages").getLast();
        Map<String, String> funnel = table(file, "funnel").getLast();
        Map<String, String> retention = table(file, "retention").getLast();
        Map<String, String> inPost = table(file, "still-in-post").getLast();
        List<Map<String, String>> referrals = table(file, "referrals");
        List<Map<String, String>> sites = table(file, "sites");
        ReportData.PerpetratorCare care;
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            care = ReportDataCollector.load(mission.dsl()).collect(new ReportRequest(ReportScope.NATIONAL, ReportLanguage.EN,
                    null, d("2026-09-30"), null, null)).perpetratorCare();
        }
        // one region: its row only (no total row repeating it)
        assertThat(care.regions()).hasSize(1);
        ReportData.RegionRow r = care.regions().getFirst();
        assertThat(String.valueOf(r.sites())).isEqualTo(stages.get("sites"));
        for (int i = 0; i < PerpetratorCareFigures.PHASES.size(); i++) {
            String phase = PerpetratorCareFigures.PHASES.get(i);
            assertThat(String.valueOf(r.planned().get(i))).as(phase).isEqualTo(stages.get(phase + "_planned"));
            assertThat(String.valueOf(r.actual().get(i))).as(phase).isEqualTo(stages.get(phase + "_actual"));
        }
        assertThat(r.planned()).containsExactly(0, 1, 0, 1); // worked out above: B planned staff_trained, A routine
        assertThat(r.actual()).containsExactly(1, 0, 0, 1);
        assertThat(List.of(r.funnel().targeted(), r.funnel().trained(), r.funnel().delivering(), r.funnel().sustained()))
                .map(String::valueOf).containsExactly(funnel.get("targeted"), funnel.get("trained"), funnel.get("delivering"),
                        funnel.get("sustained"));
        assertThat(r.retention().patientsFollowed()).isEqualTo(Long.parseLong(retention.get("patients_followed"))).isEqualTo(22);
        assertThat(r.retention().dropouts()).isEqualTo(Long.parseLong(retention.get("dropouts"))).isEqualTo(3);
        assertThat(String.format(java.util.Locale.ROOT, "%.4f", r.retention().rate())).isEqualTo(retention.get("retention"));
        assertThat(r.inPost().trained()).isEqualTo(Integer.parseInt(inPost.get("trained"))).isEqualTo(2);
        assertThat(r.inPost().inPost()).isEqualTo(Integer.parseInt(inPost.get("in_post"))).isEqualTo(1);
        assertThat(r.referrals()).containsExactly(7L, 0L, 2L, 0L, 0L, 0L);
        assertThat(care.referrals()).extracting(ReportData.ReferralRow::referrals)
                .containsExactlyElementsOf(referrals.stream().map(m -> Long.parseLong(m.get("referrals"))).toList());
        assertThat(care.sites()).extracting(ReportData.SiteRow::name)
                .containsExactlyElementsOf(sites.stream().map(m -> m.get("site")).toList());
        ReportData.SiteRow medina = care.sites().getFirst();
        assertThat(medina.staffTrained()).isEqualTo(Integer.parseInt(sites.getFirst().get("trained")));
        assertThat(medina.staffInPost()).isEqualTo(Integer.parseInt(sites.getFirst().get("in_post")));
        assertThat(medina.sustained()).isEqualTo(Boolean.parseBoolean(sites.getFirst().get("sustained"))).isTrue();
        assertThat(medina.patientsFollowed()).isEqualTo(22);
        assertThat(medina.newPatients()).isEqualTo(14);
        assertThat(medina.referrals()).isEqualTo(9);
        assertThat(medina.phase()).isEqualTo("Sustainment");
    }

    @Test
    void jsonAndAnUnknownTable() throws Exception {
        Path file = mission();
        Path out = dir.resolve("out/funnel.json");
        Run json = run("figures", file.toString(), "--axis", "violence", "--table", "retention", "--as-of", "2026-09-30",
                "--format", "json", "--out", out.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("[\n  {\"region\": \"" + regionCode
                + "\", \"patients_followed\": 22, \"dropouts\": 3, \"retention\": 0.8636},\n"
                + "  {\"region\": \"national\", \"patients_followed\": 22, \"dropouts\": 3, \"retention\": 0.8636}\n]\n");
        Run bad = run("figures", file.toString(), "--axis", "violence", "--table", "budget");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--table budget").contains("still-in-post");
    }

    @Test
    void aMissionWithoutSitesExitsOne() throws Exception {
        Path file = dir.resolve("empty.essp");
        FixtureMission.create(file).close();
        Run r = run("figures", file.toString(), "--axis", "violence");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no perpetrator-care site");
    }
}
