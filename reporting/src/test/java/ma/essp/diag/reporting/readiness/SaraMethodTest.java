package ma.essp.diag.reporting.readiness;

import static ma.essp.diag.database.repository.AnswerState.ABSENT;
import static ma.essp.diag.database.repository.AnswerState.AVAILABLE_FUNCTIONING;
import static ma.essp.diag.database.repository.AnswerState.NOT_APPLICABLE;
import static ma.essp.diag.reporting.readiness.MissionFixture.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness method as WHO SARA states it: what counts as available by source, the mission setting for reported
 * equipment, unanswered items as absent (sensitivity view), a general domain entirely "not applicable". Every
 * expected number is worked out by hand in the comments.
 */
class SaraMethodTest {

    private static final double EPS = 1e-9;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    /**
     * E1: amenities, precautions, diagnostics all functioning and observed; equipment 6 functioning of which EQ06
     * reported; medicines 24 items, 12 functioning observed, MD13 functioning but reported, 11 absent.
     */
    private static int reportedMedicineFixture(MissionFixture f) {
        int c = f.circonscription("C1", f.province("01.511"), "rural");
        int a = f.assess(f.essp("E1", "CSR-1", c, "rural", 1000), V1, DAY);
        for (String domain : List.of("basic_amenities", "standard_precautions", "diagnostic_capacity")) {
            f.answerGeneralDomain(a, V1, domain, AVAILABLE_FUNCTIONING);
        }
        f.answerGeneralDomain(a, V1, "basic_equipment", AVAILABLE_FUNCTIONING);
        f.answer(a, V1, "EQ06", AVAILABLE_FUNCTIONING, "reported");
        List<String> medicines = f.generalItems(V1, "essential_medicines");
        for (int i = 0; i < 24; i++) {
            f.answer(a, V1, medicines.get(i), i < 12 ? AVAILABLE_FUNCTIONING : ABSENT);
        }
        assertThat(medicines.get(12)).isEqualTo("MD13");
        f.answer(a, V1, "MD13", AVAILABLE_FUNCTIONING, "reported");
        return a;
    }

