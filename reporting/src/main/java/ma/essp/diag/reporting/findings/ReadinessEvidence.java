package ma.essp.diag.reporting.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.complaints.ComplaintIndicators;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowIndicators;
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
 *   <li>{@value #DOMAIN_PREFIX}{@code <domain>}: the score of one general domain (e.g. {@code readiness.domain.basic_equipment});</li>
 *   <li>{@value #COMPLAINTS_ANSWERED} (when the complaints were given, {@link #withAxes}): the share of the unit's
 *       sampled complaints answered within the response deadline, over those whose answer is due, as of a date
 *       ({@link ComplaintIndicators.Summary#shareAnsweredInTime()}, the "Réclamations" dashboard's figure), in %;</li>
 *   <li>{@value #DATAFLOWS_ON_TIME} (likewise): the unit's on-time rate, reports received on time ÷ reports expected
 *       where the on-time count was recorded ({@link DataFlowIndicators.Figures#timeliness()}, the data-flow
 *       dashboard's figure), in %.</li>
 * </ul>
 * A unit is named by its level and the code the figures use (ESSP code, circonscription, province or region code,
 * {@code MA} for the nation); the units are those of the readiness figures (the same territory tables).
 *
 * <p>Nothing is computed before it is asked for ({@link #lazy}): the readiness of the mission the first time a figure,
 * a unit or the figure list is read, the complaint and data-flow sources the first time one of their figures is, and
 * each figure for every unit of a level in one pass, kept. A board whose findings cite no figure reads none.
 */
public final class ReadinessEvidence {

    public static final String GENERAL = "readiness.general";
    public static final String PMS_COVERAGE = "readiness.pms_coverage";
    public static final String DOMAIN_PREFIX = "readiness.domain.";
    /** Complaints answered within the response deadline, % of those whose answer is due (ToR axis 3). */
    public static final String COMPLAINTS_ANSWERED = "complaints.answered_in_time";
    /** Reports received on time, % of those expected where it was recorded (ToR axis 2). */
    public static final String DATAFLOWS_ON_TIME = "dataflows.on_time";

    /** A share of another axis: {@code part} of {@code whole}; no value when {@code whole} is 0. */
    public record Ratio(long part, long whole) {

        /** 100 × part ÷ whole; null when whole is 0. */
        public Double percent() {
            return whole == 0 ? null : 100.0 * part / whole;
        }
    }

    /** A unit that figures can be read for, with the territory ids a finding about it records. */
    public record Unit(AggregationLevel level, String code, String name, Integer regionId, Integer provinceId,
                       Integer circonscriptionId, Integer esspId) {
    }

    private final Supplier<ReadinessResult> result;
    private final Map<AggregationLevel, Map<String, AggregateRow>> rows = new EnumMap<>(AggregationLevel.class);
    private final Map<AggregationLevel, Map<String, Unit>> units = new EnumMap<>(AggregationLevel.class);
    /** The other axes' figures: code → the ratios of every unit of a level (unit code → ratio), computed once a level. */
    private final Map<String, Function<AggregationLevel, Map<String, Ratio>>> axisFigures = new LinkedHashMap<>();
    private final Map<String, Map<AggregationLevel, Map<String, Ratio>>> axisRatios = new HashMap<>();
    // the three maps above fill as figures are asked for, possibly from two background tasks at once (a synthesis kept
    // by FindingsFigures.Loader is shared): filled under this object's lock (rowsOf, unitsOf, ratio)

    /** The readiness figures only. */
    public ReadinessEvidence(ReadinessResult result) {
        this(() -> result);
    }

    private ReadinessEvidence(Supplier<ReadinessResult> result) {
        this.result = once(result);
    }

    /**
     * The readiness figures and those of the complaints (as of {@code asOf}, with {@code deadlines}) and the data
     * flows (every observation, as on the data-flow dashboard and in the report) of {@code source}.
     */
    public static ReadinessEvidence withAxes(ReadinessResult result, ReportSourceData source, ComplaintDeadlines deadlines,
                                             LocalDate asOf) {
        return withAxes(result, new ComplaintFigures.Territory(source.regions(), source.provinces(), source.circonscriptions(),
                source.essps()), source.complaintSamples(), source.dataFlow(), deadlines, asOf);
    }

    /** The same from the parts it needs: the territory, the sampled complaints and the data flows. */
    public static ReadinessEvidence withAxes(ReadinessResult result, ComplaintFigures.Territory territory,
                                             List<ReportSourceData.ComplaintSample> samples, DataFlowData flows,
                                             ComplaintDeadlines deadlines, LocalDate asOf) {
        return lazy(() -> result, () -> territory, () -> samples, () -> flows, deadlines, asOf);
    }

    /**
     * The same, each part read or computed the first time a figure needs it and kept (from whichever thread asks
     * first): the readiness result, the territory and samples of the complaint figures, the data flows.
     */
    public static ReadinessEvidence lazy(Supplier<ReadinessResult> result, Supplier<ComplaintFigures.Territory> territory,
                                         Supplier<List<ReportSourceData.ComplaintSample>> samples, Supplier<DataFlowData> flows,
                                         ComplaintDeadlines deadlines, LocalDate asOf) {
        ReadinessEvidence evidence = new ReadinessEvidence(result);
        Supplier<ComplaintFigures.Territory> complaintTerritory = once(territory);
        Supplier<List<ReportSourceData.ComplaintSample>> complaintSamples = once(samples);
        Supplier<DataFlowData> dataFlows = once(flows);
        evidence.axisFigures.put(COMPLAINTS_ANSWERED, level -> {
            Map<String, Ratio> ratios = new HashMap<>();
            // the units' totals only: the breakdowns and the systems' shares are not read here
            ComplaintFigures.totalsByLevel(complaintTerritory.get(), complaintSamples.get(), level, deadlines, asOf)
                    .forEach((code, total) -> ratios.put(code, new Ratio(total.answeredInTime(), total.answerDue())));
            return ratios;
        });
        evidence.axisFigures.put(DATAFLOWS_ON_TIME, level -> onTime(dataFlows.get(), level));
        return evidence;
    }

    /** {@code compute} run the first time the value is asked for, by the first thread asking; the value kept. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    value = compute.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /**
     * Computes now what the evidence picker reads on the FX thread: the readiness of the mission and the units of
     * every level (the other axes' figures are still read when first asked for). Returns this.
     */
    public ReadinessEvidence prepare() {
        for (AggregationLevel level : AggregationLevel.values()) {
            unitsOf(level);
        }
        return this;
    }

    /**
     * The on-time ratio of every unit of {@code level}: the rates of {@code DataFlowFigures.byUnit} (each observation
     * counted where its {@link DataFlowFigures.Place} lies, {@link DataFlowIndicators.Figures#ofRow} capped and summed),
     * in one pass over the observations rather than one per unit (3,000 ESSPs × 20,000 observations on the national demo).
     */
    static Map<String, Ratio> onTime(DataFlowData flows, AggregationLevel level) {
        DataFlowFigures.Territory territory = new DataFlowFigures.Territory(flows);
        Map<Integer, DataFlowIndicators.Figures> byId = new HashMap<>();
        for (DataFlowData.Observation o : flows.observations()) {
            DataFlowFigures.Place place = territory.of(o);
            Integer id = switch (level) {
                case NATIONAL -> 0;
                case REGION -> place.regionId();
                case PROVINCE -> place.provinceId();
                case CIRCONSCRIPTION -> place.circonscriptionId();
                case ESSP -> place.esspId();
            };
            if (id != null) {
                byId.merge(id, DataFlowIndicators.Figures.ofRow(o.expected(), o.received(), o.onTime(), o.delayDays()),
                        DataFlowIndicators.Figures::plus);
            }
        }
        Map<String, Ratio> ratios = new HashMap<>();
        for (DataFlowFigures.Unit unit : territory.units(level)) {
            DataFlowIndicators.Figures f = byId.getOrDefault(unit.id(), DataFlowIndicators.Figures.NONE);
            ratios.put(unit.code(), new Ratio(f.onTime(), f.onTimeKnown()));
        }
        return ratios;
    }

    /**
     * The ratio behind {@link #COMPLAINTS_ANSWERED} or {@link #DATAFLOWS_ON_TIME} for a unit; empty when the unit is
     * not found or the figure is not one of them (or was not given). A ratio with a zero whole has no value.
     */
    public synchronized Optional<Ratio> ratio(String figure, AggregationLevel level, String unitCode) {
        Function<AggregationLevel, Map<String, Ratio>> compute = axisFigures.get(figure);
        if (compute == null) {
            return Optional.empty();
        }
        Map<String, Ratio> byUnit = axisRatios.computeIfAbsent(figure, f -> new EnumMap<>(AggregationLevel.class))
                .computeIfAbsent(level, compute);
        return Optional.ofNullable(byUnit.get(unitCode));
    }

    /** Whether the complaint and data-flow figures can be cited (given to {@link #withAxes}). */
    public boolean hasAxes() {
        return !axisFigures.isEmpty();
    }

    public ReadinessResult result() {
        return result.get();
    }

    /**
     * The figure codes offered: general, PMS coverage, each general domain in catalogue order, then the complaint and
     * data-flow figures when given.
     */
    public List<String> figures() {
        List<String> figures = new ArrayList<>(List.of(GENERAL, PMS_COVERAGE));
        result().data().domains().stream().filter(ReadinessData.Domain::general)
                .sorted(java.util.Comparator.comparingInt(ReadinessData.Domain::sortOrder))
                .forEach(d -> figures.add(DOMAIN_PREFIX + d.code()));
        figures.addAll(axisFigures.keySet());
        return figures;
    }

    /** The general domain behind a {@value #DOMAIN_PREFIX} figure code (for its label), empty for the others. */
    public Optional<ReadinessData.Domain> domain(String figure) {
        if (!figure.startsWith(DOMAIN_PREFIX)) {
            return Optional.empty();
        }
        String code = figure.substring(DOMAIN_PREFIX.length());
        return result().data().domains().stream().filter(d -> d.code().equals(code)).findFirst();
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
     * has no value (no ESSP of the unit assessed; no complaint whose answer is due; no on-time count recorded).
     */
    public Optional<Double> value(String figure, AggregationLevel level, String unitCode) {
        AggregateRow row = rowsOf(level).get(unitCode);
        if (row == null) {
            return Optional.empty();
        }
        if (axisFigures.containsKey(figure)) {
            return ratio(figure, level, unitCode).map(Ratio::percent);
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

    private synchronized Map<String, AggregateRow> rowsOf(AggregationLevel level) {
        return rows.computeIfAbsent(level, l -> {
            Map<String, AggregateRow> byCode = new LinkedHashMap<>();
            ReadinessAggregator.aggregate(result(), l).forEach(r -> byCode.put(r.code(), r));
            return byCode;
        });
    }

    private synchronized Map<String, Unit> unitsOf(AggregationLevel level) {
        return units.computeIfAbsent(level, l -> {
            ReadinessData data = result().data();
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
