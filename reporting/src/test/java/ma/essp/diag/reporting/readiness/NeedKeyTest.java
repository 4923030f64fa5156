package ma.essp.diag.reporting.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import ma.essp.diag.database.repository.ReadinessData;
import org.junit.jupiter.api.Test;

class NeedKeyTest {

    private static ReadinessData.Item item(String code, String labelFr) {
        return new ReadinessData.Item(1, 1, null, "D1", code, labelFr, null, null, true, 1);
    }

    @Test
    void theKeyIsTheFrenchLabelWithoutCaseAccentsNorPunctuation() {
        assertThat(GapAnalyzer.needKey(item("EQ-01", "Tensiomètre (appareil à tension) — adulte"))).isEqualTo("tensiometre appareil a tension adulte");
        assertThat(GapAnalyzer.needKey(item("EQ-02", "  Stéthoscope, Pinard!  "))).isEqualTo("stethoscope pinard");
        // without a French label: the code
        assertThat(GapAnalyzer.needKey(item("EQ-03", null))).isEqualTo("eq 03");
    }

    @Test
    void itemsOfDifferentServicesWithTheSameLabelShareTheKeyEveryTimeItIsAsked() {
        String first = GapAnalyzer.needKey(item("SMI-07", "Pèse-bébé"));
        assertThat(GapAnalyzer.needKey(item("PF-02", "PÈSE BÉBÉ"))).isEqualTo(first).isEqualTo("pese bebe");
        assertThat(GapAnalyzer.needKey(item("SMI-07", "Pèse-bébé"))).isSameAs(first);
    }
}
