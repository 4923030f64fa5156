package ma.essp.diag.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CirconscriptionNameTest {

    @Test
    void theDistinguishingPartComesFirst() {
        assertThat(CirconscriptionName.shortForm("Circonscription sanitaire urbaine Riad"))
                .isEqualTo("Riad (circonscription sanitaire urbaine)");
        assertThat(CirconscriptionName.shortForm("Circonscription sanitaire rurale Aïn Chkef"))
                .isEqualTo("Aïn Chkef (circonscription sanitaire rurale)");
        assertThat(CirconscriptionName.shortForm("circonscription  sanitaire de Tétouan "))
                .isEqualTo("Tétouan (circonscription sanitaire)");
        assertThat(CirconscriptionName.shortForm("Circonscription sanitaire d'Azilal"))
                .isEqualTo("Azilal (circonscription sanitaire)");
        assertThat(CirconscriptionName.shortForm("Circonscription sanitaire urbaine de la Médina"))
                .isEqualTo("Médina (circonscription sanitaire urbaine)");
    }

    @Test
    void arabicNamesToo() {
        assertThat(CirconscriptionName.shortForm("الدائرة الصحية الحضرية الرياض"))
                .isEqualTo("الرياض (الدائرة الصحية الحضرية)");
    }

    @Test
    void otherNamesStayAsTheyAre() {
        assertThat(CirconscriptionName.shortForm("CS Riad")).isEqualTo("CS Riad");
        assertThat(CirconscriptionName.shortForm("Circonscription sanitaire")).isEqualTo("Circonscription sanitaire");
        assertThat(CirconscriptionName.shortForm(null)).isEmpty();
    }
}
