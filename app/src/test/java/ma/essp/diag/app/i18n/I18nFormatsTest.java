package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Dates, decimals and paths as the window shows them in each language. */
class I18nFormatsTest {

    private static final I18n FR = new I18n(I18n.FRENCH);
    private static final I18n EN = new I18n(I18n.ENGLISH);
    private static final I18n AR = new I18n(I18n.ARABIC);

    @Test
    void datesAreDayMonthYearInEveryLanguageAndReadBack() {
        LocalDate march12 = LocalDate.of(2026, 3, 12);
        for (I18n i18n : new I18n[] {FR, EN, AR}) {
            assertThat(i18n.formatDate(march12)).isEqualTo("12/03/2026");
            assertThat(i18n.parseDate("12/03/2026")).isEqualTo(march12);
            assertThat(i18n.parseDate("5/4/2026")).isEqualTo(LocalDate.of(2026, 4, 5));
            assertThat(i18n.parseDate(" ")).isNull();
        }
        // as copied from an Arabic label, with its invisible marks
        assertThat(AR.parseDate("\u200E12/03/2026\u200E")).isEqualTo(march12);
        // no 31 April, and never the US month-first reading of 3/12
        assertThatThrownBy(() -> FR.parseDate("31/04/2026")).isInstanceOf(DateTimeParseException.class);
        assertThat(FR.parseDate("3/12/2026")).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void decimalsAndWholeNumbersUseTheLanguagesSeparatorsWithWesternDigits() {
        assertThat(FR.formatDecimal(0.5, 1)).isEqualTo("0,5");
        assertThat(EN.formatDecimal(0.5, 1)).isEqualTo("0.5");
        assertThat(AR.formatDecimal(0.5, 1)).isEqualTo("0,5");
        assertThat(AR.formatDecimal(1234.25, 2)).isEqualTo("1.234,25");
        assertThat(AR.formatNumber(4030222)).isEqualTo("4.030.222");
        assertThat(EN.formatNumber(4030222)).isEqualTo("4,030,222");
        // numbers inside sentences too: Western digits in Arabic (not ٠١٢), the decimal comma
        assertThat(AR.plain("registry.form.error.outsideProvince", 33.5, -7.25, "X", 3, 5)).contains("33,5000").contains("7,2500").doesNotContainPattern("[\\u0660-\\u0669]");
    }

    @Test
    void pathsStayLeftToRightInArabicOnly() {
        assertThat(AR.path("/home/a/b.essp")).isEqualTo("\u200E/home/a/b.essp\u200E");
        assertThat(FR.path("/home/a/b.essp")).isEqualTo("/home/a/b.essp");
        assertThat(AR.get("copy.done.message", "/home/a/b.essp")).contains("\u200E/home/a/b.essp\u200E");
        assertThat(AR.get("pms.catalogue.imported", Path.of("/tmp/c.xlsx").getFileName())).contains("\u200Ec.xlsx\u200E");
        assertThat(FR.get("copy.done.message", "/home/a/b.essp")).doesNotContain("\u200E");
    }

    @Test
    void signedDecimalsKeepTheirSignInFrontInArabic() {
        assertThat(FR.formatSigned(25, 1)).isEqualTo("+25,0");
        assertThat(FR.formatSigned(-3.5, 1)).isEqualTo("-3,5");
        assertThat(FR.formatSigned(0, 1)).isEqualTo("0,0");
        assertThat(EN.formatSigned(25, 1)).isEqualTo("+25.0");
        // left-to-right marks on both sides: the digits and the sign form one left-to-right run in the Arabic window
        assertThat(AR.formatSigned(25, 1)).isEqualTo("\u200E+25,0\u200E");
        java.text.Bidi bidi = new java.text.Bidi("\u0645 " + AR.formatSigned(25, 1), java.text.Bidi.DIRECTION_RIGHT_TO_LEFT);
        // the sign and the digits are on the same (left-to-right) level, so "+" stays before "25,0"
        int plus = 2 + 1;
        assertThat(bidi.getLevelAt(plus)).isEqualTo(bidi.getLevelAt(plus + 1)).isEqualTo(2);
    }

    @Test
    void decimalsAreReadBackAsTheyAreShown() {
        assertThat(FR.parseDecimal("726,36")).isEqualTo(726.36);
        assertThat(FR.parseDecimal(FR.formatDecimal(1234.5, 2))).isEqualTo(1234.5); // "1 234,50", narrow no-break space
        assertThat(FR.parseDecimal("726.36")).isEqualTo(726.36);
        assertThat(AR.parseDecimal("726,36")).isEqualTo(726.36);
        assertThat(AR.parseDecimal(AR.formatDecimal(1234.25, 2))).isEqualTo(1234.25); // "1.234,25"
        assertThat(AR.parseDecimal("\u200E726,36\u200E")).isEqualTo(726.36);
        assertThat(AR.parseDecimal("726.36")).isEqualTo(726.36);
        assertThat(EN.parseDecimal("1,234.5")).isEqualTo(1234.5);
        assertThat(EN.parseDecimal("1,234")).isEqualTo(1234.0);
        assertThat(EN.parseDecimal("726.36")).isEqualTo(726.36);
        assertThat(FR.parseDecimal(" ")).isNull();
        assertThat(FR.parseDecimal("douze")).isNaN();
        assertThat(FR.parseDecimal("1,2,3")).isNaN();
    }
}
