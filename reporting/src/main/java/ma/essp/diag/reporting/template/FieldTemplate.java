package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.CADRE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION;
import static ma.essp.diag.database.jooq.Tables.DATA_VERIFICATION;
import static ma.essp.diag.database.jooq.Tables.REPORT_TYPE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.DataFlowRules;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A field template: an Excel workbook that colleagues without the application fill, and that {@link FieldImport}
 * reads back. Sheets: {@code Instructions}; the data sheet of the {@link TemplateKind} (row 1 the column keys the
 * import checks, row 2 their labels in the workbook's language, data from row 3), pre-filled with the scope's rows,
 * their uuids and codes in locked cells (the sheet is protected, answer cells unlocked), coded answers as drop-down
 * lists in the workbook's language; and two very hidden sheets: {@code _meta} (format, kind, schema version,
 * catalogue version, mission id, language, scope) and {@code _lists} (the drop-down lists). Written with SXSSF
 * (rows streamed to disk), atomically.
 */
public final class FieldTemplate {

    public static final String FORMAT = "essp-diag-field-template";
    public static final String INSTRUCTIONS = "Instructions";
    public static final String META = "_meta";
    public static final String LISTS = "_lists";
    /** The first data row (1-based): row 1 holds the keys, row 2 the labels. */
    public static final int FIRST_DATA_ROW = 3;

    /** The columns of the ESSP sheet; the first three are locked. */
    public static final List<String> ESSP_COLUMNS = List.of("uuid", "code", "circonscription", "name_fr", "name_ar",
            "category", "milieu", "delivery_unit", "functionality", "functionality_reason", "latitude", "longitude",
            "population_served", "opening_hours", "address", "notes");
    /** The fixed columns of the assessment sheet (the first three locked); the in-scope items' codes follow. */
    public static final List<String> ASSESSMENT_COLUMNS = List.of("essp_uuid", "essp_code", "essp_name", "assessed_on");
    /**
     * The columns of the recount sheet: the row's uuid, the ESSP's code and name locked on the pre-filled rows (a new
     * row has no uuid and gives the code of an ESSP of the scope), then what the screen asks.
     */
    public static final List<String> RECOUNT_COLUMNS = List.of("uuid", "essp_code", "essp_name", "indicator", "period",
            "recounted", "reported", "reason", "notes");
    /** The columns of the staff sheet: the position's uuid, its ESSP's code and name (locked), then the HR grid's. */
    public static final List<String> STAFF_COLUMNS = List.of("uuid", "essp_code", "essp_name", "cadre", "employer", "status",
            "fte", "gender", "holder_name", "job_title", "notes");
    /** The columns of the complaints sheet: the sample's uuid, its ESSP's code and name (locked), then the form's. */
    public static final List<String> COMPLAINT_COLUMNS = List.of("uuid", "essp_code", "essp_name", "received_on", "channel",
            "kind", "category", "acknowledged_on", "closed_on", "outcome", "notes");
    /**
     * The columns of the data-flow sheet: the observation's uuid, its flow ("#id TYPE · from → to") and ESSP code
     * (locked on the pre-filled rows), then the screen's counts.
     */
    public static final List<String> DATAFLOW_COLUMNS = List.of("uuid", "flow", "essp_code", "period", "expected", "received",
            "on_time", "delay_days", "notes");
    /**
     * The columns of the attendance sheet: the participant's and the session's uuids, the participant's name, the
     * session (title and first day) and its hours (all locked), then the hours attended.
     */
    public static final List<String> ATTENDANCE_COLUMNS = List.of("participant_uuid", "session_uuid", "participant", "session",
            "session_hours", "hours_attended");

    /** The fixed columns of a kind's data sheet (an assessment sheet adds one column per item after them). */
    public static List<String> columns(TemplateKind kind) {
        return switch (kind) {
            case ESSP -> ESSP_COLUMNS;
            case ASSESSMENT -> ASSESSMENT_COLUMNS;
            case RECOUNTS -> RECOUNT_COLUMNS;
            case STAFF -> STAFF_COLUMNS;
            case COMPLAINTS -> COMPLAINT_COLUMNS;
            case DATAFLOWS -> DATAFLOW_COLUMNS;
            case ATTENDANCE -> ATTENDANCE_COLUMNS;
        };
    }
    /** How {@code --scope} names the cohort of an attendance template: {@code cohort:ID}. */
    public static final String COHORT_SCOPE = "cohort:";
    static final int LOCKED_COLUMNS = 3;
    /** Empty rows below the pre-filled ones of a sheet that takes new rows: unlocked, with their drop-down lists. */
    static final int NEW_ROWS = 1_000;

    private FieldTemplate() {
    }

    /** What the hidden sheet says of a template. */
    public record Meta(TemplateKind kind, int schemaVersion, String catalogueUuid, String catalogueLabel,
                       String missionUuid, ReportLanguage language, String scope, String templateId) {
    }

