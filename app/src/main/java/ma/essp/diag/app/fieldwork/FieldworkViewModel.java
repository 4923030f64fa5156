package ma.essp.diag.app.fieldwork;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.template.FieldImport;
import ma.essp.diag.reporting.template.FieldTemplate;
import ma.essp.diag.reporting.template.ImportProblem;
import ma.essp.diag.reporting.template.ImportReport;
import ma.essp.diag.reporting.template.TemplateKind;
import ma.essp.diag.reporting.template.TemplateWords;

/**
 * Field templates in the window: write an Excel template of a kind and a scope, and import a filled one after reading
 * its row-level report. The work is {@code reporting.template}'s (the command line calls the same functions); the
 * checking, the writing of the template and of the report and the import run in the background.
 */
public final class FieldworkViewModel {

    /** One line of the import report as the table shows it. */
    public record ProblemRow(String sheet, String row, String column, String value, String problem) {
    }

    private final MissionFile mission;
    private final Supplier<EditContext> edit;
    private final Path defaultFolder;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Runnable dataChanged;
    private final TemplateWords words;

    private final ObservableList<FilterChoice> kinds = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> scopes = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> languages = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> language = new SimpleObjectProperty<>();
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty canImport = new SimpleBooleanProperty();
    private final BooleanProperty canImportValidRows = new SimpleBooleanProperty();
    private FieldImport.Check checked;

    public FieldworkViewModel(MissionFile mission, Supplier<EditContext> edit, Path defaultFolder, TaskExecutor executor, I18n i18n,
                              DialogService dialogs, Runnable dataChanged) {
        this.mission = mission;
        this.edit = edit;
        this.defaultFolder = defaultFolder;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.dataChanged = dataChanged;
        this.words = new TemplateWords(ReportLanguage.fromCode(switch (i18n.locale().getLanguage()) {
            case "en", "ar" -> i18n.locale().getLanguage();
            default -> "fr";
        }));
        // every kind the command line's --kind accepts, in its order
        for (TemplateKind k : TemplateKind.values()) {
            kinds.add(new FilterChoice(k.code(), i18n.get(kindKey(k))));
        }
        kind.set(kinds.getFirst());
        // an attendance template is one cohort's; the other kinds cover a territory
        kind.addListener((o, was, now) -> {
            boolean attendance = now != null && TemplateKind.ATTENDANCE.code().equals(now.value());
            if (scope.get() != null && attendance != isCohort(scope.get())) {
                scopes.stream().filter(c -> isCohort(c) == attendance).findFirst().ifPresent(scope::set);
            }
        });
        languages.setAll(new FilterChoice("fr", i18n.get("fieldwork.language.fr")), new FilterChoice("en", i18n.get("fieldwork.language.en")),
                new FilterChoice("ar", i18n.get("fieldwork.language.ar")));
        language.set(languages.stream().filter(l -> l.value().equals(words.language().code())).findFirst().orElse(languages.getFirst()));
        scopes.setAll(new FilterChoice("national", i18n.get("fieldwork.scope.national")));
        scope.set(scopes.getFirst());
    }

    /** Reads the regions and provinces the scope list offers, in the background. */
    public void load() {
        executor.execute(BackgroundTask.wrap(() -> {
            List<FilterChoice> list = new ArrayList<>();
            mission.dsl().select(REGION.CODE, REGION.NAME_FR, REGION.NAME_AR).from(REGION).where(REGION.DELETED.isFalse())
                    .orderBy(REGION.CODE).forEach(r -> list.add(new FilterChoice("region:" + r.value1(),
                            i18n.get("fieldwork.scope.region", i18n.localName(r.value2(), r.value3())))));
            mission.dsl().select(PROVINCE.CODE, PROVINCE.NAME_FR, PROVINCE.NAME_AR).from(PROVINCE).where(PROVINCE.DELETED.isFalse())
                    .orderBy(PROVINCE.NAME_FR).forEach(r -> list.add(new FilterChoice("province:" + r.value1(),
                            i18n.get("fieldwork.scope.province", i18n.localName(r.value2(), r.value3())))));
            // circonscription:ID, as the command line's --scope takes it
            mission.dsl().select(CIRCONSCRIPTION.ID, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR, PROVINCE.NAME_FR, PROVINCE.NAME_AR)
                    .from(CIRCONSCRIPTION).join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                    .where(CIRCONSCRIPTION.DELETED.isFalse()).orderBy(PROVINCE.NAME_FR, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.ID)
                    .forEach(r -> list.add(new FilterChoice(ReportScope.circonscription(r.value1()).toString(),
                            i18n.get("fieldwork.scope.circonscription", i18n.localName(r.value2(), r.value3()),
                                    i18n.localName(r.value4(), r.value5())))));
            mission.dsl().select(TRAINING_COHORT.ID, TRAINING_COHORT.NAME).from(TRAINING_COHORT).where(TRAINING_COHORT.DELETED.isFalse())
                    .orderBy(TRAINING_COHORT.STARTS_ON, TRAINING_COHORT.NAME, TRAINING_COHORT.ID)
                    .forEach(r -> list.add(new FilterChoice(FieldTemplate.COHORT_SCOPE + r.value1(),
                            i18n.get("fieldwork.scope.cohort", r.value2()))));
            return list;
        }).onSuccess(scopes::addAll));
    }

    /** The label key of a kind (literal keys: the localisation test finds them; a new kind does not compile without one). */
    static String kindKey(TemplateKind kind) {
        return switch (kind) {
            case ESSP -> "fieldwork.kind.essp";
            case ASSESSMENT -> "fieldwork.kind.assessment";
            case RECOUNTS -> "fieldwork.kind.recounts";
            case STAFF -> "fieldwork.kind.staff";
            case COMPLAINTS -> "fieldwork.kind.complaints";
            case DATAFLOWS -> "fieldwork.kind.dataflows";
            case ATTENDANCE -> "fieldwork.kind.attendance";
        };
    }

