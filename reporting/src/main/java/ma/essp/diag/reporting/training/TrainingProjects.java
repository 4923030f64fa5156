package ma.essp.diag.reporting.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingOutcomeData;
import ma.essp.diag.database.repository.TrainingOutcomeData.Project;

/**
 * The collective (diploma) projects of the cohorts, one definition for the Formation screen and the report: each
 * project with its cohort and team (the live participants among its members, in the training data's order), and per
 * cohort the projects, those defended (a defence date recorded) and those passed.
 */
public final class TrainingProjects {

    private TrainingProjects() {
    }

    /** A project, its cohort and its team. */
    public record ProjectRow(Project project, TrainingData.Cohort cohort, List<Participant> team) {
    }

    /** A cohort's projects: how many, defended, passed. */
    public record CohortProjects(TrainingData.Cohort cohort, int projects, int defended, int passed) {
    }

    /** Every project whose cohort is live, by cohort (the training data's order) then title. */
    public static List<ProjectRow> rows(TrainingData training, TrainingOutcomeData outcomes) {
        Map<Integer, Participant> participants = new HashMap<>();
        training.participants().forEach(p -> participants.put(p.id(), p));
        // each project's members once (a scan of the members per participant and project was most of the national
        // report's training figures, issue 17); the team in the training data's order of participants
        Map<Integer, Set<Integer>> membersByProject = new HashMap<>();
        outcomes.members().forEach(m -> membersByProject.computeIfAbsent(m.projectId(), k -> new HashSet<>()).add(m.participantId()));
        List<ProjectRow> out = new ArrayList<>();
        for (TrainingData.Cohort c : training.cohorts()) {
            for (Project p : outcomes.projects()) {
                if (p.cohortId() == c.id()) {
                    Set<Integer> members = membersByProject.getOrDefault(p.id(), Set.of());
                    List<Participant> team = training.participants().stream().filter(tp -> members.contains(tp.id())).toList();
                    out.add(new ProjectRow(p, c, team));
                }
            }
        }
        return out;
    }

    /** The projects of one cohort. */
    public static List<ProjectRow> rows(TrainingData training, TrainingOutcomeData outcomes, int cohortId) {
        return rows(training, outcomes).stream().filter(r -> r.cohort().id() == cohortId).toList();
    }

    /** Per cohort with at least one project: projects, defended, passed. */
    public static List<CohortProjects> byCohort(TrainingData training, TrainingOutcomeData outcomes) {
        List<CohortProjects> out = new ArrayList<>();
        for (TrainingData.Cohort c : training.cohorts()) {
            List<Project> of = outcomes.projects().stream().filter(p -> p.cohortId() == c.id()).toList();
            if (!of.isEmpty()) {
                out.add(new CohortProjects(c, of.size(), (int) of.stream().filter(p -> p.defendedOn() != null).count(),
                        (int) of.stream().filter(p -> "passed".equals(p.result())).count()));
            }
        }
        return out;
    }
}
