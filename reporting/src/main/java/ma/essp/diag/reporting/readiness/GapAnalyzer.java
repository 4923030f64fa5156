package ma.essp.diag.reporting.readiness;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.LocalizedLabel;
import ma.essp.diag.database.repository.ReadinessData;

/**
 * Gap analysis over the computed readiness: what the required package lacks, per category, per ESSP, and as a
 * needs list for the report and the equipment/training plans.
 *
 * <p>An item is <em>lacking</em> when answered absent or available but not functioning; a missing answer is
 * unknown, never a gap. The items that matter for an ESSP are the general readiness items and the items of every
 * service its category requires or it offers. The same physical need (a blood-pressure apparatus) appears as an
 * item of several services and of basic equipment; items meet in one <em>need</em> by their French label,
 * normalised (case, accents and punctuation ignored), since the catalogue is edited in French.
 */
public final class GapAnalyzer {

    private GapAnalyzer() {
    }

    /** A required service and how many assessed ESSPs of the category do not offer it. */
    public record ServiceGap(String serviceCode, String labelFr, String labelEn, String labelAr, int notOffered, int assessed) {
        /** The service's label in {@code language}, French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }

        public double share() {
            return assessed == 0 ? 0 : (double) notOffered / assessed;
        }
    }

    /** An item (by code, across catalogue versions) and how many ESSPs lack it among those that answered it. */
    public record ItemGap(String itemCode, String labelFr, String labelEn, String labelAr, String domainCode, String serviceCode,
                          int lacking, int answered) {
        /** The item's label in {@code language}, French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }

        public double share() {
            return answered == 0 ? 0 : (double) lacking / answered;
        }
    }

    /** The gaps of one category: required services not offered, items lacking (most frequent first). */
    public record CategoryGaps(String category, int assessed, List<ServiceGap> services, List<ItemGap> items) {
    }

    /** A need an ESSP lacks, with the services it blocks (required or offered ones whose item it is). */
    public record MissingItem(String needKey, String labelFr, String labelEn, String labelAr, List<String> itemCodes,
                              boolean general, List<String> blockedServices) {
        /** The need's label in {@code language}, French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    /** "214 ESSPs lack a blood-pressure apparatus": {@code lacking} of the {@code answered} ESSPs that answered it. */
    public record Need(String needKey, String labelFr, String labelEn, String labelAr, int lacking, int answered,
                       List<String> itemCodes) {
        /** The need's label in {@code language}, French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    /** Per category (current categories, legacy names folded in), in category code order. */
    public static List<CategoryGaps> byCategory(ReadinessResult result, Predicate<EsspReadiness> scope) {
        Map<String, CategoryAcc> categories = new TreeMap<>();
        for (EsspReadiness e : result.essps()) {
            if (!e.assessed() || !scope.test(e)) {
                continue;
            }
            CategoryAcc acc = categories.computeIfAbsent(e.effectiveCategory(), k -> new CategoryAcc());
            acc.assessed++;
            CatalogueModel.Version version = result.catalogue().version(e.assessment().catalogueVersionId());
            version.generalItemsByDomain().values().forEach(items -> items.forEach(i -> acc.item(i, null, e.assessment())));
            for (ReadinessData.Service s : version.services()) {
                if (!"required".equals(version.requirement(s.id(), e.effectiveCategory()))) {
                    continue;
                }
                int[] counts = acc.services.computeIfAbsent(s.code(), k -> new int[2]);
                acc.serviceLabels.putIfAbsent(s.code(), s);
                counts[1]++;
                if (!e.assessment().offeredServiceIds().contains(s.id())) {
                    counts[0]++;
                }
                version.serviceItemsByDomain(s.id()).values().forEach(items -> items.forEach(i -> acc.item(i, s.code(), e.assessment())));
            }
        }
        List<CategoryGaps> out = new ArrayList<>();
        categories.forEach((category, acc) -> {
            List<ServiceGap> services = new ArrayList<>();
            acc.services.forEach((code, c) -> {
                ReadinessData.Service s = acc.serviceLabels.get(code);
                services.add(new ServiceGap(code, s.labelFr(), s.labelEn(), s.labelAr(), c[0], c[1]));
            });
            services.sort(Comparator.comparingInt(ServiceGap::notOffered).reversed().thenComparing(ServiceGap::serviceCode));
            List<ItemGap> items = new ArrayList<>(acc.items.values().stream().filter(g -> g.lacking() > 0).toList());
            items.sort(Comparator.comparingInt(ItemGap::lacking).reversed()
                    .thenComparing(Comparator.comparingDouble(ItemGap::share).reversed()).thenComparing(ItemGap::itemCode));
            out.add(new CategoryGaps(category, acc.assessed, services, items));
        });
        return out;
    }

    private static final class CategoryAcc {
        int assessed;
        final Map<String, int[]> services = new LinkedHashMap<>();
        final Map<String, ReadinessData.Service> serviceLabels = new HashMap<>();
        final Map<String, ItemGap> items = new LinkedHashMap<>();

        void item(ReadinessData.Item item, String serviceCode, ReadinessData.Assessment assessment) {
            if (!item.inScope()) {
                return;
            }
            AnswerState state = assessment.answer(item.id());
            boolean answered = state.answered() && state != AnswerState.NOT_APPLICABLE;
            ItemGap old = items.get(item.code());
            int lacking = (old == null ? 0 : old.lacking()) + (state.lacking() ? 1 : 0);
            int answeredCount = (old == null ? 0 : old.answered()) + (answered ? 1 : 0);
            items.put(item.code(), new ItemGap(item.code(), item.labelFr(), item.labelEn(), item.labelAr(),
                    item.domainCode(), serviceCode, lacking, answeredCount));
        }
    }

    /**
     * The needs one ESSP lacks, ranked by how many services they block (then general items first, then label).
     * Empty when the ESSP was not assessed.
     */
    public static List<MissingItem> forEssp(ReadinessResult result, EsspReadiness e) {
        if (!e.assessed()) {
            return List.of();
        }
        Map<String, MissingAcc> needs = new LinkedHashMap<>();
        forEachRelevantItem(result.catalogue(), e, (item, serviceCode) -> {
            if (!e.assessment().answer(item.id()).lacking()) {
                return;
            }
            MissingAcc acc = needs.computeIfAbsent(needKey(item), k -> new MissingAcc(item));
            acc.codes.add(item.code());
            if (serviceCode == null) {
                acc.general = true;
            } else {
                acc.services.add(serviceCode);
            }
        });
        List<MissingItem> out = new ArrayList<>();
        needs.forEach((key, acc) -> out.add(new MissingItem(key, acc.item.labelFr(), acc.item.labelEn(),
                acc.item.labelAr(), List.copyOf(acc.codes), acc.general,
                List.copyOf(acc.services))));
        out.sort(Comparator.comparingInt((MissingItem m) -> m.blockedServices().size()).reversed()
                .thenComparing(m -> !m.general()).thenComparing(MissingItem::labelFr));
        return out;
    }

    private static final class MissingAcc {
        final ReadinessData.Item item;
        final Set<String> codes = new LinkedHashSet<>();
        final Set<String> services = new LinkedHashSet<>();
        boolean general;

        MissingAcc(ReadinessData.Item item) {
            this.item = item;
        }
    }

    /**
     * The needs list over the ESSPs in scope: for each need, how many ESSPs lack it (any of its relevant items
     * lacking) among those that answered at least one of its relevant items; most frequent first.
     */
    public static List<Need> needs(ReadinessResult result, Predicate<EsspReadiness> scope) {
        Map<String, NeedAcc> needs = new HashMap<>();
        for (EsspReadiness e : result.essps()) {
            if (!e.assessed() || !scope.test(e)) {
                continue;
            }
            Map<String, boolean[]> seen = new HashMap<>(); // need -> {answered, lacking}
            forEachRelevantItem(result.catalogue(), e, (item, serviceCode) -> {
                AnswerState state = e.assessment().answer(item.id());
                String key = needKey(item);
                NeedAcc acc = needs.computeIfAbsent(key, k -> new NeedAcc(item));
                acc.codes.add(item.code());
                boolean[] flags = seen.computeIfAbsent(key, k -> new boolean[2]);
                flags[0] |= state.answered() && state != AnswerState.NOT_APPLICABLE;
                flags[1] |= state.lacking();
            });
            seen.forEach((key, flags) -> {
                NeedAcc acc = needs.get(key);
                if (flags[0]) {
                    acc.answered++;
                }
                if (flags[1]) {
                    acc.lacking++;
                }
            });
        }
        List<Need> out = new ArrayList<>();
        needs.forEach((key, acc) -> {
            if (acc.lacking > 0) {
                out.add(new Need(key, acc.item.labelFr(), acc.item.labelEn(), acc.item.labelAr(), acc.lacking, acc.answered,
                        List.copyOf(acc.codes)));
            }
        });
        out.sort(Comparator.comparingInt(Need::lacking).reversed().thenComparing(Need::labelFr));
        return out;
    }

    private static final class NeedAcc {
        final ReadinessData.Item item;
        final Set<String> codes = new java.util.TreeSet<>();
        int lacking;
        int answered;

        NeedAcc(ReadinessData.Item item) {
            this.item = item;
        }
    }

    private interface ItemVisitor {
        void visit(ReadinessData.Item item, String serviceCode);
    }

    /** General items, then the items of every service the ESSP's category requires or it offers; in scope only. */
    private static void forEachRelevantItem(CatalogueModel catalogue, EsspReadiness e, ItemVisitor visitor) {
        CatalogueModel.Version version = catalogue.version(e.assessment().catalogueVersionId());
        for (List<ReadinessData.Item> items : version.generalItemsByDomain().values()) {
            for (ReadinessData.Item item : items) {
                if (item.inScope()) {
                    visitor.visit(item, null);
                }
            }
        }
        for (ReadinessData.Service s : version.services()) {
            boolean relevant = e.assessment().offeredServiceIds().contains(s.id())
                    || "required".equals(version.requirement(s.id(), e.effectiveCategory()));
            if (!relevant) {
                continue;
            }
            for (List<ReadinessData.Item> items : version.serviceItemsByDomain(s.id()).values()) {
                for (ReadinessData.Item item : items) {
                    if (item.inScope()) {
                        visitor.visit(item, s.code());
                    }
                }
            }
        }
    }

    /** The key that makes items of different services one need: the French label without case, accents, punctuation. */
    public static String needKey(ReadinessData.Item item) {
        String label = item.labelFr() == null ? item.code() : item.labelFr();
        return NEED_KEYS.computeIfAbsent(label, GapAnalyzer::normalise);
    }

    /**
     * The key of every label met, worked out once per process: the gaps ask it for every item of every ESSP (≈ 3,000 ×
     * hundreds at the national scale), and normalising each time took a third of a national export's Java samples (issue 17). The
     * labels are the catalogue's, a few hundred.
     */
    private static final Map<String, String> NEED_KEYS = new ConcurrentHashMap<>();
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    static String normalise(String label) {
        String bare = MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_ALPHANUMERIC.matcher(bare).replaceAll(" ").trim();
    }
}
