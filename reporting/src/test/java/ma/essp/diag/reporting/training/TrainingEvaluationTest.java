package ma.essp.diag.reporting.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.database.repository.TrainingOutcomeData;
import ma.essp.diag.database.repository.TrainingOutcomeData.Evaluation;
import ma.essp.diag.database.repository.TrainingOutcomeData.FunctionRecord;
import ma.essp.diag.database.repository.TrainingOutcomeData.Member;
import ma.essp.diag.database.repository.TrainingOutcomeData.ParticipantPlace;
import ma.essp.diag.database.repository.TrainingOutcomeData.Project;
import ma.essp.diag.database.repository.TrainingOutcomeData.SessionTarget;
import ma.essp.diag.database.repository.TrainingOutcomeData.Visit;
import ma.essp.diag.reporting.training.TrainingEvaluation.Level3;
import ma.essp.diag.reporting.training.TrainingEvaluation.ParticipantScore;
import ma.essp.diag.reporting.training.TrainingEvaluation.Summary;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked evaluation on {@link TrainingFiguresTest#plan()} (cohort 1: S1 ends 7 Jan 2026, S2, S3; cohort 2: C1 ends
 * 5 Jan 2027).
 * <p>S1 (teaches planning): Ali pre 40 post 70 reaction 4 (gain 30); Badia 55 → 80, reaction 5 (gain 25); Chama pre 60,
 * no post-test, reaction 3; Driss no row. Paired n = 2: mean pre (40 + 55) ÷ 2 = 47.5, post (70 + 80) ÷ 2 = 75, gain
 * 27.5; reactions n = 3, mean (4 + 5 + 3) ÷ 3 = 4. S2 (no target): Ali 50 → 45 (gain −5). Cohort 1 pooled: paired 3,
 * pre (40 + 55 + 50) ÷ 3 = 48.33, post (70 + 80 + 45) ÷ 3 = 65, gain 16.67; 4 rows evaluated.
 * <p>Level 3 at S1: Ali works in circonscription 7, visited 1 Mar 2026, planning held → held; Badia in 8, visited only
 * on 7 Jan 2026 (the session's last day, not after) → no later visit; Chama in 9, visited 1 Feb 2026, planning partial
 * → not held. Judged 2, held 1: share 0.5. Driss (no circonscription) → not judged. Emna (cohort 2, C1 teaches
 * supervision) in 10, visited 1 Feb 2027, but circonscription 10 records no supervision function → not recorded.
 */
class TrainingEvaluationTest {

    static TrainingOutcomeData outcomes() {
        return new TrainingOutcomeData(
                List.of(new Evaluation(1, 1, 11, 101, 40.0, 70.0, 4.0), new Evaluation(2, 1, 11, 102, 55.0, 80.0, 5.0),
                        new Evaluation(3, 1, 11, 103, 60.0, null, 3.0), new Evaluation(4, 1, 12, 101, 50.0, 45.0, null),
                        new Evaluation(5, 1, 21, 201, null, null, 4.0)),
                List.of(new SessionTarget(11, 2, "planning"), new SessionTarget(12, 1, null), new SessionTarget(13, 1, null),
                        new SessionTarget(21, 2, "supervision")),
                List.of(new ParticipantPlace(101, 7), new ParticipantPlace(102, 8), new ParticipantPlace(103, 9),
                        new ParticipantPlace(104, null), new ParticipantPlace(201, 10)),
                List.of(new FunctionRecord(7, "planning", "held"), new FunctionRecord(8, "planning", "held"),
                        new FunctionRecord(9, "planning", "partial"), new FunctionRecord(10, "planning", "held")),
                List.of(new Visit(7, LocalDate.parse("2026-03-01")), new Visit(8, LocalDate.parse("2026-01-07")),
                        new Visit(9, LocalDate.parse("2026-02-01")), new Visit(10, LocalDate.parse("2027-02-01"))),
                List.of(new Project(1, 1, 1, "Plan régional", "planification", 1, null, "Pr. A", LocalDate.parse("2026-04-01"), "passed"),
                        new Project(2, 1, 1, "GST et ESSP", null, null, "gst", null, null, "pending")),
                List.of(new Member(1, 1, 1, 102), new Member(2, 1, 1, 101), new Member(3, 1, 2, 103), new Member(4, 1, 2, 999)));
    }

    private static Session session(TrainingData data, int id) {
        return data.sessions().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aSessionsMeansAreOverThePairedRowsAndTheReactionOverThoseWhoAnswered() {
        TrainingData plan = TrainingFiguresTest.plan();
        List<ParticipantScore> scores = TrainingEvaluation.scores(plan, outcomes(), session(plan, 11));
        assertThat(scores).extracting(s -> s.participant().fullName()).containsExactly("Ali", "Badia", "Chama");
        assertThat(scores).extracting(ParticipantScore::gain).containsExactly(30.0, 25.0, null);
        Summary s = TrainingEvaluation.summarise(scores);
        assertThat(s.evaluated()).isEqualTo(3);
        assertThat(s.paired()).isEqualTo(2);
        assertThat(s.meanPre()).isCloseTo(47.5, within(1e-9));
        assertThat(s.meanPost()).isCloseTo(75.0, within(1e-9));
        assertThat(s.meanGain()).isCloseTo(27.5, within(1e-9));
        assertThat(s.reactions()).isEqualTo(3);
        assertThat(s.meanReaction()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aNegativeGainStaysNegativeAndTheCohortPoolsItsSessions() {
        TrainingData plan = TrainingFiguresTest.plan();
        Summary s2 = TrainingEvaluation.summarise(TrainingEvaluation.scores(plan, outcomes(), session(plan, 12)));
        assertThat(s2.paired()).isEqualTo(1);
        assertThat(s2.meanGain()).isCloseTo(-5.0, within(1e-9));
        assertThat(s2.meanReaction()).isNull();
        Summary cohort = TrainingEvaluation.cohort(plan, outcomes(), 1);
        assertThat(cohort.evaluated()).isEqualTo(4);
        assertThat(cohort.paired()).isEqualTo(3);
        assertThat(cohort.meanPre()).isCloseTo(145.0 / 3, within(1e-9));
        assertThat(cohort.meanPost()).isCloseTo(65.0, within(1e-9));
        assertThat(cohort.meanGain()).isCloseTo(65.0 - 145.0 / 3, within(1e-9));
        assertThat(TrainingEvaluation.sessions(plan, outcomes(), 1)).extracting(x -> x.summary().evaluated())
                .containsExactly(3, 1, 0);
        assertThat(TrainingEvaluation.evaluatedCohorts(plan, outcomes())).extracting(c -> c.cohort().id()).containsExactly(1, 2);
        Summary noTests = TrainingEvaluation.cohort(plan, outcomes(), 2);
        assertThat(noTests.paired()).isZero();
        assertThat(noTests.meanPre()).isNull();
        assertThat(noTests.meanGain()).isNull();
    }

    @Test
    void levelThreeNeedsAVisitAfterTheSessionAndTheFunctionRecordedAsHeld() {
        TrainingData plan = TrainingFiguresTest.plan();
        TrainingOutcomeData o = outcomes();
        Session s1 = session(plan, 11);
        assertThat(TrainingEvaluation.level3(o, s1, 101)).isEqualTo(Level3.HELD);
        assertThat(TrainingEvaluation.level3(o, s1, 102)).isEqualTo(Level3.NO_LATER_VISIT);
        assertThat(TrainingEvaluation.level3(o, s1, 103)).isEqualTo(Level3.NOT_HELD);
        assertThat(TrainingEvaluation.level3(o, s1, 104)).isEqualTo(Level3.NO_CIRCONSCRIPTION);
        assertThat(TrainingEvaluation.level3(o, session(plan, 12), 101)).isEqualTo(Level3.NOT_TARGETED);
        assertThat(TrainingEvaluation.level3(o, session(plan, 21), 201)).isEqualTo(Level3.NOT_RECORDED);
        Summary s = TrainingEvaluation.summarise(TrainingEvaluation.scores(plan, o, s1));
        assertThat(s.level3Judged()).isEqualTo(2);
        assertThat(s.level3Held()).isEqualTo(1);
        assertThat(s.level3Share()).isCloseTo(0.5, within(1e-9));
        assertThat(TrainingEvaluation.summarise(TrainingEvaluation.scores(plan, o, session(plan, 12))).level3Share()).isNull();
    }

    @Test
    void projectsCarryTheirLiveTeamAndCountDefendedAndPassedPerCohort() {
        TrainingData plan = TrainingFiguresTest.plan();
        List<TrainingProjects.ProjectRow> rows = TrainingProjects.rows(plan, outcomes());
        assertThat(rows).extracting(r -> r.project().title()).containsExactly("Plan régional", "GST et ESSP");
        // the team in the plan's order of participants; member 999 is no live participant
        assertThat(rows.get(0).team()).extracting(TrainingData.Participant::fullName).containsExactly("Ali", "Badia");
        assertThat(rows.get(1).team()).extracting(TrainingData.Participant::fullName).containsExactly("Chama");
        assertThat(TrainingProjects.rows(plan, outcomes(), 2)).isEmpty();
        assertThat(TrainingProjects.byCohort(plan, outcomes())).singleElement().satisfies(c -> {
            assertThat(c.cohort().id()).isEqualTo(1);
            assertThat(c.projects()).isEqualTo(2);
            assertThat(c.defended()).isEqualTo(1);
            assertThat(c.passed()).isEqualTo(1);
        });
    }
}
