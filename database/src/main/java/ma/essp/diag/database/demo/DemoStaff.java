package ma.essp.diag.database.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Position;
import ma.essp.diag.database.demo.DemoModel.Province;
import ma.essp.diag.database.demo.DemoModel.Region;
import ma.essp.diag.database.demo.DemoModel.Stats;
import ma.essp.diag.database.demo.DemoModel.Territory;

/**
 * Human resources: the positions of every ESSP (by category) and of the regional and provincial structures, the
 * training records of the staff in post, and the ESSP-GST matrix of HR functions per region.
 */
final class DemoStaff {

    private final GenerationContext ctx;
    private final ReferenceData reference;
    private final List<Province> scoped;
    private final List<Region> scopedRegions;
    private final List<Essp> essps;
    private final Stats stats;
    private final List<Position> structurePositions = new ArrayList<>();

    DemoStaff(GenerationContext ctx, ReferenceData reference, Territory territory, Stats stats) {
        this.ctx = ctx;
        this.reference = reference;
        this.scoped = territory.scoped();
        this.scopedRegions = territory.scopedRegions();
        this.essps = territory.essps();
        this.stats = stats;
    }

    /** Writes the staff (each ESSP's positions are added to it); returns the positions of the structures. */
    List<Position> write() throws SQLException {
        humanResources();
        return structurePositions;
    }

    private void humanResources() throws SQLException {
        Rows positions = ctx.rows("staff_position", "essp_id", "structure_id", "cadre_code", "employer", "status", "fte", "gender",
                "holder_name", "job_title", "notes");
        for (Essp essp : essps) {
            List<String> cadres = template(essp);
            boolean noDoctor = (essp.category.startsWith("CSR") || essp.category.startsWith("CSC")) && ctx.chance(0.08);
            boolean noMidwife = essp.deliveryUnit && ctx.chance(0.05);
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
                String status = new String[] {"filled", "vacant", "contract", "on_leave", "seconded"}[ctx.weighted(85, 7, 4, 2, 2)];
                if (noDoctor && cadre.equals("doctor_gp")) {
                    status = "vacant";
                }
                Position position = position(positions, cadre, status, essp.id, null, reference.region(essp.circ.province.regionId()),
                        null, cadre.equals("doctor_gp") && doctorIndex++ == 0 ? "Médecin chef" : null);
                essp.positions.add(position);
                hasDoctor |= cadre.startsWith("doctor") && position.filled();
            }
            if (!hasDoctor && !essp.category.equals("DR") && !essp.category.equals("MM")) {
                stats.esspWithoutDoctor++;
            }
        }
        for (Region region : scopedRegions) {
            addStructureStaff(positions, reference.drsByRegion().get(region.id()), region, "drs", ctx.between(8, 12));
            addStructureStaff(positions, reference.sresByRegion().get(region.id()), region, "sres", ctx.between(6, 10));
            if (region.code().equals("01")) {
                addStructureStaff(positions, reference.gstByRegion().get(region.id()), region, "gst", ctx.between(5, 8));
            }
        }
        for (Province province : scoped) {
            Integer delegation = reference.delegationByProvince().get(province.id());
            if (delegation != null) {
                addStructureStaff(positions, delegation, reference.region(province.regionId()), "delegation", ctx.between(14, 24));
            }
        }

