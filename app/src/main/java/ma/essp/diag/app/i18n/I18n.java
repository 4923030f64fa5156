package ma.essp.diag.app.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ma.essp.diag.database.code.CodeLabels;
import ma.essp.diag.database.code.LeftToRight;
import ma.essp.diag.database.code.SchemaLabels;
import ma.essp.diag.database.code.Vocabulary;

/**
 * The one door to the translated words: UTF-8 resource bundles {@code i18n/messages} in French (default),
 * English and Arabic. Arabic is written right to left, and the whole window flips with it. In Arabic every
 * translation (from {@link #get} and from the bundle given to FXML) comes with the marks that let JavaFX wrap it
 * ({@link RtlWrapText}); the words are meant for the screen only (reports have their own bundles).
 */
public final class I18n {

    public static final String BUNDLE = "ma.essp.diag.app.i18n.messages";
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale ARABIC = Locale.forLanguageTag("ar");
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH, ARABIC);

    private final Locale locale;
    private final ResourceBundle words;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(FRENCH);
        this.words = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.bundle = rightToLeft() ? new WrappableBundle(words) : words;
    }

    public static Locale parse(String tag) {
        return tag == null ? FRENCH : Locale.forLanguageTag(tag);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean rightToLeft() {
        return "ar".equals(locale.getLanguage());
    }

    /**
     * The name of a place or establishment in the current language: Arabic names in Arabic (French when a row has
     * none), French names otherwise (the reference data has no English names).
     */
    public String localName(String nameFr, String nameAr) {
        return rightToLeft() && nameAr != null && !nameAr.isBlank() ? nameAr : nameFr;
    }

    /** Whole numbers with the locale's grouping; Arabic uses Western digits, as in Morocco. */
    public String formatNumber(Number value) {
        if (value == null) {
            return "";
        }
        return NumberFormat.getIntegerInstance(formatLocale()).format(value);
    }

    /**
     * A decimal already rounded for display (e.g. {@code "62.60"} from the readiness table writer, the same digits
     * as the CLI and the exports) written with the locale's separators: {@code 62,60} in French and Arabic.
     */
    public String formatDecimal(String plain) {
        if (plain == null || plain.isEmpty()) {
            return "";
        }
        java.math.BigDecimal value = new java.math.BigDecimal(plain);
        NumberFormat format = NumberFormat.getNumberInstance(formatLocale());
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /**
     * A decimal number for the screen with exactly {@code digits} decimals and the locale's separators:
     * {@code 0,5} in French and Arabic (Western digits), {@code 0.5} in English. For chart axes and map legends.
     */
    public String formatDecimal(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(formatLocale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /**
     * A share (0..1) as a whole percent with the n it is taken over, {@code 42 % (n = 17)}, or "—" without a value:
     * the complaint and data-flow shares of the dashboards and the ESSP detail.
     */
    public String formatShare(Double share, long n) {
        return share == null ? "—" : get("complaints.figure.share", formatDecimal(share * 100, 0), n);
    }

    /**
     * A signed decimal ({@code +25,0}, {@code -3,5}, {@code 0,0}) with {@link #formatDecimal(double, int)}: in Arabic
     * between left-to-right marks, so that the right-to-left window keeps the sign before the digits (without them it
     * draws {@code 25,0+}).
     */
    public String formatSigned(double value, int digits) {
        String text = (value > 0 ? "+" : "") + formatDecimal(value, digits);
        return rightToLeft() ? "\u200E" + text + "\u200E" : text;
    }

    /**
     * A decimal typed as the window shows it ({@link #formatDecimal(double, int)}): {@code 726,36} or
     * {@code 1 234,5} in French, {@code 726,36} or {@code 1.234,5} in Arabic, {@code 1,234.5} in English. A point in
     * French, or a lone separator not followed by exactly three digits in Arabic and English, is taken as the decimal
     * separator too ({@code 726.36} typed in French or Arabic is 726.36). Spaces and right-to-left marks are ignored.
     * Blank gives {@code null}, anything else that is not a number {@link Double#NaN}.
     */
    public Double parseDecimal(String text) {
        String plain = text == null ? "" : text.replaceAll("[\\u200E\\u200F\\u2066-\\u2069\\s\\u00A0\\u202F]", "");
        if (plain.isEmpty()) {
            return null;
        }
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(formatLocale());
        char decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        String other = decimal == ',' ? "." : ",";
        if (plain.indexOf(decimal) < 0 && plain.indexOf(other.charAt(0)) >= 0 && plain.indexOf(other.charAt(0)) == plain.lastIndexOf(other.charAt(0))
                && (Character.isWhitespace(grouping) || grouping == '\u202F' || grouping == '\u00A0'
                || plain.length() - plain.indexOf(other.charAt(0)) - 1 != 3)) {
            plain = plain.replace(other.charAt(0), decimal); // 726.36 in French or Arabic, 726,5 in English
        }
        plain = plain.replace(String.valueOf(grouping), "").replace(decimal, '.');
        if (!plain.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return Double.NaN;
        }
        return Double.parseDouble(plain);
    }

    /** The pattern of every date on screen, typed and shown: day/month/year in all three languages. */
    public static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** A date as the window shows it: {@code 12/03/2026} (day first, Western digits also in Arabic). */
    public String formatDate(java.time.LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * A date typed as the window shows it ({@link #formatDate}); one-digit day or month ({@code 1/3/2026}) and the
     * invisible marks of right-to-left text are accepted. Blank gives {@code null}.
     *
     * @throws java.time.format.DateTimeParseException when the text is not a day/month/year date
     */
    public java.time.LocalDate parseDate(String text) {
        String plain = text == null ? "" : text.replaceAll("[\\u200E\\u200F\\u2066-\\u2069\\s]", "");
        if (plain.isEmpty()) {
            return null;
        }
        return java.time.LocalDate.parse(plain, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                .withResolverStyle(java.time.format.ResolverStyle.STRICT));
    }

    /**
     * A file path kept left to right in an Arabic window: without the marks JavaFX draws {@code /home/a/b.essp}
     * right to left with its slashes moved to the ends. Unchanged in French and English.
     */
    public String path(String path) {
        return rightToLeft() && path != null && !path.isEmpty() ? "\u200E" + path + "\u200E" : path;
    }

    /** An absolute file path: {@code /home/…}, {@code C:\\Users\\…} or {@code \\\\server\\share}. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("/|[A-Za-z]:\\\\|\\\\\\\\");

    /** The locale of numbers and dates on screen: the window's, with Western digits in Arabic (as in Morocco). */
    public Locale formatLocale() {
        return rightToLeft() ? Locale.forLanguageTag("ar-MA-u-nu-latn") : locale;
    }

    /**
     * The translation of {@code key} for the screen, with {@code {0}}-style arguments formatted for the locale; in
     * Arabic, codes and file paths among the arguments are kept left to right ({@link #leftToRight}, {@link #path})
     * and the text carries the marks
     * that let JavaFX wrap it ({@link RtlWrapText}).
     */
    public String get(String key, Object... args) {
        if (!words.containsKey(key)) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return bundle.getString(key);
        }
        String pattern = words.getString(key);
        if (rightToLeft()) {
            pattern = quotedLeftToRight(pattern, args);
            Object[] isolated = args.clone();
            for (int i = 0; i < isolated.length; i++) {
                if (isolated[i] instanceof java.nio.file.Path p) {
                    isolated[i] = path(p.toString());
                } else if (isolated[i] instanceof String s) {
                    isolated[i] = PATH.matcher(s).lookingAt() ? path(s) : leftToRight(s);
                } else if (isolated[i] instanceof Number n && plainArgument(pattern, i)) {
                    // written as MessageFormat would ({@code 1.234}), kept in order between the marks
                    isolated[i] = leftToRight(NumberFormat.getNumberInstance(formatLocale()).format(n));
                }
            }
            args = isolated;
        }
        return wrappable(new MessageFormat(pattern, formatLocale()).format(args));
    }

    /**
     * In Arabic, a quoted argument that reads left to right ({@code «Mission de démonstration…»}): the guillemets go
     * with it, a left-to-right mark on each side. Without them the opening guillemet sits between the Arabic and the
     * Latin name and takes the right-to-left direction; JavaFX does not mirror it, so the marks came out on the wrong
     * sides of the name (and, when the name wraps, at the ends of the wrong lines). A name in Arabic is left alone.
     */
    private static String quotedLeftToRight(String pattern, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            String quoted = "«{" + i + "}»";
            if (args[i] instanceof String s && pattern.contains(quoted) && startsLeftToRight(s)) {
                pattern = pattern.replace(quoted, "\u200E" + quoted + "\u200E");
            }
        }
        return pattern;
    }

    /** Whether the first strongly directional character of {@code text} is left to right (Latin letters...). */
    public static boolean startsLeftToRight(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (Character.getDirectionality(text.charAt(i))) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return true;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return false;
                default:
                    break;
            }
        }
        return false;
    }

    /**
     * The label of a code stored in the mission (a functionality, a staff status...) from the database module's one
     * bundle ({@link CodeLabels}), the words the reports print too; with the Arabic wrapping marks, as {@link #get}.
     */
    public String code(Vocabulary vocabulary, String code) {
        return wrappable(CodeLabels.label(vocabulary, code, locale));
    }

    /**
     * The name of a synced table ({@code staff_position}) for the screen, from the database module's one bundle
     * ({@link SchemaLabels}); the raw name when it has none; with the Arabic wrapping marks, as {@link #get}.
     */
    public String table(String table) {
        return wrappable(SchemaLabels.table(table, locale));
    }

    /** The name of column {@code column} of {@code table} ({@code name_fr}) for the screen, as {@link #table}. */
    public String field(String table, String column) {
        return wrappable(SchemaLabels.field(table, column, locale));
    }

    /**
     * The translation of {@code key} as plain text, without any of the invisible marks {@link #get} adds in Arabic:
     * for what leaves the screen (a suggested file name, a label saved in the mission).
     */
    public String plain(String key, Object... args) {
        if (!words.containsKey(key)) {
            return "!" + key + "!";
        }
        String pattern = words.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, formatLocale()).format(args);
    }

    /**
     * Text from the mission (a name, a note) that goes into a wrapping label: in Arabic with the marks that let
     * JavaFX wrap it ({@link RtlWrapText}), otherwise unchanged. Not for text that is searched, compared or saved.
     */
    public String wrappable(String text) {
        return rightToLeft() ? RtlWrapText.apply(text) : text;
    }

    /** The Arabic bundle as FXML and {@link #get} see it: every string with its wrapping marks. */
    private static final class WrappableBundle extends ResourceBundle {

        private final ResourceBundle words;

        WrappableBundle(ResourceBundle words) {
            this.words = words;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (!words.containsKey(key)) {
                return null;
            }
            Object value = words.getObject(key);
            return value instanceof String s ? RtlWrapText.apply(s) : value;
        }

        @Override
        public java.util.Enumeration<String> getKeys() {
            return words.getKeys();
        }

        @Override
        public Locale getLocale() {
            return words.getLocale();
        }
    }

    /**
     * A code such as {@code 01571-0007} kept left to right inside right-to-left text: JavaFX lays the two digit
     * groups out in reverse order ("0007-01571") inside an Arabic sentence; a left-to-right mark on each side keeps
     * them in order (JavaFX draws the embedding controls U+202A/U+202C as boxes, the marks not). The same for uuids,
     * file names, dates and numbers with separators ({@link LeftToRight}, the rule the import problems follow too).
     * Anything else (names, Arabic text) and any text in French or English is returned unchanged.
     */
    public String leftToRight(String code) {
        return rightToLeft() ? LeftToRight.isolate(code) : code;
    }

    /**
     * An ESSP's code and name for a list: {@code 01571-0007 — CSU Médina}. In Arabic the code comes first from the
     * right whatever the script of the name. JavaFX gives a text the direction of its first letter, so a line made
     * only of a code and a Latin name is laid out left to right with the code at its left end, where a narrow list cut
     * it: such a line is written {@code CSU Médina — 01571-0007} (the code at its right end); with an Arabic name the
     * line is right to left and the code, first, is at its right end too. No invisible mark is needed (JavaFX draws
     * U+200F as a box).
     */
    public String codeAndName(String code, String name) {
        if (code == null || code.isEmpty()) {
            return name == null ? "" : name;
        }
        if (name == null || name.isEmpty()) {
            return code;
        }
        return rightToLeft() && startsLeftToRight(name) ? name + " — " + code : code + " — " + name;
    }

    /** Whether argument {@code index} appears in {@code pattern} only as a plain {@code {index}} (no format type). */
    private static boolean plainArgument(String pattern, int index) {
        return pattern.contains("{" + index + "}") && !pattern.contains("{" + index + ",");
    }
}
