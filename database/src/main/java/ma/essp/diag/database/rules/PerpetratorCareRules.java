package ma.essp.diag.database.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The rules of the perpetrator-care roll-out (ToR axis 6), returning what is wrong as a {@link Code} with its
 * arguments (empty when fine), never words: the Violence (auteurs) screens word the codes. Pure functions; the
 * callers pass what the rule needs from the mission.
 *
 * <h2>The stage gate</h2>
 * A site's stage follows the stored codes, read as EPIS phases (Aarons et al.) as below; a stage is entered only with
 * its evidence recorded:
 * <table>
 * <tr><th>code</th><th>EPIS phase</th><th>evidence needed to enter it</th></tr>
 * <tr><td>identified</td><td>exploration</td><td>none</td></tr>
 * <tr><td>preparation</td><td>preparation</td><td>none</td></tr>
 * <tr><td>staff_trained</td><td>preparation</td><td>at least one trained staff member (a training date)</td></tr>
 * <tr><td>launched</td><td>implementation</td><td>at least one trained staff member and one period with patients
 * followed</td></tr>
 * <tr><td>routine</td><td>sustainment</td><td>as launched, and patients followed for at least six months
 * ({@link #sustained})</td></tr>
 * <tr><td>suspended</td><td>(outside the phases)</td><td>none</td></tr>
 * </table>
 * The date a stage is reached is required, and not before the date the site reached its current stage.
 */
public final class PerpetratorCareRules {

    /** Months of delivery after which a site counts as sustained (RE-AIM maintenance: six months). */
    public static final int SUSTAINED_MONTHS = 6;

    private PerpetratorCareRules() {
    }

    /** What can be wrong. */
    public enum Code {
        NAME_REQUIRED, PROVINCE_REQUIRED, DATE_REQUIRED, NEGATIVE,
        /** the period ends before it starts */
        DATES_REVERSED,
        /** args: the other period's start and end */
        PERIOD_OVERLAP,
        /** a period is not one calendar quarter; args: the start and end of the quarter its start falls in */
        PERIOD_NOT_QUARTER,
        /** args: the patients followed */
        DROPOUTS_ABOVE_FOLLOWED,
        /** referrals recorded for a period with no patients */
        REFERRALS_WITHOUT_PATIENTS,
        /** args: the stage */
        STAGE_NEEDS_TRAINED_STAFF,
        /** args: the stage */
        STAGE_NEEDS_PATIENTS,
        /** args: the stage, the months needed */
        STAGE_NEEDS_SIX_MONTHS,
        /** args: the date the current stage was reached */
        STAGE_DATE_BEFORE_CURRENT,
        /** the staff record picked has been deleted */
        STAFF_DELETED,
        /** an ESSP site (kind essp) names no ESSP */
        ESSP_REQUIRED,
        /** the ESSP named is not in the site's province */
        ESSP_OTHER_PROVINCE
    }

    /** A problem: its code and the arguments its message needs (see {@link Code}). */
    public record Problem(Code code, Object... args) {
    }

    private static Optional<Problem> problem(Code code, Object... args) {
        return Optional.of(new Problem(code, args));
    }

    /** The EPIS phase of a stored stage code ({@code exploration, preparation, implementation, sustainment}); null for suspended or an unknown code. */
    public static String epis(String stage) {
        return switch (stage == null ? "" : stage) {
            case "identified" -> "exploration";
            case "preparation", "staff_trained" -> "preparation";
            case "launched" -> "implementation";
            case "routine" -> "sustainment";
            default -> null;
        };
    }

    /** The evidence a site has for the gate: trained staff, and the periods with patients followed (their span). */
    public record Evidence(int trainedStaff, int periodsWithPatients, LocalDate firstPatientStart, LocalDate lastPatientEnd) {
    }

    /**
     * Sustained: patients followed from the start of the first period with patients to the end of the last for at least
     * {@link #SUSTAINED_MONTHS} months (two full quarters: 1 January – 30 June is sustained).
     */
    public static boolean sustained(LocalDate firstPatientStart, LocalDate lastPatientEnd) {
        return firstPatientStart != null && lastPatientEnd != null
                && !firstPatientStart.plusMonths(SUSTAINED_MONTHS).isAfter(lastPatientEnd.plusDays(1));
    }

    /**
     * Moving a site to {@code stage} on {@code reachedOn}: the date given and not before {@code currentSince} (the day
     * the current stage was reached; null: unknown), and the stage's evidence (see the class comment).
     */
    public static Optional<Problem> stageGate(String stage, LocalDate reachedOn, LocalDate currentSince, Evidence evidence) {
        if (reachedOn == null) {
            return problem(Code.DATE_REQUIRED);
        }
        if (currentSince != null && reachedOn.isBefore(currentSince)) {
            return problem(Code.STAGE_DATE_BEFORE_CURRENT, currentSince);
        }
        boolean needsStaff = stage.equals("staff_trained") || stage.equals("launched") || stage.equals("routine");
        boolean needsPatients = stage.equals("launched") || stage.equals("routine");
        if (needsStaff && evidence.trainedStaff() < 1) {
            return problem(Code.STAGE_NEEDS_TRAINED_STAFF, stage);
        }
        if (needsPatients && evidence.periodsWithPatients() < 1) {
            return problem(Code.STAGE_NEEDS_PATIENTS, stage);
        }
        if (stage.equals("routine") && !sustained(evidence.firstPatientStart(), evidence.lastPatientEnd())) {
            return problem(Code.STAGE_NEEDS_SIX_MONTHS, stage, SUSTAINED_MONTHS);
        }
        return Optional.empty();
    }

    /** A site: a name and a province. */
    public static Optional<Problem> site(String name, Integer provinceId) {
        if (name == null || name.isBlank()) {
            return problem(Code.NAME_REQUIRED);
        }
        return provinceId == null ? problem(Code.PROVINCE_REQUIRED) : Optional.empty();
    }

    /**
     * A site with its kind ({@code perpetrator_care_site.kind}): as {@link #site(String, Integer)}, and an ESSP site
     * names its hosting ESSP ({@code esspProvinceId}: that ESSP's province, null when none is named), one of the site's
     * province.
     */
    public static Optional<Problem> site(String name, Integer provinceId, String kind, Integer esspProvinceId) {
        Optional<Problem> basic = site(name, provinceId);
        if (basic.isPresent() || !"essp".equals(kind)) {
            return basic;
        }
        if (esspProvinceId == null) {
            return problem(Code.ESSP_REQUIRED);
        }
        return esspProvinceId.equals(provinceId) ? Optional.empty() : problem(Code.ESSP_OTHER_PROVINCE);
    }

    /** Another period of the same site, as the overlap check sees it (both ends included). */
    public record Span(LocalDate start, LocalDate end) {
    }

    /** The first day of the calendar quarter {@code day} falls in (1 January, 1 April, 1 July, 1 October). */
    public static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    /** The last day of the calendar quarter {@code day} falls in. */
    public static LocalDate quarterEnd(LocalDate day) {
        return quarterStart(day).plusMonths(3).minusDays(1);
    }

    /**
     * A reporting period of a site: both dates, end not before start, not overlapping another live period of the site
     * ({@code others}: without the period being edited), one calendar quarter (periods are quarters), counts ≥ 0, drop-outs no more than the patients
     * followed ({@code sessions}, {@code dropouts} may be null: not recorded), and patients when the period
     * has referrals ({@code referrals}: the period's referrals recorded, 0 for a new one).
     */
    public static Optional<Problem> period(LocalDate start, LocalDate end, Integer followed, Integer newPatients,
                                           Integer sessions, Integer dropouts, long referrals, Collection<Span> others) {
        if (start == null || end == null) {
            return problem(Code.DATE_REQUIRED);
        }
        if (end.isBefore(start)) {
            return problem(Code.DATES_REVERSED);
        }
        for (Span other : others) {
            if (!start.isAfter(other.end()) && !other.start().isAfter(end)) {
                return problem(Code.PERIOD_OVERLAP, other.start(), other.end());
            }
        }
        if (!start.equals(quarterStart(start)) || !end.equals(quarterEnd(start))) {
            return problem(Code.PERIOD_NOT_QUARTER, quarterStart(start), quarterEnd(start));
        }
        int f = followed == null ? 0 : followed;
        if (f < 0 || (newPatients != null && newPatients < 0) || (sessions != null && sessions < 0)
                || (dropouts != null && dropouts < 0)) {
            return problem(Code.NEGATIVE);
        }
        if (dropouts != null && dropouts > f) {
            return problem(Code.DROPOUTS_ABOVE_FOLLOWED, f);
        }
        if (referrals > 0 && f == 0) {
            return problem(Code.REFERRALS_WITHOUT_PATIENTS);
        }
        return Optional.empty();
    }

    /** Referrals from one source in a period: ≥ 0, and none in a period with no patients followed. */
    public static Optional<Problem> referrals(Integer referrals, int periodPatientsFollowed) {
        if (referrals == null || referrals < 0) {
            return problem(Code.NEGATIVE);
        }
        return referrals > 0 && periodPatientsFollowed == 0 ? problem(Code.REFERRALS_WITHOUT_PATIENTS) : Optional.empty();
    }

    /** A trained staff member: a name or a staff record, not a deleted record, hours ≥ 0. */
    public static Optional<Problem> staff(String fullName, boolean staffDeleted, Double trainingHours) {
        if (fullName == null || fullName.isBlank()) {
            return problem(Code.NAME_REQUIRED);
        }
        if (staffDeleted) {
            return problem(Code.STAFF_DELETED);
        }
        return trainingHours != null && (trainingHours.isNaN() || trainingHours < 0) ? problem(Code.NEGATIVE) : Optional.empty();
    }
}
