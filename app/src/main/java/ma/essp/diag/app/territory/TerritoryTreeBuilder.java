package ma.essp.diag.app.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.database.repository.TerritoryRepository.Circonscription;
import ma.essp.diag.database.repository.TerritoryRepository.Essp;
import ma.essp.diag.database.repository.TerritoryRepository.Province;
import ma.essp.diag.database.repository.TerritoryRepository.Region;

/**
 * Turns the flat territory snapshot into the region → province → (préfecture d'arrondissements →)
 * circonscription → ESSP tree, adding up ESSP counts on the way; linear in the number of rows.
 */
public final class TerritoryTreeBuilder {

    private final I18n i18n;

    public TerritoryTreeBuilder(I18n i18n) {
        this.i18n = i18n;
    }

    public List<TerritoryNode> build(TerritoryRepository.Territory territory) {
        Comparator<TerritoryNode> byLabel = Comparator.comparing(TerritoryNode::label, i18nCollator());

        Map<Integer, List<TerritoryNode>> esspsByCirconscription = new HashMap<>();
        for (Essp e : territory.essps()) {
            esspsByCirconscription.computeIfAbsent(e.circonscriptionId(), k -> new ArrayList<>())
                    .add(new TerritoryNode(TerritoryNode.Kind.ESSP, e.id(), e.code(), i18n.localName(e.nameFr(), e.nameAr()),
                            e.categoryCode(), 1, e.populationServed(), List.of()));
        }
        Map<Integer, List<TerritoryNode>> circonscriptionsByProvince = new HashMap<>();
        for (Circonscription c : territory.circonscriptions()) {
            List<TerritoryNode> essps = sorted(esspsByCirconscription.getOrDefault(c.id(), List.of()), byLabel);
            circonscriptionsByProvince.computeIfAbsent(c.provinceId(), k -> new ArrayList<>())
                    .add(new TerritoryNode(TerritoryNode.Kind.CIRCONSCRIPTION, c.id(), c.code(),
                            ma.essp.diag.app.i18n.CirconscriptionName.shortForm(i18n.localName(c.nameFr(), c.nameAr())), null, essps.size(), c.population(), essps));
        }
        // préfectures d'arrondissements first, so that their parent can take them as children
        Map<Integer, List<TerritoryNode>> subProvinces = new HashMap<>();
        for (Province p : territory.provinces()) {
            if (p.parentProvinceId() != null) {
                subProvinces.computeIfAbsent(p.parentProvinceId(), k -> new ArrayList<>())
                        .add(provinceNode(p, circonscriptionsByProvince, List.of(), byLabel));
            }
        }
        Map<Integer, List<TerritoryNode>> provincesByRegion = new HashMap<>();
        for (Province p : territory.provinces()) {
            if (p.parentProvinceId() == null) {
                List<TerritoryNode> subs = sorted(subProvinces.getOrDefault(p.id(), List.of()), byLabel);
                provincesByRegion.computeIfAbsent(p.regionId(), k -> new ArrayList<>())
                        .add(provinceNode(p, circonscriptionsByProvince, subs, byLabel));
            }
        }
        List<TerritoryNode> regions = new ArrayList<>();
        for (Region r : territory.regions()) {
            List<TerritoryNode> provinces = sorted(provincesByRegion.getOrDefault(r.id(), List.of()), byLabel);
            regions.add(new TerritoryNode(TerritoryNode.Kind.REGION, r.id(), r.code(), i18n.localName(r.nameFr(), r.nameAr()),
                    null, sumEssps(provinces), r.population(), provinces));
        }
        return List.copyOf(regions);
    }

    private TerritoryNode provinceNode(Province p, Map<Integer, List<TerritoryNode>> circonscriptionsByProvince,
                                       List<TerritoryNode> subProvinces, Comparator<TerritoryNode> byLabel) {
        List<TerritoryNode> children = new ArrayList<>(subProvinces);
        children.addAll(sorted(circonscriptionsByProvince.getOrDefault(p.id(), List.of()), byLabel));
        return new TerritoryNode(TerritoryNode.Kind.PROVINCE, p.id(), p.code(), i18n.localName(p.nameFr(), p.nameAr()),
                null, sumEssps(children), p.population(), children);
    }

    private static int sumEssps(List<TerritoryNode> nodes) {
        return nodes.stream().mapToInt(TerritoryNode::esspCount).sum();
    }

    private static List<TerritoryNode> sorted(List<TerritoryNode> nodes, Comparator<TerritoryNode> order) {
        List<TerritoryNode> copy = new ArrayList<>(nodes);
        copy.sort(order);
        return copy;
    }

    private Comparator<String> i18nCollator() {
        java.text.Collator collator = java.text.Collator.getInstance(i18n.locale());
        collator.setStrength(java.text.Collator.SECONDARY);
        return collator::compare;
    }
}
