package ma.essp.diag.database.repository;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The answers of one assessment, compact and immutable: item ids sorted, states alongside, looked up by binary
 * search. The national demo holds ~450,000 answers; boxed hash maps would cost more than the computation itself.
 * An item without an answer is {@link AnswerState#MISSING}. Each answer also says whether it rests on the respondent's
 * word only ({@code source = 'reported'}); an answer without a source is taken as observed, as the checklist shows and
 * saves it.
 */
public final class Answers {

    public static final Answers NONE = new Answers(new int[0], new AnswerState[0], new boolean[0]);

    private final int[] itemIds;
    private final AnswerState[] states;
    private final boolean[] reported;

    /** @param itemIds strictly increasing item ids; {@code states} and {@code reported} of the same length (taken over) */
    Answers(int[] itemIds, AnswerState[] states, boolean[] reported) {
        if (itemIds.length != states.length || itemIds.length != reported.length) {
            throw new IllegalArgumentException("item ids and states differ in length");
        }
        for (int i = 1; i < itemIds.length; i++) {
            if (itemIds[i] <= itemIds[i - 1]) {
                throw new IllegalArgumentException("item ids must be strictly increasing");
            }
        }
        this.itemIds = itemIds;
        this.states = states;
        this.reported = reported;
    }

    /** Answers all observed. */
    public static Answers of(Map<Integer, AnswerState> answers) {
        return of(answers, Set.of());
    }

    /** Answers whose items in {@code reportedItemIds} were reported, the others observed. */
    public static Answers of(Map<Integer, AnswerState> answers, Set<Integer> reportedItemIds) {
        TreeMap<Integer, AnswerState> sorted = new TreeMap<>(answers);
        int[] ids = new int[sorted.size()];
        AnswerState[] states = new AnswerState[sorted.size()];
        boolean[] reported = new boolean[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, AnswerState> e : sorted.entrySet()) {
            ids[i] = e.getKey();
            reported[i] = reportedItemIds.contains(e.getKey());
            states[i++] = e.getValue() == null ? AnswerState.MISSING : e.getValue();
        }
        return new Answers(ids, states, reported);
    }

    public AnswerState get(int itemId) {
        int i = Arrays.binarySearch(itemIds, itemId);
        return i < 0 ? AnswerState.MISSING : states[i];
    }

    /** Whether the answer to {@code itemId} was only reported (not observed); false without an answer. */
    public boolean reported(int itemId) {
        int i = Arrays.binarySearch(itemIds, itemId);
        return i >= 0 && reported[i];
    }

    public int size() {
        return itemIds.length;
    }

    public Map<Integer, AnswerState> toMap() {
        Map<Integer, AnswerState> map = new LinkedHashMap<>();
        for (int i = 0; i < itemIds.length; i++) {
            map.put(itemIds[i], states[i]);
        }
        return map;
    }

    /**
     * Accumulates the answers of one assessment, in any item order (the loader reads them in the file's order, usually
     * increasing item ids): {@link #build} sorts them by item id.
     */
    static final class Builder {
        private int[] ids = new int[160];
        private AnswerState[] states = new AnswerState[160];
        private boolean[] reported = new boolean[160];
        private int size;

        void add(int itemId, AnswerState state, boolean reportedOnly) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                states = Arrays.copyOf(states, size * 2);
                reported = Arrays.copyOf(reported, size * 2);
            }
            ids[size] = itemId;
            reported[size] = reportedOnly;
            states[size++] = state;
        }

        Answers build() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = ids[i] > ids[i - 1];
            }
            if (sorted) {
                return new Answers(Arrays.copyOf(ids, size), Arrays.copyOf(states, size), Arrays.copyOf(reported, size));
            }
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, ids[i]);
                max = Math.max(max, ids[i]);
            }
            if ((long) max - min < 8L * size + 64) {
                // dense ids (an assessment answers most of its catalogue): each answer placed in a slot by its item id
                // (the position + 1, 0 for none) and the slots read in order, no comparison sort
                int[] slots = new int[max - min + 1];
                for (int i = 0; i < size; i++) {
                    if (slots[ids[i] - min] != 0) {
                        throw new IllegalArgumentException("item ids must be strictly increasing");
                    }
                    slots[ids[i] - min] = i + 1;
                }
                int[] sortedIds = new int[size];
                AnswerState[] sortedStates = new AnswerState[size];
                boolean[] sortedReported = new boolean[size];
                int n = 0;
                for (int slot : slots) {
                    if (slot != 0) {
                        sortedIds[n] = ids[slot - 1];
                        sortedStates[n] = states[slot - 1];
                        sortedReported[n++] = reported[slot - 1];
                    }
                }
                return new Answers(sortedIds, sortedStates, sortedReported);
            }
            // sparse ids: (item id, position) pairs sorted by item id, then the three arrays laid out in that order
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = ((long) ids[i] << 32) | i;
            }
            Arrays.sort(order);
            int[] sortedIds = new int[size];
            AnswerState[] sortedStates = new AnswerState[size];
            boolean[] sortedReported = new boolean[size];
            for (int i = 0; i < size; i++) {
                int from = (int) order[i];
                sortedIds[i] = ids[from];
                sortedStates[i] = states[from];
                sortedReported[i] = reported[from];
            }
            return new Answers(sortedIds, sortedStates, sortedReported);
        }
    }
}
