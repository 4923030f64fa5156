package ma.essp.diag.app.training;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.database.repository.TrainingOutcomeData;
import ma.essp.diag.database.repository.TrainingOutcomeData.Evaluation;
import ma.essp.diag.database.repository.TrainingOutcomeRepository;
import ma.essp.diag.database.repository.TrainingOutcomeRepository.ProjectInput;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.rules.EsspFormRules;
import ma.essp.diag.database.rules.TrainingOutcomeRules;
import ma.essp.diag.reporting.training.TrainingEvaluation;
import ma.essp.diag.reporting.training.TrainingEvaluation.Level3;
import ma.essp.diag.reporting.training.TrainingEvaluation.Summary;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingProjects;

/**
 * The Formation screen's evaluation and projects tabs: per session of the chosen cohort a grid of the participants'
 * pre-test, post-test and reaction scores (Kirkpatrick levels 1–2, typed like the attendance hours) with the level 3
 * reading and the figures of {@link TrainingEvaluation}; the cohort's collective projects (create, edit, delete) from
 * {@link TrainingProjects}. Every write goes through {@link TrainingOutcomeRepository} in the background and is recorded
 * in the screen's {@link EditHistory} (Ctrl+Z / Ctrl+Y).
 */
public final class TrainingOutcomesViewModel {

    /** Which score a grid cell holds. */
    public enum Score { PRE, POST, REACTION }

    /** A participant's line of the evaluation grid (texts as shown). */
    public record ScoreRow(int participantId, String name, String pre, String post, String gain, String reaction,
                           String level3) {
    }

    /** A project as listed. */
    public record ProjectRow(TrainingOutcomeData.Project project, String title, String team, String theme,
                             String supervisor, String defence, String result, List<Integer> memberIds) {
    }

    private final TrainingOutcomeRepository repository;
    private final TrainingRepository training;
    private final EditContext edit;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final EditHistory history;

    private TrainingData trainingData;
    private TrainingOutcomeData data;
    private Integer cohortId;
    private boolean showing;

    private final ObservableList<FilterChoice> sessionChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<FilterChoice> targetFunction = new SimpleObjectProperty<>(this, "targetFunction");
    private final ObservableList<ScoreRow> scores = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sessionSummary = new ReadOnlyStringWrapper(this, "sessionSummary", "");
    private final ReadOnlyStringWrapper cohortSummary = new ReadOnlyStringWrapper(this, "cohortSummary", "");
    private final ReadOnlyStringWrapper evaluationMessage = new ReadOnlyStringWrapper(this, "evaluationMessage", "");

    private final ObservableList<ProjectRow> projects = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> participantChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> team = FXCollections.observableArrayList();
    private final StringProperty projectTitle = new SimpleStringProperty(this, "projectTitle", "");
    private final StringProperty projectTheme = new SimpleStringProperty(this, "projectTheme", "");
    private final ObjectProperty<FilterChoice> projectAxis = new SimpleObjectProperty<>(this, "projectAxis");
    private final ObjectProperty<FilterChoice> projectReform = new SimpleObjectProperty<>(this, "projectReform");
    private final StringProperty projectSupervisor = new SimpleStringProperty(this, "projectSupervisor", "");
    private final StringProperty projectDefence = new SimpleStringProperty(this, "projectDefence", "");
    private final ObjectProperty<FilterChoice> projectResult = new SimpleObjectProperty<>(this, "projectResult");
    private final ReadOnlyStringWrapper projectMessage = new ReadOnlyStringWrapper(this, "projectMessage", "");
    private final ReadOnlyStringWrapper projectFormTitle = new ReadOnlyStringWrapper(this, "projectFormTitle", "");
    private final ReadOnlyStringWrapper projectCounts = new ReadOnlyStringWrapper(this, "projectCounts", "");
    private ProjectRow editing;

    public TrainingOutcomesViewModel(TrainingOutcomeRepository repository, TrainingRepository training, EditContext edit,
                                     TaskExecutor executor, I18n i18n, EditHistory history) {
        this.repository = repository;
        this.training = training;
        this.edit = edit;
        this.executor = executor;
        this.i18n = i18n;
        this.history = history;
        session.addListener((obs, old, now) -> showSession());
        targetFunction.addListener((obs, old, now) -> {
            if (!showing) {
                setTargetFunction(now);
            }
        });
        clearProjectForm();
    }

