package ma.essp.diag.database.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffPasteParserTest {

    private final StaffPasteParser parser = new StaffPasteParser(Map.of(
            "nurse", List.of("Infirmier(ère) polyvalent(e)", "Nurse (polyvalent)"),
            "midwife", List.of("Sage-femme", "Midwife"),
            "doctor_gp", List.of("Médecin généraliste", "General practitioner")));

    @Test
    void readsTabSeparatedRowsFromExcelWithLabelsOrCodes() {
        String pasted = "Cadre\tEmployeur\tStatut\tETP\tSexe\tNom\r\n"
                + "Sage-femme\tMinistère\tPourvu\t1\tF\tFatima Z.\r\n"
                + "medecin generaliste\t\tvacant\t\t\t\r\n"
                + "nurse\tGST\tcontractuel\t0,5\tH\t\tIDE\tnuit\r\n";
        var result = parser.parse(pasted);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).hasSize(3);
        var midwife = result.rows().get(0);
        assertThat(midwife.cadreCode()).isEqualTo("midwife");
        assertThat(midwife.employer()).isEqualTo("ministry");
        assertThat(midwife.status()).isEqualTo("filled");
        assertThat(midwife.gender()).isEqualTo("f");
        assertThat(midwife.holderName()).isEqualTo("Fatima Z.");
        var doctor = result.rows().get(1);
        assertThat(doctor.status()).isEqualTo("vacant");
        assertThat(doctor.fte()).isEqualTo(1.0);
        assertThat(doctor.gender()).isNull();
        var nurse = result.rows().get(2);
        assertThat(nurse.fte()).isEqualTo(0.5);
        assertThat(nurse.employer()).isEqualTo("gst");
        assertThat(nurse.status()).isEqualTo("contract");
        assertThat(nurse.gender()).isEqualTo("m");
        assertThat(nurse.notes()).isEqualTo("nuit");
        assertThat(nurse.line()).isEqualTo(4);
    }

    @Test
    void readsTheLabelsTheWindowShowsInEveryLanguage() {
        // the labels of the code bundle (CodeLabels), as a workbook exported in English or Arabic holds them
        var result = parser.parse("nurse\tOther\ton leave\t1\tM\n" + "nurse\tالجماعة\tفي إجازة\t1\tأنثى\n" + "nurse\tCommune\tdétaché\t1\tH\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(r -> r.employer() + "/" + r.status() + "/" + r.gender())
                .containsExactly("other/on_leave/m", "commune/on_leave/f", "commune/seconded/m");
    }

    @Test
    void reportsEachUnreadableLineWithItsNumber() {
        String pasted = "nurse\tministry\tfilled\t1\n"
                + "plombier\tministry\tfilled\t1\n"
                + "nurse\tministry\tretired\t1\n"
                + "nurse\tministry\tfilled\t1,5\n"
                + "nurse\tministry\tfilled\t50%\tX\n"
                + "nurse\tministry\tfilled\t50%\tF\n";
        var result = parser.parse(pasted);
        assertThat(result.rows()).extracting(StaffPasteParser.Row::line).containsExactly(1, 6);
        assertThat(result.rows().get(1).fte()).isEqualTo(0.5);
        assertThat(result.errors()).extracting(e -> e.line() + ":" + e.problem() + ":" + e.value()).containsExactly(
                "2:CADRE:plombier", "3:STATUS:retired", "4:FTE:1,5", "5:GENDER:X");
    }

    @Test
    void aQuotedCellWithLineBreaksInTheMiddleOfAPasteIsOneCell() {
        // as Excel puts it on the clipboard: the notes cell of row 2 holds two line breaks (Alt+Enter) and quotes
        String pasted = "Sage-femme\tMinistère\tPourvu\t1\tF\tFatima Z.\t\tgarde\r\n"
                + "nurse\tGST\tcontractuel\t0,5\tH\tOmar\tIDE\t\"nuit\nrenfort \"\"urgences\"\"\r\nweek-end\"\r\n"
                + "doctor_gp\t\tvacant\t\t\t\t\t\r\n";
        var result = parser.parse(pasted);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(StaffPasteParser.Row::cadreCode).containsExactly("midwife", "nurse", "doctor_gp");
        assertThat(result.rows()).extracting(StaffPasteParser.Row::line).containsExactly(1, 2, 3);
        assertThat(result.rows().get(1).notes()).isEqualTo("nuit\nrenfort \"urgences\"\r\nweek-end");
        assertThat(result.rows().get(1).jobTitle()).isEqualTo("IDE");
        assertThat(result.rows().get(2).status()).isEqualTo("vacant");
    }

    @Test
    void aCellThatMerelyStartsWithAQuoteIsReadAsTyped() {
        String pasted = "nurse\tministry\tfilled\t1\tF\t\"Lalla\" Amina\tIDE\r\n"
                + "midwife\tministry\tfilled\t1\tF\t\"Khadija\r\n"
                + "nurse\tministry\tfilled\t1\tH\tSaid\t\t\"\"\"Dr\"\" 2\"\r\n";
        var result = parser.parse(pasted);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(StaffPasteParser.Row::holderName).containsExactly("\"Lalla\" Amina", "\"Khadija", "Said");
        assertThat(result.rows()).extracting(StaffPasteParser.Row::line).containsExactly(1, 2, 3);
        assertThat(result.rows().get(2).notes()).isEqualTo("\"Dr\" 2");
    }

    @Test
    void excelClipboardRecordsEndWithOrWithoutATrailingLineEnd() {
        assertThat(StaffPasteParser.records("a\tb\r\nc\td\r\n")).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(StaffPasteParser.records("a\tb\nc\t")).containsExactly(List.of("a", "b"), List.of("c", ""));
        assertThat(StaffPasteParser.records("\"x\ty\"\tz")).containsExactly(List.of("x\ty", "z"));
        assertThat(StaffPasteParser.records("")).isEmpty();
    }
}
