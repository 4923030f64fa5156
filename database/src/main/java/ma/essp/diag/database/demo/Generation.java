package ma.essp.diag.database.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.demo.DemoModel.Position;
import ma.essp.diag.database.demo.DemoModel.Stats;
import ma.essp.diag.database.demo.DemoModel.Team;
import ma.essp.diag.database.demo.DemoModel.Territory;
import ma.essp.diag.database.mission.SqlitePragmas;

/**
 * One run of the demo generator over one connection, in one transaction: the parts, one per axis, in a fixed order
 * (they draw from one seeded stream in turn). All randomness comes from the seed.
 */
final class Generation {

    private final GenerationContext ctx;
    private final DemoProgress progress;

    /**
     * @param author the full name of the team member who generates the mission (every row names them), or null for
     *               the synthetic team leader
     */
    Generation(Connection connection, DemoScale scale, long seed, String author, DemoProgress progress) {
        this.ctx = new GenerationContext(connection, scale, seed, author);
        this.progress = progress;
    }

    Map<String, Integer> run() throws SQLException {
        Connection connection = ctx.connection();
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            SqlitePragmas.deferForeignKeys(connection);
            // the uuid indexes receive random keys: a larger page cache avoids most of the page reloads
            SqlitePragmas.cacheSize(connection, 131_072);
            ReferenceData reference = ReferenceData.load(ctx);
            step("Référentiels chargés", 0.02);
            Team team = new DemoMissionTeam(ctx).write();
            step("Mission et équipe", 0.04);
            Territory territory = new DemoTerritory(ctx, reference).write();
            step("Circonscriptions, communes et ESSP", 0.15);
            Stats stats = new Stats();
            List<Position> structurePositions = new DemoStaff(ctx, reference, territory, stats).write();
            step("Ressources humaines", 0.30);
            new DemoCirconscriptions(ctx, territory).write();
            step("Organisation des circonscriptions", 0.35);
            new DemoAssessments(ctx, reference, territory, team, stats).write();
            step("Évaluations PMS (SARA)", 0.75);
            new DemoDataFlows(ctx, territory).write();
            step("Flux de données", 0.78);
            new DemoComplaints(ctx, territory, stats).write();
            step("Réclamations", 0.86);
            new DemoPerpetratorCare(ctx, territory).write();
            step("Prise en charge des auteurs de violences", 0.88);
            new DemoTraining(ctx, territory, structurePositions).write();
            step("Formation", 0.92);
            new DemoFindings(ctx, reference, territory, stats, team.ids()).write();
            step("Constats et recommandations", 0.94);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Rows table : ctx.tables()) {
                table.close();
                counts.put(table.table(), table.count());
            }
            DemoMissionGenerator.checkInterrupted();
            connection.commit();
            committed = true;
            step("Enregistré", 0.98);
            return counts;
        } finally {
            for (Rows table : ctx.tables()) {
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
}
