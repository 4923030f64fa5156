package ma.essp.diag.app.merge;

import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.settings.OsKeyring;
import ma.essp.diag.app.settings.Settings.ServerProfile;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.code.SchemaLabels;
import ma.essp.diag.database.merge.MergeBlockedException;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.ServerException;
import ma.essp.diag.database.server.ServerSync;
import ma.essp.diag.database.server.TeamServer;

/**
 * "Synchroniser…": a server profile (or a new one: name, URL, user) and a password kept in memory for this window only,
 * or in the operating system's keyring when asked to ({@link OsKeyring}; never in the settings), then in the background: sign in, preview the pull ({@link ServerSync#preview}); conflicts and
 * duplicate candidates are reviewed with the consolidation's review ({@link MergeViewModel#review}) and synchronising
 * waits until each is decided; then {@link ServerSync#sync} pulls and pushes, with a cancel checked between the steps.
 */
public final class SyncViewModel {

    /** Where the window stands. */
    public enum Stage { IDLE, REVIEW, DONE }

    private final MissionFile mission;
    private final Supplier<EditContext> edit;
    private final Supplier<List<ServerProfile>> storedProfiles;
    private final Consumer<ServerProfile> saveProfile;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable dataChanged;
    private final MergeViewModel review;
    private final OsKeyring keyring;

