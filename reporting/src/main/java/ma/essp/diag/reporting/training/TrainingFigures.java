package ma.essp.diag.reporting.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Attendance;
import ma.essp.diag.database.repository.TrainingData.Cohort;
import ma.essp.diag.database.repository.TrainingData.CostLine;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Programme;
import ma.essp.diag.database.repository.TrainingData.Session;

/**
 * The training plan's figures, one definition for the Formation screens, the {@code figures --axis training} command
 * and any export, computed from the recorded rows ({@link TrainingData}):
 * <ul>
 * <li><b>Required hours</b> of a cohort: its programme's required hours (V9), else the programme's planned hours, else
 * the cohort's sessions' hours summed.</li>
 * <li><b>Hours attended</b> by a participant: over the cohort's sessions, the hours recorded on each attendance row
 * marked present (the session's hours when present with no hours); absent rows count 0.</li>
 * <li><b>Completed</b>: hours attended ≥ required hours (and required hours &gt; 0). <b>Certified</b>: status
 * {@code graduated} or a certificate number recorded.</li>
 * <li><b>Line amount</b>: unit cost × units when both are recorded, else the line's amount (lines from before V9).</li>
 * <li><b>Cost per trainee</b> = the cohort's cost ÷ its participants; <b>per completed trainee</b> = cost ÷ completed;
 * the cost is the actual total when the cohort has actual lines, else the planned total. No-shows raise both
 * because fixed costs (experts, venue, tuition contracted per seat) do not shrink.</li>
 * <li><b>Expert-days by origin</b> ({@link #expertDays}): the expert-day lines of each origin, Moroccan or European (V28),
 * and those that do not say (written before V28), planned and actual: their days and amounts.</li>
 * </ul>
 */
public final class TrainingFigures {

    private static final double EPSILON = 1e-9;

    private TrainingFigures() {
    }

    // ------------------------------------------------------------------ hours, completion, certification

    /** A participant's hours against the cohort's required hours. */
    public record Progress(Participant participant, double hoursAttended, double requiredHours, boolean completed,
                           boolean certified) {
    }

    public static double requiredHours(Programme programme, List<Session> cohortSessions) {
        if (programme != null && programme.requiredHours() != null) {
            return programme.requiredHours();
        }
        if (programme != null && programme.plannedHours() != null) {
            return programme.plannedHours();
        }
        return cohortSessions.stream().mapToDouble(Session::hours).sum();
    }

    /** Hours recorded on one attendance row: 0 when absent, the session's hours when present without hours. */
    public static double hoursOf(Attendance a, Session session) {
        if (!a.present()) {
            return 0;
        }
        return a.hoursAttended() != null ? a.hoursAttended() : session.hours();
    }

    /** Every participant of the cohort, in the data's order, with hours attended and completion. */
    public static List<Progress> progress(TrainingData data, int cohortId) {
        Cohort cohort = cohort(data, cohortId);
        List<Session> sessions = sessionsOf(data, cohortId);
        double required = requiredHours(programme(data, cohort.programmeId()), sessions);
        Map<Integer, Session> byId = new HashMap<>();
        sessions.forEach(s -> byId.put(s.id(), s));
        Map<Integer, Double> hours = new HashMap<>();
        for (Attendance a : data.attendance()) {
            Session s = byId.get(a.sessionId());
            if (s != null) {
                hours.merge(a.participantId(), hoursOf(a, s), Double::sum);
            }
        }
        List<Progress> out = new ArrayList<>();
        for (Participant p : data.participants()) {
            if (p.cohortId() == cohortId) {
                double attended = hours.getOrDefault(p.id(), 0.0);
                out.add(new Progress(p, attended, required, required > 0 && attended >= required - EPSILON,
                        "graduated".equals(p.status()) || (p.certificateNumber() != null && !p.certificateNumber().isBlank())));
            }
        }
        return out;
    }

    /** Hours attended ÷ required hours (0 when nothing is required). */
    public static double completionShare(Progress p) {
        return p.requiredHours() > 0 ? Math.min(1.0, p.hoursAttended() / p.requiredHours()) : 0;
    }

    // ------------------------------------------------------------------ costs

