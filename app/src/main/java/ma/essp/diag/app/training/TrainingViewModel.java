package ma.essp.diag.app.training;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import ma.essp.diag.app.ui.FormBaseline;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Attendance;
import ma.essp.diag.database.repository.TrainingData.Cohort;
import ma.essp.diag.database.repository.TrainingData.CostLine;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Programme;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.database.repository.TrainingNeedsData;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.repository.TrainingRepository.CalendarContext;
import ma.essp.diag.database.repository.TrainingRepository.StaffCandidate;
import ma.essp.diag.database.rules.EsspFormRules;
import ma.essp.diag.database.rules.TrainingRules;
import ma.essp.diag.database.rules.TrainingRules.Clash;
import ma.essp.diag.database.rules.TrainingRules.Code;
import ma.essp.diag.database.rules.TrainingRules.Problem;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingFigures.CohortFigures;
import ma.essp.diag.reporting.training.TrainingFigures.Progress;
import ma.essp.diag.reporting.training.TrainingNeeds;

/**
 * The Formation area: cohorts of every programme; for the chosen cohort its sessions (with clashes), participants
 * picked from the staff records (with eligibility), the attendance grid (participants × sessions, hours typed, totals
 * against the required hours) and its cost lines with totals and per-trainee figures (reporting.training.TrainingFigures).
 * Every input is checked by {@link TrainingRules} before anything is written: a broken rule is worded on the field
 * and nothing is saved; the writes go through the repository (SyncedRows) in the background.
 */
public final class TrainingViewModel {

    /** The units a cost line can have (V9), in the order offered. */
    static final List<String> UNITS = List.of("participant_day", "expert_day", "venue_day", "participant", "lump_sum");

