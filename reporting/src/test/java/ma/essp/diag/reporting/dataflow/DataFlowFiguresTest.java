package ma.essp.diag.reporting.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowData.Link;
import ma.essp.diag.database.repository.DataFlowData.Observation;
import ma.essp.diag.database.repository.DataFlowData.Recount;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.dataflow.DataFlowFigures.Unit;
import ma.essp.diag.reporting.dataflow.DataFlowFigures.UnitRow;
import ma.essp.diag.reporting.dataflow.DataVerification.Band;
import ma.essp.diag.reporting.dataflow.DataVerification.Bin;
import ma.essp.diag.reporting.dataflow.DataVerification.Status;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked data-flow figures on a small territory: region 1 with provinces 10 (circonscription 100: ESSPs 1000,
 * 1001) and 11 (circonscription 101: ESSPs 1002, 1003). Report type 1, its chain in region 1:
 * <pre>
 * L1 essp → circonscription (region 1)              not re-keyed
 * L2 circonscription → delegation (region 1)        re-keyed
 * L3 delegation → central (region 1)                re-keyed
 * L4 delegation → central (province 11 only)        not re-keyed   → province 10: 2 steps, province 11: 1 step
 *
 * observations (2026-03)      expected received on time
 * O1 L1 ESSP 1000                 1        1       1
 * O2 L1 ESSP 1001                 1        0       0
 * O3 L1 ESSP 1002                 1        1       —
 * O4 L2 whole region link         2        2       1
 * O5 L4 whole province-11 link    1        3 (!)   3 (!)   counted as 1 received, 1 on time (capped)
 *
 * circ. 100: 1/2 received, on time 1/2         circ. 101: 1/1, on time not recorded
 * province 11: O3 + O5 = 2/2 (not 4/2 = 200 %), on time 1/1      region: 5/6, on time (1+0+1+1)/(1+1+2+1) = 3/5
 *
 * recounts (indicator ANC1)   recounted reported reason
 * ESSP 1000 2026-03               45       50    transcription_error
 * ESSP 1000 2026-04               30       30    —
 * ESSP 1001 2026-03               12        0    late_entry           → ESSP VF not computable
 * ESSP 1002 2026-03               24       20    —                    → ESSP VF 1.2, under-reporting
 * ESSP 1002 2026-04               —        10    —                    (not recounted: a row, not compared)
 * ESSP 1003: none                                                     → no recount
 * ESSP 1000: 75/80 = 0.9375 within; circ. 100: 87/80 = 1.0875 within; circ. 101: 24/20 = 1.2; region 111/100 = 1.11 under
 *
 * system checklists     guidelines tools trained feedback data used   present/observed
 * C1 essp 1000               Y        Y      N       Y        —          3/4
 * C2 essp 1002               N        N      N       Y        Y          2/5
 * C3 circonscription 100     Y        Y      Y       Y        Y          5/5
 * C4 delegation (prov. 11)   Y        N      —       —        —          1/2
 * C5 gst (region 1)          Y        Y      Y       N        N          3/5
 * C6 central                 Y        Y      Y       Y        N          4/5
 * ESSP 1000 3/4 = 75 % partial; circ. 100 (C1+C3) 8/9; circ. 101 (C2) 2/5 = 40 % weak; province 11 (C2+C4) 3/7;
 * region (C1–C5) 14/21 = 2/3; nation 18/26. Region by item: guidelines 4/5, tools 3/5, trained 2/4, feedback 3/4, data 2/3
 * </pre>
 */
class DataFlowFiguresTest {

    static final DataFlowData DATA = new DataFlowData(
            List.of(new ReadinessData.Region(1, "01", "Région 1")),
            List.of(new ReadinessData.Province(10, 1, "010", "Province 10"), new ReadinessData.Province(11, 1, "011", "Province 11")),
            List.of(new ReadinessData.Circonscription(100, 10, "0100", "Circ 100", "rural"),
                    new ReadinessData.Circonscription(101, 11, "0101", "Circ 101", "urban")),
            List.of(essp(1000, 100, 10), essp(1001, 100, 10), essp(1002, 101, 11), essp(1003, 101, 11)),
            List.of(new DataFlowData.ReportType(1, 1, "ACT", "Activité", null, null, "SNIS", "monthly", "paper")),
            List.of(link(1, "essp", "circonscription", 1, null, false), link(2, "circonscription", "delegation", 1, null, true),
                    link(3, "delegation", "central", 1, null, true), link(4, "delegation", "central", 1, 11, false)),
            List.of(obs(1, 1, 1000, 1, 1, 1), obs(2, 1, 1001, 1, 0, 0), obs(3, 1, 1002, 1, 1, null),
                    obs(4, 2, null, 2, 2, 1), obs(5, 4, null, 1, 3, 3)),
            List.of(recount(1, 1000, "2026-03", 45, 50, "transcription_error"), recount(2, 1000, "2026-04", 30, 30, null),
                    recount(3, 1001, "2026-03", 12, 0, "late_entry"), recount(4, 1002, "2026-03", 24, 20, null),
                    recount(5, 1002, "2026-04", null, 10, null)),
            List.of(checklist(1, "essp", null, null, null, 1000, true, true, false, true, null),
                    checklist(2, "essp", null, null, null, 1002, false, false, false, true, true),
                    checklist(3, "circonscription", null, null, 100, null, true, true, true, true, true),
                    checklist(4, "delegation", null, 11, null, null, true, false, null, null, null),
                    checklist(5, "gst", 1, null, null, null, true, true, true, false, false),
                    checklist(6, "central", null, null, null, null, true, true, true, true, false)));

