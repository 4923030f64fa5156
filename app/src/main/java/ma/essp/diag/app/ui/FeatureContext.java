package ma.essp.diag.app.ui;

import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.OpenMission;
import ma.essp.diag.app.task.TaskExecutor;

/** What a screen gets from the shell: the open mission, the task executor, the language and the dialogs. */
public record FeatureContext(OpenMission mission, TaskExecutor executor, I18n i18n, DialogService dialogs) {
}
