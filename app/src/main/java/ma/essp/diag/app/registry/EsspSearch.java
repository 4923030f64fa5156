package ma.essp.diag.app.registry;

import java.text.Normalizer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;

/**
 * The registry's filter without JavaFX: each row's search key (code and names, without case or accents) made once
 * when the rows are loaded, and the test of a row against the text, category, region and functionality chosen.
 * The list screen filters with it; the benchmarks measure it.
 */
public final class EsspSearch {

    private final Map<EsspListRow, String> keys = new IdentityHashMap<>();

    public EsspSearch(List<EsspListRow> rows) {
        for (EsspListRow row : rows) {
            keys.put(row, normalize(row.code() + " " + row.nameFr() + " " + Objects.toString(row.nameAr(), "")));
        }
    }

    /** The rows that match; a null code means "all" for that filter. */
    public Predicate<EsspListRow> matching(String text, String categoryCode, String regionId, String functionalityCode) {
        String query = normalize(Objects.toString(text, "").strip());
        return row -> (query.isEmpty() || keys.getOrDefault(row, "").contains(query))
                && (categoryCode == null || categoryCode.equals(row.category().code()))
                && (regionId == null || regionId.equals(String.valueOf(row.regionId())))
                && (functionalityCode == null || functionalityCode.equals(row.functionality()));
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
