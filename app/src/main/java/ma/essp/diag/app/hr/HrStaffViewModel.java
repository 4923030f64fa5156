package ma.essp.diag.app.hr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.PositionDraft;
import ma.essp.diag.database.repository.StaffRepository.StoredPosition;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.database.rules.StaffPasteParser;

/**
 * The HR entry grid: pick a province, then an ESSP or a structure (délégation, DRS, SRES, circonscription office);
 * its positions are edited cell by cell (each change is a versioned update), rows are added or removed, and a block
 * copied from Excel is pasted in one transaction (all lines or none, each unreadable line reported).
 */
public final class HrStaffViewModel {

    /** A column of the grid that can be edited. */
    public enum Column { CADRE, EMPLOYER, STATUS, FTE, GENDER, HOLDER, JOB_TITLE }

    private final StaffRepository staff;
    private final StructureRepository structures;
    private final TerritoryRepository territory;
    private final TaskExecutor executor;
    private final I18n i18n;
    /** The grid's added, deleted and edited positions, undone and redone with Ctrl+Z / Ctrl+Y. */
    private final EditHistory history;
    private static final String POSITIONS = "staff_position";
    private static final String TRAININGS = "staff_training";

    private final ObservableList<FilterChoice> provinces = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> owners = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> province = new SimpleObjectProperty<>(this, "province");
    private final ObjectProperty<FilterChoice> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObservableList<StoredPosition> positions = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> cadres = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<StoredPosition> selectedPosition = new SimpleObjectProperty<>(this, "selectedPosition");
    private final ObservableList<StaffRepository.Training> trainings = FXCollections.observableArrayList();
    private final Map<String, StaffRepository.Cadre> cadreByCode = new LinkedHashMap<>();

    private TerritoryRepository.Territory loaded;
    private Map<Integer, List<StructureRepository.Structure>> structuresByRegion = Map.of();

    public HrStaffViewModel(StaffRepository staff, StructureRepository structures, TerritoryRepository territory,
                            TaskExecutor executor, I18n i18n, EditHistory history) {
        this.history = history;
        this.staff = staff;
        this.structures = structures;
        this.territory = territory;
        this.executor = executor;
        this.i18n = i18n;
        province.addListener((obs, old, now) -> refreshOwners());
        owner.addListener((obs, old, now) -> reload());
        selectedPosition.addListener((obs, old, now) -> reloadTrainings());
    }

