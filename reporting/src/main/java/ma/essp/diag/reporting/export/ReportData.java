package ma.essp.diag.reporting.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.EsspReadiness;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import ma.essp.diag.reporting.readiness.ReadinessRules;

/**
 * Every figure of one report, for its scope and language, gathered once by {@link ReportDataCollector}; the Excel
 * and PDF writers only lay it out, so the two files always agree. Readiness figures are those of
 * {@code ma.essp.diag.reporting.readiness} (never recomputed here). Names are already in the report's language.
 *
 * @param unitLevel  the level one step below the scope (regions for a national report, provinces for a region...),
 *                   the rows of the summary, readiness-by-unit and HR tables
 * @param scopeTotal the readiness of the whole scope (one row)
 * @param units      readiness per unit of {@code unitLevel}
 * @param readinessRules the readiness rules every readiness figure was computed with (the method text says them)
 * @param scopeTotalUnansweredAbsent the scope's readiness with unanswered items counted absent (sensitivity view)
 */
public record ReportData(
        ReportRequest request,
        ReportLabels labels,
        ReportSourceData.Mission mission,
        LocalDate asOf,
        String scopeName,
        AggregationLevel unitLevel,
        List<ReadinessData.Domain> generalDomains,
        List<ServiceColumn> serviceColumns,
        AggregateRow scopeTotal,
        List<UnitRow> units,
        List<EsspEntry> essps,
        List<GapAnalyzer.Need> needs,
        List<CirconscriptionRow> circonscriptions,
        List<String> circonscriptionFunctions,
        List<AttributionRow> attributions,
        LocalDate supervisionFrom,
        HrTable hr,
        List<HrMatrixRow> hrMatrix,
        List<FlowRow> flows,
        ComplaintSummary complaints,
        PerpetratorCare perpetratorCare,
        List<CohortRow> cohorts,
        List<SessionRow> sessions,
        List<FindingRow> findings,
        List<RecommendationRow> recommendations,
        List<MapArea> mapAreas,
        boolean mapOfProvinces,
        ReadinessRules readinessRules,
        AggregateRow scopeTotalUnansweredAbsent,
        FlowQuality flowQuality,
        List<EvaluationRow> trainingEvaluations,
        List<ProjectRow> trainingProjects,
        TrainingScenario trainingScenario,
        List<ExpertRow> trainingExperts) {

    /** Codes of the ESSPs of the scope whose general index is computed over fewer general domains. */
    public List<String> reducedIndexEssps() {
        return essps.stream().filter(e -> e.readiness() != null && e.readiness().generalIndexReduced())
                .map(e -> e.essp().code()).toList();
    }

    /** The method paragraph(s) of the readiness chapter, generated from the rules the figures were computed with. */
    public List<String> readinessNotes() {
        return ReportCredits.readinessChapterNotes(labels, readinessRules, scopeName, scopeTotal, scopeTotalUnansweredAbsent,
                reducedIndexEssps());
    }


    /** A service-specific readiness column: code and label in the report's language. */
    public record ServiceColumn(String code, String label) {
    }

    /** One unit of the scope with its key figures and its readiness (the aggregator's row). */
    public record UnitRow(String code, String name, Long population, int essps, int assessed, double staffCore,
                          Double coreDensity, int complaintsSampled, Double acknowledgedInTime, AggregateRow readiness) {
    }

    /** An ESSP of the scope with its territory, staff, readiness and missing items. */
    public record EsspEntry(ReportSourceData.Essp essp, String name, String nameAr, String category, String milieu,
                            String functionality, String circonscription, String province, String region,
                            int staffInPost, double coreFte, Map<String, Integer> staffByCadre,
                            EsspReadiness readiness, List<GapAnalyzer.MissingItem> missing) {
    }

    /**
     * A circonscription with its attributions (function code → held, partly, not held) and its supervision visits
     * of the twelve months up to the as-of date ({@code supervisionFrom} to {@code asOf}).
     */
    public record CirconscriptionRow(String code, String name, String province, String milieu, String coverage,
                                     String seat, String head, Long population, int essps, Map<String, String> functions,
                                     int supervisionVisits, int esspsVisited, Double visitsPerEssp) {
    }

    /** One function of a circonscription: whether it is held, by whom, with what staff (full-time equivalents). */
    public record AttributionRow(String code, String circonscription, String function, String held, String holder,
                                 Double staff) {
    }

    /** Staff in post (head count) per cadre for each unit, with core health workers per 10,000 (WHO: 23). */
    public record HrTable(List<String> cadreCodes, List<String> cadreLabels, List<Boolean> core, List<HrRow> rows,
                          HrRow total) {
    }

    public record HrRow(String name, Long population, List<Integer> inPost, int vacant, double coreFte, Double density) {
        public boolean belowWho() {
            return density != null && density < ma.essp.diag.reporting.hr.HrIndicators.WHO_CORE_PER_10K;
        }
    }

    /** @param gstTakeover the day the region's GST takes over from the DRS (null: not set) */
    public record HrMatrixRow(String region, LocalDate gstTakeover, String function, String holderToday,
                              String holderUnderGst, String notes) {
    }

    public record FlowRow(String report, String programme, String tool, String from, String to, String channel,
                          String periodicity, Integer expectedDelayDays, String territory, int observations,
                          long expected, long received, Double completeness, Double timeliness, Double meanDelay,
                          long onTime, long onTimeKnown, double delaySum, int delayCount) {
    }

    /**
     * The data-flow figures of the scope from {@code reporting.dataflow} (those of the screen and of {@code essp-diag
     * figures}): rates by sending level, the scope's verification factor and re-keying steps, the PRISM system
     * checklist score of the scope ({@code checklist}) and by level ({@code checklistByLevel}, levels with a checklist),
     * the rates by report type ({@code byType}, labelled "code — name", types with observations in the scope).
     */
    public record FlowQuality(List<LevelRate> byLevel, ma.essp.diag.reporting.dataflow.DataFlowIndicators.Figures rates,
                              ma.essp.diag.reporting.dataflow.DataVerification.Figures verification, String vfStatus,
                              double bandLow, double bandHigh, int esspsVerified, int esspsOver, int esspsUnder,
                              Map<String, Integer> discrepanciesByReason, Integer rekeyingMax,
                              ma.essp.diag.reporting.dataflow.SystemChecklist.Figures checklist, List<LevelChecklist> checklistByLevel,
                              List<ChainRow> chains, List<LevelRate> byType) {
    }

    /**
     * The reporting chain of one report type in the scope's place ({@code reporting.dataflow.Chains}, as the data-flow
     * screen draws it): its links from the ESSP on, whether it reaches the central level, its re-keying steps.
     */
    public record ChainRow(String report, List<ChainLink> links, boolean complete, int rekeying) {
    }

    /**
     * One link of a drawn chain: the level codes and labels, the tool (labelled; the report type's own when the link
     * names none), whether it is re-keyed, and the on-time rate of its observations in the scope (null: none recorded).
     */
    public record ChainLink(String fromLevel, String toLevel, String fromLabel, String toLabel, String tool, boolean rekeyed,
                            Double onTime) {
    }

    /** The system checklist figures of one chain level ({@code level} labelled). */
    public record LevelChecklist(String level, ma.essp.diag.reporting.dataflow.SystemChecklist.Figures figures) {
    }

    /** The rates of the observations sent from one level ({@code level} labelled). */
    public record LevelRate(String level, ma.essp.diag.reporting.dataflow.DataFlowIndicators.Figures figures) {
    }

    /**
     * The complaint figures of the scope ({@code ComplaintIndicators} as of {@code asOf}).
     *
     * @param deadlines the acknowledgement and response deadlines (mission settings)
     * @param maturity  mean maturity score (0–100) of the recorded systems; null without any
     * @param levelSystems the complaint systems of the délégations (provinces) and GSTs (regions) of the scope, recorded
     *                  at their level (schema V23): GSTs first, then délégations, each in code order
     */
    public record ComplaintSummary(int systems, Map<String, Double> systemShares, List<SampleRow> samples,
                                   CategoryRow total, List<CategoryRow> byCategory, List<CategoryRow> byKind,
                                   List<CategoryRow> byChannel, ComplaintDeadlines deadlines, Double maturity,
                                   List<LevelSystemRow> levelSystems) {
    }

    /**
     * A délégation's or a GST's own complaint system: its level ("Délégation" / "GST" in the report's language), the
     * unit's name, its maturity score and the four section scores of {@code ComplaintMaturity}, and its channels.
     */
    public record LevelSystemRow(String level, String unit, int maturity, int accessibility, int logging, int handling,
                                 int monitoring, String channels) {
    }

    /**
     * One sampled complaint as of the report date.
     *
     * @param acknowledgedInTime null while not due; likewise {@code answeredInTime}
     * @param status             the status label (answered in time, answered late, pending, late)
     * @param notes              the note, empty when it looks like personal data (never exported)
     */
    public record SampleRow(String esspCode, String esspName, LocalDate receivedOn, String channel, String kind,
                            String category, LocalDate acknowledgedOn, LocalDate closedOn, String outcome,
                            Long daysToAcknowledge, Long daysToClose, Boolean acknowledgedInTime,
                            Boolean answeredInTime, String status, String notes) {
    }

    /** The deadline figures of a group of complaints (a category, a kind, a channel, the total), each with its n. */
    public record CategoryRow(String category, int samples, Double acknowledgedInTime, int acknowledgeDue,
                              Double answeredInTime, int answerDue, Double medianDaysToAcknowledge,
                              Double medianDaysToClose, int late, Double shareLate) {
    }

    /**
     * Chapter 6, perpetrator care: every figure from {@code reporting.perpetrator.PerpetratorCareFigures} over the
     * scope's sites (the Violence (auteurs) screen's and {@code figures --axis violence}'s definitions), in the
     * report's language. {@code phases}: the EPIS phases' labels, the order of {@link RegionRow#planned()} and
     * {@link RegionRow#actual()}; {@code referralSources}: the sources' labels, the order of
     * {@link RegionRow#referrals()}; {@code regions}: one row per region of the scope, then (when more than one) the
     * total; {@code referrals}: the scope's referral mix.
     */
    public record PerpetratorCare(List<String> phases, List<String> referralSources, List<RegionRow> regions,
                                  List<ReferralRow> referrals, List<SiteRow> sites) {
    }

    /**
     * A region (or the scope's total): sites per EPIS phase, planned on the report date and actual; the funnel
     * (targeted → trained → delivering → sustained ≥ 6 months); retention; referrals per source; trained staff still
     * in post.
     */
    public record RegionRow(String region, boolean total, int sites, List<Integer> planned, List<Integer> actual,
                            int notPlanned, int suspended, PerpetratorCareFigures.Funnel funnel,
                            PerpetratorCareFigures.Retention retention, List<Long> referrals,
                            PerpetratorCareFigures.StillInPost inPost) {
    }

    /** Referrals from one source and their share of all referrals (null when there are none). */
    public record ReferralRow(String source, long referrals, Double share) {
    }

    /** A site: its stage, EPIS phase, planned stage on the report date, funnel steps, trained staff and activity. */
    public record SiteRow(String name, String province, String kind, String essp, String stage, String phase, LocalDate stageSince,
                          String plannedStage, int staffTrained, int staffInPost, boolean delivering, boolean sustained,
                          long patientsFollowed, long newPatients, long referrals) {
    }

    public record CohortRow(String programme, String kind, String name, String region, LocalDate startsOn,
                            LocalDate endsOn, String place, String status, Integer seats, int participants,
                            int graduated, int droppedOut, int women, int sessions, double hours, double plannedBudget,
                            double actualBudget, int projects) {
    }

    /**
     * The Kirkpatrick figures of one evaluated session ({@code session} set) or of its cohort over all its sessions
     * ({@code session} null), from {@code reporting.training.TrainingEvaluation}: paired pre/post n and means, gain,
     * reaction n and mean, level 3 held among judged.
     */
    public record EvaluationRow(String cohort, String session, int paired, Double meanPre, Double meanPost, Double meanGain,
                                int reactions, Double meanReaction, int level3Judged, int level3Held) {
    }

    /**
     * The next MBA cohort costed like the latest MBA cohort of the scope with a budget ({@code TrainingFigures
     * .referenceScenario}, as the Formation screen's Scénario tab starts): its participants, no-shows, seminars and
     * unit costs; each line for one cohort, the cohort's total, per participant and per completed participant, and
     * what the reference cohort cost. Null when the scope has no MBA cohort with a budget.
     */
    public record TrainingScenario(String reference, int participants, int noShows, int seminars, int days, double hours,
                                   List<ScenarioLineRow> lines, double cohortTotal, Double perParticipant,
                                   Double perCompleted, double referenceCost) {
    }

    /**
     * The expert-days of a cohort of the scope (or of all of them, {@code cohort} null) paid to one origin's experts,
     * planned and actual, from {@code TrainingFigures.expertDays}: {@code origin} worded (Moroccan, European, not
     * stated). A cohort lists the origins it has lines of; the scope's total lists Moroccan and European always.
     */
    public record ExpertRow(String cohort, String origin, double plannedDays, double plannedMad, double actualDays,
                            double actualMad) {
    }

    /** A line of the scenario: its code ({@code TrainingFigures.SCENARIO_LINES}), unit cost, units and amount. */
    public record ScenarioLineRow(String line, double unitCost, double units, double amount) {
    }

    /** A collective project: its cohort, title, team (names), theme with its axis or reform, supervisor, defence, result. */
    public record ProjectRow(String cohort, String title, String team, String theme, String supervisor,
                             LocalDate defendedOn, String result) {
    }

    public record SessionRow(String cohort, String title, LocalDate startsOn, LocalDate endsOn, double hours, String place,
                             int present) {
    }

    /**
     * A finding of the report: its reference (C1, C2… in the chapter's order, which the recommendations cite), the
     * evidence with its values as printed, and whether a cited figure changed since (to review).
     */
    public record FindingRow(String ref, int axis, String territory, String kind, String title, String description,
                             String priority, String evidence, boolean review) {
    }

    /** A recommendation of the report, with the references of the findings it answers. */
    public record RecommendationRow(int axis, String territory, String text, String responsible, String horizon,
                                    String priority, Double costMad, String indicator, String findingRefs) {
    }

    /** A map area (ISO code of the geometry) with its general readiness index and label. */
    public record MapArea(String isoCode, String name, Double generalIndex) {
    }

    public boolean synthetic() {
        return mission.synthetic();
    }
}
