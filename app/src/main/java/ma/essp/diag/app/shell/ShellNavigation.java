package ma.essp.diag.app.shell;

import java.util.List;
import ma.essp.diag.app.dataflows.DataFlowsArea;
import ma.essp.diag.app.complaints.ComplaintsArea;
import ma.essp.diag.app.findings.FindingsArea;
import ma.essp.diag.app.hr.HrArea;
import ma.essp.diag.app.map.MapArea;
import ma.essp.diag.app.pms.PmsArea;
import ma.essp.diag.app.registry.EsspRegistryArea;
import ma.essp.diag.app.reports.ReportsArea;
import ma.essp.diag.app.territory.CirconscriptionsArea;
import ma.essp.diag.app.territory.TerritoryArea;
import ma.essp.diag.app.training.TrainingArea;
import ma.essp.diag.app.ui.NavigationEntry;
import ma.essp.diag.app.ui.PlannedArea;
import ma.essp.diag.app.violence.ViolenceArea;

/**
 * The areas of a mission, in navigation order. A feature that gets built replaces its {@link PlannedArea}
 * here with its own {@code FeatureArea} (e.g. {@code new ComplaintsArea()}); nothing else in the shell changes.
 */
public final class ShellNavigation {

    private ShellNavigation() {
    }

    public static List<NavigationEntry> entries() {
        return List.of(
                new TerritoryArea(),
                new EsspRegistryArea(),
                new MapArea(),
                new HrArea(),
                new PmsArea(),
                new CirconscriptionsArea(),
                new DataFlowsArea(),
                new ComplaintsArea(),
                new TrainingArea(),
                new ViolenceArea(),
                new FindingsArea(),
                new ReportsArea(),
                new ma.essp.diag.app.fieldwork.FieldworkArea(),
                new ma.essp.diag.app.merge.MergeArea(),
                new ma.essp.diag.app.merge.SyncArea(),
                new ma.essp.diag.app.missiondetails.MissionDetailsArea(),
                new ma.essp.diag.app.audit.AuditArea());
    }
}
