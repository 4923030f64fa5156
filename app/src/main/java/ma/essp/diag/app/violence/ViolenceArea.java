package ma.essp.diag.app.violence;

import java.time.LocalDate;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Violence (auteurs) in the navigation: the perpetrator-care model roll-out (ToR axis 6). */
public final class ViolenceArea implements FeatureArea {

    public static final String ID = "violence";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.violence";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SECURITY;
    }

    @Override
    public String helpKey() {
        return "violence.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var vm = new ViolenceViewModel(new PerpetratorCareRepository(context.mission().dsl()), context.mission().edit(),
                context.executor(), context.i18n(), LocalDate.now(), new EditHistory(context.executor()));
        ViolenceView view = new ViolenceView(vm, context.i18n());
        vm.load();
        return view;
    }
}
