package ma.essp.diag.app.pms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Breakdown;
import ma.essp.diag.reporting.readiness.EsspReadiness;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import ma.essp.diag.reporting.readiness.Weighting;

/**
 * The readiness dashboard: the figures of the current unit (nation, then a region, a province, a
 * circonscription as the user drills down), its children as rows and bars, the domain profile, the distribution
 * of ESSP indices and the top needs. Every figure comes from {@code ma.essp.diag.reporting.readiness}, the same
 * code as the CLI and the exports, and is shown with its n and completeness.
 */
public final class ReadinessDashboardViewModel {

    /** One step of the drill-down path. {@code id} is the region/province/circonscription id (0 for the nation). */
    public record Crumb(AggregationLevel level, int id, String name) {
    }

    /** A bar of the domain profile. */
    public record DomainBar(String code, String label, Figure figure) {
    }

    /** A bar of the histogram of ESSP general readiness: [from, to) except the last, which includes 100. */
    public record Bin(int from, int to, int count) {
    }

    /** Service-specific readiness of the current unit (over the ESSPs offering the service). */
    public record ServiceLine(String code, String label, Figure figure) {
    }

    private static final int TOP_NEEDS = 10;
    /** Per category: how many required services not offered and lacking items are listed. */
    private static final int TOP_CATEGORY_SERVICES = 3;
    private static final int TOP_CATEGORY_ITEMS = 5;

    private final Callable<ReadinessResult> loader;
    private final TaskExecutor executor;
    private final I18n i18n;

    private ReadinessResult result;
    /** The same mission with unanswered items counted absent (SARA's conservative reading), beside the default. */
    private ReadinessResult unansweredAbsent;
    private final Map<String, AggregateRow> absentRows = new HashMap<>();
    private final ReadOnlyStringWrapper method = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sensitivity = new ReadOnlyStringWrapper("");
    private final ObservableList<Crumb> path = FXCollections.observableArrayList();
    private final ObservableList<AggregateRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DomainBar> domainProfile = FXCollections.observableArrayList();
    private final ObservableList<Bin> histogram = FXCollections.observableArrayList();
    private final ObservableList<GapAnalyzer.Need> topNeeds = FXCollections.observableArrayList();
    private final ObservableList<ServiceLine> services = FXCollections.observableArrayList();
    private final ObservableList<String> esspGaps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper esspGapsTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AggregateRow> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unitsCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper domainsCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper histogramCaption = new ReadOnlyStringWrapper("");
    private final BooleanProperty weighted = new SimpleBooleanProperty(this, "weighted", false);
    private final ObjectProperty<Breakdown> breakdown = new SimpleObjectProperty<>(this, "breakdown", Breakdown.CATEGORY);
    private final ObservableList<AggregateRow> groups = FXCollections.observableArrayList();
    private final ObservableList<String> categoryGaps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ReadinessDashboardViewModel(Callable<ReadinessResult> loader, TaskExecutor executor, I18n i18n) {
        this.loader = loader;
        this.executor = executor;
        this.i18n = i18n;
        weighted.addListener(o -> refresh());
        breakdown.addListener(o -> refresh());
    }

