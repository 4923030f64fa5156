package ma.essp.diag.reporting.findings;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.database.repository.FindingRepository.Evidence;
import ma.essp.diag.database.repository.FindingRepository.Finding;
import ma.essp.diag.database.repository.FindingRepository.Recommendation;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import org.jooq.DSLContext;

/**
 * The findings with their evidence read against the figures as they are now: the one definition of "this finding
 * needs review" that the board, {@code essp-diag figures --axis findings} and the report share.
 *
 * <p>A figure link is {@link State#CHANGED} when the figure's value now differs from the value stored when the link
 * was made (by more than {@value #TOLERANCE}, i.e. not a rounding of the same computation), including a value that
 * appeared or disappeared, and {@link State#UNIT_GONE} when its unit no longer exists; a record link is
 * {@link State#RECORD_DELETED} when the record was deleted (or never existed). A finding with one such link is
 * flagged for review.
 */
public final class FindingsFigures {

    /** Two values closer than this are the same figure. */
    public static final double TOLERANCE = 1e-6;

    private FindingsFigures() {
    }

    public enum State {
        /** a figure whose value is the one stored */
        CURRENT,
        /** a figure whose value changed since the link was made: review the finding */
        CHANGED,
        /** a figure of a unit that no longer exists: review the finding */
        UNIT_GONE,
        /** a record that exists */
        RECORD,
        /** a record deleted since (or never found): review the finding */
        RECORD_DELETED,
        /** a document reference */
        DOCUMENT;

        public boolean needsReview() {
            return this == CHANGED || this == UNIT_GONE || this == RECORD_DELETED;
        }
    }

    /** One evidence link read now: its state, the figure's current value (figures only) and the unit's name. */
    public record EvidenceFigure(Evidence link, State state, Double currentValue, String unitName) {
    }

    public record FindingFigures(Finding finding, List<EvidenceFigure> evidence) {

        public FindingFigures {
            evidence = List.copyOf(evidence);
        }

        public boolean needsReview() {
            return evidence.stream().anyMatch(e -> e.state().needsReview());
        }
    }

    /**
     * The board read now: findings with their evidence, recommendations, the team and the figures used (readiness; the
     * perpetrator-care roll-out for the proposals about its sites).
     */
    public record Synthesis(List<FindingFigures> findings, List<Recommendation> recommendations,
                            List<FindingRepository.Member> members, ReadinessEvidence readiness, PerpetratorCareData care) {

        public Optional<FindingFigures> finding(int id) {
            return findings.stream().filter(f -> f.finding().id() == id).findFirst();
        }
    }

    /**
     * Loads the board, the figures a finding can cite — the readiness of the mission (latest assessment of each ESSP,
     * the mission's rules), the complaint figures as of the mission's as-of date (today without one, as the complaints
     * dashboard) with the mission's deadlines, the data-flow figures — and the perpetrator-care roll-out. The figures
     * are read when first needed: those the evidence links cite now, the others when the synthesis's
     * {@link Synthesis#readiness()} is asked for them (the evidence picker, the proposals).
     */
    public static Synthesis load(DSLContext dsl) {
        ReportSourceRepository source = new ReportSourceRepository(dsl);
        LocalDate asOf = source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();
        ReadinessEvidence readiness = figures(dsl, source, ReadinessRules.ofMission(dsl), ComplaintDeadlines.ofMission(dsl), asOf);
        return of(new FindingRepository(dsl).load(), readiness, new PerpetratorCareRepository(dsl).load());
    }

    /**
     * The board loaded again and again for one open mission (the Constats screen reloads after each edit): the
     * figures a finding can cite — the whole mission's readiness, complaints and data flows, seconds to read and compute
     * on the national demo — are kept and read again only when something they come from changed; the findings,
     * recommendations, team and roll-out are read every time. The figures kept are read lazily (a figure the links
     * do not cite is read only when the picker or the proposals ask for it), so a board citing none reads none. "Changed" is told by the audit log every versioned write
     * appends to (SyncedRows, merges and imports included): the last audit row of a table other than the board's own
     * and the roll-out's (which are read every time), with the mission's as-of date, readiness rules and complaint
     * deadlines (settings read each time). Thread-safe; the figures kept are shared by the syntheses it returns.
     */
    public static final class Loader {

        /** Tables read on every load, whose writes leave the figures as they are. */
        private static final List<String> READ_EVERY_TIME = List.of("finding", "finding_evidence", "recommendation",
                "recommendation_finding", "perpetrator_care_site", "perpetrator_care_stage", "perpetrator_care_staff",
                "perpetrator_care_period", "perpetrator_care_referral");

        private record Key(Long lastWrite, LocalDate asOf, ReadinessRules rules, ComplaintDeadlines deadlines) {
        }

