package ma.essp.diag.reporting.training;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import ma.essp.diag.database.repository.TrainingData.Programme;
import ma.essp.diag.database.repository.TrainingNeedsData;
import ma.essp.diag.database.repository.TrainingNeedsData.Circonscription;
import ma.essp.diag.database.repository.TrainingNeedsData.FunctionState;
import ma.essp.diag.database.repository.TrainingNeedsData.Received;
import ma.essp.diag.database.repository.TrainingNeedsData.Staff;
import ma.essp.diag.database.repository.TrainingNeedsData.Structure;
import ma.essp.diag.database.rules.TrainingRules;

/**
 * Training needs derived from the diagnostic, one definition for the Formation screen's proposals, the
 * {@code figures --axis training-needs} command and the bench:
 * <ul>
 * <li><b>Functions lacking</b>: the circonscription screen's functions planning, programme monitoring, supervision,
 * data collection and complaint follow-up found {@code not_held} or {@code partial}. A circonscription lacks its own;
 * a délégation those lacking in the circonscriptions of its province; an SRES those of its province when recorded,
 * else of its region (counted per circonscription).</li>
 * <li><b>Staff of a unit</b>: live, not vacant staff records with a holder, not support staff: for a circonscription,
 * the staff of its circonscription office and the heads of its ESSPs (job title naming a head: "chef", "major",
 * "coordinat…"); for a délégation or an SRES, its own staff. A unit lacking nothing proposes nobody.</li>
 * <li><b>Course proposed</b> to a person: the first programme (in the plan's order) the person is eligible for by
 * default ({@link TrainingRules#eligible}), short courses first, then workshops, then the MBA, then other
 * programmes. <b>Already enrolled</b>: the staff record is a participant (enrolled or graduated, not dropped out) of
 * a cohort of that programme — shown, not proposed again. <b>Not eligible</b>: no programme fits.</li>
 * </ul>
 * The proposals are only proposals: the team accepts each into a cohort (the participant rules apply then).
 */
public final class TrainingNeeds {

    /** The functions the needs look at, in the screen's order. */
    public static final List<String> FUNCTIONS = List.of("planning", "programme_monitoring", "supervision",
            "data_collection", "complaint_follow_up");

    private static final List<String> KIND_ORDER = List.of("short_course", "workshop", "mba", "other");

    private TrainingNeeds() {
    }

    /** A function lacking in a unit: in how many of its circonscriptions it is not held and partly held. */
    public record Gap(String functionCode, int notHeld, int partial) {
    }

    public enum Status { PROPOSED, ALREADY_ENROLLED, NOT_ELIGIBLE }

    /** A person of a unit, what they received and the course proposed ({@code programme} null when not eligible). */
    public record Proposal(Staff staff, String structureKind, List<Received> received, Programme programme,
                           Status status) {
    }

    /** {@code kind}: circonscription, delegation or sres; {@code id}: the circonscription's or the structure's. */
    public record Unit(String kind, int id, String name, Integer provinceId, Integer regionId, List<Gap> gaps,
                       List<Proposal> proposals) {

        public List<String> functionCodes() {
            return gaps.stream().map(Gap::functionCode).toList();
        }
    }

    /** Every unit lacking at least one function: circonscriptions (by region, province, name), then délégations and SRES. */
    public static List<Unit> derive(TrainingNeedsData data, List<Programme> programmes) {
        Map<Integer, List<FunctionState>> functions = new HashMap<>();
        for (FunctionState f : data.functions()) {
            functions.computeIfAbsent(f.circonscriptionId(), k -> new ArrayList<>()).add(f);
        }
        Map<Integer, List<Received>> received = new HashMap<>();
        data.received().forEach(r -> received.computeIfAbsent(r.positionId(), k -> new ArrayList<>()).add(r));
        Map<Integer, Set<Integer>> enrolledIn = new HashMap<>();
        data.enrolments().stream().filter(e -> !"dropped_out".equals(e.status()))
                .forEach(e -> enrolledIn.computeIfAbsent(e.positionId(), k -> new java.util.HashSet<>()).add(e.programmeId()));
        Map<Integer, Structure> structures = new HashMap<>();
        data.structures().forEach(s -> structures.put(s.id(), s));
        Map<Integer, String> structureKind = new HashMap<>();
        data.structures().forEach(s -> structureKind.put(s.id(), s.kind()));

        List<Unit> out = new ArrayList<>();
        for (Circonscription c : data.circonscriptions()) {
            List<Gap> gaps = gaps(List.of(c), functions);
            if (gaps.isEmpty()) {
                continue;
            }
            List<Proposal> people = new ArrayList<>();
            for (Staff s : data.staff()) {
                if (notSupport(s) && (atOfficeOf(s, c.id(), structures) || isEsspHeadOf(s, c.id()))) {
                    String kind = s.structureId() != null ? structureKind.get(s.structureId()) : "essp";
                    people.add(proposal(s, kind, received, enrolledIn, programmes));
                }
            }
            out.add(new Unit("circonscription", c.id(), c.name(), c.provinceId(), c.regionId(), gaps, people));
        }
        for (String kind : List.of("delegation", "sres")) {
            for (Structure s : data.structures()) {
                if (!s.kind().equals(kind)) {
                    continue;
                }
                Predicate<Circonscription> inside = s.provinceId() != null
                        ? c -> c.provinceId() == s.provinceId()
                        : c -> s.regionId() != null && c.regionId() == s.regionId();
                List<Circonscription> mine = data.circonscriptions().stream().filter(inside).toList();
                List<Gap> gaps = gaps(mine, functions);
                if (gaps.isEmpty()) {
                    continue;
                }
                List<Proposal> people = new ArrayList<>();
                for (Staff st : data.staff()) {
                    if (notSupport(st) && Objects.equals(st.structureId(), s.id())) {
                        people.add(proposal(st, kind, received, enrolledIn, programmes));
                    }
                }
                Integer region = s.regionId() != null ? s.regionId()
                        : mine.isEmpty() ? null : mine.get(0).regionId();
                out.add(new Unit(kind, s.id(), s.name(), s.provinceId(), region, gaps, people));
            }
        }
        return out;
    }

