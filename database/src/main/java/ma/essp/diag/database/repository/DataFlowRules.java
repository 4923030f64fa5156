package ma.essp.diag.database.repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.essp.diag.database.code.Vocabulary;

/**
 * The rules a data-flow row must pass before it is written, as codes on fields (never words: the window, the
 * command line and an import word them in their own language). A row with any problem is not written.
 *
 * <p>Periods are written {@code yyyy} (year), {@code yyyy-Sn} (half-year), {@code yyyy-Qn} (quarter),
 * {@code yyyy-MM} (month) or {@code yyyy-Www} (ISO week); a period is "in the future" when it starts after today.
 */
public final class DataFlowRules {

    private DataFlowRules() {
    }

    /** What can be wrong. */
    public enum Code {
        LINK_UNKNOWN, ESSP_UNKNOWN, PERIOD_FORMAT, PERIOD_FUTURE, NEGATIVE, RECEIVED_ABOVE_EXPECTED, ON_TIME_ABOVE_RECEIVED,
        DUPLICATE, REPORT_TYPE_UNKNOWN, LEVEL_UNKNOWN, SAME_LEVEL, CHANNEL_UNKNOWN, TOOL_UNKNOWN, INDICATOR_REQUIRED,
        MONTH_FORMAT, REASON_UNKNOWN, UNIT_UNKNOWN, CHECKLIST_EMPTY, CODE_REQUIRED, CODE_TAKEN, NAME_REQUIRED, PROGRAMME_REQUIRED,
        PERIODICITY_UNKNOWN, SCOPE_UNKNOWN, IN_USE;

