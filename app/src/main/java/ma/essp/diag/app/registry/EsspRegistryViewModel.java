package ma.essp.diag.app.registry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;

/**
 * The read-only ESSP list: loads every row once in the background, then filters in memory over a
 * {@link FilteredList} by text (code or name, ignoring case and accents), category, region and functionality.
 */
public final class EsspRegistryViewModel {

    private final EsspRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<EsspListRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EsspListRow> filtered = new FilteredList<>(rows);
    private EsspSearch search = new EsspSearch(List.of());

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<FilterChoice> categories = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> regions = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> functionalities = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<FilterChoice> region = new SimpleObjectProperty<>(this, "region");
    private final ObjectProperty<FilterChoice> functionality = new SimpleObjectProperty<>(this, "functionality");
    private final javafx.beans.property.BooleanProperty showDeleted = new javafx.beans.property.SimpleBooleanProperty(this, "showDeleted");

    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public EsspRegistryViewModel(EsspRepository repository, TaskExecutor executor, I18n i18n) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        FilterChoice allCategories = FilterChoice.all(i18n.get("registry.filter.category.all"));
        categories.add(allCategories);
        category.set(allCategories);
        FilterChoice allRegions = FilterChoice.all(i18n.get("registry.filter.region.all"));
        regions.add(allRegions);
        region.set(allRegions);
        FilterChoice allFunctionalities = FilterChoice.all(i18n.get("registry.filter.functionality.all"));
        functionalities.setAll(allFunctionalities,
                new FilterChoice("fully", functionalityLabel("fully")),
                new FilterChoice("partially", functionalityLabel("partially")),
                new FilterChoice("not_functioning", functionalityLabel("not_functioning")));
        functionality.set(allFunctionalities);

        text.addListener(o -> refilter());
        category.addListener(o -> refilter());
        region.addListener(o -> refilter());
        functionality.addListener(o -> refilter());
        filtered.addListener((javafx.collections.ListChangeListener<EsspListRow>) c -> updateCounts());
        showDeleted.addListener(o -> load());
        updateCounts();
    }

    /** Reads the list (the live ESSPs, or the soft-deleted ones to restore) off the FX thread. */
    public void load() {
        boolean deleted = showDeleted.get();
        executor.execute(BackgroundTask.wrap(() -> repository.list(deleted))
                .onRunning(() -> {
                    loading.set(true);
                    error.set("");
                })
                .onSuccess(this::setRows)
                .onFailure(e -> error.set(i18n.get("registry.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> loading.set(false)));
    }

    private void setRows(List<EsspListRow> loaded) {
        search = new EsspSearch(loaded);
        Map<String, FilterChoice> categoryChoices = new LinkedHashMap<>();
        loaded.stream().map(EsspListRow::category)
                .sorted(Comparator.comparingInt(EsspRepository.Category::sortOrder))
                .forEach(c -> categoryChoices.putIfAbsent(c.code(), new FilterChoice(c.code(), c.code() + " — " + categoryLabel(c))));
        Map<String, FilterChoice> regionChoices = new LinkedHashMap<>();
        loaded.stream().sorted(Comparator.comparing(EsspListRow::regionCode))
                .forEach(r -> regionChoices.putIfAbsent(String.valueOf(r.regionId()),
                        new FilterChoice(String.valueOf(r.regionId()), i18n.localName(r.regionFr(), r.regionAr()))));
        categories.setAll(categories.getFirst());
        categories.addAll(categoryChoices.values());
        regions.setAll(regions.getFirst());
        regions.addAll(regionChoices.values());
        category.set(categories.getFirst());
        region.set(regions.getFirst());
        rows.setAll(loaded);
        refilter();
    }

    private void refilter() {
        filtered.setPredicate(search.matching(text.get(), valueOf(category.get()), valueOf(region.get()),
                valueOf(functionality.get())));
        updateCounts();
    }

    private static String valueOf(FilterChoice choice) {
        return choice == null ? null : choice.value();
    }

    private void updateCounts() {
        shown.set(filtered.size());
        total.set(rows.size());
        countText.set(i18n.get(showDeleted.get() ? "registry.countDeleted" : "registry.count",
                i18n.formatNumber(filtered.size()), i18n.formatNumber(rows.size())));
    }


    // ---- labels in the current language, for the table cells

    public String name(EsspListRow row) {
        return i18n.localName(row.nameFr(), row.nameAr());
    }

    public String categoryLabel(EsspRepository.Category c) {
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> c.labelAr();
            case "en" -> c.labelEn();
            default -> c.labelFr();
        };
    }

    public String milieuLabel(String milieu) {
        return i18n.code(Vocabulary.MILIEU, milieu);
    }

    public String functionalityLabel(String code) {
        return i18n.code(Vocabulary.FUNCTIONALITY, code);
    }

    public String circonscription(EsspListRow row) {
        return ma.essp.diag.app.i18n.CirconscriptionName.shortForm(i18n.localName(row.circonscriptionFr(), row.circonscriptionAr()));
    }

    public String province(EsspListRow row) {
        return i18n.localName(row.provinceFr(), row.provinceAr());
    }

    public String region(EsspListRow row) {
        return i18n.localName(row.regionFr(), row.regionAr());
    }

    public String formatNumber(Number value) {
        return i18n.formatNumber(value);
    }

    // ---- properties

    /** The rows that pass the filters, in load order (the view wraps them in a SortedList). */
    public ObservableList<EsspListRow> filteredRows() {
        return filtered;
    }

    /** True: the list shows the soft-deleted ESSPs (to restore them) instead of the live ones. */
    public javafx.beans.property.BooleanProperty showDeletedProperty() {
        return showDeleted;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<FilterChoice> categories() {
        return categories;
    }

    public ObservableList<FilterChoice> regions() {
        return regions;
    }

    public ObservableList<FilterChoice> functionalities() {
        return functionalities;
    }

    public ObjectProperty<FilterChoice> categoryProperty() {
        return category;
    }

    public ObjectProperty<FilterChoice> regionProperty() {
        return region;
    }

    public ObjectProperty<FilterChoice> functionalityProperty() {
        return functionality;
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "n / total". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * What Delete deletes: the selected rows when they include the ESSP shown in the form (several rows can go at
     * once), only the ESSP shown when the highlight is elsewhere, the selection when the form shows no saved ESSP.
     */
    static List<Integer> deletionTargets(List<Integer> selected, Integer shown) {
        if (shown == null || selected.contains(shown)) {
            return selected;
        }
        return List.of(shown);
    }
}
