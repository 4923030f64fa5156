package ma.essp.diag.reporting.readiness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import ma.essp.diag.database.repository.ReadinessData;

/**
 * Aggregates ESSP readiness to circonscription, province, region and nation, the SARA way: the index of a unit
 * is the mean of its ESSPs' indices (not a pooled count of items), unweighted by default or weighted by the
 * population served, each figure with its n and completeness ({@link Figure}). Service-specific readiness is
 * averaged over the ESSPs that offer the service only.
 */
public final class ReadinessAggregator {

    /** National unit code and name. */
    public static final String NATION_CODE = "MA";
    public static final String NATION_NAME = "Maroc";

    private ReadinessAggregator() {
    }

    public static List<AggregateRow> aggregate(ReadinessResult result, AggregationLevel level) {
        return aggregate(result, level, Breakdown.NONE, Weighting.UNWEIGHTED, e -> true);
    }

    public static List<AggregateRow> aggregate(ReadinessResult result, AggregationLevel level, Breakdown breakdown,
                                               Weighting weighting) {
        return aggregate(result, level, breakdown, weighting, e -> true);
    }

    /**
     * The aggregate table at one level.
     *
     * @param scope which ESSPs take part (e.g. one region for a drill-down); the others are ignored
     * @return one row per unit, or per unit and group with a breakdown (only the groups that have ESSPs);
     *         without a breakdown every unit of the level appears, even one without ESSPs, so that charts show
     *         it; at ESSP level weighting does not apply (a mean of one value)
     */
    public static List<AggregateRow> aggregate(ReadinessResult result, AggregationLevel level, Breakdown breakdown,
                                               Weighting weighting, Predicate<EsspReadiness> scope) {
        ReadinessData data = result.data();
        Map<Integer, Unit> units = units(data, level);
        CatalogueModel catalogue = result.catalogue();
        // unit key + group -> accumulator, kept in unit order then group order
        Map<Unit, TreeMap<String, RowAcc>> rows = new LinkedHashMap<>();
        if (breakdown == Breakdown.NONE && level != AggregationLevel.ESSP) {
            units.values().forEach(u -> rows.put(u, new TreeMap<>()));
        }
        for (EsspReadiness e : result.essps()) {
            if (!scope.test(e)) {
                continue;
            }
            Unit unit = level == AggregationLevel.ESSP
                    ? new Unit(e.essp().code(), e.essp().name())
                    : units.get(unitId(e.essp(), level));
            if (unit == null) {
                continue;
            }
            String group = switch (breakdown) {
                case NONE -> "";
                case CATEGORY -> e.effectiveCategory();
                case MILIEU -> e.essp().milieu();
            };
            RowAcc acc = rows.computeIfAbsent(unit, u -> new TreeMap<>()).computeIfAbsent(group, g -> new RowAcc(catalogue));
            double weight = level == AggregationLevel.ESSP || weighting == Weighting.UNWEIGHTED ? 1.0
                    : e.essp().populationServed() == null ? 0.0 : e.essp().populationServed();
            acc.add(e, weight);
        }
        List<AggregateRow> out = new ArrayList<>();
        for (Map.Entry<Unit, TreeMap<String, RowAcc>> entry : rows.entrySet()) {
            Unit unit = entry.getKey();
            if (entry.getValue().isEmpty()) {
                entry.getValue().put("", new RowAcc(catalogue));
            }
            for (Map.Entry<String, RowAcc> g : entry.getValue().entrySet()) {
                out.add(g.getValue().row(level, unit, g.getKey().isEmpty() ? null : g.getKey(),
                        level == AggregationLevel.ESSP ? Weighting.UNWEIGHTED : weighting));
            }
        }
        return out;
    }

    private record Unit(String code, String name) {
    }

