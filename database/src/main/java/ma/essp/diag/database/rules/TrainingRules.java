package ma.essp.diag.database.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the training plan, returning what is wrong as a {@link Code} with its arguments (empty when fine),
 * never words: the Formation screens word the codes. Pure functions; the callers pass what the rule needs from the
 * mission. Also the clash detection of sessions ({@link #clashes}).
 */
public final class TrainingRules {

    private TrainingRules() {
    }

    /** What can be wrong. */
    public enum Code {
        TITLE_REQUIRED, DATE_REQUIRED,
        /** the session ends before it starts */
        DATES_REVERSED,
        /** args: the cohort's first and last day (either may be null: not bounded on that side) */
        SESSION_OUTSIDE_COHORT,
        NOT_A_NUMBER, NEGATIVE,
        /** args: the session's hours */
        HOURS_ABOVE_SESSION,
        /** args: the participant's name */
        PARTICIPANT_TWICE,
        /** args: the cohort's seats */
        SEATS_EXCEEDED,
        /** the staff record picked has been deleted */
        STAFF_DELETED,
        /** a cost line needs a unit (or is a lump sum) */
        UNIT_REQUIRED,
        /** args: the unit */
        UNITS_REQUIRED,
        AMOUNT_NEGATIVE,
        /** a session's hours must be more than 0 */
        HOURS_NOT_POSITIVE,
        /** args: the most hours a participant attended the session (its hours cannot go below) */
        HOURS_BELOW_ATTENDED,
        /** args: the cohort's live participants (its seats cannot go below) */
        SEATS_BELOW_ENROLLED,
        /** args: how many of the cohort's sessions the new dates would leave outside */
        SESSIONS_OUTSIDE_DATES,
        /** args: the region's quota of seats in the cohort, reached */
        QUOTA_FULL,
        /** an expert-day cost line must say whose experts it pays (Moroccan or European) */
        ORIGIN_REQUIRED,
        /** args: the unit; only an expert-day line has an experts' origin */
        ORIGIN_NOT_EXPERT_DAY
    }

    /** A problem: its code and the arguments its message needs (see {@link Code}). */
    public record Problem(Code code, Object... args) {
    }

    private static Optional<Problem> problem(Code code, Object... args) {
        return Optional.of(new Problem(code, args));
    }

    public static Optional<Problem> title(String title) {
        return title == null || title.isBlank() ? problem(Code.TITLE_REQUIRED) : Optional.empty();
    }

    /** A session's dates: both given, in order, and inside its cohort's dates when those are set. */
    public static Optional<Problem> sessionDates(LocalDate startsOn, LocalDate endsOn, LocalDate cohortStart,
                                                 LocalDate cohortEnd) {
        if (startsOn == null || endsOn == null) {
            return problem(Code.DATE_REQUIRED);
        }
        if (endsOn.isBefore(startsOn)) {
            return problem(Code.DATES_REVERSED);
        }
        if ((cohortStart != null && startsOn.isBefore(cohortStart)) || (cohortEnd != null && endsOn.isAfter(cohortEnd))) {
            return problem(Code.SESSION_OUTSIDE_COHORT, cohortStart, cohortEnd);
        }
        return Optional.empty();
    }

    /** Hours (a session's, or attended): a number ≥ 0; blank is accepted by the caller as "not given". */
    public static Optional<Problem> hours(Double hours) {
        if (hours == null) {
            return Optional.empty();
        }
        if (hours.isNaN() || hours.isInfinite()) {
            return problem(Code.NOT_A_NUMBER);
        }
        return hours < 0 ? problem(Code.NEGATIVE) : Optional.empty();
    }

    /** Hours attended: a number ≥ 0 and no more than the session's hours. */
    public static Optional<Problem> hoursAttended(Double attended, double sessionHours) {
        Optional<Problem> number = hours(attended);
        if (number.isPresent() || attended == null) {
            return number;
        }
        return attended > sessionHours + 1e-9 ? problem(Code.HOURS_ABOVE_SESSION, sessionHours) : Optional.empty();
    }

    /**
     * Adding a participant to a cohort: not from a deleted staff record, not already in the cohort (the same staff
     * record, or the same name when neither has one), and a seat left ({@code seats} null: no limit).
     *
     * @param enrolled the cohort's live participants as (staff position id or null, full name)
     */
    public static Optional<Problem> newParticipant(Integer staffPositionId, String fullName, boolean staffDeleted,
                                                   Collection<Enrolled> enrolled, Integer seats) {
        if (fullName == null || fullName.isBlank()) {
            return problem(Code.TITLE_REQUIRED);
        }
        if (staffDeleted) {
            return problem(Code.STAFF_DELETED);
        }
        for (Enrolled e : enrolled) {
            boolean sameRecord = staffPositionId != null && staffPositionId.equals(e.staffPositionId());
            boolean sameName = (staffPositionId == null || e.staffPositionId() == null)
                    && normalized(fullName).equals(normalized(e.fullName()));
            if (sameRecord || sameName) {
                return problem(Code.PARTICIPANT_TWICE, fullName.strip());
            }
        }
        if (seats != null && enrolled.size() >= seats) {
            return problem(Code.SEATS_EXCEEDED, seats);
        }
        return Optional.empty();
    }

    /**
     * A session edited: a title, dates inside its cohort's, hours more than 0 and no fewer than a participant already
     * attended ({@code mostAttended}, 0 when nobody).
     */
    public static Optional<Problem> editedSession(String title, LocalDate startsOn, LocalDate endsOn, Double hours,
                                                  LocalDate cohortStart, LocalDate cohortEnd, double mostAttended) {
        Optional<Problem> first = title(title).or(() -> sessionDates(startsOn, endsOn, cohortStart, cohortEnd))
                .or(() -> hours == null ? problem(Code.NOT_A_NUMBER) : hours(hours));
        if (first.isPresent()) {
            return first;
        }
        if (hours <= 0) {
            return problem(Code.HOURS_NOT_POSITIVE);
        }
        return hours + 1e-9 < mostAttended ? problem(Code.HOURS_BELOW_ATTENDED, mostAttended) : Optional.empty();
    }

    /**
     * A cohort edited: a name, both dates in order and around every one of its sessions, seats (null: no limit) not
     * fewer than its live participants.
     *
     * @param sessions the cohort's live sessions as {start, end} pairs
     */
    public static Optional<Problem> editedCohort(String name, LocalDate startsOn, LocalDate endsOn, Integer seats,
                                                 int enrolled, List<LocalDate[]> sessions) {
        if (name == null || name.isBlank()) {
            return problem(Code.TITLE_REQUIRED);
        }
        if (startsOn == null || endsOn == null) {
            return problem(Code.DATE_REQUIRED);
        }
        if (endsOn.isBefore(startsOn)) {
            return problem(Code.DATES_REVERSED);
        }
        long outside = sessions.stream().filter(s -> s[0].isBefore(startsOn) || s[1].isAfter(endsOn)).count();
        if (outside > 0) {
            return problem(Code.SESSIONS_OUTSIDE_DATES, outside);
        }
        if (seats != null && seats < 0) {
            return problem(Code.NEGATIVE);
        }
        return seats != null && seats < enrolled ? problem(Code.SEATS_BELOW_ENROLLED, enrolled) : Optional.empty();
    }

    /**
     * One more participant from a region whose cohort quota is {@code quota} (null: none) when {@code fromRegion} of the
     * cohort's participants already come from it.
     */
    public static Optional<Problem> quota(Integer quota, int fromRegion) {
        return quota != null && fromRegion >= quota ? problem(Code.QUOTA_FULL, quota) : Optional.empty();
    }

    /** A region's quota: a whole number ≥ 0, not below the {@code fromRegion} participants already from it. */
    public static Optional<Problem> quotaSeats(int seats, int fromRegion) {
        if (seats < 0) {
            return problem(Code.NEGATIVE);
        }
        return seats < fromRegion ? problem(Code.SEATS_BELOW_ENROLLED, fromRegion) : Optional.empty();
    }

    /** A participant already in the cohort. */
    public record Enrolled(Integer staffPositionId, String fullName) {
    }

    /** The experts' origins an expert-day cost line can name (V28). */
    public static final List<String> EXPERT_ORIGINS = List.of("moroccan", "european");

    /**
     * A cost line: an amount (unit cost) not negative; a unit, and units when the unit is not a lump sum; an expert-day
     * line says whose experts it pays ({@link #EXPERT_ORIGINS}), a line of any other unit does not (lines written
     * before V28 have no origin: they are read as "not stated", only a new line is held to this rule).
     *
     * @param unit participant_day, expert_day, venue_day, participant or lump_sum
     * @param expertOrigin moroccan or european for an expert_day line, null (or blank) otherwise
     */
    public static Optional<Problem> costLine(String unit, Double unitCost, Double units, String expertOrigin) {
        if (unit == null || unit.isBlank()) {
            return problem(Code.UNIT_REQUIRED);
        }
        boolean hasOrigin = expertOrigin != null && !expertOrigin.isBlank();
        if ("expert_day".equals(unit) && !(hasOrigin && EXPERT_ORIGINS.contains(expertOrigin))) {
            return problem(Code.ORIGIN_REQUIRED);
        }
        if (!"expert_day".equals(unit) && hasOrigin) {
            return problem(Code.ORIGIN_NOT_EXPERT_DAY, unit);
        }
        if (unitCost == null || unitCost.isNaN()) {
            return problem(Code.NOT_A_NUMBER);
        }
        if (unitCost < 0) {
            return problem(Code.AMOUNT_NEGATIVE);
        }
        if (units == null || units.isNaN()) {
            return "lump_sum".equals(unit) ? Optional.empty() : problem(Code.UNITS_REQUIRED, unit);
        }
        return units < 0 ? problem(Code.NEGATIVE) : Optional.empty();
    }

    // ------------------------------------------------------------------ eligibility

    /**
     * Who a programme is for, by default (documented, not enforced: the screen shows it next to each staff record):
     * <ul>
     * <li>{@code mba}: managers of hospitals, DRS, SRES, délégations, GST and the central level, and the heads of
     * ESSPs (doctors and nurses of an ESSP);</li>
     * <li>{@code short_course} (planning and monitoring of health programmes): staff of circonscription offices,
     * SRES and délégations, and ESSP doctors and nurses;</li>
     * <li>{@code workshop} (management of ESSPs): ESSP doctors and nurses, circonscription offices and GST;</li>
     * <li>{@code other}: anyone.</li>
     * </ul>
     * Support staff are never eligible by default.
     *
     * @param structureKind the kind of the person's structure, or {@code essp}
     */
    public static boolean eligible(String programmeKind, String structureKind, String cadreCode) {
        if ("support_staff".equals(cadreCode)) {
            return false;
        }
        boolean esspHead = "essp".equals(structureKind) && cadreCode != null
                && (cadreCode.startsWith("doctor") || cadreCode.startsWith("nurse"));
        return switch (programmeKind == null ? "other" : programmeKind) {
            case "mba" -> esspHead || Set.of("drs", "sres", "delegation", "gst", "hospital", "central").contains(structureKind);
            case "short_course" -> esspHead || Set.of("circonscription_office", "sres", "delegation").contains(structureKind);
            case "workshop" -> esspHead || Set.of("circonscription_office", "gst").contains(structureKind);
            default -> true;
        };
    }

    // ------------------------------------------------------------------ clashes

    /** What two sessions share on overlapping dates. */
    public enum ClashKind { TRAINER, PARTICIPANT, PLACE }

    /**
     * A session as the clash detection sees it: its dates (both ends included), its place, its trainers (the
     * session's text split on commas, semicolons and " et "/" and ") and its participants' keys (a staff record's id or
     * a name: see {@link #participantKey}).
     */
    public record Slot(int sessionId, LocalDate startsOn, LocalDate endsOn, String place, String trainers,
                       Set<String> participants) {
    }

    /** Two sessions that clash, what they share and who or what it is (the first shared one, as written). */
    public record Clash(int sessionA, int sessionB, ClashKind kind, String shared) {
    }

    /** A participant's identity for clashes: the staff record when picked from the records, else the name. */
    public static String participantKey(Integer staffPositionId, String fullName) {
        return staffPositionId != null ? "staff:" + staffPositionId : "name:" + normalized(fullName);
    }

    /**
     * Every pair of sessions on overlapping dates (a session that ends the day before another starts does not
     * overlap it) sharing a trainer, a participant or a place, each pair once per kind, in the order of the slots.
     */
    public static List<Clash> clashes(List<Slot> slots) {
        List<Clash> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                Slot a = slots.get(i);
                Slot b = slots.get(j);
                if (!overlap(a, b)) {
                    continue;
                }
                firstShared(trainers(a.trainers()), trainers(b.trainers()))
                        .ifPresent(t -> out.add(new Clash(a.sessionId(), b.sessionId(), ClashKind.TRAINER, t)));
                a.participants().stream().filter(b.participants()::contains).sorted().findFirst()
                        .ifPresent(p -> out.add(new Clash(a.sessionId(), b.sessionId(), ClashKind.PARTICIPANT, p)));
                if (a.place() != null && !a.place().isBlank() && normalized(a.place()).equals(normalized(b.place()))) {
                    out.add(new Clash(a.sessionId(), b.sessionId(), ClashKind.PLACE, a.place().strip()));
                }
            }
        }
        return out;
    }

    static boolean overlap(Slot a, Slot b) {
        return !a.startsOn().isAfter(b.endsOn()) && !b.startsOn().isAfter(a.endsOn());
    }

    private static Optional<String> firstShared(List<String> a, List<String> b) {
        Set<String> other = new LinkedHashSet<>();
        b.forEach(t -> other.add(normalized(t)));
        return a.stream().filter(t -> other.contains(normalized(t))).findFirst();
    }

    /** The trainers named in a session's text, as written. */
    static List<String> trainers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split("[,;]|\\s+et\\s+|\\s+and\\s+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String normalized(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