    @Test
    void aReportedMedicineDoesNotCountAndChangesTheIndex() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            reportedMedicineFixture(f);
            EsspReadiness r = f.compute().essp("E1");
            // medicines: 12 observed of 24 answered -> 50 (the reported MD13 stays in the denominator);
            // reported-included would give 13/24 = 54.17
            assertThat(r.generalDomains().get("essential_medicines")).isEqualTo(new DomainScore("essential_medicines", 24, 24, 12));
            assertThat(r.generalDomains().get("essential_medicines").score()).isCloseTo(50.0, within(EPS));
            // equipment, observed only by default: 5/6 = 83.33
            assertThat(r.generalDomains().get("basic_equipment").score()).isCloseTo(500.0 / 6, within(EPS));
            // index (100 + 500/6 + 100 + 100 + 50) / 5 = (350 + 250/3) / 5 = 1300/15 = 86.67
            assertThat(r.generalIndex()).isCloseTo(1300.0 / 15, within(EPS));
        }
    }

    @Test
    void theMissionSettingLetsReportedEquipmentCountButNeverAReportedMedicine() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            reportedMedicineFixture(f);
            new MissionSettingsRepository(f.dsl).set(f.edit, ReadinessRules.REPORTED_EQUIPMENT_KEY, "true");
            ReadinessResult result = f.compute(ReadinessRules.Unanswered.EXCLUDED);
            assertThat(result.rules().reportedEquipment()).isTrue();
            EsspReadiness r = result.essp("E1");
            // equipment 6/6 = 100, medicines still 12/24 = 50 -> (100 + 100 + 100 + 100 + 50) / 5 = 90
            assertThat(r.generalDomains().get("basic_equipment").score()).isCloseTo(100.0, within(EPS));
            assertThat(r.generalDomains().get("essential_medicines").score()).isCloseTo(50.0, within(EPS));
            assertThat(r.generalIndex()).isCloseTo(90.0, within(EPS));
        }
    }

    @Test
    void aReportedDiagnosticDoesNotCountAnAnswerWithoutSourceIsObserved() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int a = f.assess(f.essp("E1", "CSR-1", c, "rural", 1000), V1, DAY);
            // diagnostics: DX03 out of scope; DX01 reported, DX02 without source, the other five observed -> 6/7
            f.answerGeneralDomain(a, V1, "diagnostic_capacity", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "DX01", AVAILABLE_FUNCTIONING, "reported");
            f.answer(a, V1, "DX02", AVAILABLE_FUNCTIONING, null);
            // amenities: a reported answer counts there (SARA accepts the respondent's word): 7/7
            f.answerGeneralDomain(a, V1, "basic_amenities", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "AM07", AVAILABLE_FUNCTIONING, "reported");
            EsspReadiness r = f.compute().essp("E1");
            assertThat(r.generalDomains().get("diagnostic_capacity").score()).isCloseTo(600.0 / 7, within(EPS));
            assertThat(r.generalDomains().get("basic_amenities").score()).isCloseTo(100.0, within(EPS));
        }
    }

    @Test
    void unansweredCountedAbsentBesideTheDefault() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int a = f.assess(f.essp("E1", "CSR-1", c, "rural", 1000), V1, DAY);
            f.answerAllGeneral(a, V1, AVAILABLE_FUNCTIONING);
            // amenities: AM01..AM03 functioning, AM04 absent, AM05..AM07 unanswered (re-answered as missing)
            f.answer(a, V1, "AM04", ABSENT);
            for (String code : List.of("AM05", "AM06", "AM07")) {
                f.answer(a, V1, code, ma.essp.diag.database.repository.AnswerState.MISSING);
            }
            EsspReadiness excluded = f.compute(ReadinessRules.Unanswered.EXCLUDED).essp("E1");
            EsspReadiness absent = f.compute(ReadinessRules.Unanswered.ABSENT).essp("E1");
            // excluded: 3/4 = 75; index (75 + 100 x 4) / 5 = 95
            assertThat(excluded.generalDomains().get("basic_amenities").score()).isCloseTo(75.0, within(EPS));
            assertThat(excluded.generalIndex()).isCloseTo(95.0, within(EPS));
            // absent: 3/7 = 42.86; index (300/7 + 400) / 5 = 3100/35 = 88.57
            assertThat(absent.generalDomains().get("basic_amenities").score()).isCloseTo(300.0 / 7, within(EPS));
            assertThat(absent.generalIndex()).isCloseTo(3100.0 / 35, within(EPS));
            // completeness is the same under both readings: applicable 7 + 6 + 9 + 7 (DX03 out of scope) + 24 = 53,
            // of which 3 amenities unanswered -> 50/53
            assertThat(absent.generalCompleteness()).isEqualTo(excluded.generalCompleteness()).isCloseTo(50.0 / 53, within(EPS));
        }
    }

    @Test
    void aGeneralDomainEntirelyNotApplicableShowsAsAnIndexOverFourDomains() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int a1 = f.assess(f.essp("E1", "CSR-1", c, "rural", 1000), V1, DAY);
            f.answerAllGeneral(a1, V1, AVAILABLE_FUNCTIONING);
            f.answerGeneralDomain(a1, V1, "basic_equipment", NOT_APPLICABLE);
            int a2 = f.assess(f.essp("E2", "CSR-1", c, "rural", 1000), V1, DAY);
            f.answerAllGeneral(a2, V1, ABSENT);
            ReadinessResult result = f.compute();
            EsspReadiness e1 = result.essp("E1");
            assertThat(e1.generalDomainsUsed()).isEqualTo(4);
            assertThat(e1.generalDomainsTotal()).isEqualTo(5);
            assertThat(e1.generalIndexReduced()).isTrue();
            assertThat(e1.generalIndex()).isCloseTo(100.0, within(EPS));
            assertThat(result.essp("E2").generalIndexReduced()).isFalse();

            AggregateRow circ = ReadinessAggregator.aggregate(result, AggregationLevel.CIRCONSCRIPTION).stream()
                    .filter(r -> r.code().equals("C1")).findFirst().orElseThrow();
            assertThat(circ.general().n()).isEqualTo(2);
            assertThat(circ.generalReduced()).isEqualTo(1);
            assertThat(circ.generalDomainsLabel()).isEqualTo("4/5");
            AggregateRow essp2 = ReadinessAggregator.aggregate(result, AggregationLevel.ESSP).stream()
                    .filter(r -> r.code().equals("E2")).findFirst().orElseThrow();
            assertThat(essp2.generalDomainsLabel()).isEqualTo("5/5");
            assertThat(essp2.generalReduced()).isZero();
        }
    }

    @TempDir
    Path dir;
}
