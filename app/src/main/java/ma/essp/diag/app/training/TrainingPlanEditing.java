package ma.essp.diag.app.training;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository.Quota;
import ma.essp.diag.database.repository.TrainingRepository.RegionName;
import ma.essp.diag.reporting.training.TrainingBalance;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.training.TrainingViewModel.Step;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Cohort;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.repository.TrainingRepository.CohortDeletion;
import ma.essp.diag.database.rules.EsspFormRules;
import ma.essp.diag.database.rules.TrainingRules;
import ma.essp.diag.database.rules.TrainingRules.Problem;
import ma.essp.diag.reporting.training.TrainingFigures;

/**
 * Editing the training plan of the Formation area: the chosen cohort's name, dates, seats, place and status; a session's
 * title, dates, hours, place and trainers; deleting a session or the cohort (soft, the cohort with its sessions,
 * participants and cost lines) and removing a participant. Each write is checked by {@link TrainingRules} first (a
 * broken rule is worded under the form and nothing is saved) and recorded in the area's {@link EditHistory}, so Ctrl+Z
 * puts the previous values back (or brings the deleted rows back) and Ctrl+Y does it again.
 */
public final class TrainingPlanEditing {

    // the keys of the area's undo history (the sessions and participants share them with TrainingViewModel)
    private static final String COHORT = "COHORT";
    private static final String SESSION = "SESSION";
    private static final String PARTICIPANT = "PARTICIPANT";
    private static final String QUOTA = "QUOTA";

    private final TrainingViewModel area;
    private final TrainingRepository repository;
    private final EditContext edit;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final EditHistory history;

    private final StringProperty cohortName = new SimpleStringProperty(this, "cohortName", "");
    private final StringProperty cohortStart = new SimpleStringProperty(this, "cohortStart", "");
    private final StringProperty cohortEnd = new SimpleStringProperty(this, "cohortEnd", "");
    private final StringProperty cohortSeats = new SimpleStringProperty(this, "cohortSeats", "");
    private final StringProperty cohortPlace = new SimpleStringProperty(this, "cohortPlace", "");
    private final ObjectProperty<FilterChoice> cohortStatus = new SimpleObjectProperty<>(this, "cohortStatus");
    private final ReadOnlyStringWrapper cohortMessage = new ReadOnlyStringWrapper(this, "cohortMessage", "");

    private final ReadOnlyIntegerWrapper editedSession = new ReadOnlyIntegerWrapper(this, "editedSession", -1);
    private final StringProperty sessionTitle = new SimpleStringProperty(this, "sessionTitle", "");
    private final StringProperty sessionStart = new SimpleStringProperty(this, "sessionStart", "");
    private final StringProperty sessionEnd = new SimpleStringProperty(this, "sessionEnd", "");
    private final StringProperty sessionHours = new SimpleStringProperty(this, "sessionHours", "");
    private final StringProperty sessionPlace = new SimpleStringProperty(this, "sessionPlace", "");
    private final StringProperty sessionTrainers = new SimpleStringProperty(this, "sessionTrainers", "");
    private final ReadOnlyStringWrapper sessionMessage = new ReadOnlyStringWrapper(this, "sessionMessage", "");
    private final ReadOnlyStringWrapper participantMessage = new ReadOnlyStringWrapper(this, "participantMessage", "");

    private final ObservableList<BalanceRow> balance = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper genderSummary = new ReadOnlyStringWrapper(this, "genderSummary", "");
    private final ObservableList<FilterChoice> regions = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> quotaRegion = new SimpleObjectProperty<>(this, "quotaRegion");
    private final StringProperty quotaSeats = new SimpleStringProperty(this, "quotaSeats", "");
    private final ReadOnlyStringWrapper quotaMessage = new ReadOnlyStringWrapper(this, "quotaMessage", "");
    private List<Quota> quotas = List.of();

    /**
     * A region's line of the chosen cohort (reporting.training.TrainingBalance): its quota, participants, women, men and
     * women's share as shown; {@code full} when its quota is reached; {@code regionId} null for participants without a region.
     */
    public record BalanceRow(Integer regionId, String region, String quota, String participants, String women, String men,
                             String womenShare, boolean full) {
    }

    TrainingPlanEditing(TrainingViewModel area, TrainingRepository repository, EditContext edit, TaskExecutor executor,
                        I18n i18n) {
        this.area = area;
        this.repository = repository;
        this.edit = edit;
        this.executor = executor;
        this.i18n = i18n;
        this.history = area.history();
    }

