package ma.essp.diag.reporting.dataflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.database.repository.DataFlowData.Checklist;

/**
 * The PRISM system checklist score (docs/dataflows-checklist.md). PRISM (MEASURE Evaluation) sorts the determinants of
 * a routine health information system into technical, organisational and behavioural ones; the mission observes five
 * of them at each level it visits ({@link Checklist#ITEMS}): guidelines available and tools in stock (technical),
 * trained staff and feedback received (organisational), data used in meetings (behavioural).
 *
 * <h2>Rubric</h2>
 * <ul>
 * <li>Each observed item scores 1 when present ("yes"), 0 when absent ("no"); an item not observed is left out of both
 * the numerator and the denominator.</li>
 * <li>Score of a set of checklists (one unit, or all the checklists of one level in a territory) = items present ÷ items
 * observed, pooled over the checklists (never a mean of scores), as a share 0–1; n = items observed. No item observed:
 * no score.</li>
 * <li>Rating: score ≥ {@value #FUNCTIONAL} functional, ≥ {@value #PARTIAL} partly functional, below weak.</li>
 * </ul>
 */
public final class SystemChecklist {

    /** The lowest score rated functional (four items in five). */
    public static final double FUNCTIONAL = 0.80;
    /** The lowest score rated partly functional (half the items observed). */
    public static final double PARTIAL = 0.50;

    private SystemChecklist() {
    }

    /** The rating of a score. */
    public enum Rating {
        FUNCTIONAL, PARTIAL, WEAK, NONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The checklist figures of a set of checklists.
     *
     * @param checklists the checklists counted
     * @param observed   items observed (yes or no) over them, the n of the score
     * @param present    items present (yes)
     * @param itemObserved per item ({@link Checklist#ITEMS} order) how many checklists observed it
     * @param itemPresent  per item how many checklists found it present
     */
    public record Figures(int checklists, int observed, int present, List<Integer> itemObserved, List<Integer> itemPresent) {

        public static final Figures NONE = new Figures(0, 0, 0, zeros(), zeros());

        public Figures {
            itemObserved = List.copyOf(itemObserved);
            itemPresent = List.copyOf(itemPresent);
        }

        /** Items present ÷ items observed; null when none was observed. */
        public Double score() {
            return observed == 0 ? null : (double) present / observed;
        }

        /** The share of the checklists that observed item {@code i} finding it present; null when none observed it. */
        public Double itemShare(int i) {
            return itemObserved.get(i) == 0 ? null : (double) itemPresent.get(i) / itemObserved.get(i);
        }

        public Rating rating() {
            return SystemChecklist.rating(score());
        }

        public Figures plus(Figures o) {
            List<Integer> obs = new ArrayList<>();
            List<Integer> pre = new ArrayList<>();
            for (int i = 0; i < Checklist.ITEMS.size(); i++) {
                obs.add(itemObserved.get(i) + o.itemObserved.get(i));
                pre.add(itemPresent.get(i) + o.itemPresent.get(i));
            }
            return new Figures(checklists + o.checklists, observed + o.observed, present + o.present, obs, pre);
        }

        private static List<Integer> zeros() {
            return Checklist.ITEMS.stream().map(i -> 0).toList();
        }
    }

    /** The figures of one checklist. */
    public static Figures of(Checklist c) {
        List<Integer> obs = new ArrayList<>();
        List<Integer> pre = new ArrayList<>();
        int observed = 0;
        int present = 0;
        for (Boolean answer : c.answers()) {
            obs.add(answer == null ? 0 : 1);
            pre.add(Boolean.TRUE.equals(answer) ? 1 : 0);
            observed += answer == null ? 0 : 1;
            present += Boolean.TRUE.equals(answer) ? 1 : 0;
        }
        return new Figures(1, observed, present, obs, pre);
    }

    /** The pooled figures of {@code checklists}. */
    public static Figures of(Collection<Checklist> checklists) {
        Figures sum = Figures.NONE;
        for (Checklist c : checklists) {
            sum = sum.plus(of(c));
        }
        return sum;
    }

    /** The rating of a score (null = {@link Rating#NONE}); a score on a bound takes the better rating. */
    public static Rating rating(Double score) {
        if (score == null) {
            return Rating.NONE;
        }
        return score >= FUNCTIONAL ? Rating.FUNCTIONAL : score >= PARTIAL ? Rating.PARTIAL : Rating.WEAK;
    }
}