    static DataFlowData.Checklist checklist(int id, String level, Integer region, Integer province, Integer circ, Integer essp,
                                            Boolean a, Boolean b, Boolean c, Boolean d, Boolean e) {
        return new DataFlowData.Checklist(id, 1, level, region, province, circ, essp, a, b, c, d, e, null);
    }

    static ReadinessData.Essp essp(int id, int circ, int province) {
        return new ReadinessData.Essp(id, "E" + id, "ESSP " + id, "CSR-1", "rural", circ, province, 1, null);
    }

    static Link link(int id, String from, String to, Integer region, Integer province, boolean rekeyed) {
        return new Link(id, 1, 1, from, to, region, province, "paper", 5, null, rekeyed, null);
    }

    static Observation obs(int id, int link, Integer essp, int expected, int received, Integer onTime) {
        return new Observation(id, 1, link, essp, "2026-03", expected, received, onTime, null, null);
    }

    static Recount recount(int id, int essp, String month, Integer recounted, Integer reported, String reason) {
        return new Recount(id, 1, essp, "ANC1", month, recounted, reported, reason, null);
    }

    private static UnitRow row(AggregationLevel level, int id) {
        return DataFlowFigures.byUnit(DATA, level, Band.DEFAULT).stream().filter(r -> r.unit().id() == id).findFirst().orElseThrow();
    }

    @Test
    void reportingAndOnTimeRatesPerUnitWithTheirN() {
        UnitRow e1000 = row(AggregationLevel.ESSP, 1000);
        assertThat(e1000.rates().completeness()).isEqualTo(1.0);
        assertThat(e1000.rates().timeliness()).isEqualTo(1.0);
        UnitRow e1001 = row(AggregationLevel.ESSP, 1001);
        assertThat(e1001.rates().completeness()).isEqualTo(0.0);
        assertThat(e1001.rates().timeliness()).isEqualTo(0.0);
        UnitRow e1003 = row(AggregationLevel.ESSP, 1003);
        assertThat(e1003.rates().observations()).isZero();
        assertThat(e1003.rates().completeness()).isNull();

        UnitRow c100 = row(AggregationLevel.CIRCONSCRIPTION, 100);
        assertThat(c100.rates().observations()).isEqualTo(2);
        assertThat(c100.rates().completeness()).isEqualTo(0.5);
        assertThat(c100.rates().timeliness()).isEqualTo(0.5);
        UnitRow c101 = row(AggregationLevel.CIRCONSCRIPTION, 101);
        assertThat(c101.rates().completeness()).isEqualTo(1.0);
        assertThat(c101.rates().timeliness()).isNull(); // on time never recorded there: no rate, not 0 %

        UnitRow p11 = row(AggregationLevel.PROVINCE, 11);
        assertThat(p11.rates().expected()).isEqualTo(2);
        assertThat(p11.rates().received()).isEqualTo(2); // O5's 3 received count as its 1 expected
        assertThat(p11.rates().completeness()).isEqualTo(1.0);
        assertThat(p11.rates().timeliness()).isEqualTo(1.0);

        UnitRow region = row(AggregationLevel.REGION, 1);
        assertThat(region.rates().observations()).isEqualTo(5);
        assertThat(region.rates().completeness()).isEqualTo(5.0 / 6);
        assertThat(region.rates().timeliness()).isEqualTo(3.0 / 5);
        assertThat(row(AggregationLevel.NATIONAL, 0).rates()).isEqualTo(region.rates());
    }

    @Test
    void aLinkRowCountsOnlyWhereTheLinkBelongs() {
        // O4 (a region link) is in the region, in no province; O5 (province 11's link) in province 11, in no circonscription
        assertThat(row(AggregationLevel.PROVINCE, 10).rates().observations()).isEqualTo(2);
        assertThat(row(AggregationLevel.PROVINCE, 11).rates().observations()).isEqualTo(2);
        assertThat(row(AggregationLevel.CIRCONSCRIPTION, 101).rates().observations()).isEqualTo(1);
    }

