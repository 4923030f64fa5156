package ma.essp.diag.app.merge;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeDecisions.DuplicateChoice;
import ma.essp.diag.database.merge.MergeDecisions.Take;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.merge.MergePlan.FieldDiff;
import ma.essp.diag.database.merge.MergePlan.RowDiff;
import ma.essp.diag.database.merge.MergeRefusedException;
import ma.essp.diag.database.merge.MergeSource;
import ma.essp.diag.database.merge.MergeUndo;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.reporting.merge.MergeReviewWorkbook;

/**
 * "Consolider avec un autre fichier…": the other laptop's file is chosen and analysed in the background
 * ({@link MergeEngine#analyse}, the engine {@code essp-diag merge} uses), then reviewed before anything is written:
 * the counts per table, the duplicate candidates (link or keep both), the ESSP codes to renumber (agreement), and the
 * conflicting fields (base, mine, theirs, result: keep mine, take theirs or edit). "Appliquer" is offered once every
 * decision is made; the mission is backed up first, then merged in the background.
 */
public final class MergeViewModel {

    /** How a conflicting field was resolved: not yet, this file's value, the other's, or a value typed by the user. */
    public enum Resolution { UNDECIDED, MINE, THEIRS, EDITED }

    /** One conflicting field in the grid; its result follows the resolution, or what the user typed. */
    public static final class ConflictRow {
        private final String table;
        private final String row;
        private final FieldDiff diff;
        private final String key;
        private final ObjectProperty<Resolution> resolution = new SimpleObjectProperty<>(Resolution.UNDECIDED);
        private final StringProperty result = new SimpleStringProperty("");

        ConflictRow(String table, String row, FieldDiff diff, String key) {
            this.table = table;
            this.row = row;
            this.diff = diff;
            this.key = key;
        }

        public String table() {
            return table;
        }

        public String row() {
            return row;
        }

        public String field() {
            return diff.field();
        }

        public String base() {
            return diff.base();
        }

        public String mine() {
            return diff.mine();
        }

        public String theirs() {
            return diff.theirs();
        }

        public ObjectProperty<Resolution> resolutionProperty() {
            return resolution;
        }

        public StringProperty resultProperty() {
            return result;
        }

        /** The value the field gets: null while undecided or when the chosen side has none (or the edit is blank). */
        String value() {
            return switch (resolution.get()) {
                case UNDECIDED -> null;
                case MINE -> diff.mine();
                case THEIRS -> diff.theirs();
                case EDITED -> result.get() == null || result.get().isBlank() ? null : result.get();
            };
        }

        void take(Resolution side) {
            resolution.set(side);
            result.set(Objects.requireNonNullElse(value(), ""));
        }

        /** The user typed a result: it becomes the field's value. */
        public void edit(String text) {
            resolution.set(Resolution.EDITED);
            result.set(text == null ? "" : text);
        }
    }

    /** A duplicate candidate: the other file's ESSP, the one here it looks like, why, and the user's choice. */
    public static final class DuplicateRow {
        private final MergePlan.Duplicate duplicate;
        private final String reason;
        private final ObjectProperty<DuplicateChoice> choice = new SimpleObjectProperty<>();

        DuplicateRow(MergePlan.Duplicate duplicate, String reason) {
            this.duplicate = duplicate;
            this.reason = reason;
        }

        public String theirs() {
            return duplicate.theirsLabel();
        }

        public String mine() {
            return duplicate.mineLabel();
        }

        public String reason() {
            return reason;
        }

        public ObjectProperty<DuplicateChoice> choiceProperty() {
            return choice;
        }
    }

    /** A new ESSP of the other file whose code an ESSP here has: the code it would get. */
    public record ClashRow(String theirs, String code, String mine, String proposedCode) {
    }

    private final MissionFile mission;
    private final Supplier<EditContext> edit;
    private final Path defaultFolder;
    private final Path scratch;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Runnable dataChanged;
    private final MergeEngine engine = new MergeEngine();