    /**
     * Loads and computes in the background (the default rules of the mission, and the same with unanswered items
     * counted absent for the sensitivity column), then shows the nation.
     */
    public void load() {
        executor.execute(BackgroundTask.wrap(() -> {
                    ReadinessResult r = loader.call();
                    return new ReadinessResult[] {r, ReadinessCalculator.compute(r.data(),
                            r.rules().withUnanswered(ReadinessRules.Unanswered.ABSENT))};
                })
                .onRunning(() -> {
                    loading.set(true);
                    error.set("");
                })
                .onSuccess(pair -> {
                    result = pair[0];
                    unansweredAbsent = pair[1];
                    path.setAll(new Crumb(AggregationLevel.NATIONAL, 0, i18n.get("pms.dashboard.nation")));
                    refresh();
                })
                .onFailure(e -> error.set(i18n.get("pms.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> loading.set(false)));
    }

    /**
     * A unit's name in the interface language: the Arabic name in Arabic when the territory has one, the French
     * name (that of the CLI and the exports) otherwise.
     */
    public String unitName(AggregateRow row) {
        if (row == null) {
            return "";
        }
        if (result == null || !"ar".equals(i18n.locale().getLanguage())) {
            return row.name();
        }
        ReadinessData data = result.data();
        String ar = switch (row.level()) {
            case REGION -> data.regions().stream().filter(r -> r.code().equals(row.code())).map(ReadinessData.Region::nameAr)
                    .findFirst().orElse(null);
            case PROVINCE -> data.provinces().stream().filter(p -> p.code().equals(row.code())).map(ReadinessData.Province::nameAr)
                    .findFirst().orElse(null);
            case CIRCONSCRIPTION -> data.circonscriptions().stream().filter(c -> c.code().equals(row.code()))
                    .map(ReadinessData.Circonscription::nameAr).findFirst().orElse(null);
            case ESSP -> data.essps().stream().filter(e -> e.code().equals(row.code())).map(ReadinessData.Essp::nameAr)
                    .findFirst().orElse(null);
            case NATIONAL -> i18n.get("pms.dashboard.nation");
        };
        String name = i18n.localName(row.name(), ar);
        return row.level() == AggregationLevel.CIRCONSCRIPTION ? ma.essp.diag.app.i18n.CirconscriptionName.shortForm(name) : name;
    }

    /** Opens a child row (a region, province or circonscription); an ESSP row has no children. */
    public boolean drillDown(AggregateRow row) {
        if (result == null || row == null) {
            return false;
        }
        Crumb here = path.getLast();
        AggregationLevel childLevel = childLevel(here.level());
        if (childLevel == AggregationLevel.ESSP || row.level() != childLevel) {
            return false;
        }
        Integer id = idOf(childLevel, row.code());
        if (id == null) {
            return false;
        }
        path.add(new Crumb(childLevel, id, unitName(row)));
        refresh();
        return true;
    }

    /**
     * Shows the missing items of one ESSP (a row at ESSP level), ranked by how many of its required or offered
     * services each one blocks.
     */
    public void selectEssp(AggregateRow row) {
        esspGaps.clear();
        if (result == null || row == null || row.level() != AggregationLevel.ESSP) {
            esspGapsTitle.set(i18n.get("pms.dashboard.essp_gaps.none"));
            return;
        }
        EsspReadiness essp = result.essps().stream().filter(e -> e.essp().code().equals(row.code())).findFirst().orElse(null);
        if (essp == null) {
            return;
        }
        List<GapAnalyzer.MissingItem> missing = GapAnalyzer.forEssp(result, essp);
        esspGapsTitle.set(i18n.get("pms.dashboard.essp_gaps.title", unitName(row), i18n.formatNumber(missing.size())));
        for (GapAnalyzer.MissingItem m : missing) {
            esspGaps.add(m.label(i18n.locale().getLanguage()) + (m.general() ? " · " + i18n.get("pms.dashboard.essp_gaps.general") : "")
                    + (m.blockedServices().isEmpty() ? "" : " · " + i18n.get("pms.dashboard.essp_gaps.blocks",
                    String.join(", ", m.blockedServices()))));
        }
    }

    /** Goes back up to a step of the path. */
    public void goTo(int crumbIndex) {
        if (crumbIndex >= 0 && crumbIndex < path.size() - 1) {
            path.remove(crumbIndex + 1, path.size());
            refresh();
        }
    }

    private static AggregationLevel childLevel(AggregationLevel level) {
        return switch (level) {
            case NATIONAL -> AggregationLevel.REGION;
            case REGION -> AggregationLevel.PROVINCE;
            case PROVINCE -> AggregationLevel.CIRCONSCRIPTION;
            case CIRCONSCRIPTION, ESSP -> AggregationLevel.ESSP;
        };
    }

    private Integer idOf(AggregationLevel level, String code) {
        ReadinessData data = result.data();
        return switch (level) {
            case REGION -> data.regions().stream().filter(r -> r.code().equals(code)).map(ReadinessData.Region::id).findFirst().orElse(null);
            case PROVINCE -> data.provinces().stream().filter(p -> p.code().equals(code)).map(ReadinessData.Province::id).findFirst().orElse(null);
            case CIRCONSCRIPTION -> data.circonscriptions().stream().filter(c -> c.code().equals(code))
                    .map(ReadinessData.Circonscription::id).findFirst().orElse(null);
            default -> null;
        };
    }

    /** The ESSPs of the current unit. */
    private Predicate<EsspReadiness> scope() {
        Crumb here = path.getLast();
        return switch (here.level()) {
            case NATIONAL -> e -> true;
            case REGION -> e -> e.essp().regionId() == here.id();
            case PROVINCE -> e -> e.essp().provinceId() == here.id();
            case CIRCONSCRIPTION -> e -> e.essp().circonscriptionId() == here.id();
            case ESSP -> e -> false;
        };
    }

    /** Codes of the children of the current unit, or null for "every ESSP in scope". */
    private java.util.Set<String> childCodes() {
        Crumb here = path.getLast();
        ReadinessData data = result.data();
        java.util.Set<String> codes = new java.util.HashSet<>();
        switch (here.level()) {
            case NATIONAL -> data.regions().forEach(r -> codes.add(r.code()));
            case REGION -> data.provinces().stream().filter(p -> p.regionId() == here.id()).forEach(p -> codes.add(p.code()));
            case PROVINCE -> data.circonscriptions().stream().filter(c -> c.provinceId() == here.id()).forEach(c -> codes.add(c.code()));
            default -> {
                return null;
            }
        }
        return codes;
    }

    private void refresh() {
        if (result == null || path.isEmpty()) {
            return;
        }
        Weighting weighting = weighted.get() ? Weighting.POPULATION : Weighting.UNWEIGHTED;
        Predicate<EsspReadiness> scope = scope();
        Crumb here = path.getLast();
        AggregationLevel childLevel = childLevel(here.level());
        java.util.Set<String> children = childCodes();
        List<AggregateRow> childRows = ReadinessAggregator.aggregate(result, childLevel, Breakdown.NONE, weighting, scope)
                .stream().filter(r -> children == null || children.contains(r.code())).toList();
        // the sensitivity column: the same rows with unanswered items counted absent, looked up by code
        absentRows.clear();
        ReadinessAggregator.aggregate(unansweredAbsent, childLevel, Breakdown.NONE, weighting, scope)
                .forEach(r -> absentRows.put(r.code(), r));
        rows.setAll(childRows);

        // the current unit's own figures: aggregate its ESSPs at national level (one row) under the same scope
        AggregateRow own = ReadinessAggregator.aggregate(result, AggregationLevel.NATIONAL, Breakdown.NONE, weighting, scope).getFirst();
        AggregateRow ownAbsent = ReadinessAggregator.aggregate(unansweredAbsent, AggregationLevel.NATIONAL, Breakdown.NONE, weighting,
                scope).getFirst();
        method.set(i18n.get(result.rules().reportedEquipment() ? "pms.dashboard.method.reported_equipment" : "pms.dashboard.method.observed"));
        sensitivity.set(i18n.get("pms.dashboard.sensitivity", figure(ownAbsent.general()), figure(own.general()),
                percent(own.general().completeness())));
        current.set(own);
        List<DomainBar> bars = new ArrayList<>();
        for (ReadinessData.Domain d : result.catalogue().generalDomains()) {
            bars.add(new DomainBar(d.code(), domainLabel(d), own.generalDomains().getOrDefault(d.code(), Figure.EMPTY)));
        }
        domainProfile.setAll(bars);
        histogram.setAll(histogram(scope));
        topNeeds.setAll(GapAnalyzer.needs(result, scope).stream().limit(TOP_NEEDS).toList());
        List<ServiceLine> lines = new ArrayList<>();
        for (var column : result.catalogue().serviceColumns()) {
            String label = column.label(i18n.locale().getLanguage());
            lines.add(new ServiceLine(column.code(), label, own.services().getOrDefault(column.code(), Figure.EMPTY)));
        }
        services.setAll(lines);
        esspGaps.clear();
        esspGapsTitle.set(i18n.get("pms.dashboard.essp_gaps.none"));
        captions(own, bars);
        // the current unit split by category or milieu, and the gaps of each category
        Breakdown by = breakdown.get() == null || breakdown.get() == Breakdown.NONE ? Breakdown.CATEGORY : breakdown.get();
        groups.setAll(ReadinessAggregator.aggregate(result, AggregationLevel.NATIONAL, by, weighting, scope).stream()
                .filter(r -> r.group() != null).toList());
        categoryGaps.setAll(categoryGapLines(GapAnalyzer.byCategory(result, scope)));
        summary.set(i18n.get("pms.dashboard.summary", here.name(), figure(own.general()), i18n.formatNumber(own.general().n()),
                i18n.formatNumber(own.registered()), percent(own.general().completeness()),
                i18n.get(weighted.get() ? "pms.dashboard.weighting.population" : "pms.dashboard.weighting.unweighted")));
    }

    /**
     * The n and completeness under each chart. Units: the whole of the current unit (each bar's own in its tooltip
     * and in the table row below it). Domains: n of the domain scores (a range when an ESSP has some domains scored
     * and others not) and the completeness pooled over the general items, which is that of the five domains
     * together. Histogram: the ESSPs with an index, which is the general figure's n.
     */
    private void captions(AggregateRow own, List<DomainBar> bars) {
        String completeness = percent(own.general().completeness());
        unitsCaption.set(i18n.get("pms.dashboard.caption.units", i18n.formatNumber(own.general().n()), completeness));
        int min = bars.stream().mapToInt(b -> b.figure().n()).min().orElse(0);
        int max = bars.stream().mapToInt(b -> b.figure().n()).max().orElse(0);
        String n = min == max ? i18n.formatNumber(min) : i18n.formatNumber(min) + "–" + i18n.formatNumber(max);
        domainsCaption.set(i18n.get("pms.dashboard.caption.domains", n, completeness));
        histogramCaption.set(i18n.get("pms.dashboard.caption.histogram", i18n.formatNumber(own.general().n()), completeness));
    }

    /**
     * One heading per category ("CSR-1 — 120 ESSP évalués"), then its required services most often not offered and
     * its most often lacking items, each as "lacking of answered".
     */
    private List<String> categoryGapLines(List<GapAnalyzer.CategoryGaps> gaps) {
        List<String> lines = new ArrayList<>();
        for (GapAnalyzer.CategoryGaps g : gaps) {
            lines.add(i18n.get("pms.dashboard.category_gaps.heading", g.category(), i18n.formatNumber(g.assessed())));
            g.services().stream().filter(s -> s.notOffered() > 0).limit(TOP_CATEGORY_SERVICES)
                    .forEach(s -> lines.add(i18n.get("pms.dashboard.category_gaps.service", s.label(i18n.locale().getLanguage()),
                            i18n.formatNumber(s.notOffered()), i18n.formatNumber(s.assessed()))));
            g.items().stream().limit(TOP_CATEGORY_ITEMS)
                    .forEach(item -> lines.add(i18n.get("pms.dashboard.category_gaps.item", item.label(i18n.locale().getLanguage()),
                            i18n.formatNumber(item.lacking()), i18n.formatNumber(item.answered()))));
        }
        return lines;
    }

    /** A group of the breakdown as shown: the category code, or the milieu in words. */
    public String groupLabel(AggregateRow row) {
        if (row == null || row.group() == null) {
            return "";
        }
        return Vocabulary.MILIEU.contains(row.group()) ? i18n.code(Vocabulary.MILIEU, row.group()) : row.group();
    }

    private List<Bin> histogram(Predicate<EsspReadiness> scope) {
        int[] counts = new int[10];
        for (EsspReadiness e : result.essps()) {
            if (scope.test(e) && e.generalIndex() != null) {
                counts[Math.min(9, (int) (e.generalIndex() / 10))]++;
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(new Bin(i * 10, i * 10 + 10, counts[i]));
        }
        return bins;
    }

    public String domainLabel(ReadinessData.Domain d) {
        return switch (i18n.locale().getLanguage()) {
            case "ar" -> d.labelAr();
            case "en" -> d.labelEn();
            default -> d.labelFr();
        };
    }

    /** A score as everywhere else (two decimals, the CLI's rounding), "—" when undefined. */
    public String figure(Figure f) {
        return f == null || f.value() == null ? "—" : i18n.formatDecimal(ReadinessTableWriter.number(f.value()));
    }

    public String percent(Double share) {
        return share == null ? "—" : i18n.formatDecimal(ReadinessTableWriter.percent(share)) + " %";
    }

    /** "n = 38 · 96.12 % complete" under a figure. */
    public String behind(Figure f) {
        return i18n.get("pms.dashboard.behind", i18n.formatNumber(f.n()), percent(f.completeness()));
    }

    public String needText(GapAnalyzer.Need need) {
        String label = need.label(i18n.locale().getLanguage());
        return i18n.get("pms.dashboard.need", i18n.formatNumber(need.lacking()), i18n.formatNumber(need.answered()), label);
    }

    /** "90–100"; a left-to-right mark first, so that a right-to-left (Arabic) axis does not show "100–90". */
    public String binLabel(Bin bin) {
        return "\u200E" + bin.from() + "–" + bin.to();
    }

    /** The level of the rows (for the column header). */
    public AggregationLevel rowLevel() {
        return path.isEmpty() ? AggregationLevel.REGION : childLevel(path.getLast().level());
    }

    /** Whether a row opens a lower level. */
    public boolean canDrillDown() {
        return rowLevel() != AggregationLevel.ESSP;
    }

    /**
     * The general index of a row of the units table with unanswered items counted absent (the sensitivity column);
     * empty when the row has none.
     */
    public Figure unansweredAbsent(AggregateRow row) {
        AggregateRow absent = row == null ? null : absentRows.get(row.code());
        return absent == null ? Figure.EMPTY : absent.general();
    }

    /**
     * How many general domains the row's index is computed over: "5/5", or "4/5 · 2 ESSP" when some ESSP's index
     * leaves out a general domain answered entirely "not applicable"; empty without an index.
     */
    public String domains(AggregateRow row) {
        if (row == null || row.general().n() == 0) {
            return "";
        }
        String label = i18n.leftToRight(row.generalDomainsLabel());
        return row.generalReduced() == 0 ? label
                : i18n.get("pms.dashboard.domains.reduced", label, i18n.formatNumber(row.generalReduced()));
    }

    /** The method the figures follow: what counts as available, under the mission's settings. */
    public ReadOnlyStringProperty methodProperty() {
        return method.getReadOnlyProperty();
    }

    /** The current unit's index with unanswered items counted absent, beside the default. */
    public ReadOnlyStringProperty sensitivityProperty() {
        return sensitivity.getReadOnlyProperty();
    }

    /** For tests and the map: the computed result, null before loading. */
    ReadinessResult result() {
        return result;
    }

    public Map<String, Figure> domainFigures(AggregateRow row) {
        return row == null ? new HashMap<>() : row.generalDomains();
    }

    // ---- properties

    public ObservableList<Crumb> path() {
        return path;
    }

    public ObservableList<AggregateRow> rows() {
        return rows;
    }

    public ObservableList<DomainBar> domainProfile() {
        return domainProfile;
    }

    public ObservableList<Bin> histogram() {
        return histogram;
    }

    public ObservableList<GapAnalyzer.Need> topNeeds() {
        return topNeeds;
    }

    public ObservableList<ServiceLine> services() {
        return services;
    }

    public ObservableList<String> esspGaps() {
        return esspGaps;
    }

    public ReadOnlyStringProperty esspGapsTitleProperty() {
        return esspGapsTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AggregateRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Under the chart of the child units: n and completeness of the current unit, where each bar's own are. */
    public ReadOnlyStringProperty unitsCaptionProperty() {
        return unitsCaption.getReadOnlyProperty();
    }

    /** Under the domain profile: its n and completeness. */
    public ReadOnlyStringProperty domainsCaptionProperty() {
        return domainsCaption.getReadOnlyProperty();
    }

    /** Under the histogram: how many ESSP indices it counts, and their completeness. */
    public ReadOnlyStringProperty histogramCaptionProperty() {
        return histogramCaption.getReadOnlyProperty();
    }

    /** How the current unit is split in the breakdown table: by category (default) or milieu. */
    public ObjectProperty<Breakdown> breakdownProperty() {
        return breakdown;
    }

    /** The current unit's figures per category or milieu (only groups that have ESSPs). */
    public ObservableList<AggregateRow> groups() {
        return groups;
    }

    /** Gap analysis per category of the current unit, as lines. */
    public ObservableList<String> categoryGaps() {
        return categoryGaps;
    }

    public BooleanProperty weightedProperty() {
        return weighted;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
