package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.EsspRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The ESSP list in the navigation. */
public final class EsspRegistryArea implements FeatureArea {

    public static final String ID = "registry";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.registry";
    }

    @Override
    public Ikon icon() {
        return Material2AL.LOCAL_HOSPITAL;
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        EsspRegistryViewModel viewModel = new EsspRegistryViewModel(new EsspRepository(context.mission().dsl()),
                context.executor(), context.i18n());
        EsspRegistryView view = new EsspRegistryView(viewModel, context.i18n());
        viewModel.load();
        return view;
    }
}
