package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.GenerationContext.clamp;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Item;
import ma.essp.diag.database.demo.DemoModel.Service;
import ma.essp.diag.database.demo.DemoModel.Stats;
import ma.essp.diag.database.demo.DemoModel.Team;
import ma.essp.diag.database.demo.DemoModel.Territory;

/** The PMS (SARA) assessments: one per ESSP, the services it offers and an answer per item of those services. */
final class DemoAssessments {

    private final GenerationContext ctx;
    private final ReferenceData reference;
    private final List<Essp> essps;
    private final List<Integer> teamIds;
    private final List<String> teamNames;
    private final Stats stats;

    DemoAssessments(GenerationContext ctx, ReferenceData reference, Territory territory, Team team, Stats stats) {
        this.ctx = ctx;
        this.reference = reference;
        this.essps = territory.essps();
        this.teamIds = team.ids();
        this.teamNames = team.names();
        this.stats = stats;
    }

    void write() throws SQLException {
        Rows assessmentRows = ctx.rows("assessment", "essp_id", "catalogue_version_id", "assessed_on", "assessor_id", "assessor_name",
                "status", "notes");
        Rows serviceRows = ctx.rows("assessment_service", "assessment_id", "service_id", "offered");
        Rows answerRows = ctx.rows("assessment_answer", "assessment_id", "item_id", "state", "source", "comment");
        String[] comments = {"Rupture de stock depuis deux mois", "En panne, demande de réparation envoyée",
                "Vu dans la salle de soins", "Déclaré par le major, non vérifié", "Périmé : aucune unité valide"};
        int done = 0;
        for (Essp essp : essps) {
            if (++done % 200 == 0) {
                DemoMissionGenerator.checkInterrupted();
            }
            boolean complete = ctx.chance(0.95);
            int assessor = ctx.random().nextInt(teamIds.size());
            int assessmentId = assessmentRows.add(essp.id, 1, ctx.dateBetween(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 10, 23)),
                    teamIds.get(assessor), teamNames.get(assessor), complete ? "complete" : "in_progress",
                    complete ? null : "Visite à compléter (magasin fermé le jour de la visite)");
            List<Integer> offered = new ArrayList<>();
            for (Service service : reference.services()) {
                boolean offers = offers(essp, service);
                serviceRows.add(assessmentId, service.id(), offers);
                if (offers) {
                    offered.add(service.id());
                }
            }
            double missingRate = complete ? 0.025 : 0.18;
            int available = 0;
            int counted = 0;
            for (Item item : reference.items()) {
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
                } else if (ctx.chance(missingRate)) {
                    state = "missing";
                    source = null;
                } else if (ctx.chance(0.006)) {
                    state = "not_applicable";
                    source = "observed";
                } else {
                    double p = clamp(essp.quality + item.ease(), 0.03, 0.98);
                    if (ctx.chance(p)) {
                        state = "available_functioning";
                    } else {
                        boolean equipment = item.domain().contains("equipment") || item.domain().equals("basic_amenities");
                        state = ctx.chance(equipment ? 0.35 : 0.12) ? "available_not_functioning" : "absent";
                    }
                    boolean medicine = item.domain().contains("medicines");
                    source = medicine || ctx.chance(0.85) ? "observed" : "reported";
                    if (ctx.chance(0.01)) {
                        comment = comments[ctx.random().nextInt(comments.length)];
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
            return essp.deliveryUnit ? ctx.chance(0.95) : ctx.chance(0.01);
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
            return profile.contains(code) ? ctx.chance(0.9) : ctx.chance(0.03);
        }
        double quality = essp.quality - 0.6;
        return switch (requirement) {
            case "required" -> ctx.chance(clamp(0.92 + quality * 0.3, 0.6, 0.99));
            case "optional" -> ctx.chance(clamp(0.45 + quality, 0.1, 0.9));
            default -> ctx.chance(0.04);
        };
    }
}
