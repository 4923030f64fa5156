package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.export.job.ReportExporter;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The method text of both exports is generated from the rules the figures were computed with: it changes with the
 * mission setting, in every language, and the readiness chapter states the sensitivity to unanswered items.
 */
class ReadinessMethodTextTest {

    @TempDir
    Path dir;

    private static String readMe(Path xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            wb.getSheet("Lisez-moi").forEach(r -> text.append(r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue()).append('\n'));
        }
        return text.toString();
    }

    private static Path export(MissionFile mission, Path out, ReportFormat format) throws Exception {
        ReportRequest request = new ReportRequest(ReportScope.parse("national"), ReportLanguage.FR, null, null, "Test", "v1");
        ReportExporter.export(mission.dsl(), request, format, out, ExportProgress.NONE);
        return out;
    }

    @Test
    void theReadMeSaysWhatTheComputationUsedAndChangesWithTheMissionSetting() throws Exception {
        ReportLabels fr = new ReportLabels(ReportLanguage.FR);
        String observedOnly = fr.get("readme.method.readiness.observed");
        String reportedEquipment = fr.get("readme.method.readiness.reported_equipment");
        assertThat(observedOnly).contains("observé").doesNotContain("paramètre de la mission");
        assertThat(reportedEquipment).contains("équipement observé ou déclaré");
        try (MissionFile mission = MissionFile.open(ReportFixture.small(dir), dir.resolve("backups"))) {
            String before = readMe(export(mission, dir.resolve("before.xlsx"), ReportFormat.XLSX));
            assertThat(before).contains(observedOnly).doesNotContain(reportedEquipment)
                    .contains(fr.get("readme.method.pms_coverage"))
                    // the sentence the issue found false is gone
                    .doesNotContain("Un item n'est disponible que s'il est observé et fonctionnel.");

            new MissionSettingsRepository(mission.dsl()).set(EditContext.system("test"), ReadinessRules.REPORTED_EQUIPMENT_KEY, "true");
            String after = readMe(export(mission, dir.resolve("after.xlsx"), ReportFormat.XLSX));
            assertThat(after).contains(reportedEquipment).doesNotContain(observedOnly);

            String pdf;
            try (var doc = Loader.loadPDF(export(mission, dir.resolve("after.pdf"), ReportFormat.PDF).toFile())) {
                pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            assertThat(pdf).contains("équipement observé ou déclaré (paramètre de la mission)");
            // the readiness chapter's sensitivity sentence: the national index with unanswered items counted absent
            var data = new ReadinessDataRepository(mission.dsl()).load();
            ReadinessRules rules = ReadinessRules.ofMission(mission.dsl());
            AggregateRow excluded = ReadinessAggregator.aggregate(ReadinessCalculator.compute(data, rules), AggregationLevel.NATIONAL)
                    .getFirst();
            AggregateRow absent = ReadinessAggregator.aggregate(ReadinessCalculator.compute(data,
                    rules.withUnanswered(ReadinessRules.Unanswered.ABSENT)), AggregationLevel.NATIONAL).getFirst();
            assertThat(absent.general().value()).isLessThan(excluded.general().value());
            assertThat(pdf).contains("serait de " + fr.number(absent.general().value(), 1) + " au lieu de "
                    + fr.number(excluded.general().value(), 1));
        }
    }

    @Test
    void theMethodTextExistsInEveryLanguageForBothSettings() {
        for (ReportLanguage language : ReportLanguage.values()) {
            ReportLabels l = new ReportLabels(language);
            String observed = ReportCredits.readinessMethod(l, ReadinessRules.DEFAULT);
            String reported = ReportCredits.readinessMethod(l, new ReadinessRules(true, ReadinessRules.Unanswered.EXCLUDED));
            assertThat(observed).as(language.name()).doesNotStartWith("!").isNotEqualTo(reported);
            assertThat(ReportCredits.readMeLines(l, ReadinessRules.DEFAULT, ma.essp.diag.reporting.complaints.ComplaintDeadlines.DEFAULT)).contains("• " + observed).doesNotContain("• " + reported);
        }
    }
}