        Rows trainings = ctx.rows("staff_training", "staff_position_id", "title", "topic", "year", "hours");
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
            int n = ctx.chance(0.22) ? (ctx.chance(0.25) ? 2 : 1) : 0;
            for (int i = 0; i < n; i++) {
                String[] course = courses[ctx.random().nextInt(courses.length)];
                trainings.add(position.id(), course[0], course[1], ctx.between(2019, 2026), (double) ctx.between(6, 40));
            }
        }

        Rows relations = ctx.rows("hr_relation", "region_id", "function_code", "holder_today", "holder_under_gst", "notes");
        String[][] functions = {
                {"career_management", "ministry", "gst"}, {"postings", "ministry", "gst"}, {"payroll", "ministry", "shared"},
                {"evaluation", "delegation", "gst"}, {"continuing_training", "drs", "gst"}, {"discipline", "ministry", "shared"}};
        for (Region region : scopedRegions) {
            boolean pilot = region.code().equals("01");
            for (String[] function : functions) {
                String today = pilot && !function[0].equals("payroll") && ctx.chance(0.6) ? "gst" : function[1];
                String underGst = ctx.chance(0.1) ? "unknown" : function[2];
                String note = pilot ? "GST pilote : transfert effectif depuis le 1er octobre 2025 (synthétique)"
                        : ctx.chance(0.3) ? "Textes d'application en préparation" : null;
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
                            [ctx.weighted(2, 3, 2, 3, 2, 1)];
            String title = i == 0 ? switch (kind) {
                case "delegation" -> "Délégué(e) provincial(e)";
                case "sres" -> "Chef du SRES";
                case "drs" -> "Directeur(rice) régional(e)";
                default -> "Directeur(rice) général(e) du GST";
            } : null;
            String status = i == 0 ? "filled" : new String[] {"filled", "vacant", "seconded"}[ctx.weighted(88, 8, 4)];
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
        String gender = filled ? (ctx.chance(femaleShare) ? "f" : "m") : null;
        String employer = structureKind == null && cadre.equals("support_staff") && ctx.chance(0.3) ? "commune"
                : region.code().equals("01") && ctx.chance(0.15) ? "gst"
                : ctx.chance(0.03) ? "other" : "ministry";
        double fte = filled && ctx.chance(0.08) ? 0.5 : 1.0;
        String title = forcedTitle != null ? forcedTitle : switch (cadre) {
            case "doctor_gp" -> "Médecin généraliste";
            case "doctor_specialist" -> "Médecin pneumo-phtisiologue";
            case "nurse" -> "Infirmier(ère) polyvalent(e)";
            case "midwife" -> "Sage-femme";
            case "nurse_specialist" -> "Infirmier(ère) en santé mentale";
            case "health_technician" -> ctx.chance(0.5) ? "Technicien(ne) de laboratoire" : "Technicien(ne) d'hygiène";
            case "dentist" -> "Chirurgien-dentiste";
            case "social_worker" -> "Assistant(e) social(e)";
            case "administrator" -> structureKind == null ? "Gestionnaire" : "Administrateur(rice)";
            default -> new String[] {"Agent d'accueil", "Chauffeur", "Gardien", "Agent d'entretien"}[ctx.random().nextInt(4)];
        };
        String holder = filled ? ctx.names().person(gender) : null;
        String note = status.equals("vacant") ? (ctx.chance(0.5) ? "Poste vacant depuis le départ à la retraite du titulaire"
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
            case "DR" -> add(cadres, "nurse", ctx.between(1, 2), "support_staff", ctx.between(0, 1));
            case "CSR-1", "CSC" -> add(cadres, "doctor_gp", 1, "nurse", ctx.between(2, 4), "health_technician", ctx.between(0, 1),
                    "administrator", ctx.between(0, 1), "support_staff", ctx.between(1, 3));
            case "CSR-2", "CSCA" -> add(cadres, "doctor_gp", ctx.between(1, 2), "nurse", ctx.between(3, 5), "midwife", ctx.between(3, 4),
                    "health_technician", 1, "administrator", 1, "support_staff", ctx.between(2, 4));
            case "CSU-1", "CSU" -> add(cadres, "doctor_gp", ctx.between(1, 3), "nurse", ctx.between(3, 5), "health_technician",
                    ctx.between(0, 1), "dentist", ctx.between(0, 1), "administrator", 1, "support_staff", ctx.between(1, 3));
            case "CSU-2" -> add(cadres, "doctor_gp", ctx.between(2, 4), "nurse", ctx.between(4, 7), "midwife",
                    essp.deliveryUnit ? ctx.between(3, 4) : ctx.between(1, 2), "health_technician", ctx.between(1, 2), "dentist", 1,
                    "nurse_specialist", ctx.between(0, 1), "social_worker", ctx.between(0, 1), "administrator", 1,
                    "support_staff", ctx.between(2, 4));
            case "CDTMR" -> add(cadres, "doctor_specialist", 1, "doctor_gp", 1, "nurse", ctx.between(2, 4), "health_technician", 2,
                    "administrator", 1, "support_staff", 2);
            case "UMM" -> add(cadres, "doctor_gp", 1, "nurse", 2, "support_staff", 1);
            case "MM" -> add(cadres, "midwife", ctx.between(2, 3), "nurse", 1, "support_staff", ctx.between(1, 2));
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
}
