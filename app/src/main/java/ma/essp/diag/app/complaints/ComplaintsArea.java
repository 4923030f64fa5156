package ma.essp.diag.app.complaints;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** Complaints (ToR axis 3) in the navigation: checklist and samples per ESSP, and the deadline dashboard. */
public final class ComplaintsArea implements FeatureArea {

    public static final String ID = "complaints";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.complaints";
    }

    @Override
    public Ikon icon() {
        return Material2AL.FEEDBACK;
    }

    @Override
    public String helpKey() {
        return "complaints.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        // the entry's writes reload the dashboard; the dashboard's deadline changes go to the entry's undo history
        ComplaintDashboardViewModel[] dashboard = new ComplaintDashboardViewModel[1];
        var entry = new ComplaintEntryViewModel(new ComplaintRepository(dsl, context.mission().edit()), context.executor(),
                context.i18n(), () -> dashboard[0].load());
        dashboard[0] = new ComplaintDashboardViewModel(dsl, new MissionSettingsRepository(dsl, context.mission().edit()), entry.history(),
                context.executor(), context.i18n());
        ComplaintsView view = new ComplaintsView(entry, dashboard[0], context.i18n(), context.dialogs());
        entry.load();
        dashboard[0].load();
        return view;
    }
}
