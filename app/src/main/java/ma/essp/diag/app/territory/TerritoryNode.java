package ma.essp.diag.app.territory;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * One node of the territory tree, already in the display language: a region, a province or prefecture (a
 * préfecture d'arrondissements sits under Casablanca), a circonscription or an ESSP. {@code esspCount} counts
 * the ESSPs below (1 for an ESSP); {@code population} is the reference population for regions and provinces,
 * the circonscription's own figure, and the population served for an ESSP (null when unknown).
 *
 * <p>Nodes compare by identity: a tree holds thousands of them and deep equality would be wasted work.
 */
public final class TerritoryNode {

    public enum Kind { REGION, PROVINCE, CIRCONSCRIPTION, ESSP }

    /** Identifies a node across rebuilds of the tree (e.g. to remember what was expanded). */
    public record Key(Kind kind, int id) {
    }

    private final Key key;
    private final String code;
    private final String label;
    private final String detail;
    private final int esspCount;
    private final Long population;
    private final List<TerritoryNode> children;
    private final String searchText;

    public TerritoryNode(Kind kind, int id, String code, String label, String detail, int esspCount, Long population,
                         List<TerritoryNode> children) {
        this.key = new Key(kind, id);
        this.code = code;
        this.label = label;
        this.detail = detail;
        this.esspCount = esspCount;
        this.population = population;
        this.children = List.copyOf(children);
        this.searchText = normalize(label + " " + (code == null ? "" : code));
    }

    /** Lower case without accents, so that "maarif" finds "Maârif". */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    public Key key() {
        return key;
    }

    public Kind kind() {
        return key.kind();
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** A short complement shown after the label (the category of an ESSP), or null. */
    public String detail() {
        return detail;
    }

    public int esspCount() {
        return esspCount;
    }

    public Long population() {
        return population;
    }

    public List<TerritoryNode> children() {
        return children;
    }

    boolean matches(String normalizedQuery) {
        return searchText.contains(normalizedQuery);
    }

    /** A copy with other children (the filter keeps ancestors with only their matching branches). */
    TerritoryNode withChildren(List<TerritoryNode> newChildren) {
        return new TerritoryNode(key.kind(), key.id(), code, label, detail, esspCount, population, newChildren);
    }

    @Override
    public String toString() {
        return label;
    }
}
