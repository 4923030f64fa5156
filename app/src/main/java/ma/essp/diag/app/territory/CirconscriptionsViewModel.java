package ma.essp.diag.app.territory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.app.ui.UnsavedChangesGuard;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Comparison;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.FunctionHeld;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Visit;
import ma.essp.diag.database.repository.CirconscriptionRepository;
import ma.essp.diag.database.repository.CirconscriptionRepository.CirconscriptionDraft;
import ma.essp.diag.database.repository.CirconscriptionRepository.StoredCirconscription;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.TerritoryRepository;

/**
 * The circonscriptions of a province (ToR axis 4): create, rename, head and seat, delete (a province keeps two or
 * more), move ESSPs between them; for the selected one, the functions it actually holds and its supervision visits;
 * and the comparison of the province's circonscriptions for a year.
 */
public final class CirconscriptionsViewModel {

    /** The table whose rows the undo history follows. */
    private static final String CIRCONSCRIPTION = "circonscription";

    private final CirconscriptionRepository circonscriptions;
    private final CirconscriptionOrganisationRepository organisation;
    private final TerritoryRepository territory;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<FilterChoice> provinces = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> province = new SimpleObjectProperty<>(this, "province");
    private final ObservableList<StoredCirconscription> list = FXCollections.observableArrayList();
    private final ObjectProperty<StoredCirconscription> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty nameFr = new SimpleStringProperty(this, "nameFr", "");
    private final StringProperty nameAr = new SimpleStringProperty(this, "nameAr", "");
    private final ObjectProperty<FilterChoice> milieu = new SimpleObjectProperty<>(this, "milieu");
    private final StringProperty coverage = new SimpleStringProperty(this, "coverage", "");
    private final StringProperty seat = new SimpleStringProperty(this, "seat", "");
    private final StringProperty head = new SimpleStringProperty(this, "head", "");
    private final StringProperty population = new SimpleStringProperty(this, "population", "");
    private final ObservableList<FilterChoice> milieus = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ObservableList<TerritoryRepository.Essp> essps = FXCollections.observableArrayList();
    private final ObservableList<CirconscriptionRepository.Commune> communes = FXCollections.observableArrayList();
    private List<CirconscriptionRepository.Commune> provinceCommunes = List.of();
    private final ObjectProperty<FilterChoice> moveTarget = new SimpleObjectProperty<>(this, "moveTarget");
    private final ObservableList<FilterChoice> targets = FXCollections.observableArrayList();
    private final ObservableList<FunctionHeld> functions = FXCollections.observableArrayList();
    private final ObservableList<Visit> visits = FXCollections.observableArrayList();
    private final ObservableList<Comparison> comparison = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>(this, "year", LocalDate.now().getYear());
    private final ObjectProperty<LocalDate> visitDate = new SimpleObjectProperty<>(this, "visitDate");
    private final ObjectProperty<TerritoryRepository.Essp> visitEssp = new SimpleObjectProperty<>(this, "visitEssp");
    private final StringProperty visitSupervisor = new SimpleStringProperty(this, "visitSupervisor", "");
    private final StringProperty visitFindings = new SimpleStringProperty(this, "visitFindings", "");
    private final ObjectProperty<Visit> editedVisit = new SimpleObjectProperty<>(this, "editedVisit");
    private final ReadOnlyStringWrapper visitAction = new ReadOnlyStringWrapper(this, "visitAction");

    private TerritoryRepository.Territory loaded;
    /** The circonscription form and the visit form as last shown or saved: what "unsaved" compares with. */
    private final ReadOnlyBooleanWrapper formUnsaved = new ReadOnlyBooleanWrapper(this, "formUnsaved");
    private final ReadOnlyBooleanWrapper visitUnsaved = new ReadOnlyBooleanWrapper(this, "visitUnsaved");
    private List<String> formShown = List.of();
    private List<String> visitShown = List.of();
    private final UnsavedChangesGuard guard;
    private final EditHistory history;
    private UnsavedChanges editors;

