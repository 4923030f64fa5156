package ma.essp.diag.database.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.database.mission.SqlitePragmas;

/** One run of the demo generator over one connection, in one transaction. All randomness comes from the seed. */
final class Generation {

    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final String[] GENERAL_DOMAINS = {"basic_amenities", "basic_equipment", "standard_precautions",
            "diagnostic_capacity", "essential_medicines"};

    private final Connection connection;
    private final DemoScale scale;
    private final long seed;
    private final DemoProgress progress;
    private final SplittableRandom random;
    /** Province outlines by ISO code, to keep synthetic ESSPs on land and in their province. */
    private final Map<String, MapShape> outlines = new java.util.HashMap<>();
    private final SplittableRandom uuids;
    private final Names names;
    private final Map<String, Rows> rows = new LinkedHashMap<>();

    // reference data
    private final List<Region> regions = new ArrayList<>();
    private final List<Province> provinces = new ArrayList<>();
    private final Map<Integer, Integer> drsByRegion = new LinkedHashMap<>();
    private final Map<Integer, Integer> sresByRegion = new LinkedHashMap<>();
    private final Map<Integer, Integer> gstByRegion = new LinkedHashMap<>();
    private final Map<Integer, Integer> delegationByProvince = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();

    // generated
    private final List<Province> scoped = new ArrayList<>();
    private final List<Region> scopedRegions = new ArrayList<>();
    private final List<Circ> circs = new ArrayList<>();
    private final List<Essp> essps = new ArrayList<>();
    private final List<Position> structurePositions = new ArrayList<>();
    private final List<Integer> teamIds = new ArrayList<>();
    private final List<String> teamNames = new ArrayList<>();
    private final Stats stats = new Stats();
    private final String author;
    private final String authorUuid;

    /**
     * @param author the full name of the team member who generates the mission (every row names them), or null for
     *               the synthetic team leader
     */
    Generation(Connection connection, DemoScale scale, long seed, String author, DemoProgress progress) {
        this.connection = connection;
        this.author = author;
        // its own stream, so that the other uuids stay what they were before rows named their author
        this.authorUuid = Rows.uuid(new SplittableRandom(seed ^ 0x5EED_A07B_0000_0001L));
        this.scale = scale;
        this.seed = seed;
        MapOutlines.shipped().provinces().forEach(shape -> outlines.put(shape.isoCode(), shape));
        this.progress = progress;
        this.random = new SplittableRandom(seed);
        this.uuids = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
        this.names = new Names(random);
    }

