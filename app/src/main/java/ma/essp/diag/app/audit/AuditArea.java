package ma.essp.diag.app.audit;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.AuditRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The audit trail (who changed what, when, on which laptop) in the navigation. */
public final class AuditArea implements FeatureArea {

    public static final String ID = "audit";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.audit";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.RESTORE_PAGE;
    }

    @Override
    public String helpKey() {
        return "mission.audit.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        AuditViewModel viewModel = new AuditViewModel(new AuditRepository(context.mission().dsl()), context.executor(), context.i18n());
        viewModel.load();
        return new AuditView(viewModel, context.i18n());
    }
}
