package ma.essp.diag.app.merge;

import java.nio.file.Path;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Consolidation in the navigation: another laptop's copy of the mission reviewed, then merged into this one. */
public final class MergeArea implements FeatureArea {

    public static final String ID = "merge";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.merge";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.MERGE_TYPE;
    }

    @Override
    public String helpKey() {
        return "merge.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        MergeViewModel viewModel = new MergeViewModel(context.mission().file(), () -> context.mission().edit(), AppPaths.documents(),
                Path.of(System.getProperty("java.io.tmpdir")), context.executor(), context.i18n(), context.dialogs(),
                context.dataChanged());
        return new MergeView(viewModel, context.i18n());
    }
}
