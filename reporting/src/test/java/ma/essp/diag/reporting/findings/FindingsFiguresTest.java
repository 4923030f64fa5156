package ma.essp.diag.reporting.findings;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.database.repository.FindingRepository.EvidenceDraft;
import ma.essp.diag.database.repository.FindingRepository.FindingDraft;
import ma.essp.diag.reporting.findings.FindingsFigures.State;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.MissionFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence staleness and the proposal thresholds on a hand-built mission. The general readiness index is the mean
 * of the five general domain scores; a domain answered all "available and functioning" (observed) scores 100, all
 * "absent" scores 0. So:
 * <pre>
 *   A  3 domains absent, 2 available  → (0+0+0+100+100)/5 = 40
 *   B  4 domains absent, 1 available  → 100/5 = 20
 *   C  all available                  → 100
 *   D  not assessed                   → no value
 *   circonscription T1 (A, B) → (40 + 20) / 2 = 30 ; T2 (C, D) → 100
 * </pre>
 */
class FindingsFiguresTest {

    private static final List<String> DOMAINS = List.of("basic_amenities", "basic_equipment", "standard_precautions",
            "diagnostic_capacity", "essential_medicines");

    @TempDir
    Path dir;

    private int assessmentA;

    private MissionFixture fixture() throws Exception {
        MissionFixture f = new MissionFixture(dir);
        int province = f.province("01.511");
        int t1 = f.circonscription("T1", province, "urban");
        int t2 = f.circonscription("T2", province, "rural");
        int a = f.essp("A", "CSU-1", t1, "urban", null);
        int b = f.essp("B", "CSU-1", t1, "urban", null);
        int c = f.essp("C", "CSU-1", t2, "rural", null);
        f.essp("D", "CSU-1", t2, "rural", null);
        assessmentA = assess(f, a, 3);
        assess(f, b, 4);
        assess(f, c, 0);
        return f;
    }

    /** The first {@code absent} general domains absent, the others available. */
    private static int assess(MissionFixture f, int essp, int absent) {
        int id = f.assess(essp, MissionFixture.V1, LocalDate.of(2026, 10, 1));
        for (int d = 0; d < DOMAINS.size(); d++) {
            f.answerGeneralDomain(id, MissionFixture.V1, DOMAINS.get(d),
                    d < absent ? AnswerState.ABSENT : AnswerState.AVAILABLE_FUNCTIONING);
        }
        return id;
    }

    @Test
    void theFiguresAFindingCanCiteAreTheHandWorkedIndices() throws Exception {
        try (MissionFixture f = fixture()) {
            ReadinessEvidence r = new ReadinessEvidence(f.compute());
            assertThat(r.value(ReadinessEvidence.GENERAL, AggregationLevel.ESSP, "A")).contains(40.0);
            assertThat(r.value(ReadinessEvidence.GENERAL, AggregationLevel.ESSP, "B")).contains(20.0);
            assertThat(r.value(ReadinessEvidence.GENERAL, AggregationLevel.ESSP, "D")).isEmpty();
            assertThat(r.value(ReadinessEvidence.GENERAL, AggregationLevel.CIRCONSCRIPTION, "T1")).contains(30.0);
            assertThat(r.value("readiness.domain.basic_amenities", AggregationLevel.ESSP, "A")).contains(0.0);
            assertThat(r.value("readiness.domain.essential_medicines", AggregationLevel.ESSP, "A")).contains(100.0);
            assertThat(r.exists(AggregationLevel.ESSP, "Z")).isFalse();
            assertThat(r.unit(AggregationLevel.ESSP, "A").orElseThrow().circonscriptionId()).isNotNull();
        }
    }