        /** The message key of the code: {@code dataflow.rule.received_above_expected}. */
        public String key() {
            return "dataflow.rule." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The field a problem is on. */
    public enum Field { LINK, ESSP, PERIOD, EXPECTED, RECEIVED, ON_TIME, DELAY, REPORT_TYPE, FROM_LEVEL, TO_LEVEL, CHANNEL, TOOL,
        DEADLINE, INDICATOR, RECOUNTED, REPORTED, REASON, LEVEL, UNIT, ITEMS, CODE, NAME, PROGRAMME, PERIODICITY, SCOPE }

    public record Problem(Field field, Code code) {
    }

    /** The reasons a recount may give for a discrepancy ({@code data_verification.reason}). */
    public static final List<String> REASONS = List.of("register_missing", "transcription_error", "late_entry", "other");

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|S([12])|W(0[1-9]|[1-4]\\d|5[0-3])))?");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** The first day of {@code period}, empty when it is not written in one of the accepted forms. */
    public static Optional<LocalDate> periodStart(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)), 1));
        }
        if (m.group(3) != null) {
            return Optional.of(LocalDate.of(year, (Integer.parseInt(m.group(3)) - 1) * 3 + 1, 1));
        }
        if (m.group(4) != null) {
            return Optional.of(LocalDate.of(year, m.group(4).equals("1") ? 1 : 7, 1));
        }
        if (m.group(5) != null) {
            int week = Integer.parseInt(m.group(5));
            LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return monday.get(IsoFields.WEEK_BASED_YEAR) == year ? Optional.of(monday) : Optional.empty();
        }
        return Optional.of(LocalDate.of(year, 1, 1));
    }

    private static void period(String period, LocalDate today, List<Problem> problems) {
        Optional<LocalDate> start = periodStart(period);
        if (start.isEmpty()) {
            problems.add(new Problem(Field.PERIOD, Code.PERIOD_FORMAT));
        } else if (start.get().isAfter(today)) {
            problems.add(new Problem(Field.PERIOD, Code.PERIOD_FUTURE));
        }
    }

    /**
     * The problems of an observation: its link and ESSP must exist, its period be well written and not in the future,
     * counts not negative, received ≤ expected, on time ≤ received, and no other live observation of the same link,
     * period and ESSP (the row itself, same id, excepted).
     */
    public static List<Problem> observation(DataFlowData.Observation o, Set<Integer> linkIds, Set<Integer> esspIds,
                                            Collection<DataFlowData.Observation> existing, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (!linkIds.contains(o.linkId())) {
            problems.add(new Problem(Field.LINK, Code.LINK_UNKNOWN));
        }
        if (o.esspId() != null && !esspIds.contains(o.esspId())) {
            problems.add(new Problem(Field.ESSP, Code.ESSP_UNKNOWN));
        }
        period(o.period(), today, problems);
        if (o.expected() < 0) {
            problems.add(new Problem(Field.EXPECTED, Code.NEGATIVE));
        }
        if (o.received() < 0) {
            problems.add(new Problem(Field.RECEIVED, Code.NEGATIVE));
        } else if (o.received() > o.expected() && o.expected() >= 0) {
            problems.add(new Problem(Field.RECEIVED, Code.RECEIVED_ABOVE_EXPECTED));
        }
        if (o.onTime() != null) {
            if (o.onTime() < 0) {
                problems.add(new Problem(Field.ON_TIME, Code.NEGATIVE));
            } else if (o.onTime() > o.received()) {
                problems.add(new Problem(Field.ON_TIME, Code.ON_TIME_ABOVE_RECEIVED));
            }
        }
        if (o.delayDays() != null && o.delayDays() < 0) {
            problems.add(new Problem(Field.DELAY, Code.NEGATIVE));
        }
        String period = o.period() == null ? null : o.period().strip();
        boolean duplicate = existing.stream().anyMatch(e -> e.id() != o.id() && e.linkId() == o.linkId()
                && Objects.equals(e.esspId(), o.esspId()) && e.period().equals(period));
        if (duplicate) {
            problems.add(new Problem(Field.PERIOD, Code.DUPLICATE));
        }
        return problems;
    }

    /**
     * The problems of a chain link: a known report type, known level, channel and tool codes (from an import as
     * much as from the window), two different levels, a deadline not negative.
     */
    public static List<Problem> link(DataFlowData.Link l, Set<Integer> reportTypeIds) {
        List<Problem> problems = new ArrayList<>();
        if (!reportTypeIds.contains(l.reportTypeId())) {
            problems.add(new Problem(Field.REPORT_TYPE, Code.REPORT_TYPE_UNKNOWN));
        }
        if (!Vocabulary.FLOW_LEVEL.contains(l.fromLevel())) {
            problems.add(new Problem(Field.FROM_LEVEL, Code.LEVEL_UNKNOWN));
        }
        if (!Vocabulary.FLOW_LEVEL.contains(l.toLevel())) {
            problems.add(new Problem(Field.TO_LEVEL, Code.LEVEL_UNKNOWN));
        } else if (Objects.equals(l.fromLevel(), l.toLevel())) {
            problems.add(new Problem(Field.TO_LEVEL, Code.SAME_LEVEL));
        }
        if (!Vocabulary.FLOW_CHANNEL.contains(l.channel())) {
            problems.add(new Problem(Field.CHANNEL, Code.CHANNEL_UNKNOWN));
        }
        if (l.tool() != null && !Vocabulary.FLOW_TOOL.contains(l.tool())) {
            problems.add(new Problem(Field.TOOL, Code.TOOL_UNKNOWN));
        }
        if (l.deadlineDays() != null && l.deadlineDays() < 0) {
            problems.add(new Problem(Field.DEADLINE, Code.NEGATIVE));
        }
        return problems;
    }

    /**
     * The problems of a new chain link beyond {@link #link}: its place (no region, a region, or a province with its own
     * region) must exist, and no other live link of the same report type may leave the same level for the same place
     * (one link per report type, sending level and place, as the chains read them; the row itself, same id, excepted).
     */
    public static List<Problem> newLink(DataFlowData.Link l, DataFlowData data) {
        List<Problem> problems = new ArrayList<>(link(l, data.reportTypes().stream().map(DataFlowData.ReportType::id)
                .collect(java.util.stream.Collectors.toSet())));
        boolean place = l.provinceId() == null
                ? l.regionId() == null || data.regions().stream().anyMatch(r -> r.id() == l.regionId())
                : data.provinces().stream().anyMatch(p -> p.id() == l.provinceId() && Objects.equals(l.regionId(), p.regionId()));
        if (!place) {
            problems.add(new Problem(Field.SCOPE, Code.SCOPE_UNKNOWN));
        }
        boolean duplicate = data.links().stream().anyMatch(e -> e.id() != l.id() && e.reportTypeId() == l.reportTypeId()
                && e.fromLevel().equals(l.fromLevel()) && Objects.equals(e.regionId(), l.regionId())
                && Objects.equals(e.provinceId(), l.provinceId()));
        if (duplicate) {
            problems.add(new Problem(Field.FROM_LEVEL, Code.DUPLICATE));
        }
        return problems;
    }

    /** A link can be deleted only when no live observation is recorded on it (its figures would lose their chain). */
    public static List<Problem> deleteLink(DataFlowData.Link l, DataFlowData data) {
        return data.observations().stream().anyMatch(o -> o.linkId() == l.id())
                ? List.of(new Problem(Field.LINK, Code.IN_USE)) : List.of();
    }

    /**
     * The problems of a report type: a code (unique among {@code takenCodes}, every code ever used, deleted types
     * included — the schema keeps them unique — its own excepted when {@code ownCode} is given), a French name, a
     * programme, a known periodicity and tool.
     */
    public static List<Problem> reportType(DataFlowData.ReportType t, Collection<String> takenCodes, String ownCode) {
        List<Problem> problems = new ArrayList<>();
        String code = t.code() == null ? "" : t.code().strip();
        if (code.isEmpty()) {
            problems.add(new Problem(Field.CODE, Code.CODE_REQUIRED));
        } else if (!code.equalsIgnoreCase(ownCode) && takenCodes.stream().anyMatch(code::equalsIgnoreCase)) {
            problems.add(new Problem(Field.CODE, Code.CODE_TAKEN));
        }
        if (t.nameFr() == null || t.nameFr().isBlank()) {
            problems.add(new Problem(Field.NAME, Code.NAME_REQUIRED));
        }
        if (t.programme() == null || t.programme().isBlank()) {
            problems.add(new Problem(Field.PROGRAMME, Code.PROGRAMME_REQUIRED));
        }
        if (!Vocabulary.PERIODICITY.contains(t.periodicity())) {
            problems.add(new Problem(Field.PERIODICITY, Code.PERIODICITY_UNKNOWN));
        }
        if (!Vocabulary.FLOW_TOOL.contains(t.tool())) {
            problems.add(new Problem(Field.TOOL, Code.TOOL_UNKNOWN));
        }
        return problems;
    }

    /** A report type can be deleted only when no live link carries it (delete its links first). */
    public static List<Problem> deleteReportType(DataFlowData.ReportType t, DataFlowData data) {
        return data.links().stream().anyMatch(l -> l.reportTypeId() == t.id())
                ? List.of(new Problem(Field.REPORT_TYPE, Code.IN_USE)) : List.of();
    }

    /**
     * The problems of a recount row: a known ESSP, an indicator, a month {@code yyyy-MM} not in the future, values
     * not negative, a known reason code, and no other live row for the same ESSP, indicator and month.
     */
    public static List<Problem> recount(DataFlowData.Recount r, Set<Integer> esspIds, Collection<DataFlowData.Recount> existing,
                                        LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (!esspIds.contains(r.esspId())) {
            problems.add(new Problem(Field.ESSP, Code.ESSP_UNKNOWN));
        }
        if (r.indicator() == null || r.indicator().isBlank()) {
            problems.add(new Problem(Field.INDICATOR, Code.INDICATOR_REQUIRED));
        }
        if (r.period() == null || !MONTH.matcher(r.period().strip()).matches()) {
            problems.add(new Problem(Field.PERIOD, Code.MONTH_FORMAT));
        } else if (YearMonth.parse(r.period().strip()).atDay(1).isAfter(today)) {
            problems.add(new Problem(Field.PERIOD, Code.PERIOD_FUTURE));
        }
        if (r.recounted() != null && r.recounted() < 0) {
            problems.add(new Problem(Field.RECOUNTED, Code.NEGATIVE));
        }
        if (r.reported() != null && r.reported() < 0) {
            problems.add(new Problem(Field.REPORTED, Code.NEGATIVE));
        }
        if (r.reason() != null && !REASONS.contains(r.reason())) {
            problems.add(new Problem(Field.REASON, Code.REASON_UNKNOWN));
        }
        String indicator = r.indicator() == null ? "" : r.indicator().strip();
        String period = r.period() == null ? "" : r.period().strip();
        boolean duplicate = existing.stream().anyMatch(e -> e.id() != r.id() && e.esspId() == r.esspId()
                && e.indicator().equalsIgnoreCase(indicator) && e.period().equals(period));
        if (duplicate) {
            problems.add(new Problem(Field.PERIOD, Code.DUPLICATE));
        }
        return problems;
    }

    /**
     * The problems of a PRISM system checklist: a known level; for every level but {@code central} a known unit of the
     * kind the level takes (ESSP, circonscription, province for {@code delegation}, region for {@code sres},
     * {@code drs}, {@code gst}) and no id of another kind; at least one item observed; and no other live checklist of
     * the same level and unit (the row itself, same id, excepted).
     */
    public static List<Problem> checklist(DataFlowData.Checklist c, DataFlowData territory, Collection<DataFlowData.Checklist> existing) {
        List<Problem> problems = new ArrayList<>();
        if (!Vocabulary.FLOW_LEVEL.contains(c.level())) {
            problems.add(new Problem(Field.LEVEL, Code.LEVEL_UNKNOWN));
            return problems;
        }
        Integer unit = c.unitId();
        boolean known = switch (c.level()) {
            case "essp" -> territory.essps().stream().anyMatch(e -> Integer.valueOf(e.id()).equals(unit));
            case "circonscription" -> territory.circonscriptions().stream().anyMatch(e -> Integer.valueOf(e.id()).equals(unit));
            case "delegation" -> territory.provinces().stream().anyMatch(e -> Integer.valueOf(e.id()).equals(unit));
            case "central" -> true;
            default -> territory.regions().stream().anyMatch(e -> Integer.valueOf(e.id()).equals(unit));
        };
        long ids = java.util.stream.Stream.of(c.regionId(), c.provinceId(), c.circonscriptionId(), c.esspId()).filter(Objects::nonNull).count();
        if (!known || ids != (unit == null ? 0 : 1)) {
            problems.add(new Problem(Field.UNIT, Code.UNIT_UNKNOWN));
        }
        if (c.answers().stream().allMatch(Objects::isNull)) {
            problems.add(new Problem(Field.ITEMS, Code.CHECKLIST_EMPTY));
        }
        boolean duplicate = existing.stream().anyMatch(e -> e.id() != c.id() && e.level().equals(c.level())
                && Objects.equals(e.unitId(), unit));
        if (duplicate) {
            problems.add(new Problem(Field.UNIT, Code.DUPLICATE));
        }
        return problems;
    }
}
