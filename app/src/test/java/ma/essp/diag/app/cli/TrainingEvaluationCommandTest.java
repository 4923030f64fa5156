package ma.essp.diag.app.cli;

import static ma.essp.diag.app.cli.IndicesCommandTest.parseCsv;
import static ma.essp.diag.app.cli.IndicesCommandTest.run;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

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
import ma.essp.diag.database.repository.TrainingOutcomeRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis training --by evaluation}, worked by hand: seminar 1, Amina 40 → 70 (reaction 4),
 * Karim 50 → 60 (reaction 2): n 2, pre 45, post 65, gain 20, reaction 3; seminar 2, Amina 60 → 90: n 1, gain 30; Sara
 * has a pre-test only (not paired). The cohort over both: n 3, pre (40 + 50 + 60) ÷ 3 = 50, post (70 + 60 + 90) ÷ 3 =
 * 73.33, gain 23.33; no session teaches a function: level 3 judged 0, share empty.
 */
class TrainingEvaluationCommandTest {

    @TempDir
    Path dir;

    private Path mission() throws Exception {
        Path file = dir.resolve("evaluation.essp");
        try (MissionFile mission = FixtureMission.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
            p.setCode("MBA-MTS");
            p.setKind("mba");
            p.setTitleFr("MBA management territorial");
            int programme = SyncedRows.insert(dsl, edit, p);
            TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
            c.setProgrammeId(programme);
            c.setName("Cohorte 2");
            c.setStartsOn(LocalDate.parse("2027-01-18"));
            c.setEndsOn(LocalDate.parse("2027-04-30"));
            int cohort = SyncedRows.insert(dsl, edit, c);
            TrainingRepository training = new TrainingRepository(dsl);
            int s1 = training.addSession(edit, cohort, "Séminaire 1", LocalDate.parse("2027-01-18"), LocalDate.parse("2027-01-19"), 12.0, "ENSP", "A");
            int s2 = training.addSession(edit, cohort, "Séminaire 2", LocalDate.parse("2027-02-15"), LocalDate.parse("2027-02-16"), 8.0, "ENSP", "A");
            int amina = training.addParticipant(edit, cohort, null, "Amina Alaoui", null, "f");
            int karim = training.addParticipant(edit, cohort, null, "Karim Bennani", null, "m");
            int sara = training.addParticipant(edit, cohort, null, "Sara Idrissi", null, "f");
            TrainingOutcomeRepository outcomes = new TrainingOutcomeRepository(dsl);
            outcomes.setEvaluation(edit, s1, amina, null, 40.0, 70.0, 4.0);
            outcomes.setEvaluation(edit, s1, karim, null, 50.0, 60.0, 2.0);
            outcomes.setEvaluation(edit, s1, sara, null, 55.0, null, null);
            outcomes.setEvaluation(edit, s2, amina, null, 60.0, 90.0, null);
        }
        return file;
    }

    @Test
    void perSessionThenTheCohortOverAllItsSessions() throws Exception {
        Run r = run("figures", mission().toString(), "--axis", "training", "--by", "evaluation");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = parseCsv(r.out());
        assertThat(rows).extracting(row -> row.get("session") + "|" + row.get("evaluated") + "|" + row.get("paired") + "|"
                        + row.get("mean_pre") + "|" + row.get("mean_post") + "|" + row.get("mean_gain") + "|"
                        + row.get("reactions") + "|" + row.get("mean_reaction") + "|" + row.get("level3_judged") + "|"
                        + row.get("level3_share"))
                .containsExactly("Séminaire 1|3|2|45.00|65.00|20.00|2|3.00|0|",
                        "Séminaire 2|1|1|60.00|90.00|30.00|0||0|",
                        "|4|3|50.00|73.33|23.33|2|3.00|0|");
        assertThat(rows.get(2).get("session_id")).isEmpty();
        assertThat(rows.get(2).get("cohort")).isEqualTo("Cohorte 2");
    }
}
