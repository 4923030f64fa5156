package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.EditHistory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspEditRepository.DuplicateCandidate;
import ma.essp.diag.database.repository.EsspEditRepository.EsspDraft;
import ma.essp.diag.database.repository.EsspEditRepository.StoredEssp;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.database.repository.TerritoryRepository.Territory;
import ma.essp.diag.database.rules.EsspFormRules.Problem;
import ma.essp.diag.database.rules.EsspFormRules;

/**
 * The ESSP form: one property per field, one message per field (shown under it), validated when the user leaves
 * a field and again on save, which points at the first field in error instead of silently refusing. Saving runs
 * in the background: code uniqueness, then (for a new ESSP) duplicates, which the user confirms or not. The last
 * save can be undone; {@link #dirtyProperty()} drives the unsaved-changes guard.
 */
public final class EsspEditorViewModel implements UnsavedChanges {

    /** The fields that carry a message. */
    public enum Field { CODE, NAME, CATEGORY, PROVINCE, CIRCONSCRIPTION, LATITUDE, LONGITUDE, POPULATION, REASON }

    /** The form as values, to compare (dirty) and to restore (undo). */
    record Snapshot(String code, String nameFr, String nameAr, String category, String province, String circonscription,
                    String milieu, boolean deliveryUnit, String latitude, String longitude, String population,
                    String functionality, String reason, String openingHours, String address, String notes) {
    }

    private final EsspEditRepository repository;
    /** The code last proposed for a new ESSP (replaced when the province changes, unless the user typed another). */
    private String proposedCode;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final EditHistory lastEdit;
    /** The table whose rows this screen's history tracks. */
    static final String ESSP_TABLE = "essp";

    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty nameFr = new SimpleStringProperty(this, "nameFr", "");
    private final StringProperty nameAr = new SimpleStringProperty(this, "nameAr", "");
    private final ObjectProperty<FilterChoice> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<FilterChoice> province = new SimpleObjectProperty<>(this, "province");
    private final ObjectProperty<FilterChoice> circonscription = new SimpleObjectProperty<>(this, "circonscription");
    private final ObjectProperty<FilterChoice> milieu = new SimpleObjectProperty<>(this, "milieu");
    private final BooleanProperty deliveryUnit = new SimpleBooleanProperty(this, "deliveryUnit");
    private final StringProperty latitude = new SimpleStringProperty(this, "latitude", "");
    private final StringProperty longitude = new SimpleStringProperty(this, "longitude", "");
    private final StringProperty population = new SimpleStringProperty(this, "population", "");
    private final ObjectProperty<FilterChoice> functionality = new SimpleObjectProperty<>(this, "functionality");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty openingHours = new SimpleStringProperty(this, "openingHours", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyObjectWrapper<Field> firstInvalid = new ReadOnlyObjectWrapper<>(this, "firstInvalid");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ObservableList<DuplicateCandidate> duplicates = FXCollections.observableArrayList();

    private final ObservableList<FilterChoice> categories = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> provinces = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> circonscriptions = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> milieus = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> functionalities = FXCollections.observableArrayList();

    private Territory territory = new Territory(List.of(), List.of(), List.of(), List.of());
    private Map<String, Boolean> categoryDeliveryUnits = Map.of();
    /** Each province's map outline, by province id (read in the background; empty until then). */
    private Map<Integer, MapShape> outlines = Map.of();
    private Integer id;
    private Integer pendingEdit;
    private int version;
    private Snapshot loaded;
    private boolean duplicatesConfirmed;
    private IntConsumer onSaved = i -> { };
    /** The circonscription a new ESSP was asked in before the lists were read: chosen once they are. */
    private Integer pendingCirconscription;

    public EsspEditorViewModel(EsspEditRepository repository, TaskExecutor executor, I18n i18n, EditHistory lastEdit) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.lastEdit = lastEdit;
        for (Field f : Field.values()) {
            errors.put(f, new ReadOnlyStringWrapper(this, f.name().toLowerCase(java.util.Locale.ROOT) + "Error", ""));
        }
        milieus.setAll(FilterChoice.of(Vocabulary.MILIEU, i18n));
        functionalities.setAll(FilterChoice.of(Vocabulary.FUNCTIONALITY, i18n));
        province.addListener((obs, old, now) -> {
            refreshCirconscriptions();
            proposeCode(now);
            FilterChoice c = circonscription.get();
            if (c != null && circonscriptions.stream().noneMatch(x -> x.value().equals(c.value()))) {
                circonscription.set(null);
            }
        });
        circonscription.addListener((obs, old, now) -> {
            // one choice less to make: an ESSP is usually in the setting of its circonscription
            if (now != null && milieu.get() == null) {
                territory.circonscriptions().stream().filter(c -> String.valueOf(c.id()).equals(now.value())).findFirst()
                        .ifPresent(c -> milieu.set(find(milieus, c.milieu())));
            }
        });
        category.addListener((obs, old, now) -> {
            // a category with a delivery unit by definition has one; its milieu follows the category
            if (now != null && Boolean.TRUE.equals(categoryDeliveryUnits.get(now.value()))) {
                deliveryUnit.set(true);
            }
        });
        for (ObservableValue<?> p : List.of(code, nameFr, nameAr, category, province, circonscription, milieu, deliveryUnit,
                latitude, longitude, population, functionality, reason, openingHours, address, notes)) {
            p.addListener(o -> updateDirty());
        }
        clearToNew();
    }

