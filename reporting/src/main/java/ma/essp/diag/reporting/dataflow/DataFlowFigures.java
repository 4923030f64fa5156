package ma.essp.diag.reporting.dataflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowData.Checklist;
import ma.essp.diag.database.repository.DataFlowData.Link;
import ma.essp.diag.database.repository.DataFlowData.Observation;
import ma.essp.diag.database.repository.DataFlowData.Recount;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * The data-flow figures of a mission per territorial unit, per chain level and per report type: the one computation
 * behind the data-flow screen, {@code essp-diag figures --axis dataflows} and the report. Rates are
 * {@link DataFlowIndicators} (received ÷ expected, on time ÷ expected, capped, with their n), verification factors
 * {@link DataVerification}, re-keying steps {@link Chains}.
 *
 * <h2>Which observations a unit counts</h2>
 * An observation of one ESSP counts in that ESSP, its circonscription, province and region and the nation. An
 * observation of a whole link (no ESSP) counts where the link belongs: a province's link in that province, its region
 * and the nation; a region's link in the region and the nation; a national link in the nation only — never in a
 * smaller unit, which it does not describe. Recount rows always belong to an ESSP. A system checklist counts likewise
 * where its unit lies: an ESSP's in the ESSP and up, a circonscription's in the circonscription and up, a
 * délégation's in its province and up, a regional level's in its region and the nation, the central level's in the
 * nation only.
 */
public final class DataFlowFigures {

    private DataFlowFigures() {
    }

    /** Where an observation or a recount belongs; null fields where it says nothing (a link's row has no ESSP). */
    public record Place(Integer esspId, Integer circonscriptionId, Integer provinceId, Integer regionId) {

        /** Whether this place lies in {@code unit} (the nation contains every place). */
        public boolean in(Unit unit) {
            return switch (unit.level()) {
                case NATIONAL -> true;
                case REGION -> Integer.valueOf(unit.id()).equals(regionId);
                case PROVINCE -> Integer.valueOf(unit.id()).equals(provinceId);
                case CIRCONSCRIPTION -> Integer.valueOf(unit.id()).equals(circonscriptionId);
                case ESSP -> Integer.valueOf(unit.id()).equals(esspId);
            };
        }
    }

    /**
     * A territorial unit: its level, id (0 for the nation), code, French and Arabic names, and the id of the unit
     * containing it one level up (0 when none).
     */
    public record Unit(AggregationLevel level, int id, String code, String name, String nameAr, int parentId) {

        public static final Unit NATIONAL = new Unit(AggregationLevel.NATIONAL, 0, "MA", "Maroc", "المغرب", 0);
    }