    private static Map<Integer, Unit> units(ReadinessData data, AggregationLevel level) {
        Map<Integer, Unit> units = new LinkedHashMap<>();
        switch (level) {
            case CIRCONSCRIPTION -> data.circonscriptions().forEach(c -> units.put(c.id(), new Unit(c.code(), c.name())));
            case PROVINCE -> data.provinces().forEach(p -> units.put(p.id(), new Unit(p.code(), p.name())));
            case REGION -> data.regions().forEach(r -> units.put(r.id(), new Unit(r.code(), r.name())));
            case NATIONAL -> units.put(0, new Unit(NATION_CODE, NATION_NAME));
            case ESSP -> { }
        }
        return units;
    }

    private static int unitId(ReadinessData.Essp essp, AggregationLevel level) {
        return switch (level) {
            case CIRCONSCRIPTION -> essp.circonscriptionId();
            case PROVINCE -> essp.provinceId();
            case REGION -> essp.regionId();
            case NATIONAL, ESSP -> 0;
        };
    }

    /** Weighted mean plus pooled completeness of one figure. */
    static final class FigureAcc {
        private double sumWeights;
        private double sumWeighted;
        private int n;
        private long answered;
        private long applicable;

        void add(Double value, double weight, int answeredItems, int applicableItems) {
            answered += answeredItems;
            applicable += applicableItems;
            if (value != null && weight > 0) {
                sumWeights += weight;
                sumWeighted += weight * value;
                n++;
            }
        }

        Figure figure() {
            Double value = n == 0 ? null : clamp(sumWeighted / sumWeights);
            return new Figure(value, n, applicable == 0 ? null : (double) answered / applicable);
        }

        /** Rounding in the weighted sum can step a hair outside [0, 100]; a readiness index never does. */
        private static double clamp(double v) {
            return Math.max(0.0, Math.min(100.0, v));
        }
    }

    private static final class RowAcc {
        private final CatalogueModel catalogue;
        private int registered;
        private int assessed;
        private final FigureAcc general = new FigureAcc();
        private final Map<String, FigureAcc> domains = new LinkedHashMap<>();
        private final FigureAcc coverage = new FigureAcc();
        private final Map<String, FigureAcc> services = new HashMap<>();
        private int generalReduced;
        private int fewestDomains = Integer.MAX_VALUE;

        RowAcc(CatalogueModel catalogue) {
            this.catalogue = catalogue;
            catalogue.generalDomains().forEach(d -> domains.put(d.code(), new FigureAcc()));
        }

        void add(EsspReadiness e, double weight) {
            registered++;
            if (!e.assessed()) {
                return;
            }
            assessed++;
            general.add(e.generalIndex(), weight, e.generalAnswered(), e.generalApplicable());
            if (e.generalIndex() != null && weight > 0) {
                fewestDomains = Math.min(fewestDomains, e.generalDomainsUsed());
                if (e.generalIndexReduced()) {
                    generalReduced++;
                }
            }
            for (DomainScore d : e.generalDomains().values()) {
                domains.computeIfAbsent(d.domainCode(), k -> new FigureAcc()).add(d.score(), weight, d.answered(), d.applicable());
            }
            coverage.add(e.pmsCoverage(), weight, 0, 0);
            for (ServiceReadiness s : e.services().values()) {
                services.computeIfAbsent(s.serviceCode(), k -> new FigureAcc()).add(s.index(), weight, s.answered(), s.applicable());
            }
        }

        AggregateRow row(AggregationLevel level, Unit unit, String group, Weighting weighting) {
            Map<String, Figure> domainFigures = new LinkedHashMap<>();
            domains.forEach((k, v) -> domainFigures.put(k, v.figure()));
            Map<String, Figure> serviceFigures = new LinkedHashMap<>();
            for (CatalogueModel.ServiceColumn column : catalogue.serviceColumns()) {
                FigureAcc acc = services.get(column.code());
                serviceFigures.put(column.code(), acc == null ? Figure.EMPTY : acc.figure());
            }
            int total = catalogue.generalDomains().size();
            Figure generalFigure = general.figure();
            return new AggregateRow(level, unit.code(), unit.name(), group, weighting, registered, assessed,
                    generalFigure, domainFigures, coverage.figure(), serviceFigures, generalReduced,
                    generalFigure.n() == 0 ? 0 : Math.min(fewestDomains, total), total);
        }
    }
}
