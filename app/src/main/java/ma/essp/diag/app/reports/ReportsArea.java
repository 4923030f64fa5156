package ma.essp.diag.app.reports;

import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The report screen in the navigation: the diagnostic report as a workbook or a PDF. */
public final class ReportsArea implements FeatureArea {

    public static final String ID = "reports";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.reports";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.PICTURE_AS_PDF;
    }

    @Override
    public String helpKey() {
        return "reports.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        // reports go to the user's Documents by default, not next to the mission (often the hidden data folder)
        ReportsViewModel viewModel = new ReportsViewModel(context.mission().dsl(), AppPaths.documents(), context.executor(), context.i18n(),
                ReportsView::openWithSystem, context.dialogs());
        ReportsView view = new ReportsView(viewModel, context.i18n());
        viewModel.load();
        return view;
    }
}
