package ma.essp.diag.app.fieldwork;

import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** Excel field templates in the navigation: write a template, import a filled one after reviewing its report. */
public final class FieldworkArea implements FeatureArea {

    public static final String ID = "fieldwork";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.fieldwork";
    }

    @Override
    public Ikon icon() {
        return Material2AL.GRID_ON;
    }

    @Override
    public String helpKey() {
        return "fieldwork.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        FieldworkViewModel viewModel = new FieldworkViewModel(context.mission().file(), () -> context.mission().edit(),
                AppPaths.documents(), context.executor(), context.i18n(), context.dialogs(), context.dataChanged());
        FieldworkView view = new FieldworkView(viewModel, context.i18n());
        viewModel.load();
        return view;
    }
}
