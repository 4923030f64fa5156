package ma.essp.diag.app.missiondetails;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.Observable;
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
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.MissionDetailsRepository;
import ma.essp.diag.database.repository.MissionDetailsRepository.Details;
import ma.essp.diag.database.repository.MissionDetailsRepository.MemberValues;
import ma.essp.diag.database.repository.MissionDetailsRepository.StoredDetails;
import ma.essp.diag.database.repository.MissionDetailsRepository.StoredMember;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.rules.MissionRules;

/**
 * The mission details screen: the mission's name, beneficiary and dates (what the reports' cover shows) and its team
 * (name, role, initials). Each field is checked by {@link MissionRules} and saved through the one writer; a save
 * changes the window's title and status bar ({@code afterSave}).
 */
public final class MissionDetailsViewModel implements UnsavedChanges {

    /** The rows the undo history follows (their versions move with each write). */
    private static final String MISSION = "mission";
    private static final String TEAM_MEMBER = "team_member";

    private final MissionDetailsRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable afterSave;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty beneficiary = new SimpleStringProperty(this, "beneficiary", "");
    private final ObjectProperty<LocalDate> startedOn = new SimpleObjectProperty<>(this, "startedOn");
    private final ObjectProperty<LocalDate> endedOn = new SimpleObjectProperty<>(this, "endedOn");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper beneficiaryError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper datesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private final ObservableList<StoredMember> team = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> roles = FXCollections.observableArrayList();
    private final ObjectProperty<StoredMember> selectedMember = new SimpleObjectProperty<>(this, "selectedMember");
    private final StringProperty memberName = new SimpleStringProperty(this, "memberName", "");
    private final ObjectProperty<FilterChoice> memberRole = new SimpleObjectProperty<>(this, "memberRole");
    private final StringProperty memberInitials = new SimpleStringProperty(this, "memberInitials", "");
    private final ReadOnlyStringWrapper memberError = new ReadOnlyStringWrapper("");

    private StoredDetails loaded;
    private final EditHistory history;

    private record Loaded(StoredDetails details, List<StoredMember> team) {
    }

