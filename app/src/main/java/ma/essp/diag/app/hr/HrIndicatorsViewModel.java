package ma.essp.diag.app.hr;

import java.util.List;
import java.util.Locale;
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
import ma.essp.diag.reporting.hr.HrFactsLoader;
import ma.essp.diag.reporting.hr.HrIndicators;
import ma.essp.diag.reporting.hr.HrIndicators.Figures;
import ma.essp.diag.reporting.hr.HrIndicators.Report;

/** HR indicators by region, province, circonscription or ESSP, computed in the background from the whole mission. */
public final class HrIndicatorsViewModel {

    private final HrFactsLoader loader;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<FilterChoice> levels = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> level = new SimpleObjectProperty<>(this, "level");
    private final ObservableList<Figures> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper national = new ReadOnlyStringWrapper(this, "national", "");
    /** What the figures of the chosen level count (an ESSP's density is of the population it serves, not a census). */
    private final ReadOnlyStringWrapper definitions = new ReadOnlyStringWrapper(this, "definitions", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper cadreTitle = new ReadOnlyStringWrapper(this, "cadreTitle", "");
    private final ObjectProperty<Figures> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<CadreLine> byCadre = FXCollections.observableArrayList();
    private Report report;

    /** Staff of one cadre in the selected unit: positions and FTE in post, vacant positions. */
    public record CadreLine(String cadre, boolean core, int positionsInPost, String fteInPost, int vacantPositions) {
    }

    public HrIndicatorsViewModel(HrFactsLoader loader, TaskExecutor executor, I18n i18n) {
        this.loader = loader;
        this.executor = executor;
        this.i18n = i18n;
        levels.setAll(new FilterChoice("REGION", i18n.get("hr.level.region")), new FilterChoice("PROVINCE", i18n.get("hr.level.province")),
                new FilterChoice("CIRCONSCRIPTION", i18n.get("hr.level.circonscription")), new FilterChoice("ESSP", i18n.get("hr.level.essp")));
        level.addListener((obs, old, now) -> {
            definitions.set(now == null ? "" : i18n.get(switch (now.value()) {
                case "PROVINCE" -> "hr.definitions.province";
                case "CIRCONSCRIPTION" -> "hr.definitions.circonscription";
                case "ESSP" -> "hr.definitions.essp";
                default -> "hr.definitions.region";
            }));
            showLevel();
        });
        level.set(levels.getFirst());
        selected.addListener((obs, old, now) -> showCadres());
    }

    public void load() {
        executor.execute(BackgroundTask.wrap(() -> new HrIndicators().compute(loader.load()))
                .onSuccess(r -> {
                    report = r;
                    Figures n = r.national();
                    national.set(i18n.get("hr.national", density(n), n.essps(), n.vacantPositions(), n.withoutDoctor(),
                            n.doctorExpected(), n.withoutMidwife(), n.deliveryUnits(), i18n.formatNumber(Math.round(HrIndicators.WHO_CORE_PER_10K))));
                    showLevel();
                })
                .onFailure(e -> error.set(i18n.get("hr.error", Failures.reason(e, i18n)))));
    }

    private void showLevel() {
        if (report == null || level.get() == null) {
            return;
        }
        List<Figures> list = switch (level.get().value()) {
            case "PROVINCE" -> report.provinces();
            case "CIRCONSCRIPTION" -> report.circonscriptions();
            case "ESSP" -> report.essps();
            default -> report.regions();
        };
        rows.setAll(list);
        if (selected.get() == null || selected.get().level() != list.stream().map(Figures::level).findFirst().orElse(null)) {
            selected.set(null);
        }
        showCadres();
    }

    /** Staff by cadre of the selected unit, or of the whole mission when none is selected; cadres without anyone left out. */
    private void showCadres() {
        if (report == null) {
            byCadre.clear();
            return;
        }
        Figures f = selected.get() == null ? report.national() : selected.get();
        cadreTitle.set(i18n.get("hr.cadres.title", f == report.national() ? i18n.get("hr.cadres.national") : name(f)));
        byCadre.setAll(report.cadres().stream()
                .filter(c -> f.byCadre().containsKey(c.code()))
                .map(c -> {
                    var v = f.byCadre().get(c.code());
                    String label = switch (i18n.locale().getLanguage()) {
                        case "ar" -> c.labelAr();
                        case "en" -> c.labelEn();
                        default -> c.labelFr();
                    };
                    return new CadreLine(label, c.coreHealthWorker(), v.positionsInPost(), fte(v.fteInPost()), v.vacantPositions());
                })
                .toList());
    }

    public String density(Figures f) {
        return f.corePer10k() == null ? "—" : fte(f.corePer10k());
    }

    public String who(Figures f) {
        return f.corePer10k() == null ? "—" : f.meetsWhoThreshold() ? i18n.get("hr.who.meets") : i18n.get("hr.who.below");
    }

    /** One decimal, with the grouping and decimal marks of the language (Moroccan conventions in Arabic). */
    public String fte(double v) {
        java.util.Locale numbers = i18n.rightToLeft() ? java.util.Locale.forLanguageTag("ar-MA-u-nu-latn") : i18n.locale();
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(numbers);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    public String ratio(int n, int of) {
        return of == 0 ? "—" : String.format(Locale.ROOT, "%d / %d", n, of);
    }

    public String name(Figures f) {
        return f.level() == HrIndicators.Level.ESSP ? i18n.leftToRight(f.code()) + " " + f.nameFr() : i18n.localName(f.nameFr(), f.nameAr());
    }

    public String formatNumber(long n) {
        return i18n.formatNumber(n);
    }

    public ObservableList<FilterChoice> levels() {
        return levels;
    }

    public ObjectProperty<FilterChoice> levelProperty() {
        return level;
    }

    public ObservableList<Figures> rows() {
        return rows;
    }

    public ReadOnlyStringProperty definitionsProperty() {
        return definitions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nationalProperty() {
        return national.getReadOnlyProperty();
    }

    /** The unit whose staff by cadre is shown (a row of the table); none = the whole mission. */
    public ObjectProperty<Figures> selectedProperty() {
        return selected;
    }

    public ObservableList<CadreLine> byCadre() {
        return byCadre;
    }

    public ReadOnlyStringProperty cadreTitleProperty() {
        return cadreTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
