package ma.essp.diag.app.cli;

import static ma.essp.diag.app.cli.IndicesCommandTest.parseCsv;
import static ma.essp.diag.app.cli.IndicesCommandTest.run;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.cli.IndicesCommandTest.Run;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis training} on a hand-worked cohort: MBA requiring 20 h, two sessions of 12 h and 8 h,
 * three seats. Amina 12 + 8 = 20 h (completed, graduated), Karim 12 h, Sara never came. Planned 4 expert-days × 5,000
 * = 20,000 (UE); actual 20,000 (UE) + 4 venue-days × 1,000 = 4,000 (Ministère) = 24,000: 8,000 per trainee, 24,000 per
 * completed trainee (the no-shows and the unfinished do not lower the fixed costs).
 */
class TrainingFiguresCommandTest {

    @TempDir
    Path dir;

    private Path mission() throws Exception {
        Path file = dir.resolve("training.essp");
        try (MissionFile mission = FixtureMission.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
            p.setCode("MBA-MTS");
            p.setKind("mba");
            p.setTitleFr("MBA management territorial");
            p.setRequiredHours(20.0);
            int programme = SyncedRows.insert(dsl, edit, p);
            TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
            c.setProgrammeId(programme);
            c.setName("Cohorte 2");
            c.setStartsOn(LocalDate.parse("2027-01-18"));
            c.setEndsOn(LocalDate.parse("2027-04-30"));
            c.setSeats(3);
            c.setStatus("running");
            int cohort = SyncedRows.insert(dsl, edit, c);
            TrainingRepository training = new TrainingRepository(dsl);
            int s1 = training.addSession(edit, cohort, "Séminaire 1", LocalDate.parse("2027-01-18"), LocalDate.parse("2027-01-19"), 12.0, "ENSP", "A");
            int s2 = training.addSession(edit, cohort, "Séminaire 2", LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-16"), 8.0, "ENSP", "A");
            int amina = training.addParticipant(edit, cohort, null, "Amina Alaoui", null, "f");
            int karim = training.addParticipant(edit, cohort, null, "Karim Bennani", null, "m");
            training.addParticipant(edit, cohort, null, "Sara Idrissi", null, "f");
            SyncedRows.update(dsl, edit, TRAINING_PARTICIPANT, amina, 1, Map.of(TRAINING_PARTICIPANT.STATUS, "graduated"));
            training.setAttendance(edit, s1, amina, null, true, 12.0);
            training.setAttendance(edit, s2, amina, null, true, 8.0);
            training.setAttendance(edit, s1, karim, null, true, 12.0);
            training.addCostLine(edit, cohort, "trainers", "expert_day", 5_000.0, 4.0, "planned", "UE", "moroccan");
            training.addCostLine(edit, cohort, "trainers", "expert_day", 5_000.0, 4.0, "actual", "UE", "moroccan");
            training.addCostLine(edit, cohort, "venue", "venue_day", 1_000.0, 4.0, "actual", "Ministère", null);
        }
        return file;
    }

    @Test
    void perCohortHoursCompletionCertificationAndCostPerTrainee() throws Exception {
        Run r = run("figures", mission().toString(), "--axis", "training");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = parseCsv(r.out());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("programme")).isEqualTo("MBA-MTS");
            assertThat(row.get("region")).isEqualTo("national");
            assertThat(row.get("participants")).isEqualTo("3");
            assertThat(row.get("women")).isEqualTo("2");
            assertThat(row.get("session_hours")).isEqualTo("20.0");
            assertThat(row.get("required_hours")).isEqualTo("20.0");
            assertThat(row.get("mean_hours_attended")).isEqualTo("10.7"); // (20 + 12 + 0) / 3
            assertThat(row.get("completed")).isEqualTo("1");
            assertThat(row.get("completion_rate")).isEqualTo("0.3333");
            assertThat(row.get("certified")).isEqualTo("1");
            assertThat(row.get("planned_mad")).isEqualTo("20000.00");
            assertThat(row.get("actual_mad")).isEqualTo("24000.00");
            assertThat(row.get("cost_basis")).isEqualTo("actual");
            assertThat(row.get("cost_per_trainee_mad")).isEqualTo("8000.00");
            assertThat(row.get("cost_per_completed_mad")).isEqualTo("24000.00");
        });
    }

    @Test
    void byProgrammeAndCostTotalsByFundingLineAsJson() throws Exception {
        Path file = mission();
        List<Map<String, String>> programmes = parseCsv(run("figures", file.toString(), "--axis", "training", "--by", "programme").out());
        assertThat(programmes).singleElement().satisfies(row -> {
            assertThat(row.get("cohorts")).isEqualTo("1");
            assertThat(row.get("cost_per_completed_mad")).isEqualTo("24000.00");
        });
        List<Map<String, String>> funding = parseCsv(run("figures", file.toString(), "--axis", "training", "--by", "funding_line").out());
        assertThat(funding).extracting(row -> row.get("funding_line") + " " + row.get("planned_mad") + " " + row.get("actual_mad"))
                .containsExactly("UE 20000.00 20000.00", "Ministère 0.00 4000.00");
        Path out = dir.resolve("out/years.json");
        Run json = run("figures", file.toString(), "--axis", "training", "--by", "year", "--format", "json", "--out", out.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("[\n  {\"year\": \"2027\", \"planned_mad\": 20000.00, \"actual_mad\": 24000.00}\n]\n");
    }

    /**
     * The experts are Moroccan: 4 expert-days × 5,000 = 20,000 planned and the same actual; no European line (0); the
     * venue line is not an expert-day line. The cohort's lines, then all cohorts (the same: there is one).
     */
    @Test
    void expertDaysAndAmountsByOrigin() throws Exception {
        Run r = run("figures", mission().toString(), "--axis", "training", "--by", "experts");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(parseCsv(r.out())).extracting(row -> String.join(" ", row.get("cohort"), row.get("origin"),
                        row.get("planned_expert_days"), row.get("planned_mad"), row.get("actual_expert_days"), row.get("actual_mad")))
                .containsExactly("Cohorte 2 moroccan 4.0 20000.00 4.0 20000.00", "Cohorte 2 european 0.0 0.00 0.0 0.00",
                        " moroccan 4.0 20000.00 4.0 20000.00", " european 0.0 0.00 0.0 0.00");
        assertThat(parseCsv(r.out())).extracting(row -> row.get("cohort_id")).endsWith("all", "all");
    }

    @Test
    void anUnknownAxisOrGroupingIsAUsageError() throws Exception {
        Path file = mission();
        Run axis = run("figures", file.toString(), "--axis", "weather");
        assertThat(axis.exit()).isEqualTo(2);
        // the axes are an enum: the usage error names the bad value and the axes there are
        assertThat(axis.err()).contains("--axis").contains("'weather'").contains("training").contains("dataflows");
        Run by = run("figures", file.toString(), "--axis", "training", "--by", "province");
        assertThat(by.exit()).isEqualTo(2);
        assertThat(by.err()).contains("--by province");
    }

    /**
     * The next cohorts against Cohorte 2 (2 seminars of 2 days: 4 days; 3 enrolled, running: no no-shows yet; actual
     * Moroccan trainers 4 expert-days ÷ 4 days = 1 expert a day at 20,000 ÷ 4 = 5,000 an expert-day, no European line so
     * the European rate starts at the Moroccan one; venue 4,000 ÷ 4 = 1,000 a day; no per diem line). Two cohorts of
     * 20 with 2 no-shows, seminars "3,3,2,2,3,2" (15 days), one Moroccan expert at the reference's 5,000 and one
     * European at 12,000, per diem 200: per diem 18 × 15 × 200 = 54,000; Moroccan 15 × 5,000 = 75,000; European
     * 15 × 12,000 = 180,000; venue 15 × 1,000 = 15,000: 324,000 a cohort, 648,000 for two, 16,200 per participant,
     * 324,000 ÷ 18 = 18,000 per completed one. The reference: 24,000, 8,000 and 24,000.
     */
    @Test
    void theNextCohortsScenarioAgainstAReferenceCohort() throws Exception {
        Path file = mission();
        int cohort;
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            cohort = mission.dsl().select(TRAINING_COHORT.ID).from(TRAINING_COHORT).where(TRAINING_COHORT.NAME.eq("Cohorte 2"))
                    .fetchOne(TRAINING_COHORT.ID);
        }
        Run r = run("figures", file.toString(), "--axis", "training", "--by", "scenario", "--reference", String.valueOf(cohort),
                "--cohorts", "2", "--participants", "20", "--no-shows", "2", "--seminar-days", "3,3,2,2,3,2",
                "--european-experts", "1", "--unit-cost", "european_experts=12000", "--unit-cost", "per_diem=200");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Map<String, String>> byMeasure = new java.util.LinkedHashMap<>();
        parseCsv(r.out()).forEach(row -> byMeasure.put(row.get("measure"), row));
        assertThat(byMeasure.get("days")).containsEntry("reference", "4").containsEntry("scenario", "15");
        // a running cohort has no no-shows yet: its three participants count as coming
        assertThat(byMeasure.get("no_shows")).containsEntry("reference", "0").containsEntry("scenario", "2");
        assertThat(byMeasure.get("moroccan_experts_unit_cost_mad")).containsEntry("reference", "5000.00").containsEntry("scenario", "5000.00");
        assertThat(byMeasure.get("european_experts_mad")).containsEntry("reference", "0.00").containsEntry("scenario", "180000.00");
        assertThat(byMeasure.get("per_diem_mad")).containsEntry("scenario", "54000.00");
        assertThat(byMeasure.get("venue_mad")).containsEntry("reference", "4000.00").containsEntry("scenario", "15000.00");
        assertThat(byMeasure.get("cohort_total_mad")).containsEntry("reference", "24000.00").containsEntry("scenario", "324000.00");
        assertThat(byMeasure.get("total_mad")).containsEntry("scenario", "648000.00");
        assertThat(byMeasure.get("per_participant_mad")).containsEntry("reference", "8000.00").containsEntry("scenario", "16200.00");
        assertThat(byMeasure.get("per_completed_mad")).containsEntry("reference", "24000.00").containsEntry("scenario", "18000.00");

        Run missing = run("figures", file.toString(), "--axis", "training", "--by", "scenario");
        assertThat(missing.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(missing.err()).contains("--reference");
        Run badDays = run("figures", file.toString(), "--axis", "training", "--by", "scenario", "--reference",
                String.valueOf(cohort), "--seminar-days", "3,0");
        assertThat(badDays.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(badDays.err()).contains("--seminar-days");
    }
}
