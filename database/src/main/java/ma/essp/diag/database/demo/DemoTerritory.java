package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.GenerationContext.clamp;
import static ma.essp.diag.database.demo.GenerationContext.gaussianOf;
import static ma.essp.diag.database.demo.GenerationContext.round;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import ma.essp.diag.database.demo.DemoModel.Circ;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Province;
import ma.essp.diag.database.demo.DemoModel.Region;
import ma.essp.diag.database.demo.DemoModel.Territory;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;

/**
 * Territory: the provinces in the scale's scope, the GSTs' dates, then circonscriptions, communes and ESSPs (codes,
 * categories, functionality, population served, positions on land in their province).
 */
final class DemoTerritory {

    private final GenerationContext ctx;
    private final ReferenceData reference;
    /** Province outlines by ISO code, to keep synthetic ESSPs on land and in their province. */
    private final Map<String, MapShape> outlines = new HashMap<>();
    private final List<Province> scoped = new ArrayList<>();
    private final List<Region> scopedRegions = new ArrayList<>();
    private final List<Circ> circs = new ArrayList<>();
    private final List<Essp> essps = new ArrayList<>();

    DemoTerritory(GenerationContext ctx, ReferenceData reference) {
        this.ctx = ctx;
        this.reference = reference;
        MapOutlines.shipped().provinces().forEach(shape -> outlines.put(shape.isoCode(), shape));
    }

    /** Writes the territory; returns what the other parts fill. */
    Territory write() throws SQLException {
        territory();
        return new Territory(scoped, scopedRegions, circs, essps);
    }

