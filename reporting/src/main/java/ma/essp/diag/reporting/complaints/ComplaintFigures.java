package ma.essp.diag.reporting.complaints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSample;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;
import ma.essp.diag.reporting.readiness.AggregationLevel;

/**
 * The complaint figures of every unit of one territorial level (ESSP, circonscription, province, region, the
 * nation): the deadline figures of {@link ComplaintIndicators} over the unit's sampled complaints, by kind, category
 * and channel, and the mean {@link ComplaintMaturity maturity score} of its ESSPs with a recorded system. The
 * "Réclamations" dashboard, {@code essp-diag figures --axis complaints} and the report's unit table read these rows.
 */
public final class ComplaintFigures {

    /** The nation's code and name, as in {@code essp-diag indices}. */
    public static final String NATIONAL_CODE = "MA";
    public static final String NATIONAL_NAME_FR = "Maroc";
    public static final String NATIONAL_NAME_AR = "المغرب";

    private ComplaintFigures() {
    }

    /**
     * One unit.
     *
     * @param parentCode the code of the unit one level up (an ESSP's circonscription... a region's: the nation's);
     *                   null for the nation
     * @param essps    live ESSPs in the unit
     * @param systems  of which with a recorded complaint system (the n of {@code maturity})
     * @param maturity mean maturity score (0–100) of those systems; null without any
     * @param report   the unit's deadline figures and system shares
     * @param own      the unit's own complaint system, recorded at its level (schema V23): a province's délégation's, a
     *                 region's GST's; null when none is recorded and always for the other levels. Not counted in
     *                 {@code systems} nor in {@code maturity}, which are the ESSPs'.
     */
    public record UnitRow(AggregationLevel level, String code, String parentCode, String nameFr, String nameAr, int essps, int systems,
                          Double maturity, ComplaintIndicators.Report report, ComplaintSystem own) {

        /** The maturity score (0–100) of the unit's own system ({@link ComplaintMaturity}); null without one. */
        public Integer ownMaturity() {
            return own == null ? null : ComplaintMaturity.score(own).total();
        }
    }

    /** Every unit of {@code level}, by code (the nation: one row), units without ESSPs or complaints included. */
    public static List<UnitRow> byLevel(ReportSourceData source, AggregationLevel level, ComplaintDeadlines deadlines,
                                        LocalDate asOf) {
        return byLevel(new Territory(source.regions(), source.provinces(), source.circonscriptions(), source.essps()),
                source.complaintSystems(), source.complaintSamples(), level, deadlines, asOf);
    }

    /** The territory the units come from (live rows). */
    public record Territory(List<ReportSourceData.Region> regions, List<ReportSourceData.Province> provinces,
                            List<ReportSourceData.Circonscription> circonscriptions, List<ReportSourceData.Essp> essps) {
    }

