package ma.essp.diag.app.map;

import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The offline map in the navigation. */
public final class MapArea implements FeatureArea {

    public static final String ID = "map";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "map.nav";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.PLACE;
    }

    @Override
    public String helpKey() {
        return "map.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        MapViewModel viewModel = new MapViewModel(new EsspMapRepository(dsl), new EsspRepository(dsl), dsl, context.executor(),
                context.i18n(), MapFigure.builtIn(), context.dialogs(), AppPaths.documents());
        MapView view = new MapView(viewModel, context.i18n());
        viewModel.load();
        return view;
    }
}
