package ma.essp.diag.app.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.map.ColourScale;
import ma.essp.diag.app.ui.map.Rgb;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.reporting.training.TrainingNeeds;
import ma.essp.diag.reporting.training.TrainingNeeds.LevelRow;

/**
 * The needs map of the Formation screen's Besoins tab (issue 14): each province outline coloured by the share of needed
 * functions not held ({@link LevelRow#lackingShare}: functions recorded not held or partly held ÷ functions recorded,
 * over its circonscriptions), from the province rows of {@link TrainingNeeds#byLevel} (what {@code figures --axis
 * training-needs --level province} prints). The classes are fixed ({@link TrainingNeeds#NEED_CLASS_BOUNDS}: 0–25,
 * 25–50, 50–75, 75–100 %, each share at {@link TrainingNeeds#SHARE_DECIMALS} decimal as the CLI prints and classes it,
 * drawn by {@link ColourScale#fixed} green to red as the other maps) so that a province where most functions are
 * lacking looks bad even when every province does; the legend states them with their province counts. A préfecture
 * d'arrondissements has no outline of its own: it counts in its prefecture's. Provinces with no function recorded are "no data". Clicking a province
 * keeps the needs list to its units; clicking it again shows them all.
 */
public final class TrainingNeedsMapViewModel {

    /** A line of the legend: a colour and its text. */
    public record LegendEntry(Rgb colour, String text) {
    }

    /** The needs of one outline: its provinces summed. */
    record Need(String name, int assessed, int lacking, int proposed, int functionsJudged, int functionsLacking,
                Set<Integer> provinceIds) {

        /** As {@link LevelRow#lackingShare}, over the outline's provinces. */
        Double share() {
            return functionsJudged == 0 ? null : 100.0 * functionsLacking / functionsJudged;
        }
    }

    private final I18n i18n;
    private final ReadOnlyObjectWrapper<MapOutlines> outlines = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<String, Rgb>> fills = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedIso = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Set<Integer>> selectedProvinces = new ReadOnlyObjectWrapper<>();
    private Map<String, Need> needs = Map.of();

    public TrainingNeedsMapViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * Shows the province rows: {@code outlineCodes} gives each province's outline ({@code TerritoryRepository
     * .outlineCodes}); a selection that is still on the map stays.
     */
    public void show(MapOutlines shapes, List<LevelRow> provinces, Map<Integer, String> outlineCodes) {
        Map<String, String> names = new HashMap<>();
        shapes.provinces().forEach(s -> names.put(s.isoCode(), s.name()));
        Map<String, Need> byIso = new LinkedHashMap<>();
        for (LevelRow row : provinces) {
            String iso = outlineCodes.get(row.id());
            if (iso == null) {
                continue;
            }
            Need old = byIso.get(iso);
            Set<Integer> ids = new LinkedHashSet<>(old == null ? Set.of() : old.provinceIds());
            ids.add(row.id());
            byIso.put(iso, new Need(names.getOrDefault(iso, row.name()), row.assessed() + (old == null ? 0 : old.assessed()),
                    row.lacking() + (old == null ? 0 : old.lacking()), row.proposed() + (old == null ? 0 : old.proposed()),
                    row.functionsJudged() + (old == null ? 0 : old.functionsJudged()),
                    row.functionsLacking() + (old == null ? 0 : old.functionsLacking()), Set.copyOf(ids)));
        }
        needs = byIso;
        List<Double> shares = new ArrayList<>();
        shapes.provinces().forEach(shape -> {
            Need n = byIso.get(shape.isoCode());
            shares.add(n == null ? null : n.share());
        });
        List<BigDecimal> bounds = TrainingNeeds.NEED_CLASS_BOUNDS.stream().map(BigDecimal::valueOf).toList();
        ColourScale scale = ColourScale.fixed(shares, TrainingNeeds.SHARE_DECIMALS, false, bounds.getFirst(),
                bounds.subList(1, bounds.size() - 1), bounds.getLast());
        Map<String, Rgb> colours = new HashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            colours.put(shapes.provinces().get(i).isoCode(), scale.colourOf(shares.get(i)));
        }
        List<LegendEntry> entries = new ArrayList<>();
        for (ColourScale.ColourClass c : scale.classes()) {
            String range = i18n.plain("map.legend.range", i18n.formatDecimal(c.from().toPlainString()),
                    i18n.formatDecimal(c.to().toPlainString()));
            entries.add(new LegendEntry(c.colour(), i18n.get("training.needsMap.legend.entry", range,
                    i18n.formatNumber(c.count()))));
        }
        entries.add(new LegendEntry(ColourScale.NO_DATA, i18n.get("training.needsMap.legend.noData",
                i18n.formatNumber(scale.noData()))));
        outlines.set(shapes);
        fills.set(Map.copyOf(colours));
        legend.setAll(entries);
        select(needs.containsKey(selectedIso.get()) ? selectedIso.get() : null);
    }

    /** The tooltip of a province: its name, its circonscriptions lacking functions and the people proposed. */
    public String describe(String iso) {
        Need n = needs.get(iso);
        if (n == null) {
            return null;
        }
        return n.share() == null ? i18n.get("training.needsMap.province.none", n.name())
                : i18n.get("training.needsMap.province", n.name(), i18n.formatNumber(n.functionsLacking()),
                        i18n.formatNumber(n.functionsJudged()), i18n.formatNumber(Math.round(n.share())),
                        i18n.formatNumber(n.lacking()), i18n.formatNumber(n.assessed()), i18n.formatNumber(n.proposed()));
    }

    /**
     * A click on a province: the needs list keeps its units; the same province again, or null, shows them all. A
     * province the diagnostic has no row for selects nothing.
     */
    public void select(String iso) {
        Need n = iso == null || iso.equals(selectedIso.get()) && selectedProvinces.get() != null ? null : needs.get(iso);
        if (n == null) {
            selectedIso.set(null);
            selectedProvinces.set(null);
            selection.set(needs.isEmpty() ? "" : i18n.get("training.needsMap.all"));
        } else {
            selectedIso.set(iso);
            selectedProvinces.set(n.provinceIds());
            selection.set(describe(iso));
        }
    }

    public ReadOnlyObjectProperty<MapOutlines> outlinesProperty() { return outlines.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Map<String, Rgb>> fillsProperty() { return fills.getReadOnlyProperty(); }
    public ObservableList<LegendEntry> legend() { return legend; }
    public ReadOnlyStringProperty selectedIsoProperty() { return selectedIso.getReadOnlyProperty(); }
    /** What the needs list shows: one province's figures, or that it shows them all. */
    public ReadOnlyStringProperty selectionProperty() { return selection.getReadOnlyProperty(); }
    /** The provinces whose units the needs list keeps; null for all. */
    public ReadOnlyObjectProperty<Set<Integer>> selectedProvincesProperty() { return selectedProvinces.getReadOnlyProperty(); }
}
