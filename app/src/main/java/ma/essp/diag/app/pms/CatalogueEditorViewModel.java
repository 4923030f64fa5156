package ma.essp.diag.app.pms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.repository.CatalogueContent;
import ma.essp.diag.database.repository.CatalogueContent.Labels;
import ma.essp.diag.database.repository.CatalogueEditException;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueEditRepository.ItemFields;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository.VersionInfo;
import ma.essp.diag.database.repository.StaleEditException;

/**
 * The content editor of one catalogue version: a tree (general readiness items by their five domains; service
 * areas → services → the four service domains → items), a form for the selected area, service or item, and the
 * requirement of the selected service per ESSP category. A published version is shown read-only. Validation
 * happens here: each field is checked when the user leaves it and again on save, and the message sits under the
 * field; a save with errors writes nothing and says so.
 */
public final class CatalogueEditorViewModel implements UnsavedChanges {

    public enum NodeKind { GENERAL, AREA, SERVICE, DOMAIN, ITEM }

    public enum FormKind { NONE, AREA, SERVICE, ITEM }

    /** One node of the tree; {@code id} is the row id for areas, services and items, 0 otherwise. */
    public record TreeNode(NodeKind kind, int id, Integer serviceId, String domainCode, String text, List<TreeNode> children) {
        public TreeNode {
            children = List.copyOf(children);
        }

        /** Identity across reloads (the text may change). */
        public String key() {
            return kind + ":" + id + ":" + serviceId + ":" + domainCode;
        }
    }

    /** One ESSP category of the selected service; {@code requirement} null when no row exists yet. */
    public static final class RequirementRow {
        private final String category;
        private final ObjectProperty<String> requirement = new SimpleObjectProperty<>();
        /** The version of the requirement row as loaded (null: none yet), what a change starts from. */
        private final Integer version;

        RequirementRow(String category, String requirement, Integer version) {
            this.category = category;
            this.requirement.set(requirement);
            this.version = version;
        }

        public String category() {
            return category;
        }

        public ObjectProperty<String> requirementProperty() {
            return requirement;
        }
    }

    public static final List<String> REQUIREMENT_CHOICES = Vocabulary.REQUIREMENT.codes();

    private static final Map<String, String> DOMAIN_KEYS = Map.of(
            "basic_amenities", "pms.column.basic_amenities",
            "basic_equipment", "pms.column.basic_equipment",
            "standard_precautions", "pms.column.standard_precautions",
            "diagnostic_capacity", "pms.column.diagnostic_capacity",
            "essential_medicines", "pms.column.essential_medicines",
            "staff_guidelines", "pms.domain.staff_guidelines",
            "equipment", "pms.domain.equipment",
            "diagnostics", "pms.domain.diagnostics",
            "medicines_commodities", "pms.domain.medicines_commodities");

    private final CatalogueEditRepository repository;
    private final CatalogueVersionRepository versions;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable onChanged;
    private final DialogService dialogs;
    /** The area's undo/redo history: an item's edit joins it. */
    private final EditHistory history;
    private static final String ITEMS = "pms_item";
    private static final String AREAS = "pms_service_area";
    private static final String SERVICES = "pms_service";

    private VersionInfo version;
    /** How many assessments use the draft shown (it is locked while any do), 0 for none or a published version. */
    private int draftInUse;
    private CatalogueContent content;
    private Map<String, String> domainScopes = Map.of();
    private List<String> categories = List.of();
    private boolean filling;