    public static double amount(CostLine line) {
        return line.unitCostMad() != null && line.units() != null ? line.unitCostMad() * line.units() : line.amountMad();
    }

    /** Planned and actual totals (MAD). */
    public record Budget(double planned, double actual, boolean hasActual) {

        /** The actual total when any actual line exists, else the planned total. */
        public double cost() {
            return hasActual ? actual : planned;
        }

        Budget plus(Budget o) {
            return new Budget(planned + o.planned, actual + o.actual, hasActual || o.hasActual);
        }
    }

    private static final Budget NONE = new Budget(0, 0, false);

    private static Budget budgetOf(CostLine line) {
        boolean actual = "actual".equals(line.kind());
        return actual ? new Budget(0, amount(line), true) : new Budget(amount(line), 0, false);
    }

    /** Cost ÷ count; null when count is 0. */
    public static Double per(double cost, int count) {
        return count == 0 ? null : cost / count;
    }

    /** A cohort's figures. Rates: completed (certified) ÷ participants, null without participants. */
    public record CohortFigures(Cohort cohort, Programme programme, int sessions, double sessionHours, double requiredHours,
                                int participants, int women, int completed, int certified, double meanHoursAttended,
                                Budget budget, Integer seats) {

        public Double completionRate() {
            return participants == 0 ? null : (double) completed / participants;
        }

        public Double certificationRate() {
            return participants == 0 ? null : (double) certified / participants;
        }

        public Double costPerTrainee() {
            return per(budget.cost(), participants);
        }

        public Double costPerCompleted() {
            return per(budget.cost(), completed);
        }
    }

    /**
     * A cohort's planned and actual totals: each live cost line's {@link #amount} (unit cost × units when both are given,
     * else the stored amount) summed by kind. The one cost path of the screen, {@code figures --axis training} and the
     * report (PDF chapter and workbook sheet).
     */
    public static Budget cohortBudget(TrainingData data, int cohortId) {
        return data.costs().stream().filter(l -> l.cohortId() == cohortId).map(TrainingFigures::budgetOf)
                .reduce(NONE, Budget::plus);
    }

    public static CohortFigures cohortFigures(TrainingData data, int cohortId) {
        Cohort cohort = cohort(data, cohortId);
        List<Session> sessions = sessionsOf(data, cohortId);
        List<Progress> progress = progress(data, cohortId);
        Budget budget = cohortBudget(data, cohortId);
        return new CohortFigures(cohort, programme(data, cohort.programmeId()), sessions.size(),
                sessions.stream().mapToDouble(Session::hours).sum(),
                requiredHours(programme(data, cohort.programmeId()), sessions), progress.size(),
                (int) progress.stream().filter(p -> "f".equals(p.participant().gender())).count(),
                (int) progress.stream().filter(Progress::completed).count(),
                (int) progress.stream().filter(Progress::certified).count(),
                progress.stream().mapToDouble(Progress::hoursAttended).average().orElse(0), budget, cohort.seats());
    }

    /** Every cohort's figures, in the data's order. */
    public static List<CohortFigures> cohortFigures(TrainingData data) {
        return data.cohorts().stream().map(c -> cohortFigures(data, c.id())).toList();
    }

    /**
     * A programme's figures: its cohorts' counts and budgets summed; {@code cost} is the sum of each cohort's cost
     * (actual for a cohort with actual lines, else planned), what the per-trainee figures divide.
     */
    public record ProgrammeFigures(Programme programme, int cohorts, int participants, int completed, int certified,
                                   Budget budget, double cost) {

        public Double completionRate() {
            return participants == 0 ? null : (double) completed / participants;
        }

        public Double certificationRate() {
            return participants == 0 ? null : (double) certified / participants;
        }

        public Double costPerTrainee() {
            return per(cost, participants);
        }

        public Double costPerCompleted() {
            return per(cost, completed);
        }
    }