    public CirconscriptionsViewModel(CirconscriptionRepository circonscriptions, CirconscriptionOrganisationRepository organisation,
                                     TerritoryRepository territory, TaskExecutor executor, I18n i18n, DialogService dialogs) {
        this.circonscriptions = circonscriptions;
        this.organisation = organisation;
        this.territory = territory;
        this.executor = executor;
        this.i18n = i18n;
        this.guard = new UnsavedChangesGuard(dialogs, () -> i18n);
        this.history = new EditHistory(executor);
        history.setAfterUndo(this::reloadProvince);
        milieus.setAll(FilterChoice.of(Vocabulary.MILIEU, i18n));
        province.addListener((obs, old, now) -> reloadProvince());
        selected.addListener((obs, old, now) -> showSelected());
        year.addListener((obs, old, now) -> reloadComparison());
        visitAction.bind(javafx.beans.binding.Bindings.when(editedVisit.isNull())
                .then(i18n.get("territory.circ.addVisit")).otherwise(i18n.get("territory.circ.visit.saveEdit")));
        for (javafx.beans.Observable p : List.of(code, nameFr, nameAr, milieu, coverage, seat, head, population)) {
            p.addListener(o -> formUnsaved.set(!formValues().equals(formShown)));
        }
        for (javafx.beans.Observable p : List.of(visitDate, visitEssp, visitSupervisor, visitFindings)) {
            p.addListener(o -> visitUnsaved.set(!visitValues().equals(visitShown)));
        }
        markFormShown();
        markVisitShown();
    }

    private List<String> formValues() {
        return List.of(code.get().strip(), nameFr.get().strip(), nameAr.get().strip(), milieu.get() == null ? "" : milieu.get().value(),
                coverage.get().strip(), seat.get().strip(), head.get().strip(), population.get().strip());
    }

    private void markFormShown() {
        formShown = formValues();
        formUnsaved.set(false);
    }

    private List<String> visitValues() {
        return List.of(Objects.toString(visitDate.get(), ""), visitEssp.get() == null ? "" : String.valueOf(visitEssp.get().id()),
                visitSupervisor.get().strip(), visitFindings.get().strip());
    }

    private void markVisitShown() {
        visitShown = visitValues();
        visitUnsaved.set(false);
    }

    /**
     * The two editors of the screen for the unsaved-changes question: the circonscription form and the visit form
     * (the functions table writes each cell at once).
     */
    public UnsavedChanges unsavedChanges() {
        if (editors == null) {
            editors = editors();
        }
        return editors;
    }

    /**
     * Shows another circonscription in the form, once unsaved edits of the form or the visit form are saved or
     * discarded (the unsaved-changes question); {@code stay} runs when the user stays (the list puts its highlight
     * back on the circonscription shown).
     */
    public void choose(StoredCirconscription circonscription, Runnable stay) {
        StoredCirconscription shown = selected.get();
        if (circonscription == null || shown != null && shown.id() == circonscription.id()) {
            return;
        }
        guard.leave(unsavedChanges(), () -> selected.set(list.stream().filter(c -> c.id() == circonscription.id())
                .findFirst().orElse(circonscription)), stay);
    }

    private UnsavedChanges editors() {
        return UnsavedChanges.anyOf(List.of(
                editor(formUnsaved, this::save, () -> {
                    showSelected();
                    message.set("");
                }),
                editor(visitUnsaved, this::saveVisit, () -> {
                    if (editedVisit.get() != null) {
                        editVisit(editedVisit.get());
                    } else {
                        cancelVisitEdit();
                    }
                })));
    }

    private static UnsavedChanges editor(ReadOnlyBooleanWrapper unsaved, java.util.function.Supplier<CompletionStage<Boolean>> save,
                                         Runnable discard) {
        return new UnsavedChanges() {
            @Override
            public javafx.beans.property.ReadOnlyBooleanProperty unsavedProperty() {
                return unsaved.getReadOnlyProperty();
            }

            @Override
            public CompletionStage<Boolean> save() {
                return save.get();
            }

            @Override
            public void discard() {
                discard.run();
            }
        };
    }

