package ma.essp.diag.app.findings;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.reporting.findings.FindingsFigures;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** "Constats et recommandations": the SWOT board, the recommendations and the proposed findings (issue 13). */
public final class FindingsArea implements FeatureArea {

    public static final String ID = "findings";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.findings";
    }

    @Override
    public Ikon icon() {
        return Material2AL.LIGHTBULB;
    }

    @Override
    public String helpKey() {
        return "findings.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        FindingsViewModel viewModel = new FindingsViewModel(new FindingRepository(dsl), new FindingsFigures.Loader(dsl)::load,
                context.mission().edit(), context.executor(), context.i18n());
        FindingsView view = new FindingsView(viewModel, context.i18n());
        viewModel.load();
        return view;
    }
}
