package ma.essp.diag.database.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ma.essp.diag.database.repository.DataFlowData.Link;
import ma.essp.diag.database.repository.DataFlowData.Observation;
import ma.essp.diag.database.repository.DataFlowData.Recount;
import ma.essp.diag.database.repository.DataFlowRules.Code;
import ma.essp.diag.database.repository.DataFlowRules.Field;
import ma.essp.diag.database.repository.DataFlowRules.Problem;
import org.junit.jupiter.api.Test;

class DataFlowRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Set<Integer> LINKS = Set.of(1, 2);
    private static final Set<Integer> ESSPS = Set.of(10, 11);
    private static final Observation EXISTING = new Observation(5, 1, 1, 10, "2026-03", 1, 1, 1, null, null);

    private static List<Problem> check(Observation o) {
        return DataFlowRules.observation(o, LINKS, ESSPS, List.of(EXISTING), TODAY);
    }

    private static Observation obs(int link, Integer essp, String period, int expected, int received, Integer onTime) {
        return new Observation(0, 0, link, essp, period, expected, received, onTime, null, null);
    }

    @Test
    void aGoodObservationPasses() {
        assertThat(check(obs(1, 11, "2026-03", 4, 3, 2))).isEmpty();
        assertThat(check(obs(1, 10, "2026-04", 1, 1, null))).isEmpty();
        assertThat(check(obs(1, null, "2026-Q2", 10, 0, 0))).isEmpty();
        // editing the existing row itself is no duplicate
        assertThat(check(new Observation(5, 1, 1, 10, "2026-03", 1, 0, 0, null, null))).isEmpty();
    }

    @Test
    void eachBadInputIsACodeOnItsField() {
        assertThat(check(obs(1, 11, "2026-03", 2, 3, 0))).containsExactly(new Problem(Field.RECEIVED, Code.RECEIVED_ABOVE_EXPECTED));
        assertThat(check(obs(1, 11, "2026-03", 4, 2, 3))).containsExactly(new Problem(Field.ON_TIME, Code.ON_TIME_ABOVE_RECEIVED));
        assertThat(check(obs(1, 11, "2027-01", 1, 1, 1))).containsExactly(new Problem(Field.PERIOD, Code.PERIOD_FUTURE));
        assertThat(check(obs(1, 11, "2026-12", 1, 1, 1))).isEmpty(); // the current month has started
        assertThat(check(obs(1, 11, "mars 2026", 1, 1, 1))).containsExactly(new Problem(Field.PERIOD, Code.PERIOD_FORMAT));
        assertThat(check(obs(1, 11, "2026-13", 1, 1, 1))).containsExactly(new Problem(Field.PERIOD, Code.PERIOD_FORMAT));
        assertThat(check(obs(1, 10, "2026-03", 1, 1, 1))).containsExactly(new Problem(Field.PERIOD, Code.DUPLICATE));
        assertThat(check(obs(2, 10, "2026-03", 1, 1, 1))).isEmpty(); // another link, same ESSP and period
        assertThat(check(obs(9, 99, "2026-03", 1, 1, 1))).containsExactly(new Problem(Field.LINK, Code.LINK_UNKNOWN),
                new Problem(Field.ESSP, Code.ESSP_UNKNOWN));
        assertThat(check(obs(1, 11, "2026-03", -1, 0, null))).containsExactly(new Problem(Field.EXPECTED, Code.NEGATIVE));
    }

    @Test
    void periodsOfEveryPeriodicity() {
        assertThat(DataFlowRules.periodStart("2026")).contains(LocalDate.of(2026, 1, 1));
        assertThat(DataFlowRules.periodStart("2025-S2")).contains(LocalDate.of(2025, 7, 1));
        assertThat(DataFlowRules.periodStart("2026-Q3")).contains(LocalDate.of(2026, 7, 1));
        assertThat(DataFlowRules.periodStart("2026-02")).contains(LocalDate.of(2026, 2, 1));
        assertThat(DataFlowRules.periodStart("2026-W01")).contains(LocalDate.of(2025, 12, 29)); // ISO week 1 of 2026
        assertThat(DataFlowRules.periodStart("2026-Q5")).isEmpty();
    }

    @Test
    void linksRefuseUnknownCodesFromAnImport() {
        Link good = new Link(0, 0, 1, "essp", "circonscription", 1, null, "paper", 5, "excel", true, null);
        assertThat(DataFlowRules.link(good, Set.of(1))).isEmpty();
        Link bad = new Link(0, 0, 2, "essp", "essp", null, null, "pigeon", -1, "fax", false, null);
        assertThat(DataFlowRules.link(bad, Set.of(1))).extracting(Problem::code).containsExactly(Code.REPORT_TYPE_UNKNOWN,
                Code.SAME_LEVEL, Code.CHANNEL_UNKNOWN, Code.TOOL_UNKNOWN, Code.NEGATIVE);
    }

    @Test
    void recountsAreOneRowPerEsspIndicatorAndMonth() {
        Recount existing = new Recount(3, 1, 10, "ANC1", "2026-03", 40, 42, "other", null);
        Recount same = new Recount(0, 0, 10, "anc1", "2026-03", 1, 1, null, null);
        assertThat(DataFlowRules.recount(same, ESSPS, List.of(existing), TODAY))
                .containsExactly(new Problem(Field.PERIOD, Code.DUPLICATE));
        Recount bad = new Recount(0, 0, 99, " ", "2026-Q1", -1, 0, "lost", null);
        assertThat(DataFlowRules.recount(bad, ESSPS, List.of(), TODAY)).extracting(Problem::code).containsExactly(
                Code.ESSP_UNKNOWN, Code.INDICATOR_REQUIRED, Code.MONTH_FORMAT, Code.NEGATIVE, Code.REASON_UNKNOWN);
        // reported 0 is a valid entry: its VF is "not computable", not an error
        assertThat(DataFlowRules.recount(new Recount(0, 0, 11, "ANC1", "2026-03", 5, 0, "late_entry", null), ESSPS, List.of(), TODAY))
                .isEmpty();
    }

    private static final DataFlowData TERRITORY = new DataFlowData(
            List.of(new ReadinessData.Region(1, "01", "Région 1")),
            List.of(new ReadinessData.Province(10, 1, "010", "Province 10")),
            List.of(new ReadinessData.Circonscription(100, 10, "0100", "Circ 100", "rural")),
            List.of(new ReadinessData.Essp(1000, "E1000", "ESSP 1000", "CSR-1", "rural", 100, 10, 1, null)),
            List.of(), List.of(), List.of(), List.of(), List.of());
    private static final DataFlowData.Checklist EXISTING_CHECKLIST = checklist(7, "essp", null, null, null, 1000, true);

    private static DataFlowData.Checklist checklist(int id, String level, Integer region, Integer province, Integer circ, Integer essp,
                                                    Boolean guidelines) {
        return new DataFlowData.Checklist(id, 1, level, region, province, circ, essp, guidelines, null, null, null, null, null);
    }

    private static List<Problem> check(DataFlowData.Checklist c) {
        return DataFlowRules.checklist(c, TERRITORY, List.of(EXISTING_CHECKLIST));
    }

    @Test
    void aChecklistNamesAUnitOfItsLevelObservesAnItemAndIsTheOnlyOneThere() {
        assertThat(check(checklist(0, "circonscription", null, null, 100, null, false))).isEmpty();
        assertThat(check(checklist(0, "delegation", null, 10, null, null, true))).isEmpty();
        assertThat(check(checklist(0, "sres", 1, null, null, null, true))).isEmpty();
        assertThat(check(checklist(0, "central", null, null, null, null, true))).isEmpty();
        assertThat(check(checklist(7, "essp", null, null, null, 1000, false))).isEmpty(); // the row itself

        assertThat(check(checklist(0, "district", null, null, null, null, true))).containsExactly(new Problem(Field.LEVEL, Code.LEVEL_UNKNOWN));
        assertThat(check(checklist(0, "delegation", null, null, 100, null, true))) // a circonscription is no délégation
                .containsExactly(new Problem(Field.UNIT, Code.UNIT_UNKNOWN));
        assertThat(check(checklist(0, "essp", null, null, null, 99, true))).containsExactly(new Problem(Field.UNIT, Code.UNIT_UNKNOWN));
        assertThat(check(checklist(0, "central", 1, null, null, null, true))).containsExactly(new Problem(Field.UNIT, Code.UNIT_UNKNOWN));
        assertThat(check(checklist(0, "gst", 1, null, null, null, null))).containsExactly(new Problem(Field.ITEMS, Code.CHECKLIST_EMPTY));
        assertThat(check(checklist(0, "essp", null, null, null, 1000, true))).containsExactly(new Problem(Field.UNIT, Code.DUPLICATE));
    }
}
