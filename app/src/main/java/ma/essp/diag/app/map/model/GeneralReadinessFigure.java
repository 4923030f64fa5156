package ma.essp.diag.app.map.model;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import ma.essp.diag.database.repository.EsspMapRepository.ProvinceUnit;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.findings.FindingProposals;
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

    /**
     * Two decimals, the figure's own ({@link #format}): a province is classed by the value its tooltip, the dashboard
     * and the CLI show, so 49.99 is below 50 in the legend as everywhere else ({@code 35,00 – 49,99}).
     */
    @Override
    public int legendDecimals() {
        return 2;
    }

    /**
     * Fixed classes of the index's 0–100 scale, not quantiles of the provinces' own values (with quantiles a 48 was
     * drawn green when every province scored 40–55): below {@value FindingProposals#HIGH_PRIORITY_BELOW} and from it to
     * below {@value FindingProposals#READINESS_BELOW} are the two bands where the board proposes a weakness (high and
     * medium priority, docs/findings-thresholds.md: one definition of those thresholds, {@link FindingProposals}); from
     * 50 to below 75 the middle, 75 and above the upper quarter of the scale (the complaint-maturity map's top class).
     * Every class is listed even when empty, so a map where every province is weak stays on the weak colours.
     */
    @Override
    public FixedClasses fixedClasses() {
        return new FixedClasses(BigDecimal.ZERO, List.of(BigDecimal.valueOf(FindingProposals.HIGH_PRIORITY_BELOW),
                BigDecimal.valueOf(FindingProposals.READINESS_BELOW), BigDecimal.valueOf(UPPER_QUARTER)), BigDecimal.valueOf(100));
    }

    /** Where the top class starts: the upper quarter of the 0–100 scale. */
    static final int UPPER_QUARTER = 75;
}
