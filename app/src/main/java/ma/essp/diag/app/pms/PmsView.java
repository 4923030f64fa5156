package ma.essp.diag.app.pms;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.app.ui.UnsavedChanges;

/** The PMS area: three tabs. Coming back to the dashboard recomputes it, so new answers show at once. */
public final class PmsView implements FeatureScreen {

    private final TabPane tabs = new TabPane();
    private final UnsavedChanges unsaved;
    private final EditHistory history;

    public PmsView(ReadinessDashboardView dashboard, AssessmentView assessment, CatalogueView catalogue, I18n i18n,
                   Runnable refreshDashboard, UnsavedChanges catalogueEditor, EditHistory history) {
        this.history = history;
        this.unsaved = UnsavedChanges.anyOf(List.of(assessment.unsavedChanges(), catalogueEditor));
        Tab dashboardTab = new Tab(i18n.get("pms.tab.dashboard"), dashboard.view());
        Tab assessmentTab = new Tab(i18n.get("pms.tab.assessment"), assessment.view());
        Tab catalogueTab = new Tab(i18n.get("pms.tab.catalogue"), catalogue.view());
        dashboardTab.setId("pmsDashboardTab");
        assessmentTab.setId("pmsAssessmentTab");
        catalogueTab.setId("pmsCatalogueTab");
        tabs.getTabs().setAll(dashboardTab, assessmentTab, catalogueTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("pmsTabs");
        dashboardTab.setOnSelectionChanged(e -> {
            if (dashboardTab.isSelected()) {
                refreshDashboard.run();
            }
        });
    }

    @Override
    public EditHistory editHistory() {
        return history;
    }

    @Override
    public UnsavedChanges unsavedChanges() {
        return unsaved;
    }

    @Override
    public Node view() {
        return tabs;
    }
}