    /** Fills the cohort form with cohort {@code id} as loaded (blank when null); the session form follows its session. */
    void show(Integer id) {
        TrainingData data = area.data();
        Cohort c = data == null || id == null ? null : TrainingFigures.cohort(data, id);
        cohortName.set(c == null ? "" : c.name());
        cohortStart.set(c == null || c.startsOn() == null ? "" : i18n.formatDate(c.startsOn()));
        cohortEnd.set(c == null || c.endsOn() == null ? "" : i18n.formatDate(c.endsOn()));
        cohortSeats.set(c == null || c.seats() == null ? "" : String.valueOf(c.seats()));
        cohortPlace.set(c == null || c.place() == null ? "" : c.place());
        cohortStatus.set(c == null ? null : statusChoices().stream().filter(s -> s.value().equals(c.status())).findFirst()
                .orElse(null));
        Session s = session(editedSession.get());
        if (s == null || c == null || s.cohortId() != c.id()) {
            editSession(-1);
        }
        if (c == null) {
            balance.clear();
            genderSummary.set("");
            return;
        }
        List<Participant> people = data.participants().stream().filter(p -> p.cohortId() == c.id()).toList();
        executor.execute(BackgroundTask.wrap(() -> new Placement(repository.participantRegions(c.id()), repository.quotas(),
                        regions.isEmpty() ? repository.regions() : List.<RegionName>of()))
                .onSuccess(placed -> showBalance(c.id(), people, placed))
                .onFailure(e -> quotaMessage.set(i18n.get("training.error", Failures.reason(e, i18n)))));
    }

    private record Placement(Map<Integer, Integer> regionOf, List<Quota> quotas, List<RegionName> regions) {
    }

    private void showBalance(int cohortId, List<Participant> people, Placement placed) {
        if (!Objects.equals(area.selectedCohortId(), cohortId)) {
            return; // another cohort was chosen meanwhile
        }
        if (!placed.regions().isEmpty()) {
            regions.setAll(placed.regions().stream().map(r -> new FilterChoice(String.valueOf(r.id()),
                    "ar".equals(i18n.locale().getLanguage()) && r.nameAr() != null ? r.nameAr() : r.nameFr())).toList());
        }
        quotas = placed.quotas().stream().filter(q -> q.cohortId() == cohortId).toList();
        Map<Integer, Integer> quotaByRegion = new HashMap<>();
        quotas.forEach(q -> quotaByRegion.put(q.regionId(), q.seats()));
        TrainingBalance.Gender all = TrainingBalance.gender(people);
        genderSummary.set(i18n.get("training.balance.summary", all.participants(), all.women(), all.men(), all.unknown(),
                share(all.womenShare())));
        balance.setAll(TrainingBalance.byRegion(people, placed.regionOf(), quotaByRegion).stream().map(r -> new BalanceRow(
                r.regionId(), r.regionId() == null ? i18n.get("training.balance.noRegion") : regionName(r.regionId()),
                r.quota() == null ? "—" : r.full() ? i18n.get("training.balance.quotaFull", r.quota()) : String.valueOf(r.quota()),
                String.valueOf(r.gender().participants()),
                String.valueOf(r.gender().women()), String.valueOf(r.gender().men()), share(r.gender().womenShare()),
                r.full())).toList());
    }

    private String share(Double s) {
        return s == null ? "—" : i18n.formatDecimal(100 * s, 0) + " %";
    }

    private String regionName(int id) {
        return regions.stream().filter(r -> r.value().equals(String.valueOf(id))).map(FilterChoice::label).findFirst()
                .orElse(String.valueOf(id));
    }

    // ------------------------------------------------------------------ regional quotas

    /** Puts the region of a line of the balance in the quota form, with its quota. */
    public void pickRegion(BalanceRow row) {
        if (row == null || row.regionId() == null) {
            return;
        }
        quotaRegion.set(regions.stream().filter(r -> r.value().equals(String.valueOf(row.regionId()))).findFirst().orElse(null));
        quotaSeats.set(quotas.stream().filter(q -> q.regionId() == row.regionId()).map(q -> String.valueOf(q.seats()))
                .findFirst().orElse(""));
    }

