package ma.essp.diag.database.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.demo.DemoModel.Essp;
import ma.essp.diag.database.demo.DemoModel.Position;
import ma.essp.diag.database.demo.DemoModel.Territory;

/** Perpetrator care: the sites, their trained staff, quarterly activity and referrals by source. */
final class DemoPerpetratorCare {

    private final GenerationContext ctx;
    private final List<Essp> essps;

    DemoPerpetratorCare(GenerationContext ctx, Territory territory) {
        this.ctx = ctx;
        this.essps = territory.essps();
    }

    void write() throws SQLException {
        int siteCount = switch (ctx.scale()) {
            case SMALL -> 2;
            case REGION -> 4;
            case NATIONAL -> 15;
        };
        List<Essp> candidates = new ArrayList<>(essps.stream()
                .filter(e -> e.category.equals("CSU-2") || e.category.equals("CSU-1") || e.category.equals("CSR-2")).toList());
        Rows sites = ctx.rows("perpetrator_care_site", "name", "province_id", "essp_id", "structure_id", "stage", "stage_since", "notes",
                "kind");
        Rows staff = ctx.rows("perpetrator_care_staff", "site_id", "staff_position_id", "cadre_code", "role", "trained_on",
                "training_hours");
        Rows periods = ctx.rows("perpetrator_care_period", "site_id", "period_start", "period_end", "patients_followed",
                "new_patients", "sessions_held", "dropouts");
        Rows referrals = ctx.rows("perpetrator_care_referral", "period_id", "source", "referrals");
        // V13: the stages reached and planned, drawn from nothing (the value stream and the other uuids stay as they were)
        Rows stageRows = ctx.rowsWithOwnUuids(0x5EED_0013_57A6_E000L, "perpetrator_care_stage", "site_id", "stage",
                "planned_on", "reached_on");
        String[] stages = {"identified", "preparation", "staff_trained", "launched", "routine", "suspended"};
        List<Integer> usedProvinces = new ArrayList<>();
        for (int s = 0; s < siteCount && !candidates.isEmpty(); s++) {
            Essp essp = candidates.remove(ctx.random().nextInt(candidates.size()));
            if (usedProvinces.contains(essp.circ.province.id()) && candidates.size() > siteCount) {
                s--;
                continue;
            }
            usedProvinces.add(essp.circ.province.id());
            String stage = stages[ctx.weighted(2, 2, 3, 4, 3, 1)];
            LocalDate since = ctx.dateBetween(LocalDate.of(2025, 1, 6), LocalDate.of(2026, 6, 30));
            int siteId = sites.add("Consultation de prise en charge psychiatrique des auteurs de violences — " + essp.name,
                    essp.circ.province.id(), essp.id, null, stage, since,
                    stage.equals("suspended") ? "Suspendu : départ du médecin formé" : "Modèle d'intervention PASS II", "essp");
            int stageIndex = List.of(stages).indexOf(stage);
            writeStages(stageRows, siteId, stageIndex, since);
            if (stageIndex >= 2) {
                String[][] roles = {{"doctor_gp", "Médecin référent formé"}, {"nurse_specialist", "Infirmier(ère) en santé mentale"},
                        {"social_worker", "Assistant(e) social(e)"}, {"doctor_specialist", "Psychiatre de l'hôpital provincial (appui)"}};
                int count = ctx.between(2, 4);
                for (int k = 0; k < count; k++) {
                    Integer positionId = null;
                    for (Position position : essp.positions) {
                        if (position.cadre().equals(roles[k][0]) && position.filled()) {
                            positionId = position.id();
                            break;
                        }
                    }
                    staff.add(siteId, positionId, roles[k][0], roles[k][1],
                            ctx.dateBetween(since.minusMonths(6), since), (double) ctx.between(24, 40));
                }
            }
            if (stage.equals("launched") || stage.equals("routine") || stage.equals("suspended")) {
                LocalDate start = since.withDayOfMonth(1).withMonth(((since.getMonthValue() - 1) / 3) * 3 + 1);
                int followed = 0;
                while (!start.plusMonths(3).minusDays(1).isAfter(LocalDate.of(2026, 9, 30))) {
                    LocalDate end = start.plusMonths(3).minusDays(1);
                    int fresh = ctx.between(2, 12);
                    int dropouts = ctx.between(0, Math.max(1, followed / 4));
                    followed = Math.max(0, followed + fresh - dropouts);
                    int periodId = periods.add(siteId, start, end, followed, fresh, followed * ctx.between(2, 5), dropouts);
                    String[] sources = {"justice", "care_unit", "police", "health_service", "self", "other"};
                    double[] weights = {45, 20, 12, 12, 6, 5};
                    int remaining = fresh;
                    for (int k = 0; k < sources.length && remaining > 0; k++) {
                        int n = k == sources.length - 1 ? remaining
                                : Math.min(remaining, (int) Math.round(fresh * weights[k] / 100.0 * ctx.uniform(0.5, 1.6)));
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

    /**
     * The stage rows of a site at {@code stages[stageIndex]} since {@code since}: each earlier stage reached three months
     * before the next (a suspended site had been launched three months before its suspension), and the plan: identified
     * on the day it was, then a stage every two months up to routine (the plans run ahead of the sites, as they did).
     */
    private static void writeStages(Rows stageRows, int siteId, int stageIndex, LocalDate since) throws SQLException {
        String[] ladder = {"identified", "preparation", "staff_trained", "launched", "routine"};
        boolean suspended = stageIndex == 5;
        int lastReached = suspended ? 3 : stageIndex;
        LocalDate identifiedOn = since.minusMonths(3L * (suspended ? 4 : stageIndex));
        for (int k = 0; k < ladder.length; k++) {
            LocalDate reached = k > lastReached ? null : since.minusMonths(3L * ((suspended ? 4 : stageIndex) - k));
            stageRows.add(siteId, ladder[k], identifiedOn.plusMonths(2L * k), reached);
        }
        if (suspended) {
            stageRows.add(siteId, "suspended", null, since);
        }
    }
}
