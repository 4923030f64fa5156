package ma.essp.diag.app.testing;

import java.nio.file.Path;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.mission.MissionService.MemberChoice;
import ma.essp.diag.app.mission.OpenMission;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;

/**
 * For window tests: settings in which the consultant already said who they are in a mission (the first team member,
 * or a new "Consultante de test"), so that opening it shows no "who are you" dialog.
 */
public final class Identified {

    private Identified() {
    }

    public static Settings settingsFor(AppPaths paths, Path mission) throws Exception {
        Settings settings = Settings.load(paths.settingsFile());
        MissionService service = new MissionService(paths, null);
        OpenMission opened = service.open(mission, settings);
        try {
            if (!opened.identified()) {
                service.identify(opened, opened.team().isEmpty() ? new MemberChoice.NewMember("Consultante de test")
                        : new MemberChoice.Existing(opened.team().getFirst().uuid()), settings);
            }
        } finally {
            opened.file().close();
        }
        return settings;
    }
}