    private final ObservableList<MergePlan.TableSummary> summary = FXCollections.observableArrayList();
    private final ObservableList<DuplicateRow> duplicates = FXCollections.observableArrayList();
    private final ObservableList<ClashRow> clashes = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList(
            r -> new Observable[] {r.resolutionProperty(), r.resultProperty()});
    private final BooleanProperty renumber = new SimpleBooleanProperty();
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<MergePlan> plan = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper();
    private final List<ConflictRow> planConflicts = new ArrayList<>();
    private BackgroundTask<?> current;

    public MergeViewModel(MissionFile mission, Supplier<EditContext> edit, Path defaultFolder, Path scratch, TaskExecutor executor,
                          I18n i18n, DialogService dialogs, Runnable dataChanged) {
        this.mission = mission;
        this.edit = edit;
        this.defaultFolder = defaultFolder;
        this.scratch = scratch;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.dataChanged = dataChanged;
        ObservableList<DuplicateRow> watchedDuplicates = FXCollections.observableArrayList(d -> new Observable[] {d.choiceProperty()});
        Bindings.bindContent(watchedDuplicates, duplicates);
        BooleanBinding decided = Bindings.createBooleanBinding(this::everyDecisionMade, plan, conflicts, watchedDuplicates, clashes,
                renumber);
        canApply.bind(decided.and(running.not()));
    }

    /** Asks for the other laptop's mission file and analyses it. */
    public void chooseOther() {
        dialogs.chooseMissionToOpen(defaultFolder).ifPresent(this::analyse);
    }

    /** Reads {@code other} (a scratch copy; the file itself is never written) and works out the plan, in the background. */
    public void analyse(Path other) {
        clear();
        source.set(other.toAbsolutePath().toString());
        run(BackgroundTask.<MergePlan>withProgress(task -> {
            task.updateProgress(-1, i18n.get("merge.progress.reading", other.getFileName()));
            try (MergeSource copy = MergeSource.open(other, mission, scratch)) {
                if (task.isCancelled()) {
                    return null;
                }
                task.updateProgress(-1, i18n.get("merge.progress.analysing"));
                return engine.analyse(mission.dsl(), copy.dsl(), other.getFileName().toString(), copy.missionUuid());
            }
        }).onSuccess(result -> {
            if (result == null) {
                status.set(i18n.get("merge.cancelled"));
            } else {
                show(result);
            }
        }));
    }

    /**
     * Shows a plan worked out elsewhere (the synchronisation's pull) for review; {@link #decisions()} then gives what
     * was decided and {@link #canApplyProperty()} whether everything is.
     */
    public void review(MergePlan result) {
        clear();
        show(result);
    }

    /** Forgets the plan under review. */
    public void reset() {
        clear();
    }

    private void show(MergePlan result) {
        summary.setAll(result.summary());
        for (MergePlan.Duplicate d : result.duplicates()) {
            DuplicateRow row = new DuplicateRow(d, i18n.get(d.reason() == MergePlan.DuplicateReason.SAME_CODE
                    ? "merge.duplicate.same_code" : "merge.duplicate.same_name"));
            row.choiceProperty().addListener((obs, was, now) -> refreshConflicts());
            duplicates.add(row);
        }
        result.clashes().forEach(c -> clashes.add(new ClashRow(c.theirsLabel(), c.code(), c.mineLabel(), c.proposedCode())));
        for (RowDiff r : result.rows()) {
            r.fields().stream().filter(FieldDiff::needsDecision)
                    .forEach(f -> planConflicts.add(new ConflictRow(r.table(), r.label(), f, r.fieldKey(f.field()))));
        }
        plan.set(result);
        refreshConflicts();
        status.set(result.nothingToDo() ? i18n.get("merge.nothing") : i18n.get("merge.analysed", result.rows().size(),
                planConflicts.size(), duplicates.size(), clashes.size()));
    }