    private final TrainingRepository repository;
    private final EditContext edit;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<FilterChoice> cohorts = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> cohort = new SimpleObjectProperty<>(this, "cohort");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ObservableList<SessionRow> sessions = FXCollections.observableArrayList();
    private final ObservableList<AttendanceRow> attendance = FXCollections.observableArrayList();
    private final ObservableList<CostRow> costs = FXCollections.observableArrayList();
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final ObservableList<NeedRow> needs = FXCollections.observableArrayList();
    private final TrainingNeedsMapViewModel needsMap;
    private final ReadOnlyStringWrapper needsMessage = new ReadOnlyStringWrapper(this, "needsMessage", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper sessionMessage = new ReadOnlyStringWrapper(this, "sessionMessage", "");
    private final ReadOnlyStringWrapper participantMessage = new ReadOnlyStringWrapper(this, "participantMessage", "");
    private final ReadOnlyStringWrapper attendanceMessage = new ReadOnlyStringWrapper(this, "attendanceMessage", "");
    private final ReadOnlyStringWrapper costMessage = new ReadOnlyStringWrapper(this, "costMessage", "");
    private final ReadOnlyStringWrapper costTotals = new ReadOnlyStringWrapper(this, "costTotals", "");

    private final ObservableList<FilterChoice> months = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> month = new SimpleObjectProperty<>(this, "month");
    private final ObservableList<AgendaRow> agenda = FXCollections.observableArrayList();
    private final ObservableList<DayCell> monthDays = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper calendarMessage = new ReadOnlyStringWrapper(this, "calendarMessage", "");

    // the three entry forms (a session, a cost line, a holiday or Ramadan): blank until typed in, blank again once added
    private final StringProperty sessionTitle = new SimpleStringProperty(this, "sessionTitle", "");
    private final StringProperty sessionStart = new SimpleStringProperty(this, "sessionStart", "");
    private final StringProperty sessionEnd = new SimpleStringProperty(this, "sessionEnd", "");
    private final StringProperty sessionHours = new SimpleStringProperty(this, "sessionHours", "");
    private final StringProperty sessionPlace = new SimpleStringProperty(this, "sessionPlace", "");
    private final StringProperty sessionTrainers = new SimpleStringProperty(this, "sessionTrainers", "");
    private final ObjectProperty<FilterChoice> costItem = new SimpleObjectProperty<>(this, "costItem");
    private final ObjectProperty<FilterChoice> costUnit = new SimpleObjectProperty<>(this, "costUnit");
    private final StringProperty costUnitCost = new SimpleStringProperty(this, "costUnitCost", "");
    private final StringProperty costUnits = new SimpleStringProperty(this, "costUnits", "");
    private final ObjectProperty<FilterChoice> costKind = new SimpleObjectProperty<>(this, "costKind");
    private final StringProperty costFunding = new SimpleStringProperty(this, "costFunding", "");
    private final ObjectProperty<FilterChoice> costOrigin = new SimpleObjectProperty<>(this, "costOrigin");
    private final ReadOnlyStringWrapper costExperts = new ReadOnlyStringWrapper(this, "costExperts", "");
    private final ObjectProperty<FilterChoice> contextKind = new SimpleObjectProperty<>(this, "contextKind");
    private final StringProperty contextStart = new SimpleStringProperty(this, "contextStart", "");
    private final StringProperty contextEnd = new SimpleStringProperty(this, "contextEnd", "");
    private final StringProperty contextLabel = new SimpleStringProperty(this, "contextLabel", "");
    private final FormBaseline sessionForm;
    private final FormBaseline costForm;
    private final FormBaseline contextForm;
    private final UnsavedChanges unsaved;
    private final EditHistory history;
    private final TrainingPlanEditing editing;
    private final TrainingScenarioViewModel scenario;

    private TrainingData data;
    private List<CalendarContext> context = List.of();
    private Map<Integer, List<String>> clashesBySession = Map.of();

    /** A line of the agenda: a session (with its cohort and clashes) or a holiday / the Ramadan period. */
    public record AgendaRow(LocalDate startsOn, String dates, String what, String cohort, String place, String note,
                            boolean context) {
    }

    /**
     * A day of the month grid (Monday first; {@code date} null for the blank cells before the 1st and after the last
     * day): the sessions held that day, a holiday's name, whether it falls in Ramadan, whether a session clashes.
     */
    public record DayCell(LocalDate date, String text, boolean holiday, boolean ramadan, boolean clash) {
    }

    private record Loaded(TrainingData data, List<CalendarContext> context, TrainingNeedsData needs,
                          ma.essp.diag.database.geo.MapOutlines outlines, Map<Integer, String> outlineCodes) {
    }

    /**
     * A session of the chosen cohort: dates, hours, place, trainers and what it clashes with (empty: nothing);
     * {@code heading} its number and first day, the attendance grid's column header.
     */
    public record SessionRow(int id, String title, String heading, String dates, String hours, String place, String trainers,
                             String clashes) {
    }

    /** A participant's line of the grid: hours per session (as shown), total, required, completion. */
    public record AttendanceRow(int participantId, String name, List<String> hours, String total, String required,
                                String completion, boolean completed) {
    }

    /**
     * A cost line as shown: {@code origin} the words of its experts' origin ("not stated" on an expert-day line written
     * before V28, blank on another unit), {@code originCode} moroccan, european or null; {@code expertDay} whether the
     * origin applies (and can be chosen).
     */
    public record CostRow(int id, String item, String unit, String unitCost, String units, String amount, String kind,
                          String fundingLine, boolean expertDay, String originCode, String origin) {
    }

    public record CandidateRow(StaffCandidate candidate, String cadre, String place, String eligible) {
    }

    /**
     * A proposal of the needs derived from the diagnostic: a unit lacking functions, one of its people (null when it has
     * nobody on record), the trainings they received and the course proposed, with its status.
     */
    public record NeedRow(TrainingNeeds.Unit unit, TrainingNeeds.Proposal proposal, String unitName, String functions,
                          String person, String received, String course, String status) {
    }

    public TrainingViewModel(TrainingRepository repository, EditContext edit, TaskExecutor executor, I18n i18n) {
        this.repository = repository;
        this.edit = edit;
        this.executor = executor;
        this.i18n = i18n;
        this.needsMap = new TrainingNeedsMapViewModel(i18n);
        cohort.addListener((obs, old, now) -> show());
        month.addListener((obs, old, now) -> showMonth());
        costKind.set(kindChoices().getFirst());
        contextKind.set(contextKinds().getFirst());
        sessionForm = new FormBaseline(List.of(sessionTitle, sessionStart, sessionEnd, sessionHours, sessionPlace, sessionTrainers));
        costForm = new FormBaseline(List.of(costItem, costUnit, costUnitCost, costUnits, costKind, costFunding, costOrigin));
        // only an expert-day line has an experts' origin: another unit clears it
        costUnit.addListener((obs, old, now) -> {
            if (now == null || !"expert_day".equals(now.value())) {
                costOrigin.set(null);
            }
        });
        contextForm = new FormBaseline(List.of(contextKind, contextStart, contextEnd, contextLabel));
        unsaved = new Forms();
        history = new EditHistory(executor);
        history.setAfterUndo(this::reload);
        editing = new TrainingPlanEditing(this, repository, edit, executor, i18n);
        scenario = new TrainingScenarioViewModel(i18n);
    }

    /** Editing and deleting the chosen cohort, its sessions and participants; gender balance and regions. */
    /** The next cohorts' budget scenario, following the chosen cohort as its reference. */
    public TrainingScenarioViewModel scenario() {
        return scenario;
    }

    /** The needs map of the Besoins tab. */
    public TrainingNeedsMapViewModel needsMap() {
        return needsMap;
    }

    public TrainingPlanEditing editing() {
        return editing;
    }

    /** The training plan as last loaded (null before the first load). */
    TrainingData data() {
        return data;
    }

    // ------------------------------------------------------------------ loading

    public void load() {
        reload();
        searchCandidates();
    }

    private void reload() {
        executor.execute(BackgroundTask.wrap(() -> new Loaded(repository.load(), repository.calendarContext(), repository.needsData(),
                ma.essp.diag.database.geo.MapOutlines.shipped(), repository.provinceOutlineCodes()))
                .onSuccess(this::loaded)
                .onFailure(e -> loadError.set(i18n.get("training.error", Failures.reason(e, i18n)))));
    }

    private void loaded(Loaded loaded) {
        data = loaded.data();
        context = loaded.context();
        needs.setAll(needRows(TrainingNeeds.derive(loaded.needs(), data.programmes())));
        needsMap.show(loaded.outlines(), TrainingNeeds.byLevel(loaded.needs(), data.programmes(), TrainingNeeds.Level.PROVINCE),
                loaded.outlineCodes());
        clashesBySession = clashes();
        refreshMonths();
        loadError.set("");
        Integer chosen = selectedCohortId();
        List<FilterChoice> choices = new ArrayList<>();
        for (Cohort c : data.cohorts()) {
            Programme p = TrainingFigures.programme(data, c.programmeId());
            choices.add(new FilterChoice(String.valueOf(c.id()), (p == null ? "" : p.code() + " — ") + c.name()));
        }
        cohorts.setAll(choices);
        FilterChoice again = choices.stream().filter(ch -> chosen != null && ch.value().equals(String.valueOf(chosen)))
                .findFirst().orElse(choices.isEmpty() ? null : choices.getFirst());
        if (Objects.equals(cohort.get(), again)) {
            show();
        } else {
            cohort.set(again);
        }
    }

    Integer selectedCohortId() {
        return cohort.get() == null ? null : Integer.valueOf(cohort.get().value());
    }

    /** Fills the tabs for the chosen cohort from the loaded data. */
    private void show() {
        Integer id = selectedCohortId();
        if (data == null || id == null || data.cohorts().stream().noneMatch(c -> c.id() == id)) {
            editing.show(null);
            scenario.show(null, null);
            sessions.clear();
            attendance.clear();
            costs.clear();
            summary.set("");
            costTotals.set("");
            costExperts.set("");
            return;
        }
        CohortFigures f = TrainingFigures.cohortFigures(data, id);
        editing.show(id);
        scenario.show(data, id);
        summary.set(i18n.get("training.summary", f.participants(), f.women(), f.seats() == null ? "—" : f.seats(),
                f.sessions(), hours(f.sessionHours()), hours(f.requiredHours()), f.completed(), f.certified()));
        List<Session> cohortSessions = TrainingFigures.sessionsOf(data, id);
        Map<Integer, List<String>> clashes = clashesBySession;
        sessions.setAll(cohortSessions.stream().map(s -> new SessionRow(s.id(), s.title(),
                (cohortSessions.indexOf(s) + 1) + " · " + DateTimeFormatter.ofPattern("dd/MM").format(s.startsOn()),
                i18n.formatDate(s.startsOn()) + " – " + i18n.formatDate(s.endsOn()), hours(s.hours()),
                s.place() == null ? "" : s.place(), s.trainers() == null ? "" : s.trainers(),
                String.join(" ; ", clashes.getOrDefault(s.id(), List.of())))).toList());
        Map<String, Attendance> byCell = new HashMap<>();
        data.attendance().forEach(a -> byCell.put(a.sessionId() + ":" + a.participantId(), a));
        List<AttendanceRow> rows = new ArrayList<>();
        for (Progress p : TrainingFigures.progress(data, id)) {
            List<String> cells = new ArrayList<>();
            for (Session s : cohortSessions) {
                Attendance a = byCell.get(s.id() + ":" + p.participant().id());
                cells.add(a == null ? "" : hours(TrainingFigures.hoursOf(a, s)));
            }
            Participant who = p.participant();
            String name = who.staffDeleted() ? i18n.get("training.participant.staffDeleted", who.fullName()) : who.fullName();
            rows.add(new AttendanceRow(who.id(), name, cells, hours(p.hoursAttended()), hours(p.requiredHours()),
                    i18n.formatDecimal(100 * TrainingFigures.completionShare(p), 0) + " %", p.completed()));
        }
        attendance.setAll(rows);
        costs.setAll(data.costs().stream().filter(l -> l.cohortId() == id).map(this::costRow).toList());
        costTotals.set(i18n.get("training.cost.totals", mad(f.budget().planned()), mad(f.budget().actual()),
                f.costPerTrainee() == null ? "—" : mad(f.costPerTrainee()),
                f.costPerCompleted() == null ? "—" : mad(f.costPerCompleted())));
        // one line under the totals (a 1366 px laptop keeps ten rows of the table): planned / actual for each origin
        costExperts.set(i18n.get("training.cost.experts", TrainingFigures.expertDays(data, id).stream()
                .map(e -> i18n.get("training.cost.expertsPart", originLabel(e.origin()), days(e.plannedDays()), days(e.actualDays()),
                        i18n.formatNumber(Math.round(e.plannedMad())), mad(e.actualMad())))
                .collect(java.util.stream.Collectors.joining(" · "))));
        refreshEligibility();
    }

    private CostRow costRow(CostLine l) {
        boolean expertDay = "expert_day".equals(l.unit());
        return new CostRow(l.id(), i18n.code(Vocabulary.COST_ITEM, l.item()), unitLabel(l.unit()),
                l.unitCostMad() == null ? "" : mad(l.unitCostMad()),
                l.units() == null ? "" : i18n.formatDecimal(l.units(), l.units() % 1 == 0 ? 0 : 1),
                mad(TrainingFigures.amount(l)), i18n.code(Vocabulary.COST_KIND, l.kind()),
                l.fundingLine() == null ? "" : l.fundingLine(), expertDay, l.expertOrigin(),
                expertDay ? originLabel(TrainingFigures.originOf(l)) : "");
    }

    /** The words of an experts' origin; {@link TrainingFigures#NOT_STATED}: "not stated". */
    String originLabel(String origin) {
        return origin == null || origin.equals(TrainingFigures.NOT_STATED) ? i18n.get("training.cost.origin.notStated")
                : i18n.code(Vocabulary.EXPERT_ORIGIN, origin);
    }

    private String days(double d) {
        return i18n.formatDecimal(d, d % 1 == 0 ? 0 : 1);
    }

    /** Every session of the mission against the others; for each session the words of its clashes. */
    private Map<Integer, List<String>> clashes() {
        Map<Integer, Set<String>> people = new HashMap<>();
        for (Participant p : data.participants()) {
            people.computeIfAbsent(p.cohortId(), k -> new HashSet<>())
                    .add(TrainingRules.participantKey(p.staffPositionId(), p.fullName()));
        }
        Map<Integer, Session> byId = new HashMap<>();
        List<TrainingRules.Slot> slots = new ArrayList<>();
        for (Session s : data.sessions()) {
            byId.put(s.id(), s);
            slots.add(new TrainingRules.Slot(s.id(), s.startsOn(), s.endsOn(), s.place(), s.trainers(),
                    people.getOrDefault(s.cohortId(), Set.of())));
        }
        Map<Integer, List<String>> out = new HashMap<>();
        for (Clash c : TrainingRules.clashes(slots)) {
            out.computeIfAbsent(c.sessionA(), k -> new ArrayList<>()).add(clashText(c, byId.get(c.sessionB())));
            out.computeIfAbsent(c.sessionB(), k -> new ArrayList<>()).add(clashText(c, byId.get(c.sessionA())));
        }
        return out;
    }

    private String clashText(Clash c, Session other) {
        String when = i18n.formatDate(other.startsOn());
        return switch (c.kind()) {
            case TRAINER -> i18n.get("training.clash.trainer", c.shared(), other.title(), when);
            case PARTICIPANT -> i18n.get("training.clash.participant", other.title(), when);
            case PLACE -> i18n.get("training.clash.place", c.shared(), other.title(), when);
        };
    }

    // ------------------------------------------------------------------ attendance

    /**
     * Hours typed in the grid for a participant at the cohort's {@code sessionIndex}-th session: checked (a number,
     * not negative, no more than the session's hours), then written; blank records an absence.
     */
    public void setHours(AttendanceRow row, int sessionIndex, String text) {
        Integer id = selectedCohortId();
        if (data == null || id == null) {
            return;
        }
        Session session = TrainingFigures.sessionsOf(data, id).get(sessionIndex);
        Double hours = EsspFormRules.parseDecimal(text);
        Optional<Problem> problem = TrainingRules.hoursAttended(hours, session.hours());
        if (problem.isPresent()) {
            attendanceMessage.set(message(problem.get()));
            show(); // the cell shows the recorded value again: nothing was saved
            return;
        }
        Attendance before = data.attendance().stream()
                .filter(a -> a.sessionId() == session.id() && a.participantId() == row.participantId())
                .findFirst().orElse(null);
        boolean present = hours != null && hours > 0;
        String what = i18n.get("training.undo.hours", row.name(), session.title());
        write(() -> {
            var w = repository.setAttendance(edit, session.id(), row.participantId(),
                    before == null ? null : before.version(), present, hours);
            history.wrote(Row.ATTENDANCE.name(), w.id(), w.version());
            // first recorded (no live row before): undone by soft-deleting it; else back to the hours it had
            return new Step(what, before == null ? deleteOrRestore(Row.ATTENDANCE, w.id(), true)
                    : putHours(session.id(), row.participantId(), w.id(), before.present(), before.hoursAttended(), present, hours));
        }, attendanceMessage);
    }

    /** Writes {@code present}/{@code hours} over attendance row {@code id}; its inverse writes the {@code forward} ones. */
    private EditHistory.Inverse putHours(int sessionId, int participantId, int id, boolean present, Double hours,
                                         boolean forwardPresent, Double forwardHours) {
        return () -> {
            history.wrote(Row.ATTENDANCE.name(), id, repository.setAttendance(edit, sessionId, participantId,
                    history.versionOf(Row.ATTENDANCE.name(), id, 0), present, hours).version());
            return putHours(sessionId, participantId, id, forwardPresent, forwardHours, present, hours);
        };
    }

    // ------------------------------------------------------------------ sessions

    /** Adds the session typed in the session form to the chosen cohort; the form goes blank once it is written. */
    public CompletionStage<Boolean> addSession() {
        return addSession(sessionTitle.get(), sessionStart.get(), sessionEnd.get(), sessionHours.get(), sessionPlace.get(),
                sessionTrainers.get());
    }

    private CompletionStage<Boolean> addSession(String title, String startsOn, String endsOn, String hoursText, String place,
                                                String trainers) {
        Integer id = selectedCohortId();
        if (data == null || id == null) {
            return REFUSED;
        }
        Cohort c = TrainingFigures.cohort(data, id);
        LocalDate start;
        LocalDate end;
        try {
            start = i18n.parseDate(startsOn);
            end = i18n.parseDate(endsOn);
        } catch (DateTimeParseException e) {
            sessionMessage.set(i18n.get("training.rule.DATE_FORMAT"));
            return REFUSED;
        }
        Double hours = EsspFormRules.parseDecimal(hoursText);
        Optional<Problem> problem = TrainingRules.title(title)
                .or(() -> TrainingRules.sessionDates(start, end, c.startsOn(), c.endsOn()))
                .or(() -> hours == null ? Optional.of(new Problem(Code.NOT_A_NUMBER)) : TrainingRules.hours(hours));
        if (problem.isPresent()) {
            sessionMessage.set(message(problem.get()));
            return REFUSED;
        }
        String what = i18n.get("training.undo.session", title.strip());
        return write(() -> created(Row.SESSION, repository.addSession(edit, id, title, start, end, hours, place, trainers), what),
                sessionMessage, this::clearSessionForm);
    }

    // ------------------------------------------------------------------ participants

    public void searchCandidates() {
        String text = search.get();
        executor.execute(BackgroundTask.wrap(() -> repository.staffCandidates(text, 200))
                .onSuccess(list -> {
                    if (Objects.equals(text, search.get())) {
                        candidates.setAll(list.stream().map(this::candidateRow).toList());
                    }
                })
                .onFailure(e -> participantMessage.set(i18n.get("training.error", Failures.reason(e, i18n)))));
    }

    private CandidateRow candidateRow(StaffCandidate s) {
        String cadre = switch (i18n.locale().getLanguage()) {
            case "ar" -> s.cadreAr();
            case "en" -> s.cadreEn();
            default -> s.cadreFr();
        };
        Programme p = chosenProgramme();
        String eligible = p == null ? "" : TrainingRules.eligible(p.kind(), s.structureKind(), s.cadreCode())
                ? i18n.get("training.eligible.yes") : i18n.get("training.eligible.no");
        return new CandidateRow(s, cadre, s.placeName() == null ? "" : s.placeName(), eligible);
    }

    private void refreshEligibility() {
        candidates.setAll(candidates.stream().map(c -> candidateRow(c.candidate())).toList());
    }

    private Programme chosenProgramme() {
        Integer id = selectedCohortId();
        return data == null || id == null ? null : TrainingFigures.programme(data, TrainingFigures.cohort(data, id).programmeId());
    }

    public void addParticipant(CandidateRow row) {
        Integer id = selectedCohortId();
        if (data == null || id == null || row == null) {
            return;
        }
        StaffCandidate s = row.candidate();
        List<TrainingRules.Enrolled> enrolled = data.participants().stream().filter(p -> p.cohortId() == id)
                .map(p -> new TrainingRules.Enrolled(p.staffPositionId(), p.fullName())).toList();
        Optional<Problem> problem = TrainingRules.newParticipant(s.positionId(), s.holderName(), false, enrolled,
                TrainingFigures.cohort(data, id).seats());
        if (problem.isPresent()) {
            participantMessage.set(message(problem.get()));
            return;
        }
        String what = i18n.get("training.undo.participant", s.holderName());
        write(() -> created(Row.PARTICIPANT, repository.addParticipant(edit, id, s.positionId(), s.holderName(),
                s.jobTitle(), s.gender()), what), participantMessage);
    }

    // ------------------------------------------------------------------ needs from the diagnostic

    private List<NeedRow> needRows(List<TrainingNeeds.Unit> units) {
        List<NeedRow> rows = new ArrayList<>();
        for (TrainingNeeds.Unit u : units) {
            String unitName = switch (u.kind()) {
                case "delegation" -> i18n.get("training.needs.unit.delegation", u.name());
                case "sres" -> i18n.get("training.needs.unit.sres", u.name());
                default -> u.name();
            };
            String functions = String.join(", ", u.gaps().stream().map(g -> i18n.code(Vocabulary.CIRCONSCRIPTION_FUNCTION,
                    g.functionCode()) + " (" + gapText(g) + ")").toList());
            if (u.proposals().isEmpty()) {
                rows.add(new NeedRow(u, null, unitName, functions, i18n.get("training.needs.nobody"), "", "", ""));
            }
            for (TrainingNeeds.Proposal p : u.proposals()) {
                TrainingNeedsData.Staff st = p.staff();
                String person = st.holderName() + (st.jobTitle() == null ? "" : " — " + st.jobTitle())
                        + (st.esspName() == null ? "" : " (" + st.esspName() + ")");
                String received = String.join(", ", p.received().stream()
                        .map(r -> r.title() + (r.year() == null ? "" : " " + r.year())).toList());
                String course = p.programme() == null ? "" : p.programme().code();
                rows.add(new NeedRow(u, p, unitName, functions, person, received, course,
                        switch (p.status()) {
                            case PROPOSED -> i18n.get("training.needs.status.PROPOSED");
                            case ALREADY_ENROLLED -> i18n.get("training.needs.status.ALREADY_ENROLLED");
                            case NOT_ELIGIBLE -> i18n.get("training.needs.status.NOT_ELIGIBLE");
                        }));
            }
        }
        return rows;
    }

    /** "not held" in a circonscription; "2 not held, 1 partly" over several. */
    private String gapText(TrainingNeeds.Gap g) {
        if (g.notHeld() + g.partial() == 1) {
            return i18n.code(Vocabulary.HELD, g.notHeld() == 1 ? "not_held" : "partial");
        }
        return i18n.get("training.needs.gapCounts", g.notHeld(), g.partial());
    }

    /**
     * Accepts a proposal into the chosen cohort: the team's explicit step (a proposal is never enrolled by itself). The
     * participant rules apply (twice in the cohort, seats); a unit with nobody on record has nothing to accept.
     */
    public void acceptProposal(NeedRow row) {
        Integer id = selectedCohortId();
        if (data == null || id == null || row == null) {
            return;
        }
        if (row.proposal() == null) {
            needsMessage.set(i18n.get("training.needs.nobodyToAccept"));
            return;
        }
        TrainingNeedsData.Staff s = row.proposal().staff();
        List<TrainingRules.Enrolled> enrolled = data.participants().stream().filter(p -> p.cohortId() == id)
                .map(p -> new TrainingRules.Enrolled(p.staffPositionId(), p.fullName())).toList();
        Optional<Problem> problem = TrainingRules.newParticipant(s.positionId(), s.holderName(), false, enrolled,
                TrainingFigures.cohort(data, id).seats());
        if (problem.isPresent()) {
            needsMessage.set(message(problem.get()));
            return;
        }
        String what = i18n.get("training.undo.participant", s.holderName());
        write(() -> created(Row.PARTICIPANT, repository.addParticipant(edit, id, s.positionId(), s.holderName(),
                s.jobTitle(), s.gender()), what), needsMessage);
    }

    public ObservableList<NeedRow> needs() {
        return needs;
    }

    public ReadOnlyStringProperty needsMessageProperty() {
        return needsMessage.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ costs

    /** Adds the cost line typed in the cost form to the chosen cohort; the form goes blank once it is written. */
    public CompletionStage<Boolean> addCostLine() {
        return addCostLine(costItem.get(), costUnit.get(), costUnitCost.get(), costUnits.get(), costKind.get(), costFunding.get(),
                costOrigin.get());
    }

    private CompletionStage<Boolean> addCostLine(FilterChoice item, FilterChoice unit, String unitCostText, String unitsText,
                                                 FilterChoice kind, String fundingLine, FilterChoice origin) {
        Integer id = selectedCohortId();
        if (data == null || id == null) {
            return REFUSED;
        }
        Double unitCost = EsspFormRules.parseDecimal(unitCostText);
        Double units = EsspFormRules.parseDecimal(unitsText);
        String unitCode = unit == null ? null : unit.value();
        String originCode = origin == null ? null : origin.value();
        Optional<Problem> problem = TrainingRules.costLine(unitCode, unitCost, units, originCode);
        if (problem.isEmpty() && (item == null || kind == null)) {
            problem = Optional.of(new Problem(Code.UNIT_REQUIRED));
        }
        if (problem.isPresent()) {
            costMessage.set(message(problem.get()));
            return REFUSED;
        }
        String what = i18n.get("training.undo.cost", item.label());
        return write(() -> created(Row.COST, repository.addCostLine(edit, id, item.value(), unitCode, unitCost, units, kind.value(),
                fundingLine, originCode), what), costMessage, this::clearCostForm);
    }

    /**
     * Says whose experts an expert-day line of the chosen cohort pays (e.g. a line written before V28, "not stated");
     * checked by {@link TrainingRules#costLine} first, written through the repository; Ctrl+Z puts the origin it had
     * back.
     */
    public CompletionStage<Boolean> setCostOrigin(int lineId, String origin) {
        CostLine line = data == null ? null : data.costs().stream().filter(l -> l.id() == lineId).findFirst().orElse(null);
        if (line == null || java.util.Objects.equals(line.expertOrigin(), origin)) {
            return REFUSED;
        }
        Optional<Problem> problem = TrainingRules.costLine(line.unit() == null ? "lump_sum" : line.unit(),
                line.unitCostMad() == null ? line.amountMad() : line.unitCostMad(), line.units(), origin);
        if (problem.isPresent()) {
            costMessage.set(message(problem.get()));
            return REFUSED;
        }
        String before = line.expertOrigin();
        String what = i18n.get("training.undo.costOrigin", i18n.code(Vocabulary.COST_ITEM, line.item()));
        int from = history.versionOf(Row.COST.name(), lineId, line.version());
        return write(() -> {
            history.wrote(Row.COST.name(), lineId, repository.setCostLineOrigin(edit, lineId, from, origin));
            return new Step(what, originBack(lineId, before, origin));
        }, costMessage, () -> { });
    }

    /** Puts origin {@code back} on the line (null: "not stated" again); its inverse puts {@code now} back. */
    private EditHistory.Inverse originBack(int lineId, String back, String now) {
        return () -> {
            int from = history.versionOf(Row.COST.name(), lineId, 0);
            history.wrote(Row.COST.name(), lineId, back == null ? repository.unstateCostLineOrigin(edit, lineId, from)
                    : repository.setCostLineOrigin(edit, lineId, from, back));
            return originBack(lineId, now, back);
        };
    }

    /** The origins an expert-day line can name, in the window's language. */
    public List<FilterChoice> originChoices() {
        return FilterChoice.of(Vocabulary.EXPERT_ORIGIN, i18n);
    }

    public List<FilterChoice> itemChoices() {
        return FilterChoice.of(Vocabulary.COST_ITEM, i18n);
    }

    public List<FilterChoice> kindChoices() {
        return FilterChoice.of(Vocabulary.COST_KIND, i18n);
    }

    public List<FilterChoice> unitChoices() {
        return UNITS.stream().map(u -> new FilterChoice(u, unitLabel(u))).toList();
    }

    private String unitLabel(String unit) {
        if (unit == null) {
            return i18n.get("training.unit.lump_sum");
        }
        return switch (unit) {
            case "participant_day" -> i18n.get("training.unit.participant_day");
            case "expert_day" -> i18n.get("training.unit.expert_day");
            case "venue_day" -> i18n.get("training.unit.venue_day");
            case "participant" -> i18n.get("training.unit.participant");
            default -> i18n.get("training.unit.lump_sum");
        };
    }

    // ------------------------------------------------------------------ calendar

    /** The months from the first session or context day to the last, the chosen one kept (else the cohort's first). */
    private void refreshMonths() {
        List<LocalDate> days = new ArrayList<>();
        data.sessions().forEach(s -> {
            days.add(s.startsOn());
            days.add(s.endsOn());
        });
        context.forEach(c -> {
            days.add(c.startsOn());
            days.add(c.endsOn());
        });
        FilterChoice chosen = month.get();
        List<FilterChoice> list = new ArrayList<>();
        if (!days.isEmpty()) {
            YearMonth first = YearMonth.from(days.stream().min(LocalDate::compareTo).orElseThrow());
            YearMonth last = YearMonth.from(days.stream().max(LocalDate::compareTo).orElseThrow());
            DateTimeFormatter name = DateTimeFormatter.ofPattern("LLLL yyyy", i18n.formatLocale());
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                list.add(new FilterChoice(m.toString(), name.format(m.atDay(1))));
            }
        }
        months.setAll(list);
        FilterChoice again = chosen == null ? null : list.stream().filter(c -> c.value().equals(chosen.value())).findFirst().orElse(null);
        if (again == null && !list.isEmpty()) {
            again = list.getFirst();
        }
        if (Objects.equals(month.get(), again)) {
            showMonth();
        } else {
            month.set(again);
        }
    }

    /** Shows the month of the cohort's first session in the calendar. */
    public void showCohortMonth() {
        Integer id = selectedCohortId();
        if (data == null || id == null) {
            return;
        }
        TrainingFigures.sessionsOf(data, id).stream().findFirst().map(s -> YearMonth.from(s.startsOn()).toString())
                .flatMap(m -> months.stream().filter(c -> c.value().equals(m)).findFirst()).ifPresent(month::set);
    }

    private void showMonth() {
        if (data == null || month.get() == null) {
            agenda.clear();
            monthDays.clear();
            return;
        }
        YearMonth m = YearMonth.parse(month.get().value());
        LocalDate first = m.atDay(1);
        LocalDate last = m.atEndOfMonth();
        Map<Integer, Cohort> cohortsById = new HashMap<>();
        data.cohorts().forEach(c -> cohortsById.put(c.id(), c));
        List<Session> inMonth = data.sessions().stream()
                .filter(s -> !s.startsOn().isAfter(last) && !s.endsOn().isBefore(first))
                .sorted(java.util.Comparator.comparing(Session::startsOn).thenComparing(Session::id)).toList();
        List<CalendarContext> contextInMonth = context.stream()
                .filter(c -> !c.startsOn().isAfter(last) && !c.endsOn().isBefore(first)).toList();
        List<AgendaRow> rows = new ArrayList<>();
        for (CalendarContext c : contextInMonth) {
            rows.add(new AgendaRow(c.startsOn(), range(c.startsOn(), c.endsOn()), contextLabel(c), "", "",
                    "ramadan".equals(c.kind()) ? i18n.get("training.calendar.ramadan") : i18n.get("training.calendar.holiday"),
                    true));
        }
        for (Session s : inMonth) {
            Cohort c = cohortsById.get(s.cohortId());
            rows.add(new AgendaRow(s.startsOn(), range(s.startsOn(), s.endsOn()), s.title(), c == null ? "" : c.name(),
                    s.place() == null ? "" : s.place(), String.join(" ; ", clashesBySession.getOrDefault(s.id(), List.of())),
                    false));
        }
        rows.sort(java.util.Comparator.comparing(AgendaRow::startsOn)); // stable: the context before the sessions of a day
        agenda.setAll(rows);
        List<DayCell> cells = new ArrayList<>();
        int blanks = first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < blanks; i++) {
            cells.add(new DayCell(null, "", false, false, false));
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            List<String> texts = new ArrayList<>();
            boolean holiday = false;
            boolean ramadan = false;
            for (CalendarContext c : contextInMonth) {
                if (!day.isBefore(c.startsOn()) && !day.isAfter(c.endsOn())) {
                    if ("ramadan".equals(c.kind())) {
                        ramadan = true;
                    } else {
                        holiday = true;
                        texts.add(contextLabel(c));
                    }
                }
            }
            boolean clash = false;
            for (Session s : inMonth) {
                if (!day.isBefore(s.startsOn()) && !day.isAfter(s.endsOn())) {
                    texts.add(s.title());
                    clash |= clashesBySession.containsKey(s.id());
                }
            }
            cells.add(new DayCell(day, String.join("\n", texts), holiday, ramadan, clash));
        }
        while (cells.size() % 7 != 0) {
            cells.add(new DayCell(null, "", false, false, false));
        }
        monthDays.setAll(cells);
    }