    public void setOnSaved(IntConsumer onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** Reads the lists the form offers (provinces, circonscriptions, categories) in the background. */
    public void loadReferences(TerritoryRepository territories, EsspRepository essps) {
        executor.execute(BackgroundTask.wrap(() -> new Object[] {territories.load(), essps.categories(), repository.categoryDeliveryUnits(),
                        outlinesOf(territories.outlineCodes())})
                .onSuccess(r -> {
                    territory = (Territory) r[0];
                    @SuppressWarnings("unchecked")
                    List<EsspRepository.Category> cats = (List<EsspRepository.Category>) r[1];
                    @SuppressWarnings("unchecked")
                    Map<String, Boolean> units = (Map<String, Boolean>) r[2];
                    @SuppressWarnings("unchecked")
                    Map<Integer, MapShape> shapes = (Map<Integer, MapShape>) r[3];
                    setReferences(territory, cats, units);
                    setOutlines(shapes);
                })
                .onFailure(e -> status.set(i18n.get("registry.form.error.load", Failures.reason(e, i18n)))));
    }

    /** The shipped outline of each province (decoded once per run; called off the FX thread). */
    static Map<Integer, MapShape> outlinesOf(Map<Integer, String> outlineCodes) {
        Map<String, MapShape> byCode = new java.util.HashMap<>();
        MapOutlines.shipped().provinces().forEach(shape -> byCode.put(shape.isoCode(), shape));
        Map<Integer, MapShape> shapes = new java.util.HashMap<>();
        outlineCodes.forEach((province, code) -> {
            if (byCode.containsKey(code)) {
                shapes.put(province, byCode.get(code));
            }
        });
        return shapes;
    }

    void setOutlines(Map<Integer, MapShape> outlines) {
        this.outlines = Map.copyOf(outlines);
    }

    void setReferences(Territory territory, List<EsspRepository.Category> cats, Map<String, Boolean> units) {
        this.territory = territory;
        this.categoryDeliveryUnits = Map.copyOf(units);
        categories.setAll(cats.stream().map(c -> new FilterChoice(c.code(), c.code() + " — " + categoryLabel(c))).toList());
        provinces.setAll(territory.provinces().stream()
                .filter(p -> territory.provinces().stream().noneMatch(child -> Objects.equals(child.parentProvinceId(), p.id())))
                .sorted(java.util.Comparator.comparing(TerritoryRepository.Province::code))
                .map(p -> new FilterChoice(String.valueOf(p.id()), p.code() + " " + i18n.localName(p.nameFr(), p.nameAr())))
                .toList());
        refreshCirconscriptions();
        choosePendingCirconscription();
    }

    private String categoryLabel(EsspRepository.Category c) {
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> c.labelAr();
            case "en" -> c.labelEn();
            default -> c.labelFr();
        };
    }