    @Test
    void ratesByChainLevelAndReportType() {
        Unit region = DataFlowFigures.byUnit(DATA, AggregationLevel.REGION, Band.DEFAULT).getFirst().unit();
        Map<String, DataFlowIndicators.Figures> byLevel = DataFlowFigures.byChainLevel(DATA, region);
        assertThat(byLevel).containsOnlyKeys("essp", "circonscription", "delegation");
        assertThat(byLevel.get("essp").completeness()).isEqualTo(2.0 / 3);
        assertThat(byLevel.get("circonscription").completeness()).isEqualTo(1.0);
        assertThat(byLevel.get("delegation").received()).isEqualTo(1);
        assertThat(DataFlowFigures.byReportType(DATA, region).get("ACT").completeness()).isEqualTo(5.0 / 6);
    }

    @Test
    void verificationFactorPerEsspAndAggregated() {
        UnitRow e1000 = row(AggregationLevel.ESSP, 1000);
        assertThat(e1000.verification().factor()).isEqualTo(75.0 / 80);
        assertThat(e1000.verification().status(Band.DEFAULT)).isEqualTo(Status.WITHIN);

        UnitRow e1001 = row(AggregationLevel.ESSP, 1001);
        assertThat(e1001.verification().factor()).isNull(); // reported 0: not computable, never infinity
        assertThat(e1001.verification().status(Band.DEFAULT)).isEqualTo(Status.NOT_COMPUTABLE);

        UnitRow e1002 = row(AggregationLevel.ESSP, 1002);
        assertThat(e1002.verification().rows()).isEqualTo(2);
        assertThat(e1002.verification().compared()).isEqualTo(1);
        assertThat(e1002.verification().factor()).isEqualTo(1.2);
        assertThat(e1002.verification().status(Band.DEFAULT)).isEqualTo(Status.UNDER_REPORTING);

        UnitRow e1003 = row(AggregationLevel.ESSP, 1003);
        assertThat(e1003.verification().factor()).isNull();
        assertThat(e1003.verification().status(Band.DEFAULT)).isEqualTo(Status.NO_RECOUNT);

        UnitRow c100 = row(AggregationLevel.CIRCONSCRIPTION, 100);
        assertThat(c100.verification().factor()).isEqualTo(87.0 / 80); // the sums, not the mean of the ESSPs' VFs
        assertThat(c100.verification().discrepanciesByReason())
                .containsExactlyInAnyOrderEntriesOf(Map.of("transcription_error", 1, "late_entry", 1));
        assertThat(c100.esspsVerified()).isEqualTo(1);

        UnitRow region = row(AggregationLevel.REGION, 1);
        assertThat(region.verification().recounted()).isEqualTo(111);
        assertThat(region.verification().reported()).isEqualTo(100);
        assertThat(region.verification().status(Band.DEFAULT)).isEqualTo(Status.UNDER_REPORTING);
        assertThat(region.verification().discrepancies()).isEqualTo(3);
        assertThat(region.esspsVerified()).isEqualTo(2);
        assertThat(region.esspsOver()).isZero();
        assertThat(region.esspsUnder()).isEqualTo(1);
        // a wider band takes the region back in
        assertThat(region.verification().status(new Band(0.8, 1.2))).isEqualTo(Status.WITHIN);
    }

