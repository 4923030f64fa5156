package ma.essp.diag.reporting.findings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessResult;

/**
 * The figures a finding can cite as evidence: the readiness indices of a unit (an ESSP, a circonscription, a
 * province, a region or the nation), read from the same aggregation as the dashboard, the {@code indices} command
 * and the report (unweighted, no breakdown). A figure is named by a code:
 * <ul>
 *   <li>{@value #GENERAL}: the general service readiness index;</li>
 *   <li>{@value #PMS_COVERAGE}: offered required services ÷ services the PMS requires;</li>
 *   <li>{@value #DOMAIN_PREFIX}{@code <domain>}: the score of one general domain (e.g. {@code readiness.domain.basic_equipment}).</li>
 * </ul>
 * A unit is named by its level and the code the figures use (ESSP code, circonscription, province or region code,
 * {@code MA} for the nation).
 */
public final class ReadinessEvidence {

    public static final String GENERAL = "readiness.general";
    public static final String PMS_COVERAGE = "readiness.pms_coverage";
    public static final String DOMAIN_PREFIX = "readiness.domain.";

    /** A unit that figures can be read for, with the territory ids a finding about it records. */
    public record Unit(AggregationLevel level, String code, String name, Integer regionId, Integer provinceId,
                       Integer circonscriptionId, Integer esspId) {
    }

    private final ReadinessResult result;
    private final Map<AggregationLevel, Map<String, AggregateRow>> rows = new EnumMap<>(AggregationLevel.class);
    private final Map<AggregationLevel, Map<String, Unit>> units = new EnumMap<>(AggregationLevel.class);

    public ReadinessEvidence(ReadinessResult result) {
        this.result = result;
    }

    public ReadinessResult result() {
        return result;
    }

    /** The figure codes offered: general, PMS coverage, then each general domain in catalogue order. */
    public List<String> figures() {
        List<String> figures = new ArrayList<>(List.of(GENERAL, PMS_COVERAGE));
        result.data().domains().stream().filter(ReadinessData.Domain::general)
                .sorted(java.util.Comparator.comparingInt(ReadinessData.Domain::sortOrder))
                .forEach(d -> figures.add(DOMAIN_PREFIX + d.code()));
        return figures;
    }

    /** The general domain behind a {@value #DOMAIN_PREFIX} figure code (for its label), empty for the others. */
    public Optional<ReadinessData.Domain> domain(String figure) {
        if (!figure.startsWith(DOMAIN_PREFIX)) {
            return Optional.empty();
        }
        String code = figure.substring(DOMAIN_PREFIX.length());
        return result.data().domains().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The units of a level, in the order of the figures. */
    public List<Unit> units(AggregationLevel level) {
        return List.copyOf(unitsOf(level).values());
    }

    public Optional<Unit> unit(AggregationLevel level, String code) {
        return Optional.ofNullable(unitsOf(level).get(code));
    }

    /**
     * The figure's value now for the unit, in [0, 100]; empty when the unit no longer exists, the figure is unknown or
     * has no value (no ESSP of the unit assessed).
     */
    public Optional<Double> value(String figure, AggregationLevel level, String unitCode) {
        AggregateRow row = rowsOf(level).get(unitCode);
        if (row == null) {
            return Optional.empty();
        }
        Figure f;
        if (GENERAL.equals(figure)) {
            f = row.general();
        } else if (PMS_COVERAGE.equals(figure)) {
            f = row.pmsCoverage();
        } else if (figure.startsWith(DOMAIN_PREFIX)) {
            f = row.generalDomains().get(figure.substring(DOMAIN_PREFIX.length()));
        } else {
            f = null;
        }
        return f == null ? Optional.empty() : Optional.ofNullable(f.value());
    }

    /** Whether the unit exists (a figure can be read for it, with or without a value). */
    public boolean exists(AggregationLevel level, String unitCode) {
        return rowsOf(level).containsKey(unitCode);
    }

    private Map<String, AggregateRow> rowsOf(AggregationLevel level) {
        return rows.computeIfAbsent(level, l -> {
            Map<String, AggregateRow> byCode = new LinkedHashMap<>();
            ReadinessAggregator.aggregate(result, l).forEach(r -> byCode.put(r.code(), r));
            return byCode;
        });
    }

    private Map<String, Unit> unitsOf(AggregationLevel level) {
        return units.computeIfAbsent(level, l -> {
            ReadinessData data = result.data();
            Map<String, Unit> byCode = new LinkedHashMap<>();
            Map<Integer, ReadinessData.Province> provinces = new LinkedHashMap<>();
            data.provinces().forEach(p -> provinces.put(p.id(), p));
            Map<String, Unit> all = new LinkedHashMap<>();
            switch (l) {
                case NATIONAL -> { }
                case REGION -> data.regions().forEach(r -> all.put(r.code(), new Unit(l, r.code(), r.name(), r.id(), null, null, null)));
                case PROVINCE -> data.provinces().forEach(p -> all.put(p.code(), new Unit(l, p.code(), p.name(), p.regionId(), p.id(),
                        null, null)));
                case CIRCONSCRIPTION -> data.circonscriptions().forEach(c -> all.put(c.code(), new Unit(l, c.code(), c.name(),
                        provinces.get(c.provinceId()).regionId(), c.provinceId(), c.id(), null)));
                case ESSP -> data.essps().forEach(e -> all.put(e.code(), new Unit(l, e.code(), e.name(), e.regionId(), e.provinceId(),
                        e.circonscriptionId(), e.id())));
            }
            for (AggregateRow row : rowsOf(l).values()) {
                Unit unit = l == AggregationLevel.NATIONAL ? new Unit(l, row.code(), row.name(), null, null, null, null)
                        : all.get(row.code());
                if (unit != null) {
                    byCode.put(unit.code(), unit);
                }
            }
            return byCode;
        });
    }
}
