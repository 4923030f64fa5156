package ma.essp.diag.reporting.export.pdf;

import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/** Chapter 7, training: the cohorts with participants, hours and budgets, and the budget per programme. */
final class TrainingSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    TrainingSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("7. " + l.get("axis.7"));
        PdfTable t = new PdfTable("A").header(l.get("col.cohort"), l.get("col.starts_on"), l.get("col.status"),
                l.get("col.participants"), l.get("col.sessions"), l.get("col.hours"), l.get("col.budget_planned"),
                l.get("col.budget_actual"));
        // the chart sums the cohorts of each programme (one bar per cohort is unreadable nationally), planned and spent
        BarChart budget = new BarChart(l.get("chart.training_budget"), List.of(l.get("col.budget_planned"), l.get("col.budget_actual")))
                .unit("", 0);
        Map<String, double[]> byProgramme = new java.util.LinkedHashMap<>();
        for (ReportData.CohortRow c : data.cohorts()) {
            t.row(c.name(), l.date(c.startsOn()), c.status(), out.n0(c.participants()), out.n0(c.sessions()),
                    out.n0(c.hours()), out.n0(c.plannedBudget()), out.n0(c.actualBudget()));
            double[] sums = byProgramme.computeIfAbsent(c.programme(), k -> new double[2]);
            sums[0] += c.plannedBudget();
            sums[1] += c.actualBudget();
        }
        double max = 1;
        for (Map.Entry<String, double[]> e : byProgramme.entrySet()) {
            budget.bar(e.getKey(), e.getValue()[0], e.getValue()[1]);
            max = Math.max(max, Math.max(e.getValue()[0], e.getValue()[1]));
        }
        t.total(l.get("common.total"), "", "", out.n0(data.cohorts().stream().mapToInt(ReportData.CohortRow::participants).sum()),
                out.n0(data.cohorts().stream().mapToInt(ReportData.CohortRow::sessions).sum()),
                out.n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::hours).sum()),
                out.n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::plannedBudget).sum()),
                out.n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::actualBudget).sum()));
        out.table(t);
        out.chart(budget.max(max * 1.2));
        experts();
        scenario();
        evaluation();
        projects();
    }

    /**
     * The expert-days by origin (TrainingFigures.expertDays, as the budget tab and figures --axis training --by
     * experts): each cohort's origins, then the scope's total on the total lines (no expert-day line: nothing printed).
     */
    private void experts() {
        if (data.trainingExperts().isEmpty()) {
            return;
        }
        out.h2(l.get("training.experts"));
        PdfTable t = new PdfTable("A").header(l.get("col.cohort"), l.get("col.origin"), l.get("col.expert_days_planned"),
                l.get("col.budget_planned"), l.get("col.expert_days_actual"), l.get("col.budget_actual"));
        for (ReportData.ExpertRow r : data.trainingExperts()) {
            String[] cells = {r.cohort() == null ? l.get("common.total") : r.cohort(), r.origin(), out.n0(r.plannedDays()),
                    out.n0(r.plannedMad()), out.n0(r.actualDays()), out.n0(r.actualMad())};
            if (r.cohort() == null) {
                t.total(cells);
            } else {
                t.row(cells);
            }
        }
        out.table(t);
        out.note(l.get("training.experts.note"));
    }

    /**
     * The next MBA cohort costed like the scope's latest MBA cohort with a budget (TrainingFigures.scenario, as the
     * Scénario tab and figures --axis training --by scenario): each line for one cohort, then the cohort, per
     * participant, per completed participant and what the reference cost (none: nothing printed).
     */
    private void scenario() {
        ReportData.TrainingScenario s = data.trainingScenario();
        if (s == null) {
            return;
        }
        out.h2(l.get("training.scenario"));
        out.note(l.format("training.scenario.intro", s.reference(), out.n0(s.participants()), out.n0(s.noShows()),
                out.n0(s.seminars()), out.n0(s.days()), out.n0(s.hours())));
        PdfTable t = new PdfTable("A").header(l.get("col.scenario_line"), l.get("col.unit_cost_mad"), l.get("col.units"),
                l.get("col.amount_mad"));
        for (ReportData.ScenarioLineRow r : s.lines()) {
            t.row(l.get("scenario.line." + r.line()), out.n0(r.unitCost()), out.n0(r.units()), out.n0(r.amount()));
        }
        t.total(l.get("training.scenario.cohort_total"), "", "", out.n0(s.cohortTotal()));
        t.row(l.get("training.scenario.per_participant"), "", "", s.perParticipant() == null ? "–" : out.n0(s.perParticipant()));
        t.row(l.get("training.scenario.per_completed"), "", "", s.perCompleted() == null ? "–" : out.n0(s.perCompleted()));
        t.row(l.get("training.scenario.reference_cost"), "", "", out.n0(s.referenceCost()));
        out.table(t);
        out.note(l.get("training.scenario.note"));
    }

    /** The Kirkpatrick figures of the evaluated sessions, then each cohort over all its sessions (none: nothing printed). */
    private void evaluation() {
        if (data.trainingEvaluations().isEmpty()) {
            return;
        }
        out.h2(l.get("training.evaluation"));
        // a label and seven figures: the session, then its cohort over all its sessions on the total line
        PdfTable t = new PdfTable("A").header(l.get("col.session"), l.get("col.paired"),
                l.get("col.mean_pre"), l.get("col.mean_post"), l.get("col.mean_gain"), l.get("col.reactions"),
                l.get("col.mean_reaction"), l.get("col.level3"));
        for (ReportData.EvaluationRow r : data.trainingEvaluations()) {
            String[] cells = {r.session() == null ? r.cohort() + " — " + l.get("training.evaluation.all_sessions") : r.session(),
                    out.n0(r.paired()), out.n(r.meanPre()), out.n(r.meanPost()), out.n(r.meanGain()), out.n0(r.reactions()),
                    out.n(r.meanReaction()), out.n0(r.level3Held()) + " / " + out.n0(r.level3Judged())};
            if (r.session() == null) {
                t.total(cells);
            } else {
                t.row(cells);
            }
        }
        out.table(t);
        out.note(l.get("training.evaluation.note"));
    }

    /** The collective projects of the scope's cohorts (none: nothing printed). */
    private void projects() {
        if (data.trainingProjects().isEmpty()) {
            return;
        }
        out.h2(l.get("training.projects"));
        // four text columns: the project (its cohort under it), the team, the theme (its supervisor under it), the defence
        PdfTable t = new PdfTable("W4").header(l.get("col.project"), l.get("col.team"), l.get("col.theme"),
                l.get("col.defence_result"));
        for (ReportData.ProjectRow r : data.trainingProjects()) {
            String theme = r.supervisor().isEmpty() ? r.theme() : r.theme() + "\n" + l.get("col.supervisor") + " : " + r.supervisor();
            String defence = r.defendedOn() == null ? r.result() : l.date(r.defendedOn()) + "\n" + r.result();
            t.row(r.title() + "\n(" + r.cohort() + ")", r.team(), theme, defence);
        }
        out.table(t);
    }
}