    private void territory() throws SQLException {
        for (Province province : reference.provinces()) {
            boolean isParent = reference.provinces().stream().anyMatch(p -> p.parentId() != null && p.parentId() == province.id());
            boolean in = switch (ctx.scale()) {
                case SMALL -> province.code().equals("01.571") || province.code().equals("01.151");
                case REGION -> province.code().startsWith("09.");
                case NATIONAL -> true;
            };
            if (in && !isParent) {
                scoped.add(province);
            }
        }
        for (Region region : reference.regions()) {
            if (scoped.stream().anyMatch(p -> p.regionId() == region.id())) {
                scopedRegions.add(region);
            }
        }
        long population = scoped.stream().mapToLong(Province::population).sum();
        int target = switch (ctx.scale()) {
            case SMALL -> 56;
            case REGION -> 300;
            case NATIONAL -> (int) Math.round(population / 12_000.0);
        };
        double perCirc = switch (ctx.scale()) {
            case SMALL -> 7.0;
            case REGION -> 8.5;
            case NATIONAL -> 8.7;
        };
        int[] counts = allocate(target);

        // GSTs: all created by decree in April 2025; Tanger-Tétouan-Al Hoceima is the pilot that took over first
        try (PreparedStatement update = ctx.connection().prepareStatement(
                "UPDATE structure SET created_on = ?, takeover_on = ?, updated_at = ?, updated_by = ? WHERE kind = 'gst'"
                        + " AND region_id = ?")) {
            for (Region region : reference.regions()) {
                update.setString(1, "2025-04-15");
                update.setString(2, region.code().equals("01") ? "2025-10-01" : null);
                update.setString(3, Rows.UPDATED_AT);
                update.setString(4, ctx.authorUuid());
                update.setInt(5, region.id());
                update.addBatch();
            }
            update.executeBatch();
        }

        Rows circRows = ctx.rows("circonscription", "province_id", "code", "name_fr", "milieu", "coverage", "seat", "head_name",
                "population", "notes");
        Rows communeRows = ctx.rows("commune", "province_id", "circonscription_id", "name_fr", "kind", "population");
        Rows esspRows = ctx.rows("essp", "code", "name_fr", "category_code", "circonscription_id", "commune_id", "milieu",
                "delivery_unit", "latitude", "longitude", "population_served", "functionality", "functionality_reason",
                "opening_hours", "address", "notes");
        for (int p = 0; p < scoped.size(); p++) {
            Province province = scoped.get(p);
            int n = counts[p];
            int circCount = Math.min(n, Math.max(2, (int) Math.round(n / perCirc)));
            int urbanCount = switch (province.type()) {
                case "prefecture_of_arrondissements" -> circCount;
                case "prefecture" -> Math.max(1, (int) Math.round(circCount * 0.75));
                default -> circCount >= 7 ? 2 : circCount >= 3 ? 1 : (ctx.chance(0.4) ? 1 : 0);
            };
            List<Circ> provinceCircs = new ArrayList<>();
            for (int c = 0; c < circCount; c++) {
                Circ circ = new Circ();
                circ.province = province;
                circ.urban = c < urbanCount;
                circ.code = province.digits() + "-C" + String.format("%02d", c + 1);
                circ.place = circ.urban ? (c == 0 ? province.name() : ctx.names().district()) : ctx.names().ruralPlace();
                circ.headName = ctx.names().person();
                provinceCircs.add(circ);
            }
            // every circonscription gets one ESSP, the rest go by weight (urban ones are denser)
            int[] perCircCount = new int[circCount];
            double[] weights = new double[circCount];
            for (int c = 0; c < circCount; c++) {
                perCircCount[c] = 1;
                weights[c] = provinceCircs.get(c).urban ? 1.2 : 1.0;
                weights[c] *= ctx.uniform(0.6, 1.4);
            }
            for (int i = circCount; i < n; i++) {
                perCircCount[ctx.weighted(weights)]++;
            }
            double provinceEffect = 0.06 * ctx.gaussian();
            List<Essp> provinceEssps = new ArrayList<>();
            List<Double> popWeights = new ArrayList<>();
            int seq = 0;
            for (int c = 0; c < circCount; c++) {
                Circ circ = provinceCircs.get(c);
                for (int i = 0; i < perCircCount[c]; i++) {
                    Essp essp = new Essp();
                    essp.circ = circ;
                    essp.code = province.digits() + "-" + String.format("%04d", ++seq);
                    essp.category = circ.urban
                            ? new String[] {"CSU-1", "CSU-2", "CSU", "CDTMR", "UMM"}[ctx.weighted(50, 32, 12, 3, 1.5)]
                            : new String[] {"DR", "CSR-1", "CSR-2", "CSC", "CSCA", "UMM", "MM"}[ctx.weighted(27, 37, 22, 5, 4, 3, 2)];
                    essp.deliveryUnit = switch (essp.category) {
                        case "CSR-2", "CSCA", "MM" -> true;
                        case "CSU-2" -> ctx.chance(0.3);
                        default -> false;
                    };
                    essp.functionality = new String[] {"fully", "partially", "not_functioning"}[ctx.weighted(85, 10, 5)];
                    double categoryEffect = switch (essp.category) {
                        case "CSU-2" -> 0.08;
                        case "CSU-1" -> 0.04;
                        case "CSR-2" -> 0.03;
                        case "DR" -> -0.10;
                        case "UMM" -> -0.08;
                        case "CSC", "CSCA", "CSU" -> -0.04;
                        case "MM" -> -0.02;
                        default -> 0.0;
                    };
                    double functionalityEffect = switch (essp.functionality) {
                        case "partially" -> -0.10;
                        case "not_functioning" -> -0.22;
                        default -> 0.0;
                    };
                    essp.quality = clamp(0.68 + categoryEffect + provinceEffect + functionalityEffect + 0.13 * ctx.gaussian(),
                            0.15, 0.96);
                    double w = switch (essp.category) {
                        case "DR" -> 0.4;
                        case "CSR-1", "CSC" -> 1.0;
                        case "CSR-2", "CSCA" -> 1.3;
                        case "CSU-1", "CSU" -> 1.8;
                        case "CSU-2" -> 2.5;
                        case "UMM" -> 0.3;
                        case "MM" -> 0.5;
                        default -> 0.0;
                    };
                    popWeights.add(w * StrictMath.exp(0.35 * ctx.gaussian()));
                    circ.essps.add(essp);
                    provinceEssps.add(essp);
                }
            }
            double totalWeight = popWeights.stream().mapToDouble(Double::doubleValue).sum();
            for (int i = 0; i < provinceEssps.size(); i++) {
                Essp essp = provinceEssps.get(i);
                essp.population = essp.category.equals("CDTMR") ? null
                        : (int) Math.round(province.population() * popWeights.get(i) / totalWeight);
            }
            double[] centre = ProvinceCentres.of(province.code());
            MapShape outline = outlines.get(province.isoCode());
            double spread = switch (province.type()) {
                case "prefecture_of_arrondissements" -> 0.02;
                case "prefecture" -> 0.07;
                default -> 0.30;
            };
            Set<String> usedPlaces = new HashSet<>();
            boolean bigCity = province.type().equals("prefecture_of_arrondissements")
                    || (province.type().equals("prefecture") && province.population() > 700_000);
            for (Circ circ : provinceCircs) {
                circ.population = circ.essps.stream().mapToInt(e -> e.population == null ? 0 : e.population).sum();
                int communeCount = circ.urban ? 1 : ctx.between(2, 4);
                for (int k = 0; k < communeCount; k++) {
                    circ.communeNames.add(circ.urban ? (bigCity ? "Arrondissement " : "Commune urbaine ") + circ.place
                            : (k == 0 ? circ.place : ctx.names().ruralPlace()));
                }
                String coverage = circ.urban ? circ.communeNames.getFirst()
                        : "Caïdat de " + circ.place + " : communes " + String.join(", ", circ.communeNames);
                circ.id = circRows.add(province.id(), circ.code,
                        "Circonscription sanitaire " + (circ.urban ? "urbaine " : "rurale ") + circ.place,
                        circ.urban ? "urban" : "rural", coverage, circ.place, circ.headName + " (synthétique)",
                        circ.population, ctx.chance(0.1) ? "Siège partagé avec le CSR-2 de la circonscription" : null);
                circs.add(circ);
                int remaining = circ.population;
                for (int k = 0; k < communeCount; k++) {
                    int share = k == communeCount - 1 ? remaining : (int) (remaining * ctx.uniform(0.25, 0.6));
                    remaining -= share;
                    String kind = circ.urban ? (bigCity ? "arrondissement" : "urban_commune") : "rural_commune";
                    circ.communeIds.add(communeRows.add(province.id(), circ.id, circ.communeNames.get(k), kind, share));
                }
                double circLat = centre[0] + spread * ctx.gaussian();
                double circLon = centre[1] + spread * ctx.gaussian();
                double[] circCentre = onLand(outline, circLat, circLon, spread, circ.code);
                circLat = circCentre[0];
                circLon = circCentre[1];
                for (Essp essp : circ.essps) {
                    int communeIndex = ctx.random().nextInt(circ.communeIds.size());
                    String place = circ.urban ? ctx.names().urbanPlace() : ctx.names().ruralPlace();
                    for (int attempt = 0; attempt < 5 && !usedPlaces.add(place); attempt++) {
                        place = circ.urban ? ctx.names().urbanPlace() : ctx.names().ruralPlace();
                    }
                    essp.name = switch (essp.category) {
                        case "CDTMR" -> "CDTMR " + province.name();
                        case "UMM" -> "Unité médicale mobile " + circ.place;
                        case "MM" -> "Maison de maternité " + place;
                        default -> essp.category + " " + place;
                    };
                    Double lat = null;
                    Double lon = null;
                    if (!ctx.chance(0.05)) {
                        double local = circ.urban ? 0.01 : spread / 3;
                        double[] point = onLand(outline, circLat + local * ctx.gaussian(), circLon + local * ctx.gaussian(), local,
                                essp.code);
                        lat = round(clamp(point[0], 20.9, 35.85), 5);
                        lon = round(clamp(point[1], -17.05, -1.05), 5);
                    }
                    String reason = switch (essp.functionality) {
                        case "partially" -> new String[] {"Travaux de réhabilitation en cours (programme 1 400 ESSP)",
                                "Un seul infirmier pour toutes les activités", "Coupures d'eau fréquentes",
                                "Absence de médecin depuis plusieurs mois"}[ctx.random().nextInt(4)];
                        case "not_functioning" -> new String[] {"Fermé pour reconstruction", "Aucun personnel affecté",
                                "Bâtiment endommagé, activités transférées au centre voisin"}[ctx.random().nextInt(3)];
                        default -> null;
                    };
                    String hours = switch (essp.category) {
                        case "UMM" -> "Tournées selon le planning mensuel de la délégation";
                        case "DR" -> "Lun-Ven 08:30-16:30 (infirmier itinérant certains jours)";
                        default -> essp.deliveryUnit ? "Consultations 08:30-16:30 ; unité d'accouchement 24h/24"
                                : ctx.chance(0.3) ? "Lun-Sam 08:00-18:00 ; permanence le week-end" : "Lun-Ven 08:30-16:30";
                    };
                    String address = (circ.urban ? place + ", " : "Douar " + ctx.names().root() + ", commune ")
                            + circ.communeNames.get(communeIndex);
                    String note = ctx.chance(0.08) ? new String[] {"Réhabilité et équipé en 2025 (programme 1 400 ESSP)",
                            "Logement de fonction non occupé", "Accès difficile en hiver (piste)",
                            "Ambulance communale disponible", "Raccordé au réseau internet en 2026"}[ctx.random().nextInt(5)] : null;
                    essp.id = esspRows.add(essp.code, essp.name, essp.category, circ.id, circ.communeIds.get(communeIndex),
                            circ.urban ? "urban" : "rural", essp.deliveryUnit, lat, lon, essp.population, essp.functionality,
                            reason, hours, address, note);
                    essps.add(essp);
                }
            }
        }
    }

