package ma.essp.diag.database.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import ma.essp.diag.database.rules.EsspFormRules.Code;
import ma.essp.diag.database.rules.EsspFormRules.Problem;
import org.junit.jupiter.api.Test;

class EsspFormRulesTest {

    private static Code key(Optional<Problem> p) {
        return p.map(Problem::code).orElse(null);
    }

    @Test
    void codeIsRequiredWellFormedAndStartsWithTheProvinceDigits() {
        assertThat(key(EsspFormRules.code(" ", "01571"))).isEqualTo(Code.CODE_REQUIRED);
        assertThat(key(EsspFormRules.code("1571-7", "01571"))).isEqualTo(Code.CODE_FORMAT);
        assertThat(key(EsspFormRules.code("01571-007", "01571"))).isEqualTo(Code.CODE_FORMAT);
        assertThat(key(EsspFormRules.code("01511-0007", "01571"))).isEqualTo(Code.CODE_PROVINCE);
        assertThat(EsspFormRules.code("01571-0007", "01571")).isEmpty();
        // préfectures d'arrondissements have 9 digits
        assertThat(EsspFormRules.code("061410100-0001", "061410100")).isEmpty();
        assertThat(EsspFormRules.code("01571-0007", null)).as("province not chosen yet").isEmpty();
    }

    @Test
    void nameIsRequired() {
        assertThat(key(EsspFormRules.name("  "))).isEqualTo(Code.NAME_REQUIRED);
        assertThat(EsspFormRules.name("CSU Souika")).isEmpty();
    }

    @Test
    void categoryMustBeOneOfTheReferenceCategories() {
        assertThat(key(EsspFormRules.category("CSX", List.of("DR", "CSR-1")))).isEqualTo(Code.CATEGORY_INVALID);
        assertThat(key(EsspFormRules.category(null, List.of("DR")))).isEqualTo(Code.CATEGORY_INVALID);
        assertThat(EsspFormRules.category("DR", List.of("DR", "CSR-1"))).isEmpty();
    }

    @Test
    void circonscriptionMustBelongToTheChosenProvince() {
        assertThat(key(EsspFormRules.circonscription(null, null, 3))).isEqualTo(Code.CIRCONSCRIPTION_REQUIRED);
        assertThat(key(EsspFormRules.circonscription(10, 1, 3))).isEqualTo(Code.CIRCONSCRIPTION_PROVINCE);
        assertThat(EsspFormRules.circonscription(10, 3, 3)).isEmpty();
        assertThat(key(EsspFormRules.province(null))).isEqualTo(Code.PROVINCE_REQUIRED);
    }

    @Test
    void coordinatesAreNumbersInsideMoroccoAndComeInPairs() {
        assertThat(EsspFormRules.latitude("35,57", "-5,37")).isEmpty();
        assertThat(EsspFormRules.longitude("-5.37", "35.57")).isEmpty();
        assertThat(EsspFormRules.latitude("", "")).isEmpty();
        assertThat(key(EsspFormRules.latitude("abc", "-5"))).isEqualTo(Code.NOT_A_NUMBER);
        assertThat(key(EsspFormRules.latitude("48.85", "2.35"))).isEqualTo(Code.LATITUDE_OUTSIDE);
        assertThat(key(EsspFormRules.longitude("2.35", "34"))).isEqualTo(Code.LONGITUDE_OUTSIDE);
        assertThat(key(EsspFormRules.latitude("", "-5.3"))).isEqualTo(Code.COORDINATES_BOTH);
        assertThat(key(EsspFormRules.longitude("", "35.5"))).isEqualTo(Code.COORDINATES_BOTH);
    }

    @Test
    void populationIsAWholeNumberNotNegative() {
        assertThat(EsspFormRules.population("")).isEmpty();
        assertThat(EsspFormRules.population("12 500")).isEmpty();
        assertThat(EsspFormRules.parsePopulation("12\u202f500")).isEqualTo(12_500);
        assertThat(EsspFormRules.population("0")).isEmpty();
        assertThat(key(EsspFormRules.population("-1"))).isEqualTo(Code.POPULATION_NEGATIVE);
        assertThat(key(EsspFormRules.population("12.5"))).isEqualTo(Code.POPULATION_NUMBER);
    }

    @Test
    void anEsspNotFullyFunctioningSaysWhy() {
        assertThat(key(EsspFormRules.functionalityReason("partially", " "))).isEqualTo(Code.REASON_REQUIRED);
        assertThat(EsspFormRules.functionalityReason("partially", "no water")).isEmpty();
        assertThat(EsspFormRules.functionalityReason("fully", null)).isEmpty();
    }
}
