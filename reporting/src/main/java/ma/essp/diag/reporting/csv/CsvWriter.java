package ma.essp.diag.reporting.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * The one CSV writer of the application (RFC 4180: comma, {@code \n} line ends, UTF-8 by the caller's writer), with
 * every text field neutralised against CSV injection as OWASP recommends, because these files are opened in Excel or
 * LibreOffice, which would run a cell such as {@code =HYPERLINK(…)} as a formula:
 * <ul>
 *   <li>control characters are removed from text, except tab, CR and LF (NUL, BEL, ESC, DEL… would corrupt the file
 *       or the terminal it is printed to);</li>
 *   <li>a text that then starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR gets a leading single quote
 *       {@code '} and is enclosed in double quotes, so a spreadsheet shows it as text;</li>
 *   <li>a text containing a comma, a double quote, CR or LF is enclosed in double quotes, embedded quotes doubled.</li>
 * </ul>
 * Numbers are never prefixed: the caller says which cells are numbers ({@link #number}), and only a plain decimal
 * written by our own code ({@code -12.50}) is accepted as one; anything else given as a number is written as text,
 * neutralised. Other text (names, codes, Arabic included) is written unchanged.
 * <p>
 * The separator is a comma unless the caller chooses another ({@code ;} for the files French Excel opens); a text
 * containing the separator is then quoted too.
 */
public final class CsvWriter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Writer out;
    private final char separator;
    private boolean lineStarted;

    public CsvWriter(Writer out) {
        this(out, ',');
    }

    /** A writer with another separator than the comma ({@code ;}); numbers keep their decimal point. */
    public CsvWriter(Writer out, char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r' || separator == '.' || Character.isLetterOrDigit(separator)) {
            throw new IllegalArgumentException("not a CSV separator: " + separator);
        }
        this.out = out;
        this.separator = separator;
    }

    /** A text cell (null: empty). */
    public CsvWriter text(String value) throws IOException {
        separator();
        String field = field(value);
        if (separator != ',' && !field.startsWith("\"") && field.indexOf(separator) >= 0) {
            field = '"' + field + '"'; // a field without quotes has no quote inside (field() would have quoted it)
        }
        out.write(field);
        return this;
    }

    /** A number cell, as formatted by our code; "" or null for an undefined figure. */
    public CsvWriter number(String value) throws IOException {
        if (value == null || value.isEmpty() || PLAIN_NUMBER.matcher(value).matches()) {
            separator();
            out.write(value == null ? "" : value);
            return this;
        }
        return text(value);
    }

    /** Ends the current line. */
    public void endLine() throws IOException {
        out.write('\n');
        lineStarted = false;
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void separator() throws IOException {
        if (lineStarted) {
            out.write(separator);
        }
        lineStarted = true;
    }

    /** One text field as written: control characters stripped, injection neutralised, quoted when needed. */
    public static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String clean = stripControls(value);
        boolean neutralise = !clean.isEmpty() && switch (clean.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
        if (!neutralise && clean.indexOf(',') < 0 && clean.indexOf('"') < 0 && clean.indexOf('\n') < 0 && clean.indexOf('\r') < 0) {
            return clean;
        }
        return '"' + (neutralise ? "'" : "") + clean.replace("\"", "\"\"") + '"';
    }

    private static String stripControls(String value) {
        StringBuilder b = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            if (control && b == null) {
                b = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!control && b != null) {
                b.append(c);
            }
        }
        return b == null ? value : b.toString();
    }
}