    /**
     * The uuid of the {@code i}-th row a template prepares for a new row (derived from the template's own id, so the
     * import recognises it and a second import of the same workbook finds the row it created).
     */
    static String newRowUuid(String templateId, int i) {
        return UUID.nameUUIDFromBytes((templateId + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An in-scope item of a catalogue version, as a column. */
    record Item(int id, String code, String label) {
    }

    /**
     * Writes a template of {@code kind} for {@code scope} to {@code out} (never over a mission file); the number of
     * data rows written.
     *
     * @throws IllegalArgumentException when the scope names no region or province of the mission
     */
    public static int write(DSLContext dsl, int schemaVersion, TemplateKind kind, ReportScope scope, ReportLanguage language,
                            Path out) throws IOException {
        Condition where = scopeCondition(dsl, scope);
        int[] rows = new int[1];
        AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> rows[0] = write(dsl, schemaVersion, kind, scope,
                scope.toString(), 0, where, new TemplateWords(language), part));
        return rows[0];
    }

    /**
     * Writes a template of {@code kind} for the scope as typed ({@code national}, {@code region:CODE}, …; for
     * {@link TemplateKind#ATTENDANCE} {@code cohort:ID}); the number of data rows written.
     *
     * @throws IllegalArgumentException when the scope is not one of these or names nothing of the mission
     */
    public static int write(DSLContext dsl, int schemaVersion, TemplateKind kind, String scope, ReportLanguage language,
                            Path out) throws IOException {
        if (kind == TemplateKind.ATTENDANCE) {
            return writeAttendance(dsl, schemaVersion, cohortId(scope), language, out);
        }
        return write(dsl, schemaVersion, kind, ReportScope.parse(scope), language, out);
    }

    /**
     * Writes the attendance template of cohort {@code cohortId}: one row per live participant × live session.
     *
     * @throws IllegalArgumentException when the mission has no live cohort {@code cohortId}
     */
    public static int writeAttendance(DSLContext dsl, int schemaVersion, int cohortId, ReportLanguage language, Path out)
            throws IOException {
        if (!dsl.fetchExists(TRAINING_COHORT, TRAINING_COHORT.ID.eq(cohortId), TRAINING_COHORT.DELETED.isFalse())) {
            throw new IllegalArgumentException("no cohort " + cohortId);
        }
        int[] rows = new int[1];
        AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> rows[0] = write(dsl, schemaVersion, TemplateKind.ATTENDANCE,
                null, COHORT_SCOPE + cohortId, cohortId, DSL.trueCondition(), new TemplateWords(language), part));
        return rows[0];
    }

    /** The cohort id of an attendance scope {@code cohort:ID}. */
    public static int cohortId(String scope) {
        if (scope != null && scope.startsWith(COHORT_SCOPE)) {
            try {
                return Integer.parseInt(scope.substring(COHORT_SCOPE.length()).strip());
            } catch (NumberFormatException e) {
                // worded below
            }
        }
        throw new IllegalArgumentException("the attendance template needs a cohort: cohort:ID, not '" + scope + "'");
    }

    static Condition scopeCondition(DSLContext dsl, ReportScope scope) {
        return switch (scope.level()) {
            case NATIONAL -> DSL.trueCondition();
            case REGION -> {
                if (!dsl.fetchExists(REGION, REGION.CODE.eq(scope.key()))) {
                    throw new IllegalArgumentException("no region with code '" + scope.key() + "'");
                }
                yield REGION.CODE.eq(scope.key());
            }
            case PROVINCE -> {
                if (!dsl.fetchExists(PROVINCE, PROVINCE.CODE.eq(scope.key()))) {
                    throw new IllegalArgumentException("no province with code '" + scope.key() + "'");
                }
                yield PROVINCE.CODE.eq(scope.key());
            }
            case CIRCONSCRIPTION -> CIRCONSCRIPTION.ID.eq(Integer.parseInt(scope.key()));
        };
    }

    /** The live ESSPs of a scope with their circonscription, by code. */
    static List<Record> esspsInScope(DSLContext dsl, Condition scope) {
        return dsl.select(ESSP.fields()).select(CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.CODE)
                .from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(ESSP.DELETED.isFalse(), scope).orderBy(ESSP.CODE).fetch();
    }

    /**
     * The circonscriptions of the scope, by their French name (as the ESSP sheet writes them) with their id and their
     * province's id, in name order.
     */
    static Map<String, int[]> circonscriptions(DSLContext dsl, Condition scope) {
        Map<String, int[]> found = new LinkedHashMap<>();
        dsl.selectDistinct(CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.ID, CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(scope, CIRCONSCRIPTION.DELETED.isFalse()).orderBy(CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.ID)
                .forEach(c -> found.putIfAbsent(c.value1(), new int[] {c.value2(), c.value3()}));
        return found;
    }

    /** The in-scope items of a catalogue version, in the checklist's order, labelled in {@code language}. */
    static List<Item> items(DSLContext dsl, int versionId, ReportLanguage language) {
        return dsl.select(PMS_ITEM.ID, PMS_ITEM.CODE, PMS_ITEM.LABEL_FR, PMS_ITEM.LABEL_EN, PMS_ITEM.LABEL_AR).from(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.DELETED.isFalse(), PMS_ITEM.IN_SCOPE.isTrue())
                .orderBy(PMS_ITEM.SORT_ORDER, PMS_ITEM.CODE)
                .fetch(r -> {
                    String label = switch (language) {
                        case EN -> r.value4();
                        case AR -> r.value5();
                        case FR -> null;
                    };
                    return new Item(r.value1(), r.value2(), label == null || label.isBlank() ? r.value3() : label);
                });
    }

    /** Category codes a new or changed ESSP may take (the form's list: the current ones). */
    static List<String> categories(DSLContext dsl) {
        return dsl.select(ESSP_CATEGORY.CODE).from(ESSP_CATEGORY).where(ESSP_CATEGORY.LEGACY.isFalse())
                .orderBy(ESSP_CATEGORY.SORT_ORDER).fetch(ESSP_CATEGORY.CODE);
    }

    static String missionUuid(DSLContext dsl) {
        return dsl.select(MISSION.UUID).from(MISSION).where(MISSION.DELETED.isFalse()).orderBy(MISSION.ID).limit(1)
                .fetchOne(MISSION.UUID);
    }

    static Record catalogue(DSLContext dsl) {
        int id = new CatalogueVersionRepository(dsl, EditContext.system("template")).versionForNewAssessment();
        return dsl.select(PMS_CATALOGUE_VERSION.ID, PMS_CATALOGUE_VERSION.UUID, PMS_CATALOGUE_VERSION.LABEL)
                .from(PMS_CATALOGUE_VERSION).where(PMS_CATALOGUE_VERSION.ID.eq(id)).fetchOne();
    }

    /** The values a drop-down list offers, by column key, in the workbook's language. */
    static Map<String, List<String>> lists(DSLContext dsl, TemplateKind kind, TemplateWords words, Condition where) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (kind == TemplateKind.ESSP) {
            lists.put("category", categories(dsl));
            lists.put("milieu", labels(Vocabulary.MILIEU, words));
            lists.put("delivery_unit", List.of(words.get("value.yes"), words.get("value.no")));
            lists.put("functionality", labels(Vocabulary.FUNCTIONALITY, words));
            if (where != null) {
                lists.put("circonscription", circonscriptions(dsl, where).keySet().stream().toList());
            }
        } else if (kind == TemplateKind.ASSESSMENT) {
            lists.put("answer", labels(Vocabulary.ANSWER_STATE, words));
        } else if (kind == TemplateKind.RECOUNTS) {
            lists.put("reason", DataFlowRules.REASONS.stream().map(r -> words.get("value.reason." + r)).toList());
        } else if (kind == TemplateKind.DATAFLOWS) {
            lists.put("flow", List.copyOf(flows(dsl, words).values()));
        } else if (kind == TemplateKind.COMPLAINTS) {
            lists.put("channel", labels(Vocabulary.COMPLAINT_CHANNEL, words));
            lists.put("kind", labels(Vocabulary.COMPLAINT_KIND, words));
            lists.put("category", labels(Vocabulary.COMPLAINT_CATEGORY, words));
            lists.put("outcome", labels(Vocabulary.COMPLAINT_OUTCOME, words));
        } else if (kind == TemplateKind.STAFF) {
            lists.put("cadre", cadres(dsl, words.language()).values().stream().toList());
            lists.put("employer", labels(Vocabulary.EMPLOYER, words));
            lists.put("status", labels(Vocabulary.STAFF_STATUS, words));
            lists.put("gender", labels(Vocabulary.GENDER, words));
        }
        return lists;
    }

    /** The live flows (chain links) by id, each labelled {@code #id TYPE · from → to} in the workbook's language. */
    static Map<Integer, String> flows(DSLContext dsl, TemplateWords words) {
        Map<Integer, String> flows = new LinkedHashMap<>();
        dsl.select(DATA_FLOW.ID, REPORT_TYPE.CODE, DATA_FLOW.FROM_LEVEL, DATA_FLOW.TO_LEVEL).from(DATA_FLOW)
                .join(REPORT_TYPE).on(REPORT_TYPE.ID.eq(DATA_FLOW.REPORT_TYPE_ID))
                .where(DATA_FLOW.DELETED.isFalse()).orderBy(REPORT_TYPE.CODE, DATA_FLOW.ID)
                .forEach(f -> flows.put(f.value1(), "#" + f.value1() + " " + f.value2() + " · "
                        + words.code(Vocabulary.FLOW_LEVEL, f.value3()) + " → " + words.code(Vocabulary.FLOW_LEVEL, f.value4())));
        return flows;
    }

    /** The cadres' labels in {@code language}, by code, in the HR grid's order. */
    static Map<String, String> cadres(DSLContext dsl, ReportLanguage language) {
        Map<String, String> cadres = new LinkedHashMap<>();
        dsl.selectFrom(CADRE).orderBy(CADRE.SORT_ORDER).forEach(c -> cadres.put(c.getCode(), switch (language) {
            case FR -> c.getLabelFr();
            case EN -> c.getLabelEn();
            case AR -> c.getLabelAr();
        }));
        return cadres;
    }

    private static List<String> labels(Vocabulary vocabulary, TemplateWords words) {
        return vocabulary.codes().stream().map(c -> words.code(vocabulary, c)).toList();
    }

    /** {@code scope} null and {@code cohortId} set for an attendance template; {@code scopeText} goes to the description. */
    private static int write(DSLContext dsl, int schemaVersion, TemplateKind kind, ReportScope scope, String scopeText,
                             int cohortId, Condition where, TemplateWords words, Path part) throws IOException {
        Record catalogue = catalogue(dsl);
        String templateId = UUID.randomUUID().toString();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream stream = Files.newOutputStream(part)) {
            Styles styles = new Styles(wb);
            instructions(wb.createSheet(INSTRUCTIONS), kind, words, styles);
            SXSSFSheet data = wb.createSheet(kind.sheet());
            Map<String, List<String>> lists = lists(dsl, kind, words, where);
            List<Item> items = kind != TemplateKind.ASSESSMENT ? List.of()
                    : items(dsl, catalogue.get(PMS_CATALOGUE_VERSION.ID), words.language());
            int rows = switch (kind) {
                case ESSP -> esspRows(dsl, where, data, words, styles);
                case ASSESSMENT -> assessmentRows(dsl, where, catalogue.get(PMS_CATALOGUE_VERSION.ID), items, data, words, styles);
                case RECOUNTS -> recountRows(dsl, where, data, words, styles);
                case STAFF -> staffRows(dsl, where, data, words, styles, templateId);
                case COMPLAINTS -> complaintRows(dsl, where, data, words, styles, templateId);
                case DATAFLOWS -> dataflowRows(dsl, scope, where, data, words, styles);
                case ATTENDANCE -> attendanceRows(dsl, cohortId, data, words, styles);
            };
            validations(wb, data, kind, lists, rows, ASSESSMENT_COLUMNS.size() + items.size());
            if (words.language().rightToLeft()) {
                data.setRightToLeft(true);
            }
            data.createFreezePane(LOCKED_COLUMNS, FIRST_DATA_ROW - 1);
            protect(data);

            Sheet meta = wb.createSheet(META);
            String[][] values = {{"format", FORMAT}, {"kind", kind.code()}, {"schema_version", Integer.toString(schemaVersion)},
                    {"catalogue_version", catalogue.get(PMS_CATALOGUE_VERSION.UUID)},
                    {"catalogue_label", catalogue.get(PMS_CATALOGUE_VERSION.LABEL)},
                    {"mission", missionUuid(dsl)}, {"language", words.language().code()}, {"scope", scopeText}, {"template", templateId}};
            for (int i = 0; i < values.length; i++) {
                Row row = meta.createRow(i);
                row.createCell(0).setCellValue(values[i][0]);
                row.createCell(1).setCellValue(values[i][1]);
            }
            wb.setSheetVisibility(wb.getSheetIndex(META), SheetVisibility.VERY_HIDDEN);
            wb.setSheetVisibility(wb.getSheetIndex(LISTS), SheetVisibility.VERY_HIDDEN);
            wb.setActiveSheet(wb.getSheetIndex(data));
            wb.write(stream);
            return rows;
        }
    }

