package ma.essp.diag.app.dataflows;

import java.time.Clock;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.reporting.dataflow.DataVerification;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Data flows and routine information system quality (ToR axis 2) in the navigation. */
public final class DataFlowsArea implements FeatureArea {

    public static final String ID = "dataflows";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.dataflows";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SYNC_ALT;
    }

    @Override
    public String helpKey() {
        return "dataflows.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        DataFlowRepository repository = new DataFlowRepository(dsl, context.mission().edit());
        var viewModel = new DataFlowsViewModel(() -> new DataFlowsViewModel.Loaded(repository.load(), DataVerification.Band.ofMission(dsl)),
                repository, new MissionSettingsRepository(dsl, context.mission().edit()), context.executor(), context.i18n(),
                Clock.systemDefaultZone());
        DataFlowsView view = new DataFlowsView(viewModel, context.i18n());
        viewModel.load();
        return view;
    }
}
