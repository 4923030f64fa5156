package ma.essp.diag.app.missiondetails;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.MissionDetailsRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The mission details (name, beneficiary, dates, team) in the navigation. */
public final class MissionDetailsArea implements FeatureArea {

    public static final String ID = "mission";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.mission";
    }

    @Override
    public Ikon icon() {
        return Material2AL.ASSIGNMENT;
    }

    @Override
    public String helpKey() {
        return "mission.details.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        MissionDetailsViewModel viewModel = new MissionDetailsViewModel(
                new MissionDetailsRepository(context.mission().dsl(), context.mission().edit()), context.executor(),
                context.i18n(), context.dataChanged());
        viewModel.load();
        return new MissionDetailsView(viewModel, context.i18n());
    }
}
