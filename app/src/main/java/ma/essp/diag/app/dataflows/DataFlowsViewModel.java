package ma.essp.diag.app.dataflows;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FormBaseline;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.DataFlowRules;
import ma.essp.diag.database.repository.DataFlowRules.Field;
import ma.essp.diag.reporting.dataflow.Chains;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowFigures.Unit;
import ma.essp.diag.reporting.dataflow.DataFlowFigures.UnitRow;
import ma.essp.diag.reporting.dataflow.DataFlowIndicators;
import ma.essp.diag.reporting.dataflow.DataFlowTable;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * The data-flow area: a dashboard of the current unit (nation, then a region, a province, a circonscription as the
 * user drills down) with its children's rates and verification factors, rates by chain level, the distribution of
 * the ESSPs' VFs and the chains of its place; and the entry of observations, recounts and link details. Every figure
 * comes from {@code reporting.dataflow} and is formatted by {@link DataFlowTable}, as the CLI and the exports do.
 * Entries are checked by {@link DataFlowRules} first: a problem is a message on its field and nothing is saved.
 */
public final class DataFlowsViewModel {

    /** The tables whose rows the undo history follows. */
    private static final String OBSERVATION = "data_flow_observation";
    private static final String RECOUNT = "data_verification";
    private static final String LINK = "data_flow";
    private static final String CHECKLIST = "system_checklist";
    private static final String TYPE = "report_type";

    /** A loaded mission: its data-flow rows and its VF band. */
    public record Loaded(DataFlowData data, DataVerification.Band band) {
    }

    /** One step of the drill-down path. */
    public record Crumb(AggregationLevel level, int id, String name) {
    }

    /** A bar pair of the rates by chain level. */
    public record LevelBar(String level, String label, DataFlowIndicators.Figures figures) {
    }

    /** A bar of the VF distribution. */
    /** The rates of one report type in the current unit ({@link DataFlowFigures#byReportType}). */
    public record TypeLine(String code, String label, DataFlowIndicators.Figures figures) {
    }

    public record VfBar(DataVerification.Bin bin, String label, int count) {
    }

    /** One link of a drawn chain, with its on-time rate in the current unit (null when never recorded). */
    public record ChainStep(Link link, String toolLabel, Double onTime) {
    }

    /** One report type's chain in the current place. */
    public record ChainLine(String reportName, List<ChainStep> steps, boolean complete, int rekeying) {
    }

    /** A link as listed in the choice boxes. */
    /** The PRISM checklist figures of one chain level in the current unit ({@code label} in the interface's language). */
    public record LevelScore(String level, String label, ma.essp.diag.reporting.dataflow.SystemChecklist.Figures figures) {
    }

