package ma.essp.diag.app.territory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.UnsavedChangesGuard;
import ma.essp.diag.database.repository.EditRuleException;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.StructureRepository.Authority;
import ma.essp.diag.database.repository.StructureRepository.GstDraft;
import ma.essp.diag.database.repository.StructureRepository.RegionAuthority;

/**
 * GST per region: creation and takeover dates, seat, what it covers; and for any date, whether each region is run by
 * its DRS or already by its GST.
 */
public final class GstViewModel implements UnsavedChanges {

    private final StructureRepository structures;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date", LocalDate.now());
    private final ObservableList<RegionAuthority> regions = FXCollections.observableArrayList();
    private final ObjectProperty<RegionAuthority> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty seat = new SimpleStringProperty(this, "seat", "");
    private final StringProperty legalAct = new SimpleStringProperty(this, "legalAct", "");
    private final StringProperty coverage = new SimpleStringProperty(this, "coverage", "");
    private final ObjectProperty<LocalDate> createdOn = new SimpleObjectProperty<>(this, "createdOn");
    private final ObjectProperty<LocalDate> takeoverOn = new SimpleObjectProperty<>(this, "takeoverOn");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** The version of the GST the form shows, as loaded (null: the region has none yet): what saving starts from. */
    private Integer shownVersion;
    /** The form as last read or saved: what "unsaved" compares with. */
    private List<Object> shown = values();
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final UnsavedChangesGuard guard;

    public GstViewModel(StructureRepository structures, TaskExecutor executor, I18n i18n, DialogService dialogs) {
        this.structures = structures;
        this.executor = executor;
        this.i18n = i18n;
        this.guard = new UnsavedChangesGuard(dialogs, () -> i18n);
        date.addListener((obs, old, now) -> load());
        selected.addListener((obs, old, now) -> showSelected());
        for (javafx.beans.Observable p : List.of(name, seat, legalAct, coverage, createdOn, takeoverOn)) {
            p.addListener(o -> unsaved.set(!values().equals(shown)));
        }
    }

    private List<Object> values() {
        return Arrays.asList(name.get().strip(), seat.get().strip(), legalAct.get().strip(), coverage.get().strip(), createdOn.get(),
                takeoverOn.get());
    }

    private void markShown() {
        shown = values();
        unsaved.set(false);
    }

    @Override
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** Back to the GST as last read or saved. */
    @Override
    public void discard() {
        name.set((String) shown.get(0));
        seat.set((String) shown.get(1));
        legalAct.set((String) shown.get(2));
        coverage.set((String) shown.get(3));
        createdOn.set((LocalDate) shown.get(4));
        takeoverOn.set((LocalDate) shown.get(5));
        markShown();
    }

    /**
     * Shows another region's GST in the form, once its unsaved edits are saved or discarded (the unsaved-changes
     * question); {@code stay} runs when the user stays (the list puts its highlight back).
     */
    public void choose(RegionAuthority region, Runnable stay) {
        RegionAuthority shown = selected.get();
        if (region == null || shown != null && shown.regionId() == region.regionId()) {
            return;
        }
        guard.leave(this, () -> selected.set(regions.stream().filter(r -> r.regionId() == region.regionId()).findFirst()
                .orElse(region)), stay);
    }

    public void load() {
        LocalDate d = date.get() == null ? LocalDate.now() : date.get();
        executor.execute(BackgroundTask.wrap(() -> structures.authoritiesAt(d))
                .onSuccess(list -> {
                    // the region shown when the rows arrive (another may have been chosen since the load began)
                    Integer keep = selected.get() == null ? null : selected.get().regionId();
                    regions.setAll(list);
                    selected.set(list.stream().filter(r -> keep != null && r.regionId() == keep).findFirst().orElse(null));
                })
                .onFailure(e -> message.set(i18n.get("registry.form.error.load", Failures.reason(e, i18n)))));
    }

    private void showSelected() {
        RegionAuthority r = selected.get();
        if (r == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> structures.gst(r.regionId()))
                .onSuccess(g -> {
                    shownVersion = g.map(StructureRepository.Structure::version).orElse(null);
                    name.set(g.map(StructureRepository.Structure::nameFr).orElse(""));
                    seat.set(g.map(s -> Objects.toString(s.seat(), "")).orElse(""));
                    legalAct.set(g.map(s -> Objects.toString(s.legalAct(), "")).orElse(""));
                    coverage.set(g.map(s -> Objects.toString(s.notes(), "")).orElse(""));
                    createdOn.set(g.map(StructureRepository.Structure::createdOn).orElse(null));
                    takeoverOn.set(g.map(StructureRepository.Structure::takeoverOn).orElse(null));
                    markShown();
                })
                .onFailure(e -> message.set(i18n.get("registry.form.error.load", Failures.reason(e, i18n)))));
    }

    /** Writes the GST of the selected region; completes with true once written, false when refused. */
    @Override
    public CompletionStage<Boolean> save() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        RegionAuthority r = selected.get();
        if (r == null) {
            result.complete(false);
            return result;
        }
        if (name.get().isBlank()) {
            message.set(i18n.get("territory.circ.error.required"));
            result.complete(false);
            return result;
        }
        GstDraft d = new GstDraft(r.regionId(), name.get().strip(), null, blank(seat.get()), blank(legalAct.get()), createdOn.get(),
                takeoverOn.get(), blank(coverage.get()));
        Integer expectedVersion = shownVersion;
        executor.execute(BackgroundTask.wrap(() -> structures.saveGst(expectedVersion, d))
                .onSuccess(id -> {
                    message.set(i18n.get("territory.gst.saved", r.regionFr()));
                    markShown();
                    load();
                    showSelected();
                    result.complete(true);
                })
                .onFailure(e -> {
                    if (e instanceof StaleEditException) {
                        // changed elsewhere since the form was loaded: nothing written, the form shows the GST as it is
                        message.set(i18n.get("error.stale"));
                        showSelected();
                    } else {
                        message.set(e instanceof EditRuleException
                                ? i18n.get("territory.gst.rule.takeoverBeforeCreation")
                                : i18n.get("registry.form.error.save", Failures.reason(e, i18n)));
                    }
                    result.complete(false);
                }));
        return result;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String authorityLabel(RegionAuthority r) {
        return r.authority() == Authority.GST ? i18n.get("territory.gst.underGst") : i18n.get("territory.gst.underDrs");
    }

    public String regionName(RegionAuthority r) {
        return r.regionCode() + " " + i18n.localName(r.regionFr(), r.regionAr());
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObservableList<RegionAuthority> regions() {
        return regions;
    }

    public ObjectProperty<RegionAuthority> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty seatProperty() {
        return seat;
    }

    public StringProperty legalActProperty() {
        return legalAct;
    }

    public StringProperty coverageProperty() {
        return coverage;
    }

    public ObjectProperty<LocalDate> createdOnProperty() {
        return createdOn;
    }

    public ObjectProperty<LocalDate> takeoverOnProperty() {
        return takeoverOn;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
