package ma.essp.diag.database.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.database.code.CodeLabels;
import ma.essp.diag.database.code.Vocabulary;

/**
 * Reads staff rows copied from Excel (tab-separated lines) for the HR entry grid. Columns, in this order:
 * cadre, employer, status, FTE, gender, holder name, job title, notes; only the cadre is required. Cadres and
 * codes can be typed as codes or as labels in any of the three languages (accents and case ignored), because
 * that is what workbooks contain (the codes' labels are those of {@link CodeLabels}, plus common spellings). A header
 * line is skipped. Every line that cannot be read is reported with its number, a {@link Problem} and the cell as
 * read, never with words: the window (and the coming Excel import) word it; nothing is guessed.
 *
 * <p>Excel's clipboard text: cells separated by tabs, rows ended by CRLF (the last one too); a cell holding a line
 * break, a tab or a double quote at its start is enclosed in double quotes with its own quotes doubled. A cell that
 * merely starts with a quote ({@code "Ali" Benani}) is not enclosed: a quote opens a quoted cell only when a closing
 * quote follows right before a tab, a line end or the end of the text; otherwise the cell is read as typed.
 */
public final class StaffPasteParser {

    private static final List<String> LANGUAGES = List.of("fr", "en", "ar");

    public record Row(int line, String cadreCode, String employer, String status, double fte, String gender, String holderName,
                      String jobTitle, String notes) {
    }

    /** Why a line cannot be read: the cell of that column holds no known cadre, employer, status, FTE or gender. */
    public enum Problem { CADRE, EMPLOYER, STATUS, FTE, GENDER }

    /** {@code value} is the cell as read. */
    public record LineError(int line, Problem problem, String value) {
    }

    public record Result(List<Row> rows, List<LineError> errors) {
    }

    private static final Map<String, String> EMPLOYERS = aliases(Vocabulary.EMPLOYER, Map.of(
            "ministry", List.of("ministere", "ministère", "ms", "msps", "ministry", "وزارة"),
            "gst", List.of("gst", "groupement sanitaire territorial"),
            "commune", List.of("commune", "collectivite", "جماعة"),
            "other", List.of("autre", "other", "اخر")));
    private static final Map<String, String> STATUSES = aliases(Vocabulary.STAFF_STATUS, Map.of(
            "filled", List.of("pourvu", "occupe", "occupé", "en poste", "filled", "titulaire"),
            "vacant", List.of("vacant", "poste vacant", "شاغر"),
            "contract", List.of("contractuel", "contrat", "contract"),
            "on_leave", List.of("conge", "congé", "en conge", "on leave", "on_leave"),
            "seconded", List.of("detache", "détaché", "mis a disposition", "seconded")));
    private static final Map<String, String> GENDERS = aliases(Vocabulary.GENDER, Map.of(
            "f", List.of("f", "femme", "female", "w", "أنثى"),
            "m", List.of("m", "h", "homme", "male", "ذكر")));

    private final Map<String, String> cadres = new HashMap<>();

    /** {@code cadreNames}: code → labels (fr, en, ar). */
    public StaffPasteParser(Map<String, Collection<String>> cadreNames) {
        cadreNames.forEach((code, labels) -> {
            cadres.put(key(code), code);
            labels.forEach(l -> cadres.put(key(l), code));
        });
    }

    public Result parse(String clipboard) {
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<List<String>> records = records(clipboard);
        for (int i = 0; i < records.size(); i++) {
            int number = i + 1;
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            String[] cells = record.toArray(String[]::new);
            String cadre = cadres.get(key(cell(cells, 0)));
            if (cadre == null) {
                if (i == 0) {
                    continue; // a header line
                }
                errors.add(new LineError(number, Problem.CADRE, cell(cells, 0)));
                continue;
            }
            String employer = lookup(EMPLOYERS, cell(cells, 1), "ministry");
            String status = lookup(STATUSES, cell(cells, 2), "filled");
            String gender = lookup(GENDERS, cell(cells, 4), null);
            if (employer == null) {
                errors.add(new LineError(number, Problem.EMPLOYER, cell(cells, 1)));
                continue;
            }
            if (status == null) {
                errors.add(new LineError(number, Problem.STATUS, cell(cells, 2)));
                continue;
            }
            if (gender == null && !cell(cells, 4).isBlank()) {
                errors.add(new LineError(number, Problem.GENDER, cell(cells, 4)));
                continue;
            }
            double fte;
            try {
                String f = cell(cells, 3).replace(',', '.').replace("%", "").strip();
                fte = f.isEmpty() ? 1 : Double.parseDouble(f);
                if (cell(cells, 3).contains("%")) {
                    fte /= 100;
                }
            } catch (NumberFormatException e) {
                fte = Double.NaN;
            }
            if (Double.isNaN(fte) || fte < 0 || fte > 1) {
                errors.add(new LineError(number, Problem.FTE, cell(cells, 3)));
                continue;
            }
            rows.add(new Row(number, cadre, employer, status, fte, gender, blankToNull(cell(cells, 5)), blankToNull(cell(cells, 6)),
                    blankToNull(cell(cells, 7))));
        }
        return new Result(rows, errors);
    }

    /** The rows of Excel's clipboard text, each a list of cells (see the class comment); a trailing line end ends the last row. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end; // index after the cell's content (at a tab, a line end or the end)
            String cell;
            int closing = text.charAt(i) == '"' ? closingQuote(text, i) : -1;
            if (closing >= 0) {
                cell = text.substring(i + 1, closing).replace("\"\"", "\"");
                end = closing + 1;
            } else {
                end = i;
                while (end < n && text.charAt(end) != '\t' && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                cell = text.substring(i, end);
            }
            cells.add(cell);
            if (end >= n) {
                i = n;
            } else if (text.charAt(end) == '\t') {
                i = end + 1;
                if (i == n) {
                    cells.add(""); // a tab at the very end: an empty last cell
                }
            } else {
                i = end + (text.startsWith("\r\n", end) ? 2 : 1);
                records.add(cells);
                cells = new ArrayList<>();
            }
        }
        if (!cells.isEmpty()) {
            records.add(cells);
        }
        return records;
    }

    /** The closing quote of a quoted cell opened at {@code open}, or -1 when the cell is not a well-formed quoted cell. */
    private static int closingQuote(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                boolean atBoundary = i + 1 == text.length() || "\t\r\n".indexOf(text.charAt(i + 1)) >= 0;
                return atBoundary ? i : -1;
            }
            i++;
        }
        return -1;
    }

    private static String lookup(Map<String, String> aliases, String value, String whenBlank) {
        return value.isBlank() ? whenBlank : aliases.get(key(value));
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length ? cells[i].strip() : "";
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    static String key(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Every code of the vocabulary, its labels in the three languages and the other spellings, to the code. */
    private static Map<String, String> aliases(Vocabulary vocabulary, Map<String, List<String>> spellings) {
        Map<String, String> map = new HashMap<>();
        for (String code : vocabulary.codes()) {
            map.put(key(code), code);
            for (String language : LANGUAGES) {
                map.put(key(CodeLabels.label(vocabulary, code, Locale.forLanguageTag(language))), code);
            }
            spellings.getOrDefault(code, List.of()).forEach(n -> map.put(key(n), code));
        }
        return map;
    }
}
