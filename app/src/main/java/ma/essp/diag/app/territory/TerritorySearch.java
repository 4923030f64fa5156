package ma.essp.diag.app.territory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Filters the territory tree: a node stays when it matches (name or code, ignoring case and accents) or when
 * one of its descendants does; a matching node keeps its whole subtree, collapsed. The ancestors of every
 * match are listed in {@link Result#expanded()} so the view opens the path down to it.
 */
public final class TerritorySearch {

    private TerritorySearch() {
    }

    /** The filtered tree, the nodes to expand and how many nodes matched. */
    public record Result(List<TerritoryNode> roots, Set<TerritoryNode.Key> expanded, int matches) {
    }

    public static Result filter(List<TerritoryNode> roots, String query) {
        String q = query == null ? "" : TerritoryNode.normalize(query.strip());
        if (q.isEmpty()) {
            return new Result(roots, Set.of(), 0);
        }
        Set<TerritoryNode.Key> expanded = new HashSet<>();
        int[] matches = {0};
        List<TerritoryNode> kept = new ArrayList<>();
        for (TerritoryNode root : roots) {
            TerritoryNode k = filter(root, q, expanded, matches);
            if (k != null) {
                kept.add(k);
            }
        }
        return new Result(List.copyOf(kept), Set.copyOf(expanded), matches[0]);
    }

    private static TerritoryNode filter(TerritoryNode node, String q, Set<TerritoryNode.Key> expanded, int[] matches) {
        boolean self = node.matches(q);
        if (self) {
            matches[0]++;
        }
        List<TerritoryNode> keptChildren = new ArrayList<>();
        for (TerritoryNode child : node.children()) {
            TerritoryNode k = filter(child, q, expanded, matches);
            if (k != null) {
                keptChildren.add(k);
            }
        }
        if (!keptChildren.isEmpty()) {
            expanded.add(node.key());
            // a matching node keeps all its children; an ancestor only the branches that lead to a match
            return self ? node : node.withChildren(keptChildren);
        }
        return self ? node : null;
    }
}
