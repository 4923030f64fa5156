package ma.essp.diag.database.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import ma.essp.diag.database.rules.PerpetratorCareRules.Code;
import ma.essp.diag.database.rules.PerpetratorCareRules.Problem;
import org.junit.jupiter.api.Test;

/** A site's kind: an ESSP site names an ESSP of its province; the other kinds need none. */
class PerpetratorCareSiteKindRulesTest {

    private static Code code(Optional<Problem> p) {
        return p.map(Problem::code).orElse(null);
    }

    @Test
    void anEsspSiteNeedsAnEsspOfItsProvince() {
        assertThat(code(PerpetratorCareRules.site("Site", 7, "essp", null))).isEqualTo(Code.ESSP_REQUIRED);
        assertThat(code(PerpetratorCareRules.site("Site", 7, "essp", 8))).isEqualTo(Code.ESSP_OTHER_PROVINCE);
        assertThat(code(PerpetratorCareRules.site("Site", 7, "essp", 7))).isNull();
        // the name and the province are checked first
        assertThat(code(PerpetratorCareRules.site(" ", 7, "essp", null))).isEqualTo(Code.NAME_REQUIRED);
        assertThat(code(PerpetratorCareRules.site("Site", null, "essp", null))).isEqualTo(Code.PROVINCE_REQUIRED);
    }

    @Test
    void theOtherKindsNeedNoEssp() {
        assertThat(code(PerpetratorCareRules.site("Site", 7, "hospital", null))).isNull();
        assertThat(code(PerpetratorCareRules.site("Site", 7, "psychiatric_service", null))).isNull();
    }
}