    @Test
    void changingAnAssessmentFlagsTheFindingThatCitedItsFigure() throws Exception {
        try (MissionFixture f = fixture()) {
            FindingRepository repo = new FindingRepository(f.dsl);
            ReadinessEvidence before = new ReadinessEvidence(f.compute());
            double stored = before.value(ReadinessEvidence.GENERAL, AggregationLevel.ESSP, "A").orElseThrow();
            int essp = before.unit(AggregationLevel.ESSP, "A").orElseThrow().esspId();
            int finding = repo.insertFinding(f.edit, new FindingDraft(5, "essp", null, null, null, essp, "weakness",
                    "Disponibilité faible à A", null, "medium", null, null), List.of(
                    EvidenceDraft.figure(ReadinessEvidence.GENERAL, "essp", "A", stored),
                    EvidenceDraft.record("essp", essp),
                    EvidenceDraft.document("Rapport de visite")));

            FindingsFigures.Synthesis now = FindingsFigures.load(f.dsl);
            FindingsFigures.FindingFigures read = now.finding(finding).orElseThrow();
            assertThat(read.evidence()).extracting(FindingsFigures.EvidenceFigure::state)
                    .containsExactly(State.CURRENT, State.RECORD, State.DOCUMENT);
            assertThat(read.needsReview()).isFalse();

            // the team corrects A's assessment: basic amenities are there after all → (100+0+0+100+100)/5 = 60
            f.answerGeneralDomain(assessmentA, MissionFixture.V1, "basic_amenities", AnswerState.AVAILABLE_FUNCTIONING);
            read = FindingsFigures.load(f.dsl).finding(finding).orElseThrow();
            assertThat(read.needsReview()).isTrue();
            assertThat(read.evidence().getFirst().state()).isEqualTo(State.CHANGED);
            assertThat(read.evidence().getFirst().currentValue()).isEqualTo(60.0);
            assertThat(read.evidence().getFirst().link().storedValue()).isEqualTo(40.0);
            assertThat(read.evidence().getFirst().unitName()).isEqualTo("ESSP A");

            // the ESSP is deleted: its figure's unit is gone and the record link says deleted; nothing fails
            f.dsl.execute("UPDATE essp SET deleted = 1 WHERE id = ?", essp);
            read = FindingsFigures.load(f.dsl).finding(finding).orElseThrow();
            assertThat(read.evidence()).extracting(FindingsFigures.EvidenceFigure::state)
                    .containsExactly(State.UNIT_GONE, State.RECORD_DELETED, State.DOCUMENT);
        }
    }

    @Test
    void theLoaderKeepsTheFiguresWhileOnlyTheBoardChangesAndReadsThemAgainOnceAnAssessmentChanges() throws Exception {
        try (MissionFixture f = fixture()) {
            FindingRepository repo = new FindingRepository(f.dsl);
            FindingsFigures.Loader loader = new FindingsFigures.Loader(f.dsl);
            FindingsFigures.Synthesis first = loader.load();
            int essp = first.readiness().unit(AggregationLevel.ESSP, "A").orElseThrow().esspId();
            int finding = repo.insertFinding(f.edit, new FindingDraft(5, "essp", null, null, null, essp, "weakness",
                    "Disponibilité faible à A", null, "medium", null, null), List.of(
                    EvidenceDraft.figure(ReadinessEvidence.GENERAL, "essp", "A", 40.0)));

            // a finding written: the board is read again (the new finding is there), the figures are the same object
            FindingsFigures.Synthesis second = loader.load();
            assertThat(second.readiness()).isSameAs(first.readiness());
            assertThat(second.finding(finding).orElseThrow().needsReview()).isFalse();

            // A's assessment corrected (an audited write to a table the figures come from): read again, 40 → 60, flagged
            f.answerGeneralDomain(assessmentA, MissionFixture.V1, "basic_amenities", AnswerState.AVAILABLE_FUNCTIONING);
            FindingsFigures.Synthesis third = loader.load();
            assertThat(third.readiness()).isNotSameAs(first.readiness());
            assertThat(third.finding(finding).orElseThrow().evidence().getFirst().currentValue()).isEqualTo(60.0);
            assertThat(third.finding(finding).orElseThrow().needsReview()).isTrue();
            assertThat(loader.load().readiness()).isSameAs(third.readiness());
        }
    }