    /**
     * Sets the chosen region's quota of seats in the chosen cohort (blank: removes it); not below the participants
     * already from the region. Ctrl+Z puts the previous quota back (or none).
     */
    public CompletionStage<Boolean> saveQuota() {
        Cohort c = chosen();
        FilterChoice region = quotaRegion.get();
        if (c == null || region == null) {
            quotaMessage.set(i18n.get("training.balance.chooseRegion"));
            return REFUSED;
        }
        Integer seats;
        if (quotaSeats.get() == null || quotaSeats.get().isBlank()) {
            seats = null;
        } else {
            Double typed = EsspFormRules.parseDecimal(quotaSeats.get());
            if (typed == null || typed % 1 != 0) {
                quotaMessage.set(i18n.get("training.rule.NOT_A_NUMBER"));
                return REFUSED;
            }
            seats = typed.intValue();
        }
        int regionId = Integer.parseInt(region.value());
        int fromRegion = balance.stream().filter(b -> Objects.equals(b.regionId(), regionId))
                .mapToInt(b -> Integer.parseInt(b.participants())).sum();
        if (seats != null) {
            Optional<Problem> problem = TrainingRules.quotaSeats(seats, fromRegion);
            if (problem.isPresent()) {
                quotaMessage.set(area.message(problem.get()));
                return REFUSED;
            }
        }
        Quota before = quotas.stream().filter(q -> q.regionId() == regionId).findFirst().orElse(null);
        if (before == null && seats == null) {
            return REFUSED;
        }
        String what = i18n.get("training.undo.quota", region.label(), c.name());
        return area.write(() -> new Step(what, putQuota(c.id(), regionId, seats, before == null ? null : before.seats())
                .apply()), quotaMessage, () -> quotaSeats.set(""));
    }

    /** Writes {@code seats} (null: removes) as the quota; its inverse writes {@code back}. */
    private EditHistory.Inverse putQuota(int cohortId, int regionId, Integer seats, Integer back) {
        return () -> {
            String key = QUOTA + cohortId + ":" + regionId;
            int seen = history.versionOf(key, 0, -1);
            Integer expected = seen < 0 ? liveQuotaVersion(regionId) : seen == 0 ? null : seen;
            SyncedRows.Written w = repository.setQuota(edit, cohortId, regionId, expected, seats);
            // the version of the live row this screen left, 0 when it left none
            history.wrote(key, 0, seats == null || w == null ? 0 : w.version());
            return putQuota(cohortId, regionId, back, seats);
        };
    }