    private static List<Gap> gaps(List<Circonscription> circonscriptions, Map<Integer, List<FunctionState>> functions) {
        List<Gap> out = new ArrayList<>();
        for (String code : FUNCTIONS) {
            int notHeld = 0;
            int partial = 0;
            for (Circonscription c : circonscriptions) {
                for (FunctionState f : functions.getOrDefault(c.id(), List.of())) {
                    if (f.functionCode().equals(code)) {
                        notHeld += "not_held".equals(f.held()) ? 1 : 0;
                        partial += "partial".equals(f.held()) ? 1 : 0;
                    }
                }
            }
            if (notHeld + partial > 0) {
                out.add(new Gap(code, notHeld, partial));
            }
        }
        return out;
    }

    private static boolean notSupport(Staff s) {
        return !"support_staff".equals(s.cadreCode());
    }

    private static boolean atOfficeOf(Staff s, int circonscriptionId, Map<Integer, Structure> structures) {
        Structure at = s.structureId() == null ? null : structures.get(s.structureId());
        return at != null && "circonscription_office".equals(at.kind()) && Objects.equals(at.circonscriptionId(), circonscriptionId);
    }

    /** An ESSP head of the circonscription: the job title names a head ("chef", "major", "coordinat…"). */
    static boolean isEsspHeadOf(Staff s, int circonscriptionId) {
        if (s.esspId() == null || !Objects.equals(s.esspCirconscriptionId(), circonscriptionId) || s.jobTitle() == null) {
            return false;
        }
        String job = Normalizer.normalize(s.jobTitle(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return job.contains("chef") || job.contains("major") || job.contains("coordinat");
    }

    private static Proposal proposal(Staff s, String structureKind, Map<Integer, List<Received>> received,
                                     Map<Integer, Set<Integer>> enrolledIn, List<Programme> programmes) {
        List<Received> got = received.getOrDefault(s.positionId(), List.of());
        for (String kind : KIND_ORDER) {
            for (Programme p : programmes) {
                if (kind.equals(p.kind()) && TrainingRules.eligible(p.kind(), structureKind, s.cadreCode())) {
                    boolean enrolled = enrolledIn.getOrDefault(s.positionId(), Set.of()).contains(p.id());
                    return new Proposal(s, structureKind, got, p, enrolled ? Status.ALREADY_ENROLLED : Status.PROPOSED);
                }
            }
        }
        return new Proposal(s, structureKind, got, null, Status.NOT_ELIGIBLE);
    }

    // ------------------------------------------------------------------ by level

    /** The levels the needs are summed at. */
    public enum Level { CIRCONSCRIPTION, PROVINCE, REGION }

    /**
     * One circonscription, province or region: its circonscriptions assessed (with at least one function recorded)
     * and lacking at least one function; per function, the circonscriptions not holding it and partly holding it
     * (same order as {@link #FUNCTIONS}); the people proposed, already enrolled and not eligible over its units
     * (a province: its circonscriptions and délégations; a region: those and its SRES); the courses proposed with
     * their head counts (programme code → people, in the plan's order); {@code functionsJudged}: the functions of
     * {@link #FUNCTIONS} recorded (held, partly held or not held) over its circonscriptions.
     */
    public record LevelRow(int id, String name, int assessed, int lacking, List<Gap> functions, int proposed,
                           int alreadyEnrolled, int notEligible, Map<String, Integer> courses, int functionsJudged) {

        /** The functions recorded not held or partly held, over its circonscriptions. */
        public int functionsLacking() {
            return functions.stream().mapToInt(g -> g.notHeld() + g.partial()).sum();
        }

        /**
         * The share of needed functions not held (the needs map's figure), in %: functions recorded not held or
         * partly held ÷ functions recorded, over its circonscriptions; null when none is recorded.
         */
        public Double lackingShare() {
            return functionsJudged == 0 ? null : 100.0 * functionsLacking() / functionsJudged;
        }
    }

    /**
     * The needs map's fixed classes of {@link LevelRow#lackingShare}, in %: 0–25, 25–50, 50–75 and 75–100, each
     * class holding its lower bound and not its upper one (the last holds 100), a share being classed by its value at
     * {@value #SHARE_DECIMALS} decimal ({@link #roundedShare}: 24.96 is 25.0, in 25–50). Fixed, not drawn from the
     * data, so a province where 90 % of the functions are lacking is in the darkest class even when every province is
     * as bad.
     */
    public static final List<Integer> NEED_CLASS_BOUNDS = List.of(0, 25, 50, 75, 100);

    /** The precision a share of functions lacking is printed and classed at. */
    public static final int SHARE_DECIMALS = 1;

    /** A share of functions lacking as printed and classed: {@value #SHARE_DECIMALS} decimal, half up. */
    public static java.math.BigDecimal roundedShare(double lackingShare) {
        return java.math.BigDecimal.valueOf(lackingShare).setScale(SHARE_DECIMALS, java.math.RoundingMode.HALF_UP);
    }

    /** The class (0 to 3, see {@link #NEED_CLASS_BOUNDS}) of a share of functions lacking in %. */
    public static int needClass(double lackingShare) {
        java.math.BigDecimal rounded = roundedShare(lackingShare);
        for (int c = NEED_CLASS_BOUNDS.size() - 2; c > 0; c--) {
            if (rounded.compareTo(java.math.BigDecimal.valueOf(NEED_CLASS_BOUNDS.get(c))) >= 0) {
                return c;
            }
        }
        return 0;
    }

    public static List<LevelRow> byLevel(TrainingNeedsData data, List<Programme> programmes, Level level) {
        List<Unit> units = derive(data, programmes);
        Map<Integer, List<FunctionState>> functions = new HashMap<>();
        data.functions().forEach(f -> functions.computeIfAbsent(f.circonscriptionId(), k -> new ArrayList<>()).add(f));
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, List<Circonscription>> circonscriptions = new LinkedHashMap<>();
        for (Circonscription c : data.circonscriptions()) {
            int key = switch (level) {
                case CIRCONSCRIPTION -> c.id();
                case PROVINCE -> c.provinceId();
                case REGION -> c.regionId();
            };
            names.putIfAbsent(key, switch (level) {
                case CIRCONSCRIPTION -> c.name();
                case PROVINCE -> c.provinceName();
                case REGION -> c.regionName();
            });
            circonscriptions.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<LevelRow> out = new ArrayList<>();
        for (var entry : circonscriptions.entrySet()) {
            int key = entry.getKey();
            List<Circonscription> mine = entry.getValue();
            int assessed = (int) mine.stream().filter(c -> functions.containsKey(c.id())).count();
            int lacking = (int) mine.stream().filter(c -> !gaps(List.of(c), functions).isEmpty()).count();
            int judged = (int) mine.stream().flatMap(c -> functions.getOrDefault(c.id(), List.of()).stream())
                    .filter(f -> FUNCTIONS.contains(f.functionCode())).count();
            List<Gap> perFunction = new ArrayList<>();
            for (String code : FUNCTIONS) {
                Gap g = gaps(mine, functions).stream().filter(x -> x.functionCode().equals(code)).findFirst()
                        .orElse(new Gap(code, 0, 0));
                perFunction.add(g);
            }
            Predicate<Unit> inside = switch (level) {
                case CIRCONSCRIPTION -> u -> u.kind().equals("circonscription") && u.id() == key;
                case PROVINCE -> u -> !u.kind().equals("sres") && Objects.equals(u.provinceId(), key);
                case REGION -> u -> Objects.equals(u.regionId(), key);
            };
            int proposed = 0;
            int enrolled = 0;
            int notEligible = 0;
            Map<String, Integer> courses = new LinkedHashMap<>();
            programmes.forEach(p -> courses.put(p.code(), 0));
            for (Unit u : units) {
                if (!inside.test(u)) {
                    continue;
                }
                for (Proposal p : u.proposals()) {
                    switch (p.status()) {
                        case PROPOSED -> {
                            proposed++;
                            courses.merge(p.programme().code(), 1, Integer::sum);
                        }
                        case ALREADY_ENROLLED -> enrolled++;
                        case NOT_ELIGIBLE -> notEligible++;
                    }
                }
            }
            courses.values().removeIf(n -> n == 0);
            out.add(new LevelRow(key, names.get(key), assessed, lacking, perFunction, proposed, enrolled, notEligible,
                    courses, judged));
        }
        return out;
    }
}
