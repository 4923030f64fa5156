package ma.essp.diag.app.mission;

import java.nio.file.Path;
import ma.essp.diag.database.mission.MissionFile;
import org.jooq.DSLContext;

/** The mission the window works on: its file (with the one DSLContext) and its summary. */
public record OpenMission(MissionFile file, MissionSummary summary) {

    public DSLContext dsl() {
        return file.dsl();
    }

    public Path path() {
        return file.path();
    }
}
