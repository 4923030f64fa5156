package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.pms.CatalogueEditorViewModel.FormKind;
import ma.essp.diag.app.pms.CatalogueEditorViewModel.NodeKind;
import ma.essp.diag.app.pms.CatalogueEditorViewModel.TreeNode;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueDiff;
import ma.essp.diag.database.repository.CatalogueDiff.Change;
import ma.essp.diag.database.repository.CatalogueDiff.Entity;
import ma.essp.diag.database.repository.CatalogueDiff.Kind;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueEditorViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private CatalogueVersionRepository versions;
    private CatalogueEditorViewModel vm;
    private final AtomicInteger changes = new AtomicInteger();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private int draft;

    @BeforeEach
    void open() throws Exception {
        mission = FixtureMission.create(dir.resolve("c.essp"));
        EditContext edit = EditContext.system("test");
        versions = new CatalogueVersionRepository(mission.dsl(), edit);
        draft = versions.draftFrom(1, "PMS v0.2");
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        history = new ma.essp.diag.app.ui.EditHistory(executor);
        vm = new CatalogueEditorViewModel(new CatalogueEditRepository(mission.dsl(), edit), versions, executor,
                new I18n(I18n.FRENCH), dialogs, changes::incrementAndGet, history);
        history.setAfterUndo(vm::reloadAfterUndo);
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private static TreeNode find(TreeNode node, Predicate<TreeNode> p) {
        if (p.test(node)) {
            return node;
        }
        for (TreeNode c : node.children()) {
            TreeNode f = find(c, p);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private TreeNode node(Predicate<TreeNode> p) {
        TreeNode n = find(vm.treeProperty().get(), p);
        assertThat(n).isNotNull();
        return n;
    }

    private TreeNode service(String code) {
        return node(n -> n.kind() == NodeKind.SERVICE && n.text().startsWith(code + " — "));
    }

    private CatalogueDiff diff() {
        return versions.compare(1, draft);
    }

    @Test
    void theTreeHoldsGeneralDomainsThenAreasServicesAndTheirDomains() {
        vm.setVersion(versions.version(draft));
        assertThat(vm.editableProperty().get()).isTrue();
        List<TreeNode> top = vm.treeProperty().get().children();
        assertThat(top.getFirst().kind()).isEqualTo(NodeKind.GENERAL);
        assertThat(top.getFirst().children()).extracting(TreeNode::domainCode)
                .containsExactly("basic_amenities", "basic_equipment", "standard_precautions", "diagnostic_capacity", "essential_medicines");
        assertThat(top.subList(1, top.size())).allMatch(n -> n.kind() == NodeKind.AREA);
        assertThat(service("ANC").children()).extracting(TreeNode::domainCode)
                .containsExactly("staff_guidelines", "equipment", "diagnostics", "medicines_commodities");
    }

    @Test
    void validationPointsAtTheFieldsAndWritesNothing() {
        vm.setVersion(versions.version(draft));
        vm.selectedNodeProperty().set(service("ANC"));
        assertThat(vm.formKindProperty().get()).isEqualTo(FormKind.SERVICE);
        vm.newItem();
        assertThat(vm.formKindProperty().get()).isEqualTo(FormKind.ITEM);
        assertThat(vm.creatingProperty().get()).isTrue();
        assertThat(vm.domainChoices()).containsExactly("staff_guidelines", "equipment", "diagnostics", "medicines_commodities");
        assertThat(vm.domainProperty().get()).isEqualTo("staff_guidelines");

        vm.save();
        assertThat(vm.codeErrorProperty().get()).isEqualTo("Le code est obligatoire.");
        assertThat(vm.labelErrorProperty().get()).isEqualTo("Le libellé français est obligatoire.");
        assertThat(vm.messageProperty().get()).startsWith("Rien n’a été enregistré");
        assertThat(diff().isEmpty()).isTrue();

        // leaving the code field with a code that another item of the version has
        vm.codeProperty().set("AM01");
        assertThat(vm.validateCode()).isFalse();
        assertThat(vm.codeErrorProperty().get()).isEqualTo("Le code AM01 est déjà utilisé dans cette version.");
        vm.labelFrProperty().set("Tensiomètre électronique");
        assertThat(vm.validateLabel()).isTrue();
        assertThat(vm.labelErrorProperty().get()).isEmpty();
        vm.domainProperty().set("basic_equipment");
        assertThat(vm.validateDomain()).isFalse();
        vm.save();
        assertThat(diff().isEmpty()).isTrue();
        assertThat(changes).hasValue(0);

        vm.codeProperty().set("ANC99");
        vm.domainProperty().set("equipment");
        vm.save();
        assertThat(vm.codeErrorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Enregistré.");
        assertThat(diff().changes()).containsExactly(new Change(Entity.ITEM, Kind.ADDED, "ANC99", List.of()));
        assertThat(changes).hasValue(1);
        // the new item is selected in its service's equipment domain, in edit mode
        assertThat(vm.selectedNodeProperty().get().kind()).isEqualTo(NodeKind.ITEM);
        assertThat(vm.selectedNodeProperty().get().text()).startsWith("ANC99 — Tensiomètre électronique");
        assertThat(vm.creatingProperty().get()).isFalse();
    }

    private ma.essp.diag.app.ui.EditHistory history;

    @Test
    void threeEditsOfAnItemUndoneThreeTimesAndRedoneTwice() {
        vm.setVersion(versions.version(draft));
        for (String label : new String[] {"Électricité 1", "Électricité 2", "Électricité 3"}) {
            vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")));
            vm.labelFrProperty().set(label);
            vm.save();
        }
        assertThat(history.descriptionProperty().get()).isEqualTo("élément AM01");
        for (int i = 0; i < 3; i++) {
            history.undo(e -> { throw new AssertionError(e); });
        }
        assertThat(diff().isEmpty()).as("back to the version it was drafted from").isTrue();
        assertThat(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")).text()).isEqualTo("AM01 — Électricité");
        history.redo(e -> { throw new AssertionError(e); });
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")).text()).isEqualTo("AM01 — Électricité 2");
        assertThat(history.redoAvailableProperty().get()).isTrue();
    }

    @Test
    void editAnItemAndAServiceRequirementThenDelete() {
        vm.setVersion(versions.version(draft));
        vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")));
        assertThat(vm.domainChoices()).hasSize(5);
        vm.labelFrProperty().set("Électricité (sans coupure > 2 h)");
        vm.save();
        assertThat(diff().changes()).containsExactly(new Change(Entity.ITEM, Kind.CHANGED, "AM01", List.of("label_fr")));

        vm.selectedNodeProperty().set(service("ANC"));
        var dr = vm.requirements().stream().filter(r -> r.category().equals("DR")).findFirst().orElseThrow();
        String other = "required".equals(dr.requirementProperty().get()) ? "optional" : "required";
        dr.requirementProperty().set(other);
        assertThat(diff().of(Entity.REQUIREMENT, Kind.CHANGED)).extracting(Change::code).containsExactly("ANC/DR");

        vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM02 — ")));
        vm.deleteSelected();
        assertThat(diff().of(Entity.ITEM, Kind.REMOVED)).extracting(Change::code).containsExactly("AM02");
        assertThat(find(vm.treeProperty().get(), n -> n.text().startsWith("AM02 — "))).isNull();
        assertThat(dialogs.shown).isEmpty();

        // a service goes with its items: asked first, and "no" changes nothing
        long ancItems = versions.snapshot(draft).items().stream().filter(i -> "ANC".equals(i.serviceCode())).count();
        vm.selectedNodeProperty().set(service("ANC"));
        dialogs.confirmAnswer = false;
        vm.deleteSelected();
        assertThat(dialogs.shown).singleElement().satisfies(d -> assertThat(d.message()).contains(ancItems + " élément"));
        assertThat(diff().of(Entity.SERVICE, Kind.REMOVED)).isEmpty();
        dialogs.confirmAnswer = true;
        vm.deleteSelected();
        assertThat(diff().of(Entity.SERVICE, Kind.REMOVED)).extracting(Change::code).containsExactly("ANC");
        assertThat(diff().of(Entity.ITEM, Kind.REMOVED)).hasSize((int) ancItems + 1);
    }

    @Test
    void aPublishedVersionIsReadOnly() {
        versions.publish(draft, versions.version(draft).version(), LocalDate.of(2026, 5, 1));
        vm.setVersion(versions.version(draft));
        assertThat(vm.editableProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Version publiée : lecture seule");
        assertThat(vm.treeProperty().get()).isNotNull();

        // the content is still shown
        vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")));
        assertThat(vm.formKindProperty().get()).isEqualTo(FormKind.ITEM);
        vm.labelFrProperty().set("Autre chose");
        vm.save();
        vm.newItem();
        vm.newArea();
        vm.deleteSelected();
        assertThat(vm.formKindProperty().get()).isEqualTo(FormKind.ITEM);
        assertThat(vm.creatingProperty().get()).isFalse();

        vm.selectedNodeProperty().set(service("ANC"));
        var dr = vm.requirements().stream().filter(r -> r.category().equals("DR")).findFirst().orElseThrow();
        String before = dr.requirementProperty().get();
        dr.requirementProperty().set("required".equals(before) ? "optional" : "required");
        assertThat(dr.requirementProperty().get()).isEqualTo(before);

        assertThat(diff().isEmpty()).isTrue();
        assertThat(changes).hasValue(0);
        assertThat(vm.messageProperty().get()).startsWith("Version publiée : lecture seule");
    }

    @Test
    void aDraftThatAssessmentsUseIsLockedButNeverCalledReadOnly() {
        int essp = mission.dsl().select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("E002")).fetchOne().value1();
        new ma.essp.diag.database.repository.AssessmentRepository(mission.dsl(), EditContext.system("test"))
                .start(essp, draft, LocalDate.of(2026, 5, 2), "test");
        vm.setVersion(versions.version(draft));
        assertThat(vm.editableProperty().get()).isFalse();
        String locked = "Brouillon utilisé par 1 évaluation(s) : verrouillé pour que leurs indices ne changent pas. "
                + "Créez un nouveau brouillon à partir de lui pour le modifier.";
        assertThat(vm.messageProperty().get()).isEqualTo(locked);
        vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")));
        vm.labelFrProperty().set("Autre chose");
        vm.save();
        assertThat(diff().isEmpty()).isTrue();
        assertThat(changes).hasValue(0);
        // a refused edit of a draft says why in the draft's words, never "published version: read-only"
        assertThat(vm.messageProperty().get()).isEqualTo(locked).doesNotContain("lecture seule").doesNotContain("publiée");
        vm.selectedNodeProperty().set(service("ANC"));
        var dr = vm.requirements().stream().filter(r -> r.category().equals("DR")).findFirst().orElseThrow();
        String before = dr.requirementProperty().get();
        dr.requirementProperty().set("required".equals(before) ? "optional" : "required");
        assertThat(dr.requirementProperty().get()).isEqualTo(before);
        assertThat(vm.messageProperty().get()).isEqualTo(locked);
    }

    @Test
    void anEditOfARowChangedInAnotherWindowMeanwhileIsRefusedAndTheTreeReloaded() {
        vm.setVersion(versions.version(draft));
        var other = new CatalogueEditRepository(mission.dsl(), EditContext.system("youssef"));
        var items = ma.essp.diag.database.jooq.Tables.PMS_ITEM;
        var audit = ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
        String stale = new I18n(I18n.FRENCH).get("error.stale");
        vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM01 — ")));
        int am01 = vm.selectedNodeProperty().get().id();
        // another window renames AM01 after this editor loaded it
        other.editItem(am01, 1, new ma.essp.diag.database.repository.CatalogueEditRepository.ItemFields("AM01", "basic_amenities",
                new ma.essp.diag.database.repository.CatalogueContent.Labels("Électricité (réseau public)", null, null), true, null));
        int auditRows = mission.dsl().fetchCount(audit);
        vm.labelFrProperty().set("Électricité (sans coupure > 2 h)");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo(stale);
        var row = mission.dsl().selectFrom(items).where(items.ID.eq(am01)).fetchSingle();
        assertThat(row.getLabelFr()).isEqualTo("Électricité (réseau public)");
        assertThat(row.getUpdatedBy()).isEqualTo("youssef");
        assertThat(mission.dsl().fetchCount(audit)).isEqualTo(auditRows);
        // the tree shows the row as it now is; deleting it from there works
        assertThat(node(n -> n.kind() == NodeKind.ITEM && n.id() == am01).text()).contains("réseau public");

        // a service requirement set meanwhile by the other window: refused too, the other's value kept
        vm.selectedNodeProperty().set(service("ANC"));
        int anc = vm.selectedNodeProperty().get().id();
        var dr = vm.requirements().stream().filter(r -> r.category().equals("DR")).findFirst().orElseThrow();
        String shown = dr.requirementProperty().get();
        String theirs = "not_expected".equals(shown) ? "optional" : "not_expected";
        other.setRequirement(anc, "DR", other.content(draft).requirementVersion(anc, "DR"), theirs);
        dr.requirementProperty().set("required".equals(shown) ? "optional" : "required");
        assertThat(vm.messageProperty().get()).isEqualTo(stale);
        assertThat(other.content(draft).requirements(anc)).containsEntry("DR", theirs);
    }

    @Test
    void choosingAnotherNodeWithUnsavedEditsAsksFirst() {
        vm.setVersion(versions.version(draft));
        TreeNode anc = service("ANC");
        TreeNode area = vm.treeProperty().get().children().get(1);
        boolean[] stayed = {false};
        vm.choose(anc, () -> stayed[0] = true);
        assertThat(dialogs.shown).isEmpty(); // nothing edited: no question
        assertThat(vm.formKindProperty().get()).isEqualTo(FormKind.SERVICE);
        String label = vm.labelFrProperty().get();

        vm.labelFrProperty().set(label + " (CPN)");
        dialogs.unsavedAnswer = ma.essp.diag.app.ui.UnsavedChangesGuard.Choice.CANCEL;
        vm.choose(area, () -> stayed[0] = true);
        assertThat(stayed[0]).isTrue();
        assertThat(vm.selectedNodeProperty().get().key()).isEqualTo(anc.key());
        assertThat(vm.labelFrProperty().get()).isEqualTo(label + " (CPN)");
        assertThat(diff().isEmpty()).isTrue();

        dialogs.unsavedAnswer = ma.essp.diag.app.ui.UnsavedChangesGuard.Choice.SAVE;
        vm.choose(area, () -> stayed[0] = false);
        assertThat(stayed[0]).isTrue(); // not asked to stay this time
        assertThat(diff().isEmpty()).isFalse(); // the label was written on the way
        assertThat(vm.selectedNodeProperty().get().key()).isEqualTo(area.key());
        assertThat(vm.formKindProperty().get()).isEqualTo(FormKind.AREA);
        assertThat(vm.hasUnsavedChanges()).isFalse();
        assertThat(dialogs.shown).extracting(RecordingDialogService.Shown::kind).containsExactly("unsaved", "unsaved");
    }

    @Test
    void anAreaRenameAndAServiceMovedToAnotherAreaAreUndoneAndRedone() {
        vm.setVersion(versions.version(draft));
        TreeNode area = vm.treeProperty().get().children().stream().filter(n -> n.kind() == NodeKind.AREA).findFirst().orElseThrow();
        vm.selectedNodeProperty().set(area);
        String areaLabel = vm.labelFrProperty().get();
        vm.labelFrProperty().set(areaLabel + " (renommé)");
        vm.save();
        assertThat(history.descriptionProperty().get()).startsWith("domaine d’activité ");

        vm.selectedNodeProperty().set(service("ANC"));
        String serviceLabel = vm.labelFrProperty().get();
        vm.labelFrProperty().set("Consultation prénatale (CPN)");
        vm.save();
        assertThat(history.descriptionProperty().get()).isEqualTo("service ANC");
        assertThat(diff().isEmpty()).isFalse();

        history.undo(e -> { throw new AssertionError(e); });
        assertThat(service("ANC").text()).isEqualTo("ANC — " + serviceLabel);
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(diff().isEmpty()).as("back to the version it was drafted from").isTrue();
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(diff().changes()).extracting(Change::entity).containsExactly(Entity.AREA);
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(service("ANC").text()).isEqualTo("ANC — Consultation prénatale (CPN)");
    }

    /**
     * An item deleted, then a service with its items and requirements: Ctrl+Z brings the service back whole, then the
     * item (the draft is again as it was drafted); Ctrl+Y deletes them again.
     */
    @Test
    void deletionsOfAnItemAndOfAServiceWithItsItemsAreUndoneAndRedone() {
        vm.setVersion(versions.version(draft));
        long ancItems = versions.snapshot(draft).items().stream().filter(i -> "ANC".equals(i.serviceCode())).count();
        vm.selectedNodeProperty().set(node(n -> n.kind() == NodeKind.ITEM && n.text().startsWith("AM02 — ")));
        vm.deleteSelected();
        assertThat(history.descriptionProperty().get()).startsWith("suppression de AM02 — ");
        dialogs.confirmAnswer = true;
        vm.selectedNodeProperty().set(service("ANC"));
        vm.deleteSelected();
        assertThat(diff().of(Entity.ITEM, Kind.REMOVED)).hasSize((int) ancItems + 1);

        history.undo(e -> { throw new AssertionError(e); });
        assertThat(diff().of(Entity.SERVICE, Kind.REMOVED)).as("the service back").isEmpty();
        assertThat(diff().of(Entity.ITEM, Kind.REMOVED)).extracting(Change::code).containsExactly("AM02");
        assertThat(find(vm.treeProperty().get(), n -> n.kind() == NodeKind.SERVICE && n.text().startsWith("ANC — "))).isNotNull();
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(diff().isEmpty()).as("back to the version it was drafted from, requirements included").isTrue();
        assertThat(history.availableProperty().get()).isFalse();

        history.redo(e -> { throw new AssertionError(e); });
        assertThat(diff().of(Entity.ITEM, Kind.REMOVED)).extracting(Change::code).containsExactly("AM02");
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(diff().of(Entity.SERVICE, Kind.REMOVED)).extracting(Change::code).containsExactly("ANC");
        assertThat(diff().of(Entity.ITEM, Kind.REMOVED)).hasSize((int) ancItems + 1);
    }
}