    /** The grid: the plan's conflicts, then the differing fields of every duplicate the user chose to link. */
    private void refreshConflicts() {
        Map<String, ConflictRow> previous = new HashMap<>();
        conflicts.forEach(c -> previous.put(c.key, c));
        List<ConflictRow> rows = new ArrayList<>(planConflicts);
        for (DuplicateRow d : duplicates) {
            if (d.choiceProperty().get() == DuplicateChoice.LINK) {
                MergePlan.Duplicate dup = d.duplicate;
                // the engine keys a linked duplicate's fields by the other file's uuid, as it keys a row's
                RowDiff asRow = new RowDiff(dup.table(), dup.theirsUuid(), dup.mineUuid(), dup.theirsLabel(),
                        MergePlan.RowKind.CONFLICT, dup.fieldsIfLinked());
                dup.fieldsIfLinked().stream().filter(FieldDiff::needsDecision).forEach(f -> {
                    String key = asRow.fieldKey(f.field());
                    rows.add(previous.getOrDefault(key, new ConflictRow(dup.table(), dup.theirsLabel() + " ~ " + dup.mineLabel(), f,
                            key)));
                });
            }
        }
        conflicts.setAll(rows);
    }

    private boolean everyDecisionMade() {
        return plan.get() != null
                && conflicts.stream().allMatch(c -> c.resolutionProperty().get() != Resolution.UNDECIDED)
                && duplicates.stream().allMatch(d -> d.choiceProperty().get() != null)
                && (clashes.isEmpty() || renumber.get());
    }

    /** Keeps this file's value for {@code rows}. */
    public void keepMine(List<ConflictRow> rows) {
        rows.forEach(r -> r.take(Resolution.MINE));
    }

    /** Takes the other file's value for {@code rows}. */
    public void takeTheirs(List<ConflictRow> rows) {
        rows.forEach(r -> r.take(Resolution.THEIRS));
    }

    public void keepAllMine() {
        keepMine(List.copyOf(conflicts));
    }

    public void takeAllTheirs() {
        takeTheirs(List.copyOf(conflicts));
    }

    /** Links every duplicate candidate to the ESSP here (or keeps both when {@code link} is false). */
    public void chooseAllDuplicates(DuplicateChoice choice) {
        duplicates.forEach(d -> d.choiceProperty().set(choice));
    }

    /**
     * The decisions as the engine takes them. A result cannot be null in {@link MergeDecisions#results}: the side
     * every unlisted conflict takes is chosen so that each conflict resolved to an empty value is that side's; the
     * other conflicts are listed with their result. Null when no side allows it (an empty value chosen from each side).
     */
    public MergeDecisions decisions() {
        Map<String, DuplicateChoice> perDuplicate = new HashMap<>();
        duplicates.forEach(d -> perDuplicate.put(d.duplicate.theirsUuid(), d.choiceProperty().get()));
        for (Take side : Take.values()) {
            Map<String, String> results = new HashMap<>();
            boolean possible = true;
            for (ConflictRow c : conflicts) {
                String value = c.value();
                String fallback = side == Take.MINE ? c.mine() : c.theirs();
                if (!Objects.equals(value, fallback)) {
                    if (value == null) {
                        possible = false;
                        break;
                    }
                    results.put(c.key, value);
                }
            }
            if (possible) {
                return new MergeDecisions(side, null, renumber.get(), perDuplicate, results);
            }
        }
        return null;
    }

    /** Backs the mission up, then applies the plan with the decisions made, in the background. */
    public void apply() {
        MergePlan toApply = plan.get();
        if (toApply == null || !canApply.get()) {
            return;
        }
        MergeDecisions decisions = decisions();
        if (decisions == null) {
            error.set(i18n.get("merge.empty_both_sides"));
            return;
        }
        run(BackgroundTask.<Object[]>withProgress(task -> {
            task.updateProgress(-1, i18n.get("merge.progress.backup"));
            Path backup = MissionBackup.take(mission, MissionBackup.Reason.MERGE);
            task.updateProgress(-1, i18n.get("merge.progress.applying"));
            return new Object[] {engine.apply(mission.dsl(), edit.get(), toApply, decisions, backup.toString()), backup};
        }).onSuccess(result -> {
            MergeEngine.Applied applied = (MergeEngine.Applied) result[0];
            clear();
            source.set("");
            status.set(applied.runId() == 0 ? i18n.get("merge.nothing")
                    : i18n.get("merge.applied", applied.runId(), applied.rowsWritten(), applied.auditRowsCopied(), result[1]));
            dataChanged.run();
        }));
    }