    /**
     * The figures of one unit.
     *
     * @param rates        reporting and on-time rates with their counts (n = observations, expected)
     * @param verification verification over the unit's recount rows
     * @param esspsVerified ESSPs of the unit with a computable VF
     * @param esspsOver     of them, VF below the band (over-reporting)
     * @param esspsUnder    of them, VF above the band (under-reporting)
     * @param rekeyingMax   the most re-keying steps from the ESSP to the central level over the report types'
     *                      chains that apply in the unit; null when no chain reaches the central level
     * @param checklist     the PRISM system checklists lying in the unit, all levels pooled ({@link SystemChecklist})
     * @param checklistByLevel the same by chain level, every level of {@code Vocabulary.FLOW_LEVEL} present, in order
     */
    public record UnitRow(Unit unit, DataFlowIndicators.Figures rates, DataVerification.Figures verification, int esspsVerified,
                          int esspsOver, int esspsUnder, Integer rekeyingMax, SystemChecklist.Figures checklist,
                          Map<String, SystemChecklist.Figures> checklistByLevel) {

        public UnitRow {
            checklistByLevel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checklistByLevel));
        }
    }

    /** The territory of {@code data} with the place of each ESSP. */
    public static final class Territory {
        private final DataFlowData data;
        private final Map<Integer, ReadinessData.Essp> essps = new HashMap<>();
        private final Map<Integer, ReadinessData.Province> provinces = new HashMap<>();
        private final Map<Integer, Link> links = new HashMap<>();
        private final Map<Integer, Integer> circonscriptionProvinces = new HashMap<>();

        public Territory(DataFlowData data) {
            this.data = data;
            data.circonscriptions().forEach(c -> circonscriptionProvinces.put(c.id(), c.provinceId()));
            data.essps().forEach(e -> essps.put(e.id(), e));
            data.provinces().forEach(p -> provinces.put(p.id(), p));
            data.links().forEach(l -> links.put(l.id(), l));
        }

        public Place of(Observation o) {
            if (o.esspId() != null) {
                return ofEssp(o.esspId());
            }
            Link link = links.get(o.linkId());
            if (link == null) {
                return new Place(null, null, null, null);
            }
            if (link.provinceId() != null) {
                ReadinessData.Province p = provinces.get(link.provinceId());
                return new Place(null, null, link.provinceId(), p == null ? link.regionId() : Integer.valueOf(p.regionId()));
            }
            return new Place(null, null, null, link.regionId());
        }

        /** Where a system checklist belongs: its unit (see the class comment). */
        public Place of(Checklist c) {
            Integer unit = c.unitId();
            if (unit == null) {
                return new Place(null, null, null, null);
            }
            return switch (c.level()) {
                case "essp" -> ofEssp(unit);
                case "circonscription" -> {
                    Integer province = circonscriptionProvinces.get(unit);
                    yield new Place(null, unit, province, province == null ? null : Integer.valueOf(regionOf(province)));
                }
                case "delegation" -> new Place(null, null, unit, regionOf(unit));
                default -> new Place(null, null, null, unit);
            };
        }

        public Place ofEssp(int esspId) {
            ReadinessData.Essp e = essps.get(esspId);
            return e == null ? new Place(esspId, null, null, null)
                    : new Place(e.id(), e.circonscriptionId(), e.provinceId(), e.regionId());
        }

        /** The units of {@code level}, in code order. */
        public List<Unit> units(AggregationLevel level) {
            List<Unit> units = new ArrayList<>();
            switch (level) {
                case NATIONAL -> units.add(Unit.NATIONAL);
                case REGION -> data.regions().forEach(r -> units.add(new Unit(level, r.id(), r.code(), r.name(), r.nameAr(), 0)));
                case PROVINCE -> data.provinces().forEach(p -> units.add(new Unit(level, p.id(), p.code(), p.name(), p.nameAr(), p.regionId())));
                case CIRCONSCRIPTION -> data.circonscriptions().forEach(c ->
                        units.add(new Unit(level, c.id(), c.code(), c.name(), c.nameAr(), c.provinceId())));
                case ESSP -> data.essps().forEach(e -> units.add(new Unit(level, e.id(), e.code(), e.name(), e.nameAr(), e.circonscriptionId())));
            }
            return units;
        }

        /** The province ids lying in {@code unit} (for an ESSP or a circonscription: its province). */
        Set<Integer> provincesOf(Unit unit) {
            Set<Integer> ids = new HashSet<>();
            switch (unit.level()) {
                case NATIONAL -> data.provinces().forEach(p -> ids.add(p.id()));
                case REGION -> data.provinces().stream().filter(p -> p.regionId() == unit.id()).forEach(p -> ids.add(p.id()));
                case PROVINCE -> ids.add(unit.id());
                case CIRCONSCRIPTION -> data.circonscriptions().stream().filter(c -> c.id() == unit.id())
                        .forEach(c -> ids.add(c.provinceId()));
                case ESSP -> {
                    ReadinessData.Essp e = essps.get(unit.id());
                    if (e != null) {
                        ids.add(e.provinceId());
                    }
                }
            }
            return ids;
        }

        int regionOf(int provinceId) {
            ReadinessData.Province p = provinces.get(provinceId);
            return p == null ? 0 : p.regionId();
        }
    }

    /** One row per unit of {@code level}, in code order; {@code band} decides which ESSPs are over or under. */
    public static List<UnitRow> byUnit(DataFlowData data, AggregationLevel level, DataVerification.Band band) {
        Territory territory = new Territory(data);
        List<Place> observationPlaces = data.observations().stream().map(territory::of).toList();
        List<Place> checklistPlaces = data.checklists().stream().map(territory::of).toList();
        Map<Integer, List<Recount>> recountsByEssp = new LinkedHashMap<>();
        data.recounts().forEach(r -> recountsByEssp.computeIfAbsent(r.esspId(), k -> new ArrayList<>()).add(r));
        Map<Integer, Place> esspPlaces = new HashMap<>();
        recountsByEssp.keySet().forEach(id -> esspPlaces.put(id, territory.ofEssp(id)));
        Map<Integer, Integer> rekeyingByProvince = new HashMap<>();
        List<UnitRow> rows = new ArrayList<>();
        for (Unit unit : territory.units(level)) {
            DataFlowIndicators.Figures rates = DataFlowIndicators.Figures.NONE;
            for (int i = 0; i < observationPlaces.size(); i++) {
                if (observationPlaces.get(i).in(unit)) {
                    Observation o = data.observations().get(i);
                    rates = rates.plus(DataFlowIndicators.Figures.ofRow(o.expected(), o.received(), o.onTime(), o.delayDays()));
                }
            }
            List<Recount> recounts = new ArrayList<>();
            int verified = 0;
            int over = 0;
            int under = 0;
            for (Map.Entry<Integer, List<Recount>> e : recountsByEssp.entrySet()) {
                if (!esspPlaces.get(e.getKey()).in(unit)) {
                    continue;
                }
                recounts.addAll(e.getValue());
                DataVerification.Figures own = DataVerification.of(e.getValue());
                if (own.factor() != null) {
                    verified++;
                    DataVerification.Status status = own.status(band);
                    over += status == DataVerification.Status.OVER_REPORTING ? 1 : 0;
                    under += status == DataVerification.Status.UNDER_REPORTING ? 1 : 0;
                }
            }
            Integer rekeying = null;
            Set<Integer> provinceIds = territory.provincesOf(unit);
            if (unit.level() == AggregationLevel.REGION && provinceIds.isEmpty()) {
                rekeying = Chains.maxRekeying(data, unit.id(), null);
            }
            for (int provinceId : provinceIds) {
                Integer steps = rekeyingByProvince.computeIfAbsent(provinceId,
                        p -> {
                            Integer s = Chains.maxRekeying(data, territory.regionOf(p), p);
                            return s == null ? -1 : s;
                        });
                if (steps >= 0 && (rekeying == null || steps > rekeying)) {
                    rekeying = steps;
                }
            }
            Map<String, SystemChecklist.Figures> byLevel = new LinkedHashMap<>();
            Vocabulary.FLOW_LEVEL.codes().forEach(c -> byLevel.put(c, SystemChecklist.Figures.NONE));
            SystemChecklist.Figures checklist = SystemChecklist.Figures.NONE;
            for (int i = 0; i < checklistPlaces.size(); i++) {
                if (checklistPlaces.get(i).in(unit)) {
                    Checklist c = data.checklists().get(i);
                    SystemChecklist.Figures own = SystemChecklist.of(c);
                    checklist = checklist.plus(own);
                    byLevel.merge(c.level(), own, SystemChecklist.Figures::plus);
                }
            }
            rows.add(new UnitRow(unit, rates, DataVerification.of(recounts), verified, over, under, rekeying, checklist, byLevel));
        }
        return rows;
    }

    /** The rates of the observations lying in {@code unit}, by the sending level of their link (schema order). */
    public static Map<String, DataFlowIndicators.Figures> byChainLevel(DataFlowData data, Unit unit) {
        Map<Integer, Link> links = new HashMap<>();
        data.links().forEach(l -> links.put(l.id(), l));
        Map<String, DataFlowIndicators.Figures> byLevel = new LinkedHashMap<>();
        Vocabulary.FLOW_LEVEL.codes().forEach(c -> byLevel.put(c, DataFlowIndicators.Figures.NONE));
        sum(data, unit, o -> true, o -> links.get(o.linkId()).fromLevel(), byLevel);
        byLevel.values().removeIf(f -> f.observations() == 0);
        return byLevel;
    }

    /** The rates of the observations lying in {@code unit}, by report type code (code order). */
    public static Map<String, DataFlowIndicators.Figures> byReportType(DataFlowData data, Unit unit) {
        Map<Integer, Link> links = new HashMap<>();
        data.links().forEach(l -> links.put(l.id(), l));
        Map<Integer, String> codes = new HashMap<>();
        data.reportTypes().forEach(t -> codes.put(t.id(), t.code()));
        Map<String, DataFlowIndicators.Figures> byType = new java.util.TreeMap<>();
        sum(data, unit, o -> codes.containsKey(links.get(o.linkId()).reportTypeId()),
                o -> codes.get(links.get(o.linkId()).reportTypeId()), byType);
        return byType;
    }

    /** The rates of each link's observations lying in {@code unit}, by link id. */
    public static Map<Integer, DataFlowIndicators.Figures> byLink(DataFlowData data, Unit unit) {
        Map<Integer, DataFlowIndicators.Figures> byLink = new HashMap<>();
        Territory territory = new Territory(data);
        for (Observation o : data.observations()) {
            if (territory.of(o).in(unit)) {
                byLink.merge(o.linkId(), DataFlowIndicators.Figures.ofRow(o.expected(), o.received(), o.onTime(), o.delayDays()),
                        DataFlowIndicators.Figures::plus);
            }
        }
        return byLink;
    }

    /** The VF of each ESSP lying in {@code unit} that has recount rows, by ESSP id (null = not computable). */
    public static Map<Integer, Double> esspFactors(DataFlowData data, Unit unit) {
        Territory territory = new Territory(data);
        Map<Integer, List<Recount>> byEssp = new LinkedHashMap<>();
        data.recounts().stream().filter(r -> territory.ofEssp(r.esspId()).in(unit))
                .forEach(r -> byEssp.computeIfAbsent(r.esspId(), k -> new ArrayList<>()).add(r));
        Map<Integer, Double> factors = new LinkedHashMap<>();
        byEssp.forEach((id, rows) -> factors.put(id, DataVerification.of(rows).factor()));
        return factors;
    }

    /** How many ESSPs of {@code unit} fall in each VF bin (every bin present, in order). */
    public static Map<DataVerification.Bin, Integer> factorDistribution(DataFlowData data, Unit unit, DataVerification.Band band) {
        Map<DataVerification.Bin, Integer> bins = new EnumMap<>(DataVerification.Bin.class);
        for (DataVerification.Bin b : DataVerification.Bin.values()) {
            bins.put(b, 0);
        }
        esspFactors(data, unit).values().forEach(vf -> bins.merge(DataVerification.bin(vf, band), 1, Integer::sum));
        return bins;
    }

    private static void sum(DataFlowData data, Unit unit, Predicate<Observation> keep,
                            java.util.function.Function<Observation, String> key, Map<String, DataFlowIndicators.Figures> into) {
        Territory territory = new Territory(data);
        Set<Integer> linkIds = new HashSet<>();
        data.links().forEach(l -> linkIds.add(l.id()));
        for (Observation o : data.observations()) {
            if (linkIds.contains(o.linkId()) && keep.test(o) && territory.of(o).in(unit)) {
                into.merge(key.apply(o), DataFlowIndicators.Figures.ofRow(o.expected(), o.received(), o.onTime(), o.delayDays()),
                        DataFlowIndicators.Figures::plus);
            }
        }
    }
}
