package ma.essp.diag.database.code;

import java.util.regex.Pattern;

/**
 * Tokens that read left to right inside a right-to-left (Arabic) sentence: ESSP codes ({@code 01571-0007}), uuids,
 * file names ({@code T.xlsx}), dates ({@code 12/03/2026}) and numbers with separators ({@code 1.234}, {@code 62,5}).
 * Between Arabic words JavaFX lays the pieces of such a token out in reverse order ({@code 0007-01571}); a
 * left-to-right mark (U+200E) on each side keeps them in order. The marks are invisible and have no width (JavaFX
 * draws the embedding and isolate controls U+202A–U+202E and U+2066–U+2069 as boxes, the marks not).
 *
 * <p>The one rule for every message that puts such a value into Arabic words: the window's ({@code I18n.get}) and the
 * field templates' import problems ({@code TemplateWords}), which the window shows too.
 */
public final class LeftToRight {

    /** U+200E LEFT-TO-RIGHT MARK. */
    public static final char MARK = '\u200E';

    /**
     * One token of ASCII letters and digits with inner separators: a code, a uuid, a file name, a date, a number with
     * grouping or decimals. A word alone ({@code ESSP}), a name with spaces and Arabic text are not tokens.
     */
    private static final Pattern TOKEN = Pattern.compile("[\\p{Alnum}_]+([-./,:_\\u00A0\\u202F][\\p{Alnum}_]+)+");

    private LeftToRight() {
    }

    /** Whether {@code text} is one such token (see the class comment). */
    public static boolean isToken(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }

    /** {@code text} between two left-to-right marks when it is a token ({@link #isToken}); otherwise unchanged. */
    public static String isolate(String text) {
        return isToken(text) ? MARK + text + MARK : text;
    }
}
