package ma.essp.diag.reporting.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.repository.CatalogueSnapshot;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The PMS catalogue as an Excel workbook, so the team can discuss it outside the application: sheets
 * {@code Version}, {@code Areas}, {@code Services} (one requirement column per ESSP category) and {@code Items}.
 * Columns are found by their header, in any order; extra columns are ignored.
 *
 * <p>Import validates the whole workbook first and reports every problem with file, sheet, row and column; only
 * a clean workbook is written, as a new draft version, in one transaction.
 */
public final class CatalogueWorkbook {

    public static final String VERSION = "Version";
    public static final String AREAS = "Areas";
    public static final String SERVICES = "Services";
    public static final String ITEMS = "Items";

    static final List<String> AREA_COLUMNS = List.of("code", "label_fr", "label_en", "label_ar", "sort_order");
    static final List<String> SERVICE_COLUMNS = List.of("code", "area", "label_fr", "label_en", "label_ar", "sort_order");
    static final List<String> ITEM_COLUMNS = List.of("code", "service", "domain", "label_fr", "label_en", "label_ar",
            "in_scope", "note", "sort_order");
    private static final Set<String> REQUIREMENTS = Set.of("required", "optional", "not_expected");

    private CatalogueWorkbook() {
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes one version to {@code out} atomically ({@link AtomicOutput}: a partial file never replaces a good one),
     * never over a mission or anything else {@link OutputTarget} refuses.
     *
     * @throws ma.essp.diag.database.files.OutputRefusedException if {@code out} is refused (nothing written)
     */
    public static void export(CatalogueSnapshot snapshot, CatalogueVersionRepository.VersionInfo version,
                              List<String> categories, Path out) throws IOException {
        AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> write(snapshot, version, categories, part));
    }

