package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FeatureArea;
import ma.essp.diag.app.ui.FeatureContext;
import ma.essp.diag.app.ui.FeatureScreen;
import java.time.LocalDate;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EsspDetailRepository;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The ESSP list in the navigation. */
public final class EsspRegistryArea implements FeatureArea {

    public static final String ID = "registry";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.registry";
    }

    @Override
    public Ikon icon() {
        return Material2AL.LOCAL_HOSPITAL;
    }

    @Override
    public String helpKey() {
        return "registry.help";
    }

    @Override
    public FeatureScreen open(FeatureContext context) {
        var dsl = context.mission().dsl();
        EditContext edit = context.mission().edit();
        EsspRegistryViewModel viewModel = new EsspRegistryViewModel(new EsspRepository(dsl), context.executor(), context.i18n());
        EsspEditRepository editing = new EsspEditRepository(dsl, edit);
        EditHistory lastEdit = new EditHistory(context.executor());
        EsspEditorViewModel editor = new EsspEditorViewModel(editing, context.executor(), context.i18n(), lastEdit);
        EsspDetailViewModel detail = new EsspDetailViewModel(new EsspDetailRepository(dsl, edit), new ma.essp.diag.database.repository.AuditRepository(dsl), context.executor(), context.i18n(),
                LocalDate::now);
        // a delete, a restore or their undo changes the status bar's ESSP count too
        RegistryActionsViewModel actions = new RegistryActionsViewModel(editing, context.executor(), context.i18n(), lastEdit,
                () -> {
                    viewModel.load();
                    context.dataChanged().run();
                });
        lastEdit.setAfterUndo(() -> {
            actions.clearStatus();
            viewModel.load();
            context.dataChanged().run();
            if (editor.esspId() != null) {
                editor.edit(editor.esspId());
                detail.load(editor.esspId());
            }
        });
        EsspRegistryView view = new EsspRegistryView(viewModel, editor, detail, actions, context.i18n(), context.dialogs(),
                context.dataChanged());
        viewModel.load();
        editor.loadReferences(new TerritoryRepository(dsl), new EsspRepository(dsl));
        return view;
    }
}
