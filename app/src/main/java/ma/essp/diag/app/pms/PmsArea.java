package ma.essp.diag.app.pms;

import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** PMS and readiness in the navigation: the dashboard, the assessment checklist and the catalogue versions. */
public final class PmsArea implements FeatureArea {

    public static final String ID = "pms";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.pms";
    }

    @Override
    public Ikon icon() {
        return Material2AL.FACT_CHECK;
    }

    @Override
    public String helpKey() {
        return "pms.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        EditContext edit = context.mission().edit();
        CatalogueVersionRepository catalogue = new CatalogueVersionRepository(dsl, edit);
        ReadinessDashboardViewModel dashboard = new ReadinessDashboardViewModel(
                () -> ReadinessCalculator.compute(new ReadinessDataRepository(dsl).load(), ReadinessRules.ofMission(dsl)),
                context.executor(), context.i18n());
        // one history for the area's editors (checklist, catalogue editor): Ctrl+Z undoes the last saved edit of either
        EditHistory history = new EditHistory(context.executor());
        AssessmentViewModel assessment = new AssessmentViewModel(new AssessmentRepository(dsl, edit), catalogue,
                new EsspRepository(dsl), context.executor(), context.i18n(), history, context.dialogs());
        CatalogueViewModel catalogueViewModel = new CatalogueViewModel(catalogue, new CatalogueEditRepository(dsl, edit),
                context.executor(), context.i18n(), context.dialogs(), history);
        PmsView view = new PmsView(new ReadinessDashboardView(dashboard, context.i18n()),
                new AssessmentView(assessment, context.i18n()), new CatalogueView(catalogueViewModel, context.i18n()),
                context.i18n(), dashboard::load, catalogueViewModel.editor(), history);
        history.setAfterUndo(() -> {
            assessment.reload();
            catalogueViewModel.editor().reloadAfterUndo();
        });
        dashboard.load();
        assessment.load();
        catalogueViewModel.load();
        return view;
    }
}
