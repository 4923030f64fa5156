package ma.essp.diag.reporting.perpetrator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.database.repository.PerpetratorCareData.Period;
import ma.essp.diag.database.repository.PerpetratorCareData.Site;
import ma.essp.diag.database.repository.PerpetratorCareData.Staff;
import ma.essp.diag.database.rules.PerpetratorCareRules;

/**
 * The perpetrator-care roll-out figures (ToR axis 6): the one definition the Violence (auteurs) screens, the
 * {@code figures --axis violence} command and the report use. Computed from {@link PerpetratorCareData} (restrict it to
 * a scope with {@link #forSites}).
 * <ul>
 * <li><b>Stages per region, planned vs actual</b> ({@link #stagesByRegion}): the sites in each EPIS phase
 * ({@link PerpetratorCareRules#epis}: identified → exploration; preparation and staff_trained → preparation; launched →
 * implementation; routine → sustainment). Actual: the site's current stage; suspended sites are counted apart.
 * Planned: the furthest stage (suspended aside) whose planned date is on or before the day asked; a site with no such
 * date counts as not planned.</li>
 * <li><b>Funnel</b> ({@link #funnel}), each step a subset of the one before: <em>targeted</em> every site recorded;
 * <em>trained</em> with at least one staff member with a training date; <em>delivering</em> trained, with at least
 * one period with patients followed, and not suspended; <em>sustained</em> delivering for at least six months
 * ({@link PerpetratorCareRules#sustained}: from the start of its first period with patients to the end of its last;
 * RE-AIM maintenance).</li>
 * <li><b>Retention</b> ({@link #retention}): 1 − drop-outs ÷ patients followed, summed over the periods whose
 * drop-outs are recorded; n = those patients followed; no rate when n = 0.</li>
 * <li><b>Referral mix</b> ({@link #referralMix}): referrals by source over the periods, every source in vocabulary
 * order (0 when none).</li>
 * <li><b>Site activity</b> ({@link #activity}): per site, patients followed, new patients and referrals (every source)
 * summed over its periods.</li>
 * <li><b>Trained staff still in post</b> ({@link #stillInPost}) per region and per province: of the staff with a
 * training date, those linked to a staff record, and those still in post: the record live, filled (or on contract
 * or on leave: not vacant, not seconded) and held by the trained person (same name, case and spaces aside; a row
 * without a name is judged on the post alone).</li>
 * <li><b>Timeline</b> ({@link #timeline}): per site, one segment per stage reached, from the day it was reached to the
 * day the next was (the last to the day asked); a site without stage rows (before V13) has one segment for its current
 * stage from its stage date.</li>
 * </ul>
 */
public final class PerpetratorCareFigures {

    /** The EPIS phases in order. */
    public static final List<String> PHASES = List.of("exploration", "preparation", "implementation", "sustainment");

    /** Staff record statuses that still count as in post. */
    static final Set<String> IN_POST_STATUSES = Set.of("filled", "contract", "on_leave");

    private PerpetratorCareFigures() {
    }

    /** The data restricted to the sites that pass {@code keep}, with their stages, staff, periods and referrals. */
    public static PerpetratorCareData forSites(PerpetratorCareData data, Predicate<Site> keep) {
        List<Site> sites = data.sites().stream().filter(keep).toList();
        Set<Integer> ids = sites.stream().map(Site::id).collect(Collectors.toSet());
        List<Period> periods = data.periods().stream().filter(p -> ids.contains(p.siteId())).toList();
        Set<Integer> periodIds = periods.stream().map(Period::id).collect(Collectors.toSet());
        return new PerpetratorCareData(sites, data.stages().stream().filter(s -> ids.contains(s.siteId())).toList(),
                data.staff().stream().filter(s -> ids.contains(s.siteId())).toList(), periods,
                data.referrals().stream().filter(r -> periodIds.contains(r.periodId())).toList());
    }

    // ------------------------------------------------------------------ stages

