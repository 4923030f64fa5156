package ma.essp.diag.reporting.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.rules.PersonalDataDetector;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.complaints.ComplaintIndicators;
import ma.essp.diag.reporting.dataflow.DataFlowIndicators;
import ma.essp.diag.reporting.export.ReportData.CategoryRow;
import ma.essp.diag.reporting.export.ReportData.EsspEntry;
import ma.essp.diag.reporting.export.ReportData.HrRow;
import ma.essp.diag.reporting.export.ReportData.SampleRow;
import ma.essp.diag.reporting.findings.FindingsFigures;
import ma.essp.diag.reporting.findings.ReadinessEvidence;
import ma.essp.diag.reporting.hr.HrFactsLoader;
import ma.essp.diag.reporting.hr.HrIndicators;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Breakdown;
import ma.essp.diag.reporting.readiness.EsspReadiness;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import ma.essp.diag.reporting.readiness.Weighting;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingEvaluation;
import ma.essp.diag.reporting.training.TrainingIndicators;
import ma.essp.diag.reporting.training.TrainingProjects;
import org.jooq.DSLContext;

/**
 * Gathers {@link ReportData} for a request: loads the mission (readiness data and report sources), runs the
 * readiness computation once, then selects what lies in the scope and lays it out in the report's language. Pure
 * in-memory work after the loads, so that the same figures feed the workbook and the PDF.
 *
 * <p>It defines no indicator: each figure comes from the package of its axis, which a screen or the command line
 * calls the same way — readiness from {@code reporting.readiness}, HR from {@link HrIndicators}, data flows from
 * {@link DataFlowIndicators}, complaints from {@link ComplaintIndicators}, perpetrator care from
 * {@link PerpetratorCareFigures}, training from {@link TrainingIndicators}.
 */
public final class ReportDataCollector {

    private final ReportSourceData source;
    private final ReadinessResult readiness;
    /** The HR indicators of the whole mission, by the one definition of {@link HrIndicators} (the HR screen's). */
    private final HrIndicators.Report hr;
    private final ComplaintDeadlines complaintDeadlines;
    /** The same readiness with unanswered items counted absent (the sensitivity sentence), computed on first use. */
    private ReadinessResult unansweredAbsent;

    /** The mission's acceptable band of the data verification factor. */
    private final ma.essp.diag.reporting.dataflow.DataVerification.Band band;

    public ReportDataCollector(ReportSourceData source, ReadinessResult readiness, HrIndicators.Report hr,
                               ComplaintDeadlines complaintDeadlines, ma.essp.diag.reporting.dataflow.DataVerification.Band band) {
        this.source = source;
        this.readiness = readiness;
        this.hr = hr;
        this.complaintDeadlines = complaintDeadlines;
        this.band = band;
    }

    /** Loads everything from a mission database. */
    public static ReportDataCollector load(DSLContext dsl) {
        ReadinessData data = new ReadinessDataRepository(dsl).load();
        return new ReportDataCollector(new ReportSourceRepository(dsl).load(),
                ReadinessCalculator.compute(data, ReadinessRules.ofMission(dsl)),
                new HrIndicators().compute(new HrFactsLoader(dsl).load()), ComplaintDeadlines.ofMission(dsl),
                ma.essp.diag.reporting.dataflow.DataVerification.Band.ofMission(dsl));
    }

    private synchronized ReadinessResult unansweredAbsent() {
        if (unansweredAbsent == null) {
            unansweredAbsent = ReadinessCalculator.compute(readiness.data(),
                    readiness.rules().withUnanswered(ReadinessRules.Unanswered.ABSENT));
        }
        return unansweredAbsent;
    }

    public ReadinessResult readiness() {
        return readiness;
    }

    public ReportSourceData source() {
        return source;
    }

    /** Resolves the scope against the territory; throws with a clear message when the code is unknown. */
    private final class Territory {
        final Map<Integer, ReportSourceData.Region> regions = new HashMap<>();
        final Map<Integer, ReportSourceData.Province> provinces = new HashMap<>();
        final Map<Integer, ReportSourceData.Circonscription> circs = new HashMap<>();
        final Map<Integer, ReportSourceData.Essp> essps = new HashMap<>();
        Integer regionId;
        Integer provinceId;
        Integer circId;

        Territory(ReportScope scope) {
            source.regions().forEach(r -> regions.put(r.id(), r));
            source.provinces().forEach(p -> provinces.put(p.id(), p));
            source.circonscriptions().forEach(c -> circs.put(c.id(), c));
            source.essps().forEach(e -> essps.put(e.id(), e));
            switch (scope.level()) {
                case NATIONAL -> { }
                case REGION -> regionId = source.regions().stream().filter(r -> r.code().equals(scope.key())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no region with code " + scope.key())).id();
                case PROVINCE -> {
                    ReportSourceData.Province p = source.provinces().stream().filter(x -> x.code().equals(scope.key()))
                            .findFirst().orElseThrow(() -> new IllegalArgumentException("no province with code " + scope.key()));
                    provinceId = p.id();
                    regionId = p.regionId();
                }
                case CIRCONSCRIPTION -> {
                    ReportSourceData.Circonscription c = circs.get(Integer.parseInt(scope.key()));
                    if (c == null) {
                        throw new IllegalArgumentException("no circonscription with id " + scope.key());
                    }
                    circId = c.id();
                    provinceId = c.provinceId();
                    regionId = provinces.get(c.provinceId()).regionId();
                }
            }
        }

        int provinceOfCirc(int circ) {
            return circs.get(circ).provinceId();
        }

        int regionOfProvince(int province) {
            return provinces.get(province).regionId();
        }

        boolean circInScope(int circ) {
            ReportSourceData.Circonscription c = circs.get(circ);
            return c != null && provinceInScope(c.provinceId()) && (circId == null || circId == circ);
        }

        boolean provinceInScope(int province) {
            ReportSourceData.Province p = provinces.get(province);
            return p != null && (regionId == null || p.regionId() == regionId) && (provinceId == null || provinceId == province);
        }

        boolean esspInScope(int essp) {
            ReportSourceData.Essp e = essps.get(essp);
            return e != null && circInScope(e.circonscriptionId());
        }

        /** Whether a territory given at some level overlaps the scope (contains it or lies within it). */
        boolean overlaps(Integer region, Integer province, Integer circ, Integer essp) {
            if (essp != null) {
                ReportSourceData.Essp e = essps.get(essp);
                return e != null && overlaps(null, null, e.circonscriptionId(), null);
            }
            if (circ != null) {
                ReportSourceData.Circonscription c = circs.get(circ);
                return c != null && (circId == null ? provinceInScope(c.provinceId()) : circId.equals(circ));
            }
            if (province != null) {
                ReportSourceData.Province p = provinces.get(province);
                return p != null && (regionId == null || p.regionId() == regionId) && (provinceId == null || provinceId.equals(province));
            }
            if (region != null) {
                return regionId == null || regionId.equals(region);
            }
            return true; // national: concerns every scope
        }

        String territoryName(Integer region, Integer province, Integer circ, Integer essp, ReportLabels l) {
            if (essp != null && essps.containsKey(essp)) {
                ReportSourceData.Essp e = essps.get(essp);
                return l.name(e.nameFr(), e.nameAr());
            }
            if (circ != null && circs.containsKey(circ)) {
                return l.name(circs.get(circ).nameFr(), circs.get(circ).nameAr());
            }
            if (province != null && provinces.containsKey(province)) {
                return l.name(provinces.get(province).nameFr(), provinces.get(province).nameAr());
            }
            if (region != null && regions.containsKey(region)) {
                return l.name(regions.get(region).nameFr(), regions.get(region).nameAr());
            }
            return l.get("scope.national");
        }
    }

