package ma.essp.diag.app.fieldwork;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.template.TemplateKind;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's flow: template written, a bad workbook shown row by row (no import offered), the valid rows only. */
class FieldworkViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookWithAProblemIsShownRowByRowAndOnlyItsValidRowsCanBeImportedAfterConfirmation() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            RecordingDialogService dialogs = new RecordingDialogService();
            int[] changed = new int[1];
            FieldworkViewModel vm = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir,
                    new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), dialogs, () -> changed[0]++);
            vm.load();
            assertThat(vm.scopes()).hasSizeGreaterThan(12 + 1); // national, the 12 regions, the provinces
            Path template = dir.resolve("modele.xlsx");
            dialogs.nextChosenFile = template;
            vm.writeTemplate();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.statusProperty().get()).startsWith("6 lignes écrites dans");
            assertThat(dialogs.fileQuestions.getFirst().suggestedName()).isEqualTo("modele-essp-national.xlsx");

            Path filled = dir.resolve("rempli.xlsx");
            try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet s = wb.getSheet("ESSP");
                for (Row row : s) {
                    if (row.getCell(1) != null && "E001".equals(row.getCell(1).getStringCellValue())) {
                        row.getCell(12).setCellValue(32_000); // population_served
                    }
                    if (row.getCell(1) != null && "E003".equals(row.getCell(1).getStringCellValue())) {
                        row.getCell(6).setCellValue("montagne"); // milieu
                    }
                }
                try (OutputStream out = Files.newOutputStream(filled)) {
                    wb.write(out);
                }
            }
            dialogs.nextChosenFile = filled;
            vm.chooseWorkbook();
            assertThat(vm.problems()).containsExactly(new FieldworkViewModel.ProblemRow("ESSP", "5", "milieu", "montagne",
                    "Valeur inconnue ; valeurs acceptées : rural, urbain."));
            assertThat(vm.summaryProperty().get()).startsWith("6 lignes lues, 1 avec un problème");
            assertThat(dir.resolve("rempli-report.xlsx")).exists();
            assertThat(vm.canImportProperty().get()).isFalse();
            assertThat(vm.canImportValidRowsProperty().get()).isTrue();

            dialogs.confirmAnswer = false;
            vm.importValidRows();
            assertThat(population(mission, "E001")).as("not confirmed: nothing written").isEqualTo(30_000);
            dialogs.confirmAnswer = true;
            vm.importValidRows();
            assertThat(population(mission, "E001")).isEqualTo(32_000);
            assertThat(vm.statusProperty().get()).isEqualTo("5 lignes importées : 1 modifiées, 1 valeurs changées.");
            assertThat(changed[0]).isEqualTo(1);
            assertThat(vm.canImportValidRowsProperty().get()).isFalse();
        }
    }

    @Test
    void theKindSelectorOffersTheRecountsTemplateAndWritesIt() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            RecordingDialogService dialogs = new RecordingDialogService();
            FieldworkViewModel vm = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir,
                    new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), dialogs, () -> { });
            vm.load();
            assertThat(vm.kinds()).extracting(FilterChoice::value).containsExactly("essp", "assessment", "recounts", "staff", "complaints", "dataflows",
                    "attendance");
            vm.kindProperty().set(vm.kinds().get(2));
            assertThat(vm.kindProperty().get().label()).isEqualTo("Vérification des données (recomptages)");
            Path template = dir.resolve("recomptages.xlsx");
            dialogs.nextChosenFile = template;
            vm.writeTemplate();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(dialogs.fileQuestions.getFirst().suggestedName()).isEqualTo("modele-recounts-national.xlsx");
            try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getSheet("Recounts")).isNotNull();
            }
        }
    }

    @Test
    void theAttendanceKindTakesACohortAsItsScope() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            EditContext setup = EditContext.system("setup");
            var programme = mission.dsl().newRecord(ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME);
            programme.setCode("MBA");
            programme.setKind("mba");
            programme.setTitleFr("MBA");
            var cohort = mission.dsl().newRecord(ma.essp.diag.database.jooq.Tables.TRAINING_COHORT);
            cohort.setProgrammeId(ma.essp.diag.database.repository.SyncedRows.insert(mission.dsl(), setup, programme));
            cohort.setName("Cohorte 2");
            int cohortId = ma.essp.diag.database.repository.SyncedRows.insert(mission.dsl(), setup, cohort);
            var training = new ma.essp.diag.database.repository.TrainingRepository(mission.dsl());
            java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 18);
            training.addSession(setup, cohortId, "Module 1", day, day, 6.0, null, null);
            training.addParticipant(setup, cohortId, null, "Amina Alaoui", null, "f");
            RecordingDialogService dialogs = new RecordingDialogService();
            FieldworkViewModel vm = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir,
                    new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), dialogs, () -> { });
            vm.load();
            assertThat(vm.scopes()).extracting(FilterChoice::label).contains("Cohorte : Cohorte 2");
            // a territory with the attendance kind: refused with a message, nothing asked
            vm.kindProperty().set(vm.kinds().getLast());
            assertThat(vm.kindProperty().get().label()).isEqualTo("Présence à la formation (une cohorte)");
            assertThat(vm.scopeProperty().get().value()).as("the cohort is chosen with the kind").isEqualTo("cohort:" + cohortId);
            vm.scopeProperty().set(vm.scopes().getFirst());
            vm.writeTemplate();
            assertThat(vm.errorProperty().get()).isEqualTo("Le modèle de présence porte sur une cohorte : choisissez-la dans le périmètre.");
            assertThat(dialogs.fileQuestions).isEmpty();
            vm.scopeProperty().set(vm.scopes().getLast());
            Path template = dir.resolve("presence.xlsx");
            dialogs.nextChosenFile = template;
            vm.writeTemplate();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(dialogs.fileQuestions.getFirst().suggestedName()).isEqualTo("modele-attendance-cohort-" + cohortId + ".xlsx");
            assertThat(vm.statusProperty().get()).startsWith("1 lignes écrites");
            try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getSheet("Attendance").getRow(2).getCell(2).getStringCellValue()).isEqualTo("Amina Alaoui");
            }
        }
    }

    @Test
    void everyKindTheCommandLineAcceptsIsOfferedInFrenchEnglishAndArabic() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            java.util.Map<String, java.util.List<String>> labels = new java.util.HashMap<>();
            for (Locale l : new Locale[] {Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("ar")}) {
                FieldworkViewModel vm = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir,
                        new CurrentThreadTaskExecutor(), new I18n(l), new RecordingDialogService(), () -> { });
                // the command line's --kind is TemplateKind.fromCode: every code of the enum, in its order
                assertThat(vm.kinds()).extracting(FilterChoice::value).containsExactlyElementsOf(
                        java.util.Arrays.stream(TemplateKind.values()).map(TemplateKind::code).toList());
                for (TemplateKind k : TemplateKind.values()) {
                    assertThat(TemplateKind.fromCode(vm.kinds().get(k.ordinal()).value())).isEqualTo(k);
                }
                java.util.List<String> words = vm.kinds().stream().map(FilterChoice::label).toList();
                assertThat(words).doesNotHaveDuplicates().allSatisfy(w -> assertThat(w).isNotBlank().doesNotContain("!")
                        .doesNotContain("fieldwork."));
                labels.put(l.getLanguage(), words);
            }
            assertThat(labels.get("en")).containsExactly("ESSP registry", "PMS assessment (checklist)", "Data verification (recounts)",
                    "ESSP staff (positions)", "Complaint sample (anonymous)", "Data flows (observations)", "Training attendance (one cohort)");
            for (int i = 0; i < TemplateKind.values().length; i++) {
                assertThat(labels.get("ar").get(i)).as("Arabic words").matches(".*\\p{IsArabic}.*");
                assertThat(labels.get("ar").get(i)).isNotEqualTo(labels.get("fr").get(i));
            }
        }
    }

    @Test
    void aCirconscriptionIsAScopeAsOnTheCommandLine() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            int gzenaya = mission.dsl().fetchValue(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID,
                    ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.NAME_FR.eq("Circonscription Gzenaya"));
            RecordingDialogService dialogs = new RecordingDialogService();
            FieldworkViewModel vm = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir,
                    new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), dialogs, () -> { });
            vm.load();
            FilterChoice scope = vm.scopes().stream().filter(c -> c.value().equals("circonscription:" + gzenaya)).findFirst().orElseThrow();
            assertThat(scope.label()).isEqualTo("Circonscription Gzenaya (Tanger-Assilah)");
            assertThat(vm.scopes()).filteredOn(c -> c.value().startsWith("circonscription:")).hasSize(3);
            vm.scopeProperty().set(scope);
            Path template = dir.resolve("gzenaya.xlsx");
            dialogs.nextChosenFile = template;
            vm.writeTemplate();
            assertThat(vm.errorProperty().get()).isEmpty();
            // E003 and E004 are Gzenaya's ESSPs
            assertThat(vm.statusProperty().get()).startsWith("2 lignes écrites dans");
            assertThat(dialogs.fileQuestions.getFirst().suggestedName()).isEqualTo("modele-essp-circonscription-" + gzenaya + ".xlsx");
        }
    }

    @Test
    void aLikelyDuplicateIsShownAndImportedOnlyOnceTheUserConfirms() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            mission.dsl().update(ESSP).set(ESSP.LATITUDE, 35.71).set(ESSP.LONGITUDE, -5.93).where(ESSP.CODE.eq("E004")).execute();
            RecordingDialogService dialogs = new RecordingDialogService();
            FieldworkViewModel vm = new FieldworkViewModel(mission, () -> EditContext.system("member-1"), dir,
                    new CurrentThreadTaskExecutor(), new I18n(Locale.ENGLISH), dialogs, () -> { });
            Path template = dir.resolve("modele.xlsx");
            dialogs.nextChosenFile = template;
            vm.writeTemplate();
            Path filled = dir.resolve("filled.xlsx");
            try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                // the first empty row (sheet row 9): a new ESSP with the name of E004, 0.001° (≈ 111 m) north of it
                Row row = wb.getSheet("ESSP").getRow(8);
                String[] values = {null, "01511-0005", "Circonscription Gzenaya", "Dispensaire Dar Chaoui", null, "DR", "rural", null,
                        "fully"};
                for (int c = 1; c < values.length; c++) {
                    if (values[c] != null) {
                        cell(row, c).setCellValue(values[c]);
                    }
                }
                cell(row, 10).setCellValue(35.711); // latitude
                cell(row, 11).setCellValue(-5.93); // longitude
                try (OutputStream out = Files.newOutputStream(filled)) {
                    wb.write(out);
                }
            }
            dialogs.nextChosenFile = filled;
            vm.chooseWorkbook();
            assertThat(vm.problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo("9");
                assertThat(p.problem()).startsWith("Warning, likely duplicate: ESSP E004 (Dispensaire Dar Chaoui)");
            });
            assertThat(vm.summaryProperty().get()).endsWith("1 warnings (likely duplicates) to review before importing.");
            assertThat(vm.canImportProperty().get()).as("a warning leaves the import offered").isTrue();
            dialogs.confirmAnswer = false;
            vm.importAll();
            assertThat(mission.dsl().fetchCount(ESSP, ESSP.CODE.eq("01511-0005"))).as("not confirmed: nothing written").isZero();
            dialogs.confirmAnswer = true;
            vm.importAll();
            assertThat(mission.dsl().fetchCount(ESSP, ESSP.CODE.eq("01511-0005"))).isOne();
        }
    }

    private static org.apache.poi.ss.usermodel.Cell cell(Row row, int c) {
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    private static int population(MissionFile mission, String code) {
        return mission.dsl().select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.POPULATION_SERVED);
    }
}
