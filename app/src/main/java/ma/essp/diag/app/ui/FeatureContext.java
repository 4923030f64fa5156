package ma.essp.diag.app.ui;

import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.OpenMission;
import ma.essp.diag.app.task.TaskExecutor;

/**
 * What a screen gets from the shell: the open mission, the task executor, the language, the dialogs, and what to
 * call after the screen changed what the status bar counts (ESSPs deleted, restored...).
 */
public record FeatureContext(OpenMission mission, TaskExecutor executor, I18n i18n, DialogService dialogs, Runnable dataChanged) {

    /** A context whose screen changes nothing the status bar counts. */
    public FeatureContext(OpenMission mission, TaskExecutor executor, I18n i18n, DialogService dialogs) {
        this(mission, executor, i18n, dialogs, () -> { });
    }
}
