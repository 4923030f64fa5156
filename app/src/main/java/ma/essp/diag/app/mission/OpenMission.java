package ma.essp.diag.app.mission;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TeamRepository.Member;
import org.jooq.DSLContext;

/**
 * The mission the window works on: its file (with the one DSLContext), its summary, its team, and who edits.
 * {@code missionUuid} is null for a file without metadata yet; {@code member} and {@code edit} are null until the
 * consultant said who they are ({@link MissionService#identify}), and set for every mission the window shows.
 */
public record OpenMission(MissionFile file, MissionSummary summary, String missionUuid, List<Member> team, Member member,
                          EditContext edit) {

    public DSLContext dsl() {
        return file.dsl();
    }

    public Path path() {
        return file.path();
    }

    /** Whether the consultant has said who they are (every write needs it). */
    public boolean identified() {
        return edit != null;
    }
}