    /** One region's sites per EPIS phase, planned and actual ({@code regionId} null: every region together). */
    public record RegionStages(Integer regionId, String regionFr, String regionAr, Map<String, Integer> planned,
                               Map<String, Integer> actual, int notPlanned, int suspended) {
        public int sites() {
            return actual.values().stream().mapToInt(Integer::intValue).sum() + suspended;
        }
    }

    /** The planned stage of a site on {@code asOf}: the furthest (suspended aside) planned on or before it; null when none. */
    public static String plannedStage(PerpetratorCareData data, int siteId, LocalDate asOf) {
        List<String> order = Vocabulary.CARE_STAGE.codes();
        return data.stages().stream()
                .filter(s -> s.siteId() == siteId && s.plannedOn() != null && !s.plannedOn().isAfter(asOf)
                        && !"suspended".equals(s.stage()))
                .map(PerpetratorCareData.StageStep::stage).max(Comparator.comparingInt(order::indexOf)).orElse(null);
    }

    /** Per region (in the sites' order), then every region together: sites per phase, planned on {@code asOf} and actual. */
    public static List<RegionStages> stagesByRegion(PerpetratorCareData data, LocalDate asOf) {
        Map<Integer, List<Site>> byRegion = data.sites().stream()
                .collect(Collectors.groupingBy(Site::regionId, LinkedHashMap::new, Collectors.toList()));
        List<RegionStages> out = new ArrayList<>();
        byRegion.forEach((id, sites) -> out.add(stages(id, sites.getFirst().regionFr(), sites.getFirst().regionAr(), sites,
                data, asOf)));
        out.add(stages(null, null, null, data.sites(), data, asOf));
        return out;
    }

    private static RegionStages stages(Integer regionId, String fr, String ar, List<Site> sites, PerpetratorCareData data,
                                       LocalDate asOf) {
        Map<String, Integer> planned = zeros();
        Map<String, Integer> actual = zeros();
        int notPlanned = 0;
        int suspended = 0;
        for (Site site : sites) {
            String phase = PerpetratorCareRules.epis(site.stage());
            if (phase == null) {
                suspended++;
            } else {
                actual.merge(phase, 1, Integer::sum);
            }
            String plan = plannedStage(data, site.id(), asOf);
            if (plan == null) {
                notPlanned++;
            } else {
                planned.merge(PerpetratorCareRules.epis(plan), 1, Integer::sum);
            }
        }
        return new RegionStages(regionId, fr, ar, planned, actual, notPlanned, suspended);
    }

    private static Map<String, Integer> zeros() {
        Map<String, Integer> m = new LinkedHashMap<>();
        PHASES.forEach(p -> m.put(p, 0));
        return m;
    }

    // ------------------------------------------------------------------ funnel

    /** The roll-out funnel: each count a subset of the one before. */
    public record Funnel(int targeted, int trained, int delivering, int sustained) {
    }

    /** A site's funnel steps. */
    public record SiteSteps(int siteId, boolean trained, boolean delivering, boolean sustained) {
    }

    /** Every site's funnel steps, in the data's order. */
    public static List<SiteSteps> siteSteps(PerpetratorCareData data) {
        Map<Integer, Long> trained = data.staff().stream().filter(s -> s.trainedOn() != null)
                .collect(Collectors.groupingBy(Staff::siteId, Collectors.counting()));
        Map<Integer, List<Period>> withPatients = data.periods().stream().filter(p -> p.patientsFollowed() > 0)
                .collect(Collectors.groupingBy(Period::siteId));
        List<SiteSteps> out = new ArrayList<>();
        for (Site site : data.sites()) {
            boolean isTrained = trained.getOrDefault(site.id(), 0L) > 0;
            List<Period> periods = withPatients.getOrDefault(site.id(), List.of());
            boolean delivering = isTrained && !periods.isEmpty() && !"suspended".equals(site.stage());
            LocalDate first = periods.stream().map(Period::start).min(LocalDate::compareTo).orElse(null);
            LocalDate last = periods.stream().map(Period::end).max(LocalDate::compareTo).orElse(null);
            out.add(new SiteSteps(site.id(), isTrained, delivering, delivering && PerpetratorCareRules.sustained(first, last)));
        }
        return out;
    }