    private static void instructions(Sheet sheet, TemplateKind kind, TemplateWords words, Styles styles) {
        List<String> lines = new ArrayList<>();
        lines.add(words.get("instructions.title." + kind.code()));
        for (int i = 1; words.has("instructions." + i); i++) {
            lines.add(words.get("instructions." + i));
        }
        lines.add(words.get("instructions.kind." + kind.code()));
        for (int i = 0; i < lines.size(); i++) {
            Cell cell = sheet.createRow(i).createCell(0);
            cell.setCellValue(lines.get(i));
            if (i == 0) {
                cell.setCellStyle(styles.header);
            }
        }
        sheet.setColumnWidth(0, 120 * 256);
        if (words.language().rightToLeft()) {
            sheet.setRightToLeft(true);
        }
    }

    private static void header(Sheet sheet, List<String> keys, List<String> labels, Styles styles) {
        Row keyRow = sheet.createRow(0);
        Row labelRow = sheet.createRow(1);
        for (int c = 0; c < keys.size(); c++) {
            Cell k = keyRow.createCell(c);
            k.setCellValue(keys.get(c));
            k.setCellStyle(styles.key);
            Cell l = labelRow.createCell(c);
            l.setCellValue(labels.get(c));
            l.setCellStyle(styles.header);
            sheet.setColumnWidth(c, c < LOCKED_COLUMNS ? 22 * 256 : 18 * 256);
        }
    }