    private String range(LocalDate start, LocalDate end) {
        return start.equals(end) ? i18n.formatDate(start) : i18n.formatDate(start) + " – " + i18n.formatDate(end);
    }

    private String contextLabel(CalendarContext c) {
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> c.labelAr();
            case "en" -> c.labelEn();
            default -> c.labelFr();
        };
    }

    public List<FilterChoice> contextKinds() {
        return List.of(new FilterChoice("public_holiday", i18n.get("training.calendar.holiday")),
                new FilterChoice("ramadan", i18n.get("training.calendar.ramadan")));
    }

    /** Adds a holiday or a Ramadan period to the calendar's context (dates checked, nothing saved when wrong). */
    public CompletionStage<Boolean> addContext() {
        return addContext(contextKind.get(), contextStart.get(), contextEnd.get(), contextLabel.get());
    }

    private CompletionStage<Boolean> addContext(FilterChoice kind, String startsOn, String endsOn, String label) {
        LocalDate start;
        LocalDate end;
        try {
            start = i18n.parseDate(startsOn);
            end = i18n.parseDate(endsOn);
        } catch (DateTimeParseException e) {
            calendarMessage.set(i18n.get("training.rule.DATE_FORMAT"));
            return REFUSED;
        }
        Optional<Problem> problem = TrainingRules.title(label).or(() -> TrainingRules.sessionDates(start, end, null, null));
        if (problem.isEmpty() && kind == null) {
            problem = Optional.of(new Problem(Code.UNIT_REQUIRED));
        }
        if (problem.isPresent()) {
            calendarMessage.set(message(problem.get()));
            return REFUSED;
        }
        String what = i18n.get("training.undo.context", label.strip());
        return write(() -> created(Row.CONTEXT, repository.addCalendarContext(edit, kind.value(), start, end, label), what),
                calendarMessage, this::clearContextForm);
    }

    public StringProperty sessionTitleProperty() { return sessionTitle; }
    public StringProperty sessionStartProperty() { return sessionStart; }
    public StringProperty sessionEndProperty() { return sessionEnd; }
    public StringProperty sessionHoursProperty() { return sessionHours; }
    public StringProperty sessionPlaceProperty() { return sessionPlace; }
    public StringProperty sessionTrainersProperty() { return sessionTrainers; }
    public ObjectProperty<FilterChoice> costItemProperty() { return costItem; }
    public ObjectProperty<FilterChoice> costUnitProperty() { return costUnit; }
    public StringProperty costUnitCostProperty() { return costUnitCost; }
    public StringProperty costUnitsProperty() { return costUnits; }
    public ObjectProperty<FilterChoice> costKindProperty() { return costKind; }
    public StringProperty costFundingProperty() { return costFunding; }
    public ObjectProperty<FilterChoice> costOriginProperty() { return costOrigin; }
    public ObjectProperty<FilterChoice> contextKindProperty() { return contextKind; }
    public StringProperty contextStartProperty() { return contextStart; }
    public StringProperty contextEndProperty() { return contextEnd; }
    public StringProperty contextLabelProperty() { return contextLabel; }

    public ObservableList<FilterChoice> months() {
        return months;
    }

    public ObjectProperty<FilterChoice> monthProperty() {
        return month;
    }

    public ObservableList<AgendaRow> agenda() {
        return agenda;
    }

    public ObservableList<DayCell> monthDays() {
        return monthDays;
    }

    public ReadOnlyStringProperty calendarMessageProperty() {
        return calendarMessage.getReadOnlyProperty();
    }

    /** The names of the week's days, Monday first, short, in the window's language. */
    public List<String> weekDays() {
        List<String> names = new ArrayList<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE", i18n.formatLocale());
        for (int i = 0; i < 7; i++) {
            names.add(f.format(LocalDate.of(2026, 11, 2).plusDays(i))); // 2 November 2026 is a Monday
        }
        return names;
    }

    // ------------------------------------------------------------------ undo

    /** The rows the session, cost and calendar forms and the attendance grid write, each in its table (the undo history's keys). */
    private enum Row { SESSION, COST, CONTEXT, ATTENDANCE, PARTICIPANT }

    /** A creation of a form: what Edit > Undo calls it and what undoes it. */
    record Step(String what, EditHistory.Inverse inverse) {
    }

    /** Row {@code id} just inserted (version 1): undone by soft-deleting it. */
    private Step created(Row row, int id, String what) {
        history.wrote(row.name(), id, 1);
        return new Step(what, deleteOrRestore(row, id, true));
    }

    /** Soft-deletes ({@code delete}) or restores a created row from the version this screen left; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestore(Row row, int id, boolean delete) {
        return () -> {
            int from = history.versionOf(row.name(), id, 0);
            int version = switch (row) {
                case SESSION -> delete ? repository.deleteSession(edit, id, from) : repository.restoreSession(edit, id, from);
                case COST -> delete ? repository.deleteCostLine(edit, id, from) : repository.restoreCostLine(edit, id, from);
                case CONTEXT -> delete ? repository.deleteCalendarContext(edit, id, from)
                        : repository.restoreCalendarContext(edit, id, from);
                case ATTENDANCE -> delete ? repository.deleteAttendance(edit, id, from) : repository.restoreAttendance(edit, id, from);
                case PARTICIPANT -> delete ? repository.deleteParticipant(edit, id, from)
                        : repository.restoreParticipant(edit, id, from);
            };
            history.wrote(row.name(), id, version);
            return deleteOrRestore(row, id, !delete);
        };
    }

    /** The session, cost line, calendar and attendance writes of this screen, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() {
        return history;
    }

    /** Also runs {@code alsoReload} after an undo or redo (another view model of the screen sharing {@link #history()}). */
    public void alsoAfterUndo(Runnable alsoReload) {
        history.setAfterUndo(() -> {
            reload();
            alsoReload.run();
        });
    }

    // ------------------------------------------------------------------ shared

    private <V> void write(Callable<V> action, ReadOnlyStringWrapper message) {
        write(action, message, () -> { });
    }

    /** Writes in the background, then runs {@code afterSaved} and reloads; completes with true once written. */
    <V> CompletionStage<Boolean> write(Callable<V> action, ReadOnlyStringWrapper message, Runnable afterSaved) {
        if (edit == null) {
            message.set(i18n.get("training.rule.NOT_IDENTIFIED"));
            return REFUSED;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(BackgroundTask.wrap(action)
                .onSuccess(v -> {
                    if (v instanceof Step step) { // a creation that Ctrl+Z undoes
                        history.record(step.what(), step.inverse());
                    }
                    message.set(i18n.get("training.saved"));
                    afterSaved.run();
                    reload();
                    done.complete(true);
                })
                .onFailure(e -> {
                    message.set(e instanceof EditRuleException r ? ruleMessage(r.rule())
                            : i18n.get("training.error", Failures.reason(e, i18n)));
                    done.complete(false);
                }));
        return done;
    }

    private static final CompletionStage<Boolean> REFUSED = CompletableFuture.completedFuture(false);

    private void clearSessionForm() {
        List.of(sessionTitle, sessionStart, sessionEnd, sessionHours, sessionPlace, sessionTrainers).forEach(p -> p.set(""));
        sessionForm.mark();
    }

    private void clearCostForm() {
        costItem.set(null);
        costUnit.set(null);
        costUnitCost.set("");
        costUnits.set("");
        costKind.set(kindChoices().getFirst());
        costFunding.set("");
        costOrigin.set(null);
        costForm.mark();
    }

    private void clearContextForm() {
        contextKind.set(contextKinds().getFirst());
        contextStart.set("");
        contextEnd.set("");
        contextLabel.set("");
        contextForm.mark();
    }

    /** The three entry forms as the shell sees them before leaving the area or closing the window. */
    public UnsavedChanges unsavedChanges() {
        return unsaved;
    }

    /** Unsaved while an entry form holds something typed and not added; saving adds each such form's row in turn. */
    private final class Forms implements UnsavedChanges {
        private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(this, "unsaved");

        Forms() {
            any.bind(sessionForm.changedProperty().or(costForm.changedProperty()).or(contextForm.changedProperty()));
        }

        @Override
        public ReadOnlyBooleanProperty unsavedProperty() {
            return any.getReadOnlyProperty();
        }

        @Override
        public CompletionStage<Boolean> save() {
            CompletionStage<Boolean> chain = CompletableFuture.completedFuture(true);
            chain = chain.thenCompose(ok -> ok && sessionForm.isChanged() ? addSession() : CompletableFuture.completedFuture(ok));
            chain = chain.thenCompose(ok -> ok && costForm.isChanged() ? addCostLine() : CompletableFuture.completedFuture(ok));
            return chain.thenCompose(ok -> ok && contextForm.isChanged() ? addContext() : CompletableFuture.completedFuture(ok));
        }

        @Override
        public void discard() {
            clearSessionForm();
            clearCostForm();
            clearContextForm();
        }
    }

    private String ruleMessage(String rule) {
        try {
            return message(new Problem(Code.valueOf(rule)));
        } catch (IllegalArgumentException e) {
            return rule;
        }
    }

    /** The words of a rule's code, with its arguments. */
    String message(Problem p) {
        Object[] a = p.args();
        return switch (p.code()) {
            case TITLE_REQUIRED -> i18n.get("training.rule.TITLE_REQUIRED");
            case DATE_REQUIRED -> i18n.get("training.rule.DATE_REQUIRED");
            case DATES_REVERSED -> i18n.get("training.rule.DATES_REVERSED");
            case SESSION_OUTSIDE_COHORT -> i18n.get("training.rule.SESSION_OUTSIDE_COHORT",
                    a.length > 0 && a[0] != null ? i18n.formatDate((LocalDate) a[0]) : "…",
                    a.length > 1 && a[1] != null ? i18n.formatDate((LocalDate) a[1]) : "…");
            case NOT_A_NUMBER -> i18n.get("training.rule.NOT_A_NUMBER");
            case NEGATIVE -> i18n.get("training.rule.NEGATIVE");
            case HOURS_ABOVE_SESSION -> i18n.get("training.rule.HOURS_ABOVE_SESSION",
                    a.length > 0 ? hours((Double) a[0]) : "");
            case PARTICIPANT_TWICE -> i18n.get("training.rule.PARTICIPANT_TWICE", a.length > 0 ? a[0] : "");
            case SEATS_EXCEEDED -> i18n.get("training.rule.SEATS_EXCEEDED", a.length > 0 ? a[0] : "");
            case STAFF_DELETED -> i18n.get("training.rule.STAFF_DELETED");
            case UNIT_REQUIRED -> i18n.get("training.rule.UNIT_REQUIRED");
            case UNITS_REQUIRED -> i18n.get("training.rule.UNITS_REQUIRED");
            case AMOUNT_NEGATIVE -> i18n.get("training.rule.AMOUNT_NEGATIVE");
            case HOURS_NOT_POSITIVE -> i18n.get("training.rule.HOURS_NOT_POSITIVE");
            case HOURS_BELOW_ATTENDED -> i18n.get("training.rule.HOURS_BELOW_ATTENDED", a.length > 0 ? hours((Double) a[0]) : "");
            case SEATS_BELOW_ENROLLED -> i18n.get("training.rule.SEATS_BELOW_ENROLLED", a.length > 0 ? a[0] : "");
            case SESSIONS_OUTSIDE_DATES -> i18n.get("training.rule.SESSIONS_OUTSIDE_DATES", a.length > 0 ? a[0] : "");
            case QUOTA_FULL -> i18n.get("training.rule.QUOTA_FULL");
            case ORIGIN_REQUIRED -> i18n.get("training.rule.ORIGIN_REQUIRED");
            case ORIGIN_NOT_EXPERT_DAY -> i18n.get("training.rule.ORIGIN_NOT_EXPERT_DAY",
                    a.length > 0 ? unitLabel((String) a[0]) : "");
        };
    }

    String hours(double h) {
        return i18n.get("training.hours", i18n.formatDecimal(h, h % 1 == 0 ? 0 : 1));
    }

    /** An amount in MAD, whole dirhams with the locale's grouping. */
    String mad(double amount) {
        return i18n.get("training.mad", i18n.formatNumber(Math.round(amount)));
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<FilterChoice> cohorts() {
        return cohorts;
    }

    public ObjectProperty<FilterChoice> cohortProperty() {
        return cohort;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ObservableList<SessionRow> sessions() {
        return sessions;
    }

    public ObservableList<AttendanceRow> attendance() {
        return attendance;
    }

    public ObservableList<CostRow> costs() {
        return costs;
    }

    public ObservableList<CandidateRow> candidates() {
        return candidates;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty sessionMessageProperty() {
        return sessionMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty participantMessageProperty() {
        return participantMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty attendanceMessageProperty() {
        return attendanceMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costMessageProperty() {
        return costMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costTotalsProperty() {
        return costTotals.getReadOnlyProperty();
    }

    /** The chosen cohort's expert-days by origin (TrainingFigures.expertDays), one line per origin. */
    public ReadOnlyStringProperty costExpertsProperty() {
        return costExperts.getReadOnlyProperty();
    }
}