    public static Funnel funnel(PerpetratorCareData data) {
        List<SiteSteps> steps = siteSteps(data);
        return new Funnel(steps.size(), (int) steps.stream().filter(SiteSteps::trained).count(),
                (int) steps.stream().filter(SiteSteps::delivering).count(),
                (int) steps.stream().filter(SiteSteps::sustained).count());
    }

    // ------------------------------------------------------------------ retention

    /** Retention over periods with drop-outs recorded: n patients followed, the drop-outs, and 1 − drop-outs ÷ n (null when n = 0). */
    public record Retention(long patientsFollowed, long dropouts, Double rate) {
    }

    public static Retention retention(PerpetratorCareData data) {
        long followed = 0;
        long dropouts = 0;
        for (Period p : data.periods()) {
            if (p.dropouts() != null) {
                followed += p.patientsFollowed();
                dropouts += p.dropouts();
            }
        }
        return new Retention(followed, dropouts, followed == 0 ? null : 1.0 - (double) dropouts / followed);
    }

    // ------------------------------------------------------------------ referrals

    /** Referrals per source, every source of the vocabulary in order (0 when none); unknown sources after. */
    public static Map<String, Long> referralMix(PerpetratorCareData data) {
        Map<String, Long> mix = new LinkedHashMap<>();
        Vocabulary.REFERRAL_SOURCE.codes().forEach(s -> mix.put(s, 0L));
        data.referrals().forEach(r -> mix.merge(r.source(), (long) r.referrals(), Long::sum));
        return mix;
    }

    // ------------------------------------------------------------------ site activity

    /** A site's periods summed: patients followed, new patients, referrals of every source. */
    public record Activity(long patientsFollowed, long newPatients, long referrals) {
    }

    /** Site id → its activity, for every site of the data (zeros for a site without periods). */
    public static Map<Integer, Activity> activity(PerpetratorCareData data) {
        Map<Integer, Integer> siteOfPeriod = new HashMap<>();
        Map<Integer, long[]> sums = new HashMap<>();
        data.sites().forEach(s -> sums.put(s.id(), new long[3]));
        for (Period p : data.periods()) {
            siteOfPeriod.put(p.id(), p.siteId());
            long[] sum = sums.get(p.siteId());
            if (sum != null) {
                sum[0] += p.patientsFollowed();
                sum[1] += p.newPatients();
            }
        }
        for (PerpetratorCareData.Referral r : data.referrals()) {
            long[] sum = sums.get(siteOfPeriod.get(r.periodId()));
            if (sum != null) {
                sum[2] += r.referrals();
            }
        }
        Map<Integer, Activity> out = new LinkedHashMap<>();
        data.sites().forEach(s -> {
            long[] sum = sums.get(s.id());
            out.put(s.id(), new Activity(sum[0], sum[1], sum[2]));
        });
        return out;
    }

    // ------------------------------------------------------------------ still in post

    /** Whether a trained staff member is still in post (see the class comment); false when not linked to a staff record. */
    public static boolean inPost(Staff s) {
        if (s.staffPositionId() == null || s.positionDeleted() || !IN_POST_STATUSES.contains(s.positionStatus())) {
            return false;
        }
        return s.fullName() == null || s.fullName().isBlank()
                || (s.positionHolder() != null && normalized(s.fullName()).equals(normalized(s.positionHolder())));
    }

