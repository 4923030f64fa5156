package ma.essp.diag.app.territory;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository;
import ma.essp.diag.database.repository.CirconscriptionRepository;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** Circonscriptions (territory editing, attributions, comparison) and GST dates in the navigation. */
public final class CirconscriptionsArea implements FeatureArea {

    public static final String ID = "circonscriptions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.circonscriptions";
    }

    @Override
    public Ikon icon() {
        return Material2AL.ACCOUNT_TREE;
    }

    @Override
    public String helpKey() {
        return "territory.circ.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        EditContext edit = context.mission().edit();
        var viewModel = new CirconscriptionsViewModel(new CirconscriptionRepository(dsl, edit),
                new CirconscriptionOrganisationRepository(dsl, edit), new TerritoryRepository(dsl), context.executor(), context.i18n(), context.dialogs());
        var gst = new GstViewModel(new StructureRepository(dsl, edit), context.executor(), context.i18n(), context.dialogs());
        CirconscriptionsView view = new CirconscriptionsView(viewModel, gst, context.i18n());
        viewModel.load();
        gst.load();
        return view;
    }
}
