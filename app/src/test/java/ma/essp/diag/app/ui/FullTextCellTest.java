package ma.essp.diag.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which lines keep their end when cut: those written "name — code" (a Latin name in Arabic, I18n.codeAndName). */
class FullTextCellTest {

    @Test
    void aLineEndingWithItsCodeIsCutAtItsStart() {
        assertThat(FullTextCell.ENDS_WITH_CODE).accepts("CSR-2 Arbaa Natartarout — 01571-0029",
                "Rapport semestriel de prise en charge des victimes de violence — VIOL-S");
        // the code first (an Arabic name, or any line in French): cut at its end as usual
        assertThat(FullTextCell.ENDS_WITH_CODE).rejects("01571-0029 — مستوصف أربعاء", "VIOL-S — Rapport semestriel",
                "Tanger-Tétouan-Al Hoceima", "SMI-MAT · ESSP → Circonscription · Tanger-Tétouan-Al Hoceima");
    }
}
