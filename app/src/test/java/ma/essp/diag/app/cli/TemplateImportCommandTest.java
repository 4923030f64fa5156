package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.DATA_VERIFICATION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essp-diag template} then {@code essp-diag import}: exit codes, the report, nothing written unless valid. */
class TemplateImportCommandTest {

    @TempDir
    Path dir;

    private static String checksum(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(file));
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (Files.exists(wal)) {
            sha.update(Files.readAllBytes(wal));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The template with E002's population set to {@code population} (column population_served). */
    private Path filled(Path template, String name, Object population) throws Exception {
        Path out = dir.resolve(name);
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("ESSP");
            int column = -1;
            for (var c : s.getRow(0)) {
                if (c.getStringCellValue().equals("population_served")) {
                    column = c.getColumnIndex();
                }
            }
            for (Row row : s) {
                if (row.getCell(1) != null && "E002".equals(row.getCell(1).getStringCellValue())) {
                    if (population instanceof Number n) {
                        row.getCell(column).setCellValue(n.doubleValue());
                    } else {
                        row.getCell(column).setCellValue(population.toString());
                    }
                }
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    @Test
    void aTemplateFilledAndImportedChangesTheMissionOnceAndABadOneChangesNothing() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Path template = dir.resolve("essp.xlsx");
        CliTest.Run t = CliTest.run("template", mission.toString(), "--kind", "essp", "--scope", "national", "--out", template.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("essp.xlsx written (essp, national, fr): 6 rows");

        // a wrong value: exit 1, the problem printed and in the report next to the workbook, the mission untouched
        Path bad = filled(template, "bad.xlsx", "quarante mille");
        String before = checksum(mission);
        CliTest.Run refused = CliTest.run("import", mission.toString(), "--in", bad.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
        assertThat(refused.out()).contains("ESSP, row 4, column population_served, «quarante mille»: The population is a whole number.")
                .contains("6 rows read, 1 with a problem, 1 problems").contains("Nothing was imported.");
        assertThat(dir.resolve("bad-report.xlsx")).exists();
        assertThat(checksum(mission)).isEqualTo(before);

        // a good one: the dry run changes nothing, the import changes one value, the second import nothing
        Path good = filled(template, "good.xlsx", 41_000);
        CliTest.Run dry = CliTest.run("import", mission.toString(), "--in", good.toString(), "--dry-run", "--lang", "en");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("6 rows read, no problem");
        assertThat(checksum(mission)).isEqualTo(before);
        CliTest.Run imported = CliTest.run("import", mission.toString(), "--in", good.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("6 rows imported: 1 changed, 1 values changed.");
        int audit;
        try (MissionFile m = MissionFile.open(mission, dir)) {
            assertThat(m.dsl().select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq("E002")).fetchOne(ESSP.POPULATION_SERVED))
                    .isEqualTo(41_000);
            audit = m.dsl().fetchCount(AUDIT_LOG);
        }
        CliTest.Run again = CliTest.run("import", mission.toString(), "--in", good.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("6 rows imported: 0 changed, 0 values changed.");
        try (MissionFile m = MissionFile.open(mission, dir)) {
            assertThat(m.dsl().fetchCount(AUDIT_LOG)).isEqualTo(audit);
        }

        Path csv = Files.writeString(dir.resolve("essp.csv"), "uuid;code\n");
        CliTest.Run csvRun = CliTest.run("import", mission.toString(), "--in", csv.toString(), "--lang", "fr", "--report",
                dir.resolve("r.xlsx").toString());
        assertThat(csvRun.exit()).isEqualTo(1);
        assertThat(csvRun.out()).contains("C'est un fichier texte (CSV)");
        assertThat(dir.resolve("r.xlsx")).exists();

        // a workbook that is not there: said on one line, exit 2, and no report workbook left where it would have been
        Path missing = dir.resolve("sub").resolve("absent.xlsx");
        CliTest.Run absent = CliTest.run("import", mission.toString(), "--in", missing.toString(), "--lang", "en");
        assertThat(absent.exit()).isEqualTo(2);
        assertThat(absent.err()).contains("absent.xlsx").contains("no such workbook");
        assertThat(dir.resolve("sub")).doesNotExist();
        assertThat(dir.resolve("absent-report.xlsx")).doesNotExist();

        assertThat(CliTest.run("template", mission.toString(), "--kind", "inventory", "--out", template.toString()).exit()).isEqualTo(2);
        assertThat(CliTest.run("template", mission.toString(), "--kind", "essp", "--scope", "region:99", "--out",
                template.toString()).exit()).isEqualTo(2);
    }

    @Test
    void aNewEsspRowGetsTheNextFreeCodeOnTheDryRunAndIsCreatedOnce() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Path template = dir.resolve("essp.xlsx");
        assertThat(CliTest.run("template", mission.toString(), "--kind", "essp", "--out", template.toString()).exit()).isZero();
        Path filled = dir.resolve("new.xlsx");
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // the first empty row below the six ESSPs: no uuid, no code, a circonscription and the required fields
            Row row = wb.getSheet("ESSP").getRow(2 + 6);
            String[] values = {null, null, "Circonscription Gzenaya", "Dispensaire Jdid", null, "DR", "rural", null, "fully"};
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    row.getCell(c).setCellValue(values[c]);
                }
            }
            try (OutputStream o = Files.newOutputStream(filled)) {
                wb.write(o);
            }
        }
        String before = checksum(mission);
        CliTest.Run dry = CliTest.run("import", mission.toString(), "--in", filled.toString(), "--dry-run", "--lang", "en");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        // Tanger-Assilah (01.511) has no ESSP code of the registry's form yet: 0001
        assertThat(dry.out()).contains("Row 9: new ESSP 01511-0001 (Dispensaire Jdid).");
        assertThat(checksum(mission)).isEqualTo(before);
        CliTest.Run imported = CliTest.run("import", mission.toString(), "--in", filled.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(imported.out()).contains("7 rows imported: 1 changed");
        CliTest.Run again = CliTest.run("import", mission.toString(), "--in", filled.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("7 rows imported: 0 changed, 0 values changed.").doesNotContain("new ESSP");
        try (MissionFile m = MissionFile.open(mission, dir)) {
            assertThat(m.dsl().fetchCount(ESSP, ESSP.CODE.eq("01511-0001"), ESSP.NAME_FR.eq("Dispensaire Jdid"))).isEqualTo(1);
        }
    }

    @Test
    void aLikelyDuplicateIsImportedOnlyWithAcceptWarnings() throws Exception {
        Path mission = dir.resolve("m.essp");
        try (MissionFile m = FixtureMission.create(mission)) {
            m.dsl().update(ESSP).set(ESSP.LATITUDE, 35.71).set(ESSP.LONGITUDE, -5.93).where(ESSP.CODE.eq("E004")).execute();
        }
        Path template = dir.resolve("essp.xlsx");
        assertThat(CliTest.run("template", mission.toString(), "--kind", "essp", "--out", template.toString()).exit()).isZero();
        Path filled = dir.resolve("twin.xlsx");
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // a code typed for E004's name 0.001° (≈ 111 m) north of it, in its circonscription
            Row row = wb.getSheet("ESSP").getRow(2 + 6);
            String[] values = {null, "01511-0005", "Circonscription Gzenaya", "Dispensaire Dar Chaoui", null, "DR", "rural", null, "fully"};
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    row.getCell(c).setCellValue(values[c]);
                }
            }
            row.getCell(10).setCellValue(35.711);
            row.getCell(11).setCellValue(-5.93);
            try (OutputStream o = Files.newOutputStream(filled)) {
                wb.write(o);
            }
        }
        String before = checksum(mission);
        CliTest.Run held = CliTest.run("import", mission.toString(), "--in", filled.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(held.exit()).as(held.out() + held.err()).isEqualTo(1);
        assertThat(held.out()).contains("ESSP, row 9, column name_fr, «Dispensaire Dar Chaoui»: Warning, likely duplicate: ESSP E004")
                .contains("1 warnings (likely duplicates) to review").contains("run again with --accept-warnings");
        assertThat(checksum(mission)).as("nothing written").isEqualTo(before);
        CliTest.Run accepted = CliTest.run("import", mission.toString(), "--in", filled.toString(), "--accept-warnings", "--lang", "en",
                "--as", "Amina Alaoui");
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("7 rows imported: 1 changed");
        try (MissionFile m = MissionFile.open(mission, dir)) {
            assertThat(m.dsl().fetchCount(ESSP, ESSP.NAME_FR.eq("Dispensaire Dar Chaoui"))).isEqualTo(2);
        }
    }

    @Test
    void aRecountsTemplateAddsARecountOnceAndRefusesAFutureMonth() throws Exception {
        Path mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Path template = dir.resolve("recounts.xlsx");
        CliTest.Run t = CliTest.run("template", mission.toString(), "--kind", "recounts", "--out", template.toString(), "--lang", "en");
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("recounts.xlsx written (recounts, national, en): 0 rows");

        Path good = recount(template, "good.xlsx", "2026-03");
        CliTest.Run imported = CliTest.run("import", mission.toString(), "--in", good.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("1 rows imported: 1 changed, 5 values changed.");
        String after = checksum(mission);
        CliTest.Run again = CliTest.run("import", mission.toString(), "--in", good.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(again.out()).contains("1 rows imported: 0 changed, 0 values changed.");
        assertThat(checksum(mission)).isEqualTo(after);
        try (MissionFile m = MissionFile.open(mission, dir)) {
            assertThat(m.dsl().fetchCount(DATA_VERIFICATION)).isEqualTo(1);
            assertThat(m.dsl().fetchValue(DATA_VERIFICATION.REASON)).isEqualTo("late_entry");
        }

        Path future = recount(template, "future.xlsx", "2099-01");
        CliTest.Run refused = CliTest.run("import", mission.toString(), "--in", future.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("Recounts, row 3, column period, «2099-01»: The period is in the future.");
        assertThat(checksum(mission)).isEqualTo(after);
    }

    @Test
    void anAttendanceTemplateOfACohortRecordsTheHoursOnceAndRefusesMoreThanTheSession() throws Exception {
        Path mission = dir.resolve("m.essp");
        int cohortId;
        try (MissionFile m = FixtureMission.create(mission)) {
            ma.essp.diag.database.mission.EditContext setup = ma.essp.diag.database.mission.EditContext.system("setup");
            var programme = m.dsl().newRecord(ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME);
            programme.setCode("MBA");
            programme.setKind("mba");
            programme.setTitleFr("MBA");
            var cohort = m.dsl().newRecord(ma.essp.diag.database.jooq.Tables.TRAINING_COHORT);
            cohort.setProgrammeId(ma.essp.diag.database.repository.SyncedRows.insert(m.dsl(), setup, programme));
            cohort.setName("Cohorte 2");
            cohortId = ma.essp.diag.database.repository.SyncedRows.insert(m.dsl(), setup, cohort);
            var training = new ma.essp.diag.database.repository.TrainingRepository(m.dsl());
            java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 18);
            training.addSession(setup, cohortId, "Module 1", day, day.plusDays(2), 24.0, null, null);
            training.addSession(setup, cohortId, "Module 2", day.plusDays(7), day.plusDays(7), 6.0, null, null);
            training.addParticipant(setup, cohortId, null, "Amina Alaoui", null, "f");
        }
        Path template = dir.resolve("attendance.xlsx");
        assertThat(CliTest.run("template", mission.toString(), "--kind", "attendance", "--out", template.toString()).exit())
                .as("a territory is no scope of an attendance template").isEqualTo(2);
        CliTest.Run t = CliTest.run("template", mission.toString(), "--kind", "attendance", "--scope", "cohort:" + cohortId,
                "--out", template.toString(), "--lang", "en");
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("attendance.xlsx written (attendance, cohort:" + cohortId + ", en): 2 rows");

        Path good = hours(template, "good.xlsx", 21.5);
        CliTest.Run imported = CliTest.run("import", mission.toString(), "--in", good.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("1 rows imported: 1 changed, 1 values changed.");
        String after = checksum(mission);
        CliTest.Run again = CliTest.run("import", mission.toString(), "--in", good.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(again.out()).contains("1 rows imported: 0 changed, 0 values changed.");
        assertThat(checksum(mission)).isEqualTo(after);
        try (MissionFile m = MissionFile.open(mission, dir)) {
            assertThat(m.dsl().fetchValue(ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE.HOURS_ATTENDED)).isEqualTo(21.5);
        }

        Path above = hours(template, "above.xlsx", 30);
        CliTest.Run refused = CliTest.run("import", mission.toString(), "--in", above.toString(), "--lang", "en", "--as", "Amina Alaoui");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("Attendance, row 3, column hours_attended, «30»: More hours attended than the session has (24 h).");
        assertThat(checksum(mission)).isEqualTo(after);
    }

    /** The attendance template with {@code hours} typed for its first row (the participant in the first session). */
    private Path hours(Path template, String name, double hours) throws Exception {
        Path out = dir.resolve(name);
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.getSheet("Attendance").getRow(2).getCell(5).setCellValue(hours);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    /** The recounts template with one new row: E003, ANC1, {@code month}, 12 recounted, 15 reported, late entry. */
    private Path recount(Path template, String name, String month) throws Exception {
        Path out = dir.resolve(name);
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row row = wb.getSheet("Recounts").getRow(2);
            row.getCell(1).setCellValue("E003");
            row.getCell(3).setCellValue("ANC1");
            row.getCell(4).setCellValue(month);
            row.getCell(5).setCellValue(12);
            row.getCell(6).setCellValue(15);
            row.getCell(7).setCellValue("late entry");
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }
}