    public static List<ProgrammeFigures> programmeFigures(TrainingData data) {
        List<CohortFigures> cohorts = cohortFigures(data);
        List<ProgrammeFigures> out = new ArrayList<>();
        for (Programme p : data.programmes()) {
            List<CohortFigures> mine = cohorts.stream().filter(c -> c.cohort().programmeId() == p.id()).toList();
            out.add(new ProgrammeFigures(p, mine.size(), mine.stream().mapToInt(CohortFigures::participants).sum(),
                    mine.stream().mapToInt(CohortFigures::completed).sum(),
                    mine.stream().mapToInt(CohortFigures::certified).sum(),
                    mine.stream().map(CohortFigures::budget).reduce(NONE, Budget::plus),
                    mine.stream().mapToDouble(c -> c.budget().cost()).sum()));
        }
        return out;
    }

    /** The groupings of the cost totals. */
    public enum CostAxis {
        /** key: the cohort's id */
        COHORT,
        /** key: the programme's code */
        PROGRAMME,
        /** key: the year the cohort starts ("" when it has no start date) */
        YEAR,
        /** key: the cohort's region id ("" for a national cohort) */
        REGION,
        /** key: the line's funding line ("" when none) */
        FUNDING_LINE
    }

    /** One group's planned and actual totals. */
    public record CostTotal(String key, Budget budget) {
    }

    /** Planned and actual totals by the axis, keys in the order first met (cohorts in the data's order). */
    public static List<CostTotal> costTotals(TrainingData data, CostAxis axis) {
        Map<Integer, Cohort> cohorts = new HashMap<>();
        data.cohorts().forEach(c -> cohorts.put(c.id(), c));
        Map<Integer, Programme> programmes = new HashMap<>();
        data.programmes().forEach(p -> programmes.put(p.id(), p));
        Function<CostLine, String> key = switch (axis) {
            case COHORT -> l -> String.valueOf(l.cohortId());
            case PROGRAMME -> l -> programmes.get(cohorts.get(l.cohortId()).programmeId()).code();
            case YEAR -> l -> {
                Cohort c = cohorts.get(l.cohortId());
                return c.startsOn() == null ? "" : String.valueOf(c.startsOn().getYear());
            };
            case REGION -> l -> {
                Integer region = cohorts.get(l.cohortId()).regionId();
                return region == null ? "" : String.valueOf(region);
            };
            case FUNDING_LINE -> l -> l.fundingLine() == null ? "" : l.fundingLine().strip();
        };
        Map<String, Budget> totals = new LinkedHashMap<>();
        List<CostLine> ordered = new ArrayList<>();
        for (Cohort c : data.cohorts()) {
            data.costs().stream().filter(l -> l.cohortId() == c.id()).forEach(ordered::add);
        }
        for (CostLine l : ordered) {
            totals.merge(key.apply(l), budgetOf(l), Budget::plus);
        }
        return totals.entrySet().stream().map(e -> new CostTotal(e.getKey(), e.getValue())).toList();
    }

    // ------------------------------------------------------------------ expert-days by origin

    /** The origin of an expert-day line written before V28, which does not say whose experts it pays. */
    public static final String NOT_STATED = "";

    /** Moroccan and European experts (always listed), then the lines that do not say (listed when there are some). */
    public static final List<String> EXPERT_ORIGINS = List.of("moroccan", "european", NOT_STATED);

    /**
     * One origin's expert-days and their amounts (MAD), planned and actual. The days of a kind are those its lines pay,
     * each counted once: a day paid fees (item trainers) and travel (item travel) is one expert-day, so the days are
     * the largest of the units summed item by item; the amounts are every line's {@link #amount}.
     */
    public record ExpertDays(String origin, double plannedDays, double plannedMad, double actualDays, double actualMad) {

        /** Whether any line is counted here. */
        public boolean any() {
            return plannedDays != 0 || plannedMad != 0 || actualDays != 0 || actualMad != 0;
        }
    }

    /** The origin a line is counted under: its own, or {@link #NOT_STATED}. */
    public static String originOf(CostLine line) {
        return line.expertOrigin() == null || line.expertOrigin().isBlank() ? NOT_STATED : line.expertOrigin();
    }

