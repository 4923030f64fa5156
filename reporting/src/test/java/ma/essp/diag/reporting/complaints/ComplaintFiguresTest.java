package ma.essp.diag.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSample;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;
import ma.essp.diag.reporting.complaints.ComplaintFigures.UnitRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.junit.jupiter.api.Test;

/**
 * Units of each level, by hand: region 01 has province 011 with circonscriptions C1 (ESSPs 1, 2) and C2 (ESSP 3);
 * region 02 has province 021 with C3 (ESSP 4, no system, no complaint). As of 30 April 2024, deadlines 15/60 days:
 * ESSP 1 (system: 33 points) has a complaint answered in time and one open past its deadline; ESSP 2 (system: 100)
 * one pending; ESSP 3 (system: 0) one answered late.
 */
class ComplaintFiguresTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 4, 30);

    private static ComplaintFigures.Territory territory() {
        return new ComplaintFigures.Territory(
                List.of(new ReportSourceData.Region(1, "01", "MA-01", "Région A", "جهة أ", 100, null),
                        new ReportSourceData.Region(2, "02", "MA-02", "Région B", "جهة ب", 100, null)),
                List.of(new ReportSourceData.Province(11, 1, "011", "province", "MA-X", "Province A", "إقليم أ", 50),
                        new ReportSourceData.Province(21, 2, "021", "province", "MA-Y", "Province B", "إقليم ب", 50)),
                List.of(circ(101, 11, "011-C01"), circ(102, 11, "011-C02"), circ(201, 21, "021-C01")),
                List.of(essp(1, "011-0001", 101), essp(2, "011-0002", 101), essp(3, "011-0003", 102), essp(4, "021-0001", 201)));
    }

    private static ReportSourceData.Circonscription circ(int id, int province, String code) {
        return new ReportSourceData.Circonscription(id, province, code, "Circ " + code, "دائرة", "rural", null, null, null, null);
    }

    private static ReportSourceData.Essp essp(int id, String code, int circ) {
        return new ReportSourceData.Essp(id, code, "CS " + code, "مركز", "CSR-1", circ, "rural", false, null, null, null, "fully");
    }

    private static ComplaintSample sample(int essp, String received, String ack, String closed) {
        return new ComplaintSample(essp, LocalDate.parse(received), "register", "reclamation", "care",
                ack == null ? null : LocalDate.parse(ack), closed == null ? null : LocalDate.parse(closed), null, null);
    }

    private static final List<ComplaintSystem> SYSTEMS = List.of(
            new ComplaintSystem(1, true, false, true, false, false, true, false, false, false, "Infirmier chef", false, false),
            new ComplaintSystem(2, true, true, true, true, true, true, true, true, true, "Médecin chef", true, true),
            new ComplaintSystem(3, false, false, false, false, false, false, false, false, false, null, false, false));
    private static final List<ComplaintSample> SAMPLES = List.of(
            sample(1, "2024-01-10", "2024-01-12", "2024-02-01"), // in time on both
            sample(1, "2024-01-10", null, null),                 // late on both, open past 10 March
            sample(2, "2024-04-20", null, null),                 // pending, nothing due
            sample(3, "2024-01-02", "2024-01-20", "2024-03-15")); // ack 18 d (late), closed 73 d (late)

    private static List<UnitRow> rows(AggregationLevel level) {
        return ComplaintFigures.byLevel(territory(), SYSTEMS, SAMPLES, level, ComplaintDeadlines.DEFAULT, AS_OF);
    }

    @Test
    void everyUnitOfTheLevelIsListedWithItsFiguresAndItsN() {
        List<UnitRow> essps = rows(AggregationLevel.ESSP);
        assertThat(essps).extracting(UnitRow::code).containsExactly("011-0001", "011-0002", "011-0003", "021-0001");
        assertThat(essps).extracting(UnitRow::parentCode).containsExactly("011-C01", "011-C01", "011-C02", "021-C01");
        assertThat(essps).extracting(UnitRow::maturity).containsExactly(33.0, 100.0, 0.0, null);
        UnitRow first = essps.getFirst();
        assertThat(first.report().total().samples()).isEqualTo(2);
        assertThat(first.report().total().shareAcknowledgedInTime()).isEqualTo(0.5);
        assertThat(first.report().total().shareLate()).isEqualTo(0.5);
        assertThat(essps.get(3).report().total().samples()).isZero();
        assertThat(essps.get(3).systems()).isZero();

        List<UnitRow> circs = rows(AggregationLevel.CIRCONSCRIPTION);
        assertThat(circs).extracting(UnitRow::code).containsExactly("011-C01", "011-C02", "021-C01");
        assertThat(circs).extracting(UnitRow::essps).containsExactly(2, 1, 1);
        assertThat(circs.getFirst().maturity()).isEqualTo(66.5); // (33 + 100) / 2
        assertThat(circs.getFirst().report().total().samples()).isEqualTo(3);
        assertThat(circs.getFirst().report().total().pending()).isEqualTo(1);

        List<UnitRow> provinces = rows(AggregationLevel.PROVINCE);
        assertThat(provinces).extracting(UnitRow::code).containsExactly("011", "021");
        assertThat(provinces.getFirst().maturity()).isEqualTo(133 / 3.0);
        // 4 complaints; answer due: the first three of ESSPs 1 and 3 (ESSP 2's is pending), in time 1
        assertThat(provinces.getFirst().report().total().answerDue()).isEqualTo(3);
        assertThat(provinces.getFirst().report().total().shareAnsweredInTime()).isEqualTo(1 / 3.0);
        assertThat(provinces.getFirst().report().total().medianDaysToClose()).isEqualTo((22 + 73) / 2.0);

        List<UnitRow> regions = rows(AggregationLevel.REGION);
        assertThat(regions).extracting(UnitRow::code).containsExactly("01", "02");
        assertThat(regions).extracting(UnitRow::parentCode).containsExactly("MA", "MA");
        assertThat(rows(AggregationLevel.PROVINCE)).extracting(UnitRow::parentCode).containsExactly("01", "02");
        assertThat(regions.get(1).report().total().shareAnsweredInTime()).isNull();

        List<UnitRow> nation = rows(AggregationLevel.NATIONAL);
        assertThat(nation).hasSize(1);
        assertThat(nation.getFirst().code()).isEqualTo("MA");
        assertThat(nation.getFirst().essps()).isEqualTo(4);
        assertThat(nation.getFirst().systems()).isEqualTo(3);
        assertThat(nation.getFirst().report().total().late()).isEqualTo(1);
    }
    @Test
    void aDelegationsAndAGstsOwnSystemShowAtTheirLevelOnlyAndLeaveTheEsspFiguresAlone() {
        // the délégation of province 011: register, in person, phone (3 × 4) + procedure 5 = 17; register kept 15, focal
        // person 10 = 25; handler named 10 + escalation 15 = 25; no analysis: 67
        ComplaintSystem delegation = new ComplaintSystem(0, true, false, true, true, false, true, true, true, false,
                "Cellule d'accueil", true, false, 11, null);
        // the GST of region 02: every channel (20) + procedure 5 + link 5 = 30; register kept 15; no focal person;
        // no handler, no escalation; analysed and fed back 20: 65
        ComplaintSystem gst = new ComplaintSystem(0, true, true, true, true, true, true, false, true, true, null, false, true,
                null, 2);
        List<ComplaintSystem> systems = new java.util.ArrayList<>(SYSTEMS);
        systems.add(delegation);
        systems.add(gst);
        List<UnitRow> provinces = ComplaintFigures.byLevel(territory(), systems, SAMPLES, AggregationLevel.PROVINCE,
                ComplaintDeadlines.DEFAULT, AS_OF);
        assertThat(provinces).extracting(UnitRow::ownMaturity).containsExactly(67, null);
        // the ESSPs' mean and count are as without it
        assertThat(provinces.getFirst().systems()).isEqualTo(3);
        assertThat(provinces.getFirst().maturity()).isEqualTo(133 / 3.0);
        List<UnitRow> regions = ComplaintFigures.byLevel(territory(), systems, SAMPLES, AggregationLevel.REGION,
                ComplaintDeadlines.DEFAULT, AS_OF);
        assertThat(regions).extracting(UnitRow::ownMaturity).containsExactly(null, 65);
        assertThat(regions.get(1).systems()).isZero();
        assertThat(regions.get(1).maturity()).isNull();
        // no own system at the other levels, and the nation counts the ESSPs' three systems only
        assertThat(ComplaintFigures.byLevel(territory(), systems, SAMPLES, AggregationLevel.CIRCONSCRIPTION,
                ComplaintDeadlines.DEFAULT, AS_OF)).extracting(UnitRow::own).containsOnlyNulls();
        UnitRow nation = ComplaintFigures.byLevel(territory(), systems, SAMPLES, AggregationLevel.NATIONAL,
                ComplaintDeadlines.DEFAULT, AS_OF).getFirst();
        assertThat(nation.systems()).isEqualTo(3);
        assertThat(nation.own()).isNull();

        // the CLI table: own_system / own_maturity on each unit's "all" row, empty on its breakdown rows
        List<java.util.Map<String, String>> table = ComplaintFiguresTable.rows(provinces, ComplaintDeadlines.DEFAULT, AS_OF);
        assertThat(table).filteredOn(r -> r.get("group").equals("all")).extracting(r -> r.get("code") + " " + r.get("own_system")
                + " " + r.get("own_maturity")).containsExactly("011 delegation 67", "021  ");
        assertThat(table).filteredOn(r -> !r.get("group").equals("all")).extracting(r -> r.get("own_system") + r.get("own_maturity"))
                .containsOnly("");
        assertThat(ComplaintFiguresTable.rows(regions, ComplaintDeadlines.DEFAULT, AS_OF)).filteredOn(r -> r.get("group").equals("all"))
                .extracting(r -> r.get("own_system") + " " + r.get("own_maturity")).containsExactly(" ", "gst 65");
    }

    @Test
    void theTotalOnlyPathGivesEveryUnitTheTotalOfItsFullReport() {
        // by hand, province 011 as of 30 April: 4 complaints received; answer due for 3 (ESSP 2's is pending), 1 in
        // time; acknowledgement due for 3 (ESSP 1's open one is past its 15 days), 1 in time; 1 pending, 1 late;
        // closed after 22 and 73 days
        ComplaintIndicators.Summary p011 = ComplaintFigures.totalsByLevel(territory(), SAMPLES, AggregationLevel.PROVINCE,
                ComplaintDeadlines.DEFAULT, AS_OF).get("011");
        assertThat(p011).isEqualTo(new ComplaintIndicators.Summary(4, 3, 1, 3, 1, 2, 10.0, 2, (22 + 73) / 2.0, 1, 1));
        for (AggregationLevel level : AggregationLevel.values()) {
            java.util.Map<String, ComplaintIndicators.Summary> totals = ComplaintFigures.totalsByLevel(territory(), SAMPLES,
                    level, ComplaintDeadlines.DEFAULT, AS_OF);
            List<UnitRow> full = rows(level);
            // every unit, in the same order, with the very total of its full report (a unit without complaints: zeros)
            assertThat(totals.keySet()).containsExactlyElementsOf(full.stream().map(UnitRow::code).toList());
            full.forEach(row -> assertThat(totals.get(row.code())).as(level + " " + row.code()).isEqualTo(row.report().total()));
        }
        assertThat(ComplaintFigures.totalsByLevel(territory(), SAMPLES, AggregationLevel.REGION, ComplaintDeadlines.DEFAULT,
                AS_OF).get("02").samples()).isZero();
    }
}