    private void refreshCirconscriptions() {
        String p = province.get() == null ? null : province.get().value();
        circonscriptions.setAll(territory.circonscriptions().stream()
                .filter(c -> p != null && String.valueOf(c.provinceId()).equals(p))
                .map(c -> new FilterChoice(String.valueOf(c.id()), ma.essp.diag.app.i18n.CirconscriptionName.shortForm(i18n.localName(c.nameFr(), c.nameAr()))))
                .toList());
    }

    // ---- starting an edit

    /** An empty form for a new ESSP (Ctrl+N); keeps the chosen province and circonscription for fast entry. */
    public void newEssp() {
        FilterChoice keepProvince = province.get();
        FilterChoice keepCirconscription = circonscription.get();
        clearToNew();
        province.set(keepProvince);
        circonscription.set(keepCirconscription);
        loaded = snapshot();
        updateDirty();
    }

    /** An empty form for a new ESSP in the circonscription {@code circonscriptionId} (and its province). */
    public void newEsspIn(int circonscriptionId) {
        newEssp();
        pendingCirconscription = circonscriptionId;
        choosePendingCirconscription();
    }

    private void choosePendingCirconscription() {
        if (pendingCirconscription == null || id != null) {
            return;
        }
        int wanted = pendingCirconscription;
        territory.circonscriptions().stream().filter(c -> c.id() == wanted).findFirst().ifPresent(c -> {
            pendingCirconscription = null;
            province.set(find(provinces, String.valueOf(c.provinceId())));
            circonscription.set(find(circonscriptions, String.valueOf(c.id())));
            loaded = snapshot(); // where it goes is the starting point, not an unsaved edit
            updateDirty();
        });
    }

    private void clearToNew() {
        pendingEdit = null;
        id = null;
        version = 0;
        apply(new Snapshot("", "", "", null, null, null, null, false, "", "", "", "fully", "", "", "", ""));
        clearMessages();
        editing.set(false);
        title.set(i18n.get("registry.form.title.new"));
        loaded = snapshot();
        updateDirty();
    }

    /**
     * For a new ESSP, the next free code of the chosen province fills the code field (read in the background), as
     * long as the field is empty or still holds the previous proposal: a code the user typed is never replaced.
     */
    private void proposeCode(FilterChoice chosen) {
        if (id != null || chosen == null || !codeIsProposalOrEmpty()) {
            return;
        }
        int provinceId = Integer.parseInt(chosen.value());
        executor.execute(BackgroundTask.wrap(() -> repository.suggestCode(provinceId))
                .onSuccess(next -> {
                    if (id == null && province.get() == chosen && codeIsProposalOrEmpty()) {
                        // a form the user has not touched yet stays "unchanged" with the proposal in it
                        boolean untouched = !dirty.get();
                        proposedCode = next;
                        code.set(next);
                        if (untouched) {
                            loaded = snapshot();
                            updateDirty();
                        }
                    }
                }));
    }

    private boolean codeIsProposalOrEmpty() {
        String current = code.get();
        return current == null || current.isBlank() || current.equals(proposedCode);
    }