    /**
     * The expert-day lines (unit expert_day) of the cohort, or of every cohort when {@code cohortId} is null, by origin
     * in the order of {@link #EXPERT_ORIGINS}: Moroccan and European always, "not stated" only when some line does not
     * say. The one definition of the screen's budget tab, {@code figures --axis training}, the PDF chapter and the
     * workbook sheet.
     */
    public static List<ExpertDays> expertDays(TrainingData data, Integer cohortId) {
        List<ExpertDays> out = new ArrayList<>();
        for (String origin : EXPERT_ORIGINS) {
            List<CostLine> lines = data.costs().stream()
                    .filter(l -> cohortId == null || l.cohortId() == cohortId)
                    .filter(l -> "expert_day".equals(l.unit()) && originOf(l).equals(origin)).toList();
            ExpertDays e = new ExpertDays(origin, days(lines, "planned"), mad(lines, "planned"), days(lines, "actual"),
                    mad(lines, "actual"));
            if (!origin.equals(NOT_STATED) || e.any()) {
                out.add(e);
            }
        }
        return out;
    }

    private static double days(List<CostLine> lines, String kind) {
        Map<String, Double> byItem = new HashMap<>();
        lines.stream().filter(l -> kind.equals(l.kind()))
                .forEach(l -> byItem.merge(l.item(), l.units() == null ? 0 : l.units(), Double::sum));
        return byItem.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double mad(List<CostLine> lines, String kind) {
        return lines.stream().filter(l -> kind.equals(l.kind())).mapToDouble(TrainingFigures::amount).sum();
    }

    // ------------------------------------------------------------------ the "next MBA cohorts" scenario

    /** A seminar of the pattern: its days (calendar days, both ends counted) and hours. */
    public record Seminar(int days, double hours) {
    }

    /**
     * The MBA's seminar pattern (first cohort, 2021): five seminars of three days and a closing seminar of two, 163
     * hours.
     */
    public static final List<Seminar> MBA_PATTERN = List.of(new Seminar(3, 29), new Seminar(3, 29), new Seminar(3, 29),
            new Seminar(3, 28), new Seminar(3, 28), new Seminar(2, 20));

    /**
     * Unit costs (MAD): per diem per participant-day, accommodation per participant-night, travel per participant-trip
     * (the distance band's fare), experts' fees per expert-day (European fees include their travel), venue per day,
     * materials and tuition per enrolled participant.
     */
    public record UnitCosts(double perDiemPerDay, double accommodationPerNight, double travelPerTrip,
                            double moroccanExpertPerDay, double europeanExpertPerDay, double venuePerDay,
                            double materialsPerParticipant, double tuitionPerParticipant) {
    }

    /**
     * N cohorts of M participants following the seminar pattern with, each day, the given Moroccan and European
     * experts; {@code noShows} of the M never come.
     */
    public record Scenario(int cohorts, int participants, int noShows, List<Seminar> seminars, int moroccanExperts,
                           int europeanExperts, UnitCosts costs) {

        public Scenario {
            seminars = List.copyOf(seminars);
            if (cohorts < 0 || participants < 0 || noShows < 0 || noShows > participants) {
                throw new IllegalArgumentException("cohorts, participants and no-shows must be >= 0, no-shows <= participants");
            }
        }
    }

    /** The scenario's lines, in order (the two expert lines share the cost item "trainers"). */
    public static final List<String> SCENARIO_LINES = List.of("per_diem", "accommodation", "travel", "moroccan_experts",
            "european_experts", "venue", "materials", "tuition");

    /** One line of a cohort's budget in the scenario: {@code line} of {@link #SCENARIO_LINES}, its cost item and unit. */
    public record ScenarioLine(String line, String item, String unit, double unitCost, double units) {

        public double amount() {
            return unitCost * units;
        }
    }

    /** A cohort's lines, its total, the scenario total (× N), hours per participant and the per-trainee costs. */
    public record ScenarioResult(List<ScenarioLine> lines, double cohortTotal, double total, double hours, int days,
                                 Double costPerTrainee, Double costPerCompleted) {
    }

    /**
     * The per-diem rule: a participant present at a seminar of D days is paid D per-diem days and D − 1 nights
     * (arriving on the first morning, leaving on the last evening); one trip per seminar. Per diem, nights and trips
     * are counted for the participants who come; tuition and materials for every enrolled participant (contracted
     * per seat), experts and venue per seminar day whoever comes. Cost per trainee = cohort total ÷ enrolled;
     * per completed trainee = cohort total ÷ those who come.
     */
    public static ScenarioResult scenario(Scenario s) {
        int days = s.seminars().stream().mapToInt(Seminar::days).sum();
        int nights = s.seminars().stream().mapToInt(x -> Math.max(0, x.days() - 1)).sum();
        int trips = s.seminars().size();
        int coming = s.participants() - s.noShows();
        UnitCosts u = s.costs();
        List<ScenarioLine> lines = List.of(
                new ScenarioLine("per_diem", "per_diem", "participant_day", u.perDiemPerDay(), (double) coming * days),
                new ScenarioLine("accommodation", "accommodation", "participant_day", u.accommodationPerNight(),
                        (double) coming * nights),
                new ScenarioLine("travel", "travel", "participant", u.travelPerTrip(), (double) coming * trips),
                new ScenarioLine("moroccan_experts", "trainers", "expert_day", u.moroccanExpertPerDay(),
                        (double) s.moroccanExperts() * days),
                new ScenarioLine("european_experts", "trainers", "expert_day", u.europeanExpertPerDay(),
                        (double) s.europeanExperts() * days),
                new ScenarioLine("venue", "venue", "venue_day", u.venuePerDay(), days),
                new ScenarioLine("materials", "materials", "participant", u.materialsPerParticipant(), s.participants()),
                new ScenarioLine("tuition", "tuition", "participant", u.tuitionPerParticipant(), s.participants()));
        double cohortTotal = lines.stream().mapToDouble(ScenarioLine::amount).sum();
        return new ScenarioResult(lines, cohortTotal, cohortTotal * s.cohorts(),
                s.seminars().stream().mapToDouble(Seminar::hours).sum(), days, per(cohortTotal, s.participants()),
                per(cohortTotal, coming));
    }

    /**
     * A cohort taken as the scenario's reference: its own figures, the scenario of its own shape ({@link
     * #referenceScenario}) and what that scenario costs.
     */
    public record Reference(CohortFigures figures, Scenario scenario, ScenarioResult result) {
    }

    /**
     * The scenario of a cohort's own shape, the default of the "next cohorts" inputs: one cohort of its participants,
     * those who did not complete as the no-shows (a cohort whose status is not "completed" has none yet), its sessions
     * as the seminars (their days and hours), and unit costs worked back from its cost lines (its actual lines, else its
     * planned ones): for each item, the lines' amounts ({@link #amount}) ÷ the units {@link #scenario}'s rule gives the
     * cohort itself (per diem: those who come × days; accommodation: × nights; travel: × seminars; venue: days;
     * materials and tuition: enrolled). Lines of the item "other" are not part of the pattern; an item whose units are
     * nought gets a unit cost of 0.
     * <p>The experts: when some expert-day line says whose experts it pays (V28), each origin's lines (fees and, on an
     * expert-day line, travel) give its experts a day, its {@link ExpertDays} days ÷ the seminar days rounded (at least
     * one when it has any), and its rate, its amount ÷ (experts × days); the item "trainers" of lines that do not say is
     * counted with the Moroccan experts. An origin without lines starts at the other's rate, with no expert. When no
     * line says, as before V28: one Moroccan expert a day and no European one, both rates at the trainers' amount ÷
     * days. So the reference scenario costs what the cohort's pattern items cost.
     */
    public static Reference referenceScenario(TrainingData data, int cohortId) {
        CohortFigures f = cohortFigures(data, cohortId);
        List<Seminar> seminars = sessionsOf(data, cohortId).stream()
                .map(x -> new Seminar((int) java.time.temporal.ChronoUnit.DAYS.between(x.startsOn(), x.endsOn()) + 1, x.hours()))
                .toList();
        int n = f.participants();
        int coming = "completed".equals(f.cohort().status()) ? f.completed() : n;
        int days = seminars.stream().mapToInt(Seminar::days).sum();
        int nights = seminars.stream().mapToInt(x -> Math.max(0, x.days() - 1)).sum();
        boolean actual = f.budget().hasActual();
        String kind = actual ? "actual" : "planned";
        Map<String, Double> amounts = new HashMap<>();
        Map<String, List<CostLine>> byOrigin = new HashMap<>();
        for (CostLine l : data.costs()) {
            if (l.cohortId() == cohortId && kind.equals(l.kind())) {
                boolean stated = "expert_day".equals(l.unit()) && !originOf(l).equals(NOT_STATED) && !"other".equals(l.item());
                if (stated) {
                    byOrigin.computeIfAbsent(originOf(l), o -> new ArrayList<>()).add(l);
                } else {
                    amounts.merge(l.item(), amount(l), Double::sum);
                }
            }
        }
        Function<String, Function<Double, Double>> rate = item -> units -> units > 0 ? amounts.getOrDefault(item, 0.0) / units : 0;
        int moroccanExperts = 1;
        int europeanExperts = 0;
        double moroccanRate = rate.apply("trainers").apply((double) days);
        double europeanRate = moroccanRate;
        if (!byOrigin.isEmpty()) {
            List<CostLine> moroccan = byOrigin.getOrDefault("moroccan", List.of());
            List<CostLine> european = byOrigin.getOrDefault("european", List.of());
            // the trainers of lines that do not say: with the Moroccan experts (their expert-days too)
            double unstatedDays = data.costs().stream()
                    .filter(l -> l.cohortId() == cohortId && kind.equals(l.kind()) && "trainers".equals(l.item())
                            && "expert_day".equals(l.unit()) && originOf(l).equals(NOT_STATED) && l.units() != null)
                    .mapToDouble(CostLine::units).sum();
            double moroccanDays = days(moroccan, kind) + unstatedDays;
            double moroccanMad = mad(moroccan, kind) + amounts.getOrDefault("trainers", 0.0);
            double europeanDays = days(european, kind);
            double europeanMad = mad(european, kind);
            moroccanExperts = expertsADay(moroccanDays, moroccanMad, days);
            europeanExperts = expertsADay(europeanDays, europeanMad, days);
            moroccanRate = moroccanExperts == 0 ? 0 : moroccanMad / ((double) moroccanExperts * days);
            europeanRate = europeanExperts == 0 ? moroccanRate : europeanMad / ((double) europeanExperts * days);
            if (moroccanExperts == 0) {
                moroccanRate = europeanRate;
            }
        }
        UnitCosts costs = new UnitCosts(rate.apply("per_diem").apply((double) coming * days),
                rate.apply("accommodation").apply((double) coming * nights),
                rate.apply("travel").apply((double) coming * seminars.size()), moroccanRate, europeanRate,
                rate.apply("venue").apply((double) days), rate.apply("materials").apply((double) n),
                rate.apply("tuition").apply((double) n));
        Scenario scenario = new Scenario(1, n, n - coming, seminars, moroccanExperts, europeanExperts, costs);
        return new Reference(f, scenario, scenario(scenario));
    }

    /** Experts a seminar day: the expert-days ÷ the days, rounded, at least one when any day or amount is paid. */
    private static int expertsADay(double expertDays, double amount, int days) {
        if (days == 0 || (expertDays <= 0 && amount <= 0)) {
            return 0;
        }
        return (int) Math.max(1, Math.round(expertDays / days));
    }

    /**
     * Days per seminar as typed: whole numbers separated by commas, semicolons, plus signs or spaces ({@code
     * "3,3,2,2,3,2"}). Null when empty, when one is not a whole number or is not positive.
     */
    public static List<Integer> seminarDays(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> days = new ArrayList<>();
        for (String part : text.strip().split("[,;+\\s]+")) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) == 0) {
                return null;
            }
            days.add(Integer.parseInt(part));
        }
        return days;
    }

    // ------------------------------------------------------------------ lookups

    public static Cohort cohort(TrainingData data, int cohortId) {
        return data.cohorts().stream().filter(c -> c.id() == cohortId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cohort " + cohortId));
    }

    public static Programme programme(TrainingData data, int programmeId) {
        return data.programmes().stream().filter(p -> p.id() == programmeId).findFirst().orElse(null);
    }

    public static List<Session> sessionsOf(TrainingData data, int cohortId) {
        return data.sessions().stream().filter(s -> s.cohortId() == cohortId).toList();
    }
}
