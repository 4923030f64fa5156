package ma.essp.diag.database.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.essp.diag.database.rules.PerpetratorCareRules.Code;
import ma.essp.diag.database.rules.PerpetratorCareRules.Evidence;
import ma.essp.diag.database.rules.PerpetratorCareRules.Problem;
import ma.essp.diag.database.rules.PerpetratorCareRules.Span;
import org.junit.jupiter.api.Test;

class PerpetratorCareRulesTest {

    static final LocalDate JAN = LocalDate.parse("2026-01-01");
    static final Evidence NOTHING = new Evidence(0, 0, null, null);

    private static Code code(Optional<Problem> p) {
        return p.map(Problem::code).orElse(null);
    }

    @Test
    void episMappingOfTheStoredCodes() {
        assertThat(List.of("identified", "preparation", "staff_trained", "launched", "routine", "suspended").stream()
                .map(PerpetratorCareRules::epis).toList())
                .containsExactly("exploration", "preparation", "preparation", "implementation", "sustainment", null);
    }

    @Test
    void implementationNeedsTrainedStaffAndAPeriodWithPatients() {
        assertThat(code(PerpetratorCareRules.stageGate("launched", JAN, null, NOTHING))).isEqualTo(Code.STAGE_NEEDS_TRAINED_STAFF);
        assertThat(code(PerpetratorCareRules.stageGate("launched", JAN, null, new Evidence(1, 0, null, null))))
                .isEqualTo(Code.STAGE_NEEDS_PATIENTS);
        Evidence oneQuarter = new Evidence(1, 1, JAN, LocalDate.parse("2026-03-31"));
        assertThat(PerpetratorCareRules.stageGate("launched", JAN, null, oneQuarter)).isEmpty();
        assertThat(code(PerpetratorCareRules.stageGate("staff_trained", JAN, null, NOTHING))).isEqualTo(Code.STAGE_NEEDS_TRAINED_STAFF);
        assertThat(PerpetratorCareRules.stageGate("preparation", JAN, null, NOTHING)).isEmpty();
        assertThat(PerpetratorCareRules.stageGate("suspended", JAN, null, NOTHING)).isEmpty();
    }

    @Test
    void sustainmentNeedsSixMonthsOfPatients() {
        assertThat(code(PerpetratorCareRules.stageGate("routine", JAN, null, new Evidence(1, 1, JAN, LocalDate.parse("2026-06-29")))))
                .isEqualTo(Code.STAGE_NEEDS_SIX_MONTHS);
        assertThat(PerpetratorCareRules.stageGate("routine", JAN, null, new Evidence(1, 2, JAN, LocalDate.parse("2026-06-30"))))
                .isEmpty();
    }

    @Test
    void aStageDateIsRequiredAndNotBeforeTheCurrentOne() {
        assertThat(code(PerpetratorCareRules.stageGate("preparation", null, null, NOTHING))).isEqualTo(Code.DATE_REQUIRED);
        Optional<Problem> early = PerpetratorCareRules.stageGate("preparation", JAN, LocalDate.parse("2026-02-01"), NOTHING);
        assertThat(code(early)).isEqualTo(Code.STAGE_DATE_BEFORE_CURRENT);
        assertThat(early.get().args()).containsExactly(LocalDate.parse("2026-02-01"));
    }

    @Test
    void periods() {
        LocalDate mar = LocalDate.parse("2026-03-31");
        assertThat(PerpetratorCareRules.period(JAN, mar, 10, 4, 20, 2, 5, List.of())).isEmpty();
        assertThat(code(PerpetratorCareRules.period(null, mar, 10, 4, 20, 2, 0, List.of()))).isEqualTo(Code.DATE_REQUIRED);
        assertThat(code(PerpetratorCareRules.period(mar, JAN, 10, 4, 20, 2, 0, List.of()))).isEqualTo(Code.DATES_REVERSED);
        Optional<Problem> overlap = PerpetratorCareRules.period(JAN, mar, 10, 4, 20, 2, 0,
                List.of(new Span(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-12-31")),
                        new Span(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-06-30"))));
        assertThat(code(overlap)).isEqualTo(Code.PERIOD_OVERLAP);
        assertThat(overlap.get().args()).containsExactly(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-06-30"));
        assertThat(PerpetratorCareRules.period(JAN, mar, 10, 4, 20, 2, 0,
                List.of(new Span(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-12-31"))))).isEmpty();
        assertThat(code(PerpetratorCareRules.period(JAN, mar, 10, 4, 20, 11, 0, List.of()))).isEqualTo(Code.DROPOUTS_ABOVE_FOLLOWED);
        assertThat(PerpetratorCareRules.period(JAN, mar, 10, 4, 20, 10, 0, List.of())).isEmpty();
        assertThat(code(PerpetratorCareRules.period(JAN, mar, -1, 0, null, null, 0, List.of()))).isEqualTo(Code.NEGATIVE);
        assertThat(code(PerpetratorCareRules.period(JAN, mar, 0, 0, null, null, 3, List.of())))
                .isEqualTo(Code.REFERRALS_WITHOUT_PATIENTS);
    }

    @Test
    void periodsAreCalendarQuarters() {
        // 1 October – 31 December: a quarter (its end in the next year's first quarter would not be)
        assertThat(PerpetratorCareRules.period(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-12-31"), 4, 4, null, null, 0,
                List.of())).isEmpty();
        // a month off: 1 February – 30 April; the quarter of its start is 1 January – 31 March
        Optional<Problem> shifted = PerpetratorCareRules.period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30"),
                4, 4, null, null, 0, List.of());
        assertThat(code(shifted)).isEqualTo(Code.PERIOD_NOT_QUARTER);
        assertThat(shifted.get().args()).containsExactly(JAN, LocalDate.parse("2026-03-31"));
        // two quarters in one, a month, a quarter ending a day early: refused
        assertThat(code(PerpetratorCareRules.period(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-09-30"), 4, 4, null,
                null, 0, List.of()))).isEqualTo(Code.PERIOD_NOT_QUARTER);
        assertThat(code(PerpetratorCareRules.period(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31"), 4, 4, null,
                null, 0, List.of()))).isEqualTo(Code.PERIOD_NOT_QUARTER);
        assertThat(code(PerpetratorCareRules.period(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-29"), 4, 4, null,
                null, 0, List.of()))).isEqualTo(Code.PERIOD_NOT_QUARTER);
        // the older rules keep their order: reversed dates and an overlap are named before the quarter
        assertThat(code(PerpetratorCareRules.period(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-02-01"), 4, 4, null,
                null, 0, List.of()))).isEqualTo(Code.DATES_REVERSED);
        assertThat(code(PerpetratorCareRules.period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-05-31"), 4, 4, null,
                null, 0, List.of(new Span(JAN, LocalDate.parse("2026-03-31")))))).isEqualTo(Code.PERIOD_OVERLAP);
        assertThat(PerpetratorCareRules.quarterStart(LocalDate.parse("2026-12-31"))).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(PerpetratorCareRules.quarterEnd(LocalDate.parse("2026-02-28"))).isEqualTo(LocalDate.parse("2026-03-31"));
    }

    @Test
    void referrals() {
        assertThat(code(PerpetratorCareRules.referrals(2, 0))).isEqualTo(Code.REFERRALS_WITHOUT_PATIENTS);
        assertThat(PerpetratorCareRules.referrals(0, 0)).isEmpty();
        assertThat(PerpetratorCareRules.referrals(2, 5)).isEmpty();
        assertThat(code(PerpetratorCareRules.referrals(-1, 5))).isEqualTo(Code.NEGATIVE);
    }
}
