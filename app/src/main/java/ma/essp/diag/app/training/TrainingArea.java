package ma.essp.diag.app.training;

import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.repository.TrainingOutcomeRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Formation in the navigation: cohorts, sessions, participants, attendance and costs of the training plan. */
public final class TrainingArea implements FeatureArea {

    public static final String ID = "training";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.training";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SCHOOL;
    }

    @Override
    public String helpKey() {
        return "training.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var vm = new TrainingViewModel(new TrainingRepository(context.mission().dsl()), context.mission().edit(),
                context.executor(), context.i18n());
        var outcomes = new TrainingOutcomesViewModel(new TrainingOutcomeRepository(context.mission().dsl()),
                new TrainingRepository(context.mission().dsl()), context.mission().edit(), context.executor(), context.i18n(),
                vm.history());
        vm.alsoAfterUndo(outcomes::reload);
        TrainingView view = new TrainingView(vm, outcomes, context.i18n());
        vm.load();
        return view;
    }
}
