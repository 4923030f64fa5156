package ma.essp.diag.database.demo;

import static ma.essp.diag.database.demo.GenerationContext.AS_OF;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.demo.DemoModel.Team;

/** The mission row and its team of six consultants; the team leader is the generating team member. */
final class DemoMissionTeam {

    private final GenerationContext ctx;
    private final List<Integer> teamIds = new ArrayList<>();
    private final List<String> teamNames = new ArrayList<>();

    DemoMissionTeam(GenerationContext ctx) {
        this.ctx = ctx;
    }

    /** Writes the mission and the team; returns the team members' ids and names, in the order written. */
    Team write() throws SQLException {
        mission();
        return new Team(teamIds, teamNames);
    }

    private void mission() throws SQLException {
        String label = switch (ctx.scale()) {
            case SMALL -> "petite échelle : Tétouan et Chefchaouen";
            case REGION -> "échelle régionale : Souss-Massa";
            case NATIONAL -> "échelle nationale : 12 régions";
        };
        ctx.rows("mission", "name", "description", "started_on", "ended_on", "as_of_date", "synthetic", "demo_scale", "demo_seed",
                "created_at").add(
                "Mission de démonstration — données synthétiques — " + label + " (synthétique)",
                "Mission de démonstration (synthétique) générée automatiquement (graine " + ctx.seed() + ", " + ctx.scale().code()
                        + ") : les territoires sont réels, mais les circonscriptions, ESSP, personnels, évaluations, "
                        + "réclamations et formations sont fictifs. Ne pas utiliser pour des décisions.",
                LocalDate.of(2026, 1, 12), LocalDate.of(2026, 12, 18), AS_OF, true, ctx.scale().code(), ctx.seed(), Rows.UPDATED_AT);
        String[][] team = {
                {"team_leader", "f"}, {"key_expert", "m"}, {"key_expert", "f"}, {"expert", "m"}, {"expert", "f"}, {"assistant", "m"}};
        Rows members = ctx.rows("team_member", "full_name", "initials", "role", "email", "laptop_label");
        for (int i = 0; i < team.length; i++) {
            String name = ctx.names().person(team[i][1]);
            String[] parts = name.split(" ");
            String initials = (parts[0].charAt(0) + "" + parts[parts.length - 1].charAt(0)).toUpperCase();
            if (i == 0) {
                Rows.uuid(ctx.uuids()); // drawn and unused: every other uuid stays what it was
                // the team leader generates the mission (or the consultant named by --as, in the leader's place)
                String fullName = ctx.author() == null ? name + " (synthétique)" : ctx.author();
                teamIds.add(members.addWithUuid(ctx.authorUuid(), fullName, ctx.author() == null ? initials : initials(ctx.author()),
                        team[i][0], "consultant" + (i + 1) + "@demo.invalid", "PC-DEMO-" + (i + 1)));
                teamNames.add(ctx.author() == null ? name : ctx.author());
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
}