    private static void write(CatalogueSnapshot snapshot, CatalogueVersionRepository.VersionInfo version,
                              List<String> categories, Path part) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); OutputStream stream = Files.newOutputStream(part)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet info = wb.createSheet(VERSION);
            String[][] meta = {{"label", version.label()}, {"status", version.status()},
                    {"based_on", version.basedOnId() == null ? "" : version.basedOnId().toString()},
                    {"published_on", version.publishedOn() == null ? "" : version.publishedOn().toString()},
                    {"notes", version.notes() == null ? "" : version.notes()},
                    {"help", "Requirement cells: required, optional, not_expected (blank: not stated). in_scope: 1 or 0. "
                            + "A blank service makes a general readiness item."}};
            for (int i = 0; i < meta.length; i++) {
                Row row = info.createRow(i);
                row.createCell(0).setCellValue(meta[i][0]);
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(meta[i][1]);
            }

            Sheet areas = header(wb.createSheet(AREAS), AREA_COLUMNS, bold);
            int r = 1;
            for (CatalogueSnapshot.Area a : snapshot.areas()) {
                cells(areas.createRow(r++), a.code(), a.labelFr(), a.labelEn(), a.labelAr(), a.sortOrder());
            }

            List<String> serviceColumns = new ArrayList<>(SERVICE_COLUMNS);
            categories.forEach(c -> serviceColumns.add("req_" + c));
            Sheet services = header(wb.createSheet(SERVICES), serviceColumns, bold);
            Map<String, Map<String, String>> requirements = new HashMap<>();
            snapshot.requirements().forEach(q -> requirements.computeIfAbsent(q.serviceCode(), k -> new HashMap<>())
                    .put(q.categoryCode(), q.requirement()));
            r = 1;
            for (CatalogueSnapshot.Service s : snapshot.services()) {
                Row row = services.createRow(r++);
                cells(row, s.code(), s.areaCode(), s.labelFr(), s.labelEn(), s.labelAr(), s.sortOrder());
                int c = SERVICE_COLUMNS.size();
                for (String category : categories) {
                    String value = requirements.getOrDefault(s.code(), Map.of()).get(category);
                    if (value != null) {
                        row.createCell(c).setCellValue(value);
                    }
                    c++;
                }
            }

            Sheet items = header(wb.createSheet(ITEMS), ITEM_COLUMNS, bold);
            r = 1;
            for (CatalogueSnapshot.Item i : snapshot.items()) {
                cells(items.createRow(r++), i.code(), i.serviceCode(), i.domainCode(), i.labelFr(), i.labelEn(), i.labelAr(),
                        i.inScope() ? 1 : 0, i.note(), i.sortOrder());
            }
            for (Sheet sheet : List.of(areas, services, items)) {
                sheet.createFreezePane(0, 1);
                for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
                    sheet.setColumnWidth(c, c < 2 ? 14 * 256 : 28 * 256);
                }
            }
            wb.write(stream);
        }
    }

    private static Sheet header(Sheet sheet, List<String> columns, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(bold);
        }
        return sheet;
    }

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }

    // ------------------------------------------------------------------ import

    /**
     * Reads and validates a workbook. Every problem is collected (not only the first) so the team can fix the file
     * in one go.
     *
     * @param domainScopes SARA domain code to scope (general / service)
     * @param categories   the category codes a {@code req_<CATEGORY>} column may name
     * @throws CatalogueImportException with every problem found
     */
    public static CatalogueSnapshot read(Path file, Map<String, String> domainScopes, List<String> categories)
            throws CatalogueImportException {
        String name = file.getFileName().toString();
        List<CatalogueImportProblem> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            throw new CatalogueImportException(List.of(new CatalogueImportProblem(name, null, null, null, "no such file")));
        }
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Reader reader = new Reader(name, wb, problems);
            CatalogueSnapshot snapshot = reader.read(domainScopes, categories);
            if (!problems.isEmpty()) {
                throw new CatalogueImportException(problems);
            }
            return snapshot;
        } catch (IOException | org.apache.poi.EmptyFileException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new CatalogueImportException(List.of(new CatalogueImportProblem(name, null, null, null,
                    "not a readable Excel workbook (" + e.getMessage() + ")")));
        }
    }

    /** Validates, then writes the workbook as a new draft version in one transaction; returns its id. */
    public static int importAsDraft(Path file, CatalogueVersionRepository repository, String label, Integer basedOnId)
            throws CatalogueImportException {
        CatalogueSnapshot snapshot = read(file, repository.domainScopes(), repository.requirementCategories());
        return repository.createDraft(snapshot, label, basedOnId, "Imported from " + file.getFileName());
    }

    /** One pass over the three sheets, collecting problems. */
    private static final class Reader {
        private final String file;
        private final Workbook wb;
        private final List<CatalogueImportProblem> problems;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

        Reader(String file, Workbook wb, List<CatalogueImportProblem> problems) {
            this.file = file;
            this.wb = wb;
            this.problems = problems;
        }

        CatalogueSnapshot read(Map<String, String> domainScopes, List<String> categories) {
            List<CatalogueSnapshot.Area> areas = new ArrayList<>();
            List<CatalogueSnapshot.Service> services = new ArrayList<>();
            List<CatalogueSnapshot.Item> items = new ArrayList<>();
            List<CatalogueSnapshot.Requirement> requirements = new ArrayList<>();

            Table areaSheet = table(AREAS, AREA_COLUMNS);
            Set<String> areaCodes = new HashSet<>();
            if (areaSheet != null) {
                for (Row row : areaSheet.rows()) {
                    String code = areaSheet.required(row, "code");
                    String label = areaSheet.required(row, "label_fr");
                    Integer sort = areaSheet.integer(row, "sort_order");
                    if (code != null && !areaCodes.add(code)) {
                        areaSheet.problem(row, "code", "duplicate area code " + code);
                    }
                    areas.add(new CatalogueSnapshot.Area(code, label, areaSheet.text(row, "label_en"),
                            areaSheet.text(row, "label_ar"), sort == null ? 0 : sort));
                }
            }

            Table serviceSheet = table(SERVICES, SERVICE_COLUMNS);
            Map<String, Integer> serviceCodes = new HashMap<>();
            if (serviceSheet != null) {
                Map<String, String> requirementColumns = new LinkedHashMap<>();
                for (String header : serviceSheet.headers.keySet()) {
                    if (header.startsWith("req_")) {
                        String category = header.substring(4);
                        if (categories.contains(category)) {
                            requirementColumns.put(header, category);
                        } else {
                            problems.add(new CatalogueImportProblem(file, SERVICES, 1, header,
                                    "unknown ESSP category " + category + " (expected one of " + String.join(", ", categories) + ")"));
                        }
                    }
                }
                for (Row row : serviceSheet.rows()) {
                    String code = serviceSheet.required(row, "code");
                    String area = serviceSheet.required(row, "area");
                    String label = serviceSheet.required(row, "label_fr");
                    Integer sort = serviceSheet.integer(row, "sort_order");
                    if (area != null && areaSheet != null && !areaCodes.contains(area)) {
                        serviceSheet.problem(row, "area", "unknown area " + area + " (not in sheet " + AREAS + ")");
                    }
                    if (code != null && serviceCodes.putIfAbsent(code, row.getRowNum() + 1) != null) {
                        serviceSheet.problem(row, "code", "duplicate service code " + code);
                    }
                    services.add(new CatalogueSnapshot.Service(code, area, label, serviceSheet.text(row, "label_en"),
                            serviceSheet.text(row, "label_ar"), sort == null ? 0 : sort));
                    requirementColumns.forEach((header, category) -> {
                        String value = serviceSheet.text(row, header);
                        if (value == null) {
                            return;
                        }
                        String normalised = value.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                        if (!REQUIREMENTS.contains(normalised)) {
                            serviceSheet.problem(row, header, "'" + value + "' is not one of required, optional, not_expected");
                        } else if (code != null) {
                            requirements.add(new CatalogueSnapshot.Requirement(code, category, normalised));
                        }
                    });
                }
            }

            Table itemSheet = table(ITEMS, ITEM_COLUMNS);
            Set<String> itemCodes = new HashSet<>();
            if (itemSheet != null) {
                for (Row row : itemSheet.rows()) {
                    String code = itemSheet.required(row, "code");
                    String service = itemSheet.text(row, "service");
                    String domain = itemSheet.required(row, "domain");
                    String label = itemSheet.required(row, "label_fr");
                    Integer sort = itemSheet.integer(row, "sort_order");
                    Boolean inScope = itemSheet.flag(row, "in_scope");
                    if (code != null && !itemCodes.add(code)) {
                        itemSheet.problem(row, "code", "duplicate item code " + code);
                    }
                    if (service != null && serviceSheet != null && !serviceCodes.containsKey(service)) {
                        itemSheet.problem(row, "service", "unknown service " + service + " (not in sheet " + SERVICES + ")");
                    }
                    if (domain != null) {
                        String scope = domainScopes.get(domain);
                        if (scope == null) {
                            itemSheet.problem(row, "domain", "unknown domain " + domain + " (expected one of "
                                    + String.join(", ", domainScopes.keySet()) + ")");
                        } else if (service == null && !"general".equals(scope)) {
                            itemSheet.problem(row, "domain", "a general item (no service) needs a general readiness domain, not " + domain);
                        } else if (service != null && "general".equals(scope)) {
                            itemSheet.problem(row, "domain", "an item of service " + service + " needs a service domain, not " + domain);
                        }
                    }
                    items.add(new CatalogueSnapshot.Item(code, service, domain, label, itemSheet.text(row, "label_en"),
                            itemSheet.text(row, "label_ar"), inScope == null || inScope, itemSheet.text(row, "note"),
                            sort == null ? 0 : sort));
                }
            }
            return new CatalogueSnapshot(areas, services, items, requirements);
        }

        /** A sheet with its header row checked; null (and a problem) when missing. */
        private Table table(String sheetName, List<String> requiredColumns) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                problems.add(new CatalogueImportProblem(file, sheetName, null, null, "sheet missing"));
                return null;
            }
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> headers = new LinkedHashMap<>();
            if (header != null) {
                for (Cell cell : header) {
                    String text = formatter.formatCellValue(cell).trim().toLowerCase(Locale.ROOT);
                    if (!text.isEmpty()) {
                        // requirement columns keep the category's case (req_CSR-1)
                        headers.put(text.startsWith("req_") ? "req_" + formatter.formatCellValue(cell).trim().substring(4) : text,
                                cell.getColumnIndex());
                    }
                }
            }
            boolean complete = true;
            for (String column : requiredColumns) {
                if (!headers.containsKey(column)) {
                    problems.add(new CatalogueImportProblem(file, sheetName, header == null ? 1 : header.getRowNum() + 1, column,
                            "column missing from the header row"));
                    complete = false;
                }
            }
            return complete ? new Table(sheetName, sheet, header.getRowNum(), headers) : null;
        }

        private final class Table {
            final String name;
            final Sheet sheet;
            final int headerRow;
            final Map<String, Integer> headers;

            Table(String name, Sheet sheet, int headerRow, Map<String, Integer> headers) {
                this.name = name;
                this.sheet = sheet;
                this.headerRow = headerRow;
                this.headers = headers;
            }

            /** Data rows, blank rows skipped. */
            List<Row> rows() {
                List<Row> rows = new ArrayList<>();
                for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row != null && headers.values().stream().anyMatch(c -> !blank(row.getCell(c)))) {
                        rows.add(row);
                    }
                }
                return rows;
            }

            private boolean blank(Cell cell) {
                return cell == null || cell.getCellType() == CellType.BLANK || formatter.formatCellValue(cell).isBlank();
            }

            String text(Row row, String column) {
                Integer c = headers.get(column);
                if (c == null) {
                    return null;
                }
                Cell cell = row.getCell(c);
                if (cell == null) {
                    return null;
                }
                if (cell.getCellType() == CellType.FORMULA) {
                    problem(row, column, "formulas are not accepted; type the value");
                    return null;
                }
                String text = formatter.formatCellValue(cell).trim();
                return text.isEmpty() ? null : text;
            }

            String required(Row row, String column) {
                String text = text(row, column);
                if (text == null) {
                    problem(row, column, "required, but empty");
                }
                return text;
            }

            Integer integer(Row row, String column) {
                String text = text(row, column);
                if (text == null) {
                    return null;
                }
                try {
                    double d = Double.parseDouble(text.replace(',', '.'));
                    if (d != Math.rint(d)) {
                        throw new NumberFormatException();
                    }
                    return (int) d;
                } catch (NumberFormatException e) {
                    problem(row, column, "'" + text + "' is not a whole number");
                    return null;
                }
            }

            Boolean flag(Row row, String column) {
                String text = text(row, column);
                if (text == null) {
                    return null;
                }
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "1", "1.0", "yes", "oui", "true", "vrai" -> true;
                    case "0", "0.0", "no", "non", "false", "faux" -> false;
                    default -> {
                        problem(row, column, "'" + text + "' is not 1 or 0");
                        yield null;
                    }
                };
            }

            void problem(Row row, String column, String message) {
                problems.add(new CatalogueImportProblem(file, name, row.getRowNum() + 1, column, message));
            }
        }
    }
}