    // ------------------------------------------------------------------ loading

    /** Shows cohort {@code id} (null: none) once the outcomes are (re)loaded. */
    public void showCohort(Integer id) {
        cohortId = id;
        reload();
    }

    public void reload() {
        executor.execute(BackgroundTask.wrap(() -> new Loaded(training.load(), repository.load()))
                .onSuccess(this::loaded)
                .onFailure(e -> evaluationMessage.set(i18n.get("training.error", Failures.reason(e, i18n)))));
    }

    private record Loaded(TrainingData training, TrainingOutcomeData outcomes) {
    }

    private void loaded(Loaded loaded) {
        trainingData = loaded.training();
        data = loaded.outcomes();
        showing = true;
        try {
            String chosen = session.get() == null ? null : session.get().value();
            List<FilterChoice> choices = new ArrayList<>();
            if (cohortExists()) {
                for (Session s : TrainingFigures.sessionsOf(trainingData, cohortId)) {
                    choices.add(new FilterChoice(String.valueOf(s.id()), s.title() + " (" + i18n.formatDate(s.startsOn()) + ")"));
                }
            }
            sessionChoices.setAll(choices);
            FilterChoice again = choices.stream().filter(c -> c.value().equals(chosen)).findFirst()
                    .orElse(choices.isEmpty() ? null : choices.getFirst());
            session.set(again);
            List<FilterChoice> people = new ArrayList<>();
            if (cohortExists()) {
                trainingData.participants().stream().filter(p -> p.cohortId() == cohortId)
                        .forEach(p -> people.add(new FilterChoice(String.valueOf(p.id()), p.fullName())));
            }
            participantChoices.setAll(people);
        } finally {
            showing = false;
        }
        showSession();
        showProjects();
    }

    private boolean cohortExists() {
        return trainingData != null && cohortId != null && trainingData.cohorts().stream().anyMatch(c -> c.id() == cohortId);
    }

