package ma.essp.diag.reporting.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** OWASP CSV-injection neutralisation, case by case, worked out by hand. */
class CsvWriterTest {

    private static String line(String text, String number) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.text(text).number(number).endLine();
        return out.toString();
    }

    @Test
    void aFieldStartingLikeAFormulaGetsAQuoteAndIsEnclosed() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"clic\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\"");
        assertThat(CsvWriter.field("+33 6 12")).isEqualTo("\"'+33 6 12\"");
        assertThat(CsvWriter.field("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvWriter.field("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(CsvWriter.field("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void controlCharactersAreStrippedBeforeTheFirstCharacterIsJudged() {
        assertThat(CsvWriter.field("Dar\u0000 Chaoui\u0007")).isEqualTo("Dar Chaoui");
        // NUL in front of "=" must not hide the formula
        assertThat(CsvWriter.field("\u0000=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(CsvWriter.field("a\u001Bb\u007Fc")).isEqualTo("abc");
        assertThat(CsvWriter.field("\u0000\u0007")).isEmpty();
    }

    @Test
    void embeddedQuotesSeparatorsAndLineBreaksAreQuotedNotPrefixed() {
        assertThat(CsvWriter.field("CSR \"Nord\"")).isEqualTo("\"CSR \"\"Nord\"\"\"");
        assertThat(CsvWriter.field("Circonscription, centre")).isEqualTo("\"Circonscription, centre\"");
        assertThat(CsvWriter.field("ligne 1\nligne 2\r\nligne 3")).isEqualTo("\"ligne 1\nligne 2\r\nligne 3\"");
        assertThat(CsvWriter.field("a\tb")).isEqualTo("a\tb");
    }

    @Test
    void ordinaryAndArabicTextIsUnchanged() {
        assertThat(CsvWriter.field("Tanger-Assilah")).isEqualTo("Tanger-Assilah");
        assertThat(CsvWriter.field("المركز الصحي القروي 01571-0007")).isEqualTo("المركز الصحي القروي 01571-0007");
        assertThat(CsvWriter.field("\u200Fمركز")).isEqualTo("\u200Fمركز"); // a right-to-left mark is not a control character
        assertThat(CsvWriter.field(null)).isEmpty();
    }

    @Test
    void negativeNumbersStayPlainNumbersButANumberColumnNeverCarriesAFormula() throws IOException {
        assertThat(line("-5", "-12.50")).isEqualTo("\"'-5\",-12.50\n");
        assertThat(line("x", "0")).isEqualTo("x,0\n");
        assertThat(line("x", "")).isEqualTo("x,\n");
        assertThat(line("x", "-1+cmd|' /C calc'!A0")).isEqualTo("x,\"'-1+cmd|' /C calc'!A0\"\n");
    }

    @Test
    void aSemicolonSeparatorQuotesTheTextsHoldingIt() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, ';');
        csv.text("Tanger; Tétouan").text("Fès, Meknès").number("-12.50").text("=1+1").endLine();
        assertThat(out.toString()).isEqualTo("\"Tanger; Tétouan\";\"Fès, Meknès\";-12.50;\"'=1+1\"\n");
    }
}