    /** Loads an ESSP into the form (in the background). */
    public void edit(int esspId) {
        pendingEdit = esspId;
        pendingCirconscription = null;
        executor.execute(BackgroundTask.wrap(() -> repository.find(esspId).orElseThrow())
                .onRunning(() -> busy.set(true))
                .onSuccess(stored -> {
                    // only the last ESSP asked for, and not after the user started a new one
                    if (Objects.equals(pendingEdit, esspId)) {
                        pendingEdit = null;
                        show(stored);
                    }
                })
                .onFailure(e -> status.set(i18n.get("registry.form.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> busy.set(false)));
    }

    void show(StoredEssp stored) {
        id = stored.id();
        version = stored.version();
        EsspDraft d = stored.values();
        Integer provinceId = territory.circonscriptions().stream().filter(c -> c.id() == d.circonscriptionId())
                .map(TerritoryRepository.Circonscription::provinceId).findFirst().orElse(null);
        apply(new Snapshot(d.code(), d.nameFr(), Objects.toString(d.nameAr(), ""), d.categoryCode(),
                provinceId == null ? null : String.valueOf(provinceId), String.valueOf(d.circonscriptionId()), d.milieu(),
                d.deliveryUnit(), decimal(d.latitude()), decimal(d.longitude()),
                d.populationServed() == null ? "" : String.valueOf(d.populationServed()), d.functionality(),
                Objects.toString(d.functionalityReason(), ""), Objects.toString(d.openingHours(), ""),
                Objects.toString(d.address(), ""), Objects.toString(d.notes(), "")));
        clearMessages();
        editing.set(true);
        title.set(i18n.get("registry.form.title.edit", d.code()));
        loaded = snapshot();
        updateDirty();
    }

    private static String decimal(Double d) {
        return d == null ? "" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Drops the unsaved changes (back to what was loaded). */
    public void revert() {
        apply(loaded);
        clearMessages();
        updateDirty();
    }

    @Override
    public ReadOnlyBooleanProperty unsavedProperty() {
        return dirtyProperty();
    }

    @Override
    public void discard() {
        revert();
    }

    // ---- validation

    /** Checks one field (called when the user leaves it); true when it is fine. */
    public boolean validate(Field field) {
        Optional<Problem> problem = switch (field) {
            case CODE -> EsspFormRules.code(code.get(), provinceDigits());
            case NAME -> EsspFormRules.name(nameFr.get());
            case CATEGORY -> EsspFormRules.category(valueOf(category), categories.stream().map(FilterChoice::value).toList());
            case PROVINCE -> EsspFormRules.province(intValue(province));
            case CIRCONSCRIPTION -> EsspFormRules.circonscription(intValue(circonscription), provinceOfCirconscription(), intValue(province));
            case LATITUDE -> EsspFormRules.latitude(latitude.get(), longitude.get());
            case LONGITUDE -> EsspFormRules.longitude(longitude.get(), latitude.get())
                    .or(() -> EsspFormRules.insideProvince(latitude.get(), longitude.get(), outline(), provinceName()));
            case POPULATION -> EsspFormRules.population(population.get());
            case REASON -> EsspFormRules.functionalityReason(valueOf(functionality), reason.get());
        };
        errors.get(field).set(problem.map(p -> i18n.get(messageKey(p.code()), p.args())).orElse(""));
        return problem.isEmpty();
    }

    /** The words of a rule's problem. */
    static String messageKey(EsspFormRules.Code code) {
        return switch (code) {
            case CODE_REQUIRED -> "registry.form.error.codeRequired";
            case CODE_FORMAT -> "registry.form.error.codeFormat";
            case CODE_PROVINCE -> "registry.form.error.codeProvince";
            case NAME_REQUIRED -> "registry.form.error.nameRequired";
            case CATEGORY_INVALID -> "registry.form.error.categoryInvalid";
            case PROVINCE_REQUIRED -> "registry.form.error.provinceRequired";
            case CIRCONSCRIPTION_REQUIRED -> "registry.form.error.circonscriptionRequired";
            case CIRCONSCRIPTION_PROVINCE -> "registry.form.error.circonscriptionProvince";
            case NOT_A_NUMBER -> "registry.form.error.notANumber";
            case COORDINATES_BOTH -> "registry.form.error.coordinatesBoth";
            case LATITUDE_OUTSIDE -> "registry.form.error.latitudeOutside";
            case LONGITUDE_OUTSIDE -> "registry.form.error.longitudeOutside";
            case OUTSIDE_PROVINCE -> "registry.form.error.outsideProvince";
            case POPULATION_NEGATIVE -> "registry.form.error.populationNegative";
            case POPULATION_NUMBER -> "registry.form.error.populationNumber";
            case REASON_REQUIRED -> "registry.form.error.reasonRequired";
        };
    }

    /** Checks every field; the first one in error becomes {@link #firstInvalidProperty()}. */
    public boolean validateAll() {
        Field first = null;
        int count = 0;
        for (Field f : Field.values()) {
            if (!validate(f)) {
                count++;
                if (first == null) {
                    first = f;
                }
            }
        }
        firstInvalid.set(null);
        firstInvalid.set(first);
        status.set(count == 0 ? "" : i18n.get("registry.form.status.invalid", count));
        return count == 0;
    }

    private MapShape outline() {
        Integer p = intValue(province);
        return p == null ? null : outlines.get(p);
    }

    private String provinceName() {
        Integer p = intValue(province);
        return p == null ? null : territory.provinces().stream().filter(x -> x.id() == p).findFirst()
                .map(x -> i18n.localName(x.nameFr(), x.nameAr())).orElse(null);
    }

    private String provinceDigits() {
        Integer p = intValue(province);
        return p == null ? null : territory.provinces().stream().filter(x -> x.id() == p).findFirst()
                .map(x -> x.code().replace(".", "")).orElse(null);
    }

    private Integer provinceOfCirconscription() {
        Integer c = intValue(circonscription);
        return c == null ? null : territory.circonscriptions().stream().filter(x -> x.id() == c).findFirst()
                .map(TerritoryRepository.Circonscription::provinceId).orElse(null);
    }

    // ---- saving

    /**
     * Validates, then writes in the background; a new ESSP that looks like an existing one waits for confirmation.
     * Completes with true once written, false when refused (field messages, duplicates to confirm, write error).
     */
    @Override
    public CompletionStage<Boolean> save() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (!validateAll()) {
            result.complete(false);
            return result;
        }
        EsspDraft draft = draft();
        Integer editingId = id;
        int editingVersion = version;
        boolean checkDuplicates = editingId == null && !duplicatesConfirmed;
        Snapshot before = loaded;
        executor.execute(BackgroundTask.wrap(() -> {
                    if (repository.codeTaken(draft.code(), editingId)) {
                        return SaveOutcome.takenCode();
                    }
                    if (checkDuplicates) {
                        List<DuplicateCandidate> found = repository.findDuplicates(draft.nameFr(), draft.circonscriptionId(),
                                draft.latitude(), draft.longitude(), null);
                        if (!found.isEmpty()) {
                            return SaveOutcome.duplicates(found);
                        }
                    }
                    if (editingId == null) {
                        int newId = repository.create(draft);
                        return SaveOutcome.saved(newId, 1);
                    }
                    return SaveOutcome.saved(editingId, repository.update(editingId, editingVersion, draft));
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(outcome -> result.complete(afterSave(outcome, editingId, before)))
                .onFailure(e -> {
                    status.set(e instanceof StaleEditException
                            ? i18n.get("registry.form.error.stale") : i18n.get("registry.form.error.save", Failures.reason(e, i18n)));
                    result.complete(false);
                })
                .onFinished(() -> busy.set(false)));
        return result;
    }

    /** Saves although duplicates were found. */
    public void confirmDuplicatesAndSave() {
        duplicatesConfirmed = true;
        save();
    }

    private record SaveOutcome(Integer id, int version, boolean codeTaken, List<DuplicateCandidate> duplicates) {
        static SaveOutcome takenCode() {
            return new SaveOutcome(null, 0, true, List.of());
        }

        static SaveOutcome duplicates(List<DuplicateCandidate> found) {
            return new SaveOutcome(null, 0, false, found);
        }

        static SaveOutcome saved(int id, int version) {
            return new SaveOutcome(id, version, false, List.of());
        }
    }

    /** True when written. */
    private boolean afterSave(SaveOutcome outcome, Integer editedId, Snapshot before) {
        if (outcome.codeTaken()) {
            errors.get(Field.CODE).set(i18n.get("registry.form.error.codeTaken"));
            firstInvalid.set(null);
            firstInvalid.set(Field.CODE);
            status.set(i18n.get("registry.form.status.invalid", 1));
            return false;
        }
        if (!outcome.duplicates().isEmpty()) {
            duplicates.setAll(outcome.duplicates());
            status.set(i18n.get("registry.form.status.duplicates", outcome.duplicates().size()));
            return false;
        }
        duplicates.clear();
        duplicatesConfirmed = false;
        int savedId = outcome.id();
        int savedVersion = outcome.version();
        String savedCode = code.get().strip();
        lastEdit.wrote(ESSP_TABLE, savedId, savedVersion);
        if (editedId == null) {
            lastEdit.record(i18n.get("registry.undo.create", savedCode), removeCreated(savedId));
        } else {
            lastEdit.record(i18n.get("registry.undo.edit", savedCode), writeBack(savedId, draftOf(before), draftOf(snapshot())));
        }
        id = savedId;
        version = savedVersion;
        editing.set(true);
        title.set(i18n.get("registry.form.title.edit", savedCode));
        loaded = snapshot();
        updateDirty();
        status.set(i18n.get("registry.form.status.saved", savedCode));
        onSaved.accept(savedId);
        return true;
    }

    /** Undoes a creation: deletes the new ESSP (soft, audited); its inverse restores it. */
    private EditHistory.Inverse removeCreated(int esspId) {
        return () -> {
            lastEdit.wrote(ESSP_TABLE, esspId, repository.softDelete(esspId, lastEdit.versionOf(ESSP_TABLE, esspId, 0)));
            return () -> {
                lastEdit.wrote(ESSP_TABLE, esspId, repository.restore(esspId, lastEdit.versionOf(ESSP_TABLE, esspId, 0)));
                return removeCreated(esspId);
            };
        };
    }

    /** Writes {@code values} back over ESSP {@code esspId} as this screen left it; its inverse writes {@code current}. */
    private EditHistory.Inverse writeBack(int esspId, EsspDraft values, EsspDraft current) {
        return () -> {
            lastEdit.wrote(ESSP_TABLE, esspId, repository.update(esspId, lastEdit.versionOf(ESSP_TABLE, esspId, 0), values));
            return writeBack(esspId, current, values);
        };
    }

    EsspDraft draft() {
        return draftOf(snapshot());
    }

    private EsspDraft draftOf(Snapshot s) {
        Double lat = EsspFormRules.parseDecimal(s.latitude());
        Double lon = EsspFormRules.parseDecimal(s.longitude());
        String m = s.milieu();
        if (m == null) {
            // default the milieu from the circonscription
            Integer c = s.circonscription() == null ? null : Integer.valueOf(s.circonscription());
            m = territory.circonscriptions().stream().filter(x -> c != null && x.id() == c).findFirst()
                    .map(TerritoryRepository.Circonscription::milieu).orElse("rural");
        }
        return new EsspDraft(s.code().strip(), s.nameFr().strip(), s.nameAr(), s.category(), Integer.parseInt(s.circonscription()), null, m,
                s.deliveryUnit(), lat, lon, EsspFormRules.parsePopulation(s.population()), s.functionality(), s.reason(),
                s.openingHours(), s.address(), s.notes());
    }

    // ---- state helpers

    Snapshot snapshot() {
        return new Snapshot(code.get(), nameFr.get(), nameAr.get(), valueOf(category), valueOf(province), valueOf(circonscription),
                valueOf(milieu), deliveryUnit.get(), latitude.get(), longitude.get(), population.get(), valueOf(functionality),
                reason.get(), openingHours.get(), address.get(), notes.get());
    }

    private void apply(Snapshot s) {
        code.set(s.code());
        nameFr.set(s.nameFr());
        nameAr.set(s.nameAr());
        category.set(find(categories, s.category()));
        province.set(find(provinces, s.province()));
        circonscription.set(find(circonscriptions, s.circonscription()));
        milieu.set(find(milieus, s.milieu()));
        deliveryUnit.set(s.deliveryUnit());
        latitude.set(s.latitude());
        longitude.set(s.longitude());
        population.set(s.population());
        functionality.set(find(functionalities, s.functionality()));
        reason.set(s.reason());
        openingHours.set(s.openingHours());
        address.set(s.address());
        notes.set(s.notes());
    }

    private static FilterChoice find(List<FilterChoice> choices, String value) {
        if (value == null) {
            return null;
        }
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElse(new FilterChoice(value, value));
    }

    private void updateDirty() {
        dirty.set(loaded != null && !normalised(snapshot()).equals(normalised(loaded)));
    }

    private static Snapshot normalised(Snapshot s) {
        return new Snapshot(n(s.code()), n(s.nameFr()), n(s.nameAr()), s.category(), s.province(), s.circonscription(), s.milieu(),
                s.deliveryUnit(), n(s.latitude()), n(s.longitude()), n(s.population()), s.functionality(), n(s.reason()),
                n(s.openingHours()), n(s.address()), n(s.notes()));
    }

    private static String n(String s) {
        return s == null ? "" : s.strip();
    }

    private void clearMessages() {
        errors.values().forEach(e -> e.set(""));
        duplicates.clear();
        duplicatesConfirmed = false;
        status.set("");
    }

    private static String valueOf(ObjectProperty<FilterChoice> p) {
        return p.get() == null ? null : p.get().value();
    }

    private static Integer intValue(ObjectProperty<FilterChoice> p) {
        return p.get() == null ? null : Integer.valueOf(p.get().value());
    }

    /** The translated words of a duplicate candidate. */
    public String describe(DuplicateCandidate d) {
        return switch (d.reason()) {
            case SAME_NAME_SAME_CIRCONSCRIPTION -> i18n.get("registry.form.duplicate.sameName", d.code(), d.nameFr());
            case WITHIN_200_M -> i18n.get("registry.form.duplicate.near", d.code(), d.nameFr(), Math.round(d.distanceMetres()));
        };
    }

    // ---- properties

    public Integer esspId() {
        return id;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameFrProperty() {
        return nameFr;
    }

    public StringProperty nameArProperty() {
        return nameAr;
    }

    public ObjectProperty<FilterChoice> categoryProperty() {
        return category;
    }

    public ObjectProperty<FilterChoice> provinceProperty() {
        return province;
    }

    public ObjectProperty<FilterChoice> circonscriptionProperty() {
        return circonscription;
    }

    public ObjectProperty<FilterChoice> milieuProperty() {
        return milieu;
    }

    public BooleanProperty deliveryUnitProperty() {
        return deliveryUnit;
    }

    public StringProperty latitudeProperty() {
        return latitude;
    }

    public StringProperty longitudeProperty() {
        return longitude;
    }

    public StringProperty populationProperty() {
        return population;
    }

    public ObjectProperty<FilterChoice> functionalityProperty() {
        return functionality;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty openingHoursProperty() {
        return openingHours;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Field> firstInvalidProperty() {
        return firstInvalid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ObservableList<DuplicateCandidate> duplicates() {
        return duplicates;
    }

    public ObservableList<FilterChoice> categories() {
        return categories;
    }

    public ObservableList<FilterChoice> provinces() {
        return provinces;
    }

    public ObservableList<FilterChoice> circonscriptions() {
        return circonscriptions;
    }

    public ObservableList<FilterChoice> milieus() {
        return milieus;
    }

    public ObservableList<FilterChoice> functionalities() {
        return functionalities;
    }

    static List<Field> fields() {
        return new ArrayList<>(List.of(Field.values()));
    }
}
