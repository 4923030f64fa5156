package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.TrainingAttendanceRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.reporting.export.ReportLanguage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attendance template ({@code --kind attendance --scope cohort:ID}): the cohort's participants × sessions, the
 * hours attended checked with {@code TrainingRules.hoursAttended} (not negative, at most the session's hours) and
 * written through {@code TrainingRepository.setAttendance} (the grid's write); a second import changes nothing; every
 * bad input leaves the mission file unchanged.
 */
class AttendanceTemplateTest extends TemplateFixture {

    AttendanceTemplateTest() {
        super(TemplateKind.ATTENDANCE);
    }

    private static final LocalDate JAN_18 = LocalDate.of(2026, 1, 18);

    int cohortId;
    int s1;
    int s2;
    int amina;
    int brahim;
    String otherCohortSession;

    @BeforeEach
    void open() throws Exception {
        EditContext setup = EditContext.system("setup");
        TrainingProgrammeRecord programme = dsl.newRecord(TRAINING_PROGRAMME);
        programme.setCode("MBA");
        programme.setKind("mba");
        programme.setTitleFr("MBA");
        int programmeId = SyncedRows.insert(dsl, setup, programme);
        cohortId = cohort(setup, programmeId, "Cohorte 2");
        int other = cohort(setup, programmeId, "Cohorte 3");
        TrainingRepository training = new TrainingRepository(dsl);
        s1 = training.addSession(setup, cohortId, "Module 1", JAN_18, JAN_18.plusDays(2), 24.0, "ENSP", null);
        s2 = training.addSession(setup, cohortId, "Module 2", JAN_18.plusDays(7), JAN_18.plusDays(7), 7.5, "ENSP", null);
        // added first, listed second: the sheet lists participants by name
        brahim = training.addParticipant(setup, cohortId, null, "Brahim Benali", null, "m");
        amina = training.addParticipant(setup, cohortId, null, "Amina Alaoui", null, "f");
        int os = training.addSession(setup, other, "Module A", JAN_18, JAN_18, 6.0, null, null);
        otherCohortSession = dsl.fetchValue(TRAINING_SESSION.UUID, TRAINING_SESSION.ID.eq(os));
        training.setAttendance(setup, s1, amina, null, true, 20.0);
    }

    private int cohort(EditContext setup, int programmeId, String name) {
        TrainingCohortRecord cohort = dsl.newRecord(TRAINING_COHORT);
        cohort.setProgrammeId(programmeId);
        cohort.setName(name);
        cohort.setStartsOn(JAN_18);
        cohort.setEndsOn(JAN_18.plusMonths(3));
        return SyncedRows.insert(dsl, setup, cohort);
    }

    @Override
    Path template() throws Exception {
        Path out = dir.resolve("attendance.xlsx");
        assertThat(FieldTemplate.write(dsl, mission.schemaVersion(), TemplateKind.ATTENDANCE, "cohort:" + cohortId, ReportLanguage.FR, out))
                .isEqualTo(4);
        return out;
    }

    private Double hours(int session, int participant) {
        TrainingAttendanceRecord r = dsl.selectFrom(TRAINING_ATTENDANCE).where(TRAINING_ATTENDANCE.SESSION_ID.eq(session),
                TRAINING_ATTENDANCE.PARTICIPANT_ID.eq(participant), TRAINING_ATTENDANCE.DELETED.isFalse()).fetchOne();
        return r == null ? null : r.getHoursAttended();
    }

    @Test
    void theTemplateHoldsTheCohortsGridWithParticipantAndSessionLocked() throws Exception {
        String aminaUuid = dsl.fetchValue(TRAINING_PARTICIPANT.UUID, TRAINING_PARTICIPANT.ID.eq(amina));
        String s2Uuid = dsl.fetchValue(TRAINING_SESSION.UUID, TRAINING_SESSION.ID.eq(s2));
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Attendance");
            assertThat(s.getRow(0).getCell(5).getStringCellValue()).isEqualTo("hours_attended");
            assertThat(dataRow(s, 0).getCell(2).getStringCellValue()).isEqualTo("Amina Alaoui");
            assertThat(dataRow(s, 0).getCell(3).getStringCellValue()).isEqualTo("Module 1 (18/01/2026)");
            assertThat(dataRow(s, 0).getCell(4).getNumericCellValue()).isEqualTo(24.0);
            assertThat(dataRow(s, 0).getCell(5).getNumericCellValue()).isEqualTo(20.0);
            assertThat(dataRow(s, 1).getCell(0).getStringCellValue()).isEqualTo(aminaUuid);
            assertThat(dataRow(s, 1).getCell(1).getStringCellValue()).isEqualTo(s2Uuid);
            assertThat(dataRow(s, 1).getCell(4).getNumericCellValue()).isEqualTo(7.5);
            assertThat(dataRow(s, 2).getCell(2).getStringCellValue()).isEqualTo("Brahim Benali");
            assertThat(dataRow(s, 4)).isNull(); // 2 participants × 2 sessions, the other cohort's session left out
            for (int c = 0; c < 5; c++) {
                assertThat(dataRow(s, 0).getCell(c).getCellStyle().getLocked()).as("column %d locked", c).isTrue();
            }
            assertThat(dataRow(s, 0).getCell(5).getCellStyle().getLocked()).isFalse();
            assertThat(s.getProtect()).isTrue();
            Sheet meta = wb.getSheet(FieldTemplate.META);
            boolean scoped = false;
            for (Row r : meta) {
                scoped |= r.getCell(0).getStringCellValue().equals("scope") && r.getCell(1).getStringCellValue().equals("cohort:" + cohortId);
            }
            assertThat(scoped).isTrue();
        }
    }

    @Test
    void hoursTypedInTheWorkbookLandInTheMissionAndASecondImportChangesNothing() throws Exception {
        Path untouched = template();
        String start = checksum(mission.path());
        FieldImport.Check same = FieldImport.check(dsl, mission.schemaVersion(), untouched);
        assertThat(same.problems()).isEmpty();
        assertThat(FieldImport.apply(dsl, edit, same, false).rowsChanged()).isZero();
        assertThat(checksum(mission.path())).isEqualTo(start);

        Path filled = fill(template(), dir.resolve("filled.xlsx"), wb -> {
            Sheet s = sheet(wb);
            put(dataRow(s, 0), "hours_attended", 22);    // Amina, Module 1: 20 -> 22
            put(dataRow(s, 1), "hours_attended", "7,5"); // Amina, Module 2: the whole session, typed with a comma
            put(dataRow(s, 2), "hours_attended", 0);     // Brahim, Module 1: absent
            // Brahim, Module 2: left blank, nothing recorded
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).isEmpty();
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        assertThat(result.rowsChanged()).isEqualTo(3);
        assertThat(result.valuesChanged()).isEqualTo(3);
        assertThat(hours(s1, amina)).isEqualTo(22.0);
        assertThat(hours(s2, amina)).isEqualTo(7.5);
        assertThat(hours(s1, brahim)).isEqualTo(0.0);
        assertThat(hours(s2, brahim)).isNull();
        assertThat(dsl.fetchCount(TRAINING_ATTENDANCE)).isEqualTo(3);
        TrainingAttendanceRecord absent = dsl.selectFrom(TRAINING_ATTENDANCE).where(TRAINING_ATTENDANCE.PARTICIPANT_ID.eq(brahim)).fetchSingle();
        assertThat(absent.getPresent()).isFalse();
        TrainingAttendanceRecord changed = dsl.selectFrom(TRAINING_ATTENDANCE).where(TRAINING_ATTENDANCE.PARTICIPANT_ID.eq(amina),
                TRAINING_ATTENDANCE.SESSION_ID.eq(s1)).fetchSingle();
        assertThat(changed.getVersion()).isEqualTo(2);
        assertThat(changed.getUpdatedBy()).isEqualTo("member-1");
        // the grid reads what the import wrote: 22 + 7.5 hours for Amina
        assertThat(new TrainingRepository(dsl).load().attendance().stream().filter(a -> a.participantId() == amina)
                .mapToDouble(a -> a.hoursAttended()).sum()).isEqualTo(29.5);

        int audit = dsl.fetchCount(AUDIT_LOG);
        String before = checksum(mission.path());
        FieldImport.Check again = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(again.problems()).isEmpty();
        assertThat(FieldImport.apply(dsl, edit, again, false).rowsChanged()).isZero();
        assertThat(dsl.fetchCount(TRAINING_ATTENDANCE)).isEqualTo(3);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        assertThat(checksum(mission.path())).isEqualTo(before);
    }

    @Test
    void theIssuesBadInputsAreRefused() throws Exception {
        List<ImportProblem> above = refused(wb -> {
            put(dataRow(sheet(wb), 1), "hours_attended", 8); // Module 2 has 7.5 hours
            put(dataRow(sheet(wb), 0), "hours_attended", 22); // valid, but nothing is written while another row is refused
        });
        assertThat(one(above)).isEqualTo("4|hours_attended|RULE|training.HOURS_ABOVE_SESSION");
        assertThat(new TemplateWords(ReportLanguage.EN).problem(above.getFirst())).isEqualTo("More hours attended than the session has (7.5 h).");
        assertThat(new TemplateWords(ReportLanguage.FR).problem(above.getFirst())).isEqualTo("Plus d'heures suivies que la séance n'en compte (7.5 h).");
        assertThat(hours(s1, amina)).isEqualTo(20.0);
        assertThat(one(refused(wb -> put(dataRow(sheet(wb), 2), "hours_attended", -1)))).isEqualTo("5|hours_attended|RULE|training.NEGATIVE");
        assertThat(one(refused(wb -> put(dataRow(sheet(wb), 2), "hours_attended", "trois")))).isEqualTo("5|hours_attended|NOT_A_NUMBER");
        assertThat(one(refused(wb -> put(dataRow(sheet(wb), 2), "participant_uuid", "00000000-0000-4000-8000-000000000000"))))
                .isEqualTo("5|participant_uuid|UNKNOWN_PARTICIPANT");
        assertThat(one(refused(wb -> put(dataRow(sheet(wb), 3), "session_uuid", otherCohortSession))))
                .isEqualTo("6|session_uuid|UNKNOWN_SESSION");
        assertThat(one(refused(wb -> {
            Sheet s = sheet(wb);
            for (int c = 0; c < FieldTemplate.ATTENDANCE_COLUMNS.size(); c++) { // row 3 copied over row 4
                Cell from = dataRow(s, 0).getCell(c);
                put(dataRow(s, 1), FieldTemplate.ATTENDANCE_COLUMNS.get(c), from.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? (Object) from.getNumericCellValue() : from.getStringCellValue());
            }
        }))).isEqualTo("4|session_uuid|DUPLICATE_ROW");
        assertThat(one(refused(wb -> put(dataRow(sheet(wb), 0), "session_hours", 30)))).isEqualTo("3|session_hours|LOCKED_CHANGED");
        assertThat(one(refused(wb -> put(dataRow(sheet(wb), 0), "participant", "Amina A.")))).isEqualTo("3|participant|LOCKED_CHANGED");
    }

    @Test
    void theScopeOfAnAttendanceTemplateIsACohort() {
        Path out = dir.resolve("a.xlsx");
        assertThatThrownBy(() -> FieldTemplate.write(dsl, mission.schemaVersion(), TemplateKind.ATTENDANCE, "national", ReportLanguage.FR, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cohort:ID");
        assertThatThrownBy(() -> FieldTemplate.write(dsl, mission.schemaVersion(), TemplateKind.ATTENDANCE, "cohort:999", ReportLanguage.FR, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no cohort 999");
        assertThat(out).doesNotExist();
    }
}
