package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes inside Arabic sentences keep their left-to-right order; nothing changes in French or English. */
class I18nBidiTest {

    private static final String LRM = "\u200E";

    @Test
    void anEsspCodeIsEmbeddedLeftToRightInArabicOnly() {
        I18n ar = new I18n(I18n.ARABIC);
        assertThat(ar.leftToRight("01571-0007")).isEqualTo(LRM + "01571-0007" + LRM);
        assertThat(ar.leftToRight("CSU-2")).isEqualTo(LRM + "CSU-2" + LRM);
        // names and plain words are left to the bidi algorithm
        assertThat(ar.leftToRight("CSU Médina")).isEqualTo("CSU Médina");
        assertThat(ar.leftToRight("طنجة-أصيلة")).isEqualTo("طنجة-أصيلة");
        assertThat(ar.leftToRight(null)).isNull();
        assertThat(new I18n(I18n.FRENCH).leftToRight("01571-0007")).isEqualTo("01571-0007");
    }

    @Test
    void messageArgumentsThatAreCodesAreEmbedded() {
        assertThat(new I18n(I18n.ARABIC).get("registry.form.title.edit", "01051-0001")).contains(LRM + "01051-0001" + LRM);
        assertThat(new I18n(I18n.FRENCH).get("registry.form.title.edit", "01051-0001")).doesNotContain(LRM).contains("01051-0001");
    }

    /**
     * The member-identity question at first start quotes the mission's name: a Latin name goes left to right with its
     * guillemets («name» on both sides of it, whatever the line breaks), an Arabic one is left to the sentence.
     */
    @Test
    void aQuotedLatinNameTakesItsGuillemetsLeftToRight() {
        String name = "Mission de démonstration — petite échelle (synthétique)";
        String ar = new I18n(I18n.ARABIC).get("dialog.who.header", name);
        assertThat(ar).contains(LRM + "«" + name + "»" + LRM);
        assertThat(ar.indexOf('«')).as("one opening guillemet, right before the name").isEqualTo(ar.indexOf(name) - 1);
        assertThat(new I18n(I18n.ARABIC).get("dialog.who.header", "تجريبية")).contains("«تجريبية»")
                .doesNotContain("»" + LRM);
        assertThat(new I18n(I18n.FRENCH).get("dialog.who.header", name)).doesNotContain(LRM);
    }

    /**
     * Issue 15: uuids, file names, dates and numbers with separators among a message's arguments are kept left to right
     * in Arabic as codes are (one rule, {@code LeftToRight}); a name, a word and a plain whole number are left alone.
     */
    @Test
    void uuidsFileNamesAndNumbersWithSeparatorsAreEmbeddedInArabic() {
        I18n ar = new I18n(I18n.ARABIC);
        String uuid = "c0876895-3793-4395-8531-07a1edf74a70";
        assertThat(ar.leftToRight(uuid)).isEqualTo(LRM + uuid + LRM);
        assertThat(ar.leftToRight("consolidation-review.xlsx")).isEqualTo(LRM + "consolidation-review.xlsx" + LRM);
        assertThat(ar.leftToRight("T.xlsx")).isEqualTo(LRM + "T.xlsx" + LRM);
        assertThat(ar.leftToRight("12/03/2026")).isEqualTo(LRM + "12/03/2026" + LRM);
        assertThat(ar.leftToRight("ESSP")).isEqualTo("ESSP");
        assertThat(ar.leftToRight("364")).isEqualTo("364");
        // a number MessageFormat would group ("1.234" in Moroccan Arabic) comes between the marks, its digits unchanged
        assertThat(ar.get("merge.analysed", 1234, 2, 0, 1)).contains(LRM + "1.234" + LRM).contains("2");
        assertThat(new I18n(I18n.FRENCH).get("merge.analysed", 1234, 2, 0, 1)).doesNotContain(LRM);
    }

    /**
     * Issue 12: in Arabic an ESSP's "code — name" shows the code at the right end of the line (where an Arabic reader
     * starts, and the side a narrow right-to-left list keeps), whatever the script of the name. The line is laid out
     * as JavaFX does: the paragraph takes the direction of its first letter. Before, a Latin name made the line left to
     * right with the code at its left end, cut by the list.
     */
    @Test
    void anEsspCodeIsAtTheRightEndOfItsLineInArabic() {
        I18n ar = new I18n(I18n.ARABIC);
        assertThat(visual(ar.codeAndName("01151-0002", "CSU-1 Bab Al Qods"))).isEqualTo("CSU-1 Bab Al Qods — 01151-0002");
        assertThat(visual(ar.codeAndName("01151-0002", "مستوصف باب القدس"))).endsWith(" — 01151-0002");
        assertThat(visual("01151-0002 — CSU-1 Bab Al Qods")).as("the old label").startsWith("01151-0002");
        assertThat(new I18n(I18n.FRENCH).codeAndName("01151-0002", "CSU-1 Bab Al Qods")).isEqualTo("01151-0002 — CSU-1 Bab Al Qods");
        assertThat(new I18n(I18n.ENGLISH).codeAndName("01151-0002", "مستوصف")).isEqualTo("01151-0002 — مستوصف");
    }

    /** {@code text} in its visual order, left to right, in a window laid out right to left (first letter's direction). */
    private static String visual(String text) {
        java.text.Bidi bidi = new java.text.Bidi(text, java.text.Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT);
        Character[] chars = new Character[text.length()];
        byte[] levels = new byte[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
            levels[i] = (byte) bidi.getLevelAt(i);
        }
        java.text.Bidi.reorderVisually(levels, 0, chars, 0, chars.length);
        StringBuilder b = new StringBuilder();
        for (Character c : chars) {
            b.append(c.charValue());
        }
        return b.toString();
    }
}
