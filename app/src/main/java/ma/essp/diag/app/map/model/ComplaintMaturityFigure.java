package ma.essp.diag.app.map.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import ma.essp.diag.database.repository.EsspMapRepository.ProvinceUnit;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import org.jooq.DSLContext;

/**
 * The mean maturity score (0–100) of the complaint systems of each province's ESSPs, with n (the ESSPs with a
 * recorded system): {@link ComplaintFigures#meanMaturity}, the figure of the "Réclamations" dashboard, the CLI and the
 * report (rubric: docs/complaints-maturity.md). A map unit of several provinces (Casablanca) takes the ESSPs of all
 * of them; a unit without a recorded system has no value ("no data").
 */
public final class ComplaintMaturityFigure implements MapFigure {

    public static final ComplaintMaturityFigure INSTANCE = new ComplaintMaturityFigure();

    private ComplaintMaturityFigure() {
    }

    @Override
    public String id() {
        return "complaint_maturity";
    }

    @Override
    public String labelKey() {
        return "map.figure.complaintMaturity";
    }

    @Override
    public Map<String, Double> compute(DSLContext dsl, MapData data) {
        return evaluate(dsl, data).values();
    }

    @Override
    public Evaluation evaluate(DSLContext dsl, MapData data) {
        return evaluate(new ReportSourceRepository(dsl).load(), data);
    }

    /** The figure from already loaded mission data (the mission's, or a test's). */
    public static Evaluation evaluate(ReportSourceData source, MapData data) {
        Map<Integer, Integer> provinceOfCirc = new HashMap<>();
        source.circonscriptions().forEach(c -> provinceOfCirc.put(c.id(), c.provinceId()));
        Map<Integer, Integer> provinceOfEssp = new HashMap<>();
        source.essps().forEach(e -> provinceOfEssp.put(e.id(), provinceOfCirc.get(e.circonscriptionId())));
        Map<String, Double> values = new HashMap<>();
        Map<String, Basis> bases = new HashMap<>();
        for (ProvinceUnit unit : data.provinces()) {
            Set<Integer> ids = Set.copyOf(unit.provinceIds().isEmpty() ? List.of(unit.provinceId()) : unit.provinceIds());
            // the ESSPs' systems (a délégation's or GST's own system is not an ESSP's, V23)
            List<ReportSourceData.ComplaintSystem> systems = source.complaintSystems().stream()
                    .filter(s -> s.ofEssp() && provinceOfEssp.get(s.esspId()) != null && ids.contains(provinceOfEssp.get(s.esspId()))).toList();
            Double mean = ComplaintFigures.meanMaturity(systems);
            if (mean != null) {
                values.put(unit.isoCode(), mean);
                bases.put(unit.isoCode(), new Basis(systems.size(), null));
            }
        }
        List<ReportSourceData.ComplaintSystem> all = source.complaintSystems().stream()
                .filter(s -> s.ofEssp() && provinceOfEssp.containsKey(s.esspId())).toList();
        return new Evaluation(values, bases, all.isEmpty() ? null : new Basis(all.size(), null));
    }

    @Override
    public int legendDecimals() {
        return 0;
    }

    /**
     * Quarters of the rubric's 0–100 scale (docs/complaints-maturity.md), not quantiles: with quantiles a province
     * scoring 52 when all score 42–57 was drawn in the best colour.
     */
    @Override
    public FixedClasses fixedClasses() {
        return new FixedClasses(java.math.BigDecimal.ZERO,
                List.of(java.math.BigDecimal.valueOf(25), java.math.BigDecimal.valueOf(50), java.math.BigDecimal.valueOf(75)),
                java.math.BigDecimal.valueOf(100));
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /** Two decimals, as the CLI. */
    @Override
    public String format(double value) {
        return ReadinessTableWriter.number(value);
    }
}