    Map<String, Integer> run() throws SQLException {
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            SqlitePragmas.deferForeignKeys(connection);
            // the uuid indexes receive random keys: a larger page cache avoids most of the page reloads
            SqlitePragmas.cacheSize(connection, 131_072);
            loadReference();
            step("Référentiels chargés", 0.02);
            mission();
            step("Mission et équipe", 0.04);
            territory();
            step("Circonscriptions, communes et ESSP", 0.15);
            humanResources();
            step("Ressources humaines", 0.30);
            circonscriptionOrganisation();
            step("Organisation des circonscriptions", 0.35);
            assessments();
            step("Évaluations PMS (SARA)", 0.75);
            dataFlows();
            step("Flux de données", 0.78);
            complaints();
            step("Réclamations", 0.86);
            perpetratorCare();
            step("Prise en charge des auteurs de violences", 0.88);
            training();
            step("Formation", 0.92);
            findings();
            step("Constats et recommandations", 0.94);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Rows table : rows.values()) {
                table.close();
                counts.put(table.table(), table.count());
            }
            DemoMissionGenerator.checkInterrupted();
            connection.commit();
            committed = true;
            step("Enregistré", 0.98);
            return counts;
        } finally {
            for (Rows table : rows.values()) {
                try {
                    table.close();
                } catch (SQLException ignored) {
                    // already failing: the transaction is rolled back below
                }
            }
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            SqlitePragmas.cacheSize(connection, SqlitePragmas.DEFAULT_CACHE_KIB);
        }
    }

    private void step(String what, double fraction) {
        DemoMissionGenerator.checkInterrupted();
        progress.step(what, fraction);
    }

    private Rows rows(String table, String... columns) throws SQLException {
        Rows existing = rows.get(table);
        if (existing == null) {
            existing = new Rows(connection, uuids, authorUuid, table, columns);
            rows.put(table, existing);
        }
        return existing;
    }

    // ------------------------------------------------------------------ model

    record Region(int id, String code, String name, int population) {
    }

    /** {@code isoCode}: the map outline it lies in (a préfecture d'arrondissements: its prefecture's). */
    record Province(int id, String code, String digits, int regionId, Integer parentId, String type, String name,
                    int population, String isoCode) {
        boolean urbanType() {
            return !"province".equals(type);
        }
    }

    record Service(int id, String code, Map<String, String> requirements) {
    }

    record Item(int id, String code, int serviceId, String domain, boolean inScope, double ease) {
    }

    static final class Circ {
        int id;
        Province province;
        boolean urban;
        String code;
        String place;
        final List<Integer> communeIds = new ArrayList<>();
        final List<String> communeNames = new ArrayList<>();
        final List<Essp> essps = new ArrayList<>();
        int population;
        String headName;
    }

    static final class Essp {
        int id;
        String code;
        String name;
        String category;
        Circ circ;
        boolean deliveryUnit;
        Integer population;
        double quality;
        String functionality;
        final List<Position> positions = new ArrayList<>();
    }

    record Position(int id, String cadre, boolean filled, String gender, String holder, String title, Integer esspId,
                    Integer structureId, int regionId, String structureKind) {
    }

    static final class Stats {
        int positions;
        int vacant;
        int esspWithoutDoctor;
        int deliveryWithoutMidwife;
        int deliveryUnits;
        int samples;
        int acknowledgedIn15;
        int closedIn60;
        int systemsWithRegister;
        int systemsWithChikayaLink;
        double readinessSum;
        int readinessCount;
    }

    // ------------------------------------------------------------------ helpers

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private double gaussian() {
        return gaussianOf(random);
    }

    private static double gaussianOf(SplittableRandom stream) {
        // Box-Muller on the seeded stream, with StrictMath so that every JVM and CPU gives the same values
        double u = 1.0 - stream.nextDouble();
        double v = stream.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    private int between(int low, int highInclusive) {
        return low + random.nextInt(highInclusive - low + 1);
    }

    private LocalDate dateBetween(LocalDate from, LocalDate toInclusive) {
        long days = toInclusive.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    /** Index drawn with the given (non-negative) weights. */
    private int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double round(double value, int decimals) {
        double factor = StrictMath.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }

    private Region region(int id) {
        for (Region region : regions) {
            if (region.id() == id) {
                return region;
            }
        }
        throw new IllegalStateException("no region " + id);
    }

    // ------------------------------------------------------------------ reference data

    private void loadReference() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id, code, name_fr, population_2024 FROM region ORDER BY id")) {
                while (rs.next()) {
                    regions.add(new Region(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT p.id, p.code, p.region_id, p.parent_province_id, p.type, p.name_fr, p.population_2024,"
                            + " COALESCE(p.iso_code, (SELECT q.iso_code FROM province q WHERE q.id = p.parent_province_id))"
                            + " FROM province p ORDER BY p.id")) {
                while (rs.next()) {
                    String code = rs.getString(2);
                    int parent = rs.getInt(4);
                    Integer parentId = rs.wasNull() ? null : parent;
                    provinces.add(new Province(rs.getInt(1), code, code.replace(".", ""), rs.getInt(3),
                            parentId, rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT id, kind, region_id, province_id FROM structure WHERE deleted = 0 ORDER BY id")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    switch (rs.getString(2)) {
                        case "drs" -> drsByRegion.put(rs.getInt(3), id);
                        case "sres" -> sresByRegion.put(rs.getInt(3), id);
                        case "gst" -> gstByRegion.put(rs.getInt(3), id);
                        case "delegation" -> delegationByProvince.put(rs.getInt(4), id);
                        default -> { }
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT id, code FROM pms_service WHERE version_id = 1 AND deleted = 0 ORDER BY sort_order, id")) {
                while (rs.next()) {
                    services.add(new Service(rs.getInt(1), rs.getString(2), new LinkedHashMap<>()));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT service_id, category_code, requirement FROM pms_service_requirement WHERE deleted = 0 ORDER BY id")) {
                while (rs.next()) {
                    int serviceId = rs.getInt(1);
                    for (Service service : services) {
                        if (service.id() == serviceId) {
                            service.requirements().put(rs.getString(2), rs.getString(3));
                        }
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, code, coalesce(service_id, 0), domain_code, in_scope "
                    + "FROM pms_item WHERE version_id = 1 AND deleted = 0 ORDER BY coalesce(service_id, 0), sort_order, id")) {
                while (rs.next()) {
                    String domain = rs.getString(4);
                    double shift = switch (domain) {
                        case "basic_amenities" -> 0.06;
                        case "essential_medicines", "medicines_commodities" -> -0.05;
                        case "diagnostic_capacity", "diagnostics" -> -0.08;
                        default -> 0.0;
                    };
                    items.add(new Item(rs.getInt(1), rs.getString(2), rs.getInt(3), domain, rs.getBoolean(5),
                            uniform(-0.26, 0.16) + shift));
                }
            }
        }
    }

    // ------------------------------------------------------------------ mission and team

    private void mission() throws SQLException {
        String label = switch (scale) {
            case SMALL -> "petite échelle : Tétouan et Chefchaouen";
            case REGION -> "échelle régionale : Souss-Massa";
            case NATIONAL -> "échelle nationale : 12 régions";
        };
        rows("mission", "name", "description", "started_on", "ended_on", "as_of_date", "synthetic", "demo_scale", "demo_seed",
                "created_at").add(
                "Mission de démonstration — données synthétiques — " + label + " (synthétique)",
                "Mission de démonstration (synthétique) générée automatiquement (graine " + seed + ", " + scale.code()
                        + ") : les territoires sont réels, mais les circonscriptions, ESSP, personnels, évaluations, "
                        + "réclamations et formations sont fictifs. Ne pas utiliser pour des décisions.",
                LocalDate.of(2026, 1, 12), LocalDate.of(2026, 12, 18), AS_OF, true, scale.code(), seed, Rows.UPDATED_AT);
        String[][] team = {
                {"team_leader", "f"}, {"key_expert", "m"}, {"key_expert", "f"}, {"expert", "m"}, {"expert", "f"}, {"assistant", "m"}};
        Rows members = rows("team_member", "full_name", "initials", "role", "email", "laptop_label");
        for (int i = 0; i < team.length; i++) {
            String name = names.person(team[i][1]);
            String[] parts = name.split(" ");
            String initials = (parts[0].charAt(0) + "" + parts[parts.length - 1].charAt(0)).toUpperCase();
            if (i == 0) {
                Rows.uuid(uuids); // drawn and unused: every other uuid stays what it was
                // the team leader generates the mission (or the consultant named by --as, in the leader's place)
                String fullName = author == null ? name + " (synthétique)" : author;
                teamIds.add(members.addWithUuid(authorUuid, fullName, author == null ? initials : initials(author),
                        team[i][0], "consultant" + (i + 1) + "@demo.invalid", "PC-DEMO-" + (i + 1)));
                teamNames.add(author == null ? name : author);
                continue;
            }
            teamIds.add(members.add(name + " (synthétique)", initials, team[i][0],
                    "consultant" + (i + 1) + "@demo.invalid", "PC-DEMO-" + (i + 1)));
            teamNames.add(name);
        }
    }

    private static String initials(String fullName) {
        String[] parts = fullName.strip().split("\\s+");
        return (parts[0].charAt(0) + "" + parts[parts.length - 1].charAt(0)).toUpperCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ territory

    private void territory() throws SQLException {
        for (Province province : provinces) {
            boolean isParent = provinces.stream().anyMatch(p -> p.parentId() != null && p.parentId() == province.id());
            boolean in = switch (scale) {
                case SMALL -> province.code().equals("01.571") || province.code().equals("01.151");
                case REGION -> province.code().startsWith("09.");
                case NATIONAL -> true;
            };
            if (in && !isParent) {
                scoped.add(province);
            }
        }
        for (Region region : regions) {
            if (scoped.stream().anyMatch(p -> p.regionId() == region.id())) {
                scopedRegions.add(region);
            }
        }
        long population = scoped.stream().mapToLong(Province::population).sum();
        int target = switch (scale) {
            case SMALL -> 56;
            case REGION -> 300;
            case NATIONAL -> (int) Math.round(population / 12_000.0);
        };
        double perCirc = switch (scale) {
            case SMALL -> 7.0;
            case REGION -> 8.5;
            case NATIONAL -> 8.7;
        };
        int[] counts = allocate(target);

        // GSTs: all created by decree in April 2025; Tanger-Tétouan-Al Hoceima is the pilot that took over first
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE structure SET created_on = ?, takeover_on = ?, updated_at = ?, updated_by = ? WHERE kind = 'gst'"
                        + " AND region_id = ?")) {
            for (Region region : regions) {
                update.setString(1, "2025-04-15");
                update.setString(2, region.code().equals("01") ? "2025-10-01" : null);
                update.setString(3, Rows.UPDATED_AT);
                update.setString(4, authorUuid);
                update.setInt(5, region.id());
                update.addBatch();
            }
            update.executeBatch();
        }

        Rows circRows = rows("circonscription", "province_id", "code", "name_fr", "milieu", "coverage", "seat", "head_name",
                "population", "notes");
        Rows communeRows = rows("commune", "province_id", "circonscription_id", "name_fr", "kind", "population");
        Rows esspRows = rows("essp", "code", "name_fr", "category_code", "circonscription_id", "commune_id", "milieu",
                "delivery_unit", "latitude", "longitude", "population_served", "functionality", "functionality_reason",
                "opening_hours", "address", "notes");
        for (int p = 0; p < scoped.size(); p++) {
            Province province = scoped.get(p);
            int n = counts[p];
            int circCount = Math.min(n, Math.max(2, (int) Math.round(n / perCirc)));
            int urbanCount = switch (province.type()) {
                case "prefecture_of_arrondissements" -> circCount;
                case "prefecture" -> Math.max(1, (int) Math.round(circCount * 0.75));
                default -> circCount >= 7 ? 2 : circCount >= 3 ? 1 : (chance(0.4) ? 1 : 0);
            };
            List<Circ> provinceCircs = new ArrayList<>();
            for (int c = 0; c < circCount; c++) {
                Circ circ = new Circ();
                circ.province = province;
                circ.urban = c < urbanCount;
                circ.code = province.digits() + "-C" + String.format("%02d", c + 1);
                circ.place = circ.urban ? (c == 0 ? province.name() : names.district()) : names.ruralPlace();
                circ.headName = names.person();
                provinceCircs.add(circ);
            }
            // every circonscription gets one ESSP, the rest go by weight (urban ones are denser)
            int[] perCircCount = new int[circCount];
            double[] weights = new double[circCount];
            for (int c = 0; c < circCount; c++) {
                perCircCount[c] = 1;
                weights[c] = provinceCircs.get(c).urban ? 1.2 : 1.0;
                weights[c] *= uniform(0.6, 1.4);
            }
            for (int i = circCount; i < n; i++) {
                perCircCount[weighted(weights)]++;
            }
            double provinceEffect = 0.06 * gaussian();
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
                            ? new String[] {"CSU-1", "CSU-2", "CSU", "CDTMR", "UMM"}[weighted(50, 32, 12, 3, 1.5)]
                            : new String[] {"DR", "CSR-1", "CSR-2", "CSC", "CSCA", "UMM", "MM"}[weighted(27, 37, 22, 5, 4, 3, 2)];
                    essp.deliveryUnit = switch (essp.category) {
                        case "CSR-2", "CSCA", "MM" -> true;
                        case "CSU-2" -> chance(0.3);
                        default -> false;
                    };
                    essp.functionality = new String[] {"fully", "partially", "not_functioning"}[weighted(85, 10, 5)];
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
                    essp.quality = clamp(0.68 + categoryEffect + provinceEffect + functionalityEffect + 0.13 * gaussian(),
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
                    popWeights.add(w * StrictMath.exp(0.35 * gaussian()));
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
                int communeCount = circ.urban ? 1 : between(2, 4);
                for (int k = 0; k < communeCount; k++) {
                    circ.communeNames.add(circ.urban ? (bigCity ? "Arrondissement " : "Commune urbaine ") + circ.place
                            : (k == 0 ? circ.place : names.ruralPlace()));
                }
                String coverage = circ.urban ? circ.communeNames.getFirst()
                        : "Caïdat de " + circ.place + " : communes " + String.join(", ", circ.communeNames);
                circ.id = circRows.add(province.id(), circ.code,
                        "Circonscription sanitaire " + (circ.urban ? "urbaine " : "rurale ") + circ.place,
                        circ.urban ? "urban" : "rural", coverage, circ.place, circ.headName + " (synthétique)",
                        circ.population, chance(0.1) ? "Siège partagé avec le CSR-2 de la circonscription" : null);
                circs.add(circ);
                int remaining = circ.population;
                for (int k = 0; k < communeCount; k++) {
                    int share = k == communeCount - 1 ? remaining : (int) (remaining * uniform(0.25, 0.6));
                    remaining -= share;
                    String kind = circ.urban ? (bigCity ? "arrondissement" : "urban_commune") : "rural_commune";
                    circ.communeIds.add(communeRows.add(province.id(), circ.id, circ.communeNames.get(k), kind, share));
                }
                double circLat = centre[0] + spread * gaussian();
                double circLon = centre[1] + spread * gaussian();
                double[] circCentre = onLand(outline, circLat, circLon, spread, circ.code);
                circLat = circCentre[0];
                circLon = circCentre[1];
                for (Essp essp : circ.essps) {
                    int communeIndex = random.nextInt(circ.communeIds.size());
                    String place = circ.urban ? names.urbanPlace() : names.ruralPlace();
                    for (int attempt = 0; attempt < 5 && !usedPlaces.add(place); attempt++) {
                        place = circ.urban ? names.urbanPlace() : names.ruralPlace();
                    }
                    essp.name = switch (essp.category) {
                        case "CDTMR" -> "CDTMR " + province.name();
                        case "UMM" -> "Unité médicale mobile " + circ.place;
                        case "MM" -> "Maison de maternité " + place;
                        default -> essp.category + " " + place;
                    };
                    Double lat = null;
                    Double lon = null;
                    if (!chance(0.05)) {
                        double local = circ.urban ? 0.01 : spread / 3;
                        double[] point = onLand(outline, circLat + local * gaussian(), circLon + local * gaussian(), local,
                                essp.code);
                        lat = round(clamp(point[0], 20.9, 35.85), 5);
                        lon = round(clamp(point[1], -17.05, -1.05), 5);
                    }
                    String reason = switch (essp.functionality) {
                        case "partially" -> new String[] {"Travaux de réhabilitation en cours (programme 1 400 ESSP)",
                                "Un seul infirmier pour toutes les activités", "Coupures d'eau fréquentes",
                                "Absence de médecin depuis plusieurs mois"}[random.nextInt(4)];
                        case "not_functioning" -> new String[] {"Fermé pour reconstruction", "Aucun personnel affecté",
                                "Bâtiment endommagé, activités transférées au centre voisin"}[random.nextInt(3)];
                        default -> null;
                    };
                    String hours = switch (essp.category) {
                        case "UMM" -> "Tournées selon le planning mensuel de la délégation";
                        case "DR" -> "Lun-Ven 08:30-16:30 (infirmier itinérant certains jours)";
                        default -> essp.deliveryUnit ? "Consultations 08:30-16:30 ; unité d'accouchement 24h/24"
                                : chance(0.3) ? "Lun-Sam 08:00-18:00 ; permanence le week-end" : "Lun-Ven 08:30-16:30";
                    };
                    String address = (circ.urban ? place + ", " : "Douar " + names.root() + ", commune ")
                            + circ.communeNames.get(communeIndex);
                    String note = chance(0.08) ? new String[] {"Réhabilité et équipé en 2025 (programme 1 400 ESSP)",
                            "Logement de fonction non occupé", "Accès difficile en hiver (piste)",
                            "Ambulance communale disponible", "Raccordé au réseau internet en 2026"}[random.nextInt(5)] : null;
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
        SplittableRandom draws = new SplittableRandom(seed * 31 + key.hashCode());
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

    // ------------------------------------------------------------------ human resources

    private void humanResources() throws SQLException {
        Rows positions = rows("staff_position", "essp_id", "structure_id", "cadre_code", "employer", "status", "fte", "gender",
                "holder_name", "job_title", "notes");
        for (Essp essp : essps) {
            List<String> cadres = template(essp);
            boolean noDoctor = (essp.category.startsWith("CSR") || essp.category.startsWith("CSC")) && chance(0.08);
            boolean noMidwife = essp.deliveryUnit && chance(0.05);
            if (essp.deliveryUnit) {
                stats.deliveryUnits++;
                if (noMidwife) {
                    stats.deliveryWithoutMidwife++;
                    cadres.removeIf("midwife"::equals);
                }
            }
            boolean hasDoctor = false;
            int doctorIndex = 0;
            for (String cadre : cadres) {
                String status = new String[] {"filled", "vacant", "contract", "on_leave", "seconded"}[weighted(85, 7, 4, 2, 2)];
                if (noDoctor && cadre.equals("doctor_gp")) {
                    status = "vacant";
                }
                Position position = position(positions, cadre, status, essp.id, null, region(essp.circ.province.regionId()),
                        null, cadre.equals("doctor_gp") && doctorIndex++ == 0 ? "Médecin chef" : null);
                essp.positions.add(position);
                hasDoctor |= cadre.startsWith("doctor") && position.filled();
            }
            if (!hasDoctor && !essp.category.equals("DR") && !essp.category.equals("MM")) {
                stats.esspWithoutDoctor++;
            }
        }
        for (Region region : scopedRegions) {
            addStructureStaff(positions, drsByRegion.get(region.id()), region, "drs", between(8, 12));
            addStructureStaff(positions, sresByRegion.get(region.id()), region, "sres", between(6, 10));
            if (region.code().equals("01")) {
                addStructureStaff(positions, gstByRegion.get(region.id()), region, "gst", between(5, 8));
            }
        }
        for (Province province : scoped) {
            Integer delegation = delegationByProvince.get(province.id());
            if (delegation != null) {
                addStructureStaff(positions, delegation, region(province.regionId()), "delegation", between(14, 24));
            }
        }

        Rows trainings = rows("staff_training", "staff_position_id", "title", "topic", "year", "hours");
        String[][] courses = {
                {"Prise en charge intégrée des maladies de l'enfant", "PCIME"},
                {"Santé mentale en soins primaires (mhGAP)", "santé mentale"},
                {"Prévention et contrôle des infections", "hygiène"},
                {"Soins obstétricaux et néonatals d'urgence (SONU)", "santé maternelle"},
                {"Counseling en planification familiale", "PF"},
                {"Gestion des médicaments et des stocks", "logistique"},
                {"Système d'information sanitaire et indicateurs", "information sanitaire"},
                {"Accueil et communication avec les usagers", "qualité"},
                {"Prise en charge des femmes et enfants victimes de violence", "violence"},
                {"Chaîne du froid et vaccination", "PNI"}};
        List<Position> all = new ArrayList<>();
        essps.forEach(e -> all.addAll(e.positions));
        all.addAll(structurePositions);
        all.sort((a, b) -> Integer.compare(a.id(), b.id()));
        for (Position position : all) {
            if (!position.filled() || position.cadre().equals("support_staff")) {
                continue;
            }
            int n = chance(0.22) ? (chance(0.25) ? 2 : 1) : 0;
            for (int i = 0; i < n; i++) {
                String[] course = courses[random.nextInt(courses.length)];
                trainings.add(position.id(), course[0], course[1], between(2019, 2026), (double) between(6, 40));
            }
        }

        Rows relations = rows("hr_relation", "region_id", "function_code", "holder_today", "holder_under_gst", "notes");
        String[][] functions = {
                {"career_management", "ministry", "gst"}, {"postings", "ministry", "gst"}, {"payroll", "ministry", "shared"},
                {"evaluation", "delegation", "gst"}, {"continuing_training", "drs", "gst"}, {"discipline", "ministry", "shared"}};
        for (Region region : scopedRegions) {
            boolean pilot = region.code().equals("01");
            for (String[] function : functions) {
                String today = pilot && !function[0].equals("payroll") && chance(0.6) ? "gst" : function[1];
                String underGst = chance(0.1) ? "unknown" : function[2];
                String note = pilot ? "GST pilote : transfert effectif depuis le 1er octobre 2025 (synthétique)"
                        : chance(0.3) ? "Textes d'application en préparation" : null;
                relations.add(region.id(), function[0], today, underGst, note);
            }
        }
    }

    private void addStructureStaff(Rows positions, Integer structureId, Region region, String kind, int count)
            throws SQLException {
        if (structureId == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            String cadre = i == 0 ? "doctor_gp"
                    : new String[] {"doctor_gp", "nurse", "health_technician", "administrator", "support_staff", "nurse_specialist"}
                            [weighted(2, 3, 2, 3, 2, 1)];
            String title = i == 0 ? switch (kind) {
                case "delegation" -> "Délégué(e) provincial(e)";
                case "sres" -> "Chef du SRES";
                case "drs" -> "Directeur(rice) régional(e)";
                default -> "Directeur(rice) général(e) du GST";
            } : null;
            String status = i == 0 ? "filled" : new String[] {"filled", "vacant", "seconded"}[weighted(88, 8, 4)];
            structurePositions.add(position(positions, cadre, status, null, structureId, region, kind, title));
        }
    }

    private Position position(Rows positions, String cadre, String status, Integer esspId, Integer structureId, Region region,
                              String structureKind, String forcedTitle) throws SQLException {
        boolean filled = !status.equals("vacant");
        double femaleShare = switch (cadre) {
            case "midwife" -> 0.97;
            case "nurse", "nurse_specialist" -> 0.65;
            case "doctor_gp", "doctor_specialist", "dentist" -> 0.55;
            case "support_staff" -> 0.3;
            default -> 0.5;
        };
        String gender = filled ? (chance(femaleShare) ? "f" : "m") : null;
        String employer = structureKind == null && cadre.equals("support_staff") && chance(0.3) ? "commune"
                : region.code().equals("01") && chance(0.15) ? "gst"
                : chance(0.03) ? "other" : "ministry";
        double fte = filled && chance(0.08) ? 0.5 : 1.0;
        String title = forcedTitle != null ? forcedTitle : switch (cadre) {
            case "doctor_gp" -> "Médecin généraliste";
            case "doctor_specialist" -> "Médecin pneumo-phtisiologue";
            case "nurse" -> "Infirmier(ère) polyvalent(e)";
            case "midwife" -> "Sage-femme";
            case "nurse_specialist" -> "Infirmier(ère) en santé mentale";
            case "health_technician" -> chance(0.5) ? "Technicien(ne) de laboratoire" : "Technicien(ne) d'hygiène";
            case "dentist" -> "Chirurgien-dentiste";
            case "social_worker" -> "Assistant(e) social(e)";
            case "administrator" -> structureKind == null ? "Gestionnaire" : "Administrateur(rice)";
            default -> new String[] {"Agent d'accueil", "Chauffeur", "Gardien", "Agent d'entretien"}[random.nextInt(4)];
        };
        String holder = filled ? names.person(gender) : null;
        String note = status.equals("vacant") ? (chance(0.5) ? "Poste vacant depuis le départ à la retraite du titulaire"
                : "Poste budgété non pourvu") : null;
        int id = positions.add(esspId, structureId, cadre, employer, status, fte, gender, holder, title, note);
        stats.positions++;
        if (!filled) {
            stats.vacant++;
        }
        return new Position(id, cadre, filled, gender, holder, title, esspId, structureId, region.id(), structureKind);
    }

    /** The positions of an ESSP by category: about 9-10 on average. */
    private List<String> template(Essp essp) {
        List<String> cadres = new ArrayList<>();
        switch (essp.category) {
            case "DR" -> add(cadres, "nurse", between(1, 2), "support_staff", between(0, 1));
            case "CSR-1", "CSC" -> add(cadres, "doctor_gp", 1, "nurse", between(2, 4), "health_technician", between(0, 1),
                    "administrator", between(0, 1), "support_staff", between(1, 3));
            case "CSR-2", "CSCA" -> add(cadres, "doctor_gp", between(1, 2), "nurse", between(3, 5), "midwife", between(3, 4),
                    "health_technician", 1, "administrator", 1, "support_staff", between(2, 4));
            case "CSU-1", "CSU" -> add(cadres, "doctor_gp", between(1, 3), "nurse", between(3, 5), "health_technician",
                    between(0, 1), "dentist", between(0, 1), "administrator", 1, "support_staff", between(1, 3));
            case "CSU-2" -> add(cadres, "doctor_gp", between(2, 4), "nurse", between(4, 7), "midwife",
                    essp.deliveryUnit ? between(3, 4) : between(1, 2), "health_technician", between(1, 2), "dentist", 1,
                    "nurse_specialist", between(0, 1), "social_worker", between(0, 1), "administrator", 1,
                    "support_staff", between(2, 4));
            case "CDTMR" -> add(cadres, "doctor_specialist", 1, "doctor_gp", 1, "nurse", between(2, 4), "health_technician", 2,
                    "administrator", 1, "support_staff", 2);
            case "UMM" -> add(cadres, "doctor_gp", 1, "nurse", 2, "support_staff", 1);
            case "MM" -> add(cadres, "midwife", between(2, 3), "nurse", 1, "support_staff", between(1, 2));
            default -> throw new IllegalStateException(essp.category);
        }
        return cadres;
    }

    private static void add(List<String> cadres, Object... cadreAndCount) {
        for (int i = 0; i < cadreAndCount.length; i += 2) {
            for (int k = 0; k < (Integer) cadreAndCount[i + 1]; k++) {
                cadres.add((String) cadreAndCount[i]);
            }
        }
    }

    // ------------------------------------------------------------------ circonscriptions

    private void circonscriptionOrganisation() throws SQLException {
        Rows functions = rows("circonscription_function", "circonscription_id", "function_code", "held", "holder", "staff_count",
                "notes");
        String[] codes = {"planning", "programme_monitoring", "supervision", "data_collection", "complaint_follow_up", "training"};
        double[][] heldWeights = {{40, 40, 20}, {55, 35, 10}, {50, 35, 15}, {70, 25, 5}, {15, 30, 55}, {25, 40, 35}};
        String[] holders = {"Médecin chef de circonscription", "Infirmier(ère) coordinateur(trice)",
                "Équipe de la délégation", "Major du centre de santé siège"};
        for (Circ circ : circs) {
            for (int f = 0; f < codes.length; f++) {
                String held = new String[] {"held", "partial", "not_held"}[weighted(heldWeights[f])];
                functions.add(circ.id, codes[f], held, held.equals("not_held") ? null : holders[random.nextInt(holders.length)],
                        held.equals("not_held") ? 0.0 : round(uniform(0.5, 3.0), 1),
                        held.equals("partial") && chance(0.3) ? "Faute de moyens de déplacement" : null);
            }
        }
        Rows visits = rows("supervision_visit", "circonscription_id", "essp_id", "visited_on", "supervisor", "findings");
        String[] remarks = {"Registres à jour", "Rupture de contraceptifs injectables", "Chaîne du froid conforme",
                "Retard dans la transmission des rapports mensuels", "Propreté à améliorer", "Tableau d'affichage des horaires absent",
                "Bonne tenue du registre des réclamations", "Matériel de stérilisation en panne"};
        for (Essp essp : essps) {
            for (int year = 2025; year <= 2026; year++) {
                int n = weighted(15, 25, 30, 20, 10);
                LocalDate from = LocalDate.of(year, 1, 5);
                LocalDate to = year == 2026 ? AS_OF.minusDays(5) : LocalDate.of(year, 12, 20);
                for (int i = 0; i < n; i++) {
                    visits.add(essp.circ.id, essp.id, dateBetween(from, to), essp.circ.headName,
                            remarks[random.nextInt(remarks.length)]);
                }
            }
        }
    }

    // ------------------------------------------------------------------ PMS assessments

    private void assessments() throws SQLException {
        Rows assessmentRows = rows("assessment", "essp_id", "catalogue_version_id", "assessed_on", "assessor_id", "assessor_name",
                "status", "notes");
        Rows serviceRows = rows("assessment_service", "assessment_id", "service_id", "offered");
        Rows answerRows = rows("assessment_answer", "assessment_id", "item_id", "state", "source", "comment");
        String[] comments = {"Rupture de stock depuis deux mois", "En panne, demande de réparation envoyée",
                "Vu dans la salle de soins", "Déclaré par le major, non vérifié", "Périmé : aucune unité valide"};
        int done = 0;
        for (Essp essp : essps) {
            if (++done % 200 == 0) {
                DemoMissionGenerator.checkInterrupted();
            }
            boolean complete = chance(0.95);
            int assessor = random.nextInt(teamIds.size());
            int assessmentId = assessmentRows.add(essp.id, 1, dateBetween(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 10, 23)),
                    teamIds.get(assessor), teamNames.get(assessor), complete ? "complete" : "in_progress",
                    complete ? null : "Visite à compléter (magasin fermé le jour de la visite)");
            List<Integer> offered = new ArrayList<>();
            for (Service service : services) {
                boolean offers = offers(essp, service);
                serviceRows.add(assessmentId, service.id(), offers);
                if (offers) {
                    offered.add(service.id());
                }
            }
            double missingRate = complete ? 0.025 : 0.18;
            int available = 0;
            int counted = 0;
            for (Item item : items) {
                if (item.serviceId() != 0 && !offered.contains(item.serviceId())) {
                    continue;
                }
                String state;
                String source;
                String comment = null;
                if (!item.inScope()) {
                    state = "not_applicable";
                    source = null;
                    comment = "Paludisme non endémique au Maroc";
                } else if (chance(missingRate)) {
                    state = "missing";
                    source = null;
                } else if (chance(0.006)) {
                    state = "not_applicable";
                    source = "observed";
                } else {
                    double p = clamp(essp.quality + item.ease(), 0.03, 0.98);
                    if (chance(p)) {
                        state = "available_functioning";
                    } else {
                        boolean equipment = item.domain().contains("equipment") || item.domain().equals("basic_amenities");
                        state = chance(equipment ? 0.35 : 0.12) ? "available_not_functioning" : "absent";
                    }
                    boolean medicine = item.domain().contains("medicines");
                    source = medicine || chance(0.85) ? "observed" : "reported";
                    if (chance(0.01)) {
                        comment = comments[random.nextInt(comments.length)];
                    }
                }
                if (item.serviceId() == 0 && item.inScope() && !state.equals("not_applicable")) {
                    counted++;
                    if (state.equals("available_functioning")) {
                        available++;
                    }
                }
                answerRows.add(assessmentId, item.id(), state, source, comment);
            }
            if (counted > 0) {
                stats.readinessSum += 100.0 * available / counted;
                stats.readinessCount++;
            }
        }
    }

    private boolean offers(Essp essp, Service service) {
        String code = service.code();
        if (code.equals("DELIVERY")) {
            return essp.deliveryUnit ? chance(0.95) : chance(0.01);
        }
        String category = switch (essp.category) {
            case "CSC" -> "CSR-1";
            case "CSCA" -> "CSR-2";
            case "CSU" -> "CSU-1";
            default -> essp.category;
        };
        String requirement = service.requirements().get(category);
        if (requirement == null) {
            List<String> profile = switch (category) {
                case "CDTMR" -> List.of("TB", "STI_HIV", "EPI_SURV", "HEALTH_EDU");
                case "UMM" -> List.of("ANC", "FP", "IMMUNISATION", "GROWTH", "DIAB_HTA", "HEALTH_EDU");
                case "MM" -> List.of("ANC", "PNC", "FP", "HEALTH_EDU");
                default -> List.of();
            };
            return profile.contains(code) ? chance(0.9) : chance(0.03);
        }
        double quality = essp.quality - 0.6;
        return switch (requirement) {
            case "required" -> chance(clamp(0.92 + quality * 0.3, 0.6, 0.99));
            case "optional" -> chance(clamp(0.45 + quality, 0.1, 0.9));
            default -> chance(0.04);
        };
    }

    // ------------------------------------------------------------------ data flows

    private void dataFlows() throws SQLException {
        Rows reportRows = rows("report_type", "code", "name_fr", "name_en", "programme", "periodicity", "tool");
        String[][] reports = {
                {"SMI-MAT", "Rapport mensuel de santé maternelle", "Monthly maternal health report", "Santé maternelle et infantile", "monthly", "smi_pf"},
                {"SMI-PF", "Rapport mensuel de planification familiale", "Monthly family planning report", "Planification familiale", "monthly", "smi_pf"},
                {"PNI-M", "Rapport mensuel de vaccination", "Monthly immunisation report", "Programme national d'immunisation", "monthly", "paper"},
                {"TB-Q", "Rapport trimestriel de détection et de traitement de la tuberculose", "Quarterly TB report", "Lutte antituberculeuse", "quarterly", "isilat"},
                {"MDO-H", "Relevé hebdomadaire des maladies à déclaration obligatoire", "Weekly notifiable diseases report", "Surveillance épidémiologique", "weekly", "excel"},
                {"NUT-M", "Rapport mensuel de surveillance de la croissance", "Monthly growth monitoring report", "Santé de l'enfant", "monthly", "paper"},
                {"PCIME-M", "Rapport mensuel PCIME", "Monthly IMCI report", "Santé de l'enfant", "monthly", "paper"},
                {"NCD-M", "Rapport mensuel diabète et hypertension", "Monthly diabetes and hypertension report", "Maladies non transmissibles", "monthly", "excel"},
                {"CANC-Q", "Rapport trimestriel de dépistage des cancers du sein et du col", "Quarterly cancer screening report", "Maladies non transmissibles", "quarterly", "excel"},
                {"ACT-M", "Rapport mensuel d'activités de l'ESSP (SNIS)", "Monthly ESSP activity report", "Système national d'information sanitaire", "monthly", "dhis2"},
                {"SSU-A", "Bilan annuel de santé scolaire et universitaire", "Annual school health report", "Santé scolaire", "annual", "paper"},
                {"VIOL-S", "Rapport semestriel de prise en charge des victimes de violence", "Half-yearly violence care report", "Violence fondée sur le genre", "semiannual", "paper"}};
        int[] reportIds = new int[reports.length];
        for (int r = 0; r < reports.length; r++) {
            String[] report = reports[r];
            reportIds[r] = reportRows.add(report[0], report[1], report[2], report[3], report[4], report[5]);
        }
        Rows flows = rows("data_flow", "report_type_id", "from_level", "to_level", "region_id", "province_id", "channel",
                "expected_delay_days", "notes");
        Rows observations = rows("data_flow_observation", "data_flow_id", "essp_id", "period", "reports_expected",
                "reports_received", "received_on_time", "observed_delay_days", "notes");
        for (Region region : scopedRegions) {
            boolean pilot = region.code().equals("01");
            int esspCount = (int) essps.stream().filter(e -> e.circ.province.regionId() == region.id()).count();
            int circCount = (int) circs.stream().filter(c -> c.province.regionId() == region.id()).count();
            int provinceCount = (int) scoped.stream().filter(p -> p.regionId() == region.id()).count();
            double regionDiscipline = uniform(0.75, 0.97);
            for (int r = 0; r < reports.length; r++) {
                String tool = reports[r][5];
                boolean software = !tool.equals("paper") && !tool.equals("excel");
                String regional = pilot ? "gst" : chance(0.6) ? "sres" : "drs";
                List<String[]> chain = new ArrayList<>();
                chain.add(new String[] {"essp", "circonscription", software && chance(0.3) ? "software" : chance(0.7) ? "paper" : "hand_delivery", "5"});
                chain.add(new String[] {"circonscription", "delegation", software ? "software" : chance(0.5) ? "email" : "paper", "5"});
                if (software) {
                    chain.add(new String[] {"delegation", "central", "software", "10"});
                } else {
                    chain.add(new String[] {"delegation", regional, "email", "7"});
                    chain.add(new String[] {regional, "central", chance(0.8) ? "email" : "other", "10"});
                }
                for (String[] link : chain) {
                    int expectedDelay = Integer.parseInt(link[3]) + (reports[r][4].equals("weekly") ? -3 : 0);
                    int flowId = flows.add(reportIds[r], link[0], link[1], region.id(), null, link[2], expectedDelay,
                            link[2].equals("paper") ? "Saisie manuelle à l'échelon suivant" : null);
                    int senders = switch (link[0]) {
                        case "essp" -> esspCount;
                        case "circonscription" -> circCount;
                        case "delegation" -> provinceCount;
                        default -> 1;
                    };
                    for (String period : periods(reports[r][4])) {
                        int expected = senders * (reports[r][4].equals("weekly") ? 4 : 1);
                        double completeness = clamp(regionDiscipline + 0.06 * gaussian()
                                + (link[2].equals("software") ? 0.03 : 0), 0.4, 1.0);
                        int received = (int) Math.round(expected * completeness);
                        int onTime = (int) Math.round(received * clamp(uniform(0.45, 0.95), 0, 1));
                        double delay = round(Math.max(0, expectedDelay + uniform(-2, 9)), 1);
                        observations.add(flowId, null, period, expected, received, onTime, delay,
                                received < expected * 0.8 ? "Relances téléphoniques nécessaires" : null);
                    }
                }
            }
        }
    }

    private static List<String> periods(String periodicity) {
        return switch (periodicity) {
            case "quarterly" -> List.of("2026-Q1", "2026-Q2");
            case "semiannual" -> List.of("2025-S2", "2026-S1");
            case "annual" -> List.of("2025");
            default -> List.of("2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08");
        };
    }

    // ------------------------------------------------------------------ complaints

    private void complaints() throws SQLException {
        Rows systems = rows("complaint_system", "essp_id", "channel_register", "channel_box", "channel_in_person",
                "channel_phone", "channel_chikaya_portal", "register_kept", "focal_person", "focal_person_role",
                "procedure_displayed", "chikaya_link_displayed", "handled_by", "notes");
        Rows samples = rows("complaint_sample", "essp_id", "received_on", "channel", "kind", "category", "acknowledged_on",
                "closed_on", "outcome", "notes");
        String[] categories = {"reception", "appointments", "care", "behaviour", "corruption", "absenteeism", "medicines",
                "hygiene", "waiting_time", "other"};
        double[] categoryWeights = {14, 10, 14, 13, 2, 7, 16, 6, 15, 3};
        for (Essp essp : essps) {
            boolean urban = essp.circ.urban;
            boolean register = chance(0.8);
            boolean box = chance(urban ? 0.7 : 0.45);
            boolean phone = chance(0.25);
            boolean portal = chance(urban ? 0.5 : 0.25);
            boolean focal = chance(0.45);
            boolean kept = register && chance(0.75);
            boolean link = chance(urban ? 0.35 : 0.15);
            if (register) {
                stats.systemsWithRegister++;
            }
            if (link) {
                stats.systemsWithChikayaLink++;
            }
            systems.add(essp.id, register, box, true, phone, portal, kept, focal,
                    focal ? new String[] {"Infirmier(ère) chef", "Médecin chef", "Agent d'accueil", "Gestionnaire"}[random.nextInt(4)] : null,
                    chance(0.3), link,
                    new String[] {"Médecin chef de l'ESSP", "Infirmier(ère) chef", "Délégation (cellule d'accueil et d'écoute)"}[weighted(5, 3, 2)],
                    box && chance(0.2) ? "Boîte à suggestions rarement relevée" : null);
            List<String> channels = new ArrayList<>(List.of("in_person"));
            if (register) {
                channels.add("register");
                channels.add("register");
            }
            if (box) {
                channels.add("box");
            }
            if (phone) {
                channels.add("phone");
            }
            if (portal) {
                channels.add("chikaya_portal");
            }
            int n = between(3, 10) + (urban ? 1 : 0) - (essp.category.equals("DR") ? 1 : 0);
            for (int i = 0; i < n; i++) {
                String channel = chance(0.02) ? (chance(0.5) ? "email" : "other") : channels.get(random.nextInt(channels.size()));
                String kind = new String[] {"reclamation", "observation", "suggestion"}[weighted(70, 18, 12)];
                LocalDate received = dateBetween(LocalDate.of(2025, 1, 2), LocalDate.of(2026, 9, 15));
                LocalDate acknowledged = null;
                LocalDate closed = null;
                String outcome;
                if (chance(0.78)) {
                    int ackDelay = chance(0.65) ? between(0, 15) : between(16, 60);
                    acknowledged = received.plusDays(ackDelay);
                    if (chance(0.8)) {
                        int closeDelay = Math.max(ackDelay, chance(0.7) ? between(3, 60) : between(61, 180));
                        closed = received.plusDays(closeDelay);
                    }
                    if (acknowledged.isAfter(AS_OF)) {
                        acknowledged = null;
                    }
                    if (closed != null && closed.isAfter(AS_OF)) {
                        closed = null;
                    }
                }
                if (closed != null) {
                    outcome = new String[] {"resolved", "unfounded", "redirected"}[weighted(60, 20, 20)];
                } else {
                    outcome = chance(0.6) ? "pending" : "no_answer";
                }
                stats.samples++;
                if (acknowledged != null && !acknowledged.isAfter(received.plusDays(15))) {
                    stats.acknowledgedIn15++;
                }
                if (closed != null && !closed.isAfter(received.plusMonths(2))) {
                    stats.closedIn60++;
                }
                samples.add(essp.id, received, channel, kind, categories[weighted(categoryWeights)], acknowledged, closed,
                        outcome, null);
            }
        }
    }

    // ------------------------------------------------------------------ perpetrator care

    private void perpetratorCare() throws SQLException {
        int siteCount = switch (scale) {
            case SMALL -> 2;
            case REGION -> 4;
            case NATIONAL -> 15;
        };
        List<Essp> candidates = new ArrayList<>(essps.stream()
                .filter(e -> e.category.equals("CSU-2") || e.category.equals("CSU-1") || e.category.equals("CSR-2")).toList());
        Rows sites = rows("perpetrator_care_site", "name", "province_id", "essp_id", "structure_id", "stage", "stage_since", "notes");
        Rows staff = rows("perpetrator_care_staff", "site_id", "staff_position_id", "cadre_code", "role", "trained_on",
                "training_hours");
        Rows periods = rows("perpetrator_care_period", "site_id", "period_start", "period_end", "patients_followed",
                "new_patients", "sessions_held", "dropouts");
        Rows referrals = rows("perpetrator_care_referral", "period_id", "source", "referrals");
        String[] stages = {"identified", "preparation", "staff_trained", "launched", "routine", "suspended"};
        List<Integer> usedProvinces = new ArrayList<>();
        for (int s = 0; s < siteCount && !candidates.isEmpty(); s++) {
            Essp essp = candidates.remove(random.nextInt(candidates.size()));
            if (usedProvinces.contains(essp.circ.province.id()) && candidates.size() > siteCount) {
                s--;
                continue;
            }
            usedProvinces.add(essp.circ.province.id());
            String stage = stages[weighted(2, 2, 3, 4, 3, 1)];
            LocalDate since = dateBetween(LocalDate.of(2025, 1, 6), LocalDate.of(2026, 6, 30));
            int siteId = sites.add("Consultation de prise en charge psychiatrique des auteurs de violences — " + essp.name,
                    essp.circ.province.id(), essp.id, null, stage, since,
                    stage.equals("suspended") ? "Suspendu : départ du médecin formé" : "Modèle d'intervention PASS II");
            int stageIndex = List.of(stages).indexOf(stage);
            if (stageIndex >= 2) {
                String[][] roles = {{"doctor_gp", "Médecin référent formé"}, {"nurse_specialist", "Infirmier(ère) en santé mentale"},
                        {"social_worker", "Assistant(e) social(e)"}, {"doctor_specialist", "Psychiatre de l'hôpital provincial (appui)"}};
                int count = between(2, 4);
                for (int k = 0; k < count; k++) {
                    Integer positionId = null;
                    for (Position position : essp.positions) {
                        if (position.cadre().equals(roles[k][0]) && position.filled()) {
                            positionId = position.id();
                            break;
                        }
                    }
                    staff.add(siteId, positionId, roles[k][0], roles[k][1],
                            dateBetween(since.minusMonths(6), since), (double) between(24, 40));
                }
            }
            if (stage.equals("launched") || stage.equals("routine") || stage.equals("suspended")) {
                LocalDate start = since.withDayOfMonth(1).withMonth(((since.getMonthValue() - 1) / 3) * 3 + 1);
                int followed = 0;
                while (!start.plusMonths(3).minusDays(1).isAfter(LocalDate.of(2026, 9, 30))) {
                    LocalDate end = start.plusMonths(3).minusDays(1);
                    int fresh = between(2, 12);
                    int dropouts = between(0, Math.max(1, followed / 4));
                    followed = Math.max(0, followed + fresh - dropouts);
                    int periodId = periods.add(siteId, start, end, followed, fresh, followed * between(2, 5), dropouts);
                    String[] sources = {"justice", "care_unit", "police", "health_service", "self", "other"};
                    double[] weights = {45, 20, 12, 12, 6, 5};
                    int remaining = fresh;
                    for (int k = 0; k < sources.length && remaining > 0; k++) {
                        int n = k == sources.length - 1 ? remaining
                                : Math.min(remaining, (int) Math.round(fresh * weights[k] / 100.0 * uniform(0.5, 1.6)));
                        if (n > 0) {
                            referrals.add(periodId, sources[k], n);
                            remaining -= n;
                        }
                    }
                    start = start.plusMonths(3);
                }
            }
        }
    }

    // ------------------------------------------------------------------ training

    private void training() throws SQLException {
        Rows programmes = rows("training_programme", "code", "kind", "title_fr", "title_en", "institutions", "target_audience",
                "planned_hours");
        int mba = programmes.add("MBA-MTS", "mba", "MBA en management territorial de la santé",
                "MBA in territorial health management", "ENSP Rabat ; Institut Léonard de Vinci (France)",
                "Directeurs d'hôpitaux, cadres régionaux et centraux, délégués", 163.0);
        int psp = programmes.add("PSP", "short_course", "Planification et suivi des programmes de santé",
                "Planning and monitoring of health programmes", "ENSP Rabat ; assistance technique PASS III",
                "Personnel des circonscriptions sanitaires et des SRES", 60.0);
        int mgt = programmes.add("MGT-ESSP", "workshop", "Management des établissements de soins de santé primaires",
                "Management of primary health care establishments", "Assistance technique PASS III ; DRS",
                "Responsables d'ESSP (médecins et infirmiers chefs)", 24.0);

        Rows cohorts = rows("training_cohort", "programme_id", "name", "region_id", "starts_on", "ends_on", "place", "status", "seats");
        Rows sessions = rows("training_session", "cohort_id", "title", "starts_on", "ends_on", "hours", "place", "trainers");
        Rows participants = rows("training_participant", "cohort_id", "staff_position_id", "structure_id", "essp_id",
                "full_name", "job_title", "gender", "status");
        Rows attendance = rows("training_attendance", "session_id", "participant_id", "present", "hours_attended");
        Rows projects = rows("training_project", "cohort_id", "title", "theme", "defended_on", "result");
        Rows members = rows("training_project_member", "project_id", "participant_id");
        Rows costs = rows("training_cost", "cohort_id", "session_id", "item", "amount_mad", "kind", "notes");

        // MBA, first cohort (real facts: launched 18 January 2021 at ENSP Rabat, six seminars of 2-3 days, 160+ hours,
        // collective projects defended on 7-8 April 2021, 36 graduates); the participants themselves are synthetic
        int mba2021 = cohorts.add(mba, "MBA cohorte 1 (2021)", null, LocalDate.of(2021, 1, 18), LocalDate.of(2021, 4, 8),
                "ENSP Rabat", "completed", 42);
        Object[][] seminars = {
                {"Séminaire 1 : lancement, système de santé et régionalisation avancée", LocalDate.of(2021, 1, 18), 3, 29.0},
                {"Séminaire 2 : management stratégique et gouvernance territoriale", LocalDate.of(2021, 2, 1), 3, 29.0},
                {"Séminaire 3 : pilotage de la performance et systèmes d'information", LocalDate.of(2021, 2, 22), 3, 29.0},
                {"Séminaire 4 : gestion des ressources humaines et financières", LocalDate.of(2021, 3, 8), 3, 28.0},
                {"Séminaire 5 : qualité, sécurité des patients et droits des usagers", LocalDate.of(2021, 3, 22), 3, 28.0},
                {"Séminaire de clôture : soutenance des projets collectifs", LocalDate.of(2021, 4, 7), 2, 20.0}};
        List<int[]> mbaSessions = new ArrayList<>();
        for (Object[] seminar : seminars) {
            LocalDate start = (LocalDate) seminar[1];
            int sessionId = sessions.add(mba2021, seminar[0], start, start.plusDays((Integer) seminar[2] - 1), seminar[3],
                    "ENSP Rabat", "Spécialistes européens et marocains (ENSP, Institut Léonard de Vinci)");
            mbaSessions.add(new int[] {sessionId, (int) Math.round((Double) seminar[3])});
        }
        List<Position> senior = new ArrayList<>(structurePositions.stream().filter(p -> p.filled()
                && !p.cadre().equals("support_staff")).toList());
        List<Integer> graduates = new ArrayList<>();
        String[] mbaTitles = {"Directeur(rice) d'hôpital provincial", "Délégué(e) provincial(e)", "Chef de service à la DRS",
                "Cadre de la direction centrale", "Chef du SRES", "Directeur(rice) de CHR"};
        for (int i = 0; i < 42; i++) {
            boolean graduated = i < 36;
            String gender = chance(0.4) ? "f" : "m";
            int participantId = participants.add(mba2021, null, null, null, names.person(gender),
                    mbaTitles[random.nextInt(mbaTitles.length)], gender, graduated ? "graduated" : "dropped_out");
            if (graduated) {
                graduates.add(participantId);
            }
            for (int s = 0; s < mbaSessions.size(); s++) {
                boolean present = graduated ? chance(0.97) : s < 2;
                attendance.add(mbaSessions.get(s)[0], participantId, present, present ? (double) mbaSessions.get(s)[1] : 0.0);
            }
        }
        String[] mbaProjects = {
                "Scénario d'organisation des ressources humaines du futur groupement sanitaire territorial",
                "Tableau de bord régional de suivi de l'offre de soins primaires",
                "Amélioration de l'accueil et de l'orientation des usagers à l'hôpital provincial",
                "Contractualisation interne entre la DRS et les hôpitaux de la région",
                "Système régional de gestion et de suivi des réclamations",
                "Parcours de soins coordonné entre hôpital de proximité et ESSP"};
        for (int p = 0; p < mbaProjects.length; p++) {
            int projectId = projects.add(mba2021, mbaProjects[p], "Régionalisation avancée en santé",
                    LocalDate.of(2021, 4, p < 3 ? 7 : 8), "passed");
            for (int m = p * 6; m < p * 6 + 6; m++) {
                members.add(projectId, graduates.get(m));
            }
        }
        cost(costs, mba2021, "tuition", 1_150_000, true);
        cost(costs, mba2021, "trainers", 420_000, true);
        cost(costs, mba2021, "accommodation", 310_000, true);
        cost(costs, mba2021, "travel", 140_000, true);
        cost(costs, mba2021, "venue", 60_000, true);
        cost(costs, mba2021, "materials", 35_000, true);

        // MBA, next cohorts (planned)
        int mba2026 = cohorts.add(mba, "MBA cohorte 2 (2026-2027)", null, LocalDate.of(2026, 11, 16), LocalDate.of(2027, 4, 30),
                "ENSP Rabat", "planned", 40);
        for (int s = 0; s < 6; s++) {
            LocalDate start = LocalDate.of(2026, 11, 16).plusWeeks(4L * s);
            sessions.add(mba2026, s == 5 ? "Séminaire de clôture : soutenance des projets collectifs" : "Séminaire " + (s + 1),
                    start, start.plusDays(s == 5 ? 1 : 2), s == 5 ? 20.0 : 29.0, "ENSP Rabat", "À confirmer");
        }
        int mbaSeats = scale == DemoScale.NATIONAL ? 40 : scale == DemoScale.REGION ? 12 : 6;
        for (int i = 0; i < mbaSeats; i++) {
            Position position = senior.isEmpty() ? null : senior.remove(random.nextInt(senior.size()));
            String gender = position != null ? position.gender() : "f";
            participants.add(mba2026, position == null ? null : position.id(), position == null ? null : position.structureId(),
                    null, position != null ? position.holder() : names.person(gender),
                    position != null ? position.title() : "Cadre régional", gender, "enrolled");
        }
        int mba2027 = cohorts.add(mba, "MBA cohorte 3 (2027-2028)", null, LocalDate.of(2027, 11, 15), LocalDate.of(2028, 4, 28),
                "ENSP Rabat", "planned", 40);
        for (int[] planned : new int[][] {{mba2026, 1}, {mba2027, 1}}) {
            cost(costs, planned[0], "tuition", 1_300_000, false);
            cost(costs, planned[0], "trainers", 480_000, false);
            cost(costs, planned[0], "accommodation", 360_000, false);
            cost(costs, planned[0], "travel", 160_000, false);
            cost(costs, planned[0], "materials", 40_000, false);
        }

        // short courses per region: planning & monitoring (2026 done, 2027 planned) and ESSP management (2026 done)
        int traineeTarget = (int) Math.round(1_000.0 * essps.size() / 3_068.0);
        int shortTotal = Math.max(traineeTarget - 42 - mbaSeats, 36 * scopedRegions.size());
        for (Region region : scopedRegions) {
            List<Essp> regionEssps = essps.stream().filter(e -> e.circ.province.regionId() == region.id()).toList();
            int regionShare = (int) Math.round(shortTotal * (double) regionEssps.size() / essps.size());
            int pspEach = Math.max(12, (int) Math.round(regionShare * 0.35));
            int mgtCount = Math.max(12, regionShare - 2 * pspEach);
            List<Position> regional = new ArrayList<>(structurePositions.stream()
                    .filter(p -> p.regionId() == region.id() && p.filled() && !p.cadre().equals("support_staff")).toList());
            List<Position> heads = new ArrayList<>();
            for (Essp essp : regionEssps) {
                essp.positions.stream().filter(p -> p.filled() && (p.cadre().equals("doctor_gp") || p.cadre().equals("nurse")))
                        .findFirst().ifPresent(heads::add);
            }
            String place = "Siège de la DRS " + region.name();
            for (int year = 2026; year <= 2027; year++) {
                boolean done = year == 2026;
                int cohortId = cohorts.add(psp, "Planification et suivi — " + region.name() + " " + year, region.id(),
                        LocalDate.of(year, 3, 9), LocalDate.of(year, 6, 12), place, done ? "completed" : "planned", pspEach);
                String[] modules = {"Module 1 : diagnostic territorial et planification", "Module 2 : suivi des programmes et indicateurs",
                        "Module 3 : supervision formative et rétro-information"};
                List<int[]> sessionIds = new ArrayList<>();
                for (int m = 0; m < modules.length; m++) {
                    LocalDate start = LocalDate.of(year, 3, 9).plusWeeks(6L * m);
                    sessionIds.add(new int[] {sessions.add(cohortId, modules[m], start, start.plusDays(2), 20.0, place,
                            "ENSP ; experts de l'assistance technique"), 20});
                }
                List<Integer> cohortParticipants = new ArrayList<>();
                for (int i = 0; i < pspEach; i++) {
                    List<Position> pool = !regional.isEmpty() && (i % 3 == 0 || heads.isEmpty()) ? regional : heads;
                    cohortParticipants.add(participant(participants, cohortId, pool, done));
                }
                if (done) {
                    attend(attendance, sessionIds, cohortParticipants);
                    for (int p = 0; p * 8 < cohortParticipants.size(); p++) {
                        int projectId = projects.add(cohortId, "Plan d'action de circonscription " + (p + 1) + " — " + region.name(),
                                "Planification territoriale", sessionLastDay(year), "passed");
                        for (int m = p * 8; m < Math.min(cohortParticipants.size(), p * 8 + 8); m++) {
                            members.add(projectId, cohortParticipants.get(m));
                        }
                    }
                }
                cost(costs, cohortId, "trainers", 90_000, done);
                cost(costs, cohortId, "per_diem", 1_800.0 * pspEach, done);
                cost(costs, cohortId, "accommodation", 2_400.0 * pspEach, done);
                cost(costs, cohortId, "venue", 15_000, done);
            }
            int mgtCohort = cohorts.add(mgt, "Management des ESSP — " + region.name() + " 2026", region.id(),
                    LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 9), place, "completed", mgtCount);
            List<int[]> mgtSessions = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                LocalDate start = LocalDate.of(2026, 9, 14).plusWeeks(3L * m);
                mgtSessions.add(new int[] {sessions.add(mgtCohort, m == 0 ? "Atelier 1 : organisation et gestion de l'ESSP"
                        : "Atelier 2 : qualité, accueil et réclamations", start, start.plusDays(1), 12.0, place, "DRS ; assistance technique"), 12});
            }
            List<Integer> mgtParticipants = new ArrayList<>();
            for (int i = 0; i < mgtCount; i++) {
                mgtParticipants.add(participant(participants, mgtCohort, heads, true));
            }
            attend(attendance, mgtSessions, mgtParticipants);
            cost(costs, mgtCohort, "trainers", 30_000, true);
            cost(costs, mgtCohort, "per_diem", 900.0 * mgtCount, true);
            cost(costs, mgtCohort, "materials", 5_000, true);
        }
    }

    private static LocalDate sessionLastDay(int year) {
        return LocalDate.of(year, 3, 9).plusWeeks(12).plusDays(2);
    }

    private int participant(Rows participants, int cohortId, List<Position> pool, boolean done) throws SQLException {
        Position position = pool.isEmpty() ? null : pool.remove(random.nextInt(pool.size()));
        String status = done ? (chance(0.95) ? "graduated" : "dropped_out") : "enrolled";
        if (position == null) {
            String gender = chance(0.5) ? "f" : "m";
            return participants.add(cohortId, null, null, null, names.person(gender), "Infirmier(ère) de circonscription",
                    gender, status);
        }
        return participants.add(cohortId, position.id(), position.structureId(), position.esspId(), position.holder(),
                position.title(), position.gender(), status);
    }

    private void attend(Rows attendance, List<int[]> sessionIds, List<Integer> participantIds) throws SQLException {
        for (int participantId : participantIds) {
            for (int[] session : sessionIds) {
                boolean present = chance(0.92);
                attendance.add(session[0], participantId, present, present ? (double) session[1] : 0.0);
            }
        }
    }

    private void cost(Rows costs, int cohortId, String item, double planned, boolean withActual) throws SQLException {
        costs.add(cohortId, null, item, planned, "planned", null);
        if (withActual) {
            costs.add(cohortId, null, item, Math.round(planned * uniform(0.85, 1.15) / 100.0) * 100.0, "actual",
                    "Montant synthétique");
        }
    }

    // ------------------------------------------------------------------ findings

    private void findings() throws SQLException {
        int findingCount = switch (scale) {
            case SMALL -> 30;
            case REGION -> 40;
            case NATIONAL -> 54;
        };
        int recommendationCount = switch (scale) {
            case SMALL -> 20;
            case REGION -> 26;
            case NATIONAL -> 32;
        };
        double vacancy = 100.0 * stats.vacant / Math.max(1, stats.positions);
        double ack15 = 100.0 * stats.acknowledgedIn15 / Math.max(1, stats.samples);
        double closed60 = 100.0 * stats.closedIn60 / Math.max(1, stats.samples);
        double readiness = stats.readinessSum / Math.max(1, stats.readinessCount);
        String[][] templates = {
                // axis, kind, priority, scope, title, evidence, recommendation, responsible, horizon
                {"1", "weakness", "high", "region", "Vacance de postes dans les ESSP",
                        String.format("%.1f %% des postes recensés sont vacants ; %d ESSP sans médecin en poste", vacancy, stats.esspWithoutDoctor),
                        "Établir un plan régional de redéploiement des médecins vers les ESSP sans médecin", "DRS / GST", "short"},
                {"1", "threat", "high", "national", "Incertitude sur le transfert des fonctions RH aux GST",
                        "Textes d'application non publiés pour la gestion de carrière et la paie",
                        "Publier la feuille de route du transfert des fonctions RH vers les GST", "Ministère (DRH)", "medium"},
                {"1", "weakness", "medium", "essp", "Unité d'accouchement sans sage-femme",
                        String.format("%d ESSP avec unité d'accouchement sans sage-femme sur %d", stats.deliveryWithoutMidwife, stats.deliveryUnits),
                        "Affecter en priorité les sages-femmes lauréates aux unités d'accouchement sans sage-femme", "Délégation", "short"},
                {"1", "opportunity", "medium", "region", "Le GST pilote offre un cadre de gestion RH de proximité",
                        "Transfert effectif dans la région pilote depuis octobre 2025",
                        "Capitaliser l'expérience du GST pilote avant l'extension aux autres régions", "GST pilote", "medium"},
                {"2", "weakness", "high", "region", "Double saisie des rapports papier et logiciels",
                        "Les rapports SMI et PF sont saisis sur papier puis dans SMI-PF",
                        "Généraliser la saisie directe dans les logiciels au niveau des ESSP équipés", "SRES", "medium"},
                {"2", "weakness", "medium", "province", "Retards de transmission des rapports mensuels",
                        "Délais observés supérieurs aux délais attendus pour plusieurs flux",
                        "Instaurer un calendrier de transmission et une rétro-information mensuelle", "Délégation", "short"},
                {"2", "strength", "low", "region", "Bonne complétude des rapports de vaccination",
                        "Complétude supérieure à 90 % sur six mois", null, null, null},
                {"2", "opportunity", "medium", "national", "Déploiement de DHIS2 pour les rapports d'activités",
                        "Pilote en cours pour le rapport mensuel d'activités", "Étendre DHIS2 aux rapports de programmes", "Ministère (DPRF)", "long"},
                {"3", "weakness", "high", "national", "Délais de réponse aux réclamations non respectés",
                        String.format("%.0f %% des réclamations échantillonnées accusées dans les 15 jours ; %.0f %% clôturées dans les 2 mois", ack15, closed60),
                        "Mettre en place un suivi mensuel des délais de traitement des réclamations", "Délégation", "short"},
                {"3", "weakness", "medium", "essp", "Registre des réclamations absent ou mal tenu",
                        String.format("%d ESSP sur %d disposent d'un registre", stats.systemsWithRegister, essps.size()),
                        "Doter chaque ESSP d'un registre coté et paraphé", "Délégation", "short"},
                {"3", "weakness", "medium", "region", "Faible visibilité du portail chikaya.ma",
                        String.format("Lien chikaya.ma affiché dans %d ESSP sur %d", stats.systemsWithChikayaLink, essps.size()),
                        "Afficher la procédure et le lien chikaya.ma dans toutes les salles d'attente", "SRES", "short"},
                {"3", "strength", "low", "circonscription", "Référent réclamations désigné dans les centres urbains",
                        "Point focal identifié dans la plupart des CSU visités", null, null, null},
                {"4", "weakness", "high", "circonscription", "Fonction de planification non assurée",
                        "La circonscription ne dispose ni d'équipe ni de moyens de déplacement",
                        "Doter chaque circonscription d'une équipe minimale (médecin chef, infirmier coordinateur)", "Délégation", "medium"},
                {"4", "weakness", "medium", "province", "Supervision irrégulière des ESSP",
                        "Plusieurs ESSP non supervisés en 2025", "Programmer au moins deux supervisions formatives par ESSP et par an", "Circonscription", "short"},
                {"4", "strength", "medium", "circonscription", "Collecte des données bien organisée",
                        "Rapports centralisés par l'infirmier coordinateur", null, null, null},
                {"4", "opportunity", "medium", "national", "Le décret de 2015 reconnaît la circonscription sanitaire",
                        "Base réglementaire existante pour définir ses attributions",
                        "Adopter un référentiel d'attributions et d'organisation de la circonscription sanitaire", "Ministère", "medium"},
                {"5", "weakness", "high", "region", "Capacité de diagnostic insuffisante",
                        String.format("Indice moyen de disponibilité générale : %.0f / 100", readiness),
                        "Équiper les ESSP de niveau 2 en tests rapides et glucomètres", "DRS / GST", "medium"},
                {"5", "weakness", "high", "essp", "Ruptures de médicaments essentiels",
                        "Plusieurs médicaments traceurs absents le jour de la visite", "Revoir le circuit d'approvisionnement des ESSP", "Délégation", "short"},
                {"5", "strength", "medium", "province", "Services de vaccination disponibles partout",
                        "Chaîne du froid fonctionnelle dans la majorité des ESSP", null, null, null},
                {"5", "threat", "medium", "essp", "ESSP non fonctionnels ou partiellement fonctionnels",
                        "Fermetures liées aux travaux et au manque de personnel", "Planifier la continuité des soins pendant les travaux", "Délégation", "short"},
                {"6", "weakness", "medium", "national", "Déploiement lent du modèle de prise en charge des auteurs",
                        "Peu de sites au stade routine", "Accompagner chaque site jusqu'au stade routine par un tutorat", "Ministère (DP)", "medium"},
                {"6", "strength", "medium", "province", "Partenariat actif avec la justice",
                        "La justice est la première source d'orientation des patients", null, null, null},
                {"6", "threat", "high", "province", "Départ des personnels formés",
                        "Un site suspendu après le départ du médecin formé", "Former au moins deux professionnels par site", "DRS / GST", "short"},
                {"7", "strength", "medium", "national", "Acquis du premier MBA en management territorial de la santé",
                        "36 lauréats de la cohorte 2021 (ENSP Rabat, Institut Léonard de Vinci)",
                        "Lancer les cohortes 2026-2027 et 2027-2028 du MBA", "ENSP", "medium"},
                {"7", "weakness", "medium", "region", "Personnel des circonscriptions peu formé à la planification",
                        "Peu de formations en planification et suivi dans les dossiers des agents",
                        "Généraliser le cours « Planification et suivi des programmes de santé »", "SRES", "short"},
                {"7", "opportunity", "low", "region", "Forte demande de formation en management des ESSP",
                        "Taux de présence élevé aux ateliers de 2026", "Inscrire l'atelier de management des ESSP au plan régional de formation", "DRS / GST", "medium"}};
        Rows findingRows = rows("finding", "axis", "scope_level", "region_id", "province_id", "circonscription_id", "essp_id",
                "kind", "title", "description", "evidence", "priority");
        Rows recommendationRows = rows("recommendation", "finding_id", "axis", "scope_level", "region_id", "province_id", "text",
                "responsible", "horizon", "priority");
        int recommendations = 0;
        for (int f = 0; f < findingCount; f++) {
            String[] t = templates[f % templates.length];
            String scope = t[3];
            Essp essp = essps.get(random.nextInt(essps.size()));
            Integer regionId = scope.equals("national") ? null : essp.circ.province.regionId();
            Integer provinceId = scope.equals("province") || scope.equals("circonscription") || scope.equals("essp")
                    ? essp.circ.province.id() : null;
            Integer circId = scope.equals("circonscription") || scope.equals("essp") ? essp.circ.id : null;
            Integer esspId = scope.equals("essp") ? essp.id : null;
            String where = switch (scope) {
                case "region" -> " — " + region(regionId).name();
                case "province" -> " — " + essp.circ.province.name();
                case "circonscription" -> " — circonscription " + essp.circ.code;
                case "essp" -> " — " + essp.name;
                default -> "";
            };
            int findingId = findingRows.add(Integer.parseInt(t[0]), scope, regionId, provinceId, circId, esspId, t[1],
                    t[4] + where, "Constat synthétique de démonstration.", t[5], t[2]);
            if (t[6] != null && recommendations < recommendationCount) {
                recommendations++;
                recommendationRows.add(findingId, Integer.parseInt(t[0]), scope.equals("national") ? "national" : scope.equals("region") ? "region" : "province",
                        regionId, scope.equals("national") || scope.equals("region") ? null : provinceId, t[6], t[7], t[8], t[2]);
            }
        }
    }
}
