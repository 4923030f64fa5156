package ma.essp.diag.reporting.catalogue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the cells of a few sheets of an .xlsx package with SAX (POI's event API), never building the workbook in
 * memory (the catalogue import and the field templates' import read with it). One pass per sheet: the rows are counted
 * as they are read and the pass stops at the first row over the limit, so no more than the limit is ever kept (a
 * first pass that only counted rows, before this one, doubled the parsing of every valid file for no bound this one
 * lacks). Formula cells are marked, not evaluated.
 */
public final class SheetStream {

    /** A cell as read: its text as Excel shows it, its number when it is numeric, and whether it is a formula. */
    public record CellValue(String text, Double number, boolean formula) {
    }

    /** A row with at least one value: its 1-based number and its cells by 0-based column. */
    public record SheetRow(int number, Map<Integer, CellValue> cells) {
    }

    /** A sheet with more rows than allowed: stops the pass at once. */
    public static final class TooManyRows extends SAXException {
        public final String sheet;

        TooManyRows(String sheet) {
            super(sheet);
            this.sheet = sheet;
        }
    }

    private SheetStream() {
    }

    /**
     * The rows of the {@code wanted} sheets present in the package (absent sheets are not in the map).
     *
     * @param maxRows rows allowed per sheet, header included
     * @throws TooManyRows when a sheet has more rows than that
     */
    public static Map<String, List<SheetRow>> read(OPCPackage pkg, Set<String> wanted, int maxRows) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Map<String, List<SheetRow>> result = new LinkedHashMap<>();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                String name = sheets.getSheetName();
                if (wanted.contains(name) && !result.containsKey(name)) {
                    List<SheetRow> rows = new ArrayList<>();
                    parse(in, new RowHandler(name, maxRows, rows, strings, new Formats(styles, formatter)));
                    result.put(name, rows);
                }
            }
        }
        return result;
    }

    private static void parse(InputStream in, DefaultHandler handler) throws Exception {
        XMLReader xml = XMLHelper.newXMLReader(); // external entities off
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /**
     * The 0-based column of a cell reference such as {@code AB12} (its letters, base 26); what POI's
     * {@link CellReference} gives, without its parsing of sheet names and ranges (a regular expression per cell: a
     * tenth of the import's reading of a national sheet).
     */
    static int column(String reference) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char ch = reference.charAt(i);
            if (ch == '$' && letters == 0) {
                continue;
            }
            int letter = ch >= 'A' && ch <= 'Z' ? ch - 'A' : ch >= 'a' && ch <= 'z' ? ch - 'a' : -1;
            if (letter < 0) {
                break;
            }
            column = column * 26 + letter + 1;
            letters++;
        }
        return letters == 0 || letters > 3 ? new CellReference(reference).getCol() : column - 1;
    }

    private record Formats(StylesTable styles, DataFormatter formatter) {
        String format(double value, String style) {
            if (style != null && styles != null) {
                XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
                if (s != null) {
                    String pattern = s.getDataFormatString();
                    return formatter.formatRawCellContents(value, s.getDataFormat(), pattern == null ? "General" : pattern);
                }
            }
            return formatter.formatRawCellContents(value, 0, "General");
        }
    }

    /** Keeps the cells of the rows with a value, counting them against the limit. */
    private static final class RowHandler extends DefaultHandler {
        private final String sheet;
        private final int maxRows;
        private final List<SheetRow> rows;
        private final ReadOnlySharedStringsTable strings;
        private final Formats formats;
        private final StringBuilder text = new StringBuilder();
        /** An inline string's text; a {@code <v>} in the same cell wins (POI's user model writes both when it edits one). */
        private final StringBuilder inline = new StringBuilder();
        private boolean sawValue;
        private int count;
        private int rowNumber;
        private int column;
        private Map<Integer, CellValue> cells;
        private boolean rowHasValue;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private boolean hasValue;

        RowHandler(String sheet, int maxRows, List<SheetRow> rows, ReadOnlySharedStringsTable strings, Formats formats) {
            this.sheet = sheet;
            this.maxRows = maxRows;
            this.rows = rows;
            this.strings = strings;
            this.formats = formats;
        }

        private static String local(String localName, String qName) {
            String n = localName == null || localName.isEmpty() ? qName : localName;
            int colon = n.indexOf(':');
            return colon < 0 ? n : n.substring(colon + 1);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    column = -1;
                    cells = new HashMap<>();
                    rowHasValue = false;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : column(r);
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    formula = false;
                    hasValue = false;
                    text.setLength(0);
                    inline.setLength(0);
                    sawValue = false;
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                    sawValue = true;
                }
                case "t" -> {
                    if ("inlineStr".equals(type)) {
                        inInlineText = true;
                        hasValue = true;
                    }
                }
                default -> {
                    // other elements (sheet properties, merged cells, rich-text runs…) carry no value we read
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            } else if (inInlineText) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (local(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> {
                    if (hasValue || formula) {
                        rowHasValue = true;
                        if (cells != null) {
                            cells.put(column, value());
                        }
                    }
                }
                case "row" -> {
                    if (rowHasValue) {
                        if (++count > maxRows) {
                            throw new TooManyRows(sheet);
                        }
                        rows.add(new SheetRow(rowNumber, cells));
                    }
                }
                default -> {
                    // nothing to close
                }
            }
        }

        private CellValue value() {
            String raw = sawValue ? text.toString() : inline.toString();
            if (type == null || type.equals("n")) {
                if (raw.isEmpty()) {
                    return new CellValue("", null, formula);
                }
                double d = Double.parseDouble(raw);
                return new CellValue(formats.format(d, style), d, formula);
            }
            return switch (type) {
                case "s" -> new CellValue(strings.getItemAt(Integer.parseInt(raw.trim())).getString(), null, formula);
                case "b" -> new CellValue("1".equals(raw.trim()) ? "TRUE" : "FALSE", null, formula);
                default -> new CellValue(raw, null, formula); // inlineStr, str (a formula's text), e (an error), d (a date as text)
            };
        }
    }
}
