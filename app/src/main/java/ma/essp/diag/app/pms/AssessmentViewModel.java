package ma.essp.diag.app.pms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.CatalogueSnapshot;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import ma.essp.diag.database.repository.StaleEditException;

/**
 * The assessment checklist of one ESSP: pick the ESSP, resume its latest assessment (or start one), answer each
 * tracer item (each answer is saved at once, so an assessment is always "saved incomplete" and can be resumed),
 * record the services offered, mark it complete. Rows are grouped: general readiness domains, then each service
 * (a section row carrying "offered") with its items.
 */
public final class AssessmentViewModel {

    public enum RowKind { SECTION, SERVICE, ITEM }

    /** One line of the checklist. */
    public static final class ChecklistRow {
        private final RowKind kind;
        private final String code;
        private final String label;
        private final String domainCode;
        private final int id;
        private final ObjectProperty<AnswerState> state = new SimpleObjectProperty<>(AnswerState.MISSING);
        private final BooleanProperty offered = new SimpleBooleanProperty(false);
        private final javafx.beans.property.StringProperty source = new javafx.beans.property.SimpleStringProperty(OBSERVED);
        private final javafx.beans.property.StringProperty comment = new javafx.beans.property.SimpleStringProperty("");
        private final boolean inScope;
        /**
         * The version of the answer (ITEM) or of the "offered" row (SERVICE) this screen last loaded or wrote, null
         * when there is none: what the next write starts from. Read and set by the write task under the write lock.
         */
        private volatile Integer version;
        /** The answer as stored when this screen last loaded or wrote it: what an undo puts back. */
        private volatile Stored stored = new Stored(AnswerState.MISSING, OBSERVED, null, false);

        ChecklistRow(RowKind kind, int id, String code, String label, String domainCode, boolean inScope) {
            this.kind = kind;
            this.id = id;
            this.code = code;
            this.label = label;
            this.domainCode = domainCode;
            this.inScope = inScope;
        }

        public RowKind kind() {
            return kind;
        }

        /** Item id (ITEM) or service id (SERVICE); 0 for a section. */
        public int id() {
            return id;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public String domainCode() {
            return domainCode;
        }

        public boolean inScope() {
            return inScope;
        }

        public ObjectProperty<AnswerState> stateProperty() {
            return state;
        }

        public BooleanProperty offeredProperty() {
            return offered;
        }

        /** observed or reported. */
        public javafx.beans.property.StringProperty sourceProperty() {
            return source;
        }

        public javafx.beans.property.StringProperty commentProperty() {
            return comment;
        }

        /** The row version this screen started from (null: nothing recorded yet). */
        public Integer version() {
            return version;
        }
    }

    /** An answer (state, source, comment) or a service's "offered" as stored. */
    private record Stored(AnswerState state, String source, String comment, boolean offered) {
    }

    public static final String OBSERVED = "observed";
    public static final String REPORTED = "reported";

    /** What the background load hands to the FX thread. */
    record Loaded(List<AssessmentRepository.Header> history, AssessmentRepository.Sheet sheet, CatalogueSnapshot catalogue,
                  Map<String, Integer> itemIds, Map<String, Integer> serviceIds, AssessmentRepository.Progress progress) {
    }

    private final AssessmentRepository assessments;
    private final CatalogueVersionRepository catalogue;
    private final EsspRepository essps;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final EditHistory edits;
    private final DialogService dialogs;
    /** True while the open assessment is complete: read-only until reopened. */
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly", false);

    private final ObservableList<EsspListRow> esspChoices = FXCollections.observableArrayList();
    private final ObjectProperty<EsspListRow> essp = new SimpleObjectProperty<>(this, "essp");
    private final ObservableList<AssessmentRepository.Header> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AssessmentRepository.Header> assessment = new ReadOnlyObjectWrapper<>();
    /** The version of the open assessment's header this screen last loaded or wrote (what finishing starts from). */
    private volatile int headerVersion;
    private final ObservableList<ChecklistRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /** Answers not yet written, by item id: the write task drains it, so the last answer given wins. */
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    public AssessmentViewModel(AssessmentRepository assessments, CatalogueVersionRepository catalogue, EsspRepository essps,
                               TaskExecutor executor, I18n i18n, EditHistory edits, DialogService dialogs) {
        this.assessments = assessments;
        this.catalogue = catalogue;
        this.essps = essps;
        this.executor = executor;
        this.i18n = i18n;
        this.edits = edits;
        this.dialogs = dialogs;
        essp.addListener((o, old, now) -> {
            if (now != null && !Objects.equals(old, now)) {
                open(now, null);
            }
        });
    }

