package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.export.ReportLanguage;
import org.junit.jupiter.api.Test;

/** The window and the reports call every stored code by the same words, in each of the three languages. */
class CodeLabelsAgreementTest {

    @Test
    void theReportPrintsTheWindowsLabelOfEveryCode() {
        for (ReportLanguage language : ReportLanguage.values()) {
            I18n window = new I18n(language.locale());
            ReportLabels report = new ReportLabels(language);
            for (Vocabulary v : Vocabulary.values()) {
                for (String code : v.codes()) {
                    // the window's Arabic carries invisible wrapping marks; the words are the same
                    String shown = window.code(v, code).replace(String.valueOf(RtlWrapText.MARK), "");
                    assertThat(shown).as(language + " " + v.key(code)).isEqualTo(report.code(v, code));
                }
            }
        }
    }

    @Test
    void examplesInEachLanguage() {
        assertThat(new I18n(I18n.FRENCH).code(Vocabulary.FUNCTIONALITY, "partially")).isEqualTo("partiellement fonctionnel");
        assertThat(new I18n(I18n.ENGLISH).code(Vocabulary.HOLDER, "shared")).isEqualTo("Shared");
        assertThat(new I18n(I18n.ARABIC).code(Vocabulary.STAFF_STATUS, "on_leave").replace(String.valueOf(RtlWrapText.MARK), ""))
                .isEqualTo("في إجازة");
        assertThat(new ReportLabels(ReportLanguage.FR).code(Vocabulary.CARE_STAGE, "staff_trained")).isEqualTo("personnel formé");
    }
}
