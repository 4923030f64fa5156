package ma.essp.diag.app.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.export.AtomicFileWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Copy and export of the data tables of the window, one helper for all of them: each table (and tree table) of a
 * screen gets a context menu — also opened with the context-menu key or Shift+F10 — with "Copy" (the selected rows as
 * tab-separated text, Ctrl+C too), "Export the table to Excel…" and "…to CSV…". An export writes exactly what the
 * table shows: its visible columns in their current order with their headers, its rows as they are filtered and
 * sorted (a tree table: its expanded rows), read on the FX thread and written in the background.
 * <p>
 * Values: a cell whose data is a number stays a number; a text that is a number as the window writes it ({@code 12 000},
 * {@code 0,7} in French) is read back as that number (a code with a leading zero, {@code 0151}, stays text); a
 * {@link FilterChoice} is its label. A column whose data is some other object says what to export with
 * {@link #exportAs}. The marks that keep Arabic text wrapping and codes left to right on screen are removed.
 * <p>
 * Files: xlsx with numbers as numbers, the header row bold and frozen (right to left in Arabic); CSV in UTF-8 with a
 * byte order mark (so that Excel reads accents and Arabic), {@code ;} as separator (what Excel opens in one click on a
 * French Windows) and numbers written the same way whatever the window's language: a point as decimal separator, no
 * thousands separator ({@code 12000}, {@code 0.67}), so that scripts and other tools read them; to open the figures
 * in Excel as numbers, use the xlsx. Texts are neutralised against CSV injection ({@link CsvWriter}). A file that exists
 * is replaced only after a question, as in the reports area; a failed write leaves the previous file as it was
 * ({@link AtomicFileWriter}).
 */
public final class TableExport {

    /** The column property holding the {@code Function<row item, value>} an export writes instead of the cell data. */
    private static final String EXPORT_VALUE = TableExport.class.getName() + ".value";
    /** The column property holding the full header when the column shows a shortened one. */
    private static final String FULL_HEADER = TableExport.class.getName() + ".header";
    private static final String INSTALLED = TableExport.class.getName() + ".installed";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SHIFT_F10 = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);
    /** Invisible direction marks and isolates the window adds to texts on screen. */
    private static final Pattern MARKS = Pattern.compile("[\u200E\u200F\u202A-\u202E\u2066-\u2069]");

    /** The formats a table is exported to. */
    public enum Format {
        XLSX("xlsx", "table.export.filter.xlsx"), CSV("csv", "table.export.filter.csv");

        private final String extension;
        private final String filterKey;

        Format(String extension, String filterKey) {
            this.extension = extension;
            this.filterKey = filterKey;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * What a table shows, as exported: headers, then rows of cells, each a {@link Number}, a {@link String} or null
     * (empty).
     */
    public record Table(List<String> headers, List<List<Object>> rows) {
    }

    /** What an export needs from the window: the words, the dialogs, the background executor, where files go first. */
    public record Context(I18n i18n, DialogService dialogs, TaskExecutor executor, Path folder, Supplier<String> title) {
    }

    private TableExport() {
    }

    /** Tells the export to write {@code value} of each row for this column (its cell data is no text or number). */
    public static <S> void exportAs(TableColumn<S, ?> column, Function<S, ?> value) {
        column.getProperties().put(EXPORT_VALUE, value);
    }

    /** As {@link #exportAs(TableColumn, Function)}, for a tree table's column: {@code value} of each row's value. */
    public static <S> void exportAs(TreeTableColumn<S, ?> column, Function<S, ?> value) {
        column.getProperties().put(EXPORT_VALUE, value);
    }

    /** The full header of a column that shows a shortened one (the export writes the full one). */
    public static void fullHeader(TableColumnBase<?, ?> column, String header) {
        column.getProperties().put(FULL_HEADER, header);
    }

    // ------------------------------------------------------------------ reading a table

    /** The table as shown: visible columns in order, rows as filtered and sorted; only the selected rows if asked. */
    public static Table of(TableView<?> table, boolean selectedOnly, I18n i18n) {
        return snapshot(table, selectedOnly, new NumberReader(i18n.formatLocale()));
    }

    /** The tree table as shown: visible columns in order, expanded rows from the top; only the selected ones if asked. */
    public static Table of(TreeTableView<?> tree, boolean selectedOnly, I18n i18n) {
        return snapshot(tree, selectedOnly, new NumberReader(i18n.formatLocale()));
    }

    private static <S> Table snapshot(TableView<S> table, boolean selectedOnly, NumberReader numbers) {
        List<TableColumn<S, ?>> columns = List.copyOf(table.getVisibleLeafColumns());
        List<S> items;
        if (selectedOnly) {
            items = table.getSelectionModel().getSelectedIndices().stream().sorted()
                    .filter(i -> i >= 0 && i < table.getItems().size()).map(i -> table.getItems().get(i)).toList();
        } else {
            items = List.copyOf(table.getItems());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (S item : items) {
            List<Object> row = new ArrayList<>(columns.size());
            for (TableColumn<S, ?> c : columns) {
                row.add(value(c, item, c.getCellData(item), numbers));
            }
            rows.add(row);
        }
        return new Table(columns.stream().map(TableExport::header).toList(), rows);
    }

    private static <S> Table snapshot(TreeTableView<S> tree, boolean selectedOnly, NumberReader numbers) {
        List<TreeTableColumn<S, ?>> columns = List.copyOf(tree.getVisibleLeafColumns());
        List<TreeItem<S>> items = new ArrayList<>();
        if (selectedOnly) {
            tree.getSelectionModel().getSelectedIndices().stream().sorted().map(tree::getTreeItem)
                    .filter(java.util.Objects::nonNull).forEach(items::add);
        } else {
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                items.add(tree.getTreeItem(i));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TreeItem<S> item : items) {
            List<Object> row = new ArrayList<>(columns.size());
            for (TreeTableColumn<S, ?> c : columns) {
                row.add(value(c, item.getValue(), c.getCellData(item), numbers));
            }
            rows.add(row);
        }
        return new Table(columns.stream().map(TableExport::header).toList(), rows);
    }

    private static String header(TableColumnBase<?, ?> column) {
        Object full = column.getProperties().get(FULL_HEADER);
        String text = full instanceof String s ? s : column.getText();
        if ((text == null || text.isBlank()) && column.getGraphic() instanceof Label label) {
            text = label.getText();
        }
        text = clean(text);
        TableColumnBase<?, ?> parent = column.getParentColumn();
        return parent == null ? text : header(parent) + " / " + text;
    }

    @SuppressWarnings("unchecked")
    private static Object value(TableColumnBase<?, ?> column, Object item, Object cellData, NumberReader numbers) {
        Object raw = column.getProperties().get(EXPORT_VALUE) instanceof Function<?, ?> f ? ((Function<Object, ?>) f).apply(item) : cellData;
        return switch (raw) {
            case null -> null;
            case Double d when d.isNaN() || d.isInfinite() -> null;
            case Float d when d.isNaN() || d.isInfinite() -> null;
            case Number n -> n;
            case FilterChoice choice -> clean(choice.label());
            case String s -> numbers.read(clean(s));
            default -> clean(raw.toString());
        };
    }

    private static String clean(String text) {
        return text == null ? "" : MARKS.matcher(text).replaceAll("").strip();
    }

    /** Reads a number as the window writes it in its language; anything else stays text. */
    static final class NumberReader {

        private final char decimal;
        private final Pattern shape;

        NumberReader(Locale locale) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            decimal = symbols.getDecimalSeparator();
            String grouping = Pattern.quote(String.valueOf(symbols.getGroupingSeparator()));
            if (Character.isSpaceChar(symbols.getGroupingSeparator())) {
                grouping = "[ \u00A0\u202F]"; // French groups with a (narrow) no-break space; typed text with a space
            }
            // no leading zero (a code such as 0151 stays text), whole groups of three after the first
            shape = Pattern.compile("[-\u2212]?(0|[1-9]\\d{0,2}(" + grouping + "\\d{3})+|[1-9]\\d*)(" + Pattern.quote(String.valueOf(decimal))
                    + "\\d+)?");
        }

        Object read(String text) {
            if (text.isEmpty()) {
                return null;
            }
            if (!shape.matcher(text).matches()) {
                return text;
            }
            StringBuilder plain = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (Character.isDigit(c)) {
                    plain.append(c);
                } else if (c == decimal) {
                    plain.append('.');
                } else if (c == '-' || c == '\u2212') {
                    plain.append('-');
                }
            }
            String p = plain.toString();
            try {
                return p.indexOf('.') >= 0 ? (Object) Double.valueOf(p) : (Object) Long.valueOf(p);
            } catch (NumberFormatException e) {
                return text; // more digits than a long holds: kept as written
            }
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code table} as an xlsx workbook of one sheet (numbers as numbers); right to left when asked. */
    public static void writeXlsx(Table table, Path file, String sheetName, boolean rightToLeft) throws Exception {
        AtomicFileWriter.write(file, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName == null || sheetName.isBlank() ? "Export" : sheetName));
                sheet.setRightToLeft(rightToLeft);
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                int[] widths = new int[table.headers().size()];
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.headers().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.headers().get(c));
                    cell.setCellStyle(bold);
                    widths[c] = table.headers().get(c).length();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> cells = table.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                        widths[c] = Math.max(widths[c], v.toString().length());
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
                }
                sheet.createFreezePane(0, 1);
                workbook.write(out);
            }
        });
    }

    /** Writes {@code table} as CSV: UTF-8 with a byte order mark, {@code ;}, numbers with a decimal point. */
    public static void writeCsv(Table table, Path file) throws Exception {
        AtomicFileWriter.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CsvWriter csv = new CsvWriter(writer, ';');
            for (String h : table.headers()) {
                csv.text(h);
            }
            csv.endLine();
            for (List<Object> row : table.rows()) {
                for (Object v : row) {
                    if (v instanceof Number n) {
                        csv.number(plain(n));
                    } else {
                        csv.text(v == null ? null : v.toString());
                    }
                }
                csv.endLine();
            }
            csv.flush();
        });
    }

    /** A number as the CSV writes it: {@code 12000}, {@code 0.67}, {@code -3.5}. */
    static String plain(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        return d.stripTrailingZeros().toPlainString();
    }

    /** Rows as tab-separated lines for the clipboard, numbers written as the window shows them (to paste in Excel). */
    public static String tabSeparated(Table table, I18n i18n) {
        NumberFormat decimals = NumberFormat.getNumberInstance(i18n.formatLocale());
        decimals.setMaximumFractionDigits(6);
        StringBuilder text = new StringBuilder();
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    text.append('\t');
                }
                Object v = row.get(c);
                String cell = switch (v) {
                    case null -> "";
                    case Long n -> i18n.formatNumber(n);
                    case Integer n -> i18n.formatNumber(n);
                    case Number n -> decimals.format(n);
                    default -> v.toString();
                };
                text.append(cell.replaceAll("[\t\r\n]+", " "));
            }
            text.append('\n');
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ the menu

    /** Installs the menu on every table and tree table inside {@code root} (in tabs, split, scroll and titled panes). */
    public static void installAll(Node root, Context context) {
        for (Control table : tables(root)) {
            install(table, context);
        }
    }

    /** The tables and tree tables inside {@code node}, looking into tabs, split, scroll and titled panes not shown yet. */
    public static List<Control> tables(Node node) {
        List<Control> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(Node node, List<Control> found) {
        switch (node) {
            case null -> { }
            case TableView<?> table -> found.add(table);
            case TreeTableView<?> tree -> found.add(tree);
            case SplitPane split -> split.getItems().forEach(item -> collect(item, found));
            case TabPane tabs -> tabs.getTabs().stream().map(Tab::getContent).forEach(content -> collect(content, found));
            case ScrollPane scroll -> collect(scroll.getContent(), found);
            case TitledPane titled -> collect(titled.getContent(), found);
            case Parent parent -> parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
            default -> { }
        }
    }

    /**
     * Adds Copy / Export to Excel / Export to CSV to the context menu of {@code table} (a {@link TableView} or a
     * {@link TreeTableView}), after the items it already has; Ctrl+C copies, the context-menu key and Shift+F10 open
     * the menu at the focused row.
     */
    public static void install(Control table, Context context) {
        if (!(table instanceof TableView<?> || table instanceof TreeTableView<?>) || table.getProperties().containsKey(INSTALLED)) {
            return;
        }
        table.getProperties().put(INSTALLED, Boolean.TRUE);
        I18n i18n = context.i18n();
        MenuItem copy = new MenuItem(i18n.get("table.copy"));
        copy.setOnAction(e -> copy(table, i18n));
        MenuItem xlsx = new MenuItem(i18n.get("table.export.xlsx"));
        xlsx.setOnAction(e -> export(table, Format.XLSX, context));
        MenuItem csv = new MenuItem(i18n.get("table.export.csv"));
        csv.setOnAction(e -> export(table, Format.CSV, context));
        ContextMenu menu = table.getContextMenu();
        if (menu == null) {
            menu = new ContextMenu();
            table.setContextMenu(menu);
        } else if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().addAll(copy, xlsx, csv);
        copy.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> selectedCount(table) == 0,
                selectedIndices(table)));
        KeyboardMenu.attach(table);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy(table, i18n);
                e.consume();
            }
        });
    }

    private static javafx.collections.ObservableList<Integer> selectedIndices(Control table) {
        return table instanceof TableView<?> t ? t.getSelectionModel().getSelectedIndices()
                : ((TreeTableView<?>) table).getSelectionModel().getSelectedIndices();
    }

    private static int selectedCount(Control table) {
        return selectedIndices(table).size();
    }

    /** The table as shown (all rows, or only the selected ones). */
    public static Table of(Control table, boolean selectedOnly, I18n i18n) {
        return table instanceof TableView<?> t ? of(t, selectedOnly, i18n) : of((TreeTableView<?>) table, selectedOnly, i18n);
    }

    /** Copies the selected rows, tab-separated, to the clipboard; nothing when no row is selected. */
    static void copy(Control table, I18n i18n) {
        Table selected = of(table, true, i18n);
        if (selected.rows().isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(tabSeparated(selected, i18n));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Exports the table as shown now: asks for the file (suggesting the area's and tab's names), asks before replacing
     * one, writes in the background and says where it went (or why it could not).
     */
    public static void export(Control table, Format format, Context context) {
        I18n i18n = context.i18n();
        Table shown = of(table, false, i18n);
        String name = fileName(table, context.title().get());
        String title = i18n.get("table.export.title");
        var chosen = context.dialogs().chooseFileToSave(title, context.folder(), name + "." + format.extension(),
                i18n.get(format.filterKey), "*." + format.extension());
        if (chosen.isEmpty()) {
            return;
        }
        Path out = chosen.get();
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + format.extension())) {
            out = out.resolveSibling(out.getFileName() + "." + format.extension());
        }
        if (Files.isRegularFile(out) && !context.dialogs().confirm(i18n.get("reports.overwrite.title"),
                i18n.get("reports.overwrite.message", out.getFileName().toString(), out.toAbsolutePath().getParent().toString()))) {
            return; // the existing file stays as it is
        }
        Path file = out;
        boolean rightToLeft = i18n.rightToLeft();
        context.executor().execute(BackgroundTask.wrap(() -> {
                    if (format == Format.XLSX) {
                        writeXlsx(shown, file, name, rightToLeft);
                    } else {
                        writeCsv(shown, file);
                    }
                    return file;
                })
                .onSuccess(p -> context.dialogs().showInformation(title, null,
                        i18n.get("table.export.done", i18n.formatNumber(shown.rows().size()), p)))
                .onFailure(e -> context.dialogs().showError(title, i18n.get("table.export.error", Failures.reason(e, i18n)))));
    }

    /** The name suggested for a table's file: the area's title and the selected tab(s) around the table. */
    static String fileName(Control table, String areaTitle) {
        List<String> parts = new ArrayList<>();
        for (Node n = table; n != null; n = n.getParent()) {
            if (n instanceof TabPane tabs && tabs.getSelectionModel().getSelectedItem() != null) {
                parts.addFirst(tabs.getSelectionModel().getSelectedItem().getText());
            }
        }
        if (areaTitle != null && !areaTitle.isBlank()) {
            parts.addFirst(areaTitle);
        }
        String name = String.join(" - ", parts.stream().map(TableExport::clean).filter(s -> !s.isEmpty()).toList())
                .replaceAll("[\\\\/:*?\"<>|]+", "-").strip();
        return name.isEmpty() ? "export" : name;
    }

    /** Opens a control's context menu from the keyboard (context-menu key, Shift+F10) at its focused row. */
    static final class KeyboardMenu {

        private KeyboardMenu() {
        }

        static void attach(Control control) {
            control.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if ((e.getCode() == KeyCode.CONTEXT_MENU || SHIFT_F10.match(e)) && control.getContextMenu() != null) {
                    show(control);
                    e.consume();
                }
            });
            // the platform may also send its own keyboard menu request for the same key: the menu is open already
            control.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                if (e.isKeyboardTrigger() && control.getContextMenu() != null && control.getContextMenu().isShowing()) {
                    e.consume();
                }
            });
        }

        static void show(Control control) {
            ContextMenu menu = control.getContextMenu();
            if (menu.isShowing()) {
                return;
            }
            Node anchor = focusedRow(control);
            Bounds b = (anchor == null ? control : anchor).localToScreen((anchor == null ? control : anchor).getBoundsInLocal());
            if (b == null) {
                return;
            }
            boolean rightToLeft = control.getEffectiveNodeOrientation() == javafx.geometry.NodeOrientation.RIGHT_TO_LEFT;
            // right to left, the menu opens leftwards from the row's right edge
            menu.setAnchorLocation(rightToLeft ? javafx.stage.PopupWindow.AnchorLocation.CONTENT_TOP_RIGHT
                    : javafx.stage.PopupWindow.AnchorLocation.CONTENT_TOP_LEFT);
            double x = rightToLeft ? b.getMaxX() - 8 : b.getMinX() + 8;
            double y = anchor == null ? b.getMinY() + 30 : b.getMaxY();
            menu.show(control, x, y);
        }

        private static Node focusedRow(Control control) {
            int focused = control instanceof TableView<?> t ? t.getFocusModel().getFocusedIndex()
                    : control instanceof TreeTableView<?> tree ? tree.getFocusModel().getFocusedIndex() : -1;
            if (focused < 0) {
                return null;
            }
            for (Node n : control.lookupAll(".indexed-cell")) {
                if (n instanceof IndexedCell<?> cell && cell.getIndex() == focused && cell.isVisible()
                        && (cell.getStyleClass().contains("table-row-cell") || cell.getStyleClass().contains("tree-table-row-cell"))) {
                    return cell;
                }
            }
            return null;
        }
    }
}