    private Integer liveQuotaVersion(int regionId) {
        return quotas.stream().filter(q -> q.regionId() == regionId).map(Quota::version).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ cohort

    public List<FilterChoice> statusChoices() {
        return FilterChoice.of(Vocabulary.COHORT_STATUS, i18n);
    }

    /** Saves the cohort form over the chosen cohort (checked first; Ctrl+Z puts the previous values back). */
    public CompletionStage<Boolean> saveCohort() {
        Cohort c = chosen();
        if (c == null) {
            return REFUSED;
        }
        LocalDate start;
        LocalDate end;
        try {
            start = i18n.parseDate(cohortStart.get());
            end = i18n.parseDate(cohortEnd.get());
        } catch (DateTimeParseException e) {
            cohortMessage.set(i18n.get("training.rule.DATE_FORMAT"));
            return REFUSED;
        }
        Integer seats;
        if (cohortSeats.get() == null || cohortSeats.get().isBlank()) {
            seats = null;
        } else {
            Double typed = EsspFormRules.parseDecimal(cohortSeats.get());
            if (typed == null || typed % 1 != 0) {
                cohortMessage.set(i18n.get("training.rule.NOT_A_NUMBER"));
                return REFUSED;
            }
            seats = typed.intValue();
        }
        TrainingData data = area.data();
        int enrolled = (int) data.participants().stream().filter(p -> p.cohortId() == c.id()).count();
        List<LocalDate[]> dates = TrainingFigures.sessionsOf(data, c.id()).stream()
                .map(s -> new LocalDate[] {s.startsOn(), s.endsOn()}).toList();
        String name = cohortName.get();
        Optional<Problem> problem = TrainingRules.editedCohort(name, start, end, seats, enrolled, dates);
        if (problem.isPresent()) {
            cohortMessage.set(area.message(problem.get()));
            return REFUSED;
        }
        String status = cohortStatus.get() == null ? c.status() : cohortStatus.get().value();
        String what = i18n.get("training.undo.editCohort", c.name());
        return area.write(() -> {
            int version = repository.updateCohort(edit, c.id(), c.version(), name, start, end, seats, cohortPlace.get(), status);
            history.wrote(COHORT, c.id(), version);
            return new Step(what, putCohort(c.id(), c.name(), c.startsOn(), c.endsOn(), c.seats(), c.place(), c.status(),
                    name, start, end, seats, cohortPlace.get(), status));
        }, cohortMessage, () -> { });
    }

    /** Writes the given values over cohort {@code id}; its inverse writes the {@code forward} ones. */
    private EditHistory.Inverse putCohort(int id, String name, LocalDate start, LocalDate end, Integer seats, String place,
                                          String status, String fName, LocalDate fStart, LocalDate fEnd, Integer fSeats,
                                          String fPlace, String fStatus) {
        return () -> {
            history.wrote(COHORT, id, repository.updateCohort(edit, id, history.versionOf(COHORT, id, 0), name, start, end,
                    seats, place, status));
            return putCohort(id, fName, fStart, fEnd, fSeats, fPlace, fStatus, name, start, end, seats, place, status);
        };
    }

    /** Deletes the chosen cohort with its sessions, participants and cost lines; Ctrl+Z brings them all back. */
    public CompletionStage<Boolean> deleteCohort() {
        Cohort c = chosen();
        if (c == null) {
            return REFUSED;
        }
        String what = i18n.get("training.undo.deleteCohort", c.name());
        return area.write(() -> {
            CohortDeletion deletion = remember(repository.deleteCohort(edit, c.id(), c.version()));
            return new Step(what, restoreCohort(deletion));
        }, cohortMessage, () -> { });
    }

    private EditHistory.Inverse restoreCohort(CohortDeletion deletion) {
        return () -> {
            CohortDeletion restored = remember(repository.restoreCohort(edit, deletion));
            return () -> restoreCohort(remember(repository.deleteCohort(edit, restored.id(), restored.version())));
        };
    }

    /** The versions a cohort's deletion or restoration left its rows at, for the other steps of the history. */
    private CohortDeletion remember(CohortDeletion d) {
        history.wrote(COHORT, d.id(), d.version());
        d.sessions().forEach((id, version) -> history.wrote(SESSION, id, version));
        d.participants().forEach((id, version) -> history.wrote(PARTICIPANT, id, version));
        d.costs().forEach((id, version) -> history.wrote("COST", id, version));
        return d;
    }

    // ------------------------------------------------------------------ sessions

    /** Opens session {@code id} of the chosen cohort in the edit form (-1: closes it). */
    public void editSession(int id) {
        Session s = session(id);
        editedSession.set(s == null ? -1 : s.id());
        sessionTitle.set(s == null ? "" : s.title());
        sessionStart.set(s == null ? "" : i18n.formatDate(s.startsOn()));
        sessionEnd.set(s == null ? "" : i18n.formatDate(s.endsOn()));
        sessionHours.set(s == null ? "" : i18n.formatDecimal(s.hours(), s.hours() % 1 == 0 ? 0 : 1));
        sessionPlace.set(s == null || s.place() == null ? "" : s.place());
        sessionTrainers.set(s == null || s.trainers() == null ? "" : s.trainers());
        sessionMessage.set("");
    }

    /** Saves the edit form over its session (checked first; Ctrl+Z puts the previous values back). */
    public CompletionStage<Boolean> saveSession() {
        Session s = session(editedSession.get());
        Cohort c = s == null ? null : TrainingFigures.cohort(area.data(), s.cohortId());
        if (s == null || c == null) {
            return REFUSED;
        }
        LocalDate start;
        LocalDate end;
        try {
            start = i18n.parseDate(sessionStart.get());
            end = i18n.parseDate(sessionEnd.get());
        } catch (DateTimeParseException e) {
            sessionMessage.set(i18n.get("training.rule.DATE_FORMAT"));
            return REFUSED;
        }
        Double hours = EsspFormRules.parseDecimal(sessionHours.get());
        double most = area.data().attendance().stream().filter(a -> a.sessionId() == s.id() && a.hoursAttended() != null)
                .mapToDouble(TrainingData.Attendance::hoursAttended).max().orElse(0);
        String title = sessionTitle.get();
        Optional<Problem> problem = TrainingRules.editedSession(title, start, end, hours, c.startsOn(), c.endsOn(), most);
        if (problem.isPresent()) {
            sessionMessage.set(area.message(problem.get()));
            return REFUSED;
        }
        String place = sessionPlace.get();
        String trainers = sessionTrainers.get();
        String what = i18n.get("training.undo.editSession", s.title());
        return area.write(() -> {
            int version = repository.updateSession(edit, s.id(), s.version(), title, start, end, hours, place, trainers);
            history.wrote(SESSION, s.id(), version);
            return new Step(what, putSession(s.id(), s.title(), s.startsOn(), s.endsOn(), s.hours(), s.place(), s.trainers(),
                    title, start, end, hours, place, trainers));
        }, sessionMessage, () -> editSession(-1));
    }

    private EditHistory.Inverse putSession(int id, String title, LocalDate start, LocalDate end, double hours, String place,
                                           String trainers, String fTitle, LocalDate fStart, LocalDate fEnd, double fHours,
                                           String fPlace, String fTrainers) {
        return () -> {
            history.wrote(SESSION, id, repository.updateSession(edit, id, history.versionOf(SESSION, id, 0), title, start,
                    end, hours, place, trainers));
            return putSession(id, fTitle, fStart, fEnd, fHours, fPlace, fTrainers, title, start, end, hours, place, trainers);
        };
    }

    /** Deletes session {@code id} (soft; its attendance stays with it); Ctrl+Z brings it back. */
    public CompletionStage<Boolean> deleteSession(int id) {
        Session s = session(id);
        if (s == null) {
            return REFUSED;
        }
        String what = i18n.get("training.undo.deleteSession", s.title());
        return area.write(() -> {
            history.wrote(SESSION, s.id(), repository.deleteSession(edit, s.id(), s.version()));
            return new Step(what, deleted(SESSION, s.id(), false));
        }, sessionMessage, () -> editSession(-1));
    }

    /** Takes participant {@code id} out of the cohort (soft; their attendance stays with them); Ctrl+Z brings them back. */
    public CompletionStage<Boolean> removeParticipant(int id) {
        TrainingData data = area.data();
        Participant p = data == null ? null : data.participants().stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (p == null) {
            return REFUSED;
        }
        String what = i18n.get("training.undo.removeParticipant", p.fullName());
        return area.write(() -> {
            history.wrote(PARTICIPANT, p.id(), repository.deleteParticipant(edit, p.id(), p.version()));
            return new Step(what, deleted(PARTICIPANT, p.id(), false));
        }, participantMessage, () -> { });
    }

    /** Restores ({@code delete} false) or deletes again a session or participant this screen deleted. */
    private EditHistory.Inverse deleted(String table, int id, boolean delete) {
        return () -> {
            int from = history.versionOf(table, id, 0);
            int version = SESSION.equals(table)
                    ? (delete ? repository.deleteSession(edit, id, from) : repository.restoreSession(edit, id, from))
                    : (delete ? repository.deleteParticipant(edit, id, from) : repository.restoreParticipant(edit, id, from));
            history.wrote(table, id, version);
            return deleted(table, id, !delete);
        };
    }

    // ------------------------------------------------------------------ shared

    private static final CompletionStage<Boolean> REFUSED = CompletableFuture.completedFuture(false);

    private Cohort chosen() {
        Integer id = area.selectedCohortId();
        return area.data() == null || id == null ? null : TrainingFigures.cohort(area.data(), id);
    }

    private Session session(int id) {
        TrainingData data = area.data();
        return data == null || id < 0 ? null : data.sessions().stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    public StringProperty cohortNameProperty() { return cohortName; }
    public StringProperty cohortStartProperty() { return cohortStart; }
    public StringProperty cohortEndProperty() { return cohortEnd; }
    public StringProperty cohortSeatsProperty() { return cohortSeats; }
    public StringProperty cohortPlaceProperty() { return cohortPlace; }
    public ObjectProperty<FilterChoice> cohortStatusProperty() { return cohortStatus; }
    public ReadOnlyStringProperty cohortMessageProperty() { return cohortMessage.getReadOnlyProperty(); }
    /** The session open in the edit form, -1 when none. */
    public ReadOnlyIntegerProperty editedSessionProperty() { return editedSession.getReadOnlyProperty(); }
    public StringProperty sessionTitleProperty() { return sessionTitle; }
    public StringProperty sessionStartProperty() { return sessionStart; }
    public StringProperty sessionEndProperty() { return sessionEnd; }
    public StringProperty sessionHoursProperty() { return sessionHours; }
    public StringProperty sessionPlaceProperty() { return sessionPlace; }
    public StringProperty sessionTrainersProperty() { return sessionTrainers; }
    public ReadOnlyStringProperty sessionMessageProperty() { return sessionMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty participantMessageProperty() { return participantMessage.getReadOnlyProperty(); }
    public ObservableList<BalanceRow> balance() { return balance; }
    public ReadOnlyStringProperty genderSummaryProperty() { return genderSummary.getReadOnlyProperty(); }
    public ObservableList<FilterChoice> regions() { return regions; }
    public ObjectProperty<FilterChoice> quotaRegionProperty() { return quotaRegion; }
    public StringProperty quotaSeatsProperty() { return quotaSeats; }
    public ReadOnlyStringProperty quotaMessageProperty() { return quotaMessage.getReadOnlyProperty(); }
}