    @Test
    void bandBoundsAreWithinAndTheDistributionCountsEachEspOnce() {
        assertThat(Band.DEFAULT.status(0.90)).isEqualTo(Status.WITHIN);
        assertThat(Band.DEFAULT.status(1.10)).isEqualTo(Status.WITHIN);
        assertThat(Band.DEFAULT.status(0.8999)).isEqualTo(Status.OVER_REPORTING);
        assertThat(Band.DEFAULT.status(1.1001)).isEqualTo(Status.UNDER_REPORTING);
        Unit region = DataFlowFigures.byUnit(DATA, AggregationLevel.REGION, Band.DEFAULT).getFirst().unit();
        assertThat(DataFlowFigures.factorDistribution(DATA, region, Band.DEFAULT)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Bin.BELOW_080, 0, Bin.LOW, 0, Bin.WITHIN, 1, Bin.HIGH, 1, Bin.ABOVE_120, 0, Bin.NOT_COMPUTABLE, 1));
    }

    @Test
    void rekeyingStepsFollowTheMostSpecificLinks() {
        Chains.Chain p10 = Chains.chain(DATA, 1, 1, 10);
        assertThat(p10.links()).extracting(Link::id).containsExactly(1, 2, 3);
        assertThat(p10.complete()).isTrue();
        assertThat(p10.rekeyingSteps()).isEqualTo(2);
        Chains.Chain p11 = Chains.chain(DATA, 1, 1, 11);
        assertThat(p11.links()).extracting(Link::id).containsExactly(1, 2, 4);
        assertThat(p11.rekeyingSteps()).isEqualTo(1);
        assertThat(row(AggregationLevel.ESSP, 1002).rekeyingMax()).isEqualTo(1);
        assertThat(row(AggregationLevel.CIRCONSCRIPTION, 100).rekeyingMax()).isEqualTo(2);
        assertThat(row(AggregationLevel.REGION, 1).rekeyingMax()).isEqualTo(2);
        // no link in another region: no chain, no figure
        assertThat(Chains.chain(DATA, 1, 2, null).links()).isEmpty();
        assertThat(Chains.maxRekeying(DATA, 2, null)).isNull();
    }

    @Test
    void systemChecklistScorePerUnitPooledOverItemsObserved() {
        UnitRow e1000 = row(AggregationLevel.ESSP, 1000);
        assertThat(e1000.checklist().observed()).isEqualTo(4);
        assertThat(e1000.checklist().score()).isEqualTo(0.75);
        assertThat(e1000.checklist().rating()).isEqualTo(SystemChecklist.Rating.PARTIAL);
        UnitRow e1003 = row(AggregationLevel.ESSP, 1003);
        assertThat(e1003.checklist().checklists()).isZero();
        assertThat(e1003.checklist().score()).isNull();
        assertThat(e1003.checklist().rating()).isEqualTo(SystemChecklist.Rating.NONE);

        assertThat(row(AggregationLevel.CIRCONSCRIPTION, 100).checklist().score()).isEqualTo(8.0 / 9);
        assertThat(row(AggregationLevel.CIRCONSCRIPTION, 101).checklist().score()).isEqualTo(0.4);
        assertThat(row(AggregationLevel.CIRCONSCRIPTION, 101).checklist().rating()).isEqualTo(SystemChecklist.Rating.WEAK);
        // the délégation's checklist counts in its province, not in a circonscription
        assertThat(row(AggregationLevel.PROVINCE, 11).checklist().score()).isEqualTo(3.0 / 7);
        assertThat(row(AggregationLevel.PROVINCE, 10).checklist().score()).isEqualTo(8.0 / 9);

        UnitRow region = row(AggregationLevel.REGION, 1);
        assertThat(region.checklist().checklists()).isEqualTo(5); // the central level's is not in the region
        assertThat(region.checklist().present()).isEqualTo(14);
        assertThat(region.checklist().observed()).isEqualTo(21);
        assertThat(region.checklist().itemShare(0)).isEqualTo(4.0 / 5);
        assertThat(region.checklist().itemShare(1)).isEqualTo(3.0 / 5);
        assertThat(region.checklist().itemShare(2)).isEqualTo(2.0 / 4);
        assertThat(region.checklist().itemShare(3)).isEqualTo(3.0 / 4);
        assertThat(region.checklist().itemShare(4)).isEqualTo(2.0 / 3);
        assertThat(region.checklistByLevel().keySet()).containsExactly("essp", "circonscription", "delegation", "sres", "drs", "gst", "central");
        assertThat(region.checklistByLevel().get("essp").score()).isEqualTo(5.0 / 9);
        assertThat(region.checklistByLevel().get("delegation").score()).isEqualTo(0.5);
        assertThat(region.checklistByLevel().get("gst").score()).isEqualTo(0.6);
        assertThat(region.checklistByLevel().get("sres").score()).isNull();
        assertThat(region.checklistByLevel().get("central").checklists()).isZero();

        UnitRow nation = row(AggregationLevel.NATIONAL, 0);
        assertThat(nation.checklist().score()).isEqualTo(18.0 / 26);
        assertThat(nation.checklistByLevel().get("central").score()).isEqualTo(0.8);
        assertThat(SystemChecklist.rating(0.8)).isEqualTo(SystemChecklist.Rating.FUNCTIONAL); // a bound takes the better rating
        assertThat(SystemChecklist.rating(0.5)).isEqualTo(SystemChecklist.Rating.PARTIAL);
    }

    @Test
    void systemChecklistColumnsOfTheTable() {
        List<String> cells = DataFlowTable.cells(row(AggregationLevel.REGION, 1), AggregationLevel.REGION, Band.DEFAULT);
        assertThat(cells).hasSize(DataFlowTable.COLUMNS.size());
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklists"))).isEqualTo("5");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_score"))).isEqualTo("66.67");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_rating"))).isEqualTo("partial");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_trained_staff"))).isEqualTo("50.00");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_score_essp"))).isEqualTo("55.56");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_observed_essp"))).isEqualTo("9");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_score_sres"))).isEqualTo("");
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("checklist_observed_central"))).isEqualTo("0");
    }
}
