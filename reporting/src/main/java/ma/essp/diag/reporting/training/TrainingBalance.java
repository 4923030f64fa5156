package ma.essp.diag.reporting.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.essp.diag.database.repository.TrainingData.Participant;

/**
 * Who a cohort trains, by gender and by region, against its regional quotas (V20 {@code training_cohort_quota}): the one
 * definition the Formation screen uses.
 * <ul>
 * <li><b>Women's share</b> = women ÷ (women + men): participants whose gender is not recorded are counted apart and
 * left out of the share; no share (null) when no gender is known.</li>
 * <li>A participant's <b>region</b> is that of their structure or ESSP ({@code TrainingRepository.participantRegions});
 * those with neither are gathered in one row without a region.</li>
 * <li>A region's quota is <b>full</b> when as many participants as its quota come from it (one more is refused), and
 * <b>over</b> when more do (a quota lowered by hand never goes below, but rows written before a quota may).</li>
 * </ul>
 */
public final class TrainingBalance {

    private TrainingBalance() {
    }

    /** Participants counted by gender. */
    public record Gender(int participants, int women, int men) {

        public int unknown() {
            return participants - women - men;
        }

        /** Women ÷ (women + men); null when no gender is known. */
        public Double womenShare() {
            return women + men == 0 ? null : (double) women / (women + men);
        }
    }

    /** A region's line: its participants by gender and its quota (null: none); {@code regionId} null: region unknown. */
    public record RegionRow(Integer regionId, Gender gender, Integer quota) {

        public boolean full() {
            return quota != null && gender.participants() >= quota;
        }

        public boolean over() {
            return quota != null && gender.participants() > quota;
        }
    }

    public static Gender gender(List<Participant> participants) {
        int women = 0;
        int men = 0;
        for (Participant p : participants) {
            if ("f".equals(p.gender())) {
                women++;
            } else if ("m".equals(p.gender())) {
                men++;
            }
        }
        return new Gender(participants.size(), women, men);
    }

    /**
     * One line per region that has participants of the cohort or a quota, by region id, then the participants without a
     * region when there are any.
     *
     * @param participants the cohort's live participants
     * @param regionOf     participant id to region id (participants missing: region unknown)
     * @param quotas       region id to the cohort's quota for it
     */
    public static List<RegionRow> byRegion(List<Participant> participants, Map<Integer, Integer> regionOf,
                                           Map<Integer, Integer> quotas) {
        Map<Integer, List<Participant>> byRegion = new TreeMap<>();
        List<Participant> unknown = new ArrayList<>();
        quotas.keySet().forEach(r -> byRegion.put(r, new ArrayList<>()));
        for (Participant p : participants) {
            Integer region = regionOf.get(p.id());
            if (region == null) {
                unknown.add(p);
            } else {
                byRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(p);
            }
        }
        List<RegionRow> rows = new ArrayList<>();
        byRegion.forEach((region, list) -> rows.add(new RegionRow(region, gender(list), quotas.get(region))));
        rows.sort(Comparator.comparing(RegionRow::regionId));
        if (!unknown.isEmpty()) {
            rows.add(new RegionRow(null, gender(unknown), null));
        }
        return rows;
    }
}
