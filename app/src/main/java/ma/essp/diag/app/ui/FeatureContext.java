package ma.essp.diag.app.ui;

import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.OpenMission;
import ma.essp.diag.app.task.TaskExecutor;

/**
 * What a screen gets from the shell: the open mission, the task executor, the language, the dialogs, what to call
 * after the screen changed what the status bar counts (ESSPs deleted, restored...), how to open an ESSP's form
 * and detail in the registry (by its id) from another area, and how to start a new ESSP there in a circonscription
 * (by the circonscription's id).
 */
public record FeatureContext(OpenMission mission, TaskExecutor executor, I18n i18n, DialogService dialogs, Runnable dataChanged,
                             java.util.function.IntConsumer openEssp, java.util.function.IntConsumer newEsspIn) {

    /** A context whose screen changes nothing the status bar counts and opens no ESSP elsewhere. */
    public FeatureContext(OpenMission mission, TaskExecutor executor, I18n i18n, DialogService dialogs) {
        this(mission, executor, i18n, dialogs, () -> { }, id -> { }, id -> { });
    }
}