    private Session selectedSession() {
        if (trainingData == null || session.get() == null) {
            return null;
        }
        int id = Integer.parseInt(session.get().value());
        return trainingData.sessions().stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ evaluation

    private void showSession() {
        Session s = selectedSession();
        if (s == null || data == null) {
            scores.clear();
            sessionSummary.set("");
            cohortSummary.set("");
            return;
        }
        showing = true;
        try {
            String function = data.sessionTargets().stream().filter(t -> t.sessionId() == s.id())
                    .map(t -> t.targetFunction() == null ? "" : t.targetFunction()).findFirst().orElse("");
            targetFunction.set(functionChoices().stream().filter(c -> function.equals(c.value() == null ? "" : c.value()))
                    .findFirst().orElse(functionChoices().getFirst()));
        } finally {
            showing = false;
        }
        List<TrainingEvaluation.ParticipantScore> evaluated = TrainingEvaluation.scores(trainingData, data, s);
        List<ScoreRow> rows = new ArrayList<>();
        for (Participant p : trainingData.participants()) {
            if (p.cohortId() != s.cohortId()) {
                continue;
            }
            TrainingEvaluation.ParticipantScore score = evaluated.stream().filter(e -> e.participant().id() == p.id())
                    .findFirst().orElse(null);
            Evaluation e = score == null ? null : score.evaluation();
            rows.add(new ScoreRow(p.id(), p.staffDeleted() ? i18n.get("training.participant.staffDeleted", p.fullName()) : p.fullName(),
                    e == null ? "" : number(e.preScore(), 1), e == null ? "" : number(e.postScore(), 1),
                    score == null || score.gain() == null ? "" : signed(score.gain()),
                    e == null ? "" : number(e.reactionScore(), 1),
                    level3Text(TrainingEvaluation.level3(data, s, p.id()))));
        }
        scores.setAll(rows);
        sessionSummary.set(summaryText("training.eval.sessionSummary", TrainingEvaluation.summarise(evaluated)));
        cohortSummary.set(summaryText("training.eval.cohortSummary", TrainingEvaluation.cohort(trainingData, data, s.cohortId())));
    }

    private String summaryText(String key, Summary s) {
        return i18n.get(key, s.paired(), number(s.meanPre(), 1), number(s.meanPost(), 1),
                s.meanGain() == null ? "—" : signed(s.meanGain()), s.reactions(), number(s.meanReaction(), 2),
                s.level3Held(), s.level3Judged());
    }

    private String number(Double v, int digits) {
        return v == null ? "" : i18n.formatDecimal(v, digits);
    }

    private String signed(double v) {
        return i18n.formatSigned(v, 1); // "+25,0", kept in that order in Arabic
    }

    /** The choices of a session's target function: none, then the circonscription functions. */
    public List<FilterChoice> functionChoices() {
        List<FilterChoice> out = new ArrayList<>();
        out.add(new FilterChoice(null, i18n.get("training.eval.noFunction")));
        out.addAll(FilterChoice.of(Vocabulary.CIRCONSCRIPTION_FUNCTION, i18n));
        return out;
    }

    /**
     * A score typed in the grid for a participant at the chosen session: checked (a number, 0–100 for the tests, 1–5
     * for the reaction), then written; blank clears that score.
     */
    public void setScore(ScoreRow row, Score which, String text) {
        Session s = selectedSession();
        if (s == null || data == null) {
            return;
        }
        Double value = EsspFormRules.parseDecimal(text);
        Optional<TrainingOutcomeRules.Problem> problem = which == Score.REACTION ? TrainingOutcomeRules.reaction(value)
                : TrainingOutcomeRules.score(value);
        if (problem.isPresent()) {
            evaluationMessage.set(ruleMessage(problem.get().code().name()));
            showSession(); // the cell shows the recorded value again: nothing was saved
            return;
        }
        Evaluation before = data.evaluations().stream()
                .filter(e -> e.sessionId() == s.id() && e.participantId() == row.participantId()).findFirst().orElse(null);
        Double pre = which == Score.PRE ? value : before == null ? null : before.preScore();
        Double post = which == Score.POST ? value : before == null ? null : before.postScore();
        Double reaction = which == Score.REACTION ? value : before == null ? null : before.reactionScore();
        String what = i18n.get("training.undo.score", row.name(), s.title());
        write(() -> {
            var w = repository.setEvaluation(edit, s.id(), row.participantId(), before == null ? null : before.version(),
                    pre, post, reaction);
            history.wrote(TABLE_EVALUATION, w.id(), w.version());
            return new Step(what, before == null ? deleteEvaluation(w.id(), s.id(), row.participantId(), pre, post, reaction)
                    : putScores(s.id(), row.participantId(), w.id(), before, pre, post, reaction));
        }, evaluationMessage);
    }

    private static final String TABLE_EVALUATION = "training_evaluation";
    private static final String TABLE_SESSION = "training_session";
    private static final String TABLE_PROJECT = "training_project";

    /** Undoes a first recording (soft-delete); its inverse writes the scores again. */
    private EditHistory.Inverse deleteEvaluation(int id, int sessionId, int participantId, Double pre, Double post,
                                                 Double reaction) {
        return () -> {
            int version = repository.deleteEvaluation(edit, id, history.versionOf(TABLE_EVALUATION, id, 0));
            history.wrote(TABLE_EVALUATION, id, version);
            return () -> {
                var w = repository.setEvaluation(edit, sessionId, participantId, null, pre, post, reaction);
                history.wrote(TABLE_EVALUATION, w.id(), w.version());
                return deleteEvaluation(id, sessionId, participantId, pre, post, reaction);
            };
        };
    }

    /** Puts {@code before}'s scores back over row {@code id}; its inverse writes the forward ones. */
    private EditHistory.Inverse putScores(int sessionId, int participantId, int id, Evaluation before, Double pre,
                                          Double post, Double reaction) {
        return () -> {
            var w = repository.setEvaluation(edit, sessionId, participantId, history.versionOf(TABLE_EVALUATION, id, 0),
                    before.preScore(), before.postScore(), before.reactionScore());
            history.wrote(TABLE_EVALUATION, id, w.version());
            Evaluation forward = new Evaluation(id, w.version(), sessionId, participantId, pre, post, reaction);
            return putScores(sessionId, participantId, id, forward, before.preScore(), before.postScore(),
                    before.reactionScore());
        };
    }

    private void setTargetFunction(FilterChoice choice) {
        Session s = selectedSession();
        if (s == null || data == null) {
            return;
        }
        TrainingOutcomeData.SessionTarget target = data.sessionTargets().stream().filter(t -> t.sessionId() == s.id())
                .findFirst().orElse(null);
        if (target == null) {
            return;
        }
        String code = choice == null ? null : choice.value();
        if (java.util.Objects.equals(code, target.targetFunction())) {
            return;
        }
        history.wrote(TABLE_SESSION, s.id(), target.version());
        String what = i18n.get("training.undo.function", s.title());
        write(() -> new Step(what, putFunction(s.id(), code, target.targetFunction()).apply()), evaluationMessage);
    }

    /** Sets the session's target function to {@code code}; its inverse puts {@code previous} back. */
    private EditHistory.Inverse putFunction(int sessionId, String code, String previous) {
        return () -> {
            int version = repository.setTargetFunction(edit, sessionId, history.versionOf(TABLE_SESSION, sessionId, 0), code);
            history.wrote(TABLE_SESSION, sessionId, version);
            return putFunction(sessionId, previous, code);
        };
    }

    // ------------------------------------------------------------------ projects

    private void showProjects() {
        if (!cohortExists() || data == null) {
            projects.clear();
            projectCounts.set("");
            return;
        }
        List<ProjectRow> rows = new ArrayList<>();
        for (TrainingProjects.ProjectRow r : TrainingProjects.rows(trainingData, data, cohortId)) {
            TrainingOutcomeData.Project p = r.project();
            rows.add(new ProjectRow(p, p.title(), r.team().stream().map(Participant::fullName).collect(Collectors.joining(", ")),
                    themeText(p), p.supervisor() == null ? "" : p.supervisor(), i18n.formatDate(p.defendedOn()),
                    p.result() == null ? "" : i18n.code(Vocabulary.PROJECT_RESULT, p.result()),
                    r.team().stream().map(Participant::id).toList()));
        }
        projects.setAll(rows);
        long defended = rows.stream().filter(r -> r.project().defendedOn() != null).count();
        long passed = rows.stream().filter(r -> "passed".equals(r.project().result())).count();
        projectCounts.set(i18n.get("training.project.counts", rows.size(), defended, passed));
    }

    private String themeText(TrainingOutcomeData.Project p) {
        List<String> parts = new ArrayList<>();
        if (p.theme() != null) {
            parts.add(p.theme());
        }
        if (p.axis() != null) {
            parts.add(i18n.get("findings.axis", p.axis()));
        }
        if (p.reform() != null) {
            parts.add(i18n.code(Vocabulary.PROJECT_REFORM, p.reform()));
        }
        return String.join(" · ", parts);
    }

    public List<FilterChoice> axisChoices() {
        List<FilterChoice> out = new ArrayList<>();
        out.add(new FilterChoice(null, i18n.get("training.project.noAxis")));
        for (int a = 1; a <= 7; a++) {
            out.add(new FilterChoice(String.valueOf(a), i18n.get("findings.axis", a)));
        }
        return out;
    }

    public List<FilterChoice> reformChoices() {
        List<FilterChoice> out = new ArrayList<>();
        out.add(new FilterChoice(null, i18n.get("training.project.noReform")));
        out.addAll(FilterChoice.of(Vocabulary.PROJECT_REFORM, i18n));
        return out;
    }

    public List<FilterChoice> resultChoices() {
        return FilterChoice.of(Vocabulary.PROJECT_RESULT, i18n);
    }

    /** Empties the form: the next save creates a project. */
    public void clearProjectForm() {
        editing = null;
        projectTitle.set("");
        projectTheme.set("");
        projectAxis.set(axisChoices().getFirst());
        projectReform.set(reformChoices().getFirst());
        projectSupervisor.set("");
        projectDefence.set("");
        projectResult.set(resultChoices().getFirst());
        team.clear();
        projectFormTitle.set(i18n.get("training.project.new"));
    }

    /** Fills the form with a listed project: the next save changes it. */
    public void editProject(ProjectRow row) {
        if (row == null) {
            return;
        }
        TrainingOutcomeData.Project p = row.project();
        editing = row;
        projectTitle.set(p.title());
        projectTheme.set(p.theme() == null ? "" : p.theme());
        projectAxis.set(axisChoices().stream().filter(c -> c.value() != null && c.value().equals(String.valueOf(p.axis())))
                .findFirst().orElse(axisChoices().getFirst()));
        projectReform.set(reformChoices().stream().filter(c -> c.value() != null && c.value().equals(p.reform()))
                .findFirst().orElse(reformChoices().getFirst()));
        projectSupervisor.set(p.supervisor() == null ? "" : p.supervisor());
        projectDefence.set(i18n.formatDate(p.defendedOn()));
        projectResult.set(resultChoices().stream().filter(c -> c.value().equals(p.result())).findFirst()
                .orElse(resultChoices().getFirst()));
        team.setAll(participantChoices.stream().filter(c -> row.memberIds().contains(Integer.valueOf(c.value()))).toList());
        projectFormTitle.set(i18n.get("training.project.editing", p.title()));
    }

    /** Creates the project typed in the form, or saves the changes of the one being edited. */
    public CompletionStage<Boolean> saveProject() {
        if (!cohortExists()) {
            return REFUSED;
        }
        LocalDate defence;
        try {
            defence = i18n.parseDate(projectDefence.get());
        } catch (DateTimeParseException e) {
            projectMessage.set(i18n.get("training.project.badDate"));
            return REFUSED;
        }
        ProjectInput in = new ProjectInput(projectTitle.get(), projectTheme.get(),
                projectAxis.get() == null || projectAxis.get().value() == null ? null : Integer.valueOf(projectAxis.get().value()),
                projectReform.get() == null ? null : projectReform.get().value(), projectSupervisor.get(), defence,
                projectResult.get() == null ? null : projectResult.get().value(),
                team.stream().map(c -> Integer.valueOf(c.value())).toList());
        int cohort = cohortId;
        ProjectRow was = editing;
        if (was == null) {
            String what = i18n.get("training.undo.project.add", in.title());
            return write(() -> {
                int id = repository.addProject(edit, cohort, in);
                history.wrote(TABLE_PROJECT, id, 1);
                return new Step(what, deleteOrRestore(id, true));
            }, projectMessage, this::clearProjectForm);
        }
        TrainingOutcomeData.Project p = was.project();
        ProjectInput before = new ProjectInput(p.title(), p.theme(), p.axis(), p.reform(), p.supervisor(), p.defendedOn(),
                p.result(), was.memberIds());
        history.wrote(TABLE_PROJECT, p.id(), p.version());
        String what = i18n.get("training.undo.project.edit", p.title());
        return write(() -> new Step(what, putProject(p.id(), in, before).apply()), projectMessage, this::clearProjectForm);
    }

    /** Writes {@code in} over project {@code id}; its inverse writes {@code previous}. */
    private EditHistory.Inverse putProject(int id, ProjectInput in, ProjectInput previous) {
        return () -> {
            int version = repository.updateProject(edit, id, history.versionOf(TABLE_PROJECT, id, 0), in);
            history.wrote(TABLE_PROJECT, id, version);
            return putProject(id, previous, in);
        };
    }

    /** Deletes a listed project (Ctrl+Z brings it back with its team). */
    public CompletionStage<Boolean> deleteProject(ProjectRow row) {
        if (row == null) {
            return REFUSED;
        }
        int id = row.project().id();
        history.wrote(TABLE_PROJECT, id, row.project().version());
        String what = i18n.get("training.undo.project.delete", row.title());
        return write(() -> new Step(what, deleteOrRestore(id, true).apply()), projectMessage, this::clearProjectForm);
    }

    private EditHistory.Inverse deleteOrRestore(int id, boolean delete) {
        return () -> {
            int from = history.versionOf(TABLE_PROJECT, id, 0);
            int version = delete ? repository.deleteProject(edit, id, from) : repository.restoreProject(edit, id, from);
            history.wrote(TABLE_PROJECT, id, version);
            return deleteOrRestore(id, !delete);
        };
    }

    // ------------------------------------------------------------------ shared

    /** A write of this screen: what Edit > Undo calls it and what undoes it. */
    private record Step(String what, EditHistory.Inverse inverse) {
    }

    private static final CompletionStage<Boolean> REFUSED = CompletableFuture.completedFuture(false);

    private CompletionStage<Boolean> write(Callable<Step> action, ReadOnlyStringWrapper message) {
        return write(action, message, () -> { });
    }

    private CompletionStage<Boolean> write(Callable<Step> action, ReadOnlyStringWrapper message, Runnable afterSaved) {
        if (edit == null) {
            message.set(i18n.get("training.rule.NOT_IDENTIFIED"));
            return REFUSED;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(BackgroundTask.wrap(action)
                .onSuccess(step -> {
                    history.record(step.what(), step.inverse());
                    message.set(i18n.get("training.saved"));
                    afterSaved.run();
                    reload();
                    done.complete(true);
                })
                .onFailure(e -> {
                    message.set(e instanceof EditRuleException r ? ruleMessage(r.rule())
                            : i18n.get("training.error", Failures.reason(e, i18n)));
                    reload();
                    done.complete(false);
                }));
        return done;
    }

    private String ruleMessage(String rule) {
        TrainingOutcomeRules.Code code;
        try {
            code = TrainingOutcomeRules.Code.valueOf(rule);
        } catch (IllegalArgumentException e) {
            return rule;
        }
        return switch (code) {
            case NOT_A_NUMBER -> i18n.get("training.outcome.rule.NOT_A_NUMBER");
            case SCORE_OUT_OF_RANGE -> i18n.get("training.outcome.rule.SCORE_OUT_OF_RANGE");
            case REACTION_OUT_OF_RANGE -> i18n.get("training.outcome.rule.REACTION_OUT_OF_RANGE");
            case TITLE_REQUIRED -> i18n.get("training.outcome.rule.TITLE_REQUIRED");
            case THEME_LINK_REQUIRED -> i18n.get("training.outcome.rule.THEME_LINK_REQUIRED");
            case AXIS_OUT_OF_RANGE -> i18n.get("training.outcome.rule.AXIS_OUT_OF_RANGE");
            case DEFENCE_BEFORE_COHORT -> i18n.get("training.outcome.rule.DEFENCE_BEFORE_COHORT");
            case MEMBER_NOT_IN_COHORT -> i18n.get("training.outcome.rule.MEMBER_NOT_IN_COHORT");
            case RESULT_WITHOUT_DEFENCE -> i18n.get("training.outcome.rule.RESULT_WITHOUT_DEFENCE");
        };
    }

    private String level3Text(Level3 level) {
        return switch (level) {
            case HELD -> i18n.get("training.eval.level3.HELD");
            case NOT_HELD -> i18n.get("training.eval.level3.NOT_HELD");
            case NO_LATER_VISIT -> i18n.get("training.eval.level3.NO_LATER_VISIT");
            case NOT_RECORDED -> i18n.get("training.eval.level3.NOT_RECORDED");
            case NO_CIRCONSCRIPTION -> i18n.get("training.eval.level3.NO_CIRCONSCRIPTION");
            case NOT_TARGETED -> i18n.get("training.eval.level3.NOT_TARGETED");
        };
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<FilterChoice> sessionChoices() {
        return sessionChoices;
    }

    public ObjectProperty<FilterChoice> sessionProperty() {
        return session;
    }

    public ObjectProperty<FilterChoice> targetFunctionProperty() {
        return targetFunction;
    }

    public ObservableList<ScoreRow> scores() {
        return scores;
    }

    public ReadOnlyStringProperty sessionSummaryProperty() {
        return sessionSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cohortSummaryProperty() {
        return cohortSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty evaluationMessageProperty() {
        return evaluationMessage.getReadOnlyProperty();
    }

    public ObservableList<ProjectRow> projects() {
        return projects;
    }

    public ObservableList<FilterChoice> participantChoices() {
        return participantChoices;
    }

    /** The team chosen in the form (the view keeps its list's selection in step). */
    public ObservableList<FilterChoice> team() {
        return team;
    }

    public StringProperty projectTitleProperty() {
        return projectTitle;
    }

    public StringProperty projectThemeProperty() {
        return projectTheme;
    }

    public ObjectProperty<FilterChoice> projectAxisProperty() {
        return projectAxis;
    }

    public ObjectProperty<FilterChoice> projectReformProperty() {
        return projectReform;
    }

    public StringProperty projectSupervisorProperty() {
        return projectSupervisor;
    }

    public StringProperty projectDefenceProperty() {
        return projectDefence;
    }

    public ObjectProperty<FilterChoice> projectResultProperty() {
        return projectResult;
    }

    public ReadOnlyStringProperty projectMessageProperty() {
        return projectMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectFormTitleProperty() {
        return projectFormTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectCountsProperty() {
        return projectCounts.getReadOnlyProperty();
    }
}