    /**
     * Saves the review workbook of the plan under review (what {@code essp-diag merge --report} writes: the summary per
     * table, every changed field with base, mine and theirs, the duplicate candidates and code clashes) where the user
     * chooses; written atomically in the background.
     */
    public void saveReview() {
        MergePlan toSave = plan.get();
        if (toSave == null) {
            return;
        }
        dialogs.chooseFileToSave(i18n.get("merge.review.save"), defaultFolder, "consolidation-review.xlsx",
                i18n.get("merge.review.filter"), "*.xlsx").ifPresent(target -> run(BackgroundTask.<Path>withProgress(task -> {
            task.updateProgress(-1, i18n.get("merge.review.progress"));
            AtomicOutput.write(target, OutputTarget.Policy.OUTPUT, part -> {
                try (OutputStream os = Files.newOutputStream(part)) {
                    MergeReviewWorkbook.write(toSave, os);
                }
            });
            return target;
        }).onSuccess(saved -> status.set(i18n.get("merge.review.saved", saved)))));
    }

    /**
     * Undoes the last merge still applied, as a whole ({@link MergeUndo}: every value it wrote back from its journal,
     * in one transaction), once the user confirmed; refused with a message when a later merge or a later edit of a
     * merged value makes it impossible.
     */
    public void undoLast() {
        if (!dialogs.confirm(i18n.get("merge.undo.title"), i18n.get("merge.undo.confirm"))) {
            return;
        }
        run(BackgroundTask.<int[]>withProgress(task -> {
            task.updateProgress(-1, i18n.get("merge.undo.progress"));
            MergeUndo undo = new MergeUndo();
            Integer last = undo.lastApplied(mission.dsl());
            return last == null ? null : new int[] {last, undo.undo(mission.dsl(), edit.get(), last)};
        }).onSuccess(undone -> {
            clear();
            source.set("");
            if (undone == null) {
                status.set(i18n.get("merge.undo.none"));
                return;
            }
            status.set(i18n.get("merge.undo.done", undone[0], undone[1]));
            dataChanged.run();
        }));
    }

    /** Stops the analysis under way (an apply, one transaction, runs to its end). */
    public void cancel() {
        BackgroundTask<?> task = current;
        if (task != null && plan.get() == null) {
            task.cancel();
        }
    }

    private void clear() {
        plan.set(null);
        summary.clear();
        duplicates.clear();
        clashes.clear();
        planConflicts.clear();
        conflicts.clear();
        renumber.set(false);
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
                .onFailure(e -> error.set(i18n.get("merge.failed", reason(e)))));
    }

    private String reason(Throwable e) {
        if (e instanceof MergeRefusedException refused) {
            return i18n.get(switch (refused.reason()) {
                case SAME_FILE -> "merge.refused.same_file";
                case NO_SUCH_RUN, NOT_UNDOABLE -> "merge.undo.refused";
                default -> "merge.refused.other_mission";
            });
        }
        if (e instanceof MissionFileException refused) {
            switch (refused.reason()) {
                case NEWER_SCHEMA -> {
                    return i18n.get("error.reason.newer_schema");
                }
                case NOT_A_MISSION, NOT_SQLITE, EMPTY -> {
                    return i18n.get("error.reason.not_a_mission");
                }
                case CORRUPTED -> {
                    return i18n.get("error.reason.corrupted");
                }
                default -> {
                    // the generic reasons below
                }
            }
        }
        return Failures.reason(e, i18n);
    }

    public ObservableList<MergePlan.TableSummary> summary() {
        return summary;
    }

    public ObservableList<DuplicateRow> duplicates() {
        return duplicates;
    }

    public ObservableList<ClashRow> clashes() {
        return clashes;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflicts;
    }

    public BooleanProperty renumberProperty() {
        return renumber;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<MergePlan> planProperty() {
        return plan;
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }
}
