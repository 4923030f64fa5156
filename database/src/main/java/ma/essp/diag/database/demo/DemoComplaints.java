package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.GenerationContext.AS_OF;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Stats;
import ma.essp.diag.database.demo.DemoModel.Territory;

/**
 * Complaints: each ESSP's complaint-handling system and a sample of its complaints with their deadlines, then (schema
 * V23) the complaint system of each province's délégation and of each region's GST.
 */
final class DemoComplaints {

    private final GenerationContext ctx;
    private final List<Essp> essps;
    private final Territory territory;
    private final Stats stats;

    DemoComplaints(GenerationContext ctx, Territory territory, Stats stats) {
        this.ctx = ctx;
        this.essps = territory.essps();
        this.territory = territory;
        this.stats = stats;
    }

    void write() throws SQLException {
        Rows systems = ctx.rows("complaint_system", "essp_id", "channel_register", "channel_box", "channel_in_person",
                "channel_phone", "channel_chikaya_portal", "register_kept", "focal_person", "focal_person_role",
                "procedure_displayed", "chikaya_link_displayed", "handled_by", "notes", "escalation", "analysed_fed_back",
                "province_id", "region_id");
        // the two V7 checklist items come from their own stream, so the rest of the demo draws what it drew before
        java.util.SplittableRandom v7 = new java.util.SplittableRandom(ctx.seed() ^ 0x0C0B_1A17_0000_0007L);
        Rows samples = ctx.rows("complaint_sample", "essp_id", "received_on", "channel", "kind", "category", "acknowledged_on",
                "closed_on", "outcome", "notes");
        String[] categories = {"reception", "appointments", "care", "behaviour", "corruption", "absenteeism", "medicines",
                "hygiene", "waiting_time", "other"};
        double[] categoryWeights = {14, 10, 14, 13, 2, 7, 16, 6, 15, 3};
        for (Essp essp : essps) {
            boolean urban = essp.circ.urban;
            boolean register = ctx.chance(0.8);
            boolean box = ctx.chance(urban ? 0.7 : 0.45);
            boolean phone = ctx.chance(0.25);
            boolean portal = ctx.chance(urban ? 0.5 : 0.25);
            boolean focal = ctx.chance(0.45);
            boolean kept = register && ctx.chance(0.75);
            boolean link = ctx.chance(urban ? 0.35 : 0.15);
            if (register) {
                stats.systemsWithRegister++;
            }
            if (link) {
                stats.systemsWithChikayaLink++;
            }
            systems.add(essp.id, register, box, true, phone, portal, kept, focal,
                    focal ? new String[] {"Infirmier(ère) chef", "Médecin chef", "Agent d'accueil", "Gestionnaire"}[ctx.random().nextInt(4)] : null,
                    ctx.chance(0.3), link,
                    new String[] {"Médecin chef de l'ESSP", "Infirmier(ère) chef", "Délégation (cellule d'accueil et d'écoute)"}[ctx.weighted(5, 3, 2)],
                    box && ctx.chance(0.2) ? "Boîte à suggestions rarement relevée" : null,
                    v7.nextDouble() < (focal ? 0.55 : 0.2), v7.nextDouble() < (kept ? 0.35 : 0.08), null, null);
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
            int n = ctx.between(3, 10) + (urban ? 1 : 0) - (essp.category.equals("DR") ? 1 : 0);
            for (int i = 0; i < n; i++) {
                String channel = ctx.chance(0.02) ? (ctx.chance(0.5) ? "email" : "other") : channels.get(ctx.random().nextInt(channels.size()));
                String kind = new String[] {"reclamation", "observation", "suggestion"}[ctx.weighted(70, 18, 12)];
                LocalDate received = ctx.dateBetween(LocalDate.of(2025, 1, 2), LocalDate.of(2026, 9, 15));
                LocalDate acknowledged = null;
                LocalDate closed = null;
                String outcome;
                if (ctx.chance(0.78)) {
                    int ackDelay = ctx.chance(0.65) ? ctx.between(0, 15) : ctx.between(16, 60);
                    acknowledged = received.plusDays(ackDelay);
                    if (ctx.chance(0.8)) {
                        int closeDelay = Math.max(ackDelay, ctx.chance(0.7) ? ctx.between(3, 60) : ctx.between(61, 180));
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
                    outcome = new String[] {"resolved", "unfounded", "redirected"}[ctx.weighted(60, 20, 20)];
                } else {
                    outcome = ctx.chance(0.6) ? "pending" : "no_answer";
                }
                stats.samples++;
                if (acknowledged != null && !acknowledged.isAfter(received.plusDays(15))) {
                    stats.acknowledgedIn15++;
                }
                if (closed != null && !closed.isAfter(received.plusMonths(2))) {
                    stats.closedIn60++;
                }
                samples.add(essp.id, received, channel, kind, categories[ctx.weighted(categoryWeights)], acknowledged, closed,
                        outcome, null);
            }
        }
        // the délégations' and GSTs' systems, from their own stream (the ESSPs' draws above stay as they were): a
        // délégation has its reception and listening cell, a GST a central complaints office, both better equipped
        // than most ESSPs but not all of them analyse and feed back
        java.util.SplittableRandom levels = new java.util.SplittableRandom(ctx.seed() ^ 0x0C0B_1A17_0000_0023L);
        for (DemoModel.Province p : territory.scoped()) {
            boolean focal = levels.nextDouble() < 0.8;
            systems.add(null, true, levels.nextDouble() < 0.5, true, levels.nextDouble() < 0.7, levels.nextDouble() < 0.8,
                    levels.nextDouble() < 0.85, focal, focal ? "Cellule d'accueil et d'écoute" : null, levels.nextDouble() < 0.6,
                    levels.nextDouble() < 0.55, "Délégation (cellule d'accueil et d'écoute)", null, levels.nextDouble() < 0.7,
                    levels.nextDouble() < 0.4, p.id(), null);
        }
        for (DemoModel.Region r : territory.scopedRegions()) {
            systems.add(null, true, false, true, true, true, levels.nextDouble() < 0.9, true, "Bureau des réclamations du GST",
                    levels.nextDouble() < 0.8, levels.nextDouble() < 0.8, "GST (bureau des réclamations)", null,
                    levels.nextDouble() < 0.85, levels.nextDouble() < 0.6, null, r.id());
        }
    }
}