    private final ReadOnlyObjectWrapper<TreeNode> tree = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<TreeNode> selectedNode = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<FormKind> formKind = new ReadOnlyObjectWrapper<>(FormKind.NONE);
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty labelFr = new SimpleStringProperty("");
    private final StringProperty labelEn = new SimpleStringProperty("");
    private final StringProperty labelAr = new SimpleStringProperty("");
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>();
    private final ObjectProperty<CatalogueContent.Area> area = new SimpleObjectProperty<>();
    private final BooleanProperty inScope = new SimpleBooleanProperty(true);
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper codeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper labelError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper domainError = new ReadOnlyStringWrapper("");
    private final ObservableList<String> domainChoices = FXCollections.observableArrayList();
    private final ObservableList<CatalogueContent.Area> areaChoices = FXCollections.observableArrayList();
    private final ObservableList<RequirementRow> requirements = FXCollections.observableArrayList();
    /** The form's values as last shown or saved (requirements are written at once and are not part of it). */
    private List<Object> formShown = List.of();
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(false);
    private final ma.essp.diag.app.ui.UnsavedChangesGuard guard;

    /** What the form edits: the row id (0 when creating), and for a new item its service (null: general). */
    private int formId;
    /** The version of the area, service or item shown in the form, as loaded: what saving it starts from. */
    private int formVersion;
    private Integer formServiceId;
    private int formAreaId;

    public CatalogueEditorViewModel(CatalogueEditRepository repository, CatalogueVersionRepository versions, TaskExecutor executor,
                                    I18n i18n, DialogService dialogs, Runnable onChanged, EditHistory history) {
        this.history = history;
        this.repository = repository;
        this.versions = versions;
        this.executor = executor;
        this.i18n = i18n;
        this.onChanged = onChanged;
        this.dialogs = dialogs;
        this.guard = new ma.essp.diag.app.ui.UnsavedChangesGuard(dialogs, () -> i18n);
        selectedNode.addListener((o, old, now) -> showNode(now));
        for (javafx.beans.Observable p : List.of(code, labelFr, labelEn, labelAr, domain, area, inScope, note, formKind, editable)) {
            p.addListener(o -> unsaved.set(editable.get() && formKind.get() != FormKind.NONE && !formValues().equals(formShown)));
        }
    }

    private List<Object> formValues() {
        return java.util.Arrays.asList(formKind.get(), code.get().strip(), labelFr.get().strip(), labelEn.get().strip(),
                labelAr.get().strip(), domain.get(), area.get() == null ? null : area.get().id(), inScope.get(), note.get().strip());
    }

    /** What the form shows now is what is stored (or the blank start of a new row): nothing unsaved. */
    private void markShown() {
        formShown = formValues();
        unsaved.set(false);
    }

    @Override
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** Back to the stored values of the selected node (a new row being started is dropped). */
    @Override
    public void discard() {
        showNode(selectedNode.get());
        message.set("");
    }

    /** Shows a version (null: nothing); a published one, or a draft that assessments use, is read-only. */
    public void setVersion(VersionInfo v) {
        version = v;
        draftInUse = 0;
        editable.set(v != null && !v.published());
        message.set(v != null && v.published() ? i18n.get("pms.editor.read_only") : "");
        if (v == null) {
            content = null;
            tree.set(null);
            clearForm();
            return;
        }
        reload(null);
    }

    private record Loaded(CatalogueContent content, Map<String, String> scopes, List<String> categories, int assessments) {
    }

    /**
     * Shows another node of the tree in the form, once the form's unsaved edits are saved or discarded (the
     * unsaved-changes question); {@code stay} runs when the user stays (the tree puts its highlight back).
     */
    public void choose(TreeNode node, Runnable stay) {
        TreeNode shown = selectedNode.get();
        if (node == null ? shown == null : shown != null && shown.key().equals(node.key())) {
            return;
        }
        guard.leave(this, () -> selectedNode.set(node), stay);
    }

