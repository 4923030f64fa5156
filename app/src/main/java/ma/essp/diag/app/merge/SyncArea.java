package ma.essp.diag.app.merge;

import java.nio.file.Path;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.OsKeyring;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Synchronisation with the team server in the navigation, next to consolidation. */
public final class SyncArea implements FeatureArea {

    public static final String ID = "sync";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.sync";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SYNC;
    }

    @Override
    public String helpKey() {
        return "merge.sync.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        Path settingsFile = AppPaths.detect().settingsFile();
        MergeViewModel review = new MergeViewModel(context.mission().file(), () -> context.mission().edit(), AppPaths.documents(),
                Path.of(System.getProperty("java.io.tmpdir")), context.executor(), context.i18n(), context.dialogs(),
                context.dataChanged());
        SyncViewModel viewModel = new SyncViewModel(context.mission().file(), () -> context.mission().edit(),
                () -> Settings.load(settingsFile).serverProfiles(),
                profile -> {
                    Settings settings = Settings.load(settingsFile);
                    settings.setServerProfile(profile);
                    settings.save();
                },
                review, OsKeyring.forThisComputer(), context.executor(), context.i18n(), context.dataChanged());
        return new SyncView(viewModel, context.i18n());
    }
}
