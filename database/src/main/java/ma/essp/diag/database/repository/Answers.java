package ma.essp.diag.database.repository;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers of one assessment, compact and immutable: item ids sorted, states alongside, looked up by binary
 * search. The national demo holds ~450,000 answers; boxed hash maps would cost more than the computation itself.
 * An item without an answer is {@link AnswerState#MISSING}.
 */
public final class Answers {

    public static final Answers NONE = new Answers(new int[0], new AnswerState[0]);

    private final int[] itemIds;
    private final AnswerState[] states;

    /** @param itemIds strictly increasing item ids; {@code states} of the same length (arrays are taken over) */
    Answers(int[] itemIds, AnswerState[] states) {
        if (itemIds.length != states.length) {
            throw new IllegalArgumentException("item ids and states differ in length");
        }
        for (int i = 1; i < itemIds.length; i++) {
            if (itemIds[i] <= itemIds[i - 1]) {
                throw new IllegalArgumentException("item ids must be strictly increasing");
            }
        }
        this.itemIds = itemIds;
        this.states = states;
    }

    public static Answers of(Map<Integer, AnswerState> answers) {
        TreeMap<Integer, AnswerState> sorted = new TreeMap<>(answers);
        int[] ids = new int[sorted.size()];
        AnswerState[] states = new AnswerState[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, AnswerState> e : sorted.entrySet()) {
            ids[i] = e.getKey();
            states[i++] = e.getValue() == null ? AnswerState.MISSING : e.getValue();
        }
        return new Answers(ids, states);
    }

    public AnswerState get(int itemId) {
        int i = Arrays.binarySearch(itemIds, itemId);
        return i < 0 ? AnswerState.MISSING : states[i];
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

    /** Accumulates the answers of one assessment in increasing item id order (as the loader reads them). */
    static final class Builder {
        private int[] ids = new int[160];
        private AnswerState[] states = new AnswerState[160];
        private int size;

        void add(int itemId, AnswerState state) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                states = Arrays.copyOf(states, size * 2);
            }
            ids[size] = itemId;
            states[size++] = state;
        }

        Answers build() {
            return new Answers(Arrays.copyOf(ids, size), Arrays.copyOf(states, size));
        }
    }
}
