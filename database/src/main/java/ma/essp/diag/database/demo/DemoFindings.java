package ma.essp.diag.database.demo;

import java.sql.SQLException;
import java.util.List;
import java.time.LocalDate;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Stats;
import ma.essp.diag.database.demo.DemoModel.Territory;

/** Findings and recommendations from templates per axis, their evidence quoting the figures generated before. */
final class DemoFindings {

    private final GenerationContext ctx;
    private final ReferenceData reference;
    private final List<Essp> essps;
    private final Stats stats;

    private final List<Integer> teamIds;

    DemoFindings(GenerationContext ctx, ReferenceData reference, Territory territory, Stats stats, List<Integer> teamIds) {
        this.ctx = ctx;
        this.teamIds = teamIds;
        this.reference = reference;
        this.essps = territory.essps();
        this.stats = stats;
    }

    void write() throws SQLException {
        int findingCount = switch (ctx.scale()) {
            case SMALL -> 30;
            case REGION -> 40;
            case NATIONAL -> 54;
        };
        int recommendationCount = switch (ctx.scale()) {
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
        Rows findingRows = ctx.rows("finding", "axis", "scope_level", "region_id", "province_id", "circonscription_id", "essp_id",
                "kind", "title", "description", "priority", "author_id", "written_on");
        Rows evidenceRows = ctx.rows("finding_evidence", "finding_id", "kind", "document");
        Rows recommendationRows = ctx.rows("recommendation", "axis", "scope_level", "region_id", "province_id", "text",
                "responsible", "responsible_level", "horizon", "priority");
        Rows linkRows = ctx.rows("recommendation_finding", "recommendation_id", "finding_id");
        int recommendations = 0;
        for (int f = 0; f < findingCount; f++) {
            String[] t = templates[f % templates.length];
            String scope = t[3];
            Essp essp = essps.get(ctx.random().nextInt(essps.size()));
            Integer regionId = scope.equals("national") ? null : essp.circ.province.regionId();
            Integer provinceId = scope.equals("province") || scope.equals("circonscription") || scope.equals("essp")
                    ? essp.circ.province.id() : null;
            Integer circId = scope.equals("circonscription") || scope.equals("essp") ? essp.circ.id : null;
            Integer esspId = scope.equals("essp") ? essp.id : null;
            String where = switch (scope) {
                case "region" -> " — " + reference.region(regionId).name();
                case "province" -> " — " + essp.circ.province.name();
                case "circonscription" -> " — circonscription " + essp.circ.code;
                case "essp" -> " — " + essp.name;
                default -> "";
            };
            // written by the team in turn over the mission's field weeks (no random draw: the rest stays as it was)
            int findingId = findingRows.add(Integer.parseInt(t[0]), scope, regionId, provinceId, circId, esspId, t[1],
                    t[4] + where, "Constat synthétique de démonstration.", t[2], teamIds.get(f % teamIds.size()),
                    WRITTEN_FROM.plusDays(f % 40));
            evidenceRows.add(findingId, "document", t[5]);
            if (t[6] != null && recommendations < recommendationCount) {
                recommendations++;
                int recommendationId = recommendationRows.add(Integer.parseInt(t[0]),
                        scope.equals("national") ? "national" : scope.equals("region") ? "region" : "province",
                        regionId, scope.equals("national") || scope.equals("region") ? null : provinceId, t[6], t[7],
                        responsibleLevel(t[7]), t[8], t[2]);
                linkRows.add(recommendationId, findingId);
            }
        }
    }

    private static final LocalDate WRITTEN_FROM = LocalDate.of(2026, 9, 14);

    /** The responsible level of a template's free-text responsible. */
    static String responsibleLevel(String responsible) {
        if (responsible.startsWith("Ministère") || responsible.equals("ENSP")) {
            return "central";
        }
        if (responsible.startsWith("DRS") || responsible.equals("SRES")) {
            return "drs_sres";
        }
        if (responsible.startsWith("GST")) {
            return "gst";
        }
        if (responsible.equals("Délégation")) {
            return "delegation";
        }
        if (responsible.equals("Circonscription")) {
            return "circonscription";
        }
        return "essp";
    }
}
