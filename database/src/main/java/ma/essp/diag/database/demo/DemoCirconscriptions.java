package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.GenerationContext.AS_OF;
import static ma.essp.diag.database.demo.GenerationContext.round;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.demo.DemoModel.Circ;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Territory;

/** The organisation of the circonscriptions: the functions each one holds, and its supervision visits to the ESSPs. */
final class DemoCirconscriptions {

    private final GenerationContext ctx;
    private final List<Circ> circs;
    private final List<Essp> essps;

    DemoCirconscriptions(GenerationContext ctx, Territory territory) {
        this.ctx = ctx;
        this.circs = territory.circs();
        this.essps = territory.essps();
    }

    void write() throws SQLException {
        Rows functions = ctx.rows("circonscription_function", "circonscription_id", "function_code", "held", "holder", "staff_count",
                "notes");
        String[] codes = {"planning", "programme_monitoring", "supervision", "data_collection", "complaint_follow_up", "training"};
        double[][] heldWeights = {{40, 40, 20}, {55, 35, 10}, {50, 35, 15}, {70, 25, 5}, {15, 30, 55}, {25, 40, 35}};
        String[] holders = {"Médecin chef de circonscription", "Infirmier(ère) coordinateur(trice)",
                "Équipe de la délégation", "Major du centre de santé siège"};
        for (Circ circ : circs) {
            for (int f = 0; f < codes.length; f++) {
                String held = new String[] {"held", "partial", "not_held"}[ctx.weighted(heldWeights[f])];
                functions.add(circ.id, codes[f], held, held.equals("not_held") ? null : holders[ctx.random().nextInt(holders.length)],
                        held.equals("not_held") ? 0.0 : round(ctx.uniform(0.5, 3.0), 1),
                        held.equals("partial") && ctx.chance(0.3) ? "Faute de moyens de déplacement" : null);
            }
        }
        Rows visits = ctx.rows("supervision_visit", "circonscription_id", "essp_id", "visited_on", "supervisor", "findings");
        String[] remarks = {"Registres à jour", "Rupture de contraceptifs injectables", "Chaîne du froid conforme",
                "Retard dans la transmission des rapports mensuels", "Propreté à améliorer", "Tableau d'affichage des horaires absent",
                "Bonne tenue du registre des réclamations", "Matériel de stérilisation en panne"};
        for (Essp essp : essps) {
            for (int year = 2025; year <= 2026; year++) {
                int n = ctx.weighted(15, 25, 30, 20, 10);
                LocalDate from = LocalDate.of(year, 1, 5);
                LocalDate to = year == 2026 ? AS_OF.minusDays(5) : LocalDate.of(year, 12, 20);
                for (int i = 0; i < n; i++) {
                    visits.add(essp.circ.id, essp.id, ctx.dateBetween(from, to), essp.circ.headName,
                            remarks[ctx.random().nextInt(remarks.length)]);
                }
            }
        }
    }
}