    private static int esspRows(DSLContext dsl, Condition where, Sheet sheet, TemplateWords words, Styles styles) {
        header(sheet, ESSP_COLUMNS, ESSP_COLUMNS.stream().map(k -> switch (k) {
            case "code", "circonscription" -> words.get("column.new_" + k);
            default -> words.column(k);
        }).toList(), styles);
        int r = FIRST_DATA_ROW - 1;
        for (Record rec : esspsInScope(dsl, where)) {
            EsspRecord e = rec.into(ESSP);
            Row row = sheet.createRow(r++);
            Object[] values = {e.getUuid(), e.getCode(), rec.get(CIRCONSCRIPTION.NAME_FR), e.getNameFr(), e.getNameAr(),
                    e.getCategoryCode(), words.code(Vocabulary.MILIEU, e.getMilieu()),
                    words.get(Boolean.TRUE.equals(e.getDeliveryUnit()) ? "value.yes" : "value.no"),
                    words.code(Vocabulary.FUNCTIONALITY, e.getFunctionality()), e.getFunctionalityReason(), e.getLatitude(),
                    e.getLongitude(), e.getPopulationServed(), e.getOpeningHours(), e.getAddress(), e.getNotes()};
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c], c < LOCKED_COLUMNS ? styles.locked : styles.open);
            }
        }
        int prefilled = r - (FIRST_DATA_ROW - 1);
        for (int i = 0; i < NEW_ROWS; i++) {
            // a new ESSP: no uuid (locked, stays empty), its code (or none: the next free one) and circonscription typed
            Row row = sheet.createRow(r++);
            for (int c = 0; c < ESSP_COLUMNS.size(); c++) {
                row.createCell(c).setCellStyle(c == 0 ? styles.locked : styles.open);
            }
        }
        return prefilled;
    }

    private static int assessmentRows(DSLContext dsl, Condition where, int versionId, List<Item> items, Sheet sheet,
                                      TemplateWords words, Styles styles) {
        List<String> keys = new ArrayList<>(ASSESSMENT_COLUMNS);
        List<String> labels = new ArrayList<>(ASSESSMENT_COLUMNS.stream().map(words::column).toList());
        items.forEach(i -> {
            keys.add(i.code());
            labels.add(i.label());
        });
        header(sheet, keys, labels, styles);
        List<Record> essps = esspsInScope(dsl, where);
        Map<Integer, Record> current = currentAssessments(dsl, versionId);
        Map<Integer, Map<Integer, String>> answers = new HashMap<>();
        List<Integer> assessmentIds = current.values().stream().map(a -> a.get(ASSESSMENT.ID)).toList();
        for (int from = 0; from < assessmentIds.size(); from += 500) {
            dsl.select(ASSESSMENT_ANSWER.ASSESSMENT_ID, ASSESSMENT_ANSWER.ITEM_ID, ASSESSMENT_ANSWER.STATE).from(ASSESSMENT_ANSWER)
                    .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.in(assessmentIds.subList(from, Math.min(from + 500, assessmentIds.size()))),
                            ASSESSMENT_ANSWER.DELETED.isFalse())
                    .forEach(a -> answers.computeIfAbsent(a.value1(), k -> new HashMap<>()).put(a.value2(), a.value3()));
        }
        int r = FIRST_DATA_ROW - 1;
        for (Record e : essps) {
            Row row = sheet.createRow(r++);
            Record assessment = current.get(e.get(ESSP.ID));
            cell(row, 0, e.get(ESSP.UUID), styles.locked);
            cell(row, 1, e.get(ESSP.CODE), styles.locked);
            cell(row, 2, e.get(ESSP.NAME_FR), styles.locked);
            cell(row, 3, assessment == null ? null : assessment.get(ASSESSMENT.ASSESSED_ON), styles.date);
            Map<Integer, String> given = assessment == null ? Map.of() : answers.getOrDefault(assessment.get(ASSESSMENT.ID), Map.of());
            for (int i = 0; i < items.size(); i++) {
                String state = given.get(items.get(i).id());
                cell(row, ASSESSMENT_COLUMNS.size() + i, state == null ? null : words.code(Vocabulary.ANSWER_STATE, state), styles.open);
            }
        }
        return r - (FIRST_DATA_ROW - 1);
    }

    /**
     * The live recount rows of the scope's ESSPs, by ESSP code, indicator and month; the columns a new row fills are
     * unlocked (as text: a month typed {@code 2026-03} stays text) for {@link #NEW_ROWS} rows below.
     */
    private static int recountRows(DSLContext dsl, Condition where, SXSSFSheet sheet, TemplateWords words, Styles styles) {
        header(sheet, RECOUNT_COLUMNS, RECOUNT_COLUMNS.stream()
                .map(k -> k.equals("essp_code") ? words.get("column.new_essp_code") : words.column(k)).toList(), styles);
        List<Integer> inScope = esspsInScope(dsl, where).stream().map(r -> r.get(ESSP.ID)).toList();
        var v = DATA_VERIFICATION;
        int r = FIRST_DATA_ROW - 1;
        for (Record rec : dsl.select(v.UUID, ESSP.CODE, ESSP.NAME_FR, v.INDICATOR, v.PERIOD, v.RECOUNTED, v.REPORTED, v.REASON, v.NOTES)
                .from(v).join(ESSP).on(ESSP.ID.eq(v.ESSP_ID))
                .where(v.DELETED.isFalse(), v.ESSP_ID.in(inScope)).orderBy(ESSP.CODE, v.INDICATOR, v.PERIOD).fetch()) {
            Row row = sheet.createRow(r++);
            String reason = rec.get(v.REASON);
            Object[] values = {rec.get(v.UUID), rec.get(ESSP.CODE), rec.get(ESSP.NAME_FR), rec.get(v.INDICATOR), rec.get(v.PERIOD),
                    rec.get(v.RECOUNTED), rec.get(v.REPORTED), reason == null ? null : words.get("value.reason." + reason),
                    rec.get(v.NOTES)};
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c], c < LOCKED_COLUMNS ? styles.locked : c == 4 ? styles.text : styles.open);
            }
        }
        int prefilled = r - (FIRST_DATA_ROW - 1);
        for (int i = 0; i < NEW_ROWS; i++) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < RECOUNT_COLUMNS.size(); c++) {
                // a new row: no uuid (locked, stays empty), the ESSP's code typed, its name filled at import
                row.createCell(c).setCellStyle(c == 0 || c == 2 ? styles.locked : c == 4 ? styles.text : styles.open);
            }
        }
        return prefilled;
    }

    /**
     * The live staff positions of the scope's ESSPs, by ESSP code and the cadres' order; then {@link #NEW_ROWS} rows for
     * new positions, each with its uuid ({@link #newRowUuid}) and the ESSP code to type.
     */
    private static int staffRows(DSLContext dsl, Condition where, SXSSFSheet sheet, TemplateWords words, Styles styles,
                                 String templateId) {
        header(sheet, STAFF_COLUMNS, STAFF_COLUMNS.stream()
                .map(k -> k.equals("essp_code") ? words.get("column.new_essp_code") : words.column(k)).toList(), styles);
        List<Integer> inScope = esspsInScope(dsl, where).stream().map(r -> r.get(ESSP.ID)).toList();
        Map<String, String> cadres = cadres(dsl, words.language());
        var p = STAFF_POSITION;
        int r = FIRST_DATA_ROW - 1;
        for (Record rec : dsl.select(p.UUID, ESSP.CODE, ESSP.NAME_FR, p.CADRE_CODE, p.EMPLOYER, p.STATUS, p.FTE, p.GENDER,
                        p.HOLDER_NAME, p.JOB_TITLE, p.NOTES)
                .from(p).join(ESSP).on(ESSP.ID.eq(p.ESSP_ID)).join(CADRE).on(CADRE.CODE.eq(p.CADRE_CODE))
                .where(p.DELETED.isFalse(), p.ESSP_ID.in(inScope)).orderBy(ESSP.CODE, CADRE.SORT_ORDER, p.ID).fetch()) {
            Row row = sheet.createRow(r++);
            String gender = rec.get(p.GENDER);
            Object[] values = {rec.get(p.UUID), rec.get(ESSP.CODE), rec.get(ESSP.NAME_FR), cadres.get(rec.get(p.CADRE_CODE)),
                    words.code(Vocabulary.EMPLOYER, rec.get(p.EMPLOYER)), words.code(Vocabulary.STAFF_STATUS, rec.get(p.STATUS)),
                    rec.get(p.FTE), gender == null ? null : words.code(Vocabulary.GENDER, gender), rec.get(p.HOLDER_NAME),
                    rec.get(p.JOB_TITLE), rec.get(p.NOTES)};
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c], c < LOCKED_COLUMNS ? styles.locked : styles.open);
            }
        }
        int prefilled = r - (FIRST_DATA_ROW - 1);
        for (int i = 0; i < NEW_ROWS; i++) {
            Row row = sheet.createRow(r++);
            cell(row, 0, newRowUuid(templateId, i), styles.locked);
            for (int c = 1; c < STAFF_COLUMNS.size(); c++) {
                row.createCell(c).setCellStyle(c == 2 ? styles.locked : styles.open);
            }
        }
        return prefilled;
    }

    /**
     * The live complaint samples of the scope's ESSPs, by ESSP code and date received; then {@link #NEW_ROWS} rows for
     * new samples, each with its uuid ({@link #newRowUuid}) and the ESSP code to type.
     */
    private static int complaintRows(DSLContext dsl, Condition where, SXSSFSheet sheet, TemplateWords words, Styles styles,
                                     String templateId) {
        header(sheet, COMPLAINT_COLUMNS, COMPLAINT_COLUMNS.stream()
                .map(k -> k.equals("essp_code") ? words.get("column.new_essp_code") : words.column(k)).toList(), styles);
        List<Integer> inScope = esspsInScope(dsl, where).stream().map(r -> r.get(ESSP.ID)).toList();
        var c = COMPLAINT_SAMPLE;
        int r = FIRST_DATA_ROW - 1;
        for (Record rec : dsl.select(c.UUID, ESSP.CODE, ESSP.NAME_FR, c.RECEIVED_ON, c.CHANNEL, c.KIND, c.CATEGORY,
                        c.ACKNOWLEDGED_ON, c.CLOSED_ON, c.OUTCOME, c.NOTES)
                .from(c).join(ESSP).on(ESSP.ID.eq(c.ESSP_ID))
                .where(c.DELETED.isFalse(), c.ESSP_ID.in(inScope)).orderBy(ESSP.CODE, c.RECEIVED_ON, c.ID).fetch()) {
            Row row = sheet.createRow(r++);
            String outcome = rec.get(c.OUTCOME);
            Object[] values = {rec.get(c.UUID), rec.get(ESSP.CODE), rec.get(ESSP.NAME_FR), rec.get(c.RECEIVED_ON),
                    words.code(Vocabulary.COMPLAINT_CHANNEL, rec.get(c.CHANNEL)), words.code(Vocabulary.COMPLAINT_KIND, rec.get(c.KIND)),
                    words.code(Vocabulary.COMPLAINT_CATEGORY, rec.get(c.CATEGORY)), rec.get(c.ACKNOWLEDGED_ON), rec.get(c.CLOSED_ON),
                    outcome == null ? null : words.code(Vocabulary.COMPLAINT_OUTCOME, outcome), rec.get(c.NOTES)};
            for (int i = 0; i < values.length; i++) {
                cell(row, i, values[i], i < LOCKED_COLUMNS ? styles.locked : COMPLAINT_DATES.contains(i) ? styles.date : styles.open);
            }
        }
        int prefilled = r - (FIRST_DATA_ROW - 1);
        for (int i = 0; i < NEW_ROWS; i++) {
            Row row = sheet.createRow(r++);
            cell(row, 0, newRowUuid(templateId, i), styles.locked);
            for (int col = 1; col < COMPLAINT_COLUMNS.size(); col++) {
                row.createCell(col).setCellStyle(col == 2 ? styles.locked : COMPLAINT_DATES.contains(col) ? styles.date : styles.open);
            }
        }
        return prefilled;
    }

    /** The date columns of the complaints sheet: received, acknowledged, closed. */
    private static final java.util.Set<Integer> COMPLAINT_DATES = java.util.Set.of(3, 7, 8);

    /**
     * The live observations of the scope's ESSPs (and, in a national template, those of all the senders of a flow: no
     * ESSP), by flow, ESSP and period; then {@link #NEW_ROWS} empty rows to add observations.
     */
    private static int dataflowRows(DSLContext dsl, ReportScope scope, Condition where, SXSSFSheet sheet, TemplateWords words,
                                    Styles styles) {
        header(sheet, DATAFLOW_COLUMNS, DATAFLOW_COLUMNS.stream().map(k -> switch (k) {
            case "essp_code" -> words.get("column.new_essp_code");
            case "flow" -> words.get("column.new_flow");
            default -> words.column(k);
        }).toList(), styles);
        List<Integer> inScope = esspsInScope(dsl, where).stream().map(r -> r.get(ESSP.ID)).toList();
        Map<Integer, String> flows = flows(dsl, words);
        var o = DATA_FLOW_OBSERVATION;
        Condition essps = scope.level() == ReportScope.Level.NATIONAL ? o.ESSP_ID.isNull().or(o.ESSP_ID.in(inScope)) : o.ESSP_ID.in(inScope);
        int r = FIRST_DATA_ROW - 1;
        for (Record rec : dsl.select(o.UUID, o.DATA_FLOW_ID, ESSP.CODE, o.PERIOD, o.REPORTS_EXPECTED, o.REPORTS_RECEIVED,
                        o.RECEIVED_ON_TIME, o.OBSERVED_DELAY_DAYS, o.NOTES)
                .from(o).leftJoin(ESSP).on(ESSP.ID.eq(o.ESSP_ID))
                .where(o.DELETED.isFalse(), essps, o.DATA_FLOW_ID.in(flows.keySet())).orderBy(o.DATA_FLOW_ID, ESSP.CODE, o.PERIOD).fetch()) {
            Row row = sheet.createRow(r++);
            Object[] values = {rec.get(o.UUID), flows.get(rec.get(o.DATA_FLOW_ID)), rec.get(ESSP.CODE), rec.get(o.PERIOD),
                    rec.get(o.REPORTS_EXPECTED), rec.get(o.REPORTS_RECEIVED), rec.get(o.RECEIVED_ON_TIME), rec.get(o.OBSERVED_DELAY_DAYS),
                    rec.get(o.NOTES)};
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c], c < LOCKED_COLUMNS ? styles.locked : c == 3 ? styles.text : styles.open);
            }
        }
        int prefilled = r - (FIRST_DATA_ROW - 1);
        for (int i = 0; i < NEW_ROWS; i++) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < DATAFLOW_COLUMNS.size(); c++) {
                row.createCell(c).setCellStyle(c == 0 ? styles.locked : c == 3 ? styles.text : styles.open);
            }
        }
        return prefilled;
    }

    /**
     * The attendance grid of a cohort as rows: each live participant (by name) × each live session (by first day), the
     * hours attended recorded for the pair (blank when none); everything but the hours attended is locked.
     */
    private static int attendanceRows(DSLContext dsl, int cohortId, SXSSFSheet sheet, TemplateWords words, Styles styles) {
        header(sheet, ATTENDANCE_COLUMNS, ATTENDANCE_COLUMNS.stream().map(words::column).toList(), styles);
        var tp = TRAINING_PARTICIPANT;
        var s = TRAINING_SESSION;
        var a = TRAINING_ATTENDANCE;
        List<Record> participants = new ArrayList<>(dsl.select(tp.ID, tp.UUID, tp.FULL_NAME).from(tp)
                .where(tp.COHORT_ID.eq(cohortId), tp.DELETED.isFalse()).orderBy(tp.FULL_NAME, tp.ID).fetch());
        List<Record> sessions = new ArrayList<>(dsl.select(s.ID, s.UUID, s.TITLE, s.STARTS_ON, s.HOURS).from(s)
                .where(s.COHORT_ID.eq(cohortId), s.DELETED.isFalse()).orderBy(s.STARTS_ON, s.ID).fetch());
        Map<String, Double> hours = new HashMap<>();
        dsl.select(a.SESSION_ID, a.PARTICIPANT_ID, a.HOURS_ATTENDED).from(a).join(s).on(s.ID.eq(a.SESSION_ID))
                .where(s.COHORT_ID.eq(cohortId), a.DELETED.isFalse())
                .forEach(r -> hours.put(r.value1() + "|" + r.value2(), r.value3()));
        int r = FIRST_DATA_ROW - 1;
        for (Record p : participants) {
            for (Record session : sessions) {
                Row row = sheet.createRow(r++);
                Object[] values = {p.get(tp.UUID), session.get(s.UUID), p.get(tp.FULL_NAME), sessionLabel(session.get(s.TITLE),
                        session.get(s.STARTS_ON)), session.get(s.HOURS), hours.get(session.get(s.ID) + "|" + p.get(tp.ID))};
                for (int c = 0; c < values.length; c++) {
                    cell(row, c, values[c], c < ATTENDANCE_COLUMNS.size() - 1 ? styles.locked : styles.open);
                }
            }
        }
        return r - (FIRST_DATA_ROW - 1);
    }

    /** A session as the attendance sheet names it: its title and first day ("Module 1 (18/01/2026)"). */
    static String sessionLabel(String title, LocalDate startsOn) {
        return title + " (" + startsOn.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")) + ")";
    }

    /**
     * The assessment a template row of each ESSP fills: its latest (by date, then id, as the indices read it) when
     * that one uses {@code versionId}; an ESSP whose latest uses another version gets a new one at import.
     */
    static Map<Integer, Record> currentAssessments(DSLContext dsl, int versionId) {
        Map<Integer, Record> latest = new HashMap<>();
        dsl.select(ASSESSMENT.ID, ASSESSMENT.ESSP_ID, ASSESSMENT.CATALOGUE_VERSION_ID, ASSESSMENT.ASSESSED_ON, ASSESSMENT.STATUS,
                        ASSESSMENT.VERSION)
                .from(ASSESSMENT).where(ASSESSMENT.DELETED.isFalse())
                .orderBy(ASSESSMENT.ESSP_ID, ASSESSMENT.ASSESSED_ON.desc(), ASSESSMENT.ID.desc())
                .forEach(a -> latest.putIfAbsent(a.get(ASSESSMENT.ESSP_ID), a));
        latest.values().removeIf(a -> a.get(ASSESSMENT.CATALOGUE_VERSION_ID) != versionId);
        return latest;
    }

    private static void cell(Row row, int c, Object value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        switch (value) {
            case null -> {
                // an empty, styled cell: unlocked where an answer goes
            }
            case Number n -> cell.setCellValue(n.doubleValue());
            case LocalDate d -> cell.setCellValue(d);
            default -> cell.setCellValue(value.toString());
        }
    }

    private static void validations(SXSSFWorkbook wb, SXSSFSheet data, TemplateKind kind, Map<String, List<String>> lists,
                                    int rows, int assessmentColumns) {
        Sheet listSheet = wb.createSheet(LISTS);
        DataValidationHelper helper = data.getDataValidationHelper();
        int lastRow = FIRST_DATA_ROW - 1 + Math.max(rows, 1) - 1 + (kind == TemplateKind.ESSP || kind == TemplateKind.RECOUNTS || kind == TemplateKind.STAFF || kind == TemplateKind.COMPLAINTS
                || kind == TemplateKind.DATAFLOWS ? NEW_ROWS : 0);
        int listColumn = 0;
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            for (int i = 0; i < list.getValue().size(); i++) {
                Row row = listSheet.getRow(i) == null ? listSheet.createRow(i) : listSheet.getRow(i);
                row.createCell(listColumn).setCellValue(list.getValue().get(i));
            }
            String letter = CellReference.convertNumToColString(listColumn);
            String range = LISTS + "!$" + letter + "$1:$" + letter + "$" + list.getValue().size();
            DataValidationConstraint constraint = helper.createFormulaListConstraint(range);
            CellRangeAddressList cells;
            if (kind != TemplateKind.ASSESSMENT) {
                int c = columns(kind).indexOf(list.getKey());
                cells = new CellRangeAddressList(FIRST_DATA_ROW - 1, lastRow, c, c);
            } else {
                int last = Math.max(ASSESSMENT_COLUMNS.size(), assessmentColumns - 1);
                cells = new CellRangeAddressList(FIRST_DATA_ROW - 1, lastRow, ASSESSMENT_COLUMNS.size(), last);
            }
            DataValidation validation = helper.createValidation(constraint, cells);
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            data.addValidationData(validation);
            listColumn++;
        }
        if (kind == TemplateKind.ASSESSMENT) {
            DataValidationConstraint date = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(2000,1,1)", "DATE(2100,12,31)", "dd/mm/yyyy");
            DataValidation validation = helper.createValidation(date, new CellRangeAddressList(FIRST_DATA_ROW - 1, lastRow, 3, 3));
            validation.setShowErrorBox(true);
            data.addValidationData(validation);
        }
    }

    private static void protect(SXSSFSheet sheet) {
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.enableLocking(); // protected without a password: the locked columns stay as written
    }

    private static final class Styles {
        final CellStyle key;
        final CellStyle header;
        final CellStyle locked;
        final CellStyle open;
        final CellStyle date;
        final CellStyle text;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            key = wb.createCellStyle();
            key.setLocked(true);
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            key.setFont(grey);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setLocked(true);
            header.setWrapText(true);
            locked = wb.createCellStyle();
            locked.setLocked(true);
            locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            open = wb.createCellStyle();
            open.setLocked(false);
            date = wb.createCellStyle();
            date.setLocked(false);
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            text = wb.createCellStyle();
            text.setLocked(false);
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
        }
    }
}