    /** Loads the ESSP list. */
    public void load() {
        executor.execute(BackgroundTask.wrap(essps::list)
                .onRunning(() -> busy.set(true))
                .onSuccess(list -> esspChoices.setAll(list.stream().sorted(Comparator.comparing(EsspListRow::code)).toList()))
                .onFailure(e -> error.set(i18n.get("pms.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> busy.set(false)));
    }

    /** Opens an assessment of the ESSP: the given one, or its latest; none yet: an empty checklist. */
    public void open(EsspListRow row, Integer assessmentId) {
        open(row, assessmentId, "");
    }

    /** Opens as {@link #open(EsspListRow, Integer)} does, showing {@code notice} in the error line meanwhile and after. */
    private void open(EsspListRow row, Integer assessmentId, String notice) {
        executor.execute(BackgroundTask.wrap(() -> {
                    List<AssessmentRepository.Header> list = assessments.history(row.id());
                    Integer id = assessmentId != null ? assessmentId : list.isEmpty() ? null : list.getFirst().id();
                    if (id == null) {
                        return new Loaded(list, null, null, Map.of(), Map.of(), null);
                    }
                    AssessmentRepository.Sheet sheet = assessments.load(id).orElseThrow();
                    int version = sheet.header().catalogueVersionId();
                    return new Loaded(list, sheet, catalogue.snapshot(version), catalogue.itemIds(version),
                            catalogue.serviceIds(version), assessments.progress(id));
                })
                .onRunning(() -> {
                    busy.set(true);
                    error.set(notice);
                })
                .onSuccess(this::show)
                .onFailure(e -> error.set(i18n.get("pms.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> busy.set(false)));
    }

    /**
     * Starts a new assessment with the newest published catalogue version (while none is published, the version the
     * mission's assessments already use: {@link CatalogueVersionRepository#versionForNewAssessment}).
     */
    public void startNew(LocalDate on) {
        EsspListRow row = essp.get();
        if (row == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> {
                    int version = catalogue.versionForNewAssessment();
                    return assessments.start(row.id(), version, on, null);
                })
                .onSuccess(id -> open(row, id))
                .onFailure(e -> error.set(i18n.get("pms.error.save", Failures.reason(e, i18n)))));
    }

    private void show(Loaded loaded) {
        history.setAll(loaded.history());
        pending.clear();
        if (loaded.sheet() == null) {
            readOnly.set(false);
            assessment.set(null);
            rows.clear();
            progress.set(0);
            progressText.set(i18n.get("pms.assessment.none"));
            status.set("");
            return;
        }
        assessment.set(loaded.sheet().header());
        headerVersion = loaded.sheet().header().version();
        readOnly.set(AssessmentRepository.COMPLETE.equals(loaded.sheet().header().status()));
        List<ChecklistRow> list = new ArrayList<>();
        Map<String, List<CatalogueSnapshot.Item>> generalByDomain = new LinkedHashMap<>();
        Map<String, List<CatalogueSnapshot.Item>> byService = new LinkedHashMap<>();
        for (CatalogueSnapshot.Item item : loaded.catalogue().items()) {
            if (item.serviceCode() == null) {
                generalByDomain.computeIfAbsent(item.domainCode(), k -> new ArrayList<>()).add(item);
            } else {
                byService.computeIfAbsent(item.serviceCode(), k -> new ArrayList<>()).add(item);
            }
        }
        generalByDomain.forEach((domain, items) -> {
            list.add(new ChecklistRow(RowKind.SECTION, 0, domain, domainLabel(domain), domain, true));
            items.forEach(i -> list.add(itemRow(i, loaded)));
        });
        for (CatalogueSnapshot.Service service : loaded.catalogue().services()) {
            int serviceId = loaded.serviceIds().get(service.code());
            ChecklistRow section = new ChecklistRow(RowKind.SERVICE, serviceId, service.code(),
                    service.label(i18n.locale().getLanguage()),
                    null, true);
            section.offered.set(Boolean.TRUE.equals(loaded.sheet().services().get(serviceId)));
            section.version = loaded.sheet().serviceVersions().get(serviceId);
            section.stored = new Stored(AnswerState.MISSING, OBSERVED, null, section.offered.get());
            section.offered.addListener((o, old, now) -> setOffered(section, now));
            list.add(section);
            byService.getOrDefault(service.code(), List.of())
                    .stream().sorted(Comparator.comparing(CatalogueSnapshot.Item::domainCode, Comparator.comparing(this::domainOrder))
                            .thenComparingInt(CatalogueSnapshot.Item::sortOrder))
                    .forEach(i -> list.add(itemRow(i, loaded)));
        }
        rows.setAll(list);
        setProgress(loaded.progress());
        status.set(statusLabel(loaded.sheet().header().status()));
    }

    private int domainOrder(String domain) {
        return List.of("staff_guidelines", "equipment", "diagnostics", "medicines_commodities").indexOf(domain);
    }

    private ChecklistRow itemRow(CatalogueSnapshot.Item item, Loaded loaded) {
        int itemId = loaded.itemIds().get(item.code());
        String label = item.label(i18n.locale().getLanguage());
        ChecklistRow row = new ChecklistRow(RowKind.ITEM, itemId, item.code(), label, item.domainCode(), item.inScope());
        AssessmentRepository.Answer answer = loaded.sheet().answers().get(itemId);
        row.state.set(answer == null ? AnswerState.MISSING : answer.state());
        if (answer != null) {
            row.version = answer.version();
            row.source.set(answer.source() == null ? OBSERVED : answer.source());
            row.comment.set(answer.comment() == null ? "" : answer.comment());
            row.stored = new Stored(answer.state(), row.source.get(), answer.comment(), false);
        }
        return row;
    }

    /** Answers an item (the keyboard's 1/2/3/4, 0 for "not answered"); saved at once in the background. */
    public void answer(ChecklistRow row, AnswerState state) {
        if (row == null || row.kind != RowKind.ITEM || !row.inScope || assessment.get() == null || readOnly.get()) {
            return;
        }
        row.state.set(state);
        save(row);
    }

    /** Sets whether the answer was observed or reported (keys O and R); saved with the answer. */
    public void source(ChecklistRow row, String source) {
        if (row == null || row.kind != RowKind.ITEM || !row.inScope || assessment.get() == null || readOnly.get()) {
            return;
        }
        row.source.set(source);
        save(row);
    }

    /** Sets the comment of an item; saved with the answer. Completes with true once written (at once when unchanged). */
    public CompletionStage<Boolean> comment(ChecklistRow row, String comment) {
        if (row == null || row.kind != RowKind.ITEM || !row.inScope || assessment.get() == null || readOnly.get()
                || Objects.equals(row.comment.get(), comment == null ? "" : comment.strip())) {
            return CompletableFuture.completedFuture(true);
        }
        row.comment.set(comment == null ? "" : comment.strip());
        return save(row);
    }

    private CompletionStage<Boolean> save(ChecklistRow row) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        int assessmentId = assessment.get().id();
        String comment = row.comment.get() == null || row.comment.get().isBlank() ? null : row.comment.get();
        pending.put(row.id, new Pending(row, row.state.get(), row.source.get(), comment));
        List<Runnable> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        executor.execute(BackgroundTask.wrap(() -> {
                    synchronized (writeLock) {
                        for (Integer itemId : List.copyOf(pending.keySet())) {
                            Pending a = pending.remove(itemId);
                            if (a != null) {
                                // from the version this screen loaded (or last wrote): changed elsewhere meanwhile, refused
                                Stored before = a.row().stored;
                                Stored after = new Stored(a.state(), a.source(), a.comment(), false);
                                int version = assessments.answer(assessmentId, itemId, a.row().version, a.state(),
                                        a.source(), a.comment());
                                a.row().version = version;
                                a.row().stored = after;
                                if (!before.equals(after)) {
                                    steps.add(() -> {
                                        edits.wrote(answerTable(assessmentId), itemId, version);
                                        edits.record(i18n.get("pms.undo.answer", a.row().code), putAnswer(assessmentId, itemId, before, after));
                                    });
                                }
                            }
                        }
                        return assessments.progress(assessmentId);
                    }
                })
                .onSuccess(p -> {
                    steps.forEach(Runnable::run);
                    setProgress(p);
                    result.complete(true);
                })
                .onFailure(e -> {
                    failed(e);
                    result.complete(false);
                }));
        return result;
    }

    /** The rows of one assessment's answers, as the edit history tracks their versions. */
    private static String answerTable(int assessmentId) {
        return "assessment_answer/" + assessmentId;
    }

    private static String serviceTable(int assessmentId) {
        return "assessment_service/" + assessmentId;
    }

    /** Writes {@code values} back as item {@code itemId}'s answer, from the version this screen left; its inverse writes {@code current}. */
    private EditHistory.Inverse putAnswer(int assessmentId, int itemId, Stored values, Stored current) {
        return () -> {
            int version = assessments.answer(assessmentId, itemId, edits.versionOf(answerTable(assessmentId), itemId, 0),
                    values.state(), values.source(), values.comment());
            edits.wrote(answerTable(assessmentId), itemId, version);
            return putAnswer(assessmentId, itemId, current, values);
        };
    }

    /** Sets whether service {@code serviceId} is offered back to {@code offered}; its inverse sets the other. */
    private EditHistory.Inverse putOffered(int assessmentId, int serviceId, boolean offered) {
        return () -> {
            int version = assessments.setOffered(assessmentId, serviceId,
                    edits.versionOf(serviceTable(assessmentId), serviceId, 0), offered);
            edits.wrote(serviceTable(assessmentId), serviceId, version);
            return putOffered(assessmentId, serviceId, !offered);
        };
    }

    /** After an undo or redo: the checklist shows the open assessment as it now is. */
    public void reload() {
        EsspListRow row = essp.get();
        AssessmentRepository.Header header = assessment.get();
        if (row != null) {
            open(row, header == null ? null : header.id());
        }
    }

    /** An answer not yet written: the checklist row (whose version the write starts from) and what it now says. */
    private record Pending(ChecklistRow row, AnswerState state, String source, String comment) {
    }

    /**
     * A write refused because the assessment was changed elsewhere (a colleague, another window) since this screen
     * loaded it: said so, nothing was written, the assessment is reloaded as it now is; any other failure is shown.
     */
    private void failed(Throwable e) {
        if (e instanceof StaleEditException) {
            EsspListRow row = essp.get();
            AssessmentRepository.Header header = assessment.get();
            if (row != null) {
                open(row, header == null ? null : header.id(), i18n.get("error.stale"));
            } else {
                error.set(i18n.get("error.stale"));
            }
        } else if (e instanceof EditRuleException rule && AssessmentRepository.RULE_COMPLETE.equals(rule.rule())) {
            error.set(i18n.get("pms.assessment.readOnly"));
            reload();
        } else {
            error.set(i18n.get("pms.error.save", Failures.reason(e, i18n)));
        }
    }

    public String sourceLabel(String source) {
        return i18n.code(Vocabulary.ANSWER_SOURCE, REPORTED.equals(source) ? REPORTED : OBSERVED);
    }

    private void setOffered(ChecklistRow section, boolean offered) {
        AssessmentRepository.Header header = assessment.get();
        if (header == null || section.stored.offered() == offered) {
            return;
        }
        if (readOnly.get()) {
            section.offered.set(section.stored.offered()); // a complete assessment keeps what it says
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> {
                    synchronized (writeLock) {
                        section.version = assessments.setOffered(header.id(), section.id, section.version, offered);
                        section.stored = new Stored(AnswerState.MISSING, OBSERVED, null, offered);
                        return assessments.progress(header.id());
                    }
                })
                .onSuccess(p -> {
                    edits.wrote(serviceTable(header.id()), section.id, section.version);
                    edits.record(i18n.get("pms.undo.offered", section.label), putOffered(header.id(), section.id, !offered));
                    setProgress(p);
                })
                .onFailure(this::failed));
    }

    /** Marks the open assessment complete: read-only from then on, until it is explicitly reopened. */
    public void complete() {
        AssessmentRepository.Header header = assessment.get();
        if (header == null || readOnly.get()) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> {
                    synchronized (writeLock) {
                        headerVersion = assessments.complete(header.id(), headerVersion);
                        return header.id();
                    }
                })
                .onSuccess(id -> {
                    status.set(statusLabel(AssessmentRepository.COMPLETE));
                    readOnly.set(true);
                })
                .onFailure(this::failed));
    }

    /**
     * Reopens the open (complete) assessment after the user confirmed it: a versioned, audited change of its status
     * back to in progress, and the checklist can be edited again. Nothing happens when they decline.
     */
    public void reopen() {
        AssessmentRepository.Header header = assessment.get();
        if (header == null || !readOnly.get()
                || !dialogs.confirm(i18n.get("pms.assessment.reopen.title"), i18n.get("pms.assessment.reopen.question"))) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> {
                    synchronized (writeLock) {
                        headerVersion = assessments.reopen(header.id(), headerVersion);
                        return header.id();
                    }
                })
                .onSuccess(id -> {
                    status.set(statusLabel(AssessmentRepository.IN_PROGRESS));
                    readOnly.set(false);
                })
                .onFailure(this::failed));
    }

    /** True while the open assessment is complete: its checklist cannot be edited until it is reopened. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    private void setProgress(AssessmentRepository.Progress p) {
        if (p == null) {
            return;
        }
        progress.set(p.total() == 0 ? 0 : (double) p.answered() / p.total());
        progressText.set(i18n.get("pms.assessment.progress", i18n.formatNumber(p.answered()), i18n.formatNumber(p.total())));
    }

    /** The SARA domain's name in the current language (literal keys, so that the bundle test sees them). */
    public String domainLabel(String domain) {
        return switch (domain) {
            case "basic_amenities" -> i18n.get("pms.column.basic_amenities");
            case "basic_equipment" -> i18n.get("pms.column.basic_equipment");
            case "standard_precautions" -> i18n.get("pms.column.standard_precautions");
            case "diagnostic_capacity" -> i18n.get("pms.column.diagnostic_capacity");
            case "essential_medicines" -> i18n.get("pms.column.essential_medicines");
            case "staff_guidelines" -> i18n.get("pms.domain.staff_guidelines");
            case "equipment" -> i18n.get("pms.domain.equipment");
            case "diagnostics" -> i18n.get("pms.domain.diagnostics");
            case "medicines_commodities" -> i18n.get("pms.domain.medicines_commodities");
            default -> domain;
        };
    }

    public String stateLabel(AnswerState state) {
        return i18n.code(Vocabulary.ANSWER_STATE, state.code());
    }

    /** An assessment's status in words; an assessment that is not complete is in progress. */
    private String statusLabel(String status) {
        return i18n.code(Vocabulary.ASSESSMENT_STATUS,
                AssessmentRepository.COMPLETE.equals(status) ? AssessmentRepository.COMPLETE : AssessmentRepository.IN_PROGRESS);
    }

    public String offeredLabel() {
        return i18n.get("pms.assessment.offered");
    }

    public String esspLabel(EsspListRow row) {
        return row == null ? "" : i18n.codeAndName(row.code(), i18n.localName(row.nameFr(), row.nameAr()));
    }

    public String historyLabel(AssessmentRepository.Header h) {
        return h == null ? "" : i18n.formatDate(h.assessedOn()) + " (" + statusLabel(h.status()) + ")";
    }

    // ---- properties

    public ObservableList<EsspListRow> esspChoices() {
        return esspChoices;
    }

    public ObjectProperty<EsspListRow> esspProperty() {
        return essp;
    }

    public ObservableList<AssessmentRepository.Header> history() {
        return history;
    }

    public ReadOnlyObjectProperty<AssessmentRepository.Header> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    public ObservableList<ChecklistRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
