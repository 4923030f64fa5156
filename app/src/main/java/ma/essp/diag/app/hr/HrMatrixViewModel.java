package ma.essp.diag.app.hr;

import java.util.List;
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
import ma.essp.diag.database.repository.HrRelationRepository;
import ma.essp.diag.database.repository.HrRelationRepository.MatrixRow;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.TerritoryRepository;

/**
 * ESSP ↔ GST human-resources relations of a region (ToR axis 1): for each HR function, who holds it today and who
 * will under the GST, with the team's notes. A changed cell is written at once (upsert, version + 1).
 */
public final class HrMatrixViewModel {

    /** A column of the matrix that can be edited. */
    public enum Column { TODAY, UNDER_GST, NOTES }

    private final HrRelationRepository repository;
    private final TerritoryRepository territory;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<FilterChoice> regions = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> region = new SimpleObjectProperty<>(this, "region");
    private final ObservableList<MatrixRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public HrMatrixViewModel(HrRelationRepository repository, TerritoryRepository territory, TaskExecutor executor, I18n i18n) {
        this.repository = repository;
        this.territory = territory;
        this.executor = executor;
        this.i18n = i18n;
        region.addListener((obs, old, now) -> reload());
    }

    public void load() {
        executor.execute(BackgroundTask.wrap(territory::load)
                .onSuccess(t -> {
                    regions.setAll(t.regions().stream()
                            .map(r -> new FilterChoice(String.valueOf(r.id()), r.code() + " " + i18n.localName(r.nameFr(), r.nameAr())))
                            .toList());
                    if (!regions.isEmpty()) {
                        region.set(regions.getFirst());
                    }
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    public void reload() {
        if (region.get() == null) {
            rows.clear();
            return;
        }
        int regionId = Integer.parseInt(region.get().value());
        FilterChoice asked = region.get();
        executor.execute(BackgroundTask.wrap(() -> repository.matrix(regionId))
                .onSuccess(list -> {
                    if (java.util.Objects.equals(region.get(), asked)) {
                        rows.setAll(list);
                    }
                })
                .onFailure(e -> status.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    /** Writes one edited cell (an empty holder is recorded as unknown). */
    public void edit(MatrixRow row, Column column, String value) {
        if (region.get() == null) {
            return;
        }
        int regionId = Integer.parseInt(region.get().value());
        String today = column == Column.TODAY ? value : orUnknown(row.holderToday());
        String underGst = column == Column.UNDER_GST ? value : orUnknown(row.holderUnderGst());
        String notes = column == Column.NOTES ? value : row.notes();
        executor.execute(BackgroundTask.wrap(() -> repository.upsert(regionId, row.function().code(), row.version(), orUnknown(today),
                        orUnknown(underGst), notes))
                .onSuccess(id -> {
                    status.set(i18n.get("hr.status.saved"));
                    reload();
                })
                .onFailure(e -> {
                    if (e instanceof StaleEditException) {
                        // the relation changed elsewhere since the matrix was loaded: nothing written, shown as it is now
                        status.set(i18n.get("error.stale"));
                        reload();
                    } else {
                        status.set(i18n.get("hr.error", Failures.reason(e, i18n)));
                    }
                }));
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }

    public String holderLabel(String code) {
        if (code == null) {
            return "";
        }
        return i18n.code(Vocabulary.HOLDER, code);
    }

    public List<FilterChoice> holderChoices() {
        return FilterChoice.of(Vocabulary.HOLDER, i18n);
    }

    public String functionLabel(MatrixRow row) {
        var f = row.function();
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> f.labelAr();
            case "en" -> f.labelEn();
            default -> f.labelFr();
        };
    }

    public ObservableList<FilterChoice> regions() {
        return regions;
    }

    public ObjectProperty<FilterChoice> regionProperty() {
        return region;
    }

    public ObservableList<MatrixRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