    @Test
    void figuresReadOnlyOnceALinkCitesThemStillFlagTheFindingWhenTheAssessmentChanges() throws Exception {
        try (MissionFixture f = fixture()) {
            FindingRepository repo = new FindingRepository(f.dsl);
            FindingsFigures.Loader loader = new FindingsFigures.Loader(f.dsl);
            int essp = f.dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("A")).fetchSingle(ESSP.ID);
            // the board's first load: its one finding cites a document, so no figure is read for it
            int noted = repo.insertFinding(f.edit, new FindingDraft(5, "national", null, null, null, null, "threat",
                    "Rupture de stock signalée", null, "low", null, null), List.of(EvidenceDraft.document("Rapport de visite")));
            FindingsFigures.Synthesis first = loader.load();
            assertThat(first.finding(noted).orElseThrow().evidence()).extracting(FindingsFigures.EvidenceFigure::state)
                    .containsExactly(State.DOCUMENT);

            // a finding then cites A's general readiness as the team read it, 40: the figures, kept, are read now
            int finding = repo.insertFinding(f.edit, new FindingDraft(5, "essp", null, null, null, essp, "weakness",
                    "Disponibilité faible à A", null, "medium", null, null), List.of(
                    EvidenceDraft.figure(ReadinessEvidence.GENERAL, "essp", "A", 40.0)));
            FindingsFigures.Synthesis second = loader.load();
            assertThat(second.readiness()).isSameAs(first.readiness());
            FindingsFigures.EvidenceFigure link = second.finding(finding).orElseThrow().evidence().getFirst();
            assertThat(link.state()).isEqualTo(State.CURRENT);
            assertThat(link.currentValue()).isEqualTo(40.0);

            // A's basic amenities are there after all: (100+0+0+100+100)/5 = 60, the finding is flagged for review
            f.answerGeneralDomain(assessmentA, MissionFixture.V1, "basic_amenities", AnswerState.AVAILABLE_FUNCTIONING);
            FindingsFigures.FindingFigures read = loader.load().finding(finding).orElseThrow();
            assertThat(read.needsReview()).isTrue();
            assertThat(read.evidence().getFirst().state()).isEqualTo(State.CHANGED);
            assertThat(read.evidence().getFirst().currentValue()).isEqualTo(60.0);
            assertThat(read.evidence().getFirst().link().storedValue()).isEqualTo(40.0);
            // and the CLI's one-off load says the same
            assertThat(FindingsFigures.load(f.dsl).finding(finding).orElseThrow().needsReview()).isTrue();
        }
    }

    @Test
    void proposalsAreTheUnitsBelowFiftyLowestFirstAndNotTheOnesAlreadyCited() throws Exception {
        try (MissionFixture f = fixture()) {
            FindingsFigures.Synthesis s = FindingsFigures.load(f.dsl);
            List<FindingProposals.Draft> essps = FindingProposals.propose(s.readiness(), s.findings(), AggregationLevel.ESSP);
            // B 20 (< 35: high), A 40 (medium); C 100 and D (no value) propose nothing
            assertThat(essps).extracting(d -> d.unit().code() + " " + d.value() + " " + d.priority())
                    .containsExactly("B 20.0 high", "A 40.0 medium");
            assertThat(FindingProposals.propose(s.readiness(), s.findings(), AggregationLevel.CIRCONSCRIPTION))
                    .extracting(d -> d.unit().code() + " " + d.value() + " " + d.priority())
                    .containsExactly("T1 30.0 high");
            // the province 01.511 holds A, B, C: (40 + 20 + 100) / 3 = 53.3 → not below 50
            assertThat(FindingProposals.propose(s.readiness(), s.findings(), AggregationLevel.PROVINCE)).isEmpty();

            // nothing was written by proposing
            assertThat(new FindingRepository(f.dsl).load().findings()).isEmpty();

            // once B is cited by a finding, only A is proposed
            new FindingRepository(f.dsl).insertFinding(f.edit, new FindingDraft(5, "essp", null, null, null, null,
                    "weakness", "B", null, "high", null, null),
                    List.of(EvidenceDraft.figure(ReadinessEvidence.GENERAL, "essp", "B", 20.0)));
            s = FindingsFigures.load(f.dsl);
            assertThat(FindingProposals.propose(s.readiness(), s.findings(), AggregationLevel.ESSP))
                    .extracting(d -> d.unit().code()).containsExactly("A");
        }
    }

    /**
     * Complaints answered in time (&lt; 50 %, high &lt; 25 %) and reports on time (&lt; 80 %, high &lt; 50 %), by hand. Every
     * complaint was received on 5 January 2026, its answer due by 6 March (60 days), long past today:
     * <pre>
     *   A  4 complaints: closed after 30 days (in time), after 90 days (late), 2 open (late) → 1/4 = 25 %  medium
     *   B  3 complaints, all open                                                    → 0/3 = 0 %    high
     *   C  2 complaints closed after 10 days                                          → 2/2 = 100 %
     *   D  none                                                                        → no value
     *   T1 (A, B) → 1/7 = 14.3 % high ; T2 (C, D) → 100 % ; province → 3/9 = 33.3 % medium
     * </pre>
     * Reports (one flow ESSP → circonscription): A 6 of 10 expected on time → 60 % medium; B 9 of 10 → 90 %; C 2 of 5
     * → 40 % high; D on-time count not recorded → no value. T1 (6 + 9) / 20 = 75 % medium; T2 2 / 5 = 40 % high.
     */
    @Test
    void complaintsAnsweredInTimeAndReportsOnTimeBelowTheirThresholdsAreProposed() throws Exception {
        try (MissionFixture f = fixture()) {
            int a = esspId(f, "A");
            int b = esspId(f, "B");
            int c = esspId(f, "C");
            int d = esspId(f, "D");
            LocalDate received = LocalDate.of(2026, 1, 5);
            complaint(f, a, received, received.plusDays(30));
            complaint(f, a, received, received.plusDays(90));
            complaint(f, a, received, null);
            int openAtA = complaint(f, a, received, null);
            for (int i = 0; i < 3; i++) {
                complaint(f, b, received, null);
            }
            complaint(f, c, received, received.plusDays(10));
            complaint(f, c, received, received.plusDays(10));
            int flow = flow(f);
            observation(f, flow, a, 10, 8, 6);
            observation(f, flow, b, 10, 10, 9);
            observation(f, flow, c, 5, 5, 2);
            observation(f, flow, d, 4, 4, null);

            FindingsFigures.Synthesis s = FindingsFigures.load(f.dsl);
            ReadinessEvidence r = s.readiness();
            assertThat(r.figures()).contains(ReadinessEvidence.COMPLAINTS_ANSWERED, ReadinessEvidence.DATAFLOWS_ON_TIME);
            assertThat(r.ratio(ReadinessEvidence.COMPLAINTS_ANSWERED, AggregationLevel.ESSP, "A"))
                    .contains(new ReadinessEvidence.Ratio(1, 4));
            assertThat(r.value(ReadinessEvidence.COMPLAINTS_ANSWERED, AggregationLevel.ESSP, "D")).isEmpty();
            assertThat(r.value(ReadinessEvidence.DATAFLOWS_ON_TIME, AggregationLevel.ESSP, "D")).isEmpty();
            assertThat(r.value(ReadinessEvidence.COMPLAINTS_ANSWERED, AggregationLevel.PROVINCE, "01.511").orElseThrow())
                    .isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));

            // the one-pass on-time ratios are byUnit's rates at every level
            var flows = new ma.essp.diag.database.repository.DataFlowRepository(f.dsl).load();
            for (AggregationLevel level : AggregationLevel.values()) {
                for (var row : ma.essp.diag.reporting.dataflow.DataFlowFigures.byUnit(flows, level,
                        ma.essp.diag.reporting.dataflow.DataVerification.Band.DEFAULT)) {
                    assertThat(ReadinessEvidence.onTime(flows, level).get(row.unit().code())).as(level + " " + row.unit().code())
                            .isEqualTo(new ReadinessEvidence.Ratio(row.rates().onTime(), row.rates().onTimeKnown()));
                }
            }

            // readiness first (B 20, A 40), then complaints (B 0, A 25), then reports on time (C 40, A 60)
            assertThat(FindingProposals.propose(r, s.findings(), AggregationLevel.ESSP))
                    .extracting(x -> x.axis() + " " + x.unit().code() + " " + x.value() + " " + x.priority())
                    .containsExactly("5 B 20.0 high", "5 A 40.0 medium", "3 B 0.0 high", "3 A 25.0 medium",
                            "2 C 40.0 high", "2 A 60.0 medium");
            List<FindingProposals.Draft> circs = FindingProposals.propose(r, s.findings(), AggregationLevel.CIRCONSCRIPTION);
            assertThat(circs).extracting(x -> x.axis() + " " + x.unit().code() + " " + x.priority() + " " + x.ratio())
                    .containsExactly("5 T1 high null", "3 T1 high Ratio[part=1, whole=7]", "2 T2 high Ratio[part=2, whole=5]",
                            "2 T1 medium Ratio[part=15, whole=20]");
            assertThat(circs.get(1).value()).isCloseTo(100.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(circs.get(1).evidence()).isEqualTo(EvidenceDraft.figure(ReadinessEvidence.COMPLAINTS_ANSWERED,
                    "circonscription", "T1", 100.0 / 7));
            assertThat(FindingProposals.propose(r, s.findings(), AggregationLevel.PROVINCE))
                    .extracting(x -> x.axis() + " " + x.priority()).containsExactly("3 medium", "2 medium");
            assertThat(new FindingRepository(f.dsl).load().findings()).isEmpty();

            // cited (A's complaint share, 25 %): no longer proposed; an answer in time at A makes it 2/4 = 50 % → to review
            int finding = new FindingRepository(f.dsl).insertFinding(f.edit, new FindingDraft(3, "essp", null, null, null, a,
                    "weakness", "Réclamations A", null, "medium", null, null),
                    List.of(EvidenceDraft.figure(ReadinessEvidence.COMPLAINTS_ANSWERED, "essp", "A", 25.0)));
            s = FindingsFigures.load(f.dsl);
            assertThat(s.finding(finding).orElseThrow().needsReview()).isFalse();
            assertThat(FindingProposals.propose(s.readiness(), s.findings(), AggregationLevel.ESSP))
                    .extracting(x -> x.axis() + " " + x.unit().code()).doesNotContain("3 A").contains("3 B");
            f.dsl.execute("UPDATE complaint_sample SET closed_on = ? WHERE id = ?", received.plusDays(59).toString(), openAtA);
            FindingsFigures.FindingFigures read = FindingsFigures.load(f.dsl).finding(finding).orElseThrow();
            assertThat(read.needsReview()).isTrue();
            assertThat(read.evidence().getFirst().state()).isEqualTo(State.CHANGED);
            assertThat(read.evidence().getFirst().currentValue()).isEqualTo(50.0);
        }
    }

    private static int esspId(MissionFixture f, String code) {
        return f.dsl.select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq(code)).fetchOne(ma.essp.diag.database.jooq.Tables.ESSP.ID);
    }

    private static int complaint(MissionFixture f, int essp, LocalDate received, LocalDate closed) {
        var r = f.dsl.newRecord(ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE);
        r.setEsspId(essp);
        r.setReceivedOn(received);
        r.setChannel("register");
        r.setKind("reclamation");
        r.setCategory("care");
        r.setClosedOn(closed);
        f.edit.stampNew(r);
        r.store();
        return r.getId();
    }

    /** One flow ESSP → circonscription of a monthly paper report. */
    private static int flow(MissionFixture f) {
        var type = f.dsl.newRecord(ma.essp.diag.database.jooq.Tables.REPORT_TYPE);
        type.setCode("RMA");
        type.setNameFr("Rapport mensuel d’activité");
        type.setProgramme("general");
        type.setPeriodicity("monthly");
        type.setTool("paper");
        f.edit.stampNew(type);
        type.store();
        var link = f.dsl.newRecord(ma.essp.diag.database.jooq.Tables.DATA_FLOW);
        link.setReportTypeId(type.getId());
        link.setFromLevel("essp");
        link.setToLevel("circonscription");
        link.setChannel("paper");
        f.edit.stampNew(link);
        link.store();
        return link.getId();
    }

    private static void observation(MissionFixture f, int flow, int essp, int expected, int received, Integer onTime) {
        var o = f.dsl.newRecord(ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION);
        o.setDataFlowId(flow);
        o.setEsspId(essp);
        o.setPeriod("2026-01");
        o.setReportsExpected(expected);
        o.setReportsReceived(received);
        o.setReceivedOnTime(onTime);
        f.edit.stampNew(o);
        o.store();
    }

    /**
     * "No trained staff still in post" on a hand-built roll-out: S1 (ESSP A) launched, its one trained member not linked
     * to a staff record → proposed; S2 (ESSP B) launched, its trained member holds a filled post → not proposed; S3
     * (province, no ESSP) trained but only identified → not proposed (not implemented); S4 (province) launched with
     * its trained member unlinked → proposed, scoped to the province. Once S1 is cited by a finding, only S4.
     */
    @Test
    void aSitePastImplementationWithNoTrainedStaffInPostIsProposed() throws Exception {
        try (MissionFixture f = fixture()) {
            var care = new ma.essp.diag.database.repository.PerpetratorCareRepository(f.dsl);
            int province = f.province("01.511");
            Integer a = f.dsl.select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                    .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("A")).fetchOne(ma.essp.diag.database.jooq.Tables.ESSP.ID);
            Integer b = f.dsl.select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                    .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("B")).fetchOne(ma.essp.diag.database.jooq.Tables.ESSP.ID);
            var post = f.dsl.newRecord(ma.essp.diag.database.jooq.Tables.STAFF_POSITION);
            post.setEsspId(b);
            post.setCadreCode("doctor_gp");
            post.setHolderName("Karim Bennani");
            int karimPost = ma.essp.diag.database.repository.SyncedRows.insert(f.dsl, f.edit, post);
            int s1 = launchedSite(care, f, "S1", province, a, null, "Amina Alaoui");
            launchedSite(care, f, "S2", province, b, karimPost, "Karim Bennani");
            int s3 = care.addSite(f.edit, "S3", province, null, LocalDate.of(2026, 1, 5));
            care.addStaff(f.edit, s3, null, "Salma Idrissi", null, null, LocalDate.of(2026, 1, 10), 30.0);
            int s4 = launchedSite(care, f, "S4", province, null, null, "Omar Fassi");

            FindingsFigures.Synthesis s = FindingsFigures.load(f.dsl);
            List<FindingProposals.SiteDraft> drafts = FindingProposals.proposeSites(s.care(), s.readiness(), s.findings());
            assertThat(drafts).extracting(d -> d.site().name() + " " + d.unit().level().code() + " " + d.unit().code() + " "
                    + d.trained() + " " + d.priority() + " " + d.axis())
                    .containsExactly("S1 essp A 1 high 6", "S4 province 01.511 1 high 6");
            assertThat(drafts.getFirst().evidence()).isEqualTo(EvidenceDraft.record("perpetrator_care_site", s1));
            assertThat(drafts.getFirst().unit().esspId()).isEqualTo(a);
            // nothing was written by proposing
            assertThat(new FindingRepository(f.dsl).load().findings()).isEmpty();

            // once S1 is cited by a finding (a link to its record), only S4 is proposed
            new FindingRepository(f.dsl).insertFinding(f.edit, new FindingDraft(6, "essp", null, null, null, a,
                    "weakness", "S1", null, "high", null, null), List.of(drafts.getFirst().evidence()));
            s = FindingsFigures.load(f.dsl);
            assertThat(FindingProposals.proposeSites(s.care(), s.readiness(), s.findings()))
                    .extracting(d -> d.site().id()).containsExactly(s4);
        }
    }

    /** A site with one member trained on 10/01/2026, 10 patients in Q1 2026, launched on 01/04/2026. */
    private static int launchedSite(ma.essp.diag.database.repository.PerpetratorCareRepository care, MissionFixture f,
                                    String name, int province, Integer essp, Integer post, String trainee) {
        int site = care.addSite(f.edit, name, province, essp, LocalDate.of(2026, 1, 5));
        care.addStaff(f.edit, site, post, trainee, null, null, LocalDate.of(2026, 1, 10), 30.0);
        care.savePeriod(f.edit, site, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 10, 10, 20, 1);
        care.moveStage(f.edit, site, 1, "launched", LocalDate.of(2026, 4, 1));
        return site;
    }

    @Test
    void theReportPrintsTheEvidenceBesideEachFindingAndOrdersRecommendationsByPriorityThenHorizon() throws Exception {
        try (MissionFixture f = fixture()) {
            FindingRepository repo = new FindingRepository(f.dsl);
            int a = repo.insertFinding(f.edit, new FindingDraft(5, "national", null, null, null, null, "weakness",
                    "Disponibilité faible à A", null, "high", null, null),
                    List.of(EvidenceDraft.figure(ReadinessEvidence.GENERAL, "essp", "A", 40.0)));
            int b = repo.insertFinding(f.edit, new FindingDraft(5, "national", null, null, null, null, "weakness",
                    "Disponibilité faible à B", null, "medium", null, null),
                    List.of(EvidenceDraft.figure(ReadinessEvidence.GENERAL, "essp", "B", 20.0)));
            var draft = (java.util.function.BiFunction<String, String[], FindingRepository.RecommendationDraft>) (text, ph) ->
                    new FindingRepository.RecommendationDraft(5, "national", null, null, text, null, "delegation", ph[1], ph[0],
                            1000.0, "Indice général", null, null, null, 20.0, 60.0);
            repo.insertRecommendation(f.edit, draft.apply("low-short", new String[] {"low", "short"}), List.of(b));
            repo.insertRecommendation(f.edit, draft.apply("high-long", new String[] {"high", "long"}), List.of(a));
            repo.insertRecommendation(f.edit, draft.apply("high-short", new String[] {"high", "short"}), List.of(a, b));
            // A's assessment is corrected: 60 now, so A's finding is to review
            f.answerGeneralDomain(assessmentA, MissionFixture.V1, "basic_amenities", AnswerState.AVAILABLE_FUNCTIONING);

            var data = ma.essp.diag.reporting.export.ReportDataCollector.load(f.dsl).collect(
                    ma.essp.diag.reporting.export.ReportRequest.of(ma.essp.diag.reporting.export.ReportScope.NATIONAL,
                            ma.essp.diag.reporting.export.ReportLanguage.FR));
            assertThat(data.findings()).extracting(r -> r.ref() + " " + r.title() + " | " + r.evidence() + " | " + r.review())
                    .containsExactly(
                            "C1 Disponibilité faible à A | Indice de disponibilité générale — ESSP A : 40,0 (aujourd’hui 60,0 ; à revoir) | true",
                            "C2 Disponibilité faible à B | Indice de disponibilité générale — ESSP B : 20,0 | false");
            assertThat(data.recommendations()).extracting(r -> r.text() + " " + r.findingRefs())
                    .containsExactly("high-short C1, C2", "high-long C1", "low-short C2");
            assertThat(data.recommendations().getFirst().indicator()).isEqualTo("Indice général : référence 20,0, cible 60,0");
        }
    }
}
