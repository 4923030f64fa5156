package ma.essp.diag.app.hr;

import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.HrRelationRepository;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.reporting.hr.HrFactsLoader;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Human resources in the navigation: staff entry, indicators, ESSP ↔ GST HR matrix. */
public final class HrArea implements FeatureArea {

    public static final String ID = "hr";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.hr";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.PEOPLE;
    }

    @Override
    public String helpKey() {
        return "hr.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        EditContext edit = context.mission().edit();
        EditHistory history = new EditHistory(context.executor());
        var staff = new HrStaffViewModel(new StaffRepository(dsl, edit), new StructureRepository(dsl, edit), new TerritoryRepository(dsl),
                context.executor(), context.i18n(), history);
        history.setAfterUndo(staff::afterUndo);
        var indicators = new HrIndicatorsViewModel(new HrFactsLoader(dsl), context.executor(), context.i18n());
        var matrix = new HrMatrixViewModel(new HrRelationRepository(dsl, edit), new TerritoryRepository(dsl), context.executor(),
                context.i18n());
        HrView view = new HrView(staff, indicators, matrix, context.i18n(), history);
        staff.load();
        indicators.load();
        matrix.load();
        return view;
    }
}
