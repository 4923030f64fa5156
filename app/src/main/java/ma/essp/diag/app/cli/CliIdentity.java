package ma.essp.diag.app.cli;

import java.time.Clock;
import java.util.stream.Collectors;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionRepository;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.database.repository.TeamRepository.Member;

/**
 * Who a command that writes into an existing mission edits as: {@code --as MEMBER} (a team member's name or uuid),
 * else the member the window remembers for this mission on this laptop. Built once, when the mission is opened;
 * the laptop's device id comes from the same settings as the window's. As in the window, a member is created only
 * for a mission whose team is still empty (the window's first start asks for a name then); in a mission with a team,
 * an unknown name is refused with the team's names (a typo must not add a colleague).
 */
final class CliIdentity {

    private CliIdentity() {
    }

    /** The edit context of {@code as} (or the remembered member) in {@code mission}; a one-line error otherwise. */
    static EditContext resolve(MissionFile mission, String as, Settings settings, Clock clock) {
        TeamRepository team = new TeamRepository(mission.dsl());
        Member member;
        if (as != null && !as.isBlank() && team.members().isEmpty()) {
            member = team.add(as, settings.deviceId(), clock);
        } else if (as != null && !as.isBlank()) {
            member = team.find(as).orElseThrow(() -> new CliException(EsspDiagCommand.CANNOT_RUN,
                    mission.path() + ": no team member '" + as.strip() + "' (team: " + names(team) + ")"));
        } else {
            String missionUuid = new MissionRepository(mission.dsl()).metadata().map(m -> m.getUuid()).orElse(null);
            member = settings.member(missionUuid).flatMap(team::find).orElseThrow(() -> new CliException(
                    EsspDiagCommand.CANNOT_RUN, mission.path() + ": say who you are with --as NAME (team: " + names(team) + ")"));
        }
        return new EditContext(member.uuid(), settings.deviceId(), clock);
    }

    private static String names(TeamRepository team) {
        String names = team.members().stream().map(Member::fullName).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none yet" : names;
    }
}
