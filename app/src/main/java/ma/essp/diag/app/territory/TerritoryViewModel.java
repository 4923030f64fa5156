package ma.essp.diag.app.territory;

import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.repository.TerritoryRepository;

/**
 * The territory browser: loads the territory in the background, builds the tree, and filters it as the
 * search text changes.
 */
public final class TerritoryViewModel {

    private final TerritoryRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyObjectWrapper<List<TerritoryNode>> allRoots = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<TerritorySearch.Result> visible =
            new ReadOnlyObjectWrapper<>(new TerritorySearch.Result(List.of(), Set.of(), 0));
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public TerritoryViewModel(TerritoryRepository repository, TaskExecutor executor, I18n i18n) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        searchText.addListener((obs, old, text) -> refilter());
    }

    /** Reads the territory off the FX thread; the tree appears when it is ready. */
    public void load() {
        TerritoryTreeBuilder builder = new TerritoryTreeBuilder(i18n);
        executor.execute(BackgroundTask.wrap(() -> builder.build(repository.load()))
                .onRunning(() -> {
                    loading.set(true);
                    error.set("");
                })
                .onSuccess(roots -> {
                    allRoots.set(roots);
                    refilter();
                })
                .onFailure(e -> error.set(i18n.get("territory.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> loading.set(false)));
    }

    private void refilter() {
        TerritorySearch.Result result = TerritorySearch.filter(allRoots.get(), searchText.get());
        visible.set(result);
        if (searchText.get() == null || searchText.get().isBlank()) {
            int essps = allRoots.get().stream().mapToInt(TerritoryNode::esspCount).sum();
            summary.set(i18n.get("territory.summary", i18n.formatNumber(allRoots.get().size()), i18n.formatNumber(essps)));
        } else {
            summary.set(i18n.get("territory.search.matches", i18n.formatNumber(result.matches())));
        }
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The complete tree (regions at the top). */
    public ReadOnlyObjectProperty<List<TerritoryNode>> allRootsProperty() {
        return allRoots.getReadOnlyProperty();
    }

    /** The tree as filtered by the search text, with the nodes to expand. */
    public ReadOnlyObjectProperty<TerritorySearch.Result> visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "12 régions, 3 012 ESSP" or, while searching, the number of matches. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A translated message when loading failed, empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String kindLabel(TerritoryNode.Kind kind) {
        return switch (kind) {
            case REGION -> i18n.get("territory.kind.region");
            case PROVINCE -> i18n.get("territory.kind.province");
            case CIRCONSCRIPTION -> i18n.get("territory.kind.circonscription");
            case ESSP -> i18n.get("territory.kind.essp");
        };
    }

    public String formatNumber(Number value) {
        return i18n.formatNumber(value);
    }
}
