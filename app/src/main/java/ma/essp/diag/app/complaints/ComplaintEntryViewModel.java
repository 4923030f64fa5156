package ma.essp.diag.app.complaints;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.FormBaseline;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.repository.ComplaintRepository.EsspRef;
import ma.essp.diag.database.repository.ComplaintRepository.SampleRow;
import ma.essp.diag.database.repository.ComplaintRepository.SystemRow;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.rules.ComplaintSampleRules;
import ma.essp.diag.database.rules.ComplaintSampleRules.Field;
import ma.essp.diag.database.rules.PersonalDataDetector;
import ma.essp.diag.reporting.complaints.ComplaintMaturity;

/**
 * Entry of the complaint axis for one ESSP: its complaint-system checklist (with its maturity score) and its
 * anonymous sampled complaints; or (schema V23) the checklist of a délégation's or a GST's own complaint system, chosen
 * with the level filter (délégations and GSTs have no sampled complaints here: samples are taken in ESSPs). A sample breaking a rule shows the message on its field and is not saved; a note
 * that looks like personal data is warned about on the field and flagged (never exported). Reads and writes run in
 * the background.
 */
public final class ComplaintEntryViewModel {

    /** The table whose rows the undo history follows. */
    private static final String SYSTEM = "complaint_system";
    private static final String SAMPLE = "complaint_sample";

    /** The checklist items, in the screen's order (codes of {@code complaints.item.*} labels). */
    public enum Item { REGISTER, BOX, IN_PERSON, PHONE, CHIKAYA_PORTAL, PROCEDURE_DISPLAYED, CHIKAYA_LINK_DISPLAYED,
        REGISTER_KEPT, FOCAL_PERSON, ESCALATION, ANALYSED_FED_BACK }

    /** A sample as the table shows it. */
    public record SampleLine(SampleRow row, String received, String channel, String kind, String category,
                             String acknowledged, String closed, String outcome, boolean flagged) {
    }

    private final ComplaintRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable saved;

    private final ObservableList<EsspRef> allEssps = FXCollections.observableArrayList();
    private final FilteredList<EsspRef> essps = new FilteredList<>(allEssps);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<EsspRef> essp = new SimpleObjectProperty<>(this, "essp");
    private final ObjectProperty<ComplaintRepository.Holder> level = new SimpleObjectProperty<>(this, "level",
            ComplaintRepository.Holder.ESSP);
    private final ReadOnlyBooleanWrapper samplesAllowed = new ReadOnlyBooleanWrapper(this, "samplesAllowed");
    private final ReadOnlyStringWrapper checklistTitle = new ReadOnlyStringWrapper(this, "checklistTitle", "");
    private final ReadOnlyStringWrapper searchPrompt = new ReadOnlyStringWrapper(this, "searchPrompt", "");

    private final Map<Item, BooleanProperty> items = new EnumMap<>(Item.class);
    private final StringProperty handledBy = new SimpleStringProperty(this, "handledBy", "");
    private final ReadOnlyStringWrapper maturity = new ReadOnlyStringWrapper(this, "maturity", "");
    private SystemRow system;

    private final ObservableList<SampleLine> samples = FXCollections.observableArrayList();
    private final ObjectProperty<SampleLine> selectedSample = new SimpleObjectProperty<>(this, "selectedSample");
    private final ObjectProperty<LocalDate> received = new SimpleObjectProperty<>(this, "received");
    private final ObjectProperty<FilterChoice> channel = new SimpleObjectProperty<>(this, "channel");
    private final ObjectProperty<FilterChoice> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<FilterChoice> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<LocalDate> acknowledged = new SimpleObjectProperty<>(this, "acknowledged");
    private final ObjectProperty<LocalDate> closed = new SimpleObjectProperty<>(this, "closed");
    private final ObjectProperty<FilterChoice> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ReadOnlyStringWrapper notesWarning = new ReadOnlyStringWrapper(this, "notesWarning", "");
    private final Map<Field, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final FormBaseline checklistBaseline;
    private final FormBaseline sampleBaseline;
    private final UnsavedChanges unsaved;
    private final EditHistory history;

