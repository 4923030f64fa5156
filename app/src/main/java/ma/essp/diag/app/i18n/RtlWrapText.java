package ma.essp.diag.app.i18n;

/**
 * Arabic text that JavaFX 21 on Linux can wrap: a left-to-right mark (U+200E) after each space that separates two
 * pieces of Arabic text.
 *
 * <p>Why: JavaFX lays text out in runs of one direction level and shapes each run with Pango. When a line break
 * falls inside a right-to-left run, the line is drawn followed by the rest of its paragraph (the cut run is
 * reshaped from the uncut text): wrapped Arabic lines overlap the next lines and run past the edge. A mark right
 * after the space ends the run there (the mark is a left-to-right character, so it is a run of its own), and the
 * line breaks between runs, never inside one. The mark is invisible and has no width.
 *
 * <p>Where it is safe: only a space followed by an Arabic letter (right after it, or after opening brackets or
 * quotes: {@code "أساسي (منظمة الصحة)"}) and whose nearest strong character
 * before it (skipping spaces, punctuation and digits) is right to left. Then the space and any punctuation or
 * digits before it keep the direction level they had without the mark (they sit between right-to-left text and
 * the mark, so they take the paragraph's direction, as they did between two pieces of Arabic), and nothing moves:
 * {@code "لكل 10000 نسمة"} is marked after both spaces and reads as before. A space next to Latin text is left
 * alone ({@code "بالمغرب (PASS III)."}: the space before the parenthesis is followed by Latin, and after a Latin
 * word the nearest strong character is left to right), as is every space in French or English text. A mark before
 * the space as well would move it: {@code "10000 ‎ ‎نسمة"} draws as {@code "10000نسمة"} with the space on the
 * other side of the number.
 *
 * <p>Applying it twice changes nothing: a marked space is followed by the mark, not by a letter. Only for text on
 * screen: the marks are not for files, keys or searches.
 */
public final class RtlWrapText {

    /** U+200E LEFT-TO-RIGHT MARK. */
    public static final char MARK = '\u200E';

    private RtlWrapText() {
    }

    /** The text with a mark after every space between two pieces of Arabic text; {@code null} stays {@code null}. */
    public static String apply(String text) {
        if (text == null || text.indexOf(' ') < 0) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && arabicAfter(text, i) && rightToLeftBefore(text, i)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(' ').append(MARK);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Whether an Arabic letter follows {@code index}, right after it or after opening brackets and quotes only
     * ({@code "أساسي (منظمة"}): those take the paragraph's direction between the mark and Arabic, as before.
     */
    private static boolean arabicAfter(String text, int index) {
        for (int i = index + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
            }
            if (Character.getDirectionality(c) != Character.DIRECTIONALITY_OTHER_NEUTRALS || c == MARK) {
                return false;
            }
        }
        return false;
    }

    /** Whether the nearest strong-direction character before {@code index} is right to left. */
    private static boolean rightToLeftBefore(String text, int index) {
        for (int i = index - 1; i >= 0; i--) {
            switch (Character.getDirectionality(text.charAt(i))) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    return true;
                }
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                    return false;
                }
                default -> {
                    // spaces, punctuation, digits, marks: look further back
                }
            }
        }
        return false;
    }
}