    public void load() {
        executor.execute(BackgroundTask.wrap(() -> {
                    var t = territory.load();
                    Map<Integer, List<StructureRepository.Structure>> byRegion = new LinkedHashMap<>();
                    for (var r : t.regions()) {
                        byRegion.put(r.id(), structures.ofRegion(r.id()));
                    }
                    return new Object[] {t, byRegion, staff.cadres()};
                })
                .onSuccess(r -> {
                    loaded = (TerritoryRepository.Territory) r[0];
                    @SuppressWarnings("unchecked")
                    Map<Integer, List<StructureRepository.Structure>> byRegion = (Map<Integer, List<StructureRepository.Structure>>) r[1];
                    structuresByRegion = byRegion;
                    @SuppressWarnings("unchecked")
                    List<StaffRepository.Cadre> list = (List<StaffRepository.Cadre>) r[2];
                    list.forEach(c -> cadreByCode.put(c.code(), c));
                    cadres.setAll(list.stream().map(c -> new FilterChoice(c.code(), cadreLabel(c.code()))).toList());
                    provinces.setAll(loaded.provinces().stream()
                            .sorted(java.util.Comparator.comparing(TerritoryRepository.Province::code))
                            .map(p -> new FilterChoice(String.valueOf(p.id()), p.code() + " " + i18n.localName(p.nameFr(), p.nameAr())))
                            .toList());
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    private void refreshOwners() {
        owners.clear();
        if (province.get() == null || loaded == null) {
            return;
        }
        int provinceId = Integer.parseInt(province.get().value());
        var p = loaded.provinces().stream().filter(x -> x.id() == provinceId).findFirst().orElseThrow();
        List<FilterChoice> list = new ArrayList<>();
        for (var s : structuresByRegion.getOrDefault(p.regionId(), List.of())) {
            // circonscription offices are offered per circonscription below, recorded or not yet
            if ((s.provinceId() == null || s.provinceId() == provinceId) && !"circonscription_office".equals(s.kind())) {
                list.add(new FilterChoice("s" + s.id(), i18n.get("hr.owner.structure", i18n.localName(s.nameFr(), s.nameAr()))));
            }
        }
        loaded.circonscriptions().stream().filter(c -> c.provinceId() == provinceId)
                .sorted(java.util.Comparator.comparing(TerritoryRepository.Circonscription::code))
                .forEach(c -> list.add(new FilterChoice("c" + c.id(),
                        i18n.get("hr.owner.circonscription", ma.essp.diag.app.i18n.CirconscriptionName.shortForm(i18n.localName(c.nameFr(), c.nameAr()))))));
        var circs = loaded.circonscriptions().stream().filter(c -> c.provinceId() == provinceId).map(c -> c.id()).toList();
        loaded.essps().stream().filter(e -> circs.contains(e.circonscriptionId()))
                .sorted(java.util.Comparator.comparing(TerritoryRepository.Essp::code))
                .forEach(e -> list.add(new FilterChoice("e" + e.id(), i18n.leftToRight(e.code()) + " " + i18n.localName(e.nameFr(), e.nameAr()))));
        owners.setAll(list);
    }

    /** Reads the positions of the chosen ESSP or structure. */
    public void reload() {
        FilterChoice o = owner.get();
        if (o == null) {
            positions.clear();
            selectedPosition.set(null);
            return;
        }
        int ownerId = Integer.parseInt(o.value().substring(1));
        executor.execute(BackgroundTask.wrap(() -> switch (o.value().charAt(0)) {
                    case 'e' -> staff.ofEssp(ownerId);
                    case 'c' -> structures.circonscriptionOffice(ownerId).map(s -> staff.ofStructure(s.id())).orElse(List.of());
                    default -> staff.ofStructure(ownerId);
                })
                .onSuccess(rows -> {
                    if (!Objects.equals(owner.get(), o)) {
                        return; // another ESSP or structure was chosen meanwhile
                    }
                    // the selected row survives a reload (its trainings stay shown)
                    Integer keep = selectedPosition.get() == null ? null : selectedPosition.get().id();
                    positions.setAll(rows);
                    selectedPosition.set(rows.stream().filter(r -> keep != null && r.id() == keep).findFirst().orElse(null));
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    private Integer esspId() {
        return owner.get() != null && owner.get().value().startsWith("e") ? Integer.valueOf(owner.get().value().substring(1)) : null;
    }

    /**
     * The structure the new positions go to, found in the background: the chosen structure, or the office of the
     * chosen circonscription (created on its first position); null for an ESSP.
     */
    private java.util.concurrent.Callable<Integer> structureId() {
        FilterChoice o = owner.get();
        if (o == null || o.value().startsWith("e")) {
            return () -> null;
        }
        int id = Integer.parseInt(o.value().substring(1));
        return o.value().startsWith("c") ? () -> structures.circonscriptionOfficeId(id) : () -> id;
    }

    /** Adds a filled full-time nurse position, the most common row, for the user to adjust. */
    public void addRow() {
        if (owner.get() == null) {
            return;
        }
        Integer essp = esspId();
        var structure = structureId();
        write(() -> {
            int id = staff.create(new PositionDraft(essp, structure.call(), "nurse", "ministry", "filled", 1, null, null, null, null));
            return new Written(id, 1, deleteOrRestore(id, true));
        }, "hr.status.added", "hr.undo.added");
    }

    public void deleteRow(StoredPosition p) {
        write(() -> new Written(p.id(), staff.softDelete(p.id(), p.version()), deleteOrRestore(p.id(), false)),
                "hr.status.deleted", "hr.undo.deleted");
    }

    /** A position written: its id, its version now, and what undoes the write. */
    private record Written(int id, int version, EditHistory.Inverse inverse) {
    }

    /** Deletes ({@code delete}) or restores position {@code id} as this grid left it; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestore(int id, boolean delete) {
        return () -> {
            int from = history.versionOf(POSITIONS, id, 0);
            history.wrote(POSITIONS, id, delete ? staff.softDelete(id, from) : staff.restore(id, from));
            return deleteOrRestore(id, !delete);
        };
    }

    /** Deletes ({@code delete}) or restores the pasted positions {@code ids} together; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestoreAll(List<Integer> ids, boolean delete) {
        return () -> {
            for (int id : ids) {
                int from = history.versionOf(POSITIONS, id, 0);
                history.wrote(POSITIONS, id, delete ? staff.softDelete(id, from) : staff.restore(id, from));
            }
            return deleteOrRestoreAll(ids, !delete);
        };
    }

    /** Deletes ({@code delete}) or restores training {@code id}; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestoreTraining(int id, boolean delete) {
        return () -> {
            int from = history.versionOf(TRAININGS, id, 0);
            history.wrote(TRAININGS, id, delete ? staff.deleteTraining(id, from) : staff.restoreTraining(id, from));
            return deleteOrRestoreTraining(id, !delete);
        };
    }

    /** After an undo or redo: the grid and the trainings of the selected position as they now are. */
    public void afterUndo() {
        reload();
        reloadTrainings();
    }

    /** Writes {@code values} back over position {@code id} as this grid left it; its inverse writes {@code current}. */
    private EditHistory.Inverse writeBack(int id, PositionDraft values, PositionDraft current) {
        return () -> {
            history.wrote(POSITIONS, id, staff.update(id, history.versionOf(POSITIONS, id, 0), values));
            return writeBack(id, current, values);
        };
    }

    /** One edited cell: writes the row with that value (refused values leave the row as it was, with a message). */
    public void edit(StoredPosition p, Column column, String value) {
        var v = p.values();
        String cadre = v.cadreCode();
        String employer = v.employer();
        String st = v.status();
        double fte = v.fte();
        String gender = v.gender();
        String holder = v.holderName();
        String job = v.jobTitle();
        switch (column) {
            case CADRE -> cadre = value;
            case EMPLOYER -> employer = value;
            case STATUS -> st = value;
            case FTE -> {
                try {
                    fte = Double.parseDouble(value.strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    fte = -1;
                }
                if (fte < 0 || fte > 1) {
                    status.set(i18n.get("hr.paste.error.fte", value));
                    reload();
                    return;
                }
            }
            case GENDER -> gender = value == null || value.isBlank() ? null : value;
            case HOLDER -> holder = value;
            case JOB_TITLE -> job = value;
        }
        PositionDraft d = new PositionDraft(v.esspId(), v.structureId(), cadre, employer, st, fte, gender, holder, job, v.notes());
        write(() -> new Written(p.id(), staff.update(p.id(), p.version(), d), writeBack(p.id(), v, d)), "hr.status.saved",
                "hr.undo.edited");
    }

    /** Pastes tab-separated rows copied from Excel into the chosen ESSP or structure. */
    public void paste(String clipboard) {
        if (owner.get() == null || clipboard == null || clipboard.isBlank()) {
            return;
        }
        Map<String, Collection<String>> names = new LinkedHashMap<>();
        cadreByCode.values().forEach(c -> names.put(c.code(), List.of(c.labelFr(), c.labelEn(), c.labelAr())));
        StaffPasteParser.Result result = new StaffPasteParser(names).parse(clipboard);
        if (!result.errors().isEmpty()) {
            var first = result.errors().getFirst();
            status.set(i18n.get("hr.paste.refused", result.errors().size(), first.line(), i18n.get(messageKey(first.problem()), first.value())));
            return;
        }
        Integer essp = esspId();
        var structureOf = structureId();
        executor.execute(BackgroundTask.wrap(() -> {
                    Integer structure = structureOf.call();
                    return staff.createAll(result.rows().stream().map(r -> new PositionDraft(essp, structure, r.cadreCode(),
                            r.employer(), r.status(), r.fte(), r.gender(), r.holderName(), r.jobTitle(), r.notes())).toList());
                })
                .onSuccess(ids -> {
                    ids.forEach(id -> history.wrote(POSITIONS, id, 1));
                    history.record(i18n.get("hr.undo.pasted", ids.size()), deleteOrRestoreAll(List.copyOf(ids), true));
                    status.set(i18n.get("hr.paste.done", ids.size()));
                    reload();
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    /** The words of a pasted line's problem. */
    static String messageKey(StaffPasteParser.Problem problem) {
        return switch (problem) {
            case CADRE -> "hr.paste.error.cadre";
            case EMPLOYER -> "hr.paste.error.employer";
            case STATUS -> "hr.paste.error.status";
            case FTE -> "hr.paste.error.fte";
            case GENDER -> "hr.paste.error.gender";
        };
    }

    private void write(java.util.concurrent.Callable<Written> action, String doneKey, String undoKey) {
        executor.execute(BackgroundTask.wrap(action)
                .onSuccess(written -> {
                    history.wrote(POSITIONS, written.id(), written.version());
                    history.record(i18n.get(undoKey), written.inverse());
                    status.set(i18n.get(doneKey));
                    reload();
                })
                .onFailure(e -> {
                    status.set(failure(e));
                    reload();
                }));
    }

    /** A position or training changed elsewhere since the grid loaded it: said so (nothing written); else the error. */
    private String failure(Throwable e) {
        return e instanceof StaleEditException ? i18n.get("error.stale") : i18n.get("hr.error", Failures.reason(e, i18n));
    }

    // ---- trainings received by the holder of the selected position

    private void reloadTrainings() {
        StoredPosition p = selectedPosition.get();
        if (p == null) {
            trainings.clear();
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> staff.trainings(p.id()))
                .onSuccess(list -> {
                    if (selectedPosition.get() != null && selectedPosition.get().id() == p.id()) {
                        trainings.setAll(list);
                    }
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    /**
     * Records a training received by the holder of the selected position: a title is required, the year (four
     * digits) and the hours (≥ 0, comma or point) may be left blank. False, with a message, when refused.
     */
    public boolean addTraining(String title, String topic, String year, String hours) {
        StoredPosition p = selectedPosition.get();
        if (p == null) {
            status.set(i18n.get("hr.training.error.noPosition"));
            return false;
        }
        if (title == null || title.isBlank()) {
            status.set(i18n.get("hr.training.error.title"));
            return false;
        }
        Integer y;
        Double h;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
            if (y != null && (y < 1950 || y > 2100)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.set(i18n.get("hr.training.error.year", year));
            return false;
        }
        try {
            h = hours == null || hours.isBlank() ? null : Double.valueOf(hours.strip().replace(',', '.'));
            if (h != null && (h < 0 || h.isNaN())) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.set(i18n.get("hr.training.error.hours", hours));
            return false;
        }
        String t = title.strip();
        String k = topic == null || topic.isBlank() ? null : topic.strip();
        executor.execute(BackgroundTask.wrap(() -> staff.addTraining(p.id(), t, k, y, h))
                .onSuccess(id -> {
                    history.wrote(TRAININGS, id, 1);
                    history.record(i18n.get("hr.undo.trainingAdded", t), deleteOrRestoreTraining(id, true));
                    status.set(i18n.get("hr.training.added", t));
                    reloadTrainings();
                    reload();
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
        return true;
    }

    public void deleteTraining(StaffRepository.Training training) {
        executor.execute(BackgroundTask.wrap(() -> staff.deleteTraining(training.id(),
                        history.versionOf(TRAININGS, training.id(), training.version())))
                .onSuccess(v -> {
                    history.wrote(TRAININGS, training.id(), v);
                    history.record(i18n.get("hr.undo.trainingDeleted", training.title()), deleteOrRestoreTraining(training.id(), false));
                    status.set(i18n.get("hr.training.deleted", training.title()));
                    reloadTrainings();
                    reload();
                })
                .onFailure(e -> {
                    status.set(failure(e));
                    reloadTrainings();
                }));
    }

    /** The position whose trainings are shown (the grid's selected row). */
    public ObjectProperty<StoredPosition> selectedPositionProperty() {
        return selectedPosition;
    }

    public ObservableList<StaffRepository.Training> trainings() {
        return trainings;
    }

    /** Hours of training as written in the current language. */
    public String hours(double h) {
        java.util.Locale numbers = i18n.rightToLeft() ? java.util.Locale.forLanguageTag("ar-MA-u-nu-latn") : i18n.locale();
        return java.text.NumberFormat.getNumberInstance(numbers).format(h);
    }

    public String cadreLabel(String code) {
        var c = cadreByCode.get(code);
        if (c == null) {
            return code;
        }
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> c.labelAr();
            case "en" -> c.labelEn();
            default -> c.labelFr();
        };
    }

    public String statusLabel(String code) {
        return i18n.code(Vocabulary.STAFF_STATUS, code);
    }

    public String employerLabel(String code) {
        return i18n.code(Vocabulary.EMPLOYER, code);
    }

    public String genderLabel(String code) {
        return i18n.code(Vocabulary.GENDER, code);
    }

    public List<FilterChoice> statusChoices() {
        return FilterChoice.of(Vocabulary.STAFF_STATUS, i18n);
    }

    public List<FilterChoice> employerChoices() {
        return FilterChoice.of(Vocabulary.EMPLOYER, i18n);
    }

    public List<FilterChoice> genderChoices() {
        return List.of(new FilterChoice("", "—"), new FilterChoice("f", genderLabel("f")), new FilterChoice("m", genderLabel("m")));
    }

    public ObservableList<FilterChoice> provinces() {
        return provinces;
    }

    public ObservableList<FilterChoice> owners() {
        return owners;
    }

    public ObjectProperty<FilterChoice> provinceProperty() {
        return province;
    }

    public ObjectProperty<FilterChoice> ownerProperty() {
        return owner;
    }

    public ObservableList<StoredPosition> positions() {
        return positions;
    }

    public ObservableList<FilterChoice> cadres() {
        return cadres;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
