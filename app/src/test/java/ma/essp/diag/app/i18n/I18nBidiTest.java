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
}
