package ma.essp.diag.app.map.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import ma.essp.diag.database.repository.EsspMapRepository.ProvinceUnit;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Breakdown;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import ma.essp.diag.reporting.readiness.Weighting;
import org.jooq.DSLContext;

/**
 * The WHO SARA general service readiness index of each province: the mean of the general indices of its ESSPs'
 * selected (latest) assessments, unweighted, with n and completeness. Not a second formula: the value is the
 * province row of {@link ReadinessAggregator} over {@link ReadinessCalculator}, the code of the dashboard, the CLI
 * ({@code essp-diag indices --level province}) and the exports.
 *
 * <p>A map unit normally is one province. Casablanca's préfectures d'arrondissements have no outline: their
 * ESSPs are drawn in MA-CAS, so that unit gets the same aggregator restricted to the ESSPs of all its provinces
 * (as the dashboard computes the figure of the unit it shows). A unit without an ESSP with an index has no value
 * ("no data").
 */
public final class GeneralReadinessFigure implements MapFigure {

    public static final GeneralReadinessFigure INSTANCE = new GeneralReadinessFigure();

    private GeneralReadinessFigure() {
    }

    @Override
    public String id() {
        return "general_readiness";
    }

    @Override
    public String labelKey() {
        return "map.figure.generalReadiness";
    }

    @Override
    public Map<String, Double> compute(DSLContext dsl, MapData data) {
        return evaluate(dsl, data).values();
    }

    @Override
    public Evaluation evaluate(DSLContext dsl, MapData data) {
        return evaluate(ReadinessCalculator.compute(new ReadinessDataRepository(dsl).load(), ReadinessRules.ofMission(dsl)), data);
    }

    /** The figure from an already computed readiness (the mission's, or a test's). */
    public static Evaluation evaluate(ReadinessResult result, MapData data) {
        Map<String, AggregateRow> byProvinceCode = new HashMap<>();
        for (AggregateRow row : ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE)) {
            byProvinceCode.put(row.code(), row);
        }
        Map<String, Double> values = new HashMap<>();
        Map<String, Basis> bases = new HashMap<>();
        for (ProvinceUnit unit : data.provinces()) {
            Figure general = generalOf(result, unit, byProvinceCode);
            if (general != null && general.value() != null) {
                values.put(unit.isoCode(), general.value());
                bases.put(unit.isoCode(), basis(general));
            }
        }
        Figure nation = ReadinessAggregator.aggregate(result, AggregationLevel.NATIONAL).getFirst().general();
        return new Evaluation(values, bases, basis(nation));
    }

    private static Figure generalOf(ReadinessResult result, ProvinceUnit unit, Map<String, AggregateRow> byProvinceCode) {
        List<Integer> provinces = unit.provinceIds();
        if (provinces.size() <= 1) {
            AggregateRow row = byProvinceCode.get(unit.code());
            return row == null ? null : row.general();
        }
        Set<Integer> ids = Set.copyOf(provinces);
        return ReadinessAggregator.aggregate(result, AggregationLevel.NATIONAL, Breakdown.NONE, Weighting.UNWEIGHTED,
                e -> ids.contains(e.essp().provinceId())).getFirst().general();
    }

    private static Basis basis(Figure f) {
        return new Basis(f.n(), f.completeness());
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** Two decimals, the rounding of the dashboard and the CLI. */
    @Override
    public String format(double value) {
        return ReadinessTableWriter.number(value);
    }

    /** An index 0–100: whole numbers in the legend. */
    @Override
    public int legendDecimals() {
        return 0;
    }
}
