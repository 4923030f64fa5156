package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.reporting.catalogue.CatalogueImportProblem;
import ma.essp.diag.reporting.catalogue.CatalogueImportProblem.Reason;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused catalogue import is explained cell by cell in the user's language, never with a library's exception text;
 * publishing starts from the version the list showed.
 */
class CatalogueViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private CatalogueVersionRepository versions;

    @BeforeEach
    void open() throws Exception {
        mission = FixtureMission.create(dir.resolve("c.essp"));
        versions = new CatalogueVersionRepository(mission.dsl(), EditContext.system("test"));
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private CatalogueViewModel viewModel(java.util.Locale locale) {
        EditContext edit = EditContext.system("test");
        return new CatalogueViewModel(versions, new CatalogueEditRepository(mission.dsl(), edit), new CurrentThreadTaskExecutor(),
                new I18n(locale), dialogs, new ma.essp.diag.app.ui.EditHistory(new CurrentThreadTaskExecutor()));
    }

    @Test
    void theWorkbookIsChosenThroughTheDialogServiceThenExportedAndReimportedAsADraft() {
        CatalogueViewModel vm = viewModel(I18n.FRENCH);
        vm.load();
        assertThat(vm.selectedProperty().get()).isNotNull();
        int before = versions.versions().size();
        dialogs.nextChosenFile = null; // the chooser closed: nothing written
        vm.exportWithDialog();
        assertThat(dir.resolve("catalogue-pms.xlsx")).doesNotExist();
        Path file = dir.resolve("catalogue-pms.xlsx");
        dialogs.nextChosenFile = file;
        vm.exportWithDialog();
        assertThat(file).exists();
        assertThat(vm.messageProperty().get()).isEqualTo("Exporté : catalogue-pms.xlsx");
        vm.importWithDialog();
        assertThat(vm.messageProperty().get()).isEqualTo("Importé comme nouveau brouillon : catalogue-pms.xlsx");
        assertThat(versions.versions()).hasSize(before + 1);
        assertThat(dialogs.fileQuestions).extracting(RecordingDialogService.FileQuestion::kind, RecordingDialogService.FileQuestion::title,
                        RecordingDialogService.FileQuestion::initialFolder, RecordingDialogService.FileQuestion::pattern)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("save", "Exporter vers Excel…", null, "*.xlsx"),
                        org.assertj.core.groups.Tuple.tuple("save", "Exporter vers Excel…", null, "*.xlsx"),
                        org.assertj.core.groups.Tuple.tuple("open", "Importer d’Excel…", dir, "*.xlsx"));
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefusedInWordsNotWithPoisException() throws Exception {
        Path zip = dir.resolve("pms.xlsx");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            out.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        int before = versions.versions().size();
        CatalogueViewModel vm = viewModel(I18n.FRENCH);
        vm.importFile(zip);
        assertThat(vm.messageProperty().get()).isEqualTo("Import refusé, rien n’a été modifié : 1 problème(s), listés ci-dessous.");
        assertThat(vm.changes()).containsExactly("pms.xlsx : ce n’est pas un classeur Excel lisible (.xlsx) : fichier d’un autre type,"
                + " renommé, incomplet ou endommagé.");
        assertThat(String.join(" ", vm.changes())).doesNotContain("Exception").doesNotContain("POI");
        assertThat(versions.versions()).hasSize(before);
    }

    @Test
    void aSheetWithoutItsColumnsIsLocatedInEachLanguage() throws Exception {
        Path file = dir.resolve("pms.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Areas").createRow(0).createCell(0).setCellValue("code");
            wb.write(out);
        }
        CatalogueViewModel en = viewModel(I18n.ENGLISH);
        en.importFile(file);
        assertThat(en.changes()).contains("pms.xlsx, sheet Areas, row 1, column label_fr: column missing from the header row.",
                "pms.xlsx, sheet Items: sheet missing.");
    }

    @Test
    void everyReasonHasWordsInEveryLanguage() {
        for (java.util.Locale locale : I18n.SUPPORTED) {
            CatalogueViewModel vm = viewModel(locale);
            for (Reason reason : Reason.values()) {
                String text = vm.describe(new CatalogueImportProblem("f.xlsx", "Items", 12, "sort_order", reason, List.of("a", "b", "c")));
                assertThat(text).as(reason + " in " + locale).doesNotContain("!pms.").doesNotContain("{").contains("12");
            }
        }
        assertThat(viewModel(I18n.FRENCH).describe(new CatalogueImportProblem("f.xlsx", "Items", 12, "sort_order", Reason.OUT_OF_RANGE,
                List.of("-1", "0", "1000000")))).isEqualTo("f.xlsx, feuille Items, ligne 12, colonne sort_order : -1 est hors limites (de 0 à 1000000).");
    }

    @Test
    void publishingAVersionChangedMeanwhileIsRefusedAndTheListReloaded() {
        int draft = versions.draftFrom(1, "PMS v0.2");
        CatalogueViewModel vm = viewModel(I18n.FRENCH);
        vm.load();
        assertThat(vm.selectedProperty().get().id()).isEqualTo(draft);
        var table = ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
        mission.dsl().update(table).set(table.NOTES, "à relire").set(table.VERSION, table.VERSION.plus(1))
                .where(table.ID.eq(draft)).execute();
        vm.publishSelected();
        assertThat(vm.messageProperty().get()).isEqualTo(new I18n(I18n.FRENCH).get("error.stale"));
        assertThat(versions.version(draft).published()).isFalse();
        // reloaded with the version as it now is: publishing from there works
        assertThat(vm.selectedProperty().get().version()).isEqualTo(2);
        vm.publishSelected();
        assertThat(versions.version(draft).published()).isTrue();
    }
}