    private static boolean isCohort(FilterChoice scope) {
        return scope.value().startsWith(FieldTemplate.COHORT_SCOPE);
    }

    /** Asks where to write a template of the chosen kind, scope and language, and writes it in the background. */
    public void writeTemplate() {
        TemplateKind k = TemplateKind.fromCode(kind.get().value());
        String s = scope.get().value();
        if ((k == TemplateKind.ATTENDANCE) != isCohort(scope.get())) {
            error.set(i18n.get(k == TemplateKind.ATTENDANCE ? "fieldwork.scope.cohort_needed" : "fieldwork.scope.cohort_only"));
            return;
        }
        ReportLanguage l = ReportLanguage.fromCode(language.get().value());
        String name = i18n.plain("fieldwork.template.file", k.code(), s.replace(':', '-'));
        dialogs.chooseFileToSave(i18n.get("fieldwork.template.choose"), defaultFolder, name, i18n.get("fieldwork.xlsx"), "*.xlsx")
                .ifPresent(out -> run(BackgroundTask.wrap(() -> FieldTemplate.write(mission.dsl(), mission.schemaVersion(), k, s, l, out))
                        .onSuccess(rows -> status.set(i18n.get("fieldwork.template.written", rows, out)))));
    }

    /** Asks for a filled workbook, checks it in the background and shows its report (also written next to it). */
    public void chooseWorkbook() {
        dialogs.chooseFileToOpen(i18n.get("fieldwork.import.choose"), defaultFolder, i18n.get("fieldwork.xlsx"), "*.xlsx")
                .ifPresent(this::check);
    }

    /** Checks {@code workbook} in the background; the report table and the import buttons follow. */
    public void check(Path workbook) {
        checked = null;
        problems.clear();
        summary.set("");
        canImport.set(false);
        canImportValidRows.set(false);
        run(BackgroundTask.wrap(() -> {
            FieldImport.Check check = FieldImport.check(mission.dsl(), mission.schemaVersion(), workbook);
            Path report = ImportReport.besides(workbook.toAbsolutePath());
            ImportReport.write(check, words, report);
            return new Object[] {check, report};
        }).onSuccess(result -> {
            FieldImport.Check check = (FieldImport.Check) result[0];
            checked = check;
            for (ImportProblem p : check.problems()) {
                problems.add(new ProblemRow(p.sheet() == null ? "" : p.sheet(), p.row() == null ? "" : p.row().toString(),
                        p.column() == null ? "" : p.column(), p.value() == null ? "" : p.value(), i18n.wrappable(words.problem(p))));
            }
            summary.set(i18n.wrappable(ImportReport.summary(check, words)));
            status.set(i18n.get("fieldwork.import.report", result[1]));
            canImport.set(check.valid() && check.meta() != null);
            canImportValidRows.set(!check.valid() && check.meta() != null && !check.structural() && !check.validRows().isEmpty());
        }));
    }

    /** Imports the whole checked workbook (only offered when it is valid). */
    public void importAll() {
        // likely duplicate ESSPs are warnings: imported once the user has read them and says so
        if (checked != null && !checked.warnings().isEmpty() && !dialogs.confirm(i18n.get("fieldwork.import.warnings"),
                i18n.get("fieldwork.import.warnings.confirm", checked.warnings().size()))) {
            return;
        }
        apply(false);
    }

    /** Imports only the rows without a problem, after the user confirmed it. */
    public void importValidRows() {
        if (checked != null && dialogs.confirm(i18n.get("fieldwork.import.valid_rows"),
                i18n.get("fieldwork.import.valid_rows.confirm", checked.validRows().size(), checked.invalidRows()))) {
            apply(true);
        }
    }

    private void apply(boolean validRowsOnly) {
        FieldImport.Check check = checked;
        if (check == null) {
            return;
        }
        run(BackgroundTask.wrap(() -> {
            MissionBackup.take(mission, MissionBackup.Reason.IMPORT); // a rolling backup first: restored from Fichier ▸ Restaurer
            return FieldImport.apply(mission.dsl(), edit.get(), check, validRowsOnly);
        }).onSuccess(result -> {
            status.set(i18n.wrappable(words.format("report.imported", result.rowsImported(), result.rowsChanged(), result.valuesChanged())));
            canImport.set(false);
            canImportValidRows.set(false);
            checked = null;
            dataChanged.run();
        }));
    }

    private <V> void run(BackgroundTask<V> task) {
        error.set("");
        executor.execute(task.onRunning(() -> running.set(true)).onFinished(() -> running.set(false))
                .onFailure(e -> error.set(i18n.get("fieldwork.failed", Failures.reason(e, i18n)))));
    }

    public ObservableList<FilterChoice> kinds() {
        return kinds;
    }

    public ObservableList<FilterChoice> scopes() {
        return scopes;
    }

    public ObservableList<FilterChoice> languages() {
        return languages;
    }

    public ObjectProperty<FilterChoice> kindProperty() {
        return kind;
    }

    public ObjectProperty<FilterChoice> scopeProperty() {
        return scope;
    }

    public ObjectProperty<FilterChoice> languageProperty() {
        return language;
    }

    public ObservableList<ProblemRow> problems() {
        return problems;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty canImportProperty() {
        return canImport;
    }

    public BooleanProperty canImportValidRowsProperty() {
        return canImportValidRows;
    }
}
