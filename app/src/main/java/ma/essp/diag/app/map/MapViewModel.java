package ma.essp.diag.app.map;

import ma.essp.diag.app.ui.map.GeoBox;
import ma.essp.diag.app.ui.map.ColourScale;
import ma.essp.diag.app.ui.map.Rgb;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.app.map.model.MapPicture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import ma.essp.diag.app.map.model.MapImage;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.OutputRefusals;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import ma.essp.diag.database.repository.EsspMapRepository.ProvinceUnit;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import org.jooq.DSLContext;

/**
 * The offline map: outlines decoded once and the mission's figures read in the background, provinces coloured by
 * the chosen figure, a legend, and the ESSPs of the province the user clicks. Recolouring for another figure runs
 * in the background too (a figure may query the mission).
 */
public final class MapViewModel {

    /** One legend line: colour, the value range it stands for and its number of provinces ("0,6 – 0,9 (12)"). */
    public record LegendEntry(Rgb colour, String text) {
    }

    private final EsspMapRepository repository;
    private final EsspRepository essps;
    private final DSLContext dsl;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final List<MapFigure> figures;
    private final DialogService dialogs;
    /** Where the first export is proposed (the user's Documents); then the folder of the last one. */
    private Path exportFolder;

    private final ObservableList<FilterChoice> figureChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> figure = new SimpleObjectProperty<>(this, "figure");
    private final ReadOnlyObjectWrapper<MapPicture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedIso = new ReadOnlyStringWrapper(this, "selectedIso");
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ObservableList<EsspListRow> provinceEssps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper legendTitle = new ReadOnlyStringWrapper(this, "legendTitle", "");
    private final ReadOnlyStringWrapper legendNote = new ReadOnlyStringWrapper(this, "legendNote", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");

    private MapData data;
    private List<EsspListRow> allEssps = List.of();

    /**
     * @param dialogs      asks where to write an exported picture, and before replacing a file
     * @param exportFolder the folder first proposed for an export (the user's Documents)
     */
    public MapViewModel(EsspMapRepository repository, EsspRepository essps, DSLContext dsl, TaskExecutor executor, I18n i18n,
                        List<MapFigure> figures, DialogService dialogs, Path exportFolder) {
        this.repository = repository;
        this.essps = essps;
        this.dsl = dsl;
        this.executor = executor;
        this.i18n = i18n;
        this.figures = List.copyOf(figures);
        this.dialogs = dialogs;
        this.exportFolder = exportFolder;
        for (MapFigure f : figures) {
            figureChoices.add(new FilterChoice(f.id(), i18n.get(f.labelKey())));
        }
        figure.set(figureChoices.getFirst());
        figure.addListener((obs, old, now) -> recolour());
    }

    private record Loaded(MapData data, List<EsspListRow> essps, MapPicture picture) {
    }

    /** Decodes the outlines (first time only) and reads the figures, off the FX thread. */
    public void load() {
        MapFigure chosen = chosenFigure();
        executor.execute(BackgroundTask.wrap(() -> {
                    MapData d = repository.load();
                    return new Loaded(d, essps.list(), MapPicture.prepare(MapOutlines.shipped(), dsl, d, chosen));
                })
                .onRunning(() -> loading.set(true))
                .onSuccess(l -> {
                    data = l.data();
                    allEssps = l.essps();
                    show(l.picture());
                })
                .onFailure(e -> error.set(i18n.get("map.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> loading.set(false)));
    }

    private void recolour() {
        if (data == null) {
            return;
        }
        MapData d = data;
        MapFigure chosen = chosenFigure();
        executor.execute(BackgroundTask.wrap(() -> MapPicture.prepare(MapOutlines.shipped(), dsl, d, chosen))
                .onSuccess(p -> {
                    if (chosenFigure() == chosen) { // the user may have chosen yet another figure meanwhile
                        show(p);
                    }
                })
                .onFailure(e -> error.set(i18n.get("map.error.load", Failures.reason(e, i18n)))));
    }

    private MapFigure chosenFigure() {
        String id = figure.get() == null ? figures.getFirst().id() : figure.get().value();
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(figures.getFirst());
    }

    private void show(MapPicture p) {
        picture.set(p);
        List<LegendEntry> entries = new ArrayList<>();
        ColourScale scale = p.scale();
        for (ColourScale.ColourClass c : scale.classes()) {
            entries.add(new LegendEntry(c.colour(), i18n.get("map.legend.entry", range(p.figure(), c), i18n.formatNumber(c.count()))));
        }
        entries.add(new LegendEntry(ColourScale.NO_DATA, i18n.get("map.legend.entry", i18n.plain("map.legend.noData"),
                i18n.formatNumber(scale.noData()))));
        legend.setAll(entries);
        legendTitle.set(i18n.get(p.figure().labelKey()));
        MapFigure.Basis overall = p.evaluation().overall();
        legendNote.set(overall == null ? "" : i18n.get("map.legend.national", basisText(overall)));
        summary.set(i18n.get("map.summary", i18n.formatNumber(p.data().essps().size()), i18n.formatNumber(allEssps.size())));
        if (selectedIso.get() != null) {
            select(selectedIso.get());
        }
    }

    /** "41 – 60", "0,6 – 0,9", "25 %" (a class of one rounded value), with the locale's decimal separator. */
    private String range(MapFigure figure, ColourScale.ColourClass c) {
        String from = i18n.formatDecimal(c.from().toPlainString());
        return c.single() ? from + figure.unit()
                : i18n.plain("map.legend.range", from, i18n.formatDecimal(c.to().toPlainString())) + figure.unit();
    }

    /** A click on a province: its name, its value for the figure, and its ESSPs (with or without coordinates). */
    public void select(String iso) {
        MapPicture p = picture.get();
        if (p == null || iso == null) {
            return;
        }
        ProvinceUnit unit = p.data().provinces().stream().filter(u -> u.isoCode().equals(iso)).findFirst().orElse(null);
        if (unit == null) {
            return;
        }
        selectedIso.set(iso);
        Double value = p.values().get(iso);
        MapFigure.Basis basis = p.evaluation().bases().get(iso);
        String shown = value == null ? "—" : local(p.figure(), value);
        if (basis != null) {
            // on its own line: short lines need no wrapping (wrapped right-to-left text overflows the panel)
            shown += "\n(" + basisText(basis) + ")";
        }
        selectedTitle.set(i18n.get("map.selected", i18n.localName(unit.nameFr(), unit.nameAr()), unit.essps(), shown));
        Set<Integer> provinces = new HashSet<>(unit.provinceIds());
        provinceEssps.setAll(allEssps.stream().filter(e -> provinces.contains(e.provinceId())).toList());
    }

    /** The tooltip of a province under the pointer: its name and its value for the figure ("—" without one). */
    public String describe(String iso) {
        MapPicture p = picture.get();
        if (p == null || iso == null) {
            return null;
        }
        ProvinceUnit unit = p.data().provinces().stream().filter(u -> u.isoCode().equals(iso)).findFirst().orElse(null);
        if (unit == null) {
            return null;
        }
        Double value = p.values().get(iso);
        return i18n.get("map.hover", i18n.localName(unit.nameFr(), unit.nameAr()), value == null ? "—" : local(p.figure(), value));
    }

    /** What "zoom to the mission" fits: the provinces with ESSPs and the ESSP points; null before loading or when none. */
    public ma.essp.diag.app.ui.map.GeoBox missionArea() {
        MapPicture p = picture.get();
        return p == null ? null : p.missionArea();
    }

    /**
     * Exports the map as a PNG: asks for the file (in the folder of the last export, first the user's Documents),
     * asks before replacing an existing file, then takes the picture ({@code picture}, called on this thread: the
     * view draws the current view with its title and legend) and writes it in the background. Says on screen when
     * it is written or why not.
     */
    public void exportPng(Supplier<MapImage> picture) {
        MapPicture shown = this.picture.get();
        if (exporting.get() || shown == null) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseFileToSave(i18n.get("map.export.title"), exportFolder,
                "carte-" + shown.figure().id().replace('_', '-') + ".png", i18n.get("map.export.filter"), "*.png");
        if (chosen.isEmpty()) {
            return;
        }
        Path out = chosen.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? chosen.get()
                : chosen.get().resolveSibling(chosen.get().getFileName() + ".png");
        if (Files.isRegularFile(out) && !dialogs.confirm(i18n.get("map.export.overwrite.title"),
                i18n.get("map.export.overwrite.message", out.getFileName().toString(), out.toAbsolutePath().getParent().toString()))) {
            return; // the existing file stays as it is
        }
        if (out.toAbsolutePath().getParent() != null) {
            exportFolder = out.toAbsolutePath().getParent();
        }
        MapImage image = picture.get();
        error.set("");
        exportStatus.set(i18n.get("map.export.running"));
        exporting.set(true);
        executor.execute(BackgroundTask.wrap(() -> image.writePng(out))
                .onSuccess(written -> exportStatus.set(i18n.get("map.export.done", written)))
                .onFailure(e -> {
                    exportStatus.set("");
                    error.set(OutputRefusals.of(e, i18n).orElseGet(() -> i18n.get("map.export.error", Failures.reason(e, i18n))));
                })
                .onFinished(() -> exporting.set(false)));
    }

    /** Whether an export is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** "Carte enregistrée : /home/…/carte.png" after an export; empty otherwise. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** "n = 38 ESSP évalués · complétude 96.12 %", the dashboard's rounding. */
    private String basisText(MapFigure.Basis basis) {
        return i18n.get("map.basis", i18n.formatNumber(basis.n()),
                basis.completeness() == null ? "—" : i18n.formatDecimal(ReadinessTableWriter.percent(basis.completeness())) + " %");
    }

    /** The figure's own writing of a value ("0.57", "12.3 %") with the decimal separator of the language. */
    private String local(MapFigure figure, double value) {
        java.util.regex.Matcher m = LEADING_NUMBER.matcher(figure.format(value));
        return m.matches() ? i18n.formatDecimal(m.group(1)) + m.group(2) : figure.format(value);
    }

    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("(-?\\d+(?:\\.\\d+)?)(.*)");

    public void clearSelection() {
        selectedIso.set(null);
        selectedTitle.set("");
        provinceEssps.clear();
    }

    public String credit() {
        return MapOutlines.CREDIT;
    }

    public ObservableList<FilterChoice> figureChoices() {
        return figureChoices;
    }

    public ObjectProperty<FilterChoice> figureProperty() {
        return figure;
    }

    public ReadOnlyObjectProperty<MapPicture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ObservableList<LegendEntry> legend() {
        return legend;
    }

    public ReadOnlyStringProperty selectedIsoProperty() {
        return selectedIso.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    public ObservableList<EsspListRow> provinceEssps() {
        return provinceEssps;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The name of the figure the provinces are coloured by, above the legend. */
    public ReadOnlyStringProperty legendTitleProperty() {
        return legendTitle.getReadOnlyProperty();
    }

    /** Under the legend, for a figure that is a mean over ESSPs: its national n and completeness; empty otherwise. */
    public ReadOnlyStringProperty legendNoteProperty() {
        return legendNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String functionalityLabel(String code) {
        return i18n.code(Vocabulary.FUNCTIONALITY, code);
    }

    public String name(EsspListRow row) {
        return i18n.localName(row.nameFr(), row.nameAr());
    }
}