    public MissionDetailsViewModel(MissionDetailsRepository repository, TaskExecutor executor, I18n i18n, Runnable afterSave) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.afterSave = afterSave;
        this.history = new EditHistory(executor);
        history.setAfterUndo(() -> {
            load();
            afterSave.run();
        });
        roles.setAll(FilterChoice.of(Vocabulary.TEAM_ROLE, i18n));
        memberRole.set(role("expert"));
        for (Observable o : List.of(name, beneficiary, startedOn, endedOn)) {
            o.addListener(x -> updateDirty());
        }
        selectedMember.addListener((o, old, now) -> {
            memberError.set("");
            memberName.set(now == null ? "" : now.values().fullName());
            memberRole.set(role(now == null ? "expert" : now.values().role()));
            memberInitials.set(now == null || now.values().initials() == null ? "" : now.values().initials());
        });
    }

    /** Reads the details and the team in the background. */
    public void load() {
        executor.execute(BackgroundTask.wrap(() -> new Loaded(repository.details(), repository.team()))
                .onRunning(() -> busy.set(true))
                .onSuccess(r -> {
                    show(r.details());
                    team.setAll(r.team());
                })
                .onFailure(e -> status.set(i18n.get("mission.details.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> busy.set(false)));
    }

    private void show(StoredDetails details) {
        loaded = details;
        name.set(Objects.toString(details.values().name(), ""));
        beneficiary.set(Objects.toString(details.values().beneficiary(), ""));
        startedOn.set(details.values().startedOn());
        endedOn.set(details.values().endedOn());
        nameError.set("");
        beneficiaryError.set("");
        datesError.set("");
        updateDirty();
    }

    private Details values() {
        return new Details(name.get(), beneficiary.get(), startedOn.get(), endedOn.get());
    }

    private void updateDirty() {
        dirty.set(loaded != null && !values().equals(loaded.values()));
    }

    /** Checks every field, showing each one's message; true when all are fine. */
    public boolean validate() {
        nameError.set(message(MissionRules.name(name.get())));
        beneficiaryError.set(message(MissionRules.beneficiary(beneficiary.get())));
        datesError.set(message(MissionRules.dates(startedOn.get(), endedOn.get())));
        return nameError.get().isEmpty() && beneficiaryError.get().isEmpty() && datesError.get().isEmpty();
    }

    /** Validates and writes the details; completes with true once written. */
    @Override
    public CompletionStage<Boolean> save() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (loaded == null || !validate()) {
            status.set(loaded == null ? "" : i18n.get("mission.details.status.invalid"));
            result.complete(false);
            return result;
        }
        StoredDetails from = loaded;
        Details values = values();
        executor.execute(BackgroundTask.wrap(() -> repository.saveDetails(from.id(), from.version(), values))
                .onRunning(() -> busy.set(true))
                .onSuccess(saved -> {
                    history.wrote(MISSION, saved.id(), saved.version());
                    history.record(i18n.get("mission.undo.details"), writeBack(saved.id(), from.values(), saved.values()));
                    show(saved);
                    status.set(i18n.get("mission.details.status.saved"));
                    afterSave.run();
                    result.complete(true);
                })
                .onFailure(e -> {
                    status.set(failure(e));
                    result.complete(false);
                })
                .onFinished(() -> busy.set(false)));
        return result;
    }

    /** Puts the details back to {@code back} from the version this screen left; its inverse puts {@code forward} back. */
    private EditHistory.Inverse writeBack(int id, Details back, Details forward) {
        return () -> {
            StoredDetails written = repository.saveDetails(id, history.versionOf(MISSION, id, 0), back);
            history.wrote(MISSION, id, written.version());
            return writeBack(id, forward, back);
        };
    }

    /** Puts member {@code id}'s values back to {@code back}; its inverse puts {@code forward} back. */
    private EditHistory.Inverse memberBack(int id, MemberValues back, MemberValues forward) {
        return () -> {
            history.wrote(TEAM_MEMBER, id, repository.updateMember(id, history.versionOf(TEAM_MEMBER, id, 0), back));
            return memberBack(id, forward, back);
        };
    }

    /** The details and member changes saved here, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() {
        return history;
    }

    @Override
    public void discard() {
        if (loaded != null) {
            show(loaded);
        }
    }

    @Override
    public ReadOnlyBooleanProperty unsavedProperty() {
        return dirty.getReadOnlyProperty();
    }

    // ---- team

    /** Adds the member typed in the member fields. */
    public void addMember() {
        MemberValues values = memberValues();
        if (values == null) {
            return;
        }
        String name = values.fullName().strip();
        int[] added = {0};
        writeMember(() -> {
            added[0] = repository.addMember(values);
            history.wrote(TEAM_MEMBER, added[0], 1);
            return added[0];
        }, i18n.get("mission.team.status.added", name),
                () -> history.record(i18n.get("mission.undo.member_added", name), removeOrRestore(added[0], true)));
    }

    /** Writes the member fields over the selected member. */
    public void updateMember() {
        StoredMember member = selectedMember.get();
        MemberValues values = memberValues();
        if (member == null || values == null) {
            return;
        }
        int from = history.versionOf(TEAM_MEMBER, member.id(), member.version());
        writeMember(() -> {
            history.wrote(TEAM_MEMBER, member.id(), repository.updateMember(member.id(), from, values));
            return member.id();
        }, i18n.get("mission.team.status.updated", values.fullName().strip()), () -> history.record(
                i18n.get("mission.undo.member", member.values().fullName()), memberBack(member.id(), member.values(), values)));
    }

    /** Removes the selected member from the team (their past stamps keep naming them). */
    public void removeMember() {
        StoredMember member = selectedMember.get();
        if (member == null) {
            return;
        }
        int from = history.versionOf(TEAM_MEMBER, member.id(), member.version());
        writeMember(() -> {
            history.wrote(TEAM_MEMBER, member.id(), repository.removeMember(member.id(), from));
            return member.id();
        }, i18n.get("mission.team.status.removed", member.values().fullName()), () -> history.record(
                i18n.get("mission.undo.member_removed", member.values().fullName()), removeOrRestore(member.id(), false)));
    }

    /** Removes ({@code remove}) or brings back member {@code id} from the version this screen left; its inverse does the other. */
    private EditHistory.Inverse removeOrRestore(int id, boolean remove) {
        return () -> {
            int from = history.versionOf(TEAM_MEMBER, id, 0);
            history.wrote(TEAM_MEMBER, id, remove ? repository.removeMember(id, from) : repository.restoreMember(id, from));
            return removeOrRestore(id, !remove);
        };
    }

    private MemberValues memberValues() {
        String role = memberRole.get() == null ? null : memberRole.get().value();
        Optional<MissionRules.Code> problem = MissionRules.memberName(memberName.get())
                .or(() -> MissionRules.role(role)).or(() -> MissionRules.initials(memberInitials.get()));
        memberError.set(message(problem));
        return problem.isPresent() ? null : new MemberValues(memberName.get(), role, memberInitials.get());
    }

    private void writeMember(java.util.concurrent.Callable<Integer> write, String done) {
        writeMember(write, done, () -> { });
    }

    private void writeMember(java.util.concurrent.Callable<Integer> write, String done, Runnable written) {
        executor.execute(BackgroundTask.wrap(() -> {
                    write.call();
                    return repository.team();
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(members -> {
                    selectedMember.set(null);
                    team.setAll(members);
                    memberError.set("");
                    status.set(done);
                    written.run();
                    afterSave.run();
                })
                .onFailure(e -> memberError.set(failure(e)))
                .onFinished(() -> busy.set(false)));
    }

    private String failure(Throwable e) {
        if (e instanceof StaleEditException) {
            return i18n.get("error.stale");
        }
        if (e instanceof EditRuleException rule && rule.rule().equals(MissionDetailsRepository.RULE_SELF_REMOVAL)) {
            return i18n.get("mission.rule.self_removal");
        }
        if (e instanceof EditRuleException rule && rule.rule().startsWith("mission.")) {
            // the repository checks the same rules again: its code is a MissionRules.Code in lower case
            return message(Optional.of(MissionRules.Code.valueOf(
                    rule.rule().substring("mission.".length()).toUpperCase(java.util.Locale.ROOT))));
        }
        return i18n.get("mission.details.error.save", Failures.reason(e, i18n));
    }

    private String message(Optional<MissionRules.Code> problem) {
        return problem.map(code -> switch (code) {
            case NAME_REQUIRED -> i18n.get("mission.rule.name_required");
            case BENEFICIARY_REQUIRED -> i18n.get("mission.rule.beneficiary_required");
            case END_BEFORE_START -> i18n.get("mission.rule.end_before_start");
            case MEMBER_NAME_REQUIRED -> i18n.get("mission.rule.member_name_required");
            case ROLE_INVALID -> i18n.get("mission.rule.role_invalid");
            case INITIALS_FORMAT -> i18n.get("mission.rule.initials_format");
        }).orElse("");
    }

    private FilterChoice role(String code) {
        return roles.stream().filter(r -> r.value().equals(code)).findFirst().orElse(null);
    }

    /** A member's role in words. */
    public String roleLabel(String code) {
        return i18n.code(Vocabulary.TEAM_ROLE, code);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty beneficiaryProperty() {
        return beneficiary;
    }

    public ObjectProperty<LocalDate> startedOnProperty() {
        return startedOn;
    }

    public ObjectProperty<LocalDate> endedOnProperty() {
        return endedOn;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty beneficiaryErrorProperty() {
        return beneficiaryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty datesErrorProperty() {
        return datesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<StoredMember> team() {
        return team;
    }

    public ObservableList<FilterChoice> roles() {
        return roles;
    }

    public ObjectProperty<StoredMember> selectedMemberProperty() {
        return selectedMember;
    }

    public StringProperty memberNameProperty() {
        return memberName;
    }

    public ObjectProperty<FilterChoice> memberRoleProperty() {
        return memberRole;
    }

    public StringProperty memberInitialsProperty() {
        return memberInitials;
    }

    public ReadOnlyStringProperty memberErrorProperty() {
        return memberError.getReadOnlyProperty();
    }
}
