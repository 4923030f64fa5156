package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.ComplaintSampleRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.rules.ComplaintSampleRules;
import ma.essp.diag.reporting.export.ReportLanguage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The complaints template ({@code --kind complaints}): the scope's anonymous samples pre-filled, new ones in the rows
 * prepared with their uuid, checked with {@code ComplaintSampleRules} (the form's), a note the personal-data detector
 * flags refused; a second import changes nothing; every bad input leaves the mission file unchanged.
 */
class ComplaintsTemplateTest extends TemplateFixture {

    ComplaintsTemplateTest() {
        super(TemplateKind.COMPLAINTS);
    }

    String sampleUuid;

    @BeforeEach
    void open() throws Exception {
        int id = new ComplaintRepository(dsl, EditContext.system("setup")).saveSample(esspId("E001"), null, null,
                new ComplaintSampleRules.Values(LocalDate.of(2026, 1, 10), "register", "reclamation", "waiting_time",
                        LocalDate.of(2026, 1, 12), null, "pending"), "attente de trois heures");
        sampleUuid = dsl.fetchValue(COMPLAINT_SAMPLE.UUID, COMPLAINT_SAMPLE.ID.eq(id));
    }

    /** Row 3 holds the recorded sample; the prepared rows follow. */
    private static Row recorded(Sheet s) {
        return s.getRow(FieldTemplate.FIRST_DATA_ROW - 1);
    }

    private static Row prepared(Sheet s, int i) {
        return s.getRow(FieldTemplate.FIRST_DATA_ROW + i);
    }

    /** A new sample in prepared row {@code i}: E003, received on 03/02/2026 at the box, a reclamation about hygiene. */
    private Row newSample(Sheet s, int i) {
        Row row = prepared(s, i);
        put(row, "essp_code", "E003");
        put(row, "received_on", LocalDate.of(2026, 2, 3));
        put(row, "channel", "boîte à suggestions");
        put(row, "kind", "reclamation");
        put(row, "category", "hygiene");
        return row;
    }

    @Test
    void theTemplateHoldsTheSamplesAsTheFormShowsThem() throws Exception {
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Complaints");
            assertThat(s.getProtect()).isTrue();
            Row row = recorded(s);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(sampleUuid);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("E001");
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 10));
            assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
            assertThat(prepared(s, 0).getCell(1).getCellStyle().getLocked()).isFalse();
            assertThat(prepared(s, 0).getCell(0).getStringCellValue()).hasSize(36);
            // channel, kind, category, outcome
            assertThat(s.getDataValidations()).hasSize(4);
        }
    }

    @Test
    void samplesTypedInTheWorkbookLandInTheMissionAndASecondImportChangesNothing() throws Exception {
        String channelLabel;
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            channelLabel = wb.getSheet(FieldTemplate.LISTS).getRow(1).getCell(0).getStringCellValue();
        }
        Path filled = fill(template(), dir.resolve("filled.xlsx"), wb -> {
            Sheet s = sheet(wb);
            put(recorded(s), "closed_on", "20/01/2026");
            put(recorded(s), "outcome", "resolved");
            Row added = newSample(s, 0);
            put(added, "channel", channelLabel); // the second channel, by its label
            put(added, "notes", "toilettes fermées");
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).isEmpty();
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        // recorded: closed + outcome; new: received, channel, kind, category, notes
        assertThat(result.rowsChanged()).isEqualTo(2);
        assertThat(result.valuesChanged()).isEqualTo(2 + 5);
        ComplaintSampleRecord r = dsl.selectFrom(COMPLAINT_SAMPLE).where(COMPLAINT_SAMPLE.UUID.eq(sampleUuid)).fetchSingle();
        assertThat(r.getClosedOn()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(r.getOutcome()).isEqualTo("resolved");
        assertThat(r.getVersion()).isEqualTo(2);
        ComplaintSampleRecord n = dsl.selectFrom(COMPLAINT_SAMPLE).where(COMPLAINT_SAMPLE.ESSP_ID.eq(esspId("E003"))).fetchSingle();
        assertThat(List.of(n.getChannel(), n.getKind(), n.getCategory(), n.getNotes()))
                .containsExactly("box", "reclamation", "hygiene", "toilettes fermées");
        assertThat(n.getReceivedOn()).isEqualTo(LocalDate.of(2026, 2, 3));

        int audit = dsl.fetchCount(AUDIT_LOG);
        String before = checksum(mission.path());
        FieldImport.Result second = FieldImport.apply(dsl, edit, FieldImport.check(dsl, mission.schemaVersion(), filled), false);
        assertThat(second.rowsChanged()).isZero();
        assertThat(dsl.fetchCount(COMPLAINT_SAMPLE)).isEqualTo(2);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        assertThat(checksum(mission.path())).isEqualTo(before);
    }

    @Test
    void aNoteWithPersonalDataIsRefused() throws Exception {
        List<ImportProblem> problems = refused(wb -> put(recorded(sheet(wb)), "notes", "rappeler au 0661234567"));
        assertThat(one(problems)).isEqualTo("3|notes|PERSONAL_DATA");
        assertThat(new TemplateWords(ReportLanguage.FR).problem(problems.getFirst())).contains("numéro de téléphone");
        assertThat(one(refused(wb -> put(newSample(sheet(wb), 0), "notes", "plainte de Mme Bennani"))))
                .isEqualTo("4|notes|PERSONAL_DATA");
    }

    @Test
    void theFormsRulesRefuseMissingFutureAndOutOfOrderDates() throws Exception {
        assertThat(one(refused(wb -> put(newSample(sheet(wb), 0), "category", null)))).isEqualTo("4|category|RULE|complaint.REQUIRED");
        assertThat(one(refused(wb -> put(newSample(sheet(wb), 0), "received_on", LocalDate.now().plusDays(3)))))
                .isEqualTo("4|received_on|RULE|complaint.FUTURE");
        assertThat(one(refused(wb -> put(recorded(sheet(wb)), "closed_on", "05/01/2026"))))
                .isEqualTo("3|closed_on|RULE|complaint.BEFORE_RECEIVED");
        assertThat(one(refused(wb -> put(recorded(sheet(wb)), "channel", "pigeon")))).isEqualTo("3|channel|UNKNOWN_CODE");
        assertThat(one(refused(wb -> put(recorded(sheet(wb)), "received_on", "le 10 janvier")))).isEqualTo("3|received_on|NOT_A_DATE");
    }

    @Test
    void newRowsNeedAPreparedUuidAndAnEsspOfTheScope() throws Exception {
        assertThat(one(refused(wb -> put(newSample(sheet(wb), 0), "essp_code", "E777")))).isEqualTo("4|essp_code|UNKNOWN_ESSP");
        assertThat(one(refused(wb -> put(newSample(sheet(wb), 0), "uuid", "3f1c0000-0000-0000-0000-000000000000"))))
                .isEqualTo("4|uuid|UNKNOWN_ROW");
        assertThat(one(refused(wb -> put(recorded(sheet(wb)), "essp_code", "E002")))).isEqualTo("3|essp_code|LOCKED_CHANGED");
    }
}