    private final ObservableList<ServerProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ServerProfile> profile = new SimpleObjectProperty<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newUrl = new SimpleStringProperty("");
    private final StringProperty newUser = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty();
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.IDLE);
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper canSync = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<ServerSync.Result> result = new SimpleObjectProperty<>();
    private BackgroundTask<?> current;

    /**
     * @param keyring where the password may be kept between runs ({@link OsKeyring#forThisComputer()}, or
     *                {@link OsKeyring#NONE}: asked each time)
     */
    public SyncViewModel(MissionFile mission, Supplier<EditContext> edit, Supplier<List<ServerProfile>> storedProfiles,
                         Consumer<ServerProfile> saveProfile, MergeViewModel review, OsKeyring keyring, TaskExecutor executor,
                         I18n i18n, Runnable dataChanged) {
        this.mission = mission;
        this.edit = edit;
        this.storedProfiles = storedProfiles;
        this.saveProfile = saveProfile;
        this.review = review;
        this.keyring = keyring;
        this.executor = executor;
        this.i18n = i18n;
        this.dataChanged = dataChanged;
        profiles.setAll(storedProfiles.get());
        if (!profiles.isEmpty()) {
            profile.set(profiles.getFirst());
        }
        // in review, synchronising waits until every conflict and duplicate is decided
        canSync.bind(running.not().and(profile.isNotNull())
                .and(stage.isNotEqualTo(Stage.REVIEW).or(review.canApplyProperty())));
    }

    /** Adds (or replaces) a profile from the name, URL and user typed, saved in the settings (no password). */
    public boolean addProfile() {
        error.set("");
        String name = newName.get().strip();
        if (!ServerProfile.validName(name)) {
            error.set(i18n.get("merge.sync.error.profile_name"));
            return false;
        }
        try {
            ServerAddress.of(newUrl.get().strip(), newUser.get().strip());
        } catch (ServerException e) {
            error.set(e.getMessage().contains("TLS") ? i18n.get("merge.sync.error.tls") : i18n.get("merge.sync.error.url"));
            return false;
        }
        ServerProfile added = new ServerProfile(name, newUrl.get().strip(), newUser.get().strip());
        saveProfile.accept(added);
        profiles.setAll(storedProfiles.get());
        profile.set(profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(added));
        newName.set("");
        newUrl.set("");
        newUser.set("");
        return true;
    }

    /**
     * Signs in and previews the pull; with nothing to decide it synchronises straight away, otherwise the review is
     * shown. In review (every decision made), synchronises with the decisions.
     */
    public void synchronise() {
        if (!canSync.get()) {
            return;
        }
        ServerProfile target = profile.get();
        char[] typed = password.get().toCharArray();
        boolean keep = remember.get() && keyring.available() && typed.length > 0;
        MergeDecisions decisions = stage.get() == Stage.REVIEW ? review.decisions() : null;
        if (stage.get() == Stage.REVIEW && decisions == null) {
            error.set(i18n.get("merge.empty_both_sides"));
            return;
        }
        status.set("");
        result.set(null);
        run(BackgroundTask.<Object>withProgress(task -> {
            task.updateProgress(-1, i18n.get("merge.sync.progress.connecting", target.url()));
            // nothing typed: the password the keyring keeps for this server and user, if any (else none is sent)
            char[] kept = typed.length == 0 ? keyring.read(target.url(), target.user()).orElse(null) : null;
            char[] secret = kept != null ? kept : typed;
            TeamServer signedIn;
            try {
                signedIn = TeamServer.connect(ServerAddress.of(target.url(), target.user()), secret);
            } catch (ServerException e) {
                throw kept != null ? new KeptPasswordRefused(e) : e;
            } finally {
                if (kept != null) {
                    Arrays.fill(kept, '\0');
                }
            }
            try (TeamServer server = signedIn) {
                if (keep) {
                    keptInKeyring = keyring.store(target.url(), target.user(), typed);
                }
                ServerSync sync = new ServerSync(mission, server);
                MergeDecisions given = decisions;
                if (given == null) {
                    task.updateProgress(-1, i18n.get("merge.sync.progress.preview"));
                    ServerSync.Preview preview = sync.preview();
                    if (needsDecisions(preview)) {
                        return preview;
                    }
                    given = MergeDecisions.of(null, null, false);
                }
                if (task.isCancelled()) {
                    throw new java.util.concurrent.CancellationException("cancelled before the pull");
                }
                return sync.sync(edit.get(), given, line -> task.updateProgress(-1, step(line)), task::isCancelled);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }).onSuccess(value -> {
            if (value instanceof ServerSync.Preview preview) {
                review.review(preview.pull());
                stage.set(Stage.REVIEW);
                status.set(i18n.get("merge.sync.review", review.conflicts().size(), review.duplicates().size()));
            } else {
                ServerSync.Result done = (ServerSync.Result) value;
                result.set(done);
                review.reset();
                stage.set(Stage.DONE);
                status.set(summary(done) + (!keep ? "" : " " + i18n.get(keptInKeyring ? "merge.sync.keyring.kept" : "merge.sync.keyring.not_kept")));
                dataChanged.run();
            }
        }));
    }

    /** Whether the last sign-in with "remember" ticked left the password in the keyring (written by the task). */
    private volatile boolean keptInKeyring;

    /** The keyring's password was refused by the server (changed since it was kept): the user types the new one. */
    static final class KeptPasswordRefused extends Exception {
        KeptPasswordRefused(ServerException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static boolean needsDecisions(ServerSync.Preview preview) {
        return !preview.pull().duplicates().isEmpty()
                || preview.pull().rows().stream().anyMatch(r -> r.fields().stream().anyMatch(f -> f.needsDecision()));
    }

    /** The engine's step line ("pull: ...", "push: ...") as the step's name. */
    private String step(String line) {
        return line.startsWith("pull") ? i18n.get("merge.sync.progress.pull") : line.startsWith("push") ? i18n.get("merge.sync.progress.push")
                : i18n.get("merge.sync.progress.again");
    }

    /** The result in words: pulled, pushed, conflicts resolved, the server's time. */
    String summary(ServerSync.Result done) {
        String time = done.serverTime() == null ? "" : done.serverTime().atZoneSameInstant(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));
        return i18n.get("merge.sync.done", done.rowsPulled(), done.rowsPushed(), done.conflicts(), time);
    }

    /** Cancels the synchronisation at its next step (a pull or push under way, one transaction, ends first). */
    public void cancel() {
        BackgroundTask<?> task = current;
        if (task != null) {
            task.cancel();
        }
    }

    /** Leaves the review: nothing is written. */
    public void abandonReview() {
        review.reset();
        stage.set(Stage.IDLE);
        status.set("");
    }

    private <V> void run(BackgroundTask<V> task) {
        error.set("");
        current = task;
        executor.execute(task.onRunning(() -> running.set(true))
                .onProgress(p -> progress.set(p.message()))
                .onFinished(() -> {
                    running.set(false);
                    progress.set("");
                    current = null;
                })
                .onFailure(this::failed));
    }

    private void failed(Throwable e) {
        if (e instanceof ServerSync.Cancelled cancelled) {
            if (cancelled.afterPull()) {
                review.reset();
                stage.set(Stage.IDLE);
                dataChanged.run();
            }
            status.set(cancelled.afterPull() ? i18n.get("merge.sync.cancelled.after_pull", cancelled.rowsPulled())
                    : i18n.get("merge.sync.cancelled.before_pull"));
            return;
        }
        if (e instanceof java.util.concurrent.CancellationException) {
            status.set(i18n.get("merge.sync.cancelled.before_pull"));
            return;
        }
        if (e instanceof MergeBlockedException) {
            // the server changed since the review: the new plan is reviewed again
            review.reset();
            stage.set(Stage.IDLE);
            error.set(i18n.get("merge.sync.error.changed"));
            return;
        }
        error.set(i18n.get("merge.sync.failed", reason(e)));
    }

    /** The failure in the user's words: connection refused, wrong password, TLS required, another mission, or the server's message. */
    String reason(Throwable e) {
        if (e instanceof ServerSync.OutsideScope outside) {
            String rows = outside.rows().stream().limit(5)
                    .map(r -> SchemaLabels.table(r.table(), i18n.locale()) + " " + r.label())
                    .collect(java.util.stream.Collectors.joining(" ; ")) + (outside.rows().size() > 5 ? " ; …" : "");
            return i18n.get("merge.sync.error.outside_scope", outside.rows().size(), rows);
        }
        if (e instanceof KeptPasswordRefused refused) {
            String state = refused.getCause().getCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (state.equals("28P01") || state.equals("28000")) {
                return i18n.get("merge.sync.error.keyring_password");
            }
            return reason(refused.getCause());
        }
        if (e instanceof ServerException) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String state = e.getCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (state.equals("28P01") || state.equals("28000")) {
                return i18n.get("merge.sync.error.password");
            }
            if (state.startsWith("08")) {
                return i18n.get("merge.sync.error.refused");
            }
            // ServerAddress and ServerSync.check say these in words only
            if (message.contains("encrypted (TLS)")) {
                return i18n.get("merge.sync.error.tls");
            }
            if (message.contains("holds another mission")) {
                return i18n.get("merge.sync.error.other_mission");
            }
            return message;
        }
        return Failures.reason(e, i18n);
    }

    public ObservableList<ServerProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ServerProfile> profileProperty() {
        return profile;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newUrlProperty() {
        return newUrl;
    }

    public StringProperty newUserProperty() {
        return newUser;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Whether a typed password is kept in the operating system's keyring after a successful sign-in. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** Whether this computer has a keyring (else the password is asked each time and "remember" is not offered). */
    public boolean keyringAvailable() {
        return keyring.available();
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty canSyncProperty() {
        return canSync.getReadOnlyProperty();
    }

    public ObjectProperty<ServerSync.Result> resultProperty() {
        return result;
    }

    public MergeViewModel review() {
        return review;
    }
}