    private void reload(String selectKey) {
        TreeNode before = selectedNode.get();
        int id = version.id();
        run(() -> new Loaded(repository.content(id), versions.domainScopes(), versions.requirementCategories(),
                repository.assessmentsUsing(id)), loaded -> {
            if (version == null || version.id() != loaded.content().versionId()) {
                return;
            }
            if (!version.published() && loaded.assessments() > 0) {
                // a draft that assessments already use is frozen too: editing it would change their indices
                editable.set(false);
                draftInUse = loaded.assessments();
                message.set(readOnlyMessage());
            }
            content = loaded.content();
            domainScopes = loaded.scopes();
            categories = loaded.categories();
            areaChoices.setAll(content.areas());
            TreeNode root = buildTree();
            tree.set(root);
            // a node chosen while this was loading (after an answered unsaved-changes question) stays chosen
            TreeNode now = selectedNode.get();
            String key = now != null && now != before ? now.key() : selectKey;
            TreeNode again = key == null ? null : find(root, key);
            if (again != null && again.equals(selectedNode.get())) {
                showNode(again);
            } else {
                selectedNode.set(again);
            }
        });
    }

    private TreeNode buildTree() {
        List<TreeNode> top = new ArrayList<>();
        List<TreeNode> general = new ArrayList<>();
        for (String d : domains("general")) {
            general.add(new TreeNode(NodeKind.DOMAIN, 0, null, d, domainLabel(d), itemNodes(null, d)));
        }
        top.add(new TreeNode(NodeKind.GENERAL, 0, null, null, i18n.get("pms.editor.general"), general));
        for (CatalogueContent.Area a : content.areas()) {
            List<TreeNode> services = new ArrayList<>();
            for (CatalogueContent.Service s : content.services()) {
                if (s.areaId() != a.id()) {
                    continue;
                }
                List<TreeNode> byDomain = new ArrayList<>();
                for (String d : domains("service")) {
                    byDomain.add(new TreeNode(NodeKind.DOMAIN, 0, s.id(), d, domainLabel(d), itemNodes(s.id(), d)));
                }
                services.add(new TreeNode(NodeKind.SERVICE, s.id(), s.id(), null, s.code() + " — " + label(s.labels()), byDomain));
            }
            top.add(new TreeNode(NodeKind.AREA, a.id(), null, null, label(a.labels()) + " (" + a.code() + ")", services));
        }
        return new TreeNode(NodeKind.GENERAL, -1, null, null, "", top);
    }

    private List<TreeNode> itemNodes(Integer serviceId, String domainCode) {
        return content.items().stream().filter(i -> Objects.equals(i.serviceId(), serviceId) && i.domainCode().equals(domainCode))
                .map(i -> new TreeNode(NodeKind.ITEM, i.id(), serviceId, domainCode, i.code() + " — " + label(i.labels())
                        + (i.inScope() ? "" : " " + i18n.get("pms.editor.out_of_scope")), List.of()))
                .toList();
    }

