package ma.essp.diag.reporting.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ma.essp.diag.reporting.export.ReportLanguage;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the import problems the window shows in Arabic keep an ESSP code, a uuid or a file name left to right
 * (the code proposed by CODE_TAKEN was drawn "0012-01151"); French and English are unchanged.
 */
class TemplateWordsBidiTest {

    private static final String LRM = "\u200E";

    @Test
    void theCodeOfferedByCodeTakenIsKeptLeftToRightInArabic() {
        ImportProblem taken = new ImportProblem("ESSP", 4, "code", "01151-0001", ImportProblem.Reason.CODE_TAKEN,
                List.of("01151-0057"));
        String ar = new TemplateWords(ReportLanguage.AR).problem(taken);
        assertThat(ar).contains(LRM + "01151-0057" + LRM);
        assertThat(ar.replace(LRM, "")).isEqualTo("هذا الرمز مستعمل لمؤسسة أخرى (بما فيها المحذوفة)؛ الرمز الحر التالي في الإقليم هو 01151-0057.");
        assertThat(new TemplateWords(ReportLanguage.FR).problem(taken)).doesNotContain(LRM)
                .isEqualTo("Ce code est déjà celui d'un autre ESSP (supprimé compris) ; le prochain code libre de la province est 01151-0057.");
        assertThat(new TemplateWords(ReportLanguage.EN).problem(taken)).doesNotContain(LRM);
    }

    @Test
    void aWordOrAnArabicNameIsLeftAlone() {
        TemplateWords ar = new TemplateWords(ReportLanguage.AR);
        assertThat(ar.format("report.at_row", 4)).doesNotContain(LRM);
        assertThat(ar.format("report.at_column", "latitude")).doesNotContain(LRM);
    }
}
