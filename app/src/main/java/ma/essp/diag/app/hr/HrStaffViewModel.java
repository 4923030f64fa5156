package ma.essp.diag.app.hr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.PositionDraft;
import ma.essp.diag.database.repository.StaffRepository.StoredPosition;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;

/**
 * The HR entry grid: pick a province, then an ESSP or a structure (délégation, DRS, SRES, circonscription office);
 * its positions are edited cell by cell (each change is a versioned update), rows are added or removed, and a block
 * copied from Excel is pasted in one transaction (all lines or none, each unreadable line reported).
 */
public final class HrStaffViewModel {

    public static final List<String> EMPLOYERS = List.of("ministry", "gst", "commune", "other");
    public static final List<String> STATUSES = List.of("filled", "vacant", "contract", "on_leave", "seconded");

    /** A column of the grid that can be edited. */
    public enum Column { CADRE, EMPLOYER, STATUS, FTE, GENDER, HOLDER, JOB_TITLE }

    private final StaffRepository staff;
    private final StructureRepository structures;
    private final TerritoryRepository territory;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<FilterChoice> provinces = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> owners = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> province = new SimpleObjectProperty<>(this, "province");
    private final ObjectProperty<FilterChoice> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObservableList<StoredPosition> positions = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> cadres = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Map<String, StaffRepository.Cadre> cadreByCode = new LinkedHashMap<>();

    private TerritoryRepository.Territory loaded;
    private Map<Integer, List<StructureRepository.Structure>> structuresByRegion = Map.of();

    public HrStaffViewModel(StaffRepository staff, StructureRepository structures, TerritoryRepository territory,
                            TaskExecutor executor, I18n i18n) {
        this.staff = staff;
        this.structures = structures;
        this.territory = territory;
        this.executor = executor;
        this.i18n = i18n;
        province.addListener((obs, old, now) -> refreshOwners());
        owner.addListener((obs, old, now) -> reload());
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
                .onFailure(e -> status.set(i18n.get("hr.error", String.valueOf(e.getMessage())))));
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
            if (s.provinceId() == null || s.provinceId() == provinceId) {
                list.add(new FilterChoice("s" + s.id(), i18n.get("hr.owner.structure", i18n.localName(s.nameFr(), s.nameAr()))));
            }
        }
        var circs = loaded.circonscriptions().stream().filter(c -> c.provinceId() == provinceId).map(c -> c.id()).toList();
        loaded.essps().stream().filter(e -> circs.contains(e.circonscriptionId()))
                .sorted(java.util.Comparator.comparing(TerritoryRepository.Essp::code))
                .forEach(e -> list.add(new FilterChoice("e" + e.id(), e.code() + " " + i18n.localName(e.nameFr(), e.nameAr()))));
        owners.setAll(list);
    }

    /** Reads the positions of the chosen ESSP or structure. */
    public void reload() {
        FilterChoice o = owner.get();
        if (o == null) {
            positions.clear();
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> o.value().startsWith("e")
                        ? staff.ofEssp(Integer.parseInt(o.value().substring(1)))
                        : staff.ofStructure(Integer.parseInt(o.value().substring(1))))
                .onSuccess(positions::setAll)
                .onFailure(e -> status.set(i18n.get("hr.error", String.valueOf(e.getMessage())))));
    }

    private Integer esspId() {
        return owner.get() != null && owner.get().value().startsWith("e") ? Integer.valueOf(owner.get().value().substring(1)) : null;
    }

    private Integer structureId() {
        return owner.get() != null && owner.get().value().startsWith("s") ? Integer.valueOf(owner.get().value().substring(1)) : null;
    }

    /** Adds a filled full-time nurse position, the most common row, for the user to adjust. */
    public void addRow() {
        if (owner.get() == null) {
            return;
        }
        PositionDraft d = new PositionDraft(esspId(), structureId(), "nurse", "ministry", "filled", 1, null, null, null, null);
        write(() -> staff.create(d), "hr.status.added");
    }

    public void deleteRow(StoredPosition p) {
        write(() -> staff.softDelete(p.id(), p.version()), "hr.status.deleted");
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
        write(() -> staff.update(p.id(), p.version(), d), "hr.status.saved");
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
            status.set(i18n.get("hr.paste.refused", result.errors().size(), first.line(), i18n.get(first.key(), first.value())));
            return;
        }
        Integer essp = esspId();
        Integer structure = structureId();
        List<PositionDraft> drafts = result.rows().stream().map(r -> new PositionDraft(essp, structure, r.cadreCode(), r.employer(),
                r.status(), r.fte(), r.gender(), r.holderName(), r.jobTitle(), r.notes())).toList();
        executor.execute(BackgroundTask.wrap(() -> staff.createAll(drafts))
                .onSuccess(ids -> {
                    status.set(i18n.get("hr.paste.done", ids.size()));
                    reload();
                })
                .onFailure(e -> status.set(i18n.get("hr.error", String.valueOf(e.getMessage())))));
    }

    private void write(java.util.concurrent.Callable<Integer> action, String doneKey) {
        executor.execute(BackgroundTask.wrap(action)
                .onSuccess(v -> {
                    status.set(i18n.get(doneKey));
                    reload();
                })
                .onFailure(e -> {
                    status.set(i18n.get("hr.error", String.valueOf(e.getMessage())));
                    reload();
                }));
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
        return switch (code) {
            case "vacant" -> i18n.get("hr.status.vacant");
            case "contract" -> i18n.get("hr.status.contract");
            case "on_leave" -> i18n.get("hr.status.on_leave");
            case "seconded" -> i18n.get("hr.status.seconded");
            default -> i18n.get("hr.status.filled");
        };
    }

    public String employerLabel(String code) {
        return switch (code) {
            case "gst" -> i18n.get("hr.employer.gst");
            case "commune" -> i18n.get("hr.employer.commune");
            case "other" -> i18n.get("hr.employer.other");
            default -> i18n.get("hr.employer.ministry");
        };
    }

    public String genderLabel(String code) {
        return code == null ? "" : "f".equals(code) ? i18n.get("hr.gender.f") : i18n.get("hr.gender.m");
    }

    public List<FilterChoice> statusChoices() {
        return STATUSES.stream().map(s -> new FilterChoice(s, statusLabel(s))).toList();
    }

    public List<FilterChoice> employerChoices() {
        return EMPLOYERS.stream().map(s -> new FilterChoice(s, employerLabel(s))).toList();
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