    /** Every unit of {@code level} of a territory, from the given systems and samples. */
    public static List<UnitRow> byLevel(Territory source, List<ComplaintSystem> complaintSystems,
                                        List<ComplaintSample> complaintSamples, AggregationLevel level,
                                        ComplaintDeadlines deadlines, LocalDate asOf) {
        Units units = units(source, level);
        Map<String, List<ComplaintSystem>> systems = new HashMap<>();
        Map<String, ComplaintSystem> own = new HashMap<>();
        for (ComplaintSystem s : complaintSystems) {
            if (!s.ofEssp()) {
                if (level == AggregationLevel.PROVINCE && s.provinceId() != null && units.provinces().containsKey(s.provinceId())) {
                    own.put(units.provinces().get(s.provinceId()).code(), s);
                } else if (level == AggregationLevel.REGION && s.regionId() != null && units.regions().containsKey(s.regionId())) {
                    own.put(units.regions().get(s.regionId()).code(), s);
                }
                continue;
            }
            String unit = units.unitOfEssp().get(s.esspId());
            if (unit != null) {
                systems.computeIfAbsent(unit, k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, List<ComplaintSample>> samples = units.samplesByUnit(complaintSamples);
        List<UnitRow> rows = new ArrayList<>(units.names().size());
        units.names().forEach((code, name) -> {
            List<ComplaintSystem> unitSystems = systems.getOrDefault(code, List.of());
            rows.add(new UnitRow(level, code, name.parent(), name.fr(), name.ar(), units.esspCount().getOrDefault(code, 0),
                    unitSystems.size(), meanMaturity(unitSystems), ComplaintIndicators.compute(unitSystems,
                    samples.getOrDefault(code, List.of()), deadlines, asOf), own.get(code)));
        });
        return rows;
    }

    /**
     * The total of every unit of {@code level} only (unit code → {@link ComplaintIndicators#total}), by code: what
     * {@code byLevel(...).report().total()} holds, without the breakdowns by kind, category and channel, the measured
     * samples nor the system shares. For the figures a finding cites ({@code ReadinessEvidence}), which read the total.
     */
    public static Map<String, ComplaintIndicators.Summary> totalsByLevel(Territory source, List<ComplaintSample> complaintSamples,
                                                                         AggregationLevel level, ComplaintDeadlines deadlines,
                                                                         LocalDate asOf) {
        Units units = units(source, level);
        Map<String, List<ComplaintSample>> samples = units.samplesByUnit(complaintSamples);
        Map<String, ComplaintIndicators.Summary> totals = new LinkedHashMap<>();
        units.names().keySet().forEach(code ->
                totals.put(code, ComplaintIndicators.total(samples.getOrDefault(code, List.of()), deadlines, asOf)));
        return totals;
    }

    /**
     * The units of a level (code → names, by code), the unit each ESSP counts in and the ESSPs per unit, with the
     * territory's provinces and regions by id.
     */
    private record Units(Map<String, UnitName> names, Map<Integer, String> unitOfEssp, Map<String, Integer> esspCount,
                         Map<Integer, ReportSourceData.Province> provinces, Map<Integer, ReportSourceData.Region> regions) {

        /** The samples of each unit; those of an ESSP in no unit are left out. */
        Map<String, List<ComplaintSample>> samplesByUnit(List<ComplaintSample> complaintSamples) {
            Map<String, List<ComplaintSample>> samples = new HashMap<>();
            for (ComplaintSample s : complaintSamples) {
                String unit = unitOfEssp.get(s.esspId());
                if (unit != null) {
                    samples.computeIfAbsent(unit, k -> new ArrayList<>()).add(s);
                }
            }
            return samples;
        }
    }

    private static Units units(Territory source, AggregationLevel level) {
        Map<Integer, ReportSourceData.Circonscription> circs = index(source.circonscriptions(), ReportSourceData.Circonscription::id);
        Map<Integer, ReportSourceData.Province> provinces = index(source.provinces(), ReportSourceData.Province::id);
        Map<Integer, ReportSourceData.Region> regions = index(source.regions(), ReportSourceData.Region::id);
        Map<String, UnitName> units = new LinkedHashMap<>();
        switch (level) {
            case ESSP -> source.essps().stream().sorted(Comparator.comparing(ReportSourceData.Essp::code))
                    .forEach(e -> units.put(e.code(), new UnitName(e.nameFr(), e.nameAr(),
                            circs.containsKey(e.circonscriptionId()) ? circs.get(e.circonscriptionId()).code() : null)));
            case CIRCONSCRIPTION -> source.circonscriptions().stream().sorted(Comparator.comparing(ReportSourceData.Circonscription::code))
                    .forEach(c -> units.put(c.code(), new UnitName(c.nameFr(), c.nameAr(),
                            provinces.containsKey(c.provinceId()) ? provinces.get(c.provinceId()).code() : null)));
            case PROVINCE -> source.provinces().stream().sorted(Comparator.comparing(ReportSourceData.Province::code))
                    .forEach(p -> units.put(p.code(), new UnitName(p.nameFr(), p.nameAr(),
                            regions.containsKey(p.regionId()) ? regions.get(p.regionId()).code() : null)));
            case REGION -> source.regions().stream().sorted(Comparator.comparing(ReportSourceData.Region::code))
                    .forEach(r -> units.put(r.code(), new UnitName(r.nameFr(), r.nameAr(), NATIONAL_CODE)));
            case NATIONAL -> units.put(NATIONAL_CODE, new UnitName(NATIONAL_NAME_FR, NATIONAL_NAME_AR, null));
        }
        Map<Integer, String> unitOfEssp = new HashMap<>();
        Map<String, Integer> esspCount = new HashMap<>();
        for (ReportSourceData.Essp e : source.essps()) {
            ReportSourceData.Circonscription c = circs.get(e.circonscriptionId());
            ReportSourceData.Province p = c == null ? null : provinces.get(c.provinceId());
            ReportSourceData.Region r = p == null ? null : regions.get(p.regionId());
            String unit = switch (level) {
                case ESSP -> e.code();
                case CIRCONSCRIPTION -> c == null ? null : c.code();
                case PROVINCE -> p == null ? null : p.code();
                case REGION -> r == null ? null : r.code();
                case NATIONAL -> NATIONAL_CODE;
            };
            if (unit != null) {
                unitOfEssp.put(e.id(), unit);
                esspCount.merge(unit, 1, Integer::sum);
            }
        }
        return new Units(units, unitOfEssp, esspCount, provinces, regions);
    }

    /** The mean maturity score of some complaint systems; null without any. */
    public static Double meanMaturity(List<ComplaintSystem> systems) {
        return systems.isEmpty() ? null
                : systems.stream().mapToInt(s -> ComplaintMaturity.score(s).total()).average().orElseThrow();
    }

    private record UnitName(String fr, String ar, String parent) {
    }

    private static <T> Map<Integer, T> index(List<T> list, Function<T, Integer> id) {
        Map<Integer, T> map = new HashMap<>();
        list.forEach(t -> map.put(id.apply(t), t));
        return map;
    }
}