    /**
     * The point itself when it lies inside the province's outline, otherwise the first of a few draws around it
     * (then anywhere in the outline's box) that does: no synthetic ESSP in the sea or in the next province. The draws
     * come from their own generator seeded by the mission seed and {@code key}, so the rest of the mission is the
     * same whether or not a point had to move.
     */
    private double[] onLand(MapShape outline, double lat, double lon, double spread, String key) {
        if (outline == null || outline.contains(lon, lat)) {
            return new double[] {lat, lon};
        }
        SplittableRandom draws = new SplittableRandom(ctx.seed() * 31 + key.hashCode());
        for (int attempt = 0; attempt < 200; attempt++) {
            double a = lat + spread * gaussianOf(draws);
            double o = lon + spread * gaussianOf(draws);
            if (outline.contains(o, a)) {
                return new double[] {a, o};
            }
        }
        for (int attempt = 0; attempt < 5_000; attempt++) {
            double a = outline.minLat() + (outline.maxLat() - outline.minLat()) * draws.nextDouble();
            double o = outline.minLon() + (outline.maxLon() - outline.minLon()) * draws.nextDouble();
            if (outline.contains(o, a)) {
                return new double[] {a, o};
            }
        }
        return new double[] {lat, lon};
    }

    /** ESSPs per scoped province: proportional to population with a rural bias, at least 4 each. */
    private int[] allocate(int target) {
        double[] weights = new double[scoped.size()];
        double total = 0;
        for (int i = 0; i < scoped.size(); i++) {
            Province province = scoped.get(i);
            double bias = switch (province.type()) {
                case "province" -> 1.2;
                case "prefecture" -> 0.75;
                default -> 0.7;
            };
            weights[i] = province.population() * bias;
            total += weights[i];
        }
        int[] counts = new int[scoped.size()];
        double[] remainders = new double[scoped.size()];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            double raw = target * weights[i] / total;
            counts[i] = Math.max(4, (int) Math.floor(raw));
            remainders[i] = raw - Math.floor(raw);
            sum += counts[i];
        }
        while (sum < target) {
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            sum++;
        }
        return counts;
    }
}
