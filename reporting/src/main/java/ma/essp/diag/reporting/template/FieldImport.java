package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION;
import static ma.essp.diag.database.jooq.Tables.DATA_VERIFICATION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.DataFlowRules;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspEditRepository.EsspDraft;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.PositionDraft;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.rules.ComplaintSampleRules;
import ma.essp.diag.database.rules.EsspFormRules;
import ma.essp.diag.database.rules.PersonalDataDetector;
import ma.essp.diag.database.rules.TrainingRules;
import ma.essp.diag.reporting.catalogue.SheetStream;
import ma.essp.diag.reporting.catalogue.SheetStream.CellValue;
import ma.essp.diag.reporting.catalogue.SheetStream.SheetRow;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.template.FieldTemplate.Meta;
import ma.essp.diag.reporting.template.ImportProblem.Reason;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads a filled {@link FieldTemplate} back: {@link #check} validates the <em>whole</em> file first (streamed with
 * POI's event API, never loaded as a workbook) with the rules the forms use ({@link EsspFormRules}, the coded
 * vocabularies, the answer states) and lists every problem by sheet, row, column and value; {@link #apply} then writes
 * the rows in one transaction through the repositories (so {@code SyncedRows}: versions, audit), only when the file is
 * valid or, on the user's explicit choice, only its valid rows. A value equal to the stored one writes nothing, so
 * importing the same file twice changes nothing the second time.
 */
public final class FieldImport {

    /** Data rows a sheet may hold: a national mission has about 3,000 ESSPs. */
    public static final int MAX_ROWS = 20_000;

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** A flow as the drop-down names it: "#12 ..." (its id first). */
    private static final java.util.regex.Pattern FLOW_ID = java.util.regex.Pattern.compile("#(\\d+)");

    private FieldImport() {
    }

    /** One row to write. */
    public sealed interface RowChange permits EsspChange, AnswersChange, RecountChange, StaffChange, ComplaintChange,
            ObservationChange, AttendanceChange {
        int row();

        /** Values that differ from the stored ones (0: importing it writes nothing). */
        int changedValues();
    }

    /** An ESSP's new field values; {@code esspId} 0 for a new ESSP ({@code draft.code()} its code, typed or the next free one). */
    public record EsspChange(int row, int esspId, EsspDraft draft, int changedValues) implements RowChange {
    }

    /**
     * An ESSP's answers: into {@code assessmentId} (null: a new assessment is started on {@code assessedOn}); only the
     * answers that differ from the stored ones, with the stored source and comment kept.
     */
    public record AnswersChange(int row, int esspId, Integer assessmentId, LocalDate assessedOn, boolean dateChanged,
                                Map<Integer, AnswerState> answers, int changedValues) implements RowChange {
    }

    /**
     * A recount row: {@code recount.id()} 0 for a new one (a row without uuid whose ESSP, indicator and month no live
     * row has), else the row it updates (named by its uuid, or by that natural key when the row has no uuid, so that
     * importing the same file twice creates nothing the second time).
     */
    public record RecountChange(int row, DataFlowData.Recount recount, int changedValues) implements RowChange {
    }

    /**
     * A staff position: {@code positionId} the one it updates, or null for a new one written with {@code uuid} (the uuid
     * of the template's row prepared for it).
     */
    public record StaffChange(int row, Integer positionId, String uuid, PositionDraft draft, int changedValues) implements RowChange {
    }

    /** A complaint sample: {@code sampleId} the one it updates, or null for a new one written with {@code uuid}. */
    public record ComplaintChange(int row, int esspId, Integer sampleId, String uuid, ComplaintSampleRules.Values values,
                                  String notes, int changedValues) implements RowChange {
    }

    /**
     * A data-flow observation: {@code observation.id()} 0 for a new one, else the row it updates (named by its uuid, or
     * by its flow, ESSP and period when the row has no uuid: a second import adds nothing).
     */
    public record ObservationChange(int row, DataFlowData.Observation observation, int changedValues) implements RowChange {
    }

    /** The hours a participant attended a session (a blank cell leaves the recorded hours: no change is read). */
    public record AttendanceChange(int row, int sessionId, int participantId, double hoursAttended, int changedValues)
            implements RowChange {
    }

    /** What a check found: the template's description (null when unreadable), every problem, the rows read. */
    public record Check(Meta meta, List<ImportProblem> problems, List<RowChange> rows, int dataRows) {

        /** No problem but warnings (likely duplicates to review). */
        public boolean valid() {
            return problems.stream().allMatch(ImportProblem::warning);
        }

        /** The warnings: rows that can be imported, after the user reviewed them. */
        public List<ImportProblem> warnings() {
            return problems.stream().filter(ImportProblem::warning).toList();
        }

        /** Whether some problem concerns the file, a sheet or a column: then not even the valid rows can be imported. */
        public boolean structural() {
            return problems.stream().anyMatch(ImportProblem::structural);
        }

        /** The rows without a problem. */
        public List<RowChange> validRows() {
            Set<Integer> bad = new HashSet<>();
            problems.stream().filter(p -> !p.warning()).forEach(p -> bad.add(p.row()));
            return rows.stream().filter(r -> !bad.contains(r.row())).toList();
        }

        /** Rows with at least one problem. */
        public int invalidRows() {
            return (int) problems.stream().filter(p -> !p.warning()).map(ImportProblem::row).filter(r -> r != null).distinct().count();
        }
    }

    /** What an import wrote: rows read, rows whose values changed, values changed. */
    public record Result(int rowsImported, int rowsChanged, int valuesChanged) {
    }

    // ------------------------------------------------------------------ check

    /** Validates {@code file} against the mission of {@code dsl} (schema version {@code schemaVersion}). */
    public static Check check(DSLContext dsl, int schemaVersion, Path file) {
        List<ImportProblem> problems = new ArrayList<>();
        Optional<Reason> refused = refusedFile(file);
        if (refused.isPresent()) {
            problems.add(ImportProblem.ofFile(refused.get()));
            return new Check(null, problems, List.of(), 0);
        }
        Map<String, List<SheetRow>> sheets;
        List<String> sheetNames = new ArrayList<>();
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (it.hasNext()) {
                it.next().close();
                sheetNames.add(it.getSheetName());
            }
            Set<String> wanted = new HashSet<>(Set.of(FieldTemplate.META));
            for (TemplateKind k : TemplateKind.values()) {
                wanted.add(k.sheet());
            }
            sheets = SheetStream.read(pkg, wanted, MAX_ROWS + FieldTemplate.FIRST_DATA_ROW - 1);
        } catch (SheetStream.TooManyRows e) {
            problems.add(new ImportProblem(e.sheet, null, null, null, Reason.TOO_MANY_ROWS, List.of(Integer.toString(MAX_ROWS))));
            return new Check(null, problems, List.of(), 0);
        } catch (Exception | LinkageError e) {
            // a zip of something else, a truncated file, a damaged part: whatever the library says
            problems.add(ImportProblem.ofFile(Reason.NOT_A_WORKBOOK));
            return new Check(null, problems, List.of(), 0);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read-only: close without saving
            }
        }
        Meta meta = meta(sheets.get(FieldTemplate.META), problems);
        if (meta == null) {
            return new Check(null, problems, List.of(), 0);
        }
        String mission = FieldTemplate.missionUuid(dsl);
        if (!meta.missionUuid().equals(mission)) {
            problems.add(new ImportProblem(FieldTemplate.META, null, "mission", meta.missionUuid(), Reason.OTHER_MISSION,
                    List.of(meta.missionUuid(), String.valueOf(mission))));
        }
        if (meta.schemaVersion() > schemaVersion) {
            problems.add(new ImportProblem(FieldTemplate.META, null, "schema_version", Integer.toString(meta.schemaVersion()),
                    Reason.NEWER_SCHEMA, List.of(Integer.toString(meta.schemaVersion()), Integer.toString(schemaVersion))));
        }
        Record catalogue = FieldTemplate.catalogue(dsl);
        if (meta.kind() == TemplateKind.ASSESSMENT && !catalogue.get(PMS_CATALOGUE_VERSION.UUID).equals(meta.catalogueUuid())) {
            problems.add(new ImportProblem(FieldTemplate.META, null, "catalogue_version", meta.catalogueLabel(),
                    Reason.OTHER_CATALOGUE, List.of(meta.catalogueLabel(), catalogue.get(PMS_CATALOGUE_VERSION.LABEL))));
        }
        if (!problems.isEmpty()) {
            return new Check(meta, problems, List.of(), 0);
        }
        Set<String> expectedSheets = Set.of(FieldTemplate.INSTRUCTIONS, meta.kind().sheet(), FieldTemplate.META, FieldTemplate.LISTS);
        for (String name : sheetNames) {
            if (!expectedSheets.contains(name)) {
                problems.add(new ImportProblem(name, null, null, null, Reason.SHEET_EXTRA, List.of()));
            }
        }
        List<SheetRow> data = sheets.get(meta.kind().sheet());
        if (data == null) {
            problems.add(new ImportProblem(meta.kind().sheet(), null, null, null, Reason.SHEET_MISSING, List.of()));
            return new Check(meta, problems, List.of(), 0);
        }
        int versionId = catalogue.get(PMS_CATALOGUE_VERSION.ID);
        List<FieldTemplate.Item> items = meta.kind() == TemplateKind.ASSESSMENT
                ? FieldTemplate.items(dsl, versionId, meta.language()) : List.of();
        List<String> expected = new ArrayList<>(FieldTemplate.columns(meta.kind()));
        items.forEach(i -> expected.add(i.code()));
        columns(meta.kind().sheet(), data, expected, problems);
        if (!problems.isEmpty()) {
            return new Check(meta, problems, List.of(), 0);
        }
        // a row prepared for a new staff position holds its uuid alone until it is filled
        int firstAnswer = meta.kind() == TemplateKind.STAFF || meta.kind() == TemplateKind.COMPLAINTS ? 1 : 0;
        List<SheetRow> rows = data.stream().filter(r -> r.number() >= FieldTemplate.FIRST_DATA_ROW)
                .filter(r -> r.cells().entrySet().stream().anyMatch(e -> e.getKey() >= firstAnswer
                        && (e.getValue().formula() || !e.getValue().text().isBlank()))).toList();
        Rows reader = new Rows(dsl, meta, new TemplateWords(meta.language()), problems);
        List<RowChange> changes = switch (meta.kind()) {
            case ESSP -> reader.essps(rows);
            case ASSESSMENT -> reader.assessments(rows, items, versionId);
            case RECOUNTS -> reader.recounts(rows);
            case STAFF -> reader.staff(rows);
            case COMPLAINTS -> reader.complaints(rows);
            case DATAFLOWS -> reader.observations(rows);
            case ATTENDANCE -> reader.attendance(rows);
        };
        return new Check(meta, problems, changes, rows.size());
    }

    /** The reason a file is not even an .xlsx package we can open, if any. */
    static Optional<Reason> refusedFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.of(Reason.NO_SUCH_FILE);
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException | RuntimeException e) {
            return Optional.of(Reason.NOT_A_WORKBOOK);
        }
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                return Optional.of(fs.getRoot().hasEntry("EncryptionInfo") ? Reason.ENCRYPTED : Reason.XLS_FILE);
            } catch (IOException | RuntimeException e) {
                return Optional.of(Reason.NOT_A_WORKBOOK);
            }
        }
        if (magic == FileMagic.OOXML) {
            return Optional.empty();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Optional.of(name.endsWith(".csv") || name.endsWith(".txt") || magic == FileMagic.UNKNOWN && !name.endsWith(".xlsx")
                ? Reason.CSV_FILE : Reason.NOT_A_WORKBOOK);
    }

    private static Meta meta(List<SheetRow> rows, List<ImportProblem> problems) {
        if (rows == null) {
            problems.add(ImportProblem.ofFile(Reason.NOT_A_TEMPLATE));
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (SheetRow row : rows) {
            CellValue key = row.cells().get(0);
            CellValue value = row.cells().get(1);
            if (key != null && value != null) {
                values.put(key.text().trim(), value.text().trim());
            }
        }
        if (!FieldTemplate.FORMAT.equals(values.get("format")) || values.get("mission") == null) {
            problems.add(ImportProblem.ofFile(Reason.NOT_A_TEMPLATE));
            return null;
        }
        TemplateKind kind;
        int schema;
        ReportLanguage language;
        try {
            kind = TemplateKind.fromCode(values.get("kind"));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(FieldTemplate.META, null, "kind", values.get("kind"), Reason.UNKNOWN_KIND,
                    List.of(String.valueOf(values.get("kind")))));
            return null;
        }
        try {
            schema = new BigDecimal(values.getOrDefault("schema_version", "")).intValueExact();
            language = ReportLanguage.fromCode(values.getOrDefault("language", "fr"));
        } catch (RuntimeException e) {
            problems.add(ImportProblem.ofFile(Reason.NOT_A_TEMPLATE));
            return null;
        }
        return new Meta(kind, schema, values.get("catalogue_version"), values.get("catalogue_label"), values.get("mission"),
                language, values.getOrDefault("scope", ReportScope.NATIONAL.toString()), values.get("template"));
    }

    /** Row 1 must hold the expected keys, in order: a missing, extra or renamed column is named. */
    private static void columns(String sheet, List<SheetRow> data, List<String> expected, List<ImportProblem> problems) {
        SheetRow keys = data.stream().filter(r -> r.number() == 1).findFirst().orElse(null);
        Map<Integer, CellValue> found = keys == null ? Map.of() : keys.cells();
        int last = found.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        Set<String> foundKeys = new HashSet<>();
        found.values().forEach(c -> foundKeys.add(c.text().trim()));
        for (int c = 0; c <= Math.max(last, expected.size() - 1); c++) {
            String want = c < expected.size() ? expected.get(c) : null;
            CellValue cell = found.get(c);
            String got = cell == null ? "" : cell.text().trim();
            if (want != null && want.equals(got)) {
                continue;
            }
            if (want == null) {
                if (!got.isEmpty()) {
                    problems.add(new ImportProblem(sheet, 1, got, got, Reason.COLUMN_EXTRA, List.of()));
                }
            } else if (got.isEmpty() || expected.contains(got)) {
                if (!foundKeys.contains(want)) {
                    problems.add(new ImportProblem(sheet, 1, want, got, Reason.COLUMN_MISSING, List.of()));
                } else {
                    problems.add(new ImportProblem(sheet, 1, want, got, Reason.COLUMN_RENAMED, List.of(want)));
                }
            } else {
                problems.add(new ImportProblem(sheet, 1, want, got, Reason.COLUMN_RENAMED, List.of(want)));
            }
        }
    }

    /** Reads and checks the data rows of a template whose structure is right. */
    private static final class Rows {
        private final DSLContext dsl;
        private final Meta meta;
        private final TemplateWords words;
        private final List<ImportProblem> problems;
        private final String sheet;
        private final Map<String, Record> essps = new HashMap<>();
        /** The scope's ESSPs in code order. */
        private final List<Record> inScope = new ArrayList<>();
        /** The scope's ESSPs by code and by id. */
        private final Map<String, Record> byCode = new HashMap<>();
        private final Map<Integer, Record> byId = new HashMap<>();
        /** The template's scope. */
        private Condition where = DSL.trueCondition();

        Rows(DSLContext dsl, Meta meta, TemplateWords words, List<ImportProblem> problems) {
            this.dsl = dsl;
            this.meta = meta;
            this.words = words;
            this.problems = problems;
            this.sheet = meta.kind().sheet();
            if (meta.kind() == TemplateKind.ATTENDANCE) {
                return; // a cohort's template: no ESSP
            }
            ReportScope scope;
            try {
                scope = ReportScope.parse(meta.scope());
            } catch (IllegalArgumentException e) {
                scope = ReportScope.NATIONAL;
            }
            where = FieldTemplate.scopeCondition(dsl, scope);
            for (Record r : FieldTemplate.esspsInScope(dsl, where)) {
                inScope.add(r);
                essps.put(r.get(ESSP.UUID), r);
                byCode.put(r.get(ESSP.CODE), r);
                byId.put(r.get(ESSP.ID), r);
            }
        }

        private void problem(SheetRow row, String column, String value, Reason reason, Object... args) {
            List<String> texts = new ArrayList<>();
            for (Object a : args) {
                texts.add(String.valueOf(a));
            }
            problems.add(new ImportProblem(sheet, row.number(), column, value, reason, texts));
        }

        /**
         * A form rule broken by a value the workbook changes; a value already in the mission as it is (the consistency
         * check reports those) does not stop the import of the row.
         */
        private void ruleIfChanged(boolean changed, SheetRow row, String column, String value, Optional<EsspFormRules.Problem> p) {
            if (!changed) {
                return;
            }
            p.ifPresent(found -> {
                Object[] args = new Object[found.args().length + 1];
                args[0] = found.code().name();
                System.arraycopy(found.args(), 0, args, 1, found.args().length);
                problem(row, column, value, Reason.RULE, args);
            });
        }

        /** The cell's text (null when blank); a formula is a problem and reads as null. */
        private String text(SheetRow row, int column, String key) {
            CellValue cell = row.cells().get(column);
            if (cell == null) {
                return null;
            }
            if (cell.formula()) {
                problem(row, key, cell.text(), Reason.FORMULA);
                return null;
            }
            String t = cell.text().strip();
            return t.isEmpty() ? null : t;
        }

        /** A number's text as Java writes it for a numeric cell (no display rounding), else the text typed. */
        private String numberText(SheetRow row, int column, String key) {
            CellValue cell = row.cells().get(column);
            String t = text(row, column, key);
            if (t != null && cell.number() != null) {
                return new BigDecimal(cell.number().toString()).stripTrailingZeros().toPlainString();
            }
            return t;
        }

        /** The row's ESSP by its uuid (column 0), checking the locked code (column 1) and duplicates. */
        private Record essp(SheetRow row, String uuidKey, String codeKey, Map<String, Integer> seen) {
            String uuid = text(row, 0, uuidKey);
            Record essp = uuid == null ? null : essps.get(uuid);
            if (essp == null) {
                problem(row, uuidKey, uuid == null ? "" : uuid, Reason.UNKNOWN_ROW);
                return null;
            }
            if (duplicate(row, uuidKey, uuid, uuid, seen)) {
                return null;
            }
            String code = text(row, 1, codeKey);
            lockedCode(row, codeKey, essp, code);
            return essp;
        }

        /** Per vocabulary, its codes by their label in the template's language and by themselves, in lower case. */
        private final Map<Vocabulary, Map<String, String>> codesByWord = new HashMap<>();

        /** Read once per vocabulary: a national assessment workbook has ≈450,000 coded cells. */
        private Map<String, String> codesByWord(Vocabulary vocabulary) {
            Map<String, String> byWord = new HashMap<>();
            for (String code : vocabulary.codes()) {
                byWord.putIfAbsent(words.code(vocabulary, code).toLowerCase(Locale.ROOT), code);
            }
            for (String code : vocabulary.codes()) {
                byWord.putIfAbsent(code.toLowerCase(Locale.ROOT), code);
            }
            return byWord;
        }

        /** A coded value given by its label in the template's language (or by its code). */
        private String coded(SheetRow row, int column, String key, Vocabulary vocabulary) {
            String t = text(row, column, key);
            if (t == null) {
                return null;
            }
            String code = codesByWord.computeIfAbsent(vocabulary, this::codesByWord).get(t.toLowerCase(Locale.ROOT));
            if (code != null) {
                return code;
            }
            problem(row, key, t, Reason.UNKNOWN_CODE,
                    String.join(", ", vocabulary.codes().stream().map(c -> words.code(vocabulary, c)).toList()));
            return null;
        }

        /**
         * The ESSP sheet: a row with a uuid updates that ESSP of the scope (its code and circonscription locked); a row
         * without uuid is a new ESSP, checked with the registry form's rules (code format and uniqueness, name, category,
         * circonscription of the scope, coordinates in Morocco, population, reason). It is first matched by its natural
         * key with an ESSP of the scope (an earlier import of the same row): its code in the same circonscription, or,
         * when the code cell is empty, its name (accents, case and spaces ignored) in the same circonscription; so
         * importing the same workbook twice creates nothing the second time. An empty code on a new row gets the next
         * free code of the circonscription's province (one more for every such row of the workbook).
         */
        List<RowChange> essps(List<SheetRow> rows) {
            List<String> categories = dsl.select(ESSP_CATEGORY.CODE).from(ESSP_CATEGORY).fetch(ESSP_CATEGORY.CODE);
            Map<String, int[]> circonscriptions = FieldTemplate.circonscriptions(dsl, where);
            EsspEditRepository registry = new EsspEditRepository(dsl, EditContext.system("import"));
            Map<Integer, Integer> provinceOf = new HashMap<>();
            circonscriptions.values().forEach(c -> provinceOf.put(c[0], c[1]));
            Set<String> typedCodes = new HashSet<>();
            for (SheetRow row : rows) {
                CellValue uuid = row.cells().get(0);
                CellValue code = row.cells().get(1);
                if ((uuid == null || uuid.text().isBlank()) && code != null && !code.text().isBlank()) {
                    typedCodes.add(code.text().strip().toUpperCase(Locale.ROOT));
                }
            }
            Map<Integer, Integer> nextSuffix = new HashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            List<String> cols = FieldTemplate.ESSP_COLUMNS;
            for (SheetRow row : rows) {
                int before = problems.size();
                String nameFr = text(row, cols.indexOf("name_fr"), "name_fr");
                String lat = numberText(row, cols.indexOf("latitude"), "latitude");
                String lon = numberText(row, cols.indexOf("longitude"), "longitude");
                Record rec;
                String code;
                int circonscriptionId;
                // a new row taken for an ESSP of the mission by its natural key: the column and value that named it
                String[] matchedBy = null;
                // a new row's natural key (null for a row with a uuid)
                EsspEditRepository.NaturalKey key = null;
                if (text(row, 0, "uuid") != null) {
                    rec = essp(row, "uuid", "code", seen);
                    if (rec == null) {
                        continue;
                    }
                    String circonscription = text(row, cols.indexOf("circonscription"), "circonscription");
                    if (!rec.get(CIRCONSCRIPTION.NAME_FR).equals(circonscription)) {
                        problem(row, "circonscription", circonscription == null ? "" : circonscription, Reason.LOCKED_CHANGED,
                                rec.get(CIRCONSCRIPTION.NAME_FR));
                    }
                    code = rec.get(ESSP.CODE);
                    circonscriptionId = rec.get(ESSP.CIRCONSCRIPTION_ID);
                } else {
                    String circonscription = text(row, cols.indexOf("circonscription"), "circonscription");
                    int[] circ = circonscription == null ? null : circonscriptions.entrySet().stream()
                            .filter(c -> c.getKey().equalsIgnoreCase(circonscription)).map(Map.Entry::getValue).findFirst().orElse(null);
                    if (circonscription == null) {
                        rule(row, "circonscription", "", EsspFormRules.circonscription(null, null, null));
                        continue;
                    }
                    if (circ == null) {
                        problem(row, "circonscription", circonscription, Reason.UNKNOWN_CODE, String.join(", ", circonscriptions.keySet()));
                        continue;
                    }
                    circonscriptionId = circ[0];
                    String typed = text(row, cols.indexOf("code"), "code");
                    key = naturalKey(circonscriptionId, nameFr, EsspFormRules.parseDecimal(lat), EsspFormRules.parseDecimal(lon));
                    rec = typed != null ? byCode.get(typed) : likelySame(key);
                    if (rec != null && rec.get(ESSP.CIRCONSCRIPTION_ID) == circonscriptionId) {
                        // the ESSP an earlier import of this row created (or one the workbook lists again)
                        if (duplicate(row, typed != null ? "code" : "name_fr", typed != null ? typed : nameFr,
                                rec.get(ESSP.UUID), seen)) {
                            continue;
                        }
                        code = rec.get(ESSP.CODE);
                        matchedBy = typed != null ? new String[] {"code", typed} : new String[] {"name_fr", nameFr};
                    } else if (typed != null) {
                        rec = null;
                        code = typed;
                        Optional<EsspFormRules.Problem> format = EsspFormRules.code(code, registry.provinceDigits(circonscriptionId).orElse(null));
                        if (format.isPresent()) {
                            rule(row, "code", code, format);
                            continue;
                        }
                        if (registry.codeTaken(code, null)) {
                            problem(row, "code", code, Reason.CODE_TAKEN, nextCode(registry, circ[1], typedCodes, nextSuffix, false));
                            continue;
                        }
                        if (duplicate(row, "code", code, "code|" + code.toUpperCase(Locale.ROOT), seen)) {
                            continue;
                        }
                    } else {
                        rec = null;
                        if (nameFr != null && duplicate(row, "name_fr", nameFr, "name|" + nameKey(circonscriptionId, nameFr), seen)) {
                            continue;
                        }
                        code = nextCode(registry, circ[1], typedCodes, nextSuffix, true);
                    }
                }
                boolean isNew = rec == null;
                EsspRecord e = isNew ? new EsspRecord() : rec.into(ESSP);
                ruleIfChanged(isNew || !Objects.equals(nameFr, e.getNameFr()), row, "name_fr", nameFr, EsspFormRules.name(nameFr));
                String nameAr = text(row, cols.indexOf("name_ar"), "name_ar");
                String category = text(row, cols.indexOf("category"), "category");
                if (category != null && !categories.contains(category)) {
                    problem(row, "category", category, Reason.UNKNOWN_CODE, String.join(", ", FieldTemplate.categories(dsl)));
                } else {
                    ruleIfChanged(isNew || !Objects.equals(category, e.getCategoryCode()), row, "category", category,
                            EsspFormRules.category(category, categories));
                }
                String milieu = coded(row, cols.indexOf("milieu"), "milieu", Vocabulary.MILIEU);
                if (milieu == null && text(row, cols.indexOf("milieu"), "milieu") == null) {
                    problem(row, "milieu", "", Reason.REQUIRED_EMPTY);
                }
                Boolean deliveryUnit = yesNo(row, cols.indexOf("delivery_unit"), "delivery_unit");
                String functionality = coded(row, cols.indexOf("functionality"), "functionality", Vocabulary.FUNCTIONALITY);
                if (functionality == null && text(row, cols.indexOf("functionality"), "functionality") == null) {
                    problem(row, "functionality", "", Reason.REQUIRED_EMPTY);
                }
                String reason = text(row, cols.indexOf("functionality_reason"), "functionality_reason");
                ruleIfChanged(isNew || !Objects.equals(functionality, e.getFunctionality())
                                || !Objects.equals(reason, e.getFunctionalityReason()),
                        row, "functionality_reason", reason, EsspFormRules.functionalityReason(functionality, reason));
                boolean moved = isNew || !Objects.equals(EsspFormRules.parseDecimal(lat), e.getLatitude())
                        || !Objects.equals(EsspFormRules.parseDecimal(lon), e.getLongitude());
                ruleIfChanged(moved, row, "latitude", lat, EsspFormRules.latitude(lat, lon));
                ruleIfChanged(moved, row, "longitude", lon, EsspFormRules.longitude(lon, lat));
                Integer province = provinceOf.get(circonscriptionId);
                if (moved && province != null && lat != null && lon != null) {
                    // the point lies in the province of the circonscription chosen (the form's rule, the shipped outlines)
                    ruleIfChanged(true, row, "latitude", lat, EsspFormRules.insideProvince(lat, lon, outline(province),
                            provinceName(province)));
                }
                String population = numberText(row, cols.indexOf("population_served"), "population_served");
                ruleIfChanged(isNew || !Objects.equals(population, e.getPopulationServed() == null ? null : e.getPopulationServed().toString()),
                        row, "population_served", population, EsspFormRules.population(population));
                String hours = text(row, cols.indexOf("opening_hours"), "opening_hours");
                String address = text(row, cols.indexOf("address"), "address");
                String notes = text(row, cols.indexOf("notes"), "notes");
                if (problems.size() > before) {
                    continue;
                }
                EsspDraft draft = new EsspDraft(code, nameFr, nameAr, category, circonscriptionId, e.getCommuneId(),
                        milieu, deliveryUnit != null && deliveryUnit, EsspFormRules.parseDecimal(lat), EsspFormRules.parseDecimal(lon),
                        EsspFormRules.parsePopulation(population), functionality, reason, hours, address, notes);
                Object[] stored = {e.getNameFr(), e.getNameAr(), e.getCategoryCode(), e.getMilieu(), e.getDeliveryUnit(),
                        e.getLatitude(), e.getLongitude(), e.getPopulationServed(), e.getFunctionality(),
                        e.getFunctionalityReason(), e.getOpeningHours(), e.getAddress(), e.getNotes()};
                Object[] given = {draft.nameFr(), draft.nameAr(), draft.categoryCode(), draft.milieu(), draft.deliveryUnit(),
                        draft.latitude(), draft.longitude(), draft.populationServed(), draft.functionality(),
                        draft.functionalityReason(), draft.openingHours(), draft.address(), draft.notes()};
                int changed = changed(stored, given);
                if (matchedBy != null && changed > 0) {
                    // a new row that finds an ESSP of the mission and changes it: not only a second import of the row
                    problem(row, matchedBy[0], matchedBy[1], Reason.SAME_ESSP_UPDATED, code, e.getNameFr(), changed);
                } else if (isNew) {
                    Record twin = likelySame(key);
                    if (twin != null) {
                        problem(row, "name_fr", nameFr, Reason.LIKELY_DUPLICATE, twin.get(ESSP.CODE), twin.get(ESSP.NAME_FR));
                    }
                }
                changes.add(new EsspChange(row.number(), isNew ? 0 : e.getId(), draft, changed));
            }
            return changes;
        }

        private static String nameKey(int circonscriptionId, String name) {
            return circonscriptionId + "|" + EsspEditRepository.nameKey(name == null ? "" : name);
        }

        private static EsspEditRepository.NaturalKey naturalKey(int circonscriptionId, String nameFr, Double lat, Double lon) {
            return new EsspEditRepository.NaturalKey(circonscriptionId, nameFr, lat == null || lat.isNaN() ? null : lat,
                    lon == null || lon.isNaN() ? null : lon);
        }

        /** The first ESSP of the scope (code order) that {@code key} likely names: the merge's duplicate candidate. */
        private Record likelySame(EsspEditRepository.NaturalKey key) {
            return inScope.stream()
                    .filter(r -> key.likelySame(naturalKey(r.get(ESSP.CIRCONSCRIPTION_ID), r.get(ESSP.NAME_FR),
                            r.get(ESSP.LATITUDE), r.get(ESSP.LONGITUDE))))
                    .findFirst().orElse(null);
        }

        private Map<Integer, MapShape> outlines;
        private final Map<Integer, String> provinceNames = new HashMap<>();

        /** The shipped outline of a province (decoded on the first new or moved point), null when it has none. */
        private MapShape outline(int provinceId) {
            if (outlines == null) {
                Map<String, MapShape> byIso = new HashMap<>();
                MapOutlines.shipped().provinces().forEach(shape -> byIso.put(shape.isoCode(), shape));
                outlines = new HashMap<>();
                new TerritoryRepository(dsl).outlineCodes().forEach((province, iso) -> {
                    if (byIso.containsKey(iso)) {
                        outlines.put(province, byIso.get(iso));
                    }
                });
            }
            return outlines.get(provinceId);
        }

        /** A province's name in the template's language (French for English, as the territory has no English names). */
        private String provinceName(int provinceId) {
            return provinceNames.computeIfAbsent(provinceId, id -> {
                Record r = dsl.select(PROVINCE.NAME_FR, PROVINCE.NAME_AR).from(PROVINCE).where(PROVINCE.ID.eq(id)).fetchOne();
                if (r == null) {
                    return "";
                }
                return meta.language() == ReportLanguage.AR && r.get(PROVINCE.NAME_AR) != null ? r.get(PROVINCE.NAME_AR)
                        : r.get(PROVINCE.NAME_FR);
            });
        }

        /**
         * The next free code of a province (the registry form's suggestion) that no ESSP and no new row of the workbook
         * uses; {@code take}: it is given to a row, so the next call proposes the one after it.
         */
        private static String nextCode(EsspEditRepository registry, int provinceId, Set<String> typedCodes,
                                       Map<Integer, Integer> nextSuffix, boolean take) {
            String suggested = registry.suggestCode(provinceId);
            String digits = suggested.substring(0, suggested.indexOf('-'));
            int suffix = Math.max(nextSuffix.getOrDefault(provinceId, 0), Integer.parseInt(suggested.substring(digits.length() + 1)));
            String code = digits + "-" + String.format(Locale.ROOT, "%04d", suffix);
            while (typedCodes.contains(code) || registry.codeTaken(code, null)) {
                suffix++;
                code = digits + "-" + String.format(Locale.ROOT, "%04d", suffix);
            }
            if (take) {
                nextSuffix.put(provinceId, suffix + 1);
            }
            return code;
        }

        /** A form rule's problem, whatever the stored value. */
        private void rule(SheetRow row, String column, String value, Optional<EsspFormRules.Problem> p) {
            ruleIfChanged(true, row, column, value, p);
        }

        private static Object blankToNull(Object o) {
            return o instanceof String s && s.isBlank() ? null : o;
        }

        private Boolean yesNo(SheetRow row, int column, String key) {
            String t = text(row, column, key);
            if (t == null) {
                return null;
            }
            if (t.equalsIgnoreCase(words.get("value.yes")) || Set.of("1", "true", "yes", "oui").contains(t.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (t.equalsIgnoreCase(words.get("value.no")) || Set.of("0", "false", "no", "non").contains(t.toLowerCase(Locale.ROOT))) {
                return false;
            }
            problem(row, key, t, Reason.UNKNOWN_CODE, words.get("value.yes") + ", " + words.get("value.no"));
            return null;
        }

        private LocalDate date(SheetRow row, int column, String key) {
            return date(row, column, key, false);
        }

        /** A date; {@code ruleSaysFuture}: a date after today is left to the form's rule (which names it so). */
        private LocalDate date(SheetRow row, int column, String key, boolean ruleSaysFuture) {
            CellValue cell = row.cells().get(column);
            String t = text(row, column, key);
            if (t == null) {
                return null;
            }
            LocalDate date;
            try {
                if (cell.number() != null) {
                    if (cell.number() < 1 || cell.number() > 2_958_465 || cell.number() != Math.floor(cell.number())) {
                        problem(row, key, t, Reason.NOT_A_DATE);
                        return null;
                    }
                    date = DateUtil.getLocalDateTime(cell.number()).toLocalDate();
                } else if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    date = LocalDate.parse(t);
                } else {
                    date = LocalDate.parse(t, DAY_MONTH_YEAR);
                }
            } catch (DateTimeParseException e) {
                problem(row, key, t, Reason.NOT_A_DATE);
                return null;
            }
            LocalDate today = LocalDate.now();
            if (date.isBefore(EARLIEST) || date.isAfter(today) && !ruleSaysFuture) {
                problem(row, key, t, Reason.OUT_OF_RANGE, "01/01/2000", today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                return null;
            }
            return date;
        }

        /** A data-flow rule's problem on its column: key {@code rule.dataflow.CODE}. */
        private void flowRule(SheetRow row, DataFlowRules.Problem p, Map<DataFlowRules.Field, String> columns,
                              Map<String, String> values) {
            String column = columns.get(p.field());
            problem(row, column, values.getOrDefault(column, ""), Reason.RULE, "dataflow." + p.code().name());
        }

        /** A whole number (a numeric cell or the text of one); null when blank or not one (then a problem). */
        private Integer integer(SheetRow row, int column, String key) {
            String t = numberText(row, column, key);
            if (t == null) {
                return null;
            }
            try {
                return new BigDecimal(t.replace(',', '.').replace(" ", "")).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                problem(row, key, t, Reason.NOT_A_NUMBER);
                return null;
            }
        }

        /** A month as {@code yyyy-MM}: typed so, or {@code MM/yyyy}, or an Excel date (its month); else the text as typed. */
        private String month(SheetRow row, int column, String key) {
            CellValue cell = row.cells().get(column);
            String t = text(row, column, key);
            if (t == null) {
                return null;
            }
            if (cell.number() != null && cell.number() >= 1 && cell.number() <= 2_958_465) {
                return YearMonth.from(DateUtil.getLocalDateTime(cell.number())).toString();
            }
            if (t.matches("\\d{1,2}/\\d{4}")) {
                String[] parts = t.split("/");
                int m = Integer.parseInt(parts[0]);
                if (m >= 1 && m <= 12) {
                    return YearMonth.of(Integer.parseInt(parts[1]), m).toString();
                }
            }
            return t;
        }

        List<RowChange> recounts(List<SheetRow> rows) {
            List<String> cols = FieldTemplate.RECOUNT_COLUMNS;
            var v = DATA_VERIFICATION;
            Map<String, DataFlowData.Recount> storedByUuid = new HashMap<>();
            dsl.selectFrom(v).where(v.DELETED.isFalse()).forEach(r -> storedByUuid.put(r.getUuid(),
                    new DataFlowData.Recount(r.getId(), r.getVersion(), r.getEsspId(), r.getIndicator(), r.getPeriod(),
                            r.getRecounted(), r.getReported(), r.getReason(), r.getNotes())));
            List<DataFlowData.Recount> existing = unnamed(rows, storedByUuid);
            Map<String, DataFlowData.Recount> byKey = byKey(existing, r -> recountKey(r.esspId(), r.indicator(), r.period()));
            Map<DataFlowRules.Field, String> columns = Map.of(DataFlowRules.Field.ESSP, "essp_code",
                    DataFlowRules.Field.INDICATOR, "indicator", DataFlowRules.Field.PERIOD, "period",
                    DataFlowRules.Field.RECOUNTED, "recounted", DataFlowRules.Field.REPORTED, "reported",
                    DataFlowRules.Field.REASON, "reason");
            Map<String, Integer> seenUuids = new HashMap<>();
            Map<String, Integer> seenKeys = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            LocalDate today = LocalDate.now();
            for (SheetRow row : rows) {
                int before = problems.size();
                String uuid = text(row, 0, "uuid");
                String code = text(row, 1, "essp_code");
                DataFlowData.Recount old = null;
                Record essp;
                if (uuid != null) {
                    old = storedByUuid.get(uuid);
                    essp = old == null ? null : byId.get(old.esspId());
                    if (essp == null) {
                        problem(row, "uuid", uuid, Reason.UNKNOWN_ROW);
                        continue;
                    }
                    if (duplicate(row, "uuid", uuid, uuid, seenUuids)) {
                        continue;
                    }
                    lockedCode(row, "essp_code", essp, code);
                } else if (code == null) {
                    problem(row, "essp_code", "", Reason.REQUIRED_EMPTY);
                    continue;
                } else {
                    essp = byCode.get(code);
                    if (essp == null) {
                        problem(row, "essp_code", code, Reason.RULE, "dataflow." + DataFlowRules.Code.ESSP_UNKNOWN.name());
                        continue;
                    }
                }
                String indicator = text(row, cols.indexOf("indicator"), "indicator");
                String period = month(row, cols.indexOf("period"), "period");
                Integer recounted = integer(row, cols.indexOf("recounted"), "recounted");
                Integer reported = integer(row, cols.indexOf("reported"), "reported");
                String reasonText = text(row, cols.indexOf("reason"), "reason");
                String reason = null;
                if (reasonText != null) {
                    for (String r : DataFlowRules.REASONS) {
                        if (reasonText.equalsIgnoreCase(words.get("value.reason." + r)) || reasonText.equalsIgnoreCase(r)) {
                            reason = r;
                        }
                    }
                    if (reason == null) {
                        problem(row, "reason", reasonText, Reason.UNKNOWN_CODE, String.join(", ",
                                DataFlowRules.REASONS.stream().map(r -> words.get("value.reason." + r)).toList()));
                    }
                }
                String notes = text(row, cols.indexOf("notes"), "notes");
                if (problems.size() > before) {
                    continue;
                }
                int esspId = essp.get(ESSP.ID);
                String key = recountKey(esspId, indicator, period);
                if (duplicate(row, "period", period, key, seenKeys)) {
                    continue;
                }
                if (old == null) {
                    old = byKey.get(key);
                }
                DataFlowData.Recount recount = new DataFlowData.Recount(old == null ? 0 : old.id(), old == null ? 0 : old.version(),
                        esspId, indicator, period, recounted, reported, reason, notes);
                Map<String, String> values = new HashMap<>();
                values.put("essp_code", code);
                values.put("indicator", indicator == null ? "" : indicator);
                values.put("period", period == null ? "" : period);
                values.put("recounted", String.valueOf(recounted));
                values.put("reported", String.valueOf(reported));
                values.put("reason", reasonText == null ? "" : reasonText);
                for (DataFlowRules.Problem p : DataFlowRules.recount(recount, byId.keySet(), existing, today)) {
                    flowRule(row, p, columns, values);
                }
                if (problems.size() > before) {
                    continue;
                }
                existing.add(recount);
                int changed;
                if (old == null) {
                    changed = given(indicator, period, recounted, reported, reason, notes);
                } else {
                    DataFlowData.Recount o = old;
                    changed = (int) java.util.stream.Stream.of(
                                    !Objects.equals(o.indicator(), indicator), !Objects.equals(o.period(), period),
                                    !Objects.equals(o.recounted(), recounted), !Objects.equals(o.reported(), reported),
                                    !Objects.equals(o.reason(), reason), !Objects.equals(blankToNull(o.notes()), notes))
                            .filter(b -> b).count();
                }
                changes.add(new RecountChange(row.number(), recount, changed));
            }
            return changes;
        }

        private static String recountKey(int esspId, String indicator, String period) {
            return esspId + "|" + (indicator == null ? "" : indicator.strip().toLowerCase(Locale.ROOT)) + "|" + period;
        }

        private static String observationKey(int linkId, Integer esspId, String period) {
            return linkId + "|" + esspId + "|" + period;
        }

        /**
         * The live rows the file does not name by their uuid (column 0): a new row must not repeat one of them (unless
         * it is that row again), and a row without uuid updates the one of its natural key.
         */
        private static <T> List<T> unnamed(List<SheetRow> rows, Map<String, T> storedByUuid) {
            Set<String> named = new HashSet<>();
            for (SheetRow row : rows) {
                CellValue c = row.cells().get(0);
                if (c != null && !c.text().isBlank()) {
                    named.add(c.text().strip());
                }
            }
            List<T> unnamed = new ArrayList<>();
            storedByUuid.forEach((uuid, r) -> {
                if (!named.contains(uuid)) {
                    unnamed.add(r);
                }
            });
            return unnamed;
        }

        private static <T> Map<String, T> byKey(List<T> rows, java.util.function.Function<T, String> key) {
            Map<String, T> byKey = new HashMap<>();
            rows.forEach(r -> byKey.put(key.apply(r), r));
            return byKey;
        }

        /** Whether {@code key} was already seen on an earlier row (then a {@code DUPLICATE_ROW} problem naming it). */
        private boolean duplicate(SheetRow row, String column, String value, String key, Map<String, Integer> seen) {
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) {
                problem(row, column, value, Reason.DUPLICATE_ROW, first);
                return true;
            }
            return false;
        }

        /** A locked ESSP code typed over: {@code LOCKED_CHANGED} naming the stored one. */
        private void lockedCode(SheetRow row, String column, Record essp, String code) {
            if (!essp.get(ESSP.CODE).equals(code)) {
                problem(row, column, code == null ? "" : code, Reason.LOCKED_CHANGED, essp.get(ESSP.CODE));
            }
        }

        /** Values given on a new row (each non-null one is written). */
        private static int given(Object... values) {
            return (int) java.util.Arrays.stream(values).filter(Objects::nonNull).count();
        }

        /** Values that differ from the stored ones, a blank text counting as no value. */
        private static int changed(Object[] stored, Object[] given) {
            int changed = 0;
            for (int i = 0; i < stored.length; i++) {
                if (!Objects.equals(blankToNull(stored[i]), blankToNull(given[i]))) {
                    changed++;
                }
            }
            return changed;
        }

        /**
         * The ESSP of a row of a sheet whose new rows are prepared with their uuid (staff, complaints): the stored row's
         * ESSP with its locked code checked, or for a prepared row the ESSP of the code typed; null after a problem.
         */
        private Record preparedRowEssp(SheetRow row, String uuid, String code, Integer storedEsspId, Set<String> prepared) {
            if (storedEsspId != null) {
                Record essp = byId.get(storedEsspId);
                if (essp == null) {
                    problem(row, "uuid", uuid, Reason.UNKNOWN_ROW);
                    return null;
                }
                lockedCode(row, "essp_code", essp, code);
                return essp;
            }
            if (uuid == null || !prepared.contains(uuid)) {
                problem(row, "uuid", uuid == null ? "" : uuid, Reason.UNKNOWN_ROW);
                return null;
            }
            if (code == null) {
                problem(row, "essp_code", "", Reason.REQUIRED_EMPTY);
                return null;
            }
            Record essp = byCode.get(code);
            if (essp == null) {
                problem(row, "essp_code", code, Reason.UNKNOWN_ESSP);
            }
            return essp;
        }

        /** The live rows of {@code table} matching {@code conditions}, by their uuid. */
        private Map<String, Record> storedByUuid(org.jooq.Table<?> table, org.jooq.Field<String> uuid, org.jooq.Condition... conditions) {
            Map<String, Record> stored = new HashMap<>();
            dsl.select(table.fields()).from(table).where(conditions).forEach(r -> stored.put(r.get(uuid), r));
            return stored;
        }

        private Set<String> preparedUuids() {
            Set<String> prepared = new HashSet<>();
            if (meta.templateId() != null) {
                for (int i = 0; i < FieldTemplate.NEW_ROWS; i++) {
                    prepared.add(FieldTemplate.newRowUuid(meta.templateId(), i));
                }
            }
            return prepared;
        }

        List<RowChange> complaints(List<SheetRow> rows) {
            List<String> cols = FieldTemplate.COMPLAINT_COLUMNS;
            Set<String> prepared = preparedUuids();
            var c = COMPLAINT_SAMPLE;
            Map<String, Record> stored = storedByUuid(c, c.UUID, c.DELETED.isFalse());
            Map<ComplaintSampleRules.Field, String> columns = Map.of(ComplaintSampleRules.Field.RECEIVED, "received_on",
                    ComplaintSampleRules.Field.ACKNOWLEDGED, "acknowledged_on", ComplaintSampleRules.Field.CLOSED, "closed_on",
                    ComplaintSampleRules.Field.CHANNEL, "channel", ComplaintSampleRules.Field.KIND, "kind",
                    ComplaintSampleRules.Field.CATEGORY, "category", ComplaintSampleRules.Field.OUTCOME, "outcome");
            Map<String, Integer> seen = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            LocalDate today = LocalDate.now();
            for (SheetRow row : rows) {
                int before = problems.size();
                String uuid = text(row, 0, "uuid");
                String code = text(row, 1, "essp_code");
                Record old = uuid == null ? null : stored.get(uuid);
                Record essp = preparedRowEssp(row, uuid, code, old == null ? null : old.get(c.ESSP_ID), prepared);
                if (essp == null) {
                    continue;
                }
                if (duplicate(row, "uuid", uuid, uuid, seen)) {
                    continue;
                }
                LocalDate received = date(row, cols.indexOf("received_on"), "received_on", true);
                String channel = coded(row, cols.indexOf("channel"), "channel", Vocabulary.COMPLAINT_CHANNEL);
                String kind = coded(row, cols.indexOf("kind"), "kind", Vocabulary.COMPLAINT_KIND);
                String category = coded(row, cols.indexOf("category"), "category", Vocabulary.COMPLAINT_CATEGORY);
                LocalDate acknowledged = date(row, cols.indexOf("acknowledged_on"), "acknowledged_on", true);
                LocalDate closed = date(row, cols.indexOf("closed_on"), "closed_on", true);
                String outcome = coded(row, cols.indexOf("outcome"), "outcome", Vocabulary.COMPLAINT_OUTCOME);
                String notes = text(row, cols.indexOf("notes"), "notes");
                Set<PersonalDataDetector.Kind> personal = PersonalDataDetector.find(notes);
                if (!personal.isEmpty()) {
                    problem(row, "notes", notes, Reason.PERSONAL_DATA, String.join(", ",
                            personal.stream().map(k -> words.get("value.personal." + k.code())).toList()));
                }
                if (problems.size() > before) {
                    continue;
                }
                ComplaintSampleRules.Values values = new ComplaintSampleRules.Values(received, channel, kind, category,
                        acknowledged, closed, outcome);
                ComplaintSampleRules.check(values, today).forEach((field, problemCode) -> {
                    String column = columns.get(field);
                    CellValue cell = row.cells().get(cols.indexOf(column));
                    problem(row, column, cell == null ? "" : cell.text(), Reason.RULE, "complaint." + problemCode.name());
                });
                if (problems.size() > before) {
                    continue;
                }
                int changed;
                if (old == null) {
                    changed = given(received, channel, kind, category, acknowledged, closed, outcome, notes);
                } else {
                    Object[] had = {old.get(c.RECEIVED_ON), old.get(c.CHANNEL), old.get(c.KIND), old.get(c.CATEGORY),
                            old.get(c.ACKNOWLEDGED_ON), old.get(c.CLOSED_ON), old.get(c.OUTCOME), old.get(c.NOTES)};
                    Object[] given = {received, channel, kind, category, acknowledged, closed, outcome, notes};
                    changed = changed(had, given);
                }
                changes.add(new ComplaintChange(row.number(), essp.get(ESSP.ID), old == null ? null : old.get(c.ID), uuid, values,
                        notes, changed));
            }
            return changes;
        }

        List<RowChange> observations(List<SheetRow> rows) {
            List<String> cols = FieldTemplate.DATAFLOW_COLUMNS;
            boolean national = ReportScope.NATIONAL.toString().equals(meta.scope());
            Map<Integer, String> flows = FieldTemplate.flows(dsl, words);
            var o = DATA_FLOW_OBSERVATION;
            Map<String, DataFlowData.Observation> storedByUuid = new HashMap<>();
            dsl.selectFrom(o).where(o.DELETED.isFalse()).forEach(r -> storedByUuid.put(r.getUuid(),
                    new DataFlowData.Observation(r.getId(), r.getVersion(), r.getDataFlowId(), r.getEsspId(), r.getPeriod(),
                            r.getReportsExpected(), r.getReportsReceived(), r.getReceivedOnTime(), r.getObservedDelayDays(), r.getNotes())));
            List<DataFlowData.Observation> existing = unnamed(rows, storedByUuid);
            Map<String, DataFlowData.Observation> byKey = byKey(existing, r -> observationKey(r.linkId(), r.esspId(), r.period()));
            Map<DataFlowRules.Field, String> columns = Map.of(DataFlowRules.Field.LINK, "flow", DataFlowRules.Field.ESSP, "essp_code",
                    DataFlowRules.Field.PERIOD, "period", DataFlowRules.Field.EXPECTED, "expected",
                    DataFlowRules.Field.RECEIVED, "received", DataFlowRules.Field.ON_TIME, "on_time",
                    DataFlowRules.Field.DELAY, "delay_days");
            Map<String, Integer> seenUuids = new HashMap<>();
            Map<String, Integer> seenKeys = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            LocalDate today = LocalDate.now();
            for (SheetRow row : rows) {
                int before = problems.size();
                String uuid = text(row, 0, "uuid");
                String flowText = text(row, 1, "flow");
                String code = text(row, 2, "essp_code");
                DataFlowData.Observation old = null;
                Integer flowId = null;
                Matcher m = flowText == null ? null : FLOW_ID.matcher(flowText);
                if (m != null && m.lookingAt()) {
                    flowId = Integer.parseInt(m.group(1));
                }
                Record essp = code == null ? null : byCode.get(code);
                if (uuid != null) {
                    old = storedByUuid.get(uuid);
                    boolean inScope = old != null && (old.esspId() == null ? national : byId.containsKey(old.esspId()));
                    if (!inScope) {
                        problem(row, "uuid", uuid, Reason.UNKNOWN_ROW);
                        continue;
                    }
                    if (duplicate(row, "uuid", uuid, uuid, seenUuids)) {
                        continue;
                    }
                    if (!Objects.equals(flowId, old.linkId())) {
                        problem(row, "flow", flowText == null ? "" : flowText, Reason.LOCKED_CHANGED, flows.get(old.linkId()));
                    }
                    String storedCode = old.esspId() == null ? null : byId.get(old.esspId()).get(ESSP.CODE);
                    if (!Objects.equals(code, storedCode)) {
                        problem(row, "essp_code", code == null ? "" : code, Reason.LOCKED_CHANGED, storedCode == null ? "" : storedCode);
                    }
                } else {
                    if (flowText == null) {
                        problem(row, "flow", "", Reason.REQUIRED_EMPTY);
                    } else if (flowId == null || !flows.containsKey(flowId)) {
                        problem(row, "flow", flowText, Reason.UNKNOWN_CODE, String.join(", ", flows.values()));
                    }
                    if (code == null && !national) {
                        problem(row, "essp_code", "", Reason.REQUIRED_EMPTY);
                    } else if (code != null && essp == null) {
                        problem(row, "essp_code", code, Reason.UNKNOWN_ESSP);
                    }
                }
                String period = month(row, cols.indexOf("period"), "period");
                Integer expected = integer(row, cols.indexOf("expected"), "expected");
                Integer received = integer(row, cols.indexOf("received"), "received");
                Integer onTime = integer(row, cols.indexOf("on_time"), "on_time");
                String delayText = numberText(row, cols.indexOf("delay_days"), "delay_days");
                Double delay = null;
                if (delayText != null) {
                    try {
                        delay = Double.parseDouble(delayText.replace(',', '.'));
                    } catch (NumberFormatException e) {
                        problem(row, "delay_days", delayText, Reason.NOT_A_NUMBER);
                    }
                }
                String notes = text(row, cols.indexOf("notes"), "notes");
                if (period == null) {
                    problem(row, "period", "", Reason.REQUIRED_EMPTY);
                }
                if (expected == null && text(row, cols.indexOf("expected"), "expected") == null) {
                    problem(row, "expected", "", Reason.REQUIRED_EMPTY);
                }
                if (received == null && text(row, cols.indexOf("received"), "received") == null) {
                    problem(row, "received", "", Reason.REQUIRED_EMPTY);
                }
                if (problems.size() > before) {
                    continue;
                }
                Integer esspId = old != null ? old.esspId() : essp == null ? null : essp.get(ESSP.ID);
                int linkId = old != null ? old.linkId() : flowId;
                String key = observationKey(linkId, esspId, period);
                if (duplicate(row, "period", period, key, seenKeys)) {
                    continue;
                }
                if (old == null) {
                    old = byKey.get(key);
                }
                DataFlowData.Observation observation = new DataFlowData.Observation(old == null ? 0 : old.id(),
                        old == null ? 0 : old.version(), linkId, esspId, period, expected, received, onTime, delay, notes);
                Map<String, String> values = Map.of("flow", flowText == null ? "" : flowText, "essp_code", code == null ? "" : code,
                        "period", period, "expected", String.valueOf(expected), "received", String.valueOf(received),
                        "on_time", String.valueOf(onTime), "delay_days", String.valueOf(delayText));
                for (DataFlowRules.Problem p : DataFlowRules.observation(observation, flows.keySet(), byId.keySet(), existing, today)) {
                    flowRule(row, p, columns, values);
                }
                if (problems.size() > before) {
                    continue;
                }
                existing.add(observation);
                int changed;
                if (old == null) {
                    changed = given(period, expected, received, onTime, delay, notes);
                } else {
                    DataFlowData.Observation s = old;
                    changed = (int) java.util.stream.Stream.of(!Objects.equals(s.period(), period), s.expected() != expected,
                            s.received() != received, !Objects.equals(s.onTime(), onTime), !Objects.equals(s.delayDays(), delay),
                            !Objects.equals(blankToNull(s.notes()), notes)).filter(b -> b).count();
                }
                changes.add(new ObservationChange(row.number(), observation, changed));
            }
            return changes;
        }

        /**
         * The attendance rows of the template's cohort: each names a live participant and a live session of the cohort
         * by their uuids (the locked name, session and session hours unchanged), once; the hours attended a number, not
         * negative, at most the session's ({@code TrainingRules.hoursAttended}, the grid's rule). A blank cell changes
         * nothing.
         */
        List<RowChange> attendance(List<SheetRow> rows) {
            List<String> cols = FieldTemplate.ATTENDANCE_COLUMNS;
            int cohortId;
            try {
                cohortId = FieldTemplate.cohortId(meta.scope());
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(FieldTemplate.META, null, "scope", meta.scope(), Reason.NOT_A_TEMPLATE, List.of()));
                return List.of();
            }
            var tp = TRAINING_PARTICIPANT;
            var s = TRAINING_SESSION;
            var a = TRAINING_ATTENDANCE;
            Map<String, Record> participants = new HashMap<>();
            dsl.select(tp.ID, tp.UUID, tp.FULL_NAME).from(tp).where(tp.COHORT_ID.eq(cohortId), tp.DELETED.isFalse())
                    .forEach(r -> participants.put(r.get(tp.UUID), r));
            Map<String, Record> sessions = new HashMap<>();
            dsl.select(s.ID, s.UUID, s.TITLE, s.STARTS_ON, s.HOURS).from(s).where(s.COHORT_ID.eq(cohortId), s.DELETED.isFalse())
                    .forEach(r -> sessions.put(r.get(s.UUID), r));
            Map<String, Double> stored = new HashMap<>();
            dsl.select(a.SESSION_ID, a.PARTICIPANT_ID, a.HOURS_ATTENDED).from(a).join(s).on(s.ID.eq(a.SESSION_ID))
                    .where(s.COHORT_ID.eq(cohortId), a.DELETED.isFalse())
                    .forEach(r -> stored.put(r.value1() + "|" + r.value2(), r.value3()));
            Map<String, Integer> seen = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            for (SheetRow row : rows) {
                int before = problems.size();
                String participantUuid = text(row, 0, "participant_uuid");
                String sessionUuid = text(row, 1, "session_uuid");
                Record participant = participantUuid == null ? null : participants.get(participantUuid);
                Record session = sessionUuid == null ? null : sessions.get(sessionUuid);
                if (participant == null) {
                    problem(row, "participant_uuid", participantUuid == null ? "" : participantUuid, Reason.UNKNOWN_PARTICIPANT);
                }
                if (session == null) {
                    problem(row, "session_uuid", sessionUuid == null ? "" : sessionUuid, Reason.UNKNOWN_SESSION);
                }
                if (participant == null || session == null) {
                    continue;
                }
                if (duplicate(row, "session_uuid", sessionUuid, participantUuid + "|" + sessionUuid, seen)) {
                    continue;
                }
                String name = text(row, 2, "participant");
                if (!participant.get(tp.FULL_NAME).equals(name)) {
                    problem(row, "participant", name == null ? "" : name, Reason.LOCKED_CHANGED, participant.get(tp.FULL_NAME));
                }
                String label = FieldTemplate.sessionLabel(session.get(s.TITLE), session.get(s.STARTS_ON));
                String typedLabel = text(row, 3, "session");
                if (!label.equals(typedLabel)) {
                    problem(row, "session", typedLabel == null ? "" : typedLabel, Reason.LOCKED_CHANGED, label);
                }
                double sessionHours = session.get(s.HOURS) == null ? 0 : session.get(s.HOURS);
                String sessionHoursText = numberText(row, 4, "session_hours");
                String storedHoursText = new BigDecimal(Double.toString(sessionHours)).stripTrailingZeros().toPlainString();
                if (!storedHoursText.equals(sessionHoursText)) {
                    problem(row, "session_hours", sessionHoursText == null ? "" : sessionHoursText, Reason.LOCKED_CHANGED,
                            storedHoursText);
                }
                String hoursText = numberText(row, cols.indexOf("hours_attended"), "hours_attended");
                if (hoursText == null || problems.size() > before) {
                    continue;
                }
                double hours;
                try {
                    hours = Double.parseDouble(hoursText.replace(',', '.'));
                } catch (NumberFormatException e) {
                    problem(row, "hours_attended", hoursText, Reason.NOT_A_NUMBER);
                    continue;
                }
                Optional<TrainingRules.Problem> rule = TrainingRules.hoursAttended(hours, sessionHours);
                if (rule.isPresent()) {
                    List<Object> args = new ArrayList<>();
                    args.add("training." + rule.get().code().name());
                    for (Object arg : rule.get().args()) {
                        args.add(arg instanceof Double d ? new BigDecimal(d.toString()).stripTrailingZeros().toPlainString() : arg);
                    }
                    problem(row, "hours_attended", hoursText, Reason.RULE, args.toArray());
                    continue;
                }
                String key = session.get(s.ID) + "|" + participant.get(tp.ID);
                Double old = stored.get(key);
                boolean same = stored.containsKey(key) && old != null && Math.abs(old - hours) < 1e-9;
                changes.add(new AttendanceChange(row.number(), session.get(s.ID), participant.get(tp.ID), hours, same ? 0 : 1));
            }
            return changes;
        }

        List<RowChange> staff(List<SheetRow> rows) {
            List<String> cols = FieldTemplate.STAFF_COLUMNS;
            Set<String> prepared = preparedUuids();
            var p = STAFF_POSITION;
            Map<String, Record> stored = storedByUuid(p, p.UUID, p.DELETED.isFalse(), p.ESSP_ID.isNotNull());
            Map<String, String> cadres = FieldTemplate.cadres(dsl, words.language());
            Map<String, Integer> seen = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            for (SheetRow row : rows) {
                int before = problems.size();
                String uuid = text(row, 0, "uuid");
                String code = text(row, 1, "essp_code");
                Record old = uuid == null ? null : stored.get(uuid);
                Record essp = preparedRowEssp(row, uuid, code, old == null ? null : old.get(p.ESSP_ID), prepared);
                if (essp == null) {
                    continue;
                }
                if (duplicate(row, "uuid", uuid, uuid, seen)) {
                    continue;
                }
                String cadreText = text(row, cols.indexOf("cadre"), "cadre");
                String cadre = null;
                if (cadreText == null) {
                    problem(row, "cadre", "", Reason.REQUIRED_EMPTY);
                } else {
                    for (Map.Entry<String, String> c : cadres.entrySet()) {
                        if (cadreText.equalsIgnoreCase(c.getValue()) || cadreText.equalsIgnoreCase(c.getKey())) {
                            cadre = c.getKey();
                        }
                    }
                    if (cadre == null) {
                        problem(row, "cadre", cadreText, Reason.UNKNOWN_CODE, String.join(", ", cadres.values()));
                    }
                }
                String employer = coded(row, cols.indexOf("employer"), "employer", Vocabulary.EMPLOYER);
                String status = coded(row, cols.indexOf("status"), "status", Vocabulary.STAFF_STATUS);
                String fteText = numberText(row, cols.indexOf("fte"), "fte");
                double fte = 1;
                if (fteText != null) {
                    try {
                        String f = fteText.replace(',', '.').replace("%", "").strip();
                        fte = Double.parseDouble(f) / (fteText.contains("%") ? 100 : 1);
                        if (fte < 0 || fte > 1) {
                            problem(row, "fte", fteText, Reason.OUT_OF_RANGE, "0", "1");
                        }
                    } catch (NumberFormatException e) {
                        problem(row, "fte", fteText, Reason.NOT_A_NUMBER);
                    }
                }
                String gender = coded(row, cols.indexOf("gender"), "gender", Vocabulary.GENDER);
                String holder = text(row, cols.indexOf("holder_name"), "holder_name");
                String job = text(row, cols.indexOf("job_title"), "job_title");
                String notes = text(row, cols.indexOf("notes"), "notes");
                if (problems.size() > before) {
                    continue;
                }
                // a blank employer or status is the form's default, as when a block is pasted into the HR grid
                PositionDraft draft = new PositionDraft(essp.get(ESSP.ID), null, cadre, employer == null ? "ministry" : employer,
                        status == null ? "filled" : status, fte, gender, holder, job, notes);
                int changed;
                if (old == null) {
                    changed = given(cadre, employer, status, fteText, gender, holder, job, notes);
                } else {
                    Object[] had = {old.get(p.CADRE_CODE), old.get(p.EMPLOYER), old.get(p.STATUS), old.get(p.FTE), old.get(p.GENDER),
                            old.get(p.HOLDER_NAME), old.get(p.JOB_TITLE), old.get(p.NOTES)};
                    Object[] given = {draft.cadreCode(), draft.employer(), draft.status(), draft.fte(), draft.gender(),
                            draft.holderName(), draft.jobTitle(), draft.notes()};
                    changed = changed(had, given);
                }
                changes.add(new StaffChange(row.number(), old == null ? null : old.get(p.ID), uuid, draft, changed));
            }
            return changes;
        }

        List<RowChange> assessments(List<SheetRow> rows, List<FieldTemplate.Item> items, int versionId) {
            Map<Integer, Record> current = FieldTemplate.currentAssessments(dsl, versionId);
            Map<Integer, Map<Integer, String>> stored = new HashMap<>();
            List<Integer> ids = current.values().stream().map(a -> a.get(ASSESSMENT.ID)).toList();
            for (int from = 0; from < ids.size(); from += 500) {
                dsl.select(ASSESSMENT_ANSWER.ASSESSMENT_ID, ASSESSMENT_ANSWER.ITEM_ID, ASSESSMENT_ANSWER.STATE).from(ASSESSMENT_ANSWER)
                        .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.in(ids.subList(from, Math.min(from + 500, ids.size()))),
                                ASSESSMENT_ANSWER.DELETED.isFalse())
                        .forEach(a -> stored.computeIfAbsent(a.value1(), k -> new HashMap<>()).put(a.value2(), a.value3()));
            }
            Map<String, Integer> seen = new HashMap<>();
            List<RowChange> changes = new ArrayList<>();
            int first = FieldTemplate.ASSESSMENT_COLUMNS.size();
            for (SheetRow row : rows) {
                int before = problems.size();
                Record essp = essp(row, "essp_uuid", "essp_code", seen);
                if (essp == null) {
                    continue;
                }
                LocalDate on = date(row, 3, "assessed_on");
                Record assessment = current.get(essp.get(ESSP.ID));
                Map<Integer, String> had = assessment == null ? Map.of() : stored.getOrDefault(assessment.get(ASSESSMENT.ID), Map.of());
                Map<Integer, AnswerState> answers = new LinkedHashMap<>();
                for (int i = 0; i < items.size(); i++) {
                    FieldTemplate.Item item = items.get(i);
                    String code = coded(row, first + i, item.code(), Vocabulary.ANSWER_STATE);
                    if (code != null && !code.equals(had.get(item.id()))) {
                        answers.put(item.id(), AnswerState.fromCode(code));
                    }
                }
                boolean dateChanged = on != null && assessment != null && !on.equals(assessment.get(ASSESSMENT.ASSESSED_ON));
                if (assessment == null && !answers.isEmpty() && on == null && problems.size() == before) {
                    problem(row, "assessed_on", "", Reason.REQUIRED_EMPTY);
                }
                if (assessment != null && AssessmentRepository.COMPLETE.equals(assessment.get(ASSESSMENT.STATUS))
                        && (dateChanged || !answers.isEmpty())) {
                    problem(row, "assessed_on", String.valueOf(on), Reason.ASSESSMENT_COMPLETE);
                }
                if (problems.size() > before) {
                    continue;
                }
                changes.add(new AnswersChange(row.number(), essp.get(ESSP.ID), assessment == null ? null : assessment.get(ASSESSMENT.ID),
                        on, dateChanged, answers, answers.size() + (dateChanged ? 1 : 0)));
            }
            return changes;
        }
    }

    // ------------------------------------------------------------------ apply

    /**
     * Writes the rows of a check in one transaction: all of them when the check found no problem, or, when
     * {@code validRowsOnly} (the user's explicit choice after reviewing the report), only the rows without a problem.
     *
     * @throws IllegalStateException when the check found problems and the user did not choose the valid rows only, or
     *                               a problem concerns the file, a sheet or a column
     */
    public static Result apply(DSLContext dsl, EditContext edit, Check check, boolean validRowsOnly) {
        if (check.meta() == null || check.structural() || (!check.valid() && !validRowsOnly)) {
            throw new IllegalStateException("the workbook has problems: nothing imported");
        }
        List<RowChange> rows = check.validRows();
        int[] changed = new int[2];
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            EsspEditRepository essps = new EsspEditRepository(t, edit);
            AssessmentRepository assessments = new AssessmentRepository(t, edit);
            DataFlowRepository flows = new DataFlowRepository(t, edit);
            StaffRepository staff = new StaffRepository(t, edit);
            ComplaintRepository complaints = new ComplaintRepository(t, edit);
            DataFlowRepository observations = new DataFlowRepository(t, edit);
            TrainingRepository training = new TrainingRepository(t);
            int versionId = FieldTemplate.catalogue(t).get(PMS_CATALOGUE_VERSION.ID);
            for (RowChange row : rows) {
                if (row.changedValues() == 0) {
                    continue;
                }
                switch (row) {
                    case EsspChange e when e.esspId() == 0 -> {
                        essps.create(e.draft());
                        changed[0]++;
                    }
                    case EsspChange e -> {
                        int version = version(t, ESSP, e.esspId());
                        if (essps.update(e.esspId(), version, e.draft()) != version) {
                            changed[0]++;
                        }
                    }
                    case AnswersChange a -> {
                        Integer id = a.assessmentId();
                        if (id == null) {
                            id = assessments.start(a.esspId(), versionId, a.assessedOn(), null);
                        } else if (a.dateChanged()) {
                            int version = version(t, ASSESSMENT, id);
                            SyncedRows.update(t, edit, ASSESSMENT, id, version, Map.of(ASSESSMENT.ASSESSED_ON, a.assessedOn()));
                        }
                        int assessmentId = id;
                        Map<Integer, Record> kept = new HashMap<>();
                        t.select(ASSESSMENT_ANSWER.ITEM_ID, ASSESSMENT_ANSWER.SOURCE, ASSESSMENT_ANSWER.COMMENT).from(ASSESSMENT_ANSWER)
                                .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_ANSWER.DELETED.isFalse())
                                .forEach(r -> kept.put(r.value1(), r));
                        a.answers().forEach((itemId, state) -> {
                            Record k = kept.get(itemId);
                            assessments.answer(assessmentId, itemId, state, k == null ? null : k.get(ASSESSMENT_ANSWER.SOURCE),
                                    k == null ? null : k.get(ASSESSMENT_ANSWER.COMMENT));
                        });
                        changed[0]++;
                    }
                    case StaffChange c -> {
                        if (c.positionId() == null) {
                            staff.create(c.draft(), c.uuid());
                        } else {
                            int id = c.positionId();
                            staff.update(id, version(t, STAFF_POSITION, id), c.draft());
                        }
                        changed[0]++;
                    }
                    case ComplaintChange c -> {
                        Integer version = c.sampleId() == null ? null
                                : version(t, COMPLAINT_SAMPLE, c.sampleId());
                        complaints.saveSample(c.esspId(), c.sampleId(), version, c.values(), c.notes(), c.uuid());
                        changed[0]++;
                    }
                    case ObservationChange c -> {
                        DataFlowData.Observation o = c.observation();
                        int version = o.id() == 0 ? 0 : version(t, DATA_FLOW_OBSERVATION, o.id());
                        observations.saveObservation(new DataFlowData.Observation(o.id(), version, o.linkId(), o.esspId(), o.period(),
                                o.expected(), o.received(), o.onTime(), o.delayDays(), o.notes()));
                        changed[0]++;
                    }
                    case AttendanceChange c -> {
                        Integer version = t.select(TRAINING_ATTENDANCE.VERSION).from(TRAINING_ATTENDANCE)
                                .where(TRAINING_ATTENDANCE.SESSION_ID.eq(c.sessionId()), TRAINING_ATTENDANCE.PARTICIPANT_ID.eq(c.participantId()),
                                        TRAINING_ATTENDANCE.DELETED.isFalse()).fetchOne(TRAINING_ATTENDANCE.VERSION);
                        training.setAttendance(edit, c.sessionId(), c.participantId(), version, c.hoursAttended() > 0, c.hoursAttended());
                        changed[0]++;
                    }
                    case RecountChange c -> {
                        DataFlowData.Recount r = c.recount();
                        int version = r.id() == 0 ? 0 : version(t, DATA_VERIFICATION, r.id());
                        flows.saveRecount(new DataFlowData.Recount(r.id(), version, r.esspId(), r.indicator().strip(), r.period(),
                                r.recounted(), r.reported(), r.reason(), r.notes()));
                        changed[0]++;
                    }
                }
                changed[1] += row.changedValues();
            }
        });
        return new Result(rows.size(), changed[0], changed[1]);
    }

    /** The stored version of row {@code id} of a synced table (the version an update must name). */
    private static int version(DSLContext dsl, org.jooq.Table<?> table, int id) {
        return SyncedRows.currentVersions(dsl, table, List.of(id)).get(id);
    }
}