    public ReportData collect(ReportRequest request) {
        ReportLabels l = new ReportLabels(request.language());
        Territory t = new Territory(request.scope());
        Predicate<EsspReadiness> inScope = e -> t.esspInScope(e.essp().id());
        String lang = request.language().code();
        LocalDate asOf = request.asOf() != null ? request.asOf()
                : source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();

        String scopeName = switch (request.scope().level()) {
            case NATIONAL -> l.get("scope.national");
            case REGION -> l.get("scope.region") + " " + l.name(t.regions.get(t.regionId).nameFr(), t.regions.get(t.regionId).nameAr());
            case PROVINCE -> l.get("scope.province") + " " + l.name(t.provinces.get(t.provinceId).nameFr(), t.provinces.get(t.provinceId).nameAr());
            case CIRCONSCRIPTION -> l.get("scope.circonscription") + " " + l.name(t.circs.get(t.circId).nameFr(), t.circs.get(t.circId).nameAr());
        };
        AggregationLevel scopeLevel = switch (request.scope().level()) {
            case NATIONAL -> AggregationLevel.NATIONAL;
            case REGION -> AggregationLevel.REGION;
            case PROVINCE -> AggregationLevel.PROVINCE;
            case CIRCONSCRIPTION -> AggregationLevel.CIRCONSCRIPTION;
        };
        AggregationLevel unitLevel = switch (request.scope().level()) {
            case NATIONAL -> AggregationLevel.REGION;
            case REGION -> AggregationLevel.PROVINCE;
            case PROVINCE -> AggregationLevel.CIRCONSCRIPTION;
            case CIRCONSCRIPTION -> AggregationLevel.ESSP;
        };
        // the scope's own row of the aggregate table at its level (the aggregator lists every unit of the level)
        String scopeCode = switch (request.scope().level()) {
            case NATIONAL -> ReadinessAggregator.NATION_CODE;
            case REGION -> t.regions.get(t.regionId).code();
            case PROVINCE -> t.provinces.get(t.provinceId).code();
            case CIRCONSCRIPTION -> t.circs.get(t.circId).code();
        };
        AggregateRow scopeTotal = ReadinessAggregator.aggregate(readiness, scopeLevel, Breakdown.NONE, Weighting.UNWEIGHTED, inScope)
                .stream().filter(r -> r.code().equals(scopeCode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no aggregate row for " + request.scope()));
        AggregateRow scopeTotalAbsent = ReadinessAggregator.aggregate(unansweredAbsent(), scopeLevel, Breakdown.NONE,
                        Weighting.UNWEIGHTED, inScope)
                .stream().filter(r -> r.code().equals(scopeCode)).findFirst().orElse(null);
        // the aggregator lists every unit of the level (even those without ESSPs); keep the scope's own
        Set<String> unitCodes = new HashSet<>();
        switch (unitLevel) {
            case REGION -> source.regions().forEach(r -> unitCodes.add(r.code()));
            case PROVINCE -> source.provinces().stream().filter(p -> t.provinceInScope(p.id())).forEach(p -> unitCodes.add(p.code()));
            case CIRCONSCRIPTION -> source.circonscriptions().stream().filter(c -> t.circInScope(c.id())).forEach(c -> unitCodes.add(c.code()));
            default -> source.essps().stream().filter(e -> t.esspInScope(e.id())).forEach(e -> unitCodes.add(e.code()));
        }
        List<AggregateRow> unitReadiness = ReadinessAggregator.aggregate(readiness, unitLevel, Breakdown.NONE, Weighting.UNWEIGHTED, inScope)
                .stream().filter(r -> unitCodes.contains(r.code())).toList();

        // ESSPs of the scope
        Map<Integer, EsspReadiness> readinessById = new HashMap<>();
        readiness.essps().forEach(e -> readinessById.put(e.essp().id(), e));
        Map<String, ReportSourceData.Category> categories = new HashMap<>();
        source.categories().forEach(c -> categories.put(c.label().code(), c));
        Map<Integer, HrIndicators.Figures> hrByEsspId = new HashMap<>();
        hr.essps().forEach(f -> hrByEsspId.put(f.id(), f));
        List<EsspEntry> essps = new ArrayList<>();
        for (ReportSourceData.Essp e : source.essps()) {
            if (!t.esspInScope(e.id())) {
                continue;
            }
            ReportSourceData.Circonscription c = t.circs.get(e.circonscriptionId());
            ReportSourceData.Province p = t.provinces.get(c.provinceId());
            ReportSourceData.Region r = t.regions.get(p.regionId());
            HrIndicators.Figures staff = hrByEsspId.get(e.id());
            Map<String, Integer> byCadre = new LinkedHashMap<>();
            if (staff != null) {
                staff.byCadre().forEach((cadre, f) -> byCadre.put(cadre, f.positionsInPost()));
            }
            int inPost = byCadre.values().stream().mapToInt(Integer::intValue).sum();
            double core = staff == null ? 0 : staff.coreFte();
            EsspReadiness er = readinessById.get(e.id());
            ReportSourceData.Category cat = categories.get(e.categoryCode());
            essps.add(new EsspEntry(e, l.name(e.nameFr(), e.nameAr()), e.nameAr(),
                    cat == null ? e.categoryCode() : e.categoryCode(), l.code(Vocabulary.MILIEU, e.milieu()),
                    l.code(Vocabulary.FUNCTIONALITY, e.functionality()), l.name(c.nameFr(), c.nameAr()), l.name(p.nameFr(), p.nameAr()),
                    l.name(r.nameFr(), r.nameAr()), inPost, core, byCadre, er,
                    er == null ? List.of() : new WorkedOutOnRead<>(() -> GapAnalyzer.forEssp(readiness, er))));
        }

        // complaints: the figures of ComplaintIndicators over the ESSPs of the scope as of the report date, in the
        // report's language; a note that looks like personal data is never exported
        Map<Integer, ReportSourceData.Essp> esspById = t.essps;
        List<ReportSourceData.ComplaintSystem> scopeSystems = source.complaintSystems().stream()
                .filter(s -> s.ofEssp() && t.esspInScope(s.esspId())).toList();
        ComplaintIndicators.Report complaintFigures = ComplaintIndicators.compute(scopeSystems,
                source.complaintSamples().stream().filter(s -> t.esspInScope(s.esspId())).toList(), complaintDeadlines, asOf);
        List<SampleRow> samples = complaintFigures.samples().stream().map(m -> {
            ReportSourceData.ComplaintSample s = m.sample();
            ReportSourceData.Essp e = esspById.get(s.esspId());
            return new SampleRow(e.code(), l.name(e.nameFr(), e.nameAr()), s.receivedOn(), l.code(Vocabulary.COMPLAINT_CHANNEL, s.channel()),
                    l.code(Vocabulary.COMPLAINT_KIND, s.kind()), l.code(Vocabulary.COMPLAINT_CATEGORY, s.category()), s.acknowledgedOn(), s.closedOn(),
                    l.code(Vocabulary.COMPLAINT_OUTCOME, s.outcome()), m.daysToAcknowledge(), m.daysToClose(), m.acknowledgedInTime(),
                    m.answeredInTime(), l.word("complaint_status", m.status().code()), PersonalDataDetector.exportable(s.notes()));
        }).toList();
        // categories by number of samples, then by name in the report's language; kinds and channels in code order
        List<CategoryRow> byCategory = new ArrayList<>();
        complaintFigures.byCategory().forEach((code, summary) -> byCategory.add(categoryRow(l.code(Vocabulary.COMPLAINT_CATEGORY, code), summary)));
        byCategory.sort(Comparator.comparingInt(CategoryRow::samples).reversed().thenComparing(CategoryRow::category));
        List<CategoryRow> byKind = new ArrayList<>();
        complaintFigures.byKind().forEach((code, summary) -> byKind.add(categoryRow(l.code(Vocabulary.COMPLAINT_KIND, code), summary)));
        List<CategoryRow> byChannel = new ArrayList<>();
        complaintFigures.byChannel().forEach((code, summary) -> byChannel.add(categoryRow(l.code(Vocabulary.COMPLAINT_CHANNEL, code), summary)));
        ReportData.ComplaintSummary complaints = new ReportData.ComplaintSummary(complaintFigures.systems(),
                complaintFigures.systemShares(), samples, categoryRow(l.get("common.total"), complaintFigures.total()), byCategory,
                byKind, byChannel, complaintDeadlines,
                ComplaintFigures.meanMaturity(scopeSystems), levelSystems(t, l));

        // units: key figures
        Map<String, List<EsspEntry>> esspsByUnit = new HashMap<>();
        for (EsspEntry e : essps) {
            esspsByUnit.computeIfAbsent(unitCode(e.essp(), unitLevel, t), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<ComplaintIndicators.Sample>> samplesByUnit = new HashMap<>();
        complaintFigures.samples().forEach(s -> samplesByUnit.computeIfAbsent(unitCode(esspById.get(s.sample().esspId()), unitLevel, t),
                k -> new ArrayList<>()).add(s));
        List<ReportData.UnitRow> units = new ArrayList<>();
        List<HrRow> hrRows = new ArrayList<>();
        List<String> cadreCodes = source.cadres().stream().map(c -> c.label().code()).toList();
        Map<String, HrIndicators.Figures> hrUnits = hrByCode(unitLevel);
        for (AggregateRow row : unitReadiness) {
            List<EsspEntry> list = esspsByUnit.getOrDefault(row.code(), List.of());
            HrIndicators.Figures staff = hrUnits.get(row.code());
            // a unit without ESSPs has no HR figures: no staff over its census population
            Long population = staff != null ? staff.densityPopulation() : unitPopulation(row.code(), unitLevel, t, list);
            double core = staff == null ? 0 : staff.coreFte();
            Double density = staff != null ? staff.corePer10k() : HrIndicators.density(0, population);
            ComplaintIndicators.Summary unitComplaints = ComplaintIndicators.summarise(samplesByUnit.getOrDefault(row.code(), List.of()));
            units.add(new ReportData.UnitRow(row.code(), unitName(row, unitLevel, t, l), population, row.registered(),
                    row.assessed(), core, density, unitComplaints.samples(), unitComplaints.shareAcknowledgedInTime(), row));
            hrRows.add(hrRow(unitName(row, unitLevel, t, l), population, staff, cadreCodes));
        }
        HrIndicators.Figures scopeStaff = switch (request.scope().level()) {
            case NATIONAL -> hr.national();
            case REGION -> hrById(hr.regions(), t.regionId);
            case PROVINCE -> hrById(hr.provinces(), t.provinceId);
            case CIRCONSCRIPTION -> hrById(hr.circonscriptions(), t.circId);
        };
        Long scopePopulation = scopeStaff != null ? scopeStaff.densityPopulation() : switch (request.scope().level()) {
            case NATIONAL -> source.regions().stream().mapToLong(ReportSourceData.Region::population).sum();
            case REGION -> t.regions.get(t.regionId).population();
            case PROVINCE -> t.provinces.get(t.provinceId).population();
            case CIRCONSCRIPTION -> t.circs.get(t.circId).population();
        };
        HrRow hrTotal = hrRow(l.get("common.total"), scopePopulation, scopeStaff, cadreCodes);
        ReportData.HrTable hr = new ReportData.HrTable(cadreCodes,
                source.cadres().stream().map(c -> l.label(c.label())).toList(),
                source.cadres().stream().map(ReportSourceData.Cadre::core).toList(), hrRows, hrTotal);

        Map<String, String> hrFunctionLabels = new HashMap<>();
        source.hrFunctions().forEach(f -> hrFunctionLabels.put(f.code(), l.label(f)));
        List<ReportData.HrMatrixRow> hrMatrix = source.hrRelations().stream()
                .filter(h -> t.overlaps(h.regionId(), null, null, null))
                .sorted(Comparator.comparing((ReportSourceData.HrRelation h) -> t.regions.get(h.regionId()).code())
                        .thenComparing(h -> source.hrFunctions().stream().map(ReportSourceData.Label::code).toList().indexOf(h.functionCode())))
                .map(h -> new ReportData.HrMatrixRow(t.territoryName(h.regionId(), null, null, null, l),
                        t.regions.get(h.regionId()).gstTakeover(),
                        hrFunctionLabels.getOrDefault(h.functionCode(), h.functionCode()), l.code(Vocabulary.HOLDER, h.holderToday()),
                        l.code(Vocabulary.HOLDER, h.holderUnderGst()), h.notes()))
                .toList();

        // territory: circonscriptions and their functions
        List<String> functionCodes = List.of("planning", "programme_monitoring", "supervision", "data_collection", "complaint_follow_up", "training");
        Map<Integer, Map<String, String>> functionsByCirc = new HashMap<>();
        Map<Integer, Map<String, ReportSourceData.CirconscriptionFunction>> functionRowsByCirc = new HashMap<>();
        source.circonscriptionFunctions().forEach(f -> {
            functionsByCirc.computeIfAbsent(f.circonscriptionId(), k -> new HashMap<>()).put(f.functionCode(), l.code(Vocabulary.HELD, f.held()));
            functionRowsByCirc.computeIfAbsent(f.circonscriptionId(), k -> new HashMap<>()).put(f.functionCode(), f);
        });
        // supervision visits of the twelve months up to the as-of date: how many, and how many ESSPs were seen
        LocalDate supervisionFrom = asOf.minusYears(1).plusDays(1);
        Map<Integer, Integer> visitsByCirc = new HashMap<>();
        Map<Integer, Set<Integer>> visitedByCirc = new HashMap<>();
        for (ReportSourceData.SupervisionVisit v : source.supervisionVisits()) {
            if (v.visitedOn() == null || v.visitedOn().isBefore(supervisionFrom) || v.visitedOn().isAfter(asOf)
                    || !t.esspInScope(v.esspId())) {
                continue;
            }
            visitsByCirc.merge(v.circonscriptionId(), 1, Integer::sum);
            visitedByCirc.computeIfAbsent(v.circonscriptionId(), k -> new HashSet<>()).add(v.esspId());
        }
        Map<Integer, Integer> esspCountByCirc = new HashMap<>();
        essps.forEach(e -> esspCountByCirc.merge(e.essp().circonscriptionId(), 1, Integer::sum));
        List<ReportData.CirconscriptionRow> circRows = source.circonscriptions().stream().filter(c -> t.circInScope(c.id()))
                .map(c -> {
                    ReportSourceData.Province p = t.provinces.get(c.provinceId());
                    Map<String, String> f = new LinkedHashMap<>();
                    functionCodes.forEach(code -> f.put(code, functionsByCirc.getOrDefault(c.id(), Map.of()).getOrDefault(code, "")));
                    int count = esspCountByCirc.getOrDefault(c.id(), 0);
                    int visits = visitsByCirc.getOrDefault(c.id(), 0);
                    return new ReportData.CirconscriptionRow(c.code(), l.name(c.nameFr(), c.nameAr()), l.name(p.nameFr(), p.nameAr()),
                            l.code(Vocabulary.MILIEU, c.milieu()), c.coverage(), c.seat(), c.headName(), c.population(), count, f,
                            visits, visitedByCirc.getOrDefault(c.id(), Set.of()).size(), count == 0 ? null : (double) visits / count);
                }).toList();
        List<ReportData.AttributionRow> attributions = new ArrayList<>();
        for (ReportSourceData.Circonscription c : source.circonscriptions()) {
            if (!t.circInScope(c.id())) {
                continue;
            }
            Map<String, ReportSourceData.CirconscriptionFunction> rows = functionRowsByCirc.getOrDefault(c.id(), Map.of());
            for (String code : functionCodes) {
                ReportSourceData.CirconscriptionFunction f = rows.get(code);
                if (f != null) {
                    attributions.add(new ReportData.AttributionRow(c.code(), l.name(c.nameFr(), c.nameAr()),
                            l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, code), l.code(Vocabulary.HELD, f.held()), f.holder(), f.staffCount()));
                }
            }
        }

        // data flows
        Map<Integer, List<ReportSourceData.FlowObservations>> obsByFlow = new HashMap<>();
        source.flowObservations().forEach(o -> obsByFlow.computeIfAbsent(o.flowId(), k -> new ArrayList<>()).add(o));
        List<ReportData.FlowRow> flows = new ArrayList<>();
        for (ReportSourceData.DataFlow f : source.dataFlows()) {
            if (!t.overlaps(f.regionId(), f.provinceId(), null, null)) {
                continue;
            }
            boolean flowWithinScope = request.scope().level() == ReportScope.Level.NATIONAL
                    || (f.provinceId() != null && t.provinceInScope(f.provinceId()))
                    || (f.regionId() != null && request.scope().level() == ReportScope.Level.REGION);
            // observations of an ESSP count where its circonscription is in scope; the others where the flow is
            DataFlowIndicators.Figures figures = DataFlowIndicators.sum(obsByFlow.getOrDefault(f.id(), List.of()).stream()
                    .filter(o -> o.circonscriptionId() == null ? flowWithinScope : t.circInScope(o.circonscriptionId()))
                    .toList());
            flows.add(new ReportData.FlowRow(l.label(f.report()), f.programme(), l.code(Vocabulary.FLOW_TOOL, f.tool()),
                    l.code(Vocabulary.FLOW_LEVEL, f.fromLevel()), l.code(Vocabulary.FLOW_LEVEL, f.toLevel()), l.code(Vocabulary.FLOW_CHANNEL, f.channel()),
                    l.code(Vocabulary.PERIODICITY, f.periodicity()), f.expectedDelayDays(),
                    t.territoryName(f.regionId(), f.provinceId(), null, null, l), figures.observations(),
                    figures.expected(), figures.received(), figures.completeness(), figures.timeliness(),
                    figures.meanDelay(), figures.onTime(), figures.onTimeKnown(), figures.delaySum(), figures.delayCount()));
        }

        // perpetrator care: the sites of the scope (by their ESSP, else by their province), every figure from
        // PerpetratorCareFigures as on the Violence (auteurs) screen and in figures --axis violence
        ReportData.PerpetratorCare perpetratorCare = perpetratorCare(PerpetratorCareFigures.forSites(source.perpetratorCare(),
                s -> s.esspId() != null ? t.esspInScope(s.esspId()) : t.overlaps(null, s.provinceId(), null, null)),
                asOf, esspById, l);

        // training: national cohorts and those of a region overlapping the scope, with their sessions (TrainingIndicators)
        List<ReportSourceData.TrainingCohort> cohortsInScope = source.cohorts().stream()
                .filter(c -> c.regionId() == null || t.overlaps(c.regionId(), null, null, null))
                .toList();
        Map<Integer, String> cohortNames = new HashMap<>();
        List<ReportData.CohortRow> cohorts = new ArrayList<>();
        for (ReportSourceData.TrainingCohort c : cohortsInScope) {
            cohortNames.put(c.id(), c.name());
            // the budget as the Formation screen and figures --axis training count it (unit cost × units, else the amount)
            TrainingFigures.Budget budget = TrainingFigures.cohortBudget(source.training(), c.id());
            cohorts.add(new ReportData.CohortRow(l.label(c.programme()), l.code(Vocabulary.PROGRAMME_KIND, c.programmeKind()), c.name(),
                    c.regionId() == null ? l.get("scope.national") : t.territoryName(c.regionId(), null, null, null, l),
                    c.startsOn(), c.endsOn(), c.place(), l.code(Vocabulary.COHORT_STATUS, c.status()), c.seats(), c.participants(),
                    c.graduated(), c.droppedOut(), c.women(), c.sessions(), c.hours(), budget.planned(), budget.actual(),
                    c.projects()));
        }
        List<ReportData.SessionRow> sessions = TrainingIndicators.sessionsOf(cohortsInScope, source.sessions()).stream()
                .map(s -> new ReportData.SessionRow(cohortNames.get(s.cohortId()), s.title(), s.startsOn(), s.endsOn(),
                        s.hours(), s.place(), s.present()))
                .toList();

        // findings and recommendations: the evidence read against the figures now, as on the board and in the CLI
        FindingsFigures.Synthesis synthesis = FindingsFigures.of(source.findingBoard(),
                ReadinessEvidence.withAxes(readiness, source, complaintDeadlines, asOf), source.perpetratorCare());
        List<FindingsFigures.FindingFigures> findingsInScope = synthesis.findings().stream()
                .filter(ff -> t.overlaps(ff.finding().regionId(), ff.finding().provinceId(), ff.finding().circonscriptionId(),
                        ff.finding().esspId()))
                .sorted(Comparator.comparing(FindingsFigures.FindingFigures::finding, FindingsFigures.BY_AXIS_AND_PRIORITY))
                .toList();
        Map<Integer, String> refs = new HashMap<>();
        List<ReportData.FindingRow> findings = new ArrayList<>(findingsInScope.size());
        for (FindingsFigures.FindingFigures ff : findingsInScope) {
            var f = ff.finding();
            String ref = l.get("findings.ref") + (findings.size() + 1);
            refs.put(f.id(), ref);
            findings.add(new ReportData.FindingRow(ref, f.axis(),
                    t.territoryName(f.regionId(), f.provinceId(), f.circonscriptionId(), f.esspId(), l),
                    l.code(Vocabulary.FINDING_KIND, f.kind()), f.title(), f.statement(), l.code(Vocabulary.PRIORITY, f.priority()),
                    evidenceText(ff, synthesis.readiness(), l), ff.needsReview()));
        }
        List<ReportData.RecommendationRow> recommendations = synthesis.recommendations().stream()
                .filter(r -> r.findingIds().stream().anyMatch(refs::containsKey) || r.findingIds().isEmpty()
                        && t.overlaps(r.regionId(), r.provinceId(), null, null))
                .sorted(FindingsFigures.BY_PRIORITY_AND_HORIZON)
                .map(r -> new ReportData.RecommendationRow(r.axis(), t.territoryName(r.regionId(), r.provinceId(), null, null, l),
                        r.action(), r.responsibleLevel() != null ? l.code(Vocabulary.RESPONSIBLE_LEVEL, r.responsibleLevel())
                                : r.responsible(),
                        l.code(Vocabulary.HORIZON, r.horizon()), l.code(Vocabulary.PRIORITY, r.priority()),
                        r.costMad(), indicatorText(r, l),
                        String.join(", ", r.findingIds().stream().map(refs::get).filter(java.util.Objects::nonNull).toList())))
                .toList();

        // map: regions nationally, provinces (of the scope's region or province) otherwise
        boolean provincesMap = request.scope().level() != ReportScope.Level.NATIONAL;
        List<ReportData.MapArea> mapAreas = new ArrayList<>();
        if (!provincesMap) {
            for (AggregateRow row : unitReadiness) {
                source.regions().stream().filter(r -> r.code().equals(row.code())).findFirst().ifPresent(r ->
                        mapAreas.add(new ReportData.MapArea(r.isoCode(), l.name(r.nameFr(), r.nameAr()), row.general().value())));
            }
        } else {
            Predicate<EsspReadiness> regionOfScope = e -> e.essp().regionId() == t.regionId;
            for (AggregateRow row : ReadinessAggregator.aggregate(readiness, AggregationLevel.PROVINCE, Breakdown.NONE,
                    Weighting.UNWEIGHTED, regionOfScope)) {
                source.provinces().stream().filter(p -> p.code().equals(row.code()) && p.regionId() == t.regionId && p.isoCode() != null)
                        .findFirst().ifPresent(p -> mapAreas.add(new ReportData.MapArea(p.isoCode(), l.name(p.nameFr(), p.nameAr()),
                                t.provinceId == null || t.provinceId == p.id() ? row.general().value() : null)));
            }
        }

        List<ReportData.ServiceColumn> serviceColumns = readiness.catalogue().serviceColumns().stream()
                .map(c -> new ReportData.ServiceColumn(c.code(), c.label(lang)))
                .toList();
        return new ReportData(request, l, source.mission(), asOf, scopeName, unitLevel, readiness.catalogue().generalDomains(),
                serviceColumns, scopeTotal, units, essps, GapAnalyzer.needs(readiness, inScope), circRows, functionCodes,
                attributions, supervisionFrom,
                hr, hrMatrix, flows, complaints, perpetratorCare, cohorts, sessions, findings, recommendations, mapAreas, provincesMap,
                readiness.rules(), scopeTotalAbsent, flowQuality(request, t, l),
                trainingEvaluations(source, cohortNames.keySet(), l), trainingProjects(source, cohortNames.keySet(), l),
                trainingScenario(source, cohortNames.keySet()), trainingExperts(source, cohortsInScope, l));
    }

    /**
     * An ESSP's missing needs ({@link GapAnalyzer#forEssp}), worked out the first time the list is read, then kept: only
     * the workbook's gaps sheet and the PDF's ESSP sheets print them, and working them out for every ESSP of a national
     * report that prints neither was a tenth of its gathering's time and allocation (issue 17). The same list, by the
     * same function, whenever it is read.
     */
    private static final class WorkedOutOnRead<T> extends java.util.AbstractList<T> {
        private java.util.function.Supplier<List<T>> work;
        private List<T> list;

        WorkedOutOnRead(java.util.function.Supplier<List<T>> work) {
            this.work = work;
        }

        private synchronized List<T> list() {
            if (list == null) {
                list = work.get();
                work = null;
            }
            return list;
        }

        @Override
        public T get(int index) {
            return list().get(index);
        }

        @Override
        public int size() {
            return list().size();
        }
    }

    /**
     * The expert-days by origin ({@link TrainingFigures#expertDays}, as the Formation screen's budget tab and figures
     * --axis training --by experts): each cohort of the scope with expert-day lines, the origins it has lines of, then
     * the scope's cohorts together.
     */
    static List<ReportData.ExpertRow> trainingExperts(ReportSourceData source, List<ReportSourceData.TrainingCohort> cohorts,
                                                      ReportLabels l) {
        TrainingData data = source.training();
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        List<ReportData.ExpertRow> rows = new ArrayList<>();
        for (ReportSourceData.TrainingCohort c : cohorts) {
            ids.add(c.id());
            for (TrainingFigures.ExpertDays e : TrainingFigures.expertDays(data, c.id())) {
                if (e.any()) {
                    rows.add(expertRow(c.name(), e, l));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        TrainingData scope = new TrainingData(data.programmes(), data.cohorts(), data.sessions(), data.participants(),
                data.attendance(), data.costs().stream().filter(k -> ids.contains(k.cohortId())).toList());
        TrainingFigures.expertDays(scope, null).forEach(e -> rows.add(expertRow(null, e, l)));
        return rows;
    }

    private static ReportData.ExpertRow expertRow(String cohort, TrainingFigures.ExpertDays e, ReportLabels l) {
        String origin = e.origin().equals(TrainingFigures.NOT_STATED) ? l.get("training.experts.not_stated")
                : l.code(Vocabulary.EXPERT_ORIGIN, e.origin());
        return new ReportData.ExpertRow(cohort, origin, e.plannedDays(), e.plannedMad(), e.actualDays(), e.actualMad());
    }

    /**
     * The next MBA cohort ({@link ReportData.TrainingScenario}): the reference is the scope's MBA cohort with a budget
     * and sessions, a completed one (its actual costs and no-shows) before a planned one, the one that starts last
     * (ties: the higher id), costed by {@link TrainingFigures#referenceScenario}.
     */
    static ReportData.TrainingScenario trainingScenario(ReportSourceData source, java.util.Set<Integer> cohortIds) {
        var data = source.training();
        ma.essp.diag.database.repository.TrainingData.Cohort reference = null;
        for (var c : data.cohorts()) {
            var p = TrainingFigures.programme(data, c.programmeId());
            if (!cohortIds.contains(c.id()) || p == null || !"mba".equals(p.kind())
                    || TrainingFigures.cohortBudget(data, c.id()).cost() <= 0 || TrainingFigures.sessionsOf(data, c.id()).isEmpty()) {
                continue;
            }
            boolean held = "completed".equals(c.status());
            boolean referenceHeld = reference != null && "completed".equals(reference.status());
            if (reference == null || held && !referenceHeld || held == referenceHeld
                    && (Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()).compare(c.startsOn(), reference.startsOn()) > 0
                    || Objects.equals(c.startsOn(), reference.startsOn()) && c.id() > reference.id())) {
                reference = c;
            }
        }
        if (reference == null) {
            return null;
        }
        TrainingFigures.Reference ref = TrainingFigures.referenceScenario(data, reference.id());
        TrainingFigures.ScenarioResult r = ref.result();
        List<ReportData.ScenarioLineRow> lines = r.lines().stream()
                .map(x -> new ReportData.ScenarioLineRow(x.line(), x.unitCost(), x.units(), x.amount())).toList();
        return new ReportData.TrainingScenario(reference.name(), ref.scenario().participants(), ref.scenario().noShows(),
                ref.scenario().seminars().size(), r.days(), r.hours(), lines, r.cohortTotal(), r.costPerTrainee(),
                r.costPerCompleted(), ref.figures().budget().cost());
    }

    /**
     * The Kirkpatrick figures of the scope's cohorts (TrainingEvaluation, as on the Évaluation tab and in figures --axis
     * training --by evaluation): per cohort with an evaluation, each evaluated session then the cohort over all of them.
     */
    static List<ReportData.EvaluationRow> trainingEvaluations(ReportSourceData source, java.util.Set<Integer> cohortIds,
                                                             ReportLabels l) {
        List<ReportData.EvaluationRow> rows = new ArrayList<>();
        for (TrainingEvaluation.CohortSummary c : TrainingEvaluation.evaluatedCohorts(source.training(), source.trainingOutcomes())) {
            if (!cohortIds.contains(c.cohort().id())) {
                continue;
            }
            for (TrainingEvaluation.SessionSummary s : TrainingEvaluation.sessions(source.training(), source.trainingOutcomes(),
                    c.cohort().id())) {
                if (s.summary().evaluated() > 0) {
                    rows.add(evaluationRow(c.cohort().name(), s.session().title(), s.summary()));
                }
            }
            rows.add(evaluationRow(c.cohort().name(), null, c.summary()));
        }
        return rows;
    }

    private static ReportData.EvaluationRow evaluationRow(String cohort, String session, TrainingEvaluation.Summary s) {
        return new ReportData.EvaluationRow(cohort, session, s.paired(), s.meanPre(), s.meanPost(), s.meanGain(), s.reactions(),
                s.meanReaction(), s.level3Judged(), s.level3Held());
    }

    /** The collective projects of the scope's cohorts (TrainingProjects, as on the Projets tab). */
    static List<ReportData.ProjectRow> trainingProjects(ReportSourceData source, java.util.Set<Integer> cohortIds, ReportLabels l) {
        List<ReportData.ProjectRow> rows = new ArrayList<>();
        for (TrainingProjects.ProjectRow r : TrainingProjects.rows(source.training(), source.trainingOutcomes())) {
            if (!cohortIds.contains(r.cohort().id())) {
                continue;
            }
            var p = r.project();
            List<String> theme = new ArrayList<>();
            if (p.theme() != null) {
                theme.add(p.theme());
            }
            if (p.axis() != null) {
                theme.add(l.get("axis." + p.axis()));
            }
            if (p.reform() != null) {
                theme.add(l.code(Vocabulary.PROJECT_REFORM, p.reform()));
            }
            rows.add(new ReportData.ProjectRow(r.cohort().name(), p.title(),
                    String.join(", ", r.team().stream().map(ma.essp.diag.database.repository.TrainingData.Participant::fullName).toList()),
                    String.join(" · ", theme), p.supervisor() == null ? "" : p.supervisor(), p.defendedOn(),
                    p.result() == null ? "" : l.code(Vocabulary.PROJECT_RESULT, p.result())));
        }
        return rows;
    }

    /** Chapter 6's figures over the scope's sites: per region (then the total when more than one), referrals, sites. */
    static ReportData.PerpetratorCare perpetratorCare(PerpetratorCareData scope, LocalDate asOf,
                                                     Map<Integer, ReportSourceData.Essp> essps, ReportLabels l) {
        List<String> phases = PerpetratorCareFigures.PHASES.stream().map(ph -> l.get("epis." + ph)).toList();
        List<String> sources = Vocabulary.REFERRAL_SOURCE.codes();
        Map<Integer, PerpetratorCareFigures.StillInPost> inPostByRegion = new HashMap<>();
        PerpetratorCareFigures.StillInPost inPostTotal = null;
        for (PerpetratorCareFigures.StillInPost p : PerpetratorCareFigures.stillInPost(scope)) {
            switch (p.level()) {
                case REGION -> inPostByRegion.put(p.unitId(), p);
                case NATIONAL -> inPostTotal = p;
                default -> { } // provinces: not a row of the chapter
            }
        }
        List<PerpetratorCareFigures.RegionStages> stages = PerpetratorCareFigures.stagesByRegion(scope, asOf);
        boolean withTotal = stages.size() > 2; // the regions, then every region together
        List<ReportData.RegionRow> regions = new ArrayList<>();
        for (PerpetratorCareFigures.RegionStages r : stages) {
            if (r.regionId() == null && !withTotal) {
                continue;
            }
            Integer id = r.regionId();
            PerpetratorCareData region = id == null ? scope : PerpetratorCareFigures.forSites(scope, s -> s.regionId() == id);
            Map<String, Long> mix = PerpetratorCareFigures.referralMix(region);
            regions.add(new ReportData.RegionRow(id == null ? l.get("common.total") : l.name(r.regionFr(), r.regionAr()),
                    id == null, r.sites(), List.copyOf(r.planned().values()), List.copyOf(r.actual().values()),
                    r.notPlanned(), r.suspended(), PerpetratorCareFigures.funnel(region),
                    PerpetratorCareFigures.retention(region), sources.stream().map(src -> mix.getOrDefault(src, 0L)).toList(),
                    id == null ? inPostTotal : inPostByRegion.get(id)));
        }
        Map<String, Long> mix = PerpetratorCareFigures.referralMix(scope);
        long referralTotal = mix.values().stream().mapToLong(Long::longValue).sum();
        List<ReportData.ReferralRow> referrals = new ArrayList<>();
        mix.forEach((source, n) -> referrals.add(new ReportData.ReferralRow(l.code(Vocabulary.REFERRAL_SOURCE, source), n,
                referralTotal == 0 ? null : (double) n / referralTotal)));
        Map<Integer, PerpetratorCareFigures.SiteSteps> steps = new HashMap<>();
        PerpetratorCareFigures.siteSteps(scope).forEach(s -> steps.put(s.siteId(), s));
        Map<Integer, PerpetratorCareFigures.Activity> activity = PerpetratorCareFigures.activity(scope);
        List<ReportData.SiteRow> sites = new ArrayList<>();
        for (PerpetratorCareData.Site s : scope.sites()) {
            ReportSourceData.Essp e = s.esspId() == null ? null : essps.get(s.esspId());
            String phase = ma.essp.diag.database.rules.PerpetratorCareRules.epis(s.stage());
            String planned = PerpetratorCareFigures.plannedStage(scope, s.id(), asOf);
            PerpetratorCareFigures.StillInPost staff = PerpetratorCareFigures.stillInPost(scope, s.id());
            PerpetratorCareFigures.Activity a = activity.get(s.id());
            sites.add(new ReportData.SiteRow(s.name(), l.name(s.provinceFr(), s.provinceAr()),
                    l.code(Vocabulary.SITE_KIND, s.kind()), e == null ? "" : l.name(e.nameFr(), e.nameAr()), l.code(Vocabulary.CARE_STAGE, s.stage()),
                    phase == null ? "" : l.get("epis." + phase), s.stageSince(),
                    planned == null ? "" : l.code(Vocabulary.CARE_STAGE, planned), staff.trained(), staff.inPost(),
                    steps.get(s.id()).delivering(), steps.get(s.id()).sustained(), a.patientsFollowed(), a.newPatients(),
                    a.referrals()));
        }
        return new ReportData.PerpetratorCare(phases, sources.stream().map(src -> l.code(Vocabulary.REFERRAL_SOURCE, src)).toList(),
                regions, referrals, sites);
    }

    /**
     * The délégations' and GSTs' own complaint systems (V23) lying in the scope: the GST of a regional report's region
     * (every GST for the nation; none below the region, which the GST contains), the délégation of each province of the
     * scope (a circonscription's report: its province's). GSTs first, then délégations, in code order.
     */
    private List<ReportData.LevelSystemRow> levelSystems(Territory t, ReportLabels l) {
        Map<Integer, ReportSourceData.ComplaintSystem> byRegion = new HashMap<>();
        Map<Integer, ReportSourceData.ComplaintSystem> byProvince = new HashMap<>();
        for (ReportSourceData.ComplaintSystem s : source.complaintSystems()) {
            if (s.regionId() != null) {
                byRegion.put(s.regionId(), s);
            } else if (s.provinceId() != null) {
                byProvince.put(s.provinceId(), s);
            }
        }
        List<ReportData.LevelSystemRow> rows = new ArrayList<>();
        source.regions().stream().filter(r -> byRegion.containsKey(r.id()) && t.provinceId == null && (t.regionId == null || t.regionId == r.id()))
                .sorted(Comparator.comparing(ReportSourceData.Region::code))
                .forEach(r -> rows.add(levelSystem(l.get("complaints.level.gst"), l.name(r.nameFr(), r.nameAr()), byRegion.get(r.id()), l)));
        source.provinces().stream().filter(p -> byProvince.containsKey(p.id()) && t.provinceInScope(p.id()))
                .sorted(Comparator.comparing(ReportSourceData.Province::code))
                .forEach(p -> rows.add(levelSystem(l.get("complaints.level.delegation"), l.name(p.nameFr(), p.nameAr()),
                        byProvince.get(p.id()), l)));
        return rows;
    }

    private static ReportData.LevelSystemRow levelSystem(String level, String unit, ReportSourceData.ComplaintSystem s, ReportLabels l) {
        ma.essp.diag.reporting.complaints.ComplaintMaturity.Score score = ma.essp.diag.reporting.complaints.ComplaintMaturity.score(s);
        List<String> channels = new ArrayList<>();
        if (s.register()) {
            channels.add(l.code(Vocabulary.COMPLAINT_CHANNEL, "register"));
        }
        if (s.box()) {
            channels.add(l.code(Vocabulary.COMPLAINT_CHANNEL, "box"));
        }
        if (s.inPerson()) {
            channels.add(l.code(Vocabulary.COMPLAINT_CHANNEL, "in_person"));
        }
        if (s.phone()) {
            channels.add(l.code(Vocabulary.COMPLAINT_CHANNEL, "phone"));
        }
        if (s.chikayaPortal()) {
            channels.add(l.code(Vocabulary.COMPLAINT_CHANNEL, "chikaya_portal"));
        }
        return new ReportData.LevelSystemRow(level, unit, score.total(), score.accessibility(), score.logging(), score.handling(),
                score.monitoring(), String.join(", ", channels));
    }

    /** The scope's data-flow figures, computed by {@code reporting.dataflow} as on the screen and by the CLI. */
    private ReportData.FlowQuality flowQuality(ReportRequest request, Territory t, ReportLabels l) {
        ma.essp.diag.database.repository.DataFlowData flowData = source.dataFlow();
        AggregationLevel level = switch (request.scope().level()) {
            case NATIONAL -> AggregationLevel.NATIONAL;
            case REGION -> AggregationLevel.REGION;
            case PROVINCE -> AggregationLevel.PROVINCE;
            case CIRCONSCRIPTION -> AggregationLevel.CIRCONSCRIPTION;
        };
        int id = switch (request.scope().level()) {
            case NATIONAL -> 0;
            case REGION -> t.regionId;
            case PROVINCE -> t.provinceId;
            case CIRCONSCRIPTION -> t.circId;
        };
        ma.essp.diag.reporting.dataflow.DataFlowFigures.UnitRow row = ma.essp.diag.reporting.dataflow.DataFlowFigures
                .byUnit(flowData, level, band).stream().filter(r -> r.unit().id() == id).findFirst().orElseThrow();
        List<ReportData.LevelRate> byLevel = new ArrayList<>();
        ma.essp.diag.reporting.dataflow.DataFlowFigures.byChainLevel(flowData, row.unit())
                .forEach((from, f) -> byLevel.add(new ReportData.LevelRate(l.code(Vocabulary.FLOW_LEVEL, from), f)));
        Map<String, ma.essp.diag.database.repository.DataFlowData.ReportType> types = new HashMap<>();
        flowData.reportTypes().forEach(type -> types.put(type.code(), type));
        List<ReportData.LevelRate> byType = new ArrayList<>();
        ma.essp.diag.reporting.dataflow.DataFlowFigures.byReportType(flowData, row.unit()).forEach((code, f) ->
                byType.add(new ReportData.LevelRate(code + " — " + types.get(code).name(l.language().code()), f)));
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (String reason : ma.essp.diag.database.repository.DataFlowRules.REASONS) {
            reasons.put(reason, row.verification().discrepanciesByReason().getOrDefault(reason, 0));
        }
        reasons.put(ma.essp.diag.reporting.dataflow.DataVerification.UNEXPLAINED, row.verification().discrepanciesByReason()
                .getOrDefault(ma.essp.diag.reporting.dataflow.DataVerification.UNEXPLAINED, 0));
        List<ReportData.LevelChecklist> checklistByLevel = new ArrayList<>();
        row.checklistByLevel().forEach((lvl, f) -> {
            if (f.checklists() > 0) {
                checklistByLevel.add(new ReportData.LevelChecklist(l.code(Vocabulary.FLOW_LEVEL, lvl), f));
            }
        });
        return new ReportData.FlowQuality(byLevel, row.rates(), row.verification(), row.verification().status(band).code(),
                band.low(), band.high(), row.esspsVerified(), row.esspsOver(), row.esspsUnder(), reasons, row.rekeyingMax(),
                row.checklist(), checklistByLevel, chains(flowData, row.unit(), t, l), byType);
    }

    /**
     * The chains of each report type in the scope's place, with each link's on-time rate in the scope; none for the
     * national scope (the chains differ by region: a region's report draws its own).
     */
    private static List<ReportData.ChainRow> chains(ma.essp.diag.database.repository.DataFlowData data,
                                                    ma.essp.diag.reporting.dataflow.DataFlowFigures.Unit unit, Territory t, ReportLabels l) {
        List<ReportData.ChainRow> rows = new ArrayList<>();
        if (t.regionId == null) {
            return rows;
        }
        Map<Integer, ma.essp.diag.reporting.dataflow.DataFlowIndicators.Figures> byLink =
                ma.essp.diag.reporting.dataflow.DataFlowFigures.byLink(data, unit);
        Map<Integer, ma.essp.diag.database.repository.DataFlowData.ReportType> types = new HashMap<>();
        data.reportTypes().forEach(type -> types.put(type.id(), type));
        for (ma.essp.diag.reporting.dataflow.Chains.Chain c : ma.essp.diag.reporting.dataflow.Chains.chains(data, t.regionId, t.provinceId)) {
            ma.essp.diag.database.repository.DataFlowData.ReportType type = types.get(c.reportTypeId());
            List<ReportData.ChainLink> links = new ArrayList<>();
            for (ma.essp.diag.database.repository.DataFlowData.Link link : c.links()) {
                ma.essp.diag.reporting.dataflow.DataFlowIndicators.Figures f = byLink.get(link.id());
                links.add(new ReportData.ChainLink(link.fromLevel(), link.toLevel(), l.code(Vocabulary.FLOW_LEVEL, link.fromLevel()),
                        l.code(Vocabulary.FLOW_LEVEL, link.toLevel()),
                        l.code(Vocabulary.FLOW_TOOL, link.tool() == null ? type.tool() : link.tool()), link.rekeyed(),
                        f == null ? null : f.timeliness()));
            }
            rows.add(new ReportData.ChainRow(type.code() + " — " + type.name(l.language().code()), links, c.complete(), c.rekeyingSteps()));
        }
        return rows;
    }

    private static CategoryRow categoryRow(String category, ComplaintIndicators.Summary s) {
        return new CategoryRow(category, s.samples(), s.shareAcknowledgedInTime(), s.acknowledgeDue(), s.shareAnsweredInTime(),
                s.answerDue(), s.medianDaysToAcknowledge(), s.medianDaysToClose(), s.late(), s.shareLate());
    }

    /** A row of the HR table from the HR indicators of one unit (null: a unit without ESSP, no staff). */
    private static HrRow hrRow(String name, Long population, HrIndicators.Figures staff, List<String> cadreCodes) {
        if (staff == null) {
            return new HrRow(name, population, cadreCodes.stream().map(c -> 0).toList(), 0, 0, HrIndicators.density(0, population));
        }
        return new HrRow(name, population, cadreCodes.stream()
                .map(c -> staff.byCadre().containsKey(c) ? staff.byCadre().get(c).positionsInPost() : 0).toList(),
                staff.vacantPositions(), staff.coreFte(), staff.corePer10k());
    }

    private Map<String, HrIndicators.Figures> hrByCode(AggregationLevel level) {
        List<HrIndicators.Figures> list = switch (level) {
            case ESSP -> hr.essps();
            case CIRCONSCRIPTION -> hr.circonscriptions();
            case PROVINCE -> hr.provinces();
            case REGION -> hr.regions();
            case NATIONAL -> List.of(hr.national());
        };
        Map<String, HrIndicators.Figures> byCode = new HashMap<>();
        list.forEach(f -> byCode.put(f.code(), f));
        return byCode;
    }

    private static HrIndicators.Figures hrById(List<HrIndicators.Figures> list, int id) {
        return list.stream().filter(f -> f.id() == id).findFirst().orElse(null);
    }

    private static String unitCode(ReportSourceData.Essp e, AggregationLevel level, Territory t) {
        return switch (level) {
            case ESSP -> e.code();
            case CIRCONSCRIPTION -> t.circs.get(e.circonscriptionId()).code();
            case PROVINCE -> t.provinces.get(t.provinceOfCirc(e.circonscriptionId())).code();
            case REGION -> t.regions.get(t.regionOfProvince(t.provinceOfCirc(e.circonscriptionId()))).code();
            case NATIONAL -> ReadinessAggregator.NATION_CODE;
        };
    }

    private static Long unitPopulation(String code, AggregationLevel level, Territory t, List<EsspEntry> essps) {
        return switch (level) {
            case REGION -> t.regions.values().stream().filter(r -> r.code().equals(code)).map(ReportSourceData.Region::population).findFirst().orElse(null);
            case PROVINCE -> t.provinces.values().stream().filter(p -> p.code().equals(code)).map(ReportSourceData.Province::population).findFirst().orElse(null);
            case CIRCONSCRIPTION -> t.circs.values().stream().filter(c -> c.code().equals(code)).map(ReportSourceData.Circonscription::population).findFirst().orElse(null);
            case ESSP -> essps.isEmpty() || essps.getFirst().essp().populationServed() == null ? null : essps.getFirst().essp().populationServed().longValue();
            case NATIONAL -> null;
        };
    }

    private static String unitName(AggregateRow row, AggregationLevel level, Territory t, ReportLabels l) {
        return switch (level) {
            case REGION -> t.regions.values().stream().filter(r -> r.code().equals(row.code())).map(r -> l.name(r.nameFr(), r.nameAr())).findFirst().orElse(row.name());
            case PROVINCE -> t.provinces.values().stream().filter(p -> p.code().equals(row.code())).map(p -> l.name(p.nameFr(), p.nameAr())).findFirst().orElse(row.name());
            case CIRCONSCRIPTION -> t.circs.values().stream().filter(c -> c.code().equals(row.code())).map(c -> l.name(c.nameFr(), c.nameAr())).findFirst().orElse(row.name());
            case ESSP -> t.essps.values().stream().filter(e -> e.code().equals(row.code())).map(e -> l.name(e.nameFr(), e.nameAr())).findFirst().orElse(row.name());
            case NATIONAL -> l.get("scope.national");
        };
    }

    /**
     * The evidence printed beside a finding: each figure with its value when linked (and its value now, "to review",
     * when they differ), each record and document reference; "" without evidence.
     */
    static String evidenceText(FindingsFigures.FindingFigures ff, ReadinessEvidence readiness, ReportLabels l) {
        List<String> parts = new ArrayList<>();
        for (FindingsFigures.EvidenceFigure e : ff.evidence()) {
            var link = e.link();
            parts.add(switch (e.state()) {
                case CURRENT -> figureLabel(link.figure(), readiness, l) + " — " + e.unitName() + " : "
                        + l.number(link.storedValue(), 1);
                case CHANGED -> figureLabel(link.figure(), readiness, l) + " — " + e.unitName() + " : "
                        + l.number(link.storedValue(), 1) + " " + l.format("findings.evidence.now", l.number(e.currentValue(), 1));
                case UNIT_GONE -> figureLabel(link.figure(), readiness, l) + " — " + link.unitCode() + " : "
                        + l.number(link.storedValue(), 1) + " " + l.get("findings.evidence.unit_gone");
                case RECORD -> link.recordLabel();
                case RECORD_DELETED -> l.get("findings.evidence.record_deleted");
                case DOCUMENT -> link.document();
            });
        }
        return String.join(" ; ", parts);
    }

    /** A figure code's label in the report's language. */
    static String figureLabel(String figure, ReadinessEvidence readiness, ReportLabels l) {
        if (ReadinessEvidence.GENERAL.equals(figure)) {
            return l.get("findings.figure.general");
        }
        if (ReadinessEvidence.PMS_COVERAGE.equals(figure)) {
            return l.get("findings.figure.pms_coverage");
        }
        if (ReadinessEvidence.COMPLAINTS_ANSWERED.equals(figure)) {
            return l.get("findings.figure.complaints_answered");
        }
        if (ReadinessEvidence.DATAFLOWS_ON_TIME.equals(figure)) {
            return l.get("findings.figure.dataflows_on_time");
        }
        return readiness.domain(figure).map(d -> switch (l.language()) {
            case AR -> d.labelAr() == null ? d.labelFr() : d.labelAr();
            case EN -> d.labelEn() == null ? d.labelFr() : d.labelEn();
            default -> d.labelFr();
        }).orElse(figure);
    }

    /** The indicator to follow with its baseline and target ("" when none). */
    static String indicatorText(ma.essp.diag.database.repository.FindingRepository.Recommendation r, ReportLabels l) {
        if (r.indicator() == null && r.indicatorBaseline() == null && r.indicatorTarget() == null) {
            return "";
        }
        return (r.indicator() == null ? "" : r.indicator() + " : ")
                + l.format("findings.indicator.values", l.number(r.indicatorBaseline(), 1), l.number(r.indicatorTarget(), 1));
    }
}