    private final List<FilterChoice> channels;
    private final List<FilterChoice> kinds;
    private final List<FilterChoice> categories;
    private final List<FilterChoice> outcomes;

    /** @param saved called after a write, so that the dashboard reloads */
    public ComplaintEntryViewModel(ComplaintRepository repository, TaskExecutor executor, I18n i18n, Runnable saved) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.saved = saved;
        for (Item item : Item.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, item.name(), false);
            p.addListener((obs, old, now) -> showMaturity());
            items.put(item, p);
        }
        handledBy.addListener((obs, old, now) -> showMaturity());
        for (Field f : Field.values()) {
            fieldErrors.put(f, new ReadOnlyStringWrapper(this, "error" + f.name(), ""));
        }
        channels = FilterChoice.of(Vocabulary.COMPLAINT_CHANNEL, i18n);
        kinds = FilterChoice.of(Vocabulary.COMPLAINT_KIND, i18n);
        categories = FilterChoice.of(Vocabulary.COMPLAINT_CATEGORY, i18n);
        outcomes = FilterChoice.of(Vocabulary.COMPLAINT_OUTCOME, i18n);
        search.addListener((obs, old, now) -> filter());
        level.addListener((obs, old, now) -> {
            filter();
            showChecklistTitle();
        });
        filter();
        essp.addListener((obs, old, now) -> {
            samplesAllowed.set(now != null && now.holder() == ComplaintRepository.Holder.ESSP);
            showChecklistTitle();
            loadEssp();
        });
        showChecklistTitle();
        selectedSample.addListener((obs, old, now) -> showSample(now));
        notes.addListener((obs, old, now) -> checkNotes());
        List<javafx.beans.value.ObservableValue<?>> checklistFields = new java.util.ArrayList<>(items.values());
        checklistFields.add(handledBy);
        checklistBaseline = new FormBaseline(checklistFields);
        sampleBaseline = new FormBaseline(List.of(received, channel, kind, category, acknowledged, closed, outcome, notes));
        unsaved = new Editors();
        history = new EditHistory(executor);
        // an undo (of a sample, a checklist or the dashboard's deadlines) shows the ESSP again and reloads the dashboard
        history.setAfterUndo(() -> {
            loadEssp();
            saved.run();
        });
    }

    /** The list shows the holders of the chosen level (ESSPs, délégations or GSTs) matching the search. */
    private void filter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(i18n.locale());
        ComplaintRepository.Holder shown = level.get() == null ? ComplaintRepository.Holder.ESSP : level.get();
        essps.setPredicate(e -> e.holder() == shown && (q.isEmpty() || e.code().toLowerCase(i18n.locale()).contains(q)
                || e.nameFr().toLowerCase(i18n.locale()).contains(q) || (e.nameAr() != null && e.nameAr().contains(q))));
    }

    public void load() {
        executor.execute(BackgroundTask.wrap(() -> {
                    List<EsspRef> all = new java.util.ArrayList<>(repository.essps());
                    all.addAll(repository.levelHolders());
                    return all;
                })
                .onSuccess(allEssps::setAll)
                .onFailure(e -> status.set(i18n.get("complaints.error", Failures.reason(e, i18n)))));
    }

    private record EsspData(SystemRow system, List<SampleRow> samples) {
    }

    private void loadEssp() {
        EsspRef e = essp.get();
        newSample();
        if (e == null) {
            samples.clear();
            showSystem(null);
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> new EsspData(repository.system(e).orElse(null),
                        e.holder() == ComplaintRepository.Holder.ESSP ? repository.samples(e.id()) : List.of()))
                .onSuccess(d -> {
                    if (e.equals(essp.get())) {
                        showSystem(d.system());
                        samples.setAll(d.samples().stream().map(this::line).toList());
                    }
                })
                .onFailure(x -> status.set(i18n.get("complaints.error", Failures.reason(x, i18n)))));
    }

    private void showSystem(SystemRow s) {
        system = s;
        SystemRow v = s != null ? s : new SystemRow(null, null, false, false, false, false, false, false, false, false,
                false, null, false, false);
        items.get(Item.REGISTER).set(v.register());
        items.get(Item.BOX).set(v.box());
        items.get(Item.IN_PERSON).set(v.inPerson());
        items.get(Item.PHONE).set(v.phone());
        items.get(Item.CHIKAYA_PORTAL).set(v.chikayaPortal());
        items.get(Item.PROCEDURE_DISPLAYED).set(v.procedureDisplayed());
        items.get(Item.CHIKAYA_LINK_DISPLAYED).set(v.chikayaLinkDisplayed());
        items.get(Item.REGISTER_KEPT).set(v.registerKept());
        items.get(Item.FOCAL_PERSON).set(v.focalPerson());
        items.get(Item.ESCALATION).set(v.escalation());
        items.get(Item.ANALYSED_FED_BACK).set(v.analysedFedBack());
        handledBy.set(v.handledBy() == null ? "" : v.handledBy());
        showMaturity();
        checklistBaseline.mark();
    }

    private SystemRow typedSystem() {
        return new SystemRow(system == null ? null : system.id(), system == null ? null : system.version(),
                on(Item.REGISTER), on(Item.BOX), on(Item.IN_PERSON), on(Item.PHONE), on(Item.CHIKAYA_PORTAL),
                on(Item.REGISTER_KEPT), on(Item.FOCAL_PERSON), on(Item.PROCEDURE_DISPLAYED), on(Item.CHIKAYA_LINK_DISPLAYED),
                handledBy.get(), on(Item.ESCALATION), on(Item.ANALYSED_FED_BACK));
    }

    /** The checklist with nothing ticked: what an ESSP's first save is undone to. */
    private static SystemRow blank(Integer id) {
        return new SystemRow(id, null, false, false, false, false, false, false, false, false, false, null, false, false);
    }

    /** Writes {@code back} over the checklist row {@code id} of {@code holder}; its inverse writes {@code forward}. */
    private EditHistory.Inverse putChecklist(EsspRef holder, int id, SystemRow back, SystemRow forward) {
        return () -> {
            SystemRow b = back;
            int version = repository.saveSystem(holder, new SystemRow(id, history.versionOf(SYSTEM, id, 0), b.register(), b.box(),
                    b.inPerson(), b.phone(), b.chikayaPortal(), b.registerKept(), b.focalPerson(), b.procedureDisplayed(),
                    b.chikayaLinkDisplayed(), b.handledBy(), b.escalation(), b.analysedFedBack()));
            history.wrote(SYSTEM, id, version);
            return putChecklist(holder, id, forward, back);
        };
    }

    /** Soft-deletes ({@code delete}) or restores sample {@code id} from the version this screen left; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestoreSample(int id, boolean delete) {
        return () -> {
            int from = history.versionOf(SAMPLE, id, 0);
            history.wrote(SAMPLE, id, delete ? repository.deleteSample(id, from) : repository.restoreSample(id, from));
            return deleteOrRestoreSample(id, !delete);
        };
    }

    /** The checklist saves and the samples added and deleted on this screen, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() {
        return history;
    }

    private boolean on(Item item) {
        return items.get(item).get();
    }

    private void showMaturity() {
        SystemRow s = typedSystem();
        ComplaintMaturity.Score score = ComplaintMaturity.score(new ReportSourceData.ComplaintSystem(0, s.register(), s.box(),
                s.inPerson(), s.phone(), s.chikayaPortal(), s.registerKept(), s.focalPerson(), s.procedureDisplayed(),
                s.chikayaLinkDisplayed(), s.handledBy(), s.escalation(), s.analysedFedBack()));
        maturity.set(i18n.get("complaints.maturity.value", score.total(), score.accessibility(), score.logging(),
                score.handling(), score.monitoring()));
    }

    public void saveChecklist() {
        writeChecklist();
    }

    /** Writes the checklist in the background; completes with true once written. */
    private CompletionStage<Boolean> writeChecklist() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        EsspRef e = essp.get();
        if (e == null) {
            done.complete(false);
            return done;
        }
        SystemRow typed = typedSystem();
        SystemRow before = system;
        executor.execute(BackgroundTask.wrap(() -> {
            repository.saveSystem(e, typed);
            return repository.system(e).orElseThrow();
        }).onSuccess(s -> {
            history.wrote(SYSTEM, s.id(), s.version());
            history.record(i18n.get("complaints.undo.checklist", e.holder() == ComplaintRepository.Holder.ESSP ? e.code() : esspLabel(e)),
                    putChecklist(e, s.id(), before == null ? blank(s.id()) : before, s));
            showSystem(s);
            status.set(i18n.get("complaints.status.checklistSaved"));
            saved.run();
            done.complete(true);
        }).onFailure(x -> {
            status.set(i18n.get("complaints.error", Failures.reason(x, i18n)));
            done.complete(false);
        }));
        return done;
    }

    // ------------------------------------------------------------------ samples

    private SampleLine line(SampleRow r) {
        ComplaintSampleRules.Values v = r.values();
        return new SampleLine(r, i18n.formatDate(v.receivedOn()), i18n.code(Vocabulary.COMPLAINT_CHANNEL, v.channel()),
                i18n.code(Vocabulary.COMPLAINT_KIND, v.kind()), i18n.code(Vocabulary.COMPLAINT_CATEGORY, v.category()),
                v.acknowledgedOn() == null ? "" : i18n.formatDate(v.acknowledgedOn()),
                v.closedOn() == null ? "" : i18n.formatDate(v.closedOn()),
                v.outcome() == null ? "" : i18n.code(Vocabulary.COMPLAINT_OUTCOME, v.outcome()),
                PersonalDataDetector.flagged(r.notes()));
    }

    /** Clears the form for a new sample. */
    public void newSample() {
        selectedSample.set(null);
        showSample(null);
    }

    private void showSample(SampleLine line) {
        ComplaintSampleRules.Values v = line == null ? null : line.row().values();
        received.set(v == null ? null : v.receivedOn());
        channel.set(v == null ? null : choice(channels, v.channel()));
        kind.set(v == null ? null : choice(kinds, v.kind()));
        category.set(v == null ? null : choice(categories, v.category()));
        acknowledged.set(v == null ? null : v.acknowledgedOn());
        closed.set(v == null ? null : v.closedOn());
        outcome.set(v == null ? null : choice(outcomes, v.outcome()));
        notes.set(line == null || line.row().notes() == null ? "" : line.row().notes());
        fieldErrors.values().forEach(p -> p.set(""));
        sampleBaseline.mark();
    }

    private static FilterChoice choice(List<FilterChoice> choices, String code) {
        return code == null ? null : choices.stream().filter(c -> code.equals(c.value())).findFirst()
                .orElse(new FilterChoice(code, code));
    }

    private void checkNotes() {
        Set<PersonalDataDetector.Kind> found = PersonalDataDetector.find(notes.get());
        notesWarning.set(found.isEmpty() ? "" : i18n.get("complaints.notes.personal", String.join(", ",
                found.stream().map(k -> i18n.get(switch (k) {
                    case PHONE -> "complaints.personal.phone";
                    case EMAIL -> "complaints.personal.email";
                    case CIN -> "complaints.personal.cin";
                    case NAME -> "complaints.personal.name";
                })).toList())));
    }

    /** The sample typed in the form, its codes as stored. */
    public ComplaintSampleRules.Values typedSample() {
        return new ComplaintSampleRules.Values(received.get(), code(channel), code(kind), code(category), acknowledged.get(),
                closed.get(), code(outcome));
    }

    private static String code(ObjectProperty<FilterChoice> p) {
        return p.get() == null ? null : p.get().value();
    }

    /**
     * Saves the form: each broken rule shows its message on its field and nothing is saved; else the sample is written
     * in the background and the list reloads.
     */
    public boolean saveSample() {
        return writeSample() != null;
    }

    /** As {@link #saveSample()}: null when refused at once, else completes with true once written. */
    private CompletionStage<Boolean> writeSample() {
        EsspRef e = essp.get();
        if (e == null || e.holder() != ComplaintRepository.Holder.ESSP) {
            status.set(i18n.get("complaints.status.chooseEssp"));
            return null;
        }
        ComplaintSampleRules.Values v = typedSample();
        Map<Field, ComplaintSampleRules.Code> problems = ComplaintSampleRules.check(v, repository.today());
        fieldErrors.forEach((f, p) -> p.set(problems.containsKey(f) ? message(problems.get(f)) : ""));
        if (!problems.isEmpty()) {
            status.set(i18n.get("complaints.status.notSaved"));
            return null;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        SampleLine editing = selectedSample.get();
        String note = notes.get();
        boolean flagged = PersonalDataDetector.flagged(note);
        int[] id = {0};
        executor.execute(BackgroundTask.wrap(() -> {
            id[0] = repository.saveSample(e.id(), editing == null ? null : editing.row().id(),
                    editing == null ? null : editing.row().version(), v, note);
            return repository.samples(e.id());
        }).onSuccess(rows -> {
            if (editing == null) {
                // a new sample (version 1): undone by deleting it, redone by restoring it
                history.wrote(SAMPLE, id[0], 1);
                history.record(i18n.get("complaints.undo.sampleAdded", e.code()), deleteOrRestoreSample(id[0], true));
            }
            samples.setAll(rows.stream().map(this::line).toList());
            newSample();
            status.set(i18n.get(flagged ? "complaints.status.savedFlagged" : "complaints.status.sampleSaved"));
            saved.run();
            done.complete(true);
        }).onFailure(x -> {
            status.set(x instanceof EditRuleException r ? i18n.get("complaints.status.refused", r.rule())
                    : i18n.get("complaints.error", Failures.reason(x, i18n)));
            done.complete(false);
        }));
        return done;
    }

    public void deleteSample() {
        SampleLine line = selectedSample.get();
        EsspRef e = essp.get();
        if (line == null || e == null) {
            return;
        }
        int id = line.row().id();
        int[] version = {0};
        executor.execute(BackgroundTask.wrap(() -> {
            version[0] = repository.deleteSample(id, line.row().version());
            return repository.samples(e.id());
        }).onSuccess(rows -> {
            history.wrote(SAMPLE, id, version[0]);
            history.record(i18n.get("complaints.undo.sampleDeleted", e.code()), deleteOrRestoreSample(id, false));
            samples.setAll(rows.stream().map(this::line).toList());
            newSample();
            status.set(i18n.get("complaints.status.sampleDeleted"));
            saved.run();
        }).onFailure(x -> status.set(i18n.get("complaints.error", Failures.reason(x, i18n)))));
    }

    private String message(ComplaintSampleRules.Code code) {
        return i18n.get(switch (code) {
            case REQUIRED -> "complaints.rule.required";
            case FUTURE -> "complaints.rule.future";
            case BEFORE_RECEIVED -> "complaints.rule.beforeReceived";
            case UNKNOWN_CODE -> "complaints.rule.unknownCode";
        });
    }

    // ------------------------------------------------------------------ properties

    /** The checklist and the sample form as the shell sees them before leaving the area or closing the window. */
    public UnsavedChanges unsavedChanges() {
        return unsaved;
    }

    /** Unsaved while the checklist or the sample form differs from what it last showed; saving writes each. */
    private final class Editors implements UnsavedChanges {
        private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(this, "unsaved");

        Editors() {
            any.bind(checklistBaseline.changedProperty().or(sampleBaseline.changedProperty()));
        }

        @Override
        public ReadOnlyBooleanProperty unsavedProperty() {
            return any.getReadOnlyProperty();
        }

        @Override
        public CompletionStage<Boolean> save() {
            CompletionStage<Boolean> checklist = checklistBaseline.isChanged() ? writeChecklist() : CompletableFuture.completedFuture(true);
            return checklist.thenCompose(ok -> {
                if (!ok || !sampleBaseline.isChanged()) {
                    return CompletableFuture.completedFuture(ok);
                }
                CompletionStage<Boolean> sample = writeSample();
                return sample == null ? CompletableFuture.completedFuture(false) : sample;
            });
        }

        @Override
        public void discard() {
            showSystem(system);
            showSample(selectedSample.get());
        }
    }

    public ObservableList<EsspRef> essps() {
        return essps;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<EsspRef> esspProperty() {
        return essp;
    }

    public String esspLabel(EsspRef e) {
        if (e == null) {
            return "";
        }
        String name = i18n.localName(e.nameFr(), e.nameAr());
        return switch (e.holder()) {
            case ESSP -> i18n.codeAndName(e.code(), name);
            case DELEGATION -> i18n.get("complaints.holder.delegationOf", name);
            case GST -> i18n.get("complaints.holder.gstOf", name);
        };
    }

    /** The level whose holders the list shows: ESSPs (default), délégations or GSTs. */
    public ObjectProperty<ComplaintRepository.Holder> levelProperty() {
        return level;
    }

    /** The level's name on screen. */
    public String levelLabel(ComplaintRepository.Holder holder) {
        return holder == null ? "" : i18n.get(switch (holder) {
            case ESSP -> "complaints.holder.essp";
            case DELEGATION -> "complaints.holder.delegation";
            case GST -> "complaints.holder.gst";
        });
    }

    /**
     * The heading of the checklist, naming the kind of unit whose system it is: the chosen holder's (an ESSP, a
     * délégation or a GST), or the level's while none is chosen.
     */
    public ReadOnlyStringProperty checklistTitleProperty() {
        return checklistTitle.getReadOnlyProperty();
    }

    private void showChecklistTitle() {
        ComplaintRepository.Holder holder = essp.get() != null ? essp.get().holder()
                : level.get() == null ? ComplaintRepository.Holder.ESSP : level.get();
        checklistTitle.set(i18n.get(switch (holder) {
            case ESSP -> "complaints.checklist.title";
            case DELEGATION -> "complaints.checklist.title.delegation";
            case GST -> "complaints.checklist.title.gst";
        }));
        searchPrompt.set(i18n.get(switch (level.get() == null ? ComplaintRepository.Holder.ESSP : level.get()) {
            case ESSP -> "complaints.search.prompt";
            case DELEGATION -> "complaints.search.prompt.delegation";
            case GST -> "complaints.search.prompt.gst";
        }));
    }

    /** The search field's prompt, naming the kind of unit the list shows. */
    public ReadOnlyStringProperty searchPromptProperty() {
        return searchPrompt.getReadOnlyProperty();
    }

    /** Whether the chosen holder takes sampled complaints: an ESSP (a délégation's or GST's system has none here). */
    public ReadOnlyBooleanProperty samplesAllowedProperty() {
        return samplesAllowed.getReadOnlyProperty();
    }

    public BooleanProperty item(Item item) {
        return items.get(item);
    }

    public StringProperty handledByProperty() {
        return handledBy;
    }

    public ReadOnlyStringProperty maturityProperty() {
        return maturity.getReadOnlyProperty();
    }

    public ObservableList<SampleLine> samples() {
        return samples;
    }

    public ObjectProperty<SampleLine> selectedSampleProperty() {
        return selectedSample;
    }

    public ObjectProperty<LocalDate> receivedProperty() {
        return received;
    }

    public ObjectProperty<FilterChoice> channelProperty() {
        return channel;
    }

    public ObjectProperty<FilterChoice> kindProperty() {
        return kind;
    }

    public ObjectProperty<FilterChoice> categoryProperty() {
        return category;
    }

    public ObjectProperty<LocalDate> acknowledgedProperty() {
        return acknowledged;
    }

    public ObjectProperty<LocalDate> closedProperty() {
        return closed;
    }

    public ObjectProperty<FilterChoice> outcomeProperty() {
        return outcome;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyStringProperty notesWarningProperty() {
        return notesWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty(Field field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public List<FilterChoice> channels() {
        return channels;
    }

    public List<FilterChoice> kinds() {
        return kinds;
    }

    public List<FilterChoice> categories() {
        return categories;
    }

    public List<FilterChoice> outcomes() {
        return outcomes;
    }
}
