package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The marks that let JavaFX wrap Arabic text go after a space between two pieces of Arabic text and nowhere else;
 * the facade adds them in Arabic only, and never to text that leaves the screen.
 */
class RtlWrapTextTest {

    private static final String M = "\u200E";

    @Test
    void aSpaceBetweenTwoArabicWordsIsFollowedByTheMark() {
        assertThat(RtlWrapText.apply("عدد المهنيين الأساسيين")).isEqualTo("عدد " + M + "المهنيين " + M + "الأساسيين");
    }

    @Test
    void digitsInsideArabicTextAreMarkedOnlyWhereArabicFollows() {
        // before the number the space is already the end of a run (the digits are a run of their own): no mark;
        // after it the space is followed by Arabic, and the nearest letter before it is Arabic: marked
        assertThat(RtlWrapText.apply("لكل 10000 نسمة")).isEqualTo("لكل 10000 " + M + "نسمة");
        assertThat(RtlWrapText.apply("بنسبة 12,5% من المؤسسات")).isEqualTo("بنسبة 12,5% " + M + "من " + M + "المؤسسات");
    }

    @Test
    void arabicPunctuationBeforeTheSpaceKeepsItsPlace() {
        // between Arabic words a comma or colon takes the paragraph's direction with or without the mark
        assertThat(RtlWrapText.apply("المعطيات: اصطناعية، مولدة")).isEqualTo("المعطيات: " + M + "اصطناعية، " + M + "مولدة");
    }

    @Test
    void anArabicParenthesisOrQuotationIsMarkedBeforeItsBracket() {
        assertThat(RtlWrapText.apply("أساسي (منظمة الصحة)")).isEqualTo("أساسي " + M + "(منظمة " + M + "الصحة)");
        assertThat(RtlWrapText.apply("قائمة «المعطيات»")).isEqualTo("قائمة " + M + "«المعطيات»");
        // a bracket before a number or Latin text is left alone: the mark would turn it left to right
        assertThat(RtlWrapText.apply("عتبة (23)")).isEqualTo("عتبة (23)");
        assertThat(RtlWrapText.apply("بالمغرب (PASS)")).isEqualTo("بالمغرب (PASS)");
    }

    @Test
    void spacesNextToLatinTextParenthesesAndCodesAreLeftAlone() {
        assertThat(RtlWrapText.apply("الأولية بالمغرب (PASS III)."))
                .isEqualTo("الأولية " + M + "بالمغرب (PASS III).");
        // after a Latin word, the nearest strong letter is left to right: a mark would move ")" and "."
        assertThat(RtlWrapText.apply("(PASS III) في المغرب")).isEqualTo("(PASS III) في " + M + "المغرب");
        assertThat(RtlWrapText.apply("CSU الرحمة")).isEqualTo("CSU الرحمة");
        assertThat(RtlWrapText.apply("الرمز " + M + "01571-0007" + M + " مستعمل"))
                .isEqualTo("الرمز " + M + "01571-0007" + M + " مستعمل");
        assertThat(RtlWrapText.apply("الرمز ESSP-12")).isEqualTo("الرمز ESSP-12");
    }

    @Test
    void frenchAndEnglishTextIsUnchanged() {
        String french = "Nombre de professionnels de base pour 10 000 habitants (PASS III).";
        String english = "Core staff per 10,000 people served";
        assertThat(RtlWrapText.apply(french)).isSameAs(french);
        assertThat(RtlWrapText.apply(english)).isSameAs(english);
        assertThat(RtlWrapText.apply("")).isEmpty();
        assertThat(RtlWrapText.apply(null)).isNull();
    }

    @Test
    void applyingTwiceChangesNothing() {
        for (String text : new String[] {"عدد المهنيين الأساسيين لكل 10000 نسمة الساكنة المستفيدة",
                "قاعدة بيانات المهمة بالمغرب (PASS III).", "المعطيات: اصطناعية، مولدة", "Nombre de postes"}) {
            String once = RtlWrapText.apply(text);
            assertThat(RtlWrapText.apply(once)).isEqualTo(once);
            // nothing but marks is added: the visible text is the same
            assertThat(once.replace(M, "")).isEqualTo(text.replace(M, ""));
        }
    }

    @Test
    void theFacadeMarksTranslationsInArabicOnly() {
        I18n ar = new I18n(I18n.ARABIC);
        String raw = ar.plain("about.purpose");
        assertThat(raw).contains(" ").doesNotContain(M);
        assertThat(ar.get("about.purpose")).isEqualTo(RtlWrapText.apply(raw)).contains(" " + M);
        // the bundle FXML reads gives the same text
        assertThat(ar.bundle().getString("about.purpose")).isEqualTo(ar.get("about.purpose"));
        assertThat(Collections.list(ar.bundle().getKeys())).contains("about.purpose");
        // names among the arguments are marked too; codes stay isolated left to right
        assertThat(ar.get("registry.form.title.edit", "01051-0001")).contains(M + "01051-0001" + M);

        for (I18n other : new I18n[] {new I18n(I18n.FRENCH), new I18n(I18n.ENGLISH)}) {
            assertThat(other.get("about.purpose")).isEqualTo(other.plain("about.purpose")).doesNotContain(M);
            assertThat(other.bundle().getString("about.purpose")).doesNotContain(M);
            assertThat(other.wrappable("عدد المهنيين")).isEqualTo("عدد المهنيين");
        }
        assertThat(ar.wrappable("عدد المهنيين")).isEqualTo("عدد " + M + "المهنيين");
        assertThat(ar.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void textThatLeavesTheScreenHasNoMarks() {
        I18n ar = new I18n(I18n.ARABIC);
        // a suggested file name: neither the wrapping marks nor the code isolation
        assertThat(ar.plain("dialog.copy.suggested", "mission-2026")).isEqualTo("mission-2026-nuskha");
        assertThat(ar.plain("dialog.new.suggested")).doesNotContain(M);
    }
}