    /** A place a new link may be specific to: every region (both ids null), a region, or a province of its region. */
    public record Scope(Integer regionId, Integer provinceId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public record Link(DataFlowData.Link row, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Callable<Loaded> loader;
    private final DataFlowRepository repository;
    private final MissionSettingsRepository settings;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Clock clock;

    private Loaded loaded;
    private final ObservableList<Crumb> path = FXCollections.observableArrayList();
    private final ObservableList<UnitRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LevelBar> levelBars = FXCollections.observableArrayList();
    private final ObservableList<VfBar> vfBars = FXCollections.observableArrayList();
    private final ObservableList<TypeLine> typeLines = FXCollections.observableArrayList();
    private final ObservableList<ChainLine> chains = FXCollections.observableArrayList();
    private final ObservableList<Link> links = FXCollections.observableArrayList();
    private final ObservableList<DataFlowData.Observation> observations = FXCollections.observableArrayList();
    private final ObservableList<DataFlowData.Recount> recounts = FXCollections.observableArrayList();
    private final ObservableList<DataFlowData.Checklist> checklists = FXCollections.observableArrayList();
    private final ObservableList<LevelScore> levelScores = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chainCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    // observation form
    private final ObjectProperty<Link> observationLink = new SimpleObjectProperty<>(this, "observationLink");
    private final StringProperty observationEssp = new SimpleStringProperty(this, "observationEssp", "");
    private final StringProperty observationPeriod = new SimpleStringProperty(this, "observationPeriod", "");
    private final StringProperty observationExpected = new SimpleStringProperty(this, "observationExpected", "");
    private final StringProperty observationReceived = new SimpleStringProperty(this, "observationReceived", "");
    private final StringProperty observationOnTime = new SimpleStringProperty(this, "observationOnTime", "");
    private final StringProperty observationDelay = new SimpleStringProperty(this, "observationDelay", "");
    // recount form
    private final StringProperty recountEssp = new SimpleStringProperty(this, "recountEssp", "");
    private final StringProperty recountIndicator = new SimpleStringProperty(this, "recountIndicator", "");
    private final StringProperty recountMonth = new SimpleStringProperty(this, "recountMonth", "");
    private final StringProperty recountRecounted = new SimpleStringProperty(this, "recountRecounted", "");
    private final StringProperty recountReported = new SimpleStringProperty(this, "recountReported", "");
    private final ObjectProperty<String> recountReason = new SimpleObjectProperty<>(this, "recountReason");
    // PRISM checklist form: the level, the unit's code (none for the central level), the five items (null = not observed)
    private final ObjectProperty<String> checklistLevel = new SimpleObjectProperty<>(this, "checklistLevel");
    private final StringProperty checklistUnit = new SimpleStringProperty(this, "checklistUnit", "");
    private final List<ObjectProperty<Boolean>> checklistItems = DataFlowData.Checklist.ITEMS.stream()
            .map(item -> (ObjectProperty<Boolean>) new SimpleObjectProperty<Boolean>(this, item)).toList();
    // link form
    private final ObjectProperty<Link> editedLink = new SimpleObjectProperty<>(this, "editedLink");
    private final ObjectProperty<String> linkChannel = new SimpleObjectProperty<>(this, "linkChannel");
    private final ObjectProperty<String> linkTool = new SimpleObjectProperty<>(this, "linkTool");
    private final StringProperty linkDeadline = new SimpleStringProperty(this, "linkDeadline", "");
    private final BooleanProperty linkRekeyed = new SimpleBooleanProperty(this, "linkRekeyed", false);

    // the mission's VF band (settings dataflows.vf_low / vf_high), as typed
    private final StringProperty bandLow = new SimpleStringProperty(this, "bandLow", "");
    private final StringProperty bandHigh = new SimpleStringProperty(this, "bandHigh", "");
    private final ReadOnlyStringWrapper bandError = new ReadOnlyStringWrapper(this, "bandError", "");
    // report type form (editedType null: a new type)
    private final ObjectProperty<DataFlowData.ReportType> editedType = new SimpleObjectProperty<>(this, "editedType");
    private final StringProperty typeCode = new SimpleStringProperty(this, "typeCode", "");
    private final StringProperty typeNameFr = new SimpleStringProperty(this, "typeNameFr", "");
    private final StringProperty typeNameEn = new SimpleStringProperty(this, "typeNameEn", "");
    private final StringProperty typeNameAr = new SimpleStringProperty(this, "typeNameAr", "");
    private final StringProperty typeProgramme = new SimpleStringProperty(this, "typeProgramme", "");
    private final ObjectProperty<String> typePeriodicity = new SimpleObjectProperty<>(this, "typePeriodicity");
    private final ObjectProperty<String> typeTool = new SimpleObjectProperty<>(this, "typeTool");
    private final ObservableList<DataFlowData.ReportType> reportTypes = FXCollections.observableArrayList();
    // new link form: report type, levels, place (null: every region)
    private final ObjectProperty<DataFlowData.ReportType> newLinkType = new SimpleObjectProperty<>(this, "newLinkType");
    private final ObjectProperty<String> newLinkFrom = new SimpleObjectProperty<>(this, "newLinkFrom");
    private final ObjectProperty<String> newLinkTo = new SimpleObjectProperty<>(this, "newLinkTo");
    private final ObjectProperty<Scope> newLinkScope = new SimpleObjectProperty<>(this, "newLinkScope");
    private final ObservableList<Scope> scopes = FXCollections.observableArrayList();

    private final Map<Field, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(Field.class);

    // the three forms as last shown or saved (the entry forms start blank and go blank again once saved)
    private final FormBaseline observationBaseline;
    private final FormBaseline recountBaseline;
    private final FormBaseline linkBaseline;
    private final FormBaseline checklistBaseline;
    private final FormBaseline bandBaseline;
    private final FormBaseline typeBaseline;
    private final UnsavedChanges unsaved;
    private CompletableFuture<Boolean> lastWrite = CompletableFuture.completedFuture(true);
    private final EditHistory history;

    public DataFlowsViewModel(Callable<Loaded> loader, DataFlowRepository repository, MissionSettingsRepository settings,
                              TaskExecutor executor, I18n i18n, Clock clock) {
        this.loader = loader;
        this.repository = repository;
        this.settings = settings;
        this.executor = executor;
        this.i18n = i18n;
        this.clock = clock;
        for (Field f : Field.values()) {
            fieldErrors.put(f, new ReadOnlyStringWrapper(""));
        }
        observationBaseline = new FormBaseline(List.of(observationExpected, observationReceived, observationOnTime, observationDelay));
        recountBaseline = new FormBaseline(List.of(recountRecounted, recountReported, recountReason));
        linkBaseline = new FormBaseline(List.of(linkChannel, linkTool, linkDeadline, linkRekeyed, newLinkType, newLinkFrom, newLinkTo,
                newLinkScope));
        checklistBaseline = new FormBaseline(checklistItems);
        bandBaseline = new FormBaseline(List.of(bandLow, bandHigh));
        typeBaseline = new FormBaseline(List.of(typeCode, typeNameFr, typeNameEn, typeNameAr, typeProgramme, typePeriodicity, typeTool));
        editedType.addListener((o, was, type) -> showType(type));
        editedLink.addListener((o, was, link) -> {
            clearErrors();
            linkChannel.set(link == null ? null : link.row().channel());
            linkTool.set(link == null ? null : link.row().tool());
            linkDeadline.set(link == null || link.row().deadlineDays() == null ? "" : Integer.toString(link.row().deadlineDays()));
            linkRekeyed.set(link != null && link.row().rekeyed());
            // an existing link shows its type, levels and place (not editable: delete it and create another)
            newLinkType.set(link == null ? null : reportTypes.stream().filter(t -> t.id() == link.row().reportTypeId()).findFirst()
                    .orElse(null));
            newLinkFrom.set(link == null ? null : link.row().fromLevel());
            newLinkTo.set(link == null ? null : link.row().toLevel());
            newLinkScope.set(link == null ? null : scopes.stream().filter(p -> java.util.Objects.equals(p.regionId(), link.row().regionId())
                    && java.util.Objects.equals(p.provinceId(), link.row().provinceId())).findFirst().orElse(null));
            linkBaseline.mark();
        });
        unsaved = new Editors();
        history = new EditHistory(executor);
        history.setAfterUndo(() -> reload(null));
    }

    /** Loads the mission's rows in the background, then shows the nation (or keeps the path after a save). */
    public void load() {
        reload(null);
    }

    private void reload(Runnable after) {
        executor.execute(BackgroundTask.wrap(loader)
                .onRunning(() -> {
                    loading.set(true);
                    error.set("");
                })
                .onSuccess(l -> {
                    loaded = l;
                    bandLow.set(DataFlowTable.factor(l.band().low()).isEmpty() ? "" : i18n.formatDecimal(DataFlowTable.factor(l.band().low())));
                    bandHigh.set(DataFlowTable.factor(l.band().high()).isEmpty() ? "" : i18n.formatDecimal(DataFlowTable.factor(l.band().high())));
                    bandBaseline.mark();
                    bandError.set("");
                    if (path.isEmpty()) {
                        path.setAll(new Crumb(AggregationLevel.NATIONAL, 0, i18n.get("dataflows.nation")));
                    }
                    refresh();
                    if (after != null) {
                        after.run();
                    }
                })
                .onFailure(e -> error.set(i18n.get("dataflows.error.load", Failures.reason(e, i18n))))
                .onFinished(() -> loading.set(false)));
    }

    // ------------------------------------------------------------------ dashboard

    /**
     * A unit's name in the interface language (Arabic when the territory has it, else French); a circonscription's
     * distinguishing part first ("Tétouan (circonscription sanitaire urbaine)"), so a narrow column cuts the common words.
     */
    public String unitName(Unit unit) {
        if (unit.level() == AggregationLevel.NATIONAL) {
            return i18n.get("dataflows.nation");
        }
        String name = i18n.localName(unit.name(), unit.nameAr());
        return unit.level() == AggregationLevel.CIRCONSCRIPTION ? ma.essp.diag.app.i18n.CirconscriptionName.shortForm(name) : name;
    }

    /** Opens a child row (a region, province or circonscription); an ESSP has no children. */
    public boolean drillDown(UnitRow row) {
        if (loaded == null || row == null || row.unit().level() == AggregationLevel.ESSP) {
            return false;
        }
        path.add(new Crumb(row.unit().level(), row.unit().id(), unitName(row.unit())));
        refresh();
        return true;
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

    /** The current unit as {@code reporting.dataflow} sees it. */
    private Unit currentUnit() {
        Crumb here = path.getLast();
        if (here.level() == AggregationLevel.NATIONAL) {
            return Unit.NATIONAL;
        }
        return new DataFlowFigures.Territory(loaded.data()).units(here.level()).stream().filter(u -> u.id() == here.id())
                .findFirst().orElse(Unit.NATIONAL);
    }

    private void refresh() {
        if (loaded == null || path.isEmpty()) {
            return;
        }
        DataFlowData data = loaded.data();
        DataVerification.Band band = loaded.band();
        Crumb here = path.getLast();
        Unit unit = currentUnit();
        AggregationLevel childLevel = childLevel(here.level());
        List<UnitRow> children = DataFlowFigures.byUnit(data, childLevel, band).stream()
                .filter(r -> here.level() == AggregationLevel.NATIONAL || r.unit().parentId() == here.id()).toList();
        rows.setAll(children);
        UnitRow own = DataFlowFigures.byUnit(data, here.level(), band).stream().filter(r -> r.unit().id() == unit.id())
                .findFirst().orElse(null);
        List<LevelBar> bars = new ArrayList<>();
        DataFlowFigures.byChainLevel(data, unit).forEach((level, f) ->
                bars.add(new LevelBar(level, i18n.code(Vocabulary.FLOW_LEVEL, level), f)));
        levelBars.setAll(bars);
        Map<String, DataFlowData.ReportType> types = new HashMap<>();
        data.reportTypes().forEach(t -> types.put(t.code(), t));
        List<TypeLine> byType = new ArrayList<>();
        DataFlowFigures.byReportType(data, unit).forEach((code, f) ->
                byType.add(new TypeLine(code, i18n.codeAndName(code, types.get(code).name(i18n.locale().getLanguage())), f)));
        typeLines.setAll(byType);
        List<VfBar> bins = new ArrayList<>();
        DataFlowFigures.factorDistribution(data, unit, band).forEach((bin, count) -> bins.add(new VfBar(bin, binLabel(bin, band), count)));
        vfBars.setAll(bins);
        if (own != null) {
            summary.set(i18n.get("dataflows.summary", here.name(), rate(own.rates().completeness()),
                    i18n.formatNumber(own.rates().received()), i18n.formatNumber(own.rates().expected()),
                    rate(own.rates().timeliness()), factor(own.verification().factor()),
                    statusText(own.verification().status(band)),
                    i18n.formatNumber(own.verification().compared()),
                    own.rekeyingMax() == null ? "—" : i18n.formatNumber(own.rekeyingMax())));
        }
        List<LevelScore> scores = new ArrayList<>();
        if (own != null) {
            own.checklistByLevel().forEach((level, f) -> {
                if (f.checklists() > 0) {
                    scores.add(new LevelScore(level, i18n.code(Vocabulary.FLOW_LEVEL, level), f));
                }
            });
            if (own.checklist().checklists() > 0) {
                scores.add(new LevelScore(null, i18n.get("dataflows.checklist.all_levels"), own.checklist()));
            }
        }
        levelScores.setAll(scores);
        refreshChains(data, unit);
        refreshLists(data, unit);
    }

    private void refreshChains(DataFlowData data, Unit unit) {
        Integer regionId = null;
        Integer provinceId = null;
        DataFlowFigures.Territory territory = new DataFlowFigures.Territory(data);
        switch (unit.level()) {
            case REGION -> regionId = unit.id();
            case PROVINCE -> {
                provinceId = unit.id();
                regionId = unit.parentId();
            }
            case CIRCONSCRIPTION -> {
                provinceId = unit.parentId();
                int p = provinceId;
                regionId = data.provinces().stream().filter(x -> x.id() == p).map(ReadinessData.Province::regionId).findFirst().orElse(null);
            }
            case ESSP -> {
                DataFlowFigures.Place place = territory.ofEssp(unit.id());
                provinceId = place.provinceId();
                regionId = place.regionId();
            }
            case NATIONAL -> { }
        }
        if (regionId == null) {
            chains.clear();
            chainCaption.set(i18n.get("dataflows.chain.choose"));
            return;
        }
        Map<Integer, DataFlowIndicators.Figures> byLink = DataFlowFigures.byLink(data, unit);
        Map<Integer, DataFlowData.ReportType> types = new HashMap<>();
        data.reportTypes().forEach(t -> types.put(t.id(), t));
        List<ChainLine> lines = new ArrayList<>();
        for (Chains.Chain c : Chains.chains(data, regionId, provinceId)) {
            DataFlowData.ReportType type = types.get(c.reportTypeId());
            List<ChainStep> steps = new ArrayList<>();
            for (DataFlowData.Link l : c.links()) {
                String tool = l.tool() == null ? type.tool() : l.tool();
                DataFlowIndicators.Figures f = byLink.get(l.id());
                steps.add(new ChainStep(new Link(l, linkLabel(l, types)), i18n.code(Vocabulary.FLOW_TOOL, tool),
                        f == null ? null : f.timeliness()));
            }
            lines.add(new ChainLine(typeText(type), steps, c.complete(), c.rekeyingSteps()));
        }
        chains.setAll(lines);
        chainCaption.set(i18n.get("dataflows.chain.caption", path.getLast().name()));
    }

    private void refreshLists(DataFlowData data, Unit unit) {
        DataFlowFigures.Territory territory = new DataFlowFigures.Territory(data);
        Map<Integer, DataFlowData.ReportType> types = new HashMap<>();
        data.reportTypes().forEach(t -> types.put(t.id(), t));
        Set<Integer> regionIds = new HashSet<>();
        switch (unit.level()) {
            case NATIONAL -> data.regions().forEach(r -> regionIds.add(r.id()));
            case REGION -> regionIds.add(unit.id());
            default -> {
                Integer r = regionOfUnit(data, territory, unit);
                if (r != null) {
                    regionIds.add(r);
                }
            }
        }
        reportTypes.setAll(data.reportTypes());
        List<Scope> places = new ArrayList<>();
        places.add(new Scope(null, null, i18n.get("dataflows.scope.national")));
        for (ReadinessData.Region r : data.regions()) {
            places.add(new Scope(r.id(), null, i18n.codeAndName(r.code(), i18n.localName(r.name(), r.nameAr()))));
            data.provinces().stream().filter(p -> p.regionId() == r.id()).forEach(p ->
                    places.add(new Scope(r.id(), p.id(), "    " + i18n.codeAndName(p.code(), i18n.localName(p.name(), p.nameAr())))));
        }
        scopes.setAll(places);
        if (newLinkScope.get() != null) {
            Scope was = newLinkScope.get();
            newLinkScope.set(places.stream().filter(p -> java.util.Objects.equals(p.regionId(), was.regionId())
                    && java.util.Objects.equals(p.provinceId(), was.provinceId())).findFirst().orElse(null));
        }
        if (editedType.get() != null) {
            int id = editedType.get().id();
            DataFlowData.ReportType now = data.reportTypes().stream().filter(t -> t.id() == id).findFirst().orElse(null);
            if (now == null || now.version() != editedType.get().version()) {
                editedType.set(now);
            }
        }
        links.setAll(data.links().stream()
                .filter(l -> l.regionId() == null || regionIds.contains(l.regionId()))
                .map(l -> new Link(l, linkLabel(l, types))).toList());
        observations.setAll(data.observations().stream().filter(o -> territory.of(o).in(unit)).toList());
        recounts.setAll(data.recounts().stream().filter(r -> territory.ofEssp(r.esspId()).in(unit)).toList());
        checklists.setAll(data.checklists().stream().filter(c -> territory.of(c).in(unit)).toList());
    }

    private static Integer regionOfUnit(DataFlowData data, DataFlowFigures.Territory territory, Unit unit) {
        return switch (unit.level()) {
            case PROVINCE -> unit.parentId();
            case CIRCONSCRIPTION -> data.circonscriptions().stream().filter(c -> c.id() == unit.id())
                    .map(c -> data.provinces().stream().filter(p -> p.id() == c.provinceId()).map(ReadinessData.Province::regionId)
                            .findFirst().orElse(null)).findFirst().orElse(null);
            case ESSP -> territory.ofEssp(unit.id()).regionId();
            default -> null;
        };
    }

    private String linkLabel(DataFlowData.Link l, Map<Integer, DataFlowData.ReportType> types) {
        DataFlowData.ReportType type = types.get(l.reportTypeId());
        String place = "";
        if (l.provinceId() != null) {
            place = loaded.data().provinces().stream().filter(p -> p.id() == l.provinceId()).map(p -> i18n.localName(p.name(), p.nameAr()))
                    .findFirst().orElse("");
        } else if (l.regionId() != null) {
            place = loaded.data().regions().stream().filter(r -> r.id() == l.regionId()).map(r -> i18n.localName(r.name(), r.nameAr()))
                    .findFirst().orElse("");
        }
        return (type == null ? "?" : type.code()) + " · " + i18n.code(Vocabulary.FLOW_LEVEL, l.fromLevel()) + " → "
                + i18n.code(Vocabulary.FLOW_LEVEL, l.toLevel()) + (place.isEmpty() ? "" : " · " + place);
    }

    private String binLabel(DataVerification.Bin bin, DataVerification.Band band) {
        String low = i18n.formatDecimal(band.low(), 2);
        String high = i18n.formatDecimal(band.high(), 2);
        return switch (bin) {
            case BELOW_080 -> "< " + i18n.formatDecimal(0.80, 2);
            case LOW -> i18n.formatDecimal(0.80, 2) + "–" + low;
            case WITHIN -> low + "–" + high;
            case HIGH -> high + "–" + i18n.formatDecimal(1.20, 2);
            case ABOVE_120 -> "> " + i18n.formatDecimal(1.20, 2);
            case NOT_COMPUTABLE -> statusText(DataVerification.Status.NOT_COMPUTABLE);
        };
    }

    /** A rate as the CLI writes it ({@link DataFlowTable#rate}) with the interface's decimal mark and a %; "—" when undefined. */
    public String rate(Double share) {
        String plain = DataFlowTable.rate(share);
        return plain.isEmpty() ? "—" : i18n.formatDecimal(plain) + " %";
    }

    /** A VF as the CLI writes it ({@link DataFlowTable#factor}); "—" when not computable. */
    public String factor(Double vf) {
        String plain = DataFlowTable.factor(vf);
        return plain.isEmpty() ? "—" : i18n.formatDecimal(plain);
    }

    public String status(UnitRow row) {
        return loaded == null ? "" : statusText(row.verification().status(loaded.band()));
    }

    /** The words of a VF status. */
    public String statusText(DataVerification.Status s) {
        return i18n.get(switch (s) {
            case WITHIN -> "dataflows.vf_status.within";
            case OVER_REPORTING -> "dataflows.vf_status.over_reporting";
            case UNDER_REPORTING -> "dataflows.vf_status.under_reporting";
            case NOT_COMPUTABLE -> "dataflows.vf_status.not_computable";
            case NO_RECOUNT -> "dataflows.vf_status.no_recount";
        });
    }

    /** The words of a discrepancy reason code ({@link DataFlowRules#REASONS}); "—" for none. */
    public String reasonText(String reason) {
        if (reason == null) {
            return "—";
        }
        return i18n.get(switch (reason) {
            case "register_missing" -> "dataflows.reason.register_missing";
            case "transcription_error" -> "dataflows.reason.transcription_error";
            case "late_entry" -> "dataflows.reason.late_entry";
            default -> "dataflows.reason.other";
        });
    }

    /** The message of a rule's code. */
    private String ruleText(DataFlowRules.Code code) {
        return i18n.get(switch (code) {
            case LINK_UNKNOWN -> "dataflows.rule.link_unknown";
            case ESSP_UNKNOWN -> "dataflows.rule.essp_unknown";
            case PERIOD_FORMAT -> "dataflows.rule.period_format";
            case PERIOD_FUTURE -> "dataflows.rule.period_future";
            case NEGATIVE -> "dataflows.rule.negative";
            case RECEIVED_ABOVE_EXPECTED -> "dataflows.rule.received_above_expected";
            case ON_TIME_ABOVE_RECEIVED -> "dataflows.rule.on_time_above_received";
            case DUPLICATE -> "dataflows.rule.duplicate";
            case REPORT_TYPE_UNKNOWN -> "dataflows.rule.report_type_unknown";
            case LEVEL_UNKNOWN -> "dataflows.rule.level_unknown";
            case SAME_LEVEL -> "dataflows.rule.same_level";
            case CHANNEL_UNKNOWN -> "dataflows.rule.channel_unknown";
            case TOOL_UNKNOWN -> "dataflows.rule.tool_unknown";
            case INDICATOR_REQUIRED -> "dataflows.rule.indicator_required";
            case MONTH_FORMAT -> "dataflows.rule.month_format";
            case REASON_UNKNOWN -> "dataflows.rule.reason_unknown";
            case UNIT_UNKNOWN -> "dataflows.rule.unit_unknown";
            case CHECKLIST_EMPTY -> "dataflows.rule.checklist_empty";
            case CODE_REQUIRED -> "dataflows.rule.code_required";
            case CODE_TAKEN -> "dataflows.rule.code_taken";
            case NAME_REQUIRED -> "dataflows.rule.name_required";
            case PROGRAMME_REQUIRED -> "dataflows.rule.programme_required";
            case PERIODICITY_UNKNOWN -> "dataflows.rule.periodicity_unknown";
            case SCOPE_UNKNOWN -> "dataflows.rule.scope_unknown";
            case IN_USE -> "dataflows.rule.in_use";
        });
    }

    /** The ESSP code of an id, for the lists. */
    public String esspCode(Integer esspId) {
        if (esspId == null || loaded == null) {
            return "—";
        }
        return loaded.data().essps().stream().filter(e -> e.id() == esspId).map(ReadinessData.Essp::code).findFirst().orElse("?");
    }

    public String linkLabel(int linkId) {
        return links.stream().filter(l -> l.row().id() == linkId).map(Link::label).findFirst().orElse("?");
    }

    // ------------------------------------------------------------------ entry

    private void clearErrors() {
        fieldErrors.values().forEach(w -> w.set(""));
        status.set("");
    }

    private Integer esspId(String code, List<DataFlowRules.Problem> problems, boolean required) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            if (required) {
                problems.add(new DataFlowRules.Problem(Field.ESSP, DataFlowRules.Code.ESSP_UNKNOWN));
            }
            return null;
        }
        Integer id = loaded.data().essps().stream().filter(e -> e.code().equalsIgnoreCase(c)).map(ReadinessData.Essp::id).findFirst()
                .orElse(null);
        if (id == null) {
            problems.add(new DataFlowRules.Problem(Field.ESSP, DataFlowRules.Code.ESSP_UNKNOWN));
            return -1;
        }
        return id;
    }

    /** A whole number typed in a field: null when blank (and {@code optional}), else the number; a problem otherwise. */
    private Integer whole(String text, Field field, boolean optional, Map<Field, String> notNumbers) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (!optional) {
                notNumbers.put(field, i18n.get("dataflows.rule.required"));
            }
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            notNumbers.put(field, i18n.get("dataflows.rule.not_a_number"));
            return null;
        }
    }

    private boolean show(List<DataFlowRules.Problem> problems, Map<Field, String> notNumbers) {
        notNumbers.forEach((f, m) -> fieldErrors.get(f).set(m));
        for (DataFlowRules.Problem p : problems) {
            if (fieldErrors.get(p.field()).get().isEmpty()) {
                fieldErrors.get(p.field()).set(ruleText(p.code()));
            }
        }
        boolean bad = !problems.isEmpty() || !notNumbers.isEmpty();
        if (bad) {
            status.set(i18n.get("dataflows.not_saved"));
        }
        return bad;
    }

    /** Checks the observation form and saves it when every field is right; false (nothing saved) otherwise. */
    public boolean saveObservation() {
        if (loaded == null) {
            return false;
        }
        clearErrors();
        List<DataFlowRules.Problem> problems = new ArrayList<>();
        Map<Field, String> notNumbers = new EnumMap<>(Field.class);
        Link link = observationLink.get();
        Integer essp = esspId(observationEssp.get(), problems, false);
        Integer expected = whole(observationExpected.get(), Field.EXPECTED, false, notNumbers);
        Integer received = whole(observationReceived.get(), Field.RECEIVED, false, notNumbers);
        Integer onTime = whole(observationOnTime.get(), Field.ON_TIME, true, notNumbers);
        Double delay = null;
        String delayText = observationDelay.get() == null ? "" : observationDelay.get().strip().replace(',', '.');
        if (!delayText.isEmpty()) {
            try {
                delay = Double.valueOf(delayText);
            } catch (NumberFormatException e) {
                notNumbers.put(Field.DELAY, i18n.get("dataflows.rule.not_a_number"));
            }
        }
        if (expected != null && received != null) {
            // no link chosen: id -1, which the rules report as unknown beside every other problem of the row
            DataFlowData.Observation o = new DataFlowData.Observation(0, 0, link == null ? -1 : link.row().id(), essp,
                    observationPeriod.get() == null ? "" : observationPeriod.get().strip(), expected, received, onTime, delay, null);
            Set<Integer> linkIds = new HashSet<>();
            loaded.data().links().forEach(l -> linkIds.add(l.id()));
            Set<Integer> esspIds = new HashSet<>();
            loaded.data().essps().forEach(e -> esspIds.add(e.id()));
            problems.addAll(DataFlowRules.observation(o, linkIds, esspIds, loaded.data().observations(), LocalDate.now(clock))
                    .stream().filter(p -> p.code() != DataFlowRules.Code.ESSP_UNKNOWN || problems.stream().noneMatch(q -> q.field() == Field.ESSP))
                    .toList());
            if (!show(problems, notNumbers)) {
                String what = i18n.get("dataflows.undo.observation", link == null ? "?" : link.label(), o.period());
                write(() -> created(OBSERVATION, repository.saveObservation(o), what), () -> {
                    observationExpected.set("");
                    observationReceived.set("");
                    observationOnTime.set("");
                    observationDelay.set("");
                });
                return true;
            }
            return false;
        }
        if (link == null) {
            problems.add(new DataFlowRules.Problem(Field.LINK, DataFlowRules.Code.LINK_UNKNOWN));
        }
        show(problems, notNumbers);
        return false;
    }

    /** Checks the recount form and saves it when every field is right; false (nothing saved) otherwise. */
    public boolean saveRecount() {
        if (loaded == null) {
            return false;
        }
        clearErrors();
        List<DataFlowRules.Problem> problems = new ArrayList<>();
        Map<Field, String> notNumbers = new EnumMap<>(Field.class);
        Integer essp = esspId(recountEssp.get(), problems, true);
        Integer recounted = whole(recountRecounted.get(), Field.RECOUNTED, true, notNumbers);
        Integer reported = whole(recountReported.get(), Field.REPORTED, true, notNumbers);
        DataFlowData.Recount r = new DataFlowData.Recount(0, 0, essp == null ? -1 : essp,
                recountIndicator.get() == null ? "" : recountIndicator.get().strip(),
                recountMonth.get() == null ? "" : recountMonth.get().strip(), recounted, reported, recountReason.get(), null);
        Set<Integer> esspIds = new HashSet<>();
        loaded.data().essps().forEach(e -> esspIds.add(e.id()));
        problems.addAll(DataFlowRules.recount(r, esspIds, loaded.data().recounts(), LocalDate.now(clock)).stream()
                .filter(p -> p.field() != Field.ESSP || problems.stream().noneMatch(q -> q.field() == Field.ESSP)).toList());
        if (show(problems, notNumbers)) {
            return false;
        }
        String what = i18n.get("dataflows.undo.recount", r.indicator(), r.period());
        write(() -> created(RECOUNT, repository.saveRecount(r), what), () -> {
            recountRecounted.set("");
            recountReported.set("");
            recountReason.set(null);
        });
        return true;
    }

    /**
     * Checks the PRISM checklist form and saves it when every field is right; false (nothing saved) otherwise. The unit
     * is typed as its code: an ESSP's, a circonscription's, a province's for the délégation, a region's for SRES, DRS
     * and GST; none for the central level.
     */
    public boolean saveChecklist() {
        if (loaded == null) {
            return false;
        }
        clearErrors();
        DataFlowData data = loaded.data();
        String level = checklistLevel.get();
        String code = checklistUnit.get() == null ? "" : checklistUnit.get().strip();
        Integer unit = null;
        List<DataFlowRules.Problem> problems = new ArrayList<>();
        if (level != null && !level.equals("central")) {
            unit = switch (level) {
                case "essp" -> data.essps().stream().filter(e -> e.code().equalsIgnoreCase(code)).map(ReadinessData.Essp::id).findFirst().orElse(null);
                case "circonscription" -> data.circonscriptions().stream().filter(c -> c.code().equalsIgnoreCase(code))
                        .map(ReadinessData.Circonscription::id).findFirst().orElse(null);
                case "delegation" -> data.provinces().stream().filter(p -> p.code().equalsIgnoreCase(code))
                        .map(ReadinessData.Province::id).findFirst().orElse(null);
                default -> data.regions().stream().filter(r -> r.code().equalsIgnoreCase(code)).map(ReadinessData.Region::id).findFirst().orElse(null);
            };
            if (unit == null) {
                problems.add(new DataFlowRules.Problem(Field.UNIT, DataFlowRules.Code.UNIT_UNKNOWN));
                unit = -1;
            }
        }
        String l = level == null ? "" : level;
        DataFlowData.Checklist c = new DataFlowData.Checklist(0, 0, l,
                l.equals("sres") || l.equals("drs") || l.equals("gst") ? unit : null, l.equals("delegation") ? unit : null,
                l.equals("circonscription") ? unit : null, l.equals("essp") ? unit : null,
                checklistItems.get(0).get(), checklistItems.get(1).get(), checklistItems.get(2).get(), checklistItems.get(3).get(),
                checklistItems.get(4).get(), null);
        problems.addAll(DataFlowRules.checklist(c, data, data.checklists()).stream()
                .filter(p -> p.field() != Field.UNIT || problems.stream().noneMatch(q -> q.field() == Field.UNIT)).toList());
        Map<Field, String> worded = new EnumMap<>(Field.class);
        if (problems.contains(new DataFlowRules.Problem(Field.UNIT, DataFlowRules.Code.DUPLICATE))) {
            worded.put(Field.UNIT, i18n.get("dataflows.rule.checklist_duplicate")); // "this link, period and ESSP" does not fit
        }
        if (show(problems, worded)) {
            return false;
        }
        String what = i18n.get("dataflows.undo.checklist", i18n.code(Vocabulary.FLOW_LEVEL, l), code);
        write(() -> created(CHECKLIST, repository.saveChecklist(c), what), () -> {
            checklistUnit.set("");
            checklistItems.forEach(item -> item.set(null));
        });
        return true;
    }

    /** Soft-deletes a checklist (Edit > Undo brings it back). */
    public void deleteChecklist(DataFlowData.Checklist c) {
        if (c == null) {
            return;
        }
        String what = i18n.get("dataflows.undo.checklist_delete", i18n.code(Vocabulary.FLOW_LEVEL, c.level()));
        write(() -> {
            history.wrote(CHECKLIST, c.id(), repository.deleteChecklist(c.id(), history.versionOf(CHECKLIST, c.id(), c.version())));
            return new Step(what, deleteOrRestore(CHECKLIST, c.id(), false));
        }, () -> { });
    }

    /** The text of a checklist answer: yes, no, not observed. */
    public String answerText(Boolean answer) {
        return i18n.get(answer == null ? "dataflows.checklist.not_observed" : answer ? "dataflows.yes" : "dataflows.no");
    }

    /** The unit of a checklist, as its code and name (the central level: its label). */
    public String checklistUnitText(DataFlowData.Checklist c) {
        DataFlowData data = loaded == null ? null : loaded.data();
        Integer id = c.unitId();
        if (data == null || id == null) {
            return i18n.code(Vocabulary.FLOW_LEVEL, c.level());
        }
        return switch (c.level()) {
            case "essp" -> data.essps().stream().filter(e -> e.id() == id).map(e -> i18n.codeAndName(e.code(), i18n.localName(e.name(), e.nameAr())))
                    .findFirst().orElse("?");
            case "circonscription" -> data.circonscriptions().stream().filter(e -> e.id() == id)
                    .map(e -> i18n.codeAndName(e.code(), i18n.localName(e.name(), e.nameAr()))).findFirst().orElse("?");
            case "delegation" -> data.provinces().stream().filter(e -> e.id() == id)
                    .map(e -> i18n.codeAndName(e.code(), i18n.localName(e.name(), e.nameAr()))).findFirst().orElse("?");
            default -> data.regions().stream().filter(e -> e.id() == id).map(e -> i18n.codeAndName(e.code(), i18n.localName(e.name(), e.nameAr())))
                    .findFirst().orElse("?");
        };
    }

    /** The text of a checklist rating. */
    public String ratingText(ma.essp.diag.reporting.dataflow.SystemChecklist.Rating rating) {
        return switch (rating) {
            case FUNCTIONAL -> i18n.get("dataflows.checklist.rating.functional");
            case PARTIAL -> i18n.get("dataflows.checklist.rating.partial");
            case WEAK -> i18n.get("dataflows.checklist.rating.weak");
            case NONE -> "—";
        };
    }

    // ------------------------------------------------------------------ VF band (mission settings)

    /**
     * Checks the typed band (decimals, comma or point; 0 &lt; low &lt; 1 &lt; high, {@link DataVerification.Band#settable})
     * and saves both bounds as mission settings; the figures are then computed again with it. False, nothing saved,
     * when the band is refused. Edit &gt; Undo puts the previous settings back (a bound that had none goes back to its
     * default).
     */
    public boolean saveBand() {
        if (loaded == null) {
            return false;
        }
        bandError.set("");
        status.set("");
        Double low = DataVerification.Band.parseBound(bandLow.get());
        Double high = DataVerification.Band.parseBound(bandHigh.get());
        if (low == null || high == null) {
            bandError.set(i18n.get("dataflows.band.not_a_number"));
            status.set(i18n.get("dataflows.not_saved"));
            return false;
        }
        if (!DataVerification.Band.settable(low, high)) {
            bandError.set(i18n.get("dataflows.band.invalid"));
            status.set(i18n.get("dataflows.not_saved"));
            return false;
        }
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        wanted.put(DataVerification.LOW_KEY, Double.toString(low));
        wanted.put(DataVerification.HIGH_KEY, Double.toString(high));
        String what = i18n.get("dataflows.undo.band", i18n.formatDecimal(DataFlowTable.factor(low)),
                i18n.formatDecimal(DataFlowTable.factor(high)));
        write(() -> {
            Map<String, String> before = new java.util.LinkedHashMap<>();
            Map<String, String> all = settings.all();
            wanted.keySet().forEach(k -> before.put(k, all.get(k)));
            return new Step(what, putSettings(wanted, before).apply());
        }, () -> { });
        return true;
    }

    /** Writes {@code values} (a null value: back to the default) over the settings; its inverse writes {@code back}. */
    private EditHistory.Inverse putSettings(Map<String, String> values, Map<String, String> back) {
        return () -> {
            values.forEach((key, value) -> {
                if (value == null) {
                    settings.clear(key);
                } else {
                    settings.set(key, value);
                }
            });
            return putSettings(back, values);
        };
    }

    // ------------------------------------------------------------------ report types

    /** Starts a new report type in the form (the list's selection is dropped by the view). */
    public void newReportType() {
        editedType.set(null);
        showType(null);
    }

    private void showType(DataFlowData.ReportType type) {
        clearErrors();
        typeCode.set(type == null ? "" : type.code());
        typeNameFr.set(type == null ? "" : type.nameFr());
        typeNameEn.set(type == null || type.nameEn() == null ? "" : type.nameEn());
        typeNameAr.set(type == null || type.nameAr() == null ? "" : type.nameAr());
        typeProgramme.set(type == null ? "" : type.programme());
        typePeriodicity.set(type == null ? null : type.periodicity());
        typeTool.set(type == null ? null : type.tool());
        typeBaseline.mark();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Checks the report type form ({@link DataFlowRules#reportType}: code unique over every type ever recorded, French
     * name, programme, periodicity and tool known) and saves it: a new type, or the one chosen. False, nothing saved,
     * otherwise. Edit &gt; Undo deletes a new type, or puts the previous values back.
     */
    public boolean saveReportType() {
        if (loaded == null) {
            return false;
        }
        clearErrors();
        DataFlowData.ReportType was = editedType.get();
        DataFlowData.ReportType t = new DataFlowData.ReportType(was == null ? 0 : was.id(), was == null ? 0 : was.version(),
                typeCode.get() == null ? "" : typeCode.get().strip(), typeNameFr.get() == null ? "" : typeNameFr.get().strip(),
                blankToNull(typeNameEn.get()), blankToNull(typeNameAr.get()),
                typeProgramme.get() == null ? "" : typeProgramme.get().strip(), typePeriodicity.get(), typeTool.get());
        List<String> codes;
        try {
            codes = repository.reportTypeCodes();
        } catch (RuntimeException e) {
            status.set(i18n.get("dataflows.error.save", Failures.reason(e, i18n)));
            return false;
        }
        if (show(DataFlowRules.reportType(t, codes, was == null ? null : was.code()), new EnumMap<>(Field.class))) {
            return false;
        }
        if (was == null) {
            String what = i18n.get("dataflows.undo.type_new", t.code());
            write(() -> {
                int id = repository.saveReportType(t);
                history.wrote(TYPE, id, 1);
                return new Step(what, deleteOrRestore(TYPE, id, true));
            }, () -> showType(null));
        } else {
            String what = i18n.get("dataflows.undo.type", t.code());
            write(() -> {
                history.wrote(TYPE, t.id(), repository.updateReportType(t));
                return new Step(what, putType(was, t));
            }, () -> { });
        }
        return true;
    }

    /** Writes {@code back}'s values over its report type; its inverse writes {@code forward}'s. */
    private EditHistory.Inverse putType(DataFlowData.ReportType back, DataFlowData.ReportType forward) {
        return () -> {
            int id = back.id();
            history.wrote(TYPE, id, repository.updateReportType(new DataFlowData.ReportType(id, history.versionOf(TYPE, id, 0),
                    back.code(), back.nameFr(), back.nameEn(), back.nameAr(), back.programme(), back.periodicity(), back.tool())));
            return putType(forward, back);
        };
    }

    /** Soft-deletes the chosen report type, refused while a live link carries it (Edit &gt; Undo brings it back). */
    public boolean deleteReportType() {
        DataFlowData.ReportType t = editedType.get();
        if (loaded == null || t == null) {
            return false;
        }
        clearErrors();
        Map<Field, String> worded = new EnumMap<>(Field.class);
        List<DataFlowRules.Problem> problems = DataFlowRules.deleteReportType(t, loaded.data());
        if (!problems.isEmpty()) {
            worded.put(Field.REPORT_TYPE, i18n.get("dataflows.rule.type_in_use"));
        }
        if (show(problems, worded)) {
            return false;
        }
        String what = i18n.get("dataflows.undo.type_delete", t.code());
        write(() -> {
            history.wrote(TYPE, t.id(), repository.deleteReportType(t.id(), history.versionOf(TYPE, t.id(), t.version())));
            return new Step(what, deleteOrRestore(TYPE, t.id(), false));
        }, () -> editedType.set(null));
        return true;
    }

    // ------------------------------------------------------------------ new links, deleted links

    /**
     * Checks and saves a new chain link: the chosen report type from one level to another, for every region, one
     * region or one province ({@link DataFlowRules#newLink}), with the channel, deadline, tool and re-keying typed in
     * the link form. False, nothing saved, otherwise. Edit &gt; Undo deletes it.
     */
    public boolean saveNewLink() {
        if (loaded == null) {
            return false;
        }
        clearErrors();
        Map<Field, String> notNumbers = new EnumMap<>(Field.class);
        Integer deadline = whole(linkDeadline.get(), Field.DEADLINE, true, notNumbers);
        DataFlowData.ReportType type = newLinkType.get();
        Scope scope = newLinkScope.get() == null ? scopes.isEmpty() ? new Scope(null, null, "") : scopes.getFirst() : newLinkScope.get();
        DataFlowData.Link l = new DataFlowData.Link(0, 0, type == null ? -1 : type.id(), newLinkFrom.get(), newLinkTo.get(),
                scope.regionId(), scope.provinceId(), linkChannel.get(), deadline, linkTool.get(), linkRekeyed.get(), null);
        List<DataFlowRules.Problem> problems = DataFlowRules.newLink(l, loaded.data());
        if (problems.contains(new DataFlowRules.Problem(Field.FROM_LEVEL, DataFlowRules.Code.DUPLICATE))) {
            notNumbers.putIfAbsent(Field.FROM_LEVEL, i18n.get("dataflows.rule.link_duplicate"));
        }
        if (show(problems, notNumbers)) {
            return false;
        }
        Map<Integer, DataFlowData.ReportType> types = new HashMap<>();
        loaded.data().reportTypes().forEach(x -> types.put(x.id(), x));
        String what = i18n.get("dataflows.undo.link_new", linkLabel(l, types));
        write(() -> {
            int id = repository.saveLink(l);
            history.wrote(LINK, id, 1);
            return new Step(what, deleteOrRestore(LINK, id, true));
        }, () -> {
            newLinkFrom.set(null);
            newLinkTo.set(null);
            linkDeadline.set("");
            linkBaseline.mark();
        });
        return true;
    }

    /** Soft-deletes the chosen link, refused while observations are recorded on it (Edit &gt; Undo brings it back). */
    public boolean deleteLink() {
        Link link = editedLink.get();
        if (loaded == null || link == null) {
            return false;
        }
        clearErrors();
        DataFlowData.Link l = link.row();
        Map<Field, String> worded = new EnumMap<>(Field.class);
        List<DataFlowRules.Problem> problems = DataFlowRules.deleteLink(l, loaded.data());
        if (!problems.isEmpty()) {
            worded.put(Field.LINK, i18n.get("dataflows.rule.link_in_use"));
        }
        if (show(problems, worded)) {
            return false;
        }
        String what = i18n.get("dataflows.undo.link_delete", link.label());
        write(() -> {
            history.wrote(LINK, l.id(), repository.deleteLink(l.id(), history.versionOf(LINK, l.id(), l.version())));
            return new Step(what, deleteOrRestore(LINK, l.id(), false));
        }, () -> editedLink.set(null));
        return true;
    }

    /** The link form's save: the chosen link's details, or a new link when none is chosen. */
    public boolean saveLinkForm() {
        return editedLink.get() == null ? saveNewLink() : saveLink();
    }

    /** Checks and saves the channel, tool, deadline and re-keying of the selected link. */
    public boolean saveLink() {
        Link link = editedLink.get();
        if (loaded == null || link == null) {
            return false;
        }
        clearErrors();
        Map<Field, String> notNumbers = new EnumMap<>(Field.class);
        Integer deadline = whole(linkDeadline.get(), Field.DEADLINE, true, notNumbers);
        DataFlowData.Link l = link.row();
        DataFlowData.Link changed = new DataFlowData.Link(l.id(), l.version(), l.reportTypeId(), l.fromLevel(), l.toLevel(), l.regionId(),
                l.provinceId(), linkChannel.get(), deadline, linkTool.get(), linkRekeyed.get(), l.notes());
        Set<Integer> typeIds = new HashSet<>();
        loaded.data().reportTypes().forEach(t -> typeIds.add(t.id()));
        if (show(DataFlowRules.link(changed, typeIds), notNumbers)) {
            return false;
        }
        String what = i18n.get("dataflows.undo.link", link.label());
        write(() -> {
            history.wrote(LINK, l.id(), repository.updateLink(changed));
            return new Step(what, putLink(l, changed));
        }, () -> editedLink.set(null));
        return true;
    }

    /** A write of a form: what Edit > Undo calls it and what undoes it. */
    private record Step(String what, EditHistory.Inverse inverse) {
    }

    /** Row {@code id} of {@code table} just inserted (version 1): undone by soft-deleting it. */
    private Step created(String table, int id, String what) {
        history.wrote(table, id, 1);
        return new Step(what, deleteOrRestore(table, id, true));
    }

    /** Soft-deletes ({@code delete}) or restores an observation or recount row; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestore(String table, int id, boolean delete) {
        return () -> {
            int from = history.versionOf(table, id, 0);
            int version = switch (table) {
                case OBSERVATION -> delete ? repository.deleteObservation(id, from) : repository.restoreObservation(id, from);
                case CHECKLIST -> delete ? repository.deleteChecklist(id, from) : repository.restoreChecklist(id, from);
                case LINK -> delete ? repository.deleteLink(id, from) : repository.restoreLink(id, from);
                case TYPE -> delete ? repository.deleteReportType(id, from) : repository.restoreReportType(id, from);
                default -> delete ? repository.deleteRecount(id, from) : repository.restoreRecount(id, from);
            };
            history.wrote(table, id, version);
            return deleteOrRestore(table, id, !delete);
        };
    }

    /** Writes {@code back}'s channel, deadline, tool and re-keying over its link; its inverse writes {@code forward}'s. */
    private EditHistory.Inverse putLink(DataFlowData.Link back, DataFlowData.Link forward) {
        return () -> {
            DataFlowData.Link b = back;
            int id = b.id();
            history.wrote(LINK, id, repository.updateLink(new DataFlowData.Link(id, history.versionOf(LINK, id, 0),
                    b.reportTypeId(), b.fromLevel(), b.toLevel(), b.regionId(), b.provinceId(), b.channel(), b.deadlineDays(),
                    b.tool(), b.rekeyed(), b.notes())));
            return putLink(forward, back);
        };
    }

    /** The observation, recount and link saves of this screen, that Ctrl+Z / Ctrl+Y undo and redo. */
    public EditHistory history() {
        return history;
    }

    private void write(Callable<Step> save, Runnable afterSaved) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        lastWrite = done;
        executor.execute(BackgroundTask.wrap(save)
                .onSuccess(step -> {
                    history.record(step.what(), step.inverse());
                    done.complete(true);
                    reload(() -> {
                        afterSaved.run();
                        status.set(i18n.get("dataflows.saved"));
                    });
                })
                .onFailure(e -> {
                    status.set(e instanceof StaleEditException ? i18n.get("error.stale")
                            : i18n.get("dataflows.error.save", Failures.reason(e, i18n)));
                    done.complete(false);
                }));
    }

    /** The observation, recount and link forms as the shell sees them before leaving the area or closing the window. */
    public UnsavedChanges unsavedChanges() {
        return unsaved;
    }

    /** Unsaved while a form holds what it did not show or save; saving checks and writes each changed form in turn. */
    private final class Editors implements UnsavedChanges {
        private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(this, "unsaved");

        Editors() {
            any.bind(observationBaseline.changedProperty().or(recountBaseline.changedProperty()).or(linkBaseline.changedProperty())
                    .or(checklistBaseline.changedProperty()).or(bandBaseline.changedProperty()).or(typeBaseline.changedProperty()));
        }

        @Override
        public ReadOnlyBooleanProperty unsavedProperty() {
            return any.getReadOnlyProperty();
        }

        @Override
        public CompletionStage<Boolean> save() {
            return step(observationBaseline, DataFlowsViewModel.this::saveObservation, CompletableFuture.completedFuture(true))
                    .thenCompose(ok -> step(recountBaseline, DataFlowsViewModel.this::saveRecount, CompletableFuture.completedFuture(ok)))
                    .thenCompose(ok -> step(linkBaseline, DataFlowsViewModel.this::saveLinkForm, CompletableFuture.completedFuture(ok)))
                    .thenCompose(ok -> step(checklistBaseline, DataFlowsViewModel.this::saveChecklist, CompletableFuture.completedFuture(ok)))
                    .thenCompose(ok -> step(bandBaseline, DataFlowsViewModel.this::saveBand, CompletableFuture.completedFuture(ok)))
                    .thenCompose(ok -> step(typeBaseline, DataFlowsViewModel.this::saveReportType, CompletableFuture.completedFuture(ok)));
        }

        /** Saves one form when it changed and all before it were saved; a form refused by its checks stops there. */
        private CompletionStage<Boolean> step(FormBaseline form, BooleanSupplier save, CompletionStage<Boolean> before) {
            return before.thenCompose(ok -> !ok || !form.isChanged() ? CompletableFuture.completedFuture(ok)
                    : save.getAsBoolean() ? lastWrite : CompletableFuture.completedFuture(false));
        }

        @Override
        public void discard() {
            observationExpected.set("");
            observationReceived.set("");
            observationOnTime.set("");
            observationDelay.set("");
            recountRecounted.set("");
            recountReported.set("");
            recountReason.set(null);
            checklistItems.forEach(item -> item.set(null));
            Link link = editedLink.get();
            editedLink.set(null);
            editedLink.set(link);
            showType(editedType.get());
            withBand(band -> {
                bandLow.set(i18n.formatDecimal(DataFlowTable.factor(band.low())));
                bandHigh.set(i18n.formatDecimal(DataFlowTable.factor(band.high())));
                bandBaseline.mark();
            });
            bandError.set("");
            clearErrors();
        }
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyStringProperty errorProperty(Field field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    public ObservableList<Crumb> path() { return path; }
    public ObservableList<UnitRow> rows() { return rows; }
    public ObservableList<LevelBar> levelBars() { return levelBars; }
    public ObservableList<VfBar> vfBars() { return vfBars; }
    public ObservableList<TypeLine> typeLines() { return typeLines; }
    public ObservableList<ChainLine> chains() { return chains; }
    public ObservableList<Link> links() { return links; }
    public ObservableList<DataFlowData.Observation> observations() { return observations; }
    public ObservableList<DataFlowData.Recount> recounts() { return recounts; }
    public ObservableList<DataFlowData.Checklist> checklists() { return checklists; }
    public ObservableList<LevelScore> levelScores() { return levelScores; }
    public ObjectProperty<String> checklistLevelProperty() { return checklistLevel; }
    public StringProperty checklistUnitProperty() { return checklistUnit; }
    /** The answer to item {@code i} ({@link DataFlowData.Checklist#ITEMS} order): true yes, false no, null not observed. */
    public ObjectProperty<Boolean> checklistItemProperty(int i) { return checklistItems.get(i); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty chainCaptionProperty() { return chainCaption.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ObjectProperty<Link> observationLinkProperty() { return observationLink; }
    public StringProperty observationEsspProperty() { return observationEssp; }
    public StringProperty observationPeriodProperty() { return observationPeriod; }
    public StringProperty observationExpectedProperty() { return observationExpected; }
    public StringProperty observationReceivedProperty() { return observationReceived; }
    public StringProperty observationOnTimeProperty() { return observationOnTime; }
    public StringProperty observationDelayProperty() { return observationDelay; }
    public StringProperty recountEsspProperty() { return recountEssp; }
    public StringProperty recountIndicatorProperty() { return recountIndicator; }
    public StringProperty recountMonthProperty() { return recountMonth; }
    public StringProperty recountRecountedProperty() { return recountRecounted; }
    public StringProperty recountReportedProperty() { return recountReported; }
    public ObjectProperty<String> recountReasonProperty() { return recountReason; }
    public ObjectProperty<Link> editedLinkProperty() { return editedLink; }
    public ObjectProperty<String> linkChannelProperty() { return linkChannel; }
    public ObjectProperty<String> linkToolProperty() { return linkTool; }
    public StringProperty linkDeadlineProperty() { return linkDeadline; }
    public BooleanProperty linkRekeyedProperty() { return linkRekeyed; }
    public StringProperty bandLowProperty() { return bandLow; }
    public StringProperty bandHighProperty() { return bandHigh; }
    public ReadOnlyStringProperty bandErrorProperty() { return bandError.getReadOnlyProperty(); }
    public ObservableList<DataFlowData.ReportType> reportTypes() { return reportTypes; }
    public ObjectProperty<DataFlowData.ReportType> editedTypeProperty() { return editedType; }
    public StringProperty typeCodeProperty() { return typeCode; }
    public StringProperty typeNameFrProperty() { return typeNameFr; }
    public StringProperty typeNameEnProperty() { return typeNameEn; }
    public StringProperty typeNameArProperty() { return typeNameAr; }
    public StringProperty typeProgrammeProperty() { return typeProgramme; }
    public ObjectProperty<String> typePeriodicityProperty() { return typePeriodicity; }
    public ObjectProperty<String> typeToolProperty() { return typeTool; }
    public ObjectProperty<DataFlowData.ReportType> newLinkTypeProperty() { return newLinkType; }
    public ObjectProperty<String> newLinkFromProperty() { return newLinkFrom; }
    public ObjectProperty<String> newLinkToProperty() { return newLinkTo; }
    public ObjectProperty<Scope> newLinkScopeProperty() { return newLinkScope; }
    public ObservableList<Scope> scopes() { return scopes; }

    /** A report type as the lists show it: its code and name in the interface language. */
    public String typeText(DataFlowData.ReportType t) {
        return t == null ? "" : i18n.codeAndName(t.code(), t.name(i18n.locale().getLanguage()));
    }

    /** The current unit's own row (the summary's figures), for tests and the detail line. */
    public UnitRow currentRow() {
        if (loaded == null || path.isEmpty()) {
            return null;
        }
        Unit unit = currentUnit();
        return DataFlowFigures.byUnit(loaded.data(), path.getLast().level(), loaded.band()).stream()
                .filter(r -> r.unit().id() == unit.id()).findFirst().orElse(null);
    }

    /** Runs {@code action} with the loaded band (for the view's colours); nothing before the first load. */
    public void withBand(Consumer<DataVerification.Band> action) {
        if (loaded != null) {
            action.accept(loaded.band());
        }
    }
}
