package ma.essp.diag.reporting.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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
import ma.essp.diag.reporting.catalogue.CatalogueImportProblem.Reason;
import ma.essp.diag.reporting.catalogue.SheetStream.SheetRow;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
     * Data rows a sheet may hold (its header row aside). The starter catalogue has under 200 items; a sheet beyond
     * this is refused while it is read, before any of it is kept, so a wrong or huge file costs neither time nor
     * memory.
     */
    public static final int MAX_ROWS = 20_000;

    /** Sort orders are whole numbers in this range. */
    public static final int MIN_SORT_ORDER = 0;
    public static final int MAX_SORT_ORDER = 1_000_000;

    /**
     * Reads and validates a workbook. Every problem is collected (not only the first) so the team can fix the file
     * in one go. The file is streamed (POI's event API), never loaded whole.
     *
     * @param domainScopes SARA domain code to scope (general / service)
     * @param categories   the category codes a {@code req_<CATEGORY>} column may name
     * @throws CatalogueImportException with every problem found
     */
    public static CatalogueSnapshot read(Path file, Map<String, String> domainScopes, List<String> categories)
            throws CatalogueImportException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new CatalogueImportException(List.of(CatalogueImportProblem.ofFile(name, Reason.NO_SUCH_FILE)));
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException | org.apache.poi.EmptyFileException e) {
            throw new CatalogueImportException(List.of(CatalogueImportProblem.ofFile(name, Reason.NOT_A_WORKBOOK)), e);
        }
        if (magic == FileMagic.OLE2) {
            throw new CatalogueImportException(List.of(CatalogueImportProblem.ofFile(name, Reason.OLD_OR_PROTECTED_WORKBOOK)));
        }
        if (magic != FileMagic.OOXML) {
            throw new CatalogueImportException(List.of(CatalogueImportProblem.ofFile(name, Reason.NOT_A_WORKBOOK)));
        }
        Map<String, List<SheetRow>> sheets;
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            sheets = SheetStream.read(pkg, Set.of(AREAS, SERVICES, ITEMS), MAX_ROWS + 1);
        } catch (SheetStream.TooManyRows e) {
            throw new CatalogueImportException(List.of(new CatalogueImportProblem(name, e.sheet, null, null, Reason.TOO_MANY_ROWS,
                    List.of(Integer.toString(MAX_ROWS)))));
        } catch (Exception e) {
            // a zip of something else, a truncated file, a damaged part: whatever the library says, the file is not a
            // workbook we can read (its words go to the cause, for the log)
            throw new CatalogueImportException(List.of(CatalogueImportProblem.ofFile(name, Reason.NOT_A_WORKBOOK)), e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read-only: close without saving
            }
        }
        List<CatalogueImportProblem> problems = new ArrayList<>();
        CatalogueSnapshot snapshot = new Reader(name, sheets, problems).read(domainScopes, categories);
        if (!problems.isEmpty()) {
            throw new CatalogueImportException(problems);
        }
        return snapshot;
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
        private final Map<String, List<SheetRow>> sheets;
        private final List<CatalogueImportProblem> problems;

        Reader(String file, Map<String, List<SheetRow>> sheets, List<CatalogueImportProblem> problems) {
            this.file = file;
            this.sheets = sheets;
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
                for (SheetRow row : areaSheet.rows()) {
                    String code = areaSheet.required(row, "code");
                    String label = areaSheet.required(row, "label_fr");
                    Integer sort = areaSheet.sortOrder(row);
                    if (code != null && !areaCodes.add(code)) {
                        areaSheet.problem(row, "code", Reason.DUPLICATE_AREA, code);
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
                            problems.add(new CatalogueImportProblem(file, SERVICES, serviceSheet.headerRow, header,
                                    Reason.UNKNOWN_CATEGORY, List.of(category, String.join(", ", categories))));
                        }
                    }
                }
                for (SheetRow row : serviceSheet.rows()) {
                    String code = serviceSheet.required(row, "code");
                    String area = serviceSheet.required(row, "area");
                    String label = serviceSheet.required(row, "label_fr");
                    Integer sort = serviceSheet.sortOrder(row);
                    if (area != null && areaSheet != null && !areaCodes.contains(area)) {
                        serviceSheet.problem(row, "area", Reason.UNKNOWN_AREA, area);
                    }
                    if (code != null && serviceCodes.putIfAbsent(code, row.number()) != null) {
                        serviceSheet.problem(row, "code", Reason.DUPLICATE_SERVICE, code);
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
                            serviceSheet.problem(row, header, Reason.BAD_REQUIREMENT, value);
                        } else if (code != null) {
                            requirements.add(new CatalogueSnapshot.Requirement(code, category, normalised));
                        }
                    });
                }
            }

            Table itemSheet = table(ITEMS, ITEM_COLUMNS);
            Set<String> itemCodes = new HashSet<>();
            if (itemSheet != null) {
                for (SheetRow row : itemSheet.rows()) {
                    String code = itemSheet.required(row, "code");
                    String service = itemSheet.text(row, "service");
                    String domain = itemSheet.required(row, "domain");
                    String label = itemSheet.required(row, "label_fr");
                    Integer sort = itemSheet.sortOrder(row);
                    Boolean inScope = itemSheet.flag(row, "in_scope");
                    if (code != null && !itemCodes.add(code)) {
                        itemSheet.problem(row, "code", Reason.DUPLICATE_ITEM, code);
                    }
                    if (service != null && serviceSheet != null && !serviceCodes.containsKey(service)) {
                        itemSheet.problem(row, "service", Reason.UNKNOWN_SERVICE, service);
                    }
                    if (domain != null) {
                        String scope = domainScopes.get(domain);
                        if (scope == null) {
                            itemSheet.problem(row, "domain", Reason.UNKNOWN_DOMAIN, domain, String.join(", ", domainScopes.keySet()));
                        } else if (service == null && !"general".equals(scope)) {
                            itemSheet.problem(row, "domain", Reason.GENERAL_ITEM_DOMAIN, domain);
                        } else if (service != null && "general".equals(scope)) {
                            itemSheet.problem(row, "domain", Reason.SERVICE_ITEM_DOMAIN, service, domain);
                        }
                    }
                    items.add(new CatalogueSnapshot.Item(code, service, domain, label, itemSheet.text(row, "label_en"),
                            itemSheet.text(row, "label_ar"), inScope == null || inScope, itemSheet.text(row, "note"),
                            sort == null ? 0 : sort));
                }
            }
            return new CatalogueSnapshot(areas, services, items, requirements);
        }

        /** A sheet with its header row (its first row with a value) checked; null (and a problem) when missing. */
        private Table table(String sheetName, List<String> requiredColumns) {
            List<SheetRow> rows = sheets.get(sheetName);
            if (rows == null) {
                problems.add(new CatalogueImportProblem(file, sheetName, null, null, Reason.SHEET_MISSING, List.of()));
                return null;
            }
            SheetRow header = rows.isEmpty() ? null : rows.getFirst();
            Map<String, Integer> headers = new LinkedHashMap<>();
            if (header != null) {
                header.cells().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    String raw = e.getValue().text().trim();
                    String text = raw.toLowerCase(Locale.ROOT);
                    if (!text.isEmpty()) {
                        // requirement columns keep the category's case (req_CSR-1)
                        headers.put(text.startsWith("req_") ? "req_" + raw.substring(4) : text, e.getKey());
                    }
                });
            }
            int headerRow = header == null ? 1 : header.number();
            boolean complete = true;
            for (String column : requiredColumns) {
                if (!headers.containsKey(column)) {
                    problems.add(new CatalogueImportProblem(file, sheetName, headerRow, column, Reason.COLUMN_MISSING, List.of()));
                    complete = false;
                }
            }
            return complete ? new Table(sheetName, rows.subList(1, rows.size()), headerRow, headers) : null;
        }

        private final class Table {
            final String name;
            final List<SheetRow> data;
            final int headerRow;
            final Map<String, Integer> headers;

            Table(String name, List<SheetRow> data, int headerRow, Map<String, Integer> headers) {
                this.name = name;
                this.data = data;
                this.headerRow = headerRow;
                this.headers = headers;
            }

            /** Data rows, rows blank in every known column skipped. */
            List<SheetRow> rows() {
                return data.stream().filter(row -> headers.values().stream().anyMatch(c -> !blank(row.cells().get(c)))).toList();
            }

            private static boolean blank(SheetStream.CellValue cell) {
                return cell == null || (!cell.formula() && cell.text().isBlank());
            }

            private SheetStream.CellValue cell(SheetRow row, String column) {
                Integer c = headers.get(column);
                return c == null ? null : row.cells().get(c);
            }

            String text(SheetRow row, String column) {
                SheetStream.CellValue cell = cell(row, column);
                if (cell == null) {
                    return null;
                }
                if (cell.formula()) {
                    problem(row, column, Reason.FORMULA);
                    return null;
                }
                String text = cell.text().trim();
                return text.isEmpty() ? null : text;
            }

            String required(SheetRow row, String column) {
                SheetStream.CellValue cell = cell(row, column);
                String text = text(row, column);
                if (text == null && (cell == null || !cell.formula())) {
                    problem(row, column, Reason.REQUIRED_EMPTY);
                }
                return text;
            }

            /**
             * A whole number in [{@value #MIN_SORT_ORDER}, {@value #MAX_SORT_ORDER}]: a numeric cell with no fraction, or a
             * text of digits ("12", "12.0"). 2.5, 1e10, Infinity, NaN and -1 are refused, never rounded or clamped.
             */
            Integer sortOrder(SheetRow row) {
                String column = "sort_order";
                SheetStream.CellValue cell = cell(row, column);
                String text = text(row, column);
                if (text == null) {
                    return null;
                }
                BigDecimal value;
                try {
                    value = cell.number() != null ? new BigDecimal(cell.number().toString())
                            : new BigDecimal(text.replace(',', '.').replace("\u00A0", "").replace(" ", ""));
                } catch (NumberFormatException e) {
                    problem(row, column, Reason.NOT_WHOLE_NUMBER, text);
                    return null;
                }
                if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                    problem(row, column, Reason.NOT_WHOLE_NUMBER, text);
                    return null;
                }
                if (value.compareTo(BigDecimal.valueOf(MIN_SORT_ORDER)) < 0 || value.compareTo(BigDecimal.valueOf(MAX_SORT_ORDER)) > 0) {
                    problem(row, column, Reason.OUT_OF_RANGE, text, Integer.toString(MIN_SORT_ORDER), Integer.toString(MAX_SORT_ORDER));
                    return null;
                }
                return value.intValueExact();
            }

            Boolean flag(SheetRow row, String column) {
                String text = text(row, column);
                if (text == null) {
                    return null;
                }
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "1", "1.0", "yes", "oui", "true", "vrai" -> true;
                    case "0", "0.0", "no", "non", "false", "faux" -> false;
                    default -> {
                        problem(row, column, Reason.NOT_A_FLAG, text);
                        yield null;
                    }
                };
            }

            void problem(SheetRow row, String column, Reason reason, String... args) {
                problems.add(new CatalogueImportProblem(file, name, row.number(), column, reason, List.of(args)));
            }
        }
    }
}