        private final DSLContext dsl;
        private Key key;
        private ReadinessEvidence figures;

        public Loader(DSLContext dsl) {
            this.dsl = dsl;
        }

        public synchronized Synthesis load() {
            ReportSourceRepository source = new ReportSourceRepository(dsl);
            LocalDate asOf = source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();
            ReadinessRules rules = ReadinessRules.ofMission(dsl);
            ComplaintDeadlines deadlines = ComplaintDeadlines.ofMission(dsl);
            // the newest audit row of another table: read backwards from the last row, it stops at the first one found
            Long lastWrite = dsl.select(AUDIT_LOG.ID).from(AUDIT_LOG).where(AUDIT_LOG.TABLE_NAME.notIn(READ_EVERY_TIME))
                    .orderBy(AUDIT_LOG.ID.desc()).limit(1).fetchOptional(r -> r.value1().longValue()).orElse(null);
            Key now = new Key(lastWrite, asOf, rules, deadlines);
            if (!now.equals(key)) {
                figures = figures(dsl, source, rules, deadlines, asOf);
                key = now;
            }
            return of(new FindingRepository(dsl).load(), figures, new PerpetratorCareRepository(dsl).load());
        }
    }

    /**
     * The figures a finding can cite, each read and computed only when first asked for (a link citing it, the
     * evidence picker, the proposals): a board whose links cite no figure reads none of them.
     */
    private static ReadinessEvidence figures(DSLContext dsl, ReportSourceRepository source, ReadinessRules rules,
                                             ComplaintDeadlines deadlines, LocalDate asOf) {
        return ReadinessEvidence.lazy(() -> ReadinessCalculator.compute(new ReadinessDataRepository(dsl).load(), rules),
                () -> new ComplaintFigures.Territory(source.regions(), source.provinces(), source.circonscriptions(), source.essps()),
                source::complaintSamples, () -> new DataFlowRepository(dsl).load(), deadlines, asOf);
    }

    public static Synthesis of(FindingRepository.Board board, ReadinessEvidence readiness, PerpetratorCareData care) {
        List<FindingFigures> findings = new ArrayList<>(board.findings().size());
        for (Finding f : board.findings()) {
            List<EvidenceFigure> evidence = new ArrayList<>(f.evidence().size());
            for (Evidence e : f.evidence()) {
                evidence.add(read(e, readiness));
            }
            findings.add(new FindingFigures(f, evidence));
        }
        return new Synthesis(findings, board.recommendations(), board.members(), readiness, care);
    }

    /** One link read against the figures now. */
    public static EvidenceFigure read(Evidence e, ReadinessEvidence readiness) {
        return switch (e.kind()) {
            case "figure" -> {
                AggregationLevel level = AggregationLevel.fromCode(e.unitLevel());
                if (!readiness.exists(level, e.unitCode())) {
                    yield new EvidenceFigure(e, State.UNIT_GONE, null, null);
                }
                Double now = readiness.value(e.figure(), level, e.unitCode()).orElse(null);
                String name = readiness.unit(level, e.unitCode()).map(ReadinessEvidence.Unit::name).orElse(e.unitCode());
                yield new EvidenceFigure(e, same(now, e.storedValue()) ? State.CURRENT : State.CHANGED, now, name);
            }
            case "record" -> new EvidenceFigure(e, e.recordDeleted() ? State.RECORD_DELETED : State.RECORD, null, null);
            default -> new EvidenceFigure(e, State.DOCUMENT, null, null);
        };
    }

    static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return Math.abs(a - b) <= TOLERANCE;
    }

    private static final Map<String, Integer> PRIORITY_RANK = Map.of("high", 0, "medium", 1, "low", 2);
    private static final Map<String, Integer> HORIZON_RANK = Map.of("short", 0, "medium", 1, "long", 2);

    /** The report's order of recommendations: priority (high first), then horizon (short first), then axis, then id. */
    public static final Comparator<Recommendation> BY_PRIORITY_AND_HORIZON = Comparator
            .comparingInt((Recommendation r) -> PRIORITY_RANK.getOrDefault(r.priority(), 3))
            .thenComparingInt(r -> HORIZON_RANK.getOrDefault(r.horizon(), 3))
            .thenComparingInt(Recommendation::axis)
            .thenComparingInt(Recommendation::id);

    /** The report's order of findings: axis, then priority (high first), then id. */
    public static final Comparator<Finding> BY_AXIS_AND_PRIORITY = Comparator.comparingInt(Finding::axis)
            .thenComparingInt(f -> PRIORITY_RANK.getOrDefault(f.priority(), 3))
            .thenComparingInt(Finding::id);
}
