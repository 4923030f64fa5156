package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import ma.essp.diag.database.code.CodeLabels;
import ma.essp.diag.database.code.Vocabulary;
import org.junit.jupiter.api.Test;

class ReportLabelsTest {

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportLabels.class.getResourceAsStream("report" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties fr = load("");
        for (String suffix : new String[] {"_en", "_ar"}) {
            Properties other = load(suffix);
            assertThat(other.stringPropertyNames()).as("keys of " + suffix).isEqualTo(fr.stringPropertyNames());
        }
    }

    @Test
    void labelsAndFormatsFollowTheLanguage() {
        assertThat(new ReportLabels(ReportLanguage.FR).get("sheet.summary")).isEqualTo("Synthèse");
        assertThat(new ReportLabels(ReportLanguage.EN).get("sheet.summary")).isEqualTo("Summary");
        assertThat(new ReportLabels(ReportLanguage.AR).get("sheet.summary")).isEqualTo("ملخص");
        assertThat(new ReportLabels(ReportLanguage.AR).number(72.45, 1)).isEqualTo("72,5"); // Latin digits
        assertThat(new ReportLabels(ReportLanguage.EN).code(Vocabulary.CARE_STAGE, "launched")).isEqualTo("launched");
        assertThat(new ReportLabels(ReportLanguage.AR).code(Vocabulary.CARE_STAGE, "launched")).isEqualTo("انطلق");
        assertThat(new ReportLabels(ReportLanguage.FR).code(Vocabulary.CARE_STAGE, "unknown_code")).isEqualTo("unknown_code");
        assertThat(new ReportLabels(ReportLanguage.FR).word("weighting", "unweighted")).isEqualTo("moyenne simple des ESSP");
    }

    @Test
    void storedCodesReadTheDatabaseBundle() {
        for (ReportLanguage language : ReportLanguage.values()) {
            ReportLabels labels = new ReportLabels(language);
            for (Vocabulary v : Vocabulary.values()) {
                for (String code : v.codes()) {
                    assertThat(labels.code(v, code)).as(v.key(code)).isEqualTo(CodeLabels.label(v, code, language.locale()));
                }
            }
        }
    }

    @Test
    void scopesParse() {
        assertThat(ReportScope.parse("national")).isEqualTo(ReportScope.NATIONAL);
        assertThat(ReportScope.parse("region:02")).isEqualTo(ReportScope.region("02"));
        assertThat(ReportScope.parse("province:02.251")).isEqualTo(ReportScope.province("02.251"));
        assertThat(ReportScope.parse("circonscription:12")).isEqualTo(ReportScope.circonscription(12));
        assertThatThrownBy(() -> ReportScope.parse("commune:1")).hasMessageContaining("unknown level");
        assertThatThrownBy(() -> ReportScope.parse("circonscription:x")).hasMessageContaining("numeric id");
        assertThat(ReportSection.defaults(ReportScope.NATIONAL)).doesNotContain(ReportSection.ESSP_SHEETS);
        assertThat(ReportSection.defaults(ReportScope.region("01"))).contains(ReportSection.ESSP_SHEETS);
    }
}