    private static String normalized(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The unit's level in {@link StillInPost}. */
    public enum Level { REGION, PROVINCE, NATIONAL }

    /** A unit's trained staff, how many are linked to a staff record and how many are still in post. */
    public record StillInPost(Level level, Integer unitId, String nameFr, String nameAr, int trained, int linked, int inPost) {
        /** In post ÷ trained; null when none trained. */
        public Double share() {
            return trained == 0 ? null : (double) inPost / trained;
        }
    }

    /** Per region (the sites' order), then per province (idem), then national: the trained staff still in post. */
    public static List<StillInPost> stillInPost(PerpetratorCareData data) {
        Map<Integer, Site> sites = data.sites().stream().collect(Collectors.toMap(Site::id, Function.identity()));
        List<Staff> trained = data.staff().stream().filter(s -> s.trainedOn() != null && sites.containsKey(s.siteId())).toList();
        List<StillInPost> out = new ArrayList<>();
        Map<Integer, Site> firstOfRegion = new LinkedHashMap<>();
        Map<Integer, Site> firstOfProvince = new LinkedHashMap<>();
        data.sites().forEach(s -> {
            firstOfRegion.putIfAbsent(s.regionId(), s);
            firstOfProvince.putIfAbsent(s.provinceId(), s);
        });
        firstOfRegion.forEach((id, s) -> out.add(count(Level.REGION, id, s.regionFr(), s.regionAr(),
                trained.stream().filter(t -> sites.get(t.siteId()).regionId() == id).toList())));
        firstOfProvince.forEach((id, s) -> out.add(count(Level.PROVINCE, id, s.provinceFr(), s.provinceAr(),
                trained.stream().filter(t -> sites.get(t.siteId()).provinceId() == id).toList())));
        out.add(count(Level.NATIONAL, null, null, null, trained));
        return out;
    }

    /** One site's trained staff still in post. */
    public static StillInPost stillInPost(PerpetratorCareData data, int siteId) {
        return count(null, siteId, null, null,
                data.staff().stream().filter(s -> s.siteId() == siteId && s.trainedOn() != null).toList());
    }

    private static StillInPost count(Level level, Integer id, String fr, String ar, List<Staff> staff) {
        int linked = (int) staff.stream().filter(s -> s.staffPositionId() != null).count();
        int inPost = (int) staff.stream().filter(PerpetratorCareFigures::inPost).count();
        return new StillInPost(level, id, fr, ar, staff.size(), linked, inPost);
    }

    // ------------------------------------------------------------------ timeline

    /** A stage held from a day to another (the next stage's day, or the day asked for the last). */
    public record Segment(String stage, LocalDate from, LocalDate to) {
    }

    /** One site's bar: its segments in time order (none when no stage date is known). */
    public record Bar(int siteId, String name, String stage, List<Segment> segments) {
    }

    public static List<Bar> timeline(PerpetratorCareData data, LocalDate asOf) {
        Map<Integer, List<PerpetratorCareData.StageStep>> reached = new HashMap<>();
        data.stages().stream().filter(s -> s.reachedOn() != null)
                .forEach(s -> reached.computeIfAbsent(s.siteId(), k -> new ArrayList<>()).add(s));
        List<String> order = Vocabulary.CARE_STAGE.codes();
        List<Bar> out = new ArrayList<>();
        for (Site site : data.sites()) {
            List<PerpetratorCareData.StageStep> steps = new ArrayList<>(reached.getOrDefault(site.id(), List.of()));
            steps.sort(Comparator.comparing(PerpetratorCareData.StageStep::reachedOn)
                    .thenComparingInt(s -> order.indexOf(s.stage())));
            List<Segment> segments = new ArrayList<>();
            if (steps.isEmpty()) {
                if (site.stageSince() != null) {
                    segments.add(new Segment(site.stage(), site.stageSince(), later(site.stageSince(), asOf)));
                }
            } else {
                for (int i = 0; i < steps.size(); i++) {
                    LocalDate from = steps.get(i).reachedOn();
                    LocalDate to = i + 1 < steps.size() ? steps.get(i + 1).reachedOn() : later(from, asOf);
                    segments.add(new Segment(steps.get(i).stage(), from, to));
                }
            }
            out.add(new Bar(site.id(), site.name(), site.stage(), segments));
        }
        return out;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b.isAfter(a) ? b : a;
    }
}