    public void load() {
        executor.execute(BackgroundTask.wrap(territory::load)
                .onSuccess(t -> {
                    loaded = t;
                    // circonscriptions hang under provinces that are not split into préfectures d'arrondissements
                    provinces.setAll(t.provinces().stream()
                            .filter(p -> t.provinces().stream().noneMatch(c -> Objects.equals(c.parentProvinceId(), p.id())))
                            .sorted(java.util.Comparator.comparing(TerritoryRepository.Province::code))
                            .map(p -> new FilterChoice(String.valueOf(p.id()), p.code() + " " + i18n.localName(p.nameFr(), p.nameAr())))
                            .toList());
                })
                .onFailure(this::fail));
    }

    private Integer provinceId() {
        return province.get() == null ? null : Integer.valueOf(province.get().value());
    }

    /** Reads the province's circonscriptions, its ESSPs and the comparison. */
    public void reloadProvince() {
        Integer p = provinceId();
        if (p == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> new Object[] {circonscriptions.ofProvince(p), territory.load(),
                        circonscriptions.communesOfProvince(p)})
                .onSuccess(r -> {
                    if (!Objects.equals(provinceId(), p)) {
                        return; // another province was chosen meanwhile: its own load shows it
                    }
                    @SuppressWarnings("unchecked")
                    List<StoredCirconscription> rows = (List<StoredCirconscription>) r[0];
                    loaded = (TerritoryRepository.Territory) r[1];
                    @SuppressWarnings("unchecked")
                    List<CirconscriptionRepository.Commune> communesOfProvince = (List<CirconscriptionRepository.Commune>) r[2];
                    provinceCommunes = communesOfProvince;
                    // the circonscription shown when the rows arrive (another may have been chosen since the reload began)
                    Integer keep = selected.get() == null ? null : selected.get().id();
                    list.setAll(rows);
                    targets.setAll(rows.stream().map(c -> new FilterChoice(String.valueOf(c.id()),
                            ma.essp.diag.app.i18n.CirconscriptionName.shortForm(i18n.localName(c.values().nameFr(), c.values().nameAr())))).toList());
                    selected.set(rows.stream().filter(c -> keep != null && c.id() == keep).findFirst().orElse(null));
                    showSelected();
                    reloadComparison();
                })
                .onFailure(this::fail));
    }

    private void showSelected() {
        StoredCirconscription c = selected.get();
        if (editedVisit.get() != null && (c == null || editedVisit.get().circonscriptionId() != c.id())) {
            cancelVisitEdit();
        }
        if (c == null) {
            clearForm();
            essps.clear();
            communes.clear();
            functions.clear();
            visits.clear();
            return;
        }
        var v = c.values();
        code.set(v.code());
        nameFr.set(v.nameFr());
        nameAr.set(Objects.toString(v.nameAr(), ""));
        milieu.set(milieus.stream().filter(m -> m.value().equals(v.milieu())).findFirst().orElse(null));
        coverage.set(Objects.toString(v.coverage(), ""));
        seat.set(Objects.toString(v.seat(), ""));
        head.set(Objects.toString(v.headName(), ""));
        population.set(v.population() == null ? "" : String.valueOf(v.population()));
        markFormShown();
        if (loaded != null) {
            essps.setAll(loaded.essps().stream().filter(e -> e.circonscriptionId() == c.id()).toList());
        }
        communes.setAll(provinceCommunes.stream().filter(m -> m.circonscriptionId() != null && m.circonscriptionId() == c.id()).toList());
        int id = c.id();
        executor.execute(BackgroundTask.wrap(() -> new Object[] {organisation.functions(id), organisation.visits(id)})
                .onSuccess(r -> {
                    if (selected.get() == null || selected.get().id() != id) {
                        return; // another circonscription was chosen meanwhile
                    }
                    @SuppressWarnings("unchecked")
                    List<FunctionHeld> held = (List<FunctionHeld>) r[0];
                    @SuppressWarnings("unchecked")
                    List<Visit> v2 = (List<Visit>) r[1];
                    // every function shows, entered or not
                    functions.setAll(java.util.Arrays.stream(Function.values())
                            .map(f -> held.stream().filter(h -> h.function() == f).findFirst()
                                    .orElse(new FunctionHeld(0, 0, f, null, null, null, null)))
                            .toList());
                    visits.setAll(v2);
                })
                .onFailure(this::fail));
    }

    private void reloadComparison() {
        Integer p = provinceId();
        if (p == null) {
            return;
        }
        int y = year.get();
        executor.execute(BackgroundTask.wrap(() -> organisation.compare(p, y))
                .onSuccess(rows -> {
                    if (Objects.equals(provinceId(), p) && year.get() == y) {
                        comparison.setAll(rows);
                    }
                })
                .onFailure(this::fail));
    }

    /** An empty form for a new circonscription of the chosen province. */
    public void newCirconscription() {
        selected.set(null);
        clearForm();
        message.set("");
    }

    private void clearForm() {
        code.set("");
        nameFr.set("");
        nameAr.set("");
        milieu.set(milieus.getFirst());
        coverage.set("");
        seat.set("");
        head.set("");
        population.set("");
        markFormShown();
    }

    /** Creates or updates the circonscription of the form; completes with true once written, false when refused. */
    public CompletionStage<Boolean> save() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Integer p = provinceId();
        if (p == null) {
            message.set(i18n.get("registry.form.error.provinceRequired"));
            result.complete(false);
            return result;
        }
        if (code.get().isBlank() || nameFr.get().isBlank()) {
            message.set(i18n.get("territory.circ.error.required"));
            result.complete(false);
            return result;
        }
        Integer pop;
        try {
            pop = population.get().isBlank() ? null : Integer.valueOf(population.get().strip().replace(" ", ""));
            if (pop != null && pop < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            message.set(i18n.get("registry.form.error.populationNumber"));
            result.complete(false);
            return result;
        }
        CirconscriptionDraft d = new CirconscriptionDraft(p, code.get().strip(), nameFr.get().strip(), blank(nameAr.get()),
                milieu.get() == null ? "rural" : milieu.get().value(), blank(coverage.get()), blank(seat.get()), blank(head.get()), pop, null);
        StoredCirconscription s = selected.get();
        executor.execute(BackgroundTask.wrap(() -> {
                    if (s == null) {
                        int id = circonscriptions.create(d);
                        return new Written(id, circonscriptions.find(id).orElseThrow().version(), deleteOrRestore(id, true));
                    }
                    return new Written(s.id(), circonscriptions.update(s.id(), history.versionOf(CIRCONSCRIPTION, s.id(), s.version()), d),
                            writeBack(s.id(), s.values(), d));
                })
                .onSuccess(w -> {
                    history.wrote(CIRCONSCRIPTION, w.id(), w.version());
                    history.record(i18n.get(s == null ? "territory.circ.undo.create" : "territory.circ.undo.edit", d.nameFr()),
                            w.inverse());
                    message.set(i18n.get("territory.circ.saved", d.nameFr()));
                    markFormShown();
                    reloadProvince();
                    result.complete(true);
                })
                .onFailure(e -> {
                    fail(e);
                    result.complete(false);
                }));
        return result;
    }

    /** A write of the form: the row, the version it left, and what undoes it. */
    private record Written(int id, int version, EditHistory.Inverse inverse) {
    }

    /** Puts circonscription {@code id} back to {@code back} from the version this screen left; its inverse redoes {@code forward}. */
    private EditHistory.Inverse writeBack(int id, CirconscriptionDraft back, CirconscriptionDraft forward) {
        return () -> {
            history.wrote(CIRCONSCRIPTION, id, circonscriptions.update(id, history.versionOf(CIRCONSCRIPTION, id, 0), back));
            return writeBack(id, forward, back);
        };
    }

    /** Deletes ({@code delete}) or restores circonscription {@code id}; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestore(int id, boolean delete) {
        return () -> {
            int from = history.versionOf(CIRCONSCRIPTION, id, 0);
            history.wrote(CIRCONSCRIPTION, id, delete ? circonscriptions.softDelete(id, from) : circonscriptions.restore(id, from));
            return deleteOrRestore(id, !delete);
        };
    }

    /** The circonscription saves and deletions of this screen, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() {
        return history;
    }

    /** Soft-deletes the selected circonscription; refused (with the rule) when the province would keep fewer than two. */
    public void delete() {
        StoredCirconscription s = selected.get();
        if (s == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> circonscriptions.softDelete(s.id(), history.versionOf(CIRCONSCRIPTION, s.id(), s.version())))
                .onSuccess(v -> {
                    history.wrote(CIRCONSCRIPTION, s.id(), v);
                    history.record(i18n.get("territory.circ.undo.delete", s.values().nameFr()), deleteOrRestore(s.id(), false));
                    message.set(i18n.get("territory.circ.deleted", s.values().nameFr()));
                    selected.set(null);
                    reloadProvince();
                })
                .onFailure(this::fail));
    }

    /**
     * Moves the given ESSPs of the selected circonscription (as listed, with the versions listed) to the chosen
     * target, all or none: one changed elsewhere meanwhile moves nothing and is named.
     */
    public void moveEssps(List<TerritoryRepository.Essp> listed) {
        if (listed.isEmpty() || moveTarget.get() == null) {
            return;
        }
        int target = Integer.parseInt(moveTarget.get().value());
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        listed.forEach(e -> {
            versions.put(e.id(), e.version());
            names.put(e.id(), e.code() + " " + i18n.localName(e.nameFr(), e.nameAr()));
        });
        executor.execute(BackgroundTask.wrap(() -> circonscriptions.moveEssps(versions, target))
                .onSuccess(n -> {
                    message.set(i18n.get("territory.circ.moved", n, moveTarget.get().label()));
                    reloadProvince();
                })
                .onFailure(e -> failMove(e, names)));
    }

    /**
     * Moves the given communes of the selected circonscription (with the versions listed) to the chosen target; their
     * ESSPs follow them. All or none: one commune changed elsewhere meanwhile moves nothing and is named.
     */
    public void moveCommunes(List<CirconscriptionRepository.Commune> listed) {
        if (listed.isEmpty() || moveTarget.get() == null) {
            return;
        }
        int target = Integer.parseInt(moveTarget.get().value());
        String label = moveTarget.get().label();
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        listed.forEach(c -> {
            versions.put(c.id(), c.version());
            names.put(c.id(), i18n.localName(c.nameFr(), c.nameAr()));
        });
        executor.execute(BackgroundTask.wrap(() -> circonscriptions.moveCommunes(versions, target))
                .onSuccess(n -> {
                    message.set(i18n.get("territory.circ.communesMoved", n, label));
                    reloadProvince();
                })
                .onFailure(e -> failMove(e, names)));
    }

    /** A move refused because a listed row changed meanwhile names that row (nothing moved); else as {@link #fail}. */
    private void failMove(Throwable e, Map<Integer, String> names) {
        if (e instanceof StaleEditException stale && names.containsKey(stale.id())) {
            message.set(i18n.get("territory.circ.move.stale", names.get(stale.id())));
            reloadProvince();
        } else {
            fail(e);
        }
    }

    /** Records what the team found about one function of the selected circonscription. */
    public void saveFunction(FunctionHeld row, String held, String holder, Double staffCount) {
        StoredCirconscription s = selected.get();
        if (s == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> organisation.saveFunction(s.id(), row.function(),
                        row.id() == 0 ? null : Integer.valueOf(row.version()), held == null ? "not_held" : held,
                        holder, staffCount, row.notes()))
                .onSuccess(id -> {
                    showSelected();
                    reloadComparison();
                })
                .onFailure(this::fail));
    }

    /** Adds a visit; completes with true once written, false when refused. */
    public CompletionStage<Boolean> addVisit(LocalDate date, Integer esspId, String supervisor, String findings) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        StoredCirconscription s = selected.get();
        if (s == null || date == null || esspId == null) {
            message.set(i18n.get("territory.circ.error.visit"));
            result.complete(false);
            return result;
        }
        executor.execute(BackgroundTask.wrap(() -> organisation.addVisit(s.id(), esspId, date, blank(supervisor), blank(findings)))
                .onSuccess(id -> {
                    message.set(i18n.get("territory.circ.visitAdded"));
                    visitFindings.set("");
                    // date, ESSP and supervisor stay for the next visit: a prefill, not an unsaved edit
                    markVisitShown();
                    showSelected();
                    reloadComparison();
                    result.complete(true);
                })
                .onFailure(e -> {
                    fail(e);
                    result.complete(false);
                }));
        return result;
    }

    /** Puts a visit in the visit form to correct it; the form's button then saves the correction. Null: back to adding. */
    public void editVisit(Visit visit) {
        if (visit == null) {
            cancelVisitEdit();
            return;
        }
        editedVisit.set(visit);
        visitDate.set(visit.visitedOn());
        visitEssp.set(essps.stream().filter(e -> e.id() == visit.esspId()).findFirst().orElse(null));
        visitSupervisor.set(Objects.toString(visit.supervisor(), ""));
        visitFindings.set(Objects.toString(visit.findings(), ""));
        markVisitShown();
        message.set("");
    }

    /** Leaves the correction of a visit without saving: the form is empty and adds again. */
    public void cancelVisitEdit() {
        editedVisit.set(null);
        visitDate.set(null);
        visitEssp.set(null);
        visitSupervisor.set("");
        visitFindings.set("");
        markVisitShown();
    }

    /** The visit form's button: adds a visit, or saves the correction of the visit being edited (true once written). */
    public CompletionStage<Boolean> saveVisit() {
        Visit edited = editedVisit.get();
        Integer esspId = visitEssp.get() == null ? null : visitEssp.get().id();
        if (edited == null) {
            return addVisit(visitDate.get(), esspId, visitSupervisor.get(), visitFindings.get());
        }
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        LocalDate date = visitDate.get();
        if (date == null || esspId == null) {
            message.set(i18n.get("territory.circ.error.visit"));
            result.complete(false);
            return result;
        }
        String supervisor = blank(visitSupervisor.get());
        String findings = blank(visitFindings.get());
        executor.execute(BackgroundTask.wrap(() -> organisation.updateVisit(edited.id(), edited.version(), esspId, date, supervisor, findings))
                .onSuccess(v -> {
                    message.set(i18n.get("territory.circ.visit.updated"));
                    cancelVisitEdit();
                    showSelected();
                    reloadComparison();
                    result.complete(true);
                })
                .onFailure(e -> {
                    failVisit(e);
                    result.complete(false);
                }));
        return result;
    }

    /** Removes a visit entered by mistake (soft delete); the comparison follows. */
    public void deleteVisit(Visit visit) {
        executor.execute(BackgroundTask.wrap(() -> organisation.deleteVisit(visit.id(), visit.version()))
                .onSuccess(v -> {
                    message.set(i18n.get("territory.circ.visitDeleted"));
                    if (editedVisit.get() != null && editedVisit.get().id() == visit.id()) {
                        cancelVisitEdit();
                    }
                    showSelected();
                    reloadComparison();
                })
                .onFailure(this::failVisit));
    }

    /** A visit changed or deleted by someone else meanwhile: said so, the form leaves the correction, the list reloads. */
    private void failVisit(Throwable e) {
        if (e instanceof StaleEditException) {
            message.set(i18n.get("territory.circ.visit.stale"));
            cancelVisitEdit();
            showSelected();
            reloadComparison();
        } else {
            fail(e);
        }
    }

    private void fail(Throwable e) {
        if (e instanceof EditRuleException rule) {
            message.set(switch (rule.rule()) {
                case "circonscription.minimum-per-province" -> i18n.get("territory.circ.rule.minimum");
                case "circonscription.has-essps" -> i18n.get("territory.circ.rule.hasEssps");
                case "circonscription.other-province" -> i18n.get("territory.circ.rule.otherProvince");
                case "visit.date-required" -> i18n.get("territory.circ.error.visit");
                case "visit.essp-other-circonscription" -> i18n.get("territory.circ.visit.rule.otherCirconscription");
                default -> i18n.get("registry.form.error.save", Failures.reason(e, i18n));
            });
        } else if (e instanceof StaleEditException) {
            message.set(i18n.get("error.stale"));
            reloadProvince();
        } else {
            message.set(i18n.get("registry.form.error.save", Failures.reason(e, i18n)));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String functionLabel(Function f) {
        return switch (f) {
            case PLANNING -> i18n.get("territory.circ.function.planning");
            case PROGRAMME_MONITORING -> i18n.get("territory.circ.function.programme_monitoring");
            case SUPERVISION -> i18n.get("territory.circ.function.supervision");
            case DATA_COLLECTION -> i18n.get("territory.circ.function.data_collection");
            case COMPLAINT_FOLLOW_UP -> i18n.get("territory.circ.function.complaint_follow_up");
            case TRAINING -> i18n.get("territory.circ.function.training");
        };
    }

    public String heldLabel(String held) {
        if (held == null) {
            return "—";
        }
        return i18n.code(Vocabulary.HELD, held);
    }

    public List<FilterChoice> heldChoices() {
        return FilterChoice.of(Vocabulary.HELD, i18n);
    }

    public String milieuLabel(String m) {
        return i18n.code(Vocabulary.MILIEU, m);
    }

    public String perEssp(Double v) {
        return v == null ? "—" : i18n.formatDecimal(v, 1);
    }

    public ObservableList<FilterChoice> provinces() {
        return provinces;
    }

    public ObjectProperty<FilterChoice> provinceProperty() {
        return province;
    }

    public ObservableList<StoredCirconscription> list() {
        return list;
    }

    public ObjectProperty<StoredCirconscription> selectedProperty() {
        return selected;
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

    public ObjectProperty<FilterChoice> milieuProperty() {
        return milieu;
    }

    public ObservableList<FilterChoice> milieus() {
        return milieus;
    }

    public StringProperty coverageProperty() {
        return coverage;
    }

    public StringProperty seatProperty() {
        return seat;
    }

    public StringProperty headProperty() {
        return head;
    }

    public StringProperty populationProperty() {
        return population;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<TerritoryRepository.Essp> essps() {
        return essps;
    }

    public ObservableList<CirconscriptionRepository.Commune> communes() {
        return communes;
    }

    /** An ESSP as "code name", the code kept left to right in Arabic. */
    public String esspLabel(TerritoryRepository.Essp e) {
        return i18n.leftToRight(e.code()) + " " + i18n.localName(e.nameFr(), e.nameAr());
    }

    public String leftToRight(String code) {
        return i18n.leftToRight(code);
    }

    public String localName(String nameFr, String nameAr) {
        return i18n.localName(nameFr, nameAr);
    }

    public String communeKind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "rural_commune" -> i18n.get("territory.commune.rural");
            case "urban_commune" -> i18n.get("territory.commune.urban");
            case "arrondissement" -> i18n.get("territory.commune.arrondissement");
            default -> kind == null ? "" : kind;
        };
    }

    public ObservableList<FilterChoice> targets() {
        return targets;
    }

    public ObjectProperty<FilterChoice> moveTargetProperty() {
        return moveTarget;
    }

    public ObservableList<FunctionHeld> functions() {
        return functions;
    }

    public ObservableList<Visit> visits() {
        return visits;
    }

    public ObservableList<Comparison> comparison() {
        return comparison;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObjectProperty<LocalDate> visitDateProperty() {
        return visitDate;
    }

    public ObjectProperty<TerritoryRepository.Essp> visitEsspProperty() {
        return visitEssp;
    }

    public StringProperty visitSupervisorProperty() {
        return visitSupervisor;
    }

    public StringProperty visitFindingsProperty() {
        return visitFindings;
    }

    /** The visit being corrected; null while the form adds visits. */
    public javafx.beans.property.ReadOnlyObjectProperty<Visit> editedVisitProperty() {
        return editedVisit;
    }

    /** The label of the visit form's button: add, or save the correction. */
    public ReadOnlyStringProperty visitActionProperty() {
        return visitAction.getReadOnlyProperty();
    }
}
