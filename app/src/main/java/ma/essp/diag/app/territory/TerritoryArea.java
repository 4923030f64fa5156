package ma.essp.diag.app.territory;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The territory browser in the navigation. */
public final class TerritoryArea implements FeatureArea {

    public static final String ID = "territory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.territory";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.MAP;
    }

    @Override
    public String helpKey() {
        return "territory.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        TerritoryViewModel viewModel = new TerritoryViewModel(new TerritoryRepository(context.mission().dsl()),
                context.executor(), context.i18n());
        TerritoryView view = new TerritoryView(viewModel, context.i18n(), context.openEssp(), context.newEsspIn());
        viewModel.load();
        return view;
    }
}