    private static TreeNode find(TreeNode node, String key) {
        if (node.key().equals(key)) {
            return node;
        }
        for (TreeNode c : node.children()) {
            TreeNode f = find(c, key);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private List<String> domains(String scope) {
        return domainScopes.entrySet().stream().filter(e -> e.getValue().equals(scope)).map(Map.Entry::getKey).toList();
    }

    /** The name of a SARA domain in the current language. */
    public String domainLabel(String code) {
        String key = code == null ? null : DOMAIN_KEYS.get(code);
        return key == null ? String.valueOf(code) : i18n.get(key);
    }

    public String requirementLabel(String requirement) {
        return requirement == null ? "—" : i18n.code(Vocabulary.REQUIREMENT, requirement);
    }

    public String areaLabel(CatalogueContent.Area a) {
        return a == null ? "" : label(a.labels()) + " (" + a.code() + ")";
    }

    private String label(Labels l) {
        return l.in(i18n.locale().getLanguage());
    }

    // --- the form

    private void clearForm() {
        formKind.set(FormKind.NONE);
        creating.set(false);
        formTitle.set("");
        requirements.clear();
        clearErrors();
        markShown();
    }

    private void clearErrors() {
        codeError.set("");
        labelError.set("");
        domainError.set("");
    }

    private void fill(String c, Labels l) {
        code.set(c);
        labelFr.set(l.fr() == null ? "" : l.fr());
        labelEn.set(l.en() == null ? "" : l.en());
        labelAr.set(l.ar() == null ? "" : l.ar());
    }

    private void showNode(TreeNode node) {
        clearErrors();
        requirements.clear();
        if (node == null || content == null) {
            clearForm();
            return;
        }
        creating.set(false);
        formId = node.id();
        switch (node.kind()) {
            case AREA -> content.areas().stream().filter(a -> a.id() == node.id()).findFirst().ifPresent(a -> {
                formKind.set(FormKind.AREA);
                formTitle.set(i18n.get("pms.editor.form.area"));
                formVersion = a.version();
                fill(a.code(), a.labels());
            });
            case SERVICE -> content.services().stream().filter(s -> s.id() == node.id()).findFirst().ifPresent(s -> {
                formKind.set(FormKind.SERVICE);
                formTitle.set(i18n.get("pms.editor.form.service"));
                formVersion = s.version();
                fill(s.code(), s.labels());
                area.set(content.areas().stream().filter(a -> a.id() == s.areaId()).findFirst().orElse(null));
                Map<String, String> current = content.requirements(s.id());
                filling = true;
                for (String category : categories) {
                    RequirementRow row = new RequirementRow(category, current.get(category),
                            content.requirementVersion(s.id(), category));
                    row.requirementProperty().addListener((o, old, now) -> requirementChanged(s.id(), row, old, now));
                    requirements.add(row);
                }
                filling = false;
            });
            case ITEM -> content.items().stream().filter(i -> i.id() == node.id()).findFirst().ifPresent(i -> {
                formKind.set(FormKind.ITEM);
                formTitle.set(i18n.get("pms.editor.form.item"));
                formServiceId = i.serviceId();
                formVersion = i.version();
                domainChoices.setAll(domains(i.serviceId() == null ? "general" : "service"));
                fill(i.code(), i.labels());
                domain.set(i.domainCode());
                inScope.set(i.inScope());
                note.set(i.note() == null ? "" : i.note());
            });
            default -> clearForm();
        }
        markShown();
    }

    private void requirementChanged(int serviceId, RequirementRow row, String old, String now) {
        if (filling || now == null || now.equals(old)) {
            return;
        }
        if (!editable.get()) {
            filling = true;
            row.requirementProperty().set(old);
            filling = false;
            message.set(readOnlyMessage());
            return;
        }
        String key = selectedNode.get() == null ? null : selectedNode.get().key();
        run(() -> {
            repository.setRequirement(serviceId, row.category(), row.version, now);
            return serviceId;
        }, id -> {
            message.set(i18n.get("pms.editor.saved"));
            onChanged.run();
            reload(key);
        });
    }

    /** Starts a new service area. */
    public void newArea() {
        if (refuseIfReadOnly()) {
            return;
        }
        startNew(FormKind.AREA, "pms.editor.form.new_area");
        markShown();
    }

    /** Starts a new service in the area of the selected node. */
    public void newService() {
        if (refuseIfReadOnly()) {
            return;
        }
        Integer areaId = selectedAreaId();
        if (areaId == null) {
            message.set(i18n.get("pms.editor.select_area"));
            return;
        }
        formAreaId = areaId;
        startNew(FormKind.SERVICE, "pms.editor.form.new_service");
        area.set(content.areas().stream().filter(a -> a.id() == areaId).findFirst().orElse(null));
        markShown();
    }

    /**
     * Starts a new tracer item where the selection is: in the selected service (or its domain, or next to the
     * selected item), or among the general readiness items.
     */
    public void newItem() {
        if (refuseIfReadOnly()) {
            return;
        }
        TreeNode node = selectedNode.get();
        if (node == null || node.kind() == NodeKind.AREA || node.id() == -1) {
            message.set(i18n.get("pms.editor.select_service"));
            return;
        }
        formServiceId = node.serviceId();
        List<String> choices = domains(formServiceId == null ? "general" : "service");
        startNew(FormKind.ITEM, "pms.editor.form.new_item");
        domainChoices.setAll(choices);
        domain.set(node.domainCode() != null ? node.domainCode() : choices.isEmpty() ? null : choices.getFirst());
        inScope.set(true);
        note.set("");
        markShown();
    }

    private void startNew(FormKind kind, String titleKey) {
        clearErrors();
        requirements.clear();
        formId = 0;
        creating.set(true);
        formKind.set(kind);
        formTitle.set(i18n.get(titleKey));
        fill("", new Labels("", "", ""));
        message.set("");
    }

    private Integer selectedAreaId() {
        TreeNode node = selectedNode.get();
        if (node == null || content == null) {
            return null;
        }
        if (node.kind() == NodeKind.AREA) {
            return node.id();
        }
        if (node.serviceId() == null) {
            return null;
        }
        return content.services().stream().filter(s -> s.id() == node.serviceId()).map(CatalogueContent.Service::areaId)
                .findFirst().orElse(null);
    }

    /**
     * Why nothing can be changed here: a published version is read-only; a draft is never called read-only, only
     * locked while assessments use it.
     */
    private String readOnlyMessage() {
        if (version == null || version.published()) {
            return i18n.get("pms.editor.read_only");
        }
        // a draft is locked only once assessments use it (found on loading, or when the database refused an edit)
        return draftInUse > 0 ? i18n.get("pms.editor.in_use", i18n.formatNumber(draftInUse)) : i18n.get("pms.editor.in_use_refused");
    }

    private boolean refuseIfReadOnly() {
        if (version == null || content == null) {
            return true;
        }
        if (!editable.get()) {
            message.set(readOnlyMessage());
            return true;
        }
        return false;
    }

    // --- validation

    /** Checks the code (required, unique in the version among rows of its kind); true when valid. */
    public boolean validateCode() {
        codeError.set("");
        if (formKind.get() == FormKind.NONE || content == null) {
            return true;
        }
        String c = code.get() == null ? "" : code.get().strip();
        if (c.isEmpty()) {
            codeError.set(i18n.get("pms.editor.error.code_required"));
            return false;
        }
        boolean taken = switch (formKind.get()) {
            case AREA -> content.areas().stream().anyMatch(a -> a.code().equals(c) && a.id() != formId);
            case SERVICE -> content.services().stream().anyMatch(s -> s.code().equals(c) && s.id() != formId);
            case ITEM -> content.items().stream().anyMatch(i -> i.code().equals(c) && i.id() != formId);
            case NONE -> false;
        };
        if (taken) {
            codeError.set(i18n.get("pms.editor.error.code_duplicate", c));
            return false;
        }
        return true;
    }

    /** The French label is required (it is the catalogue's reference language). */
    public boolean validateLabel() {
        boolean ok = labelFr.get() != null && !labelFr.get().isBlank();
        labelError.set(ok ? "" : i18n.get("pms.editor.error.label_required"));
        return ok;
    }

    /** An item needs a SARA domain of its scope (general items: the five general domains). */
    public boolean validateDomain() {
        boolean ok = formKind.get() != FormKind.ITEM || domain.get() != null && domainChoices.contains(domain.get());
        domainError.set(ok ? "" : i18n.get("pms.editor.error.domain_required"));
        return ok;
    }

    /**
     * Validates every field, then writes the form in the background; with errors, writes nothing and says so.
     * Completes with true once written, false when refused.
     */
    @Override
    public CompletionStage<Boolean> save() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (formKind.get() == FormKind.NONE || refuseIfReadOnly()) {
            result.complete(false);
            return result;
        }
        boolean ok = validateCode() & validateLabel() & validateDomain();
        if (!ok) {
            message.set(i18n.get("pms.editor.error.fix"));
            result.complete(false);
            return result;
        }
        Labels labels = new Labels(labelFr.get(), labelEn.get(), labelAr.get());
        String c = code.get().strip();
        int versionId = version.id();
        FormKind kind = formKind.get();
        boolean isNew = creating.get();
        int id = formId;
        int expectedVersion = formVersion;
        Integer serviceId = formServiceId;
        int areaId = formAreaId;
        CatalogueContent.Area target = area.get();
        int serviceArea = target != null ? target.id() : content.services().stream().filter(s -> s.id() == id)
                .mapToInt(CatalogueContent.Service::areaId).findFirst().orElse(areaId);
        ItemFields item = new ItemFields(c, domain.get(), labels, inScope.get(), note.get());
        // an item's edit can be undone: the fields it had as this editor loaded them
        ItemFields previous = kind != FormKind.ITEM || isNew ? null : content.items().stream().filter(i -> i.id() == id)
                .findFirst().map(i -> new ItemFields(i.code(), i.domainCode(), i.labels(), i.inScope(), i.note())).orElse(null);
        // so can an area's or a service's: its labels (and a service's area) as this editor loaded them
        CatalogueContent.Area areaBefore = kind != FormKind.AREA || isNew ? null
                : content.areas().stream().filter(a -> a.id() == id).findFirst().orElse(null);
        CatalogueContent.Service serviceBefore = kind != FormKind.SERVICE || isNew ? null
                : content.services().stream().filter(s -> s.id() == id).findFirst().orElse(null);
        int[] itemVersion = {0};
        executor.execute(BackgroundTask.wrap(() -> switch (kind) {
            case AREA -> {
                if (isNew) {
                    yield new TreeNode(NodeKind.AREA, repository.addArea(versionId, c, labels), null, null, "", List.of()).key();
                }
                itemVersion[0] = repository.renameArea(id, expectedVersion, labels);
                yield new TreeNode(NodeKind.AREA, id, null, null, "", List.of()).key();
            }
            case SERVICE -> {
                int sid = isNew ? repository.addService(areaId, c, labels) : id;
                if (!isNew) {
                    itemVersion[0] = repository.editService(id, expectedVersion, labels, serviceArea);
                }
                yield new TreeNode(NodeKind.SERVICE, sid, sid, null, "", List.of()).key();
            }
            case ITEM -> {
                int iid = isNew ? repository.addItem(versionId, serviceId, item) : id;
                if (!isNew) {
                    itemVersion[0] = repository.editItem(id, expectedVersion, item);
                }
                yield new TreeNode(NodeKind.ITEM, iid, serviceId, item.domainCode(), "", List.of()).key();
            }
            case NONE -> null;
        })
                .onRunning(() -> busy.set(true))
                .onSuccess(key -> {
                    if (previous != null && !previous.equals(item)) {
                        history.wrote(ITEMS, id, itemVersion[0]);
                        history.record(i18n.get("pms.undo.item", c), putItem(id, previous, item));
                    }
                    if (areaBefore != null && !areaBefore.labels().equals(labels)) {
                        history.wrote(AREAS, id, itemVersion[0]);
                        history.record(i18n.get("pms.undo.area", c), putArea(id, areaBefore.labels(), labels));
                    }
                    if (serviceBefore != null && (!serviceBefore.labels().equals(labels) || serviceBefore.areaId() != serviceArea)) {
                        history.wrote(SERVICES, id, itemVersion[0]);
                        history.record(i18n.get("pms.undo.service", c), putService(id, serviceBefore.labels(),
                                serviceBefore.areaId(), labels, serviceArea));
                    }
                    message.set(i18n.get("pms.editor.saved"));
                    markShown();
                    onChanged.run();
                    reload(key);
                    result.complete(true);
                })
                .onFailure(e -> {
                    failed(e);
                    result.complete(false);
                })
                .onFinished(() -> busy.set(false)));
        return result;
    }

    /** Writes {@code values} back over item {@code itemId} as this editor left it; its inverse writes {@code current}. */
    private EditHistory.Inverse putItem(int itemId, ItemFields values, ItemFields current) {
        return () -> {
            history.wrote(ITEMS, itemId, repository.editItem(itemId, history.versionOf(ITEMS, itemId, 0), values));
            return putItem(itemId, current, values);
        };
    }

    /** Writes {@code labels} back over area {@code areaId}; its inverse writes {@code current}. */
    private EditHistory.Inverse putArea(int areaId, Labels labels, Labels current) {
        return () -> {
            history.wrote(AREAS, areaId, repository.renameArea(areaId, history.versionOf(AREAS, areaId, 0), labels));
            return putArea(areaId, current, labels);
        };
    }

    /** Puts service {@code serviceId} back in area {@code areaId} with {@code labels}; its inverse redoes the edit. */
    private EditHistory.Inverse putService(int serviceId, Labels labels, int areaId, Labels currentLabels, int currentArea) {
        return () -> {
            history.wrote(SERVICES, serviceId,
                    repository.editService(serviceId, history.versionOf(SERVICES, serviceId, 0), labels, areaId));
            return putService(serviceId, currentLabels, currentArea, labels, areaId);
        };
    }

    /** After an undo or redo: the tree and the form show the catalogue as it now is. */
    public void reloadAfterUndo() {
        TreeNode node = selectedNode.get();
        if (version != null) {
            reload(node == null ? null : node.key());
        }
    }

    /** Soft-deletes the selected area (with its services and items), service (with its items) or item. */
    public void deleteSelected() {
        if (refuseIfReadOnly()) {
            return;
        }
        TreeNode node = selectedNode.get();
        if (node == null || node.id() <= 0 || node.kind() == NodeKind.DOMAIN || node.kind() == NodeKind.GENERAL) {
            message.set(i18n.get("pms.editor.select_row"));
            return;
        }
        if (!confirmCascade(node)) {
            return;
        }
        int shownVersion = shownVersion(node);
        run(() -> switch (node.kind()) {
            case AREA -> repository.deleteArea(node.id(), shownVersion);
            case SERVICE -> repository.deleteService(node.id(), shownVersion);
            default -> repository.deleteItem(node.id(), shownVersion);
        }, deletion -> {
            // undone by bringing back every row it deleted (an area's services and items too), redone by deleting them again
            deletion.rows().forEach(r -> history.wrote(r.table(), r.id(), r.version()));
            history.record(i18n.get("pms.undo.deleted", node.text()), undoDeletion(deletion, false));
            message.set(i18n.get("pms.editor.deleted"));
            onChanged.run();
            reload(null);
        });
    }

    /** Restores ({@code delete} false) or deletes again the rows of {@code deletion}, from the versions this screen left. */
    private EditHistory.Inverse undoDeletion(CatalogueEditRepository.Deletion deletion, boolean delete) {
        return () -> {
            CatalogueEditRepository.Deletion from = new CatalogueEditRepository.Deletion(deletion.catalogueVersionId(),
                    deletion.rows().stream().map(r -> new CatalogueEditRepository.DeletedRow(r.table(), r.id(),
                            history.versionOf(r.table(), r.id(), r.version()))).toList());
            CatalogueEditRepository.Deletion done = repository.undoDeletion(from, delete);
            done.rows().forEach(r -> history.wrote(r.table(), r.id(), r.version()));
            return undoDeletion(done, !delete);
        };
    }

    /** The version of an area, service or item as this editor loaded it. */
    private int shownVersion(TreeNode node) {
        return switch (node.kind()) {
            case AREA -> content.areas().stream().filter(a -> a.id() == node.id()).mapToInt(CatalogueContent.Area::version)
                    .findFirst().orElse(0);
            case SERVICE -> content.services().stream().filter(s -> s.id() == node.id())
                    .mapToInt(CatalogueContent.Service::version).findFirst().orElse(0);
            case ITEM -> content.items().stream().filter(i -> i.id() == node.id()).mapToInt(CatalogueContent.Item::version)
                    .findFirst().orElse(0);
            default -> 0;
        };
    }

    /** An area or a service takes its services and items with it: ask first, saying how many. */
    private boolean confirmCascade(TreeNode node) {
        if (node.kind() == NodeKind.AREA) {
            List<Integer> services = content.services().stream().filter(s -> s.areaId() == node.id())
                    .map(CatalogueContent.Service::id).toList();
            long items = content.items().stream().filter(i -> i.serviceId() != null && services.contains(i.serviceId())).count();
            return dialogs.confirm(i18n.get("pms.editor.confirm.title"),
                    i18n.get("pms.editor.confirm.area", node.text(), services.size(), items));
        }
        if (node.kind() == NodeKind.SERVICE) {
            long items = content.items().stream().filter(i -> Integer.valueOf(node.id()).equals(i.serviceId())).count();
            return dialogs.confirm(i18n.get("pms.editor.confirm.title"), i18n.get("pms.editor.confirm.service", node.text(), items));
        }
        return true;
    }

    private <V> void run(Callable<V> work, Consumer<V> then) {
        executor.execute(BackgroundTask.wrap(work)
                .onRunning(() -> busy.set(true))
                .onSuccess(then)
                .onFailure(this::failed)
                .onFinished(() -> busy.set(false)));
    }

    private void failed(Throwable e) {
        if (e instanceof StaleEditException) {
            // changed elsewhere since this editor loaded it: nothing was written; show the catalogue as it now is
            message.set(i18n.get("error.stale"));
            TreeNode node = selectedNode.get();
            reload(node == null ? null : node.key());
        } else if (e instanceof CatalogueEditException refused) {
            switch (refused.reason()) {
                case PUBLISHED -> message.set(i18n.get("pms.editor.read_only"));
                case IN_USE -> {
                    editable.set(false);
                    message.set(i18n.get("pms.editor.in_use_refused"));
                }
                case DUPLICATE_CODE -> {
                    codeError.set(i18n.get("pms.editor.error.code_duplicate", code.get()));
                    message.set(i18n.get("pms.editor.error.fix"));
                }
                case DOMAIN_SCOPE -> {
                    domainError.set(i18n.get("pms.editor.error.domain_required"));
                    message.set(i18n.get("pms.editor.error.fix"));
                }
                default -> message.set(i18n.get("pms.error.save", Failures.reason(e, i18n)));
            }
        } else {
            message.set(i18n.get("pms.error.save", Failures.reason(e, i18n)));
        }
    }

    // --- properties

    public ReadOnlyObjectProperty<TreeNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ObjectProperty<TreeNode> selectedNodeProperty() {
        return selectedNode;
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FormKind> formKindProperty() {
        return formKind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty labelFrProperty() {
        return labelFr;
    }

    public StringProperty labelEnProperty() {
        return labelEn;
    }

    public StringProperty labelArProperty() {
        return labelAr;
    }

    public ObjectProperty<String> domainProperty() {
        return domain;
    }

    public ObjectProperty<CatalogueContent.Area> areaProperty() {
        return area;
    }

    public BooleanProperty inScopeProperty() {
        return inScope;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty codeErrorProperty() {
        return codeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelErrorProperty() {
        return labelError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty domainErrorProperty() {
        return domainError.getReadOnlyProperty();
    }

    public ObservableList<String> domainChoices() {
        return domainChoices;
    }

    public ObservableList<CatalogueContent.Area> areaChoices() {
        return areaChoices;
    }

    public ObservableList<RequirementRow> requirements() {
        return requirements;
    }

    /** Requirement counts of the selected service, for a quick summary (category → requirement). */
    Map<String, String> requirementsOfForm() {
        Map<String, String> out = new LinkedHashMap<>();
        requirements.forEach(r -> out.put(r.category(), r.requirementProperty().get()));
        return out;
    }
}
