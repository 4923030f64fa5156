package ma.essp.diag.reporting.readiness;

import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.repository.AnswerState.ABSENT;
import static ma.essp.diag.database.repository.AnswerState.AVAILABLE_FUNCTIONING;
import static ma.essp.diag.database.repository.AnswerState.AVAILABLE_NOT_FUNCTIONING;
import static ma.essp.diag.database.repository.AnswerState.NOT_APPLICABLE;
import static ma.essp.diag.reporting.readiness.MissionFixture.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.CatalogueDiff;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository.AssessmentSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-worked figures: every expected number is derived in the comments from the answers entered. */
class ReadinessCalculatorTest {

    private static final double EPS = 1e-9;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path dir;

    @Test
    void oneEsspDomainScoresAndIndexByHand() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int e = f.essp("E1", "CSR-1", c, "rural", 1000);
            int a = f.assess(e, V1, DAY);
            // basic amenities, 7 items: 3 available & functioning, 1 not functioning, 1 absent, 1 not applicable,
            // 1 not answered -> applicable 6, answered 5, score 3/5 = 60, completeness 5/6
            f.answer(a, V1, "AM01", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "AM02", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "AM03", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "AM04", AVAILABLE_NOT_FUNCTIONING);
            f.answer(a, V1, "AM05", ABSENT);
            f.answer(a, V1, "AM06", NOT_APPLICABLE);
            // AM07 not answered
            // basic equipment, 6 items: 3 functioning, 2 absent, 1 not functioning -> 3/6 = 50
            f.answer(a, V1, "EQ01", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "EQ02", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "EQ03", AVAILABLE_FUNCTIONING);
            f.answer(a, V1, "EQ04", ABSENT);
            f.answer(a, V1, "EQ05", ABSENT);
            f.answer(a, V1, "EQ06", AVAILABLE_NOT_FUNCTIONING);
            // standard precautions, 9 items all functioning -> 100
            f.answerGeneralDomain(a, V1, "standard_precautions", AVAILABLE_FUNCTIONING);
            // diagnostic capacity, 8 items: DX03 malaria is out of scope in Morocco (ignored even when answered),
            // DX08 not applicable, DX01 DX02 DX04 DX05 functioning, DX06 DX07 absent -> 4/6 = 66.67
            for (String code : List.of("DX01", "DX02", "DX03", "DX04", "DX05")) {
                f.answer(a, V1, code, AVAILABLE_FUNCTIONING);
            }
            f.answer(a, V1, "DX06", ABSENT);
            f.answer(a, V1, "DX07", ABSENT);
            f.answer(a, V1, "DX08", NOT_APPLICABLE);
            // essential medicines, 24 items: the first 18 functioning, the last 6 absent -> 18/24 = 75
            List<String> medicines = f.generalItems(V1, "essential_medicines");
            assertThat(medicines).hasSize(24);
            for (int i = 0; i < 24; i++) {
                f.answer(a, V1, medicines.get(i), i < 18 ? AVAILABLE_FUNCTIONING : ABSENT);
            }

            EsspReadiness r = f.compute().essp("E1");
            Map<String, DomainScore> d = r.generalDomains();
            assertThat(d.get("basic_amenities")).isEqualTo(new DomainScore("basic_amenities", 6, 5, 3));
            assertThat(d.get("basic_amenities").score()).isCloseTo(60.0, within(EPS));
            assertThat(d.get("basic_amenities").completeness()).isCloseTo(5.0 / 6, within(EPS));
            assertThat(d.get("basic_equipment").score()).isCloseTo(50.0, within(EPS));
            assertThat(d.get("standard_precautions").score()).isCloseTo(100.0, within(EPS));
            assertThat(d.get("diagnostic_capacity")).isEqualTo(new DomainScore("diagnostic_capacity", 6, 6, 4));
            assertThat(d.get("diagnostic_capacity").score()).isCloseTo(200.0 / 3, within(EPS));
            assertThat(d.get("essential_medicines").score()).isCloseTo(75.0, within(EPS));
            // (60 + 50 + 100 + 200/3 + 75) / 5 = (1055/3) / 5 = 211/3
            assertThat(r.generalIndex()).isCloseTo(211.0 / 3, within(EPS));
            // applicable 6 + 6 + 9 + 6 + 24 = 51, answered 5 + 6 + 9 + 6 + 24 = 50
            assertThat(r.generalApplicable()).isEqualTo(51);
            assertThat(r.generalAnswered()).isEqualTo(50);
            assertThat(r.generalCompleteness()).isCloseTo(50.0 / 51, within(EPS));
            // no service recorded: CSR-1 requires 12 services of the starter catalogue, 0 offered
            assertThat(r.requiredServices()).isEqualTo(12);
            assertThat(r.pmsCoverage()).isCloseTo(0.0, within(EPS));
        }
    }

    @Test
    void aDomainWithApplicableItemsButNoAnswerMakesTheIndexUndefined() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int a = f.assess(f.essp("E1", "CSR-1", c, "rural", null), V1, DAY);
            for (String domain : List.of("basic_amenities", "basic_equipment", "standard_precautions", "diagnostic_capacity")) {
                f.answerGeneralDomain(a, V1, domain, AVAILABLE_FUNCTIONING);
            }
            // no medicine answered: the index is unknown, not 80 and not 0
            EsspReadiness r = f.compute().essp("E1");
            assertThat(r.generalDomains().get("essential_medicines").score()).isNull();
            assertThat(r.generalDomains().get("essential_medicines").completeness()).isEqualTo(0.0);
            assertThat(r.generalIndex()).isNull();
            // all medicines "not applicable": the domain leaves the mean, the index is the mean of the other four
            f.answerGeneralDomain(a, V1, "essential_medicines", NOT_APPLICABLE);
            assertThat(f.compute().essp("E1").generalIndex()).isCloseTo(100.0, within(EPS));
        }
    }

    /** Province 01.511 holds E1, E2, E3 (assessed) and E4 (not assessed); E5 sits in another province. */
    private static void provinceOfThree(MissionFixture f) {
        int rural = f.circonscription("C1", f.province("01.511"), "rural");
        int urban = f.circonscription("C2", f.province("01.511"), "urban");
        int other = f.circonscription("C3", f.province("01.571"), "rural");
        // E1: everything functioning -> index 100; offers ANC, every ANC item functioning -> ANC 100
        int a1 = f.assess(f.essp("E1", "CSR-1", rural, "rural", 1000), V1, DAY);
        f.answerAllGeneral(a1, V1, AVAILABLE_FUNCTIONING);
        f.offer(a1, V1, "ANC");
        for (String domain : List.of("staff_guidelines", "equipment", "diagnostics", "medicines_commodities")) {
            f.serviceItems(V1, "ANC", domain).forEach(code -> f.answer(a1, V1, code, AVAILABLE_FUNCTIONING));
        }
        // E2: everything absent -> index 0; offers nothing
        int a2 = f.assess(f.essp("E2", "CSU-1", urban, "urban", 3000), V1, DAY);
        f.answerAllGeneral(a2, V1, ABSENT);
        // E3: amenities and equipment functioning, the other three domains absent -> (100 + 100) / 5 = 40
        int a3 = f.assess(f.essp("E3", "CSR-1", rural, "rural", 6000), V1, DAY);
        f.answerAllGeneral(a3, V1, ABSENT);
        f.answerGeneralDomain(a3, V1, "basic_amenities", AVAILABLE_FUNCTIONING);
        f.answerGeneralDomain(a3, V1, "basic_equipment", AVAILABLE_FUNCTIONING);
        // E3 offers ANC: staff 2/2 = 100, equipment ANC-03 yes ANC-04 no = 50, diagnostics 0/2 = 0, medicines 2/2 = 100
        // -> (100 + 50 + 0 + 100) / 4 = 62.5; ANC-09 to ANC-12 left unanswered: out of the score, in completeness
        f.offer(a3, V1, "ANC");
        f.answer(a3, V1, "ANC-01", AVAILABLE_FUNCTIONING);
        f.answer(a3, V1, "ANC-02", AVAILABLE_FUNCTIONING);
        f.answer(a3, V1, "ANC-03", AVAILABLE_FUNCTIONING);
        f.answer(a3, V1, "ANC-04", ABSENT);
        f.answer(a3, V1, "ANC-05", ABSENT);
        f.answer(a3, V1, "ANC-06", ABSENT);
        f.answer(a3, V1, "ANC-07", AVAILABLE_FUNCTIONING);
        f.answer(a3, V1, "ANC-08", AVAILABLE_FUNCTIONING);
        // E4: registered, never assessed
        f.essp("E4", "CSR-1", rural, "rural", 500);
        // E5, another province: general all functioning, offers ANC with every ANC item absent, and lacks the
        // blood-pressure apparatus of family planning and diabetes/hypertension as well
        int a5 = f.assess(f.essp("E5", "CSC", other, "rural", 2000), V1, DAY);
        f.answerAllGeneral(a5, V1, AVAILABLE_FUNCTIONING);
        f.offer(a5, V1, "ANC");
        for (String domain : List.of("staff_guidelines", "equipment", "diagnostics", "medicines_commodities")) {
            f.serviceItems(V1, "ANC", domain).forEach(code -> f.answer(a5, V1, code, ABSENT));
        }
        f.answer(a5, V1, "FP-03", ABSENT);
        f.answer(a5, V1, "DIAB_HTA-03", ABSENT);
    }

    private static AggregateRow row(List<AggregateRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void provinceOfThreeEsspsMeanAndPopulationWeightedMean() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            provinceOfThree(f);
            ReadinessResult result = f.compute();
            assertThat(result.essp("E3").generalIndex()).isCloseTo(40.0, within(EPS));

            AggregateRow plain = row(ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE), "01.511");
            assertThat(plain.registered()).isEqualTo(4);
            assertThat(plain.assessed()).isEqualTo(3);
            // (100 + 0 + 40) / 3
            assertThat(plain.general().value()).isCloseTo(140.0 / 3, within(EPS));
            assertThat(plain.general().n()).isEqualTo(3);
            assertThat(plain.general().completeness()).isCloseTo(1.0, within(EPS));
            assertThat(plain.weighting()).isEqualTo(Weighting.UNWEIGHTED);
            // amenities: (100 + 0 + 100) / 3
            assertThat(plain.generalDomains().get("basic_amenities").value()).isCloseTo(200.0 / 3, within(EPS));
            // availability: CSR-1 requires 12 services, CSU-1 14; E1 and E3 offer ANC -> (100/12 + 0 + 100/12) / 3
            assertThat(plain.pmsCoverage().value()).isCloseTo(200.0 / 36, within(EPS));

            AggregateRow weighted = row(ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE, Breakdown.NONE,
                    Weighting.POPULATION), "01.511");
            // (100 x 1000 + 0 x 3000 + 40 x 6000) / (1000 + 3000 + 6000) = 340,000 / 10,000
            assertThat(weighted.general().value()).isCloseTo(34.0, within(EPS));
            assertThat(weighted.general().n()).isEqualTo(3);
            assertThat(weighted.weighting()).isEqualTo(Weighting.POPULATION);

            // every province appears, even without ESSPs; the national figure covers the four assessed ESSPs
            assertThat(ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE)).hasSizeGreaterThan(70);
            AggregateRow nation = ReadinessAggregator.aggregate(result, AggregationLevel.NATIONAL).getFirst();
            assertThat(nation.registered()).isEqualTo(5);
            assertThat(nation.general().value()).isCloseTo((100 + 0 + 40 + 100) / 4.0, within(EPS));
        }
    }

    @Test
    void serviceReadinessIsAveragedOverTheEsspsOfferingItOnly() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            provinceOfThree(f);
            ReadinessResult result = f.compute();
            assertThat(result.essp("E3").services().get("ANC").index()).isCloseTo(62.5, within(EPS));
            assertThat(result.essp("E2").services()).doesNotContainKey("ANC");

            AggregateRow plain = row(ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE), "01.511");
            // E1 100, E3 62.5; E2 does not offer ANC and is not a zero
            assertThat(plain.services().get("ANC").value()).isCloseTo(81.25, within(EPS));
            assertThat(plain.services().get("ANC").n()).isEqualTo(2);
            // E1 answered its 12 ANC items, E3 8 of 12
            assertThat(plain.services().get("ANC").completeness()).isCloseTo(20.0 / 24, within(EPS));
            assertThat(result.essp("E3").services().get("ANC").completeness()).isCloseTo(8.0 / 12, within(EPS));
            assertThat(plain.services().get("FP")).isEqualTo(Figure.EMPTY);
            AggregateRow weighted = row(ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE, Breakdown.NONE,
                    Weighting.POPULATION), "01.511");
            // (100 x 1000 + 62.5 x 6000) / 7000
            assertThat(weighted.services().get("ANC").value()).isCloseTo(475_000.0 / 7000, within(EPS));
        }
    }

    @Test
    void breakdownByCategoryAndMilieuFoldsLegacyCategories() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            provinceOfThree(f);
            ReadinessResult result = f.compute();
            // E5 was recorded under the legacy name CSC, which the catalogue requires as CSR-1
            assertThat(result.essp("E5").effectiveCategory()).isEqualTo("CSR-1");
            assertThat(result.essp("E5").requiredServices()).isEqualTo(12);
            List<AggregateRow> byCategory = ReadinessAggregator.aggregate(result, AggregationLevel.NATIONAL, Breakdown.CATEGORY,
                    Weighting.UNWEIGHTED);
            assertThat(byCategory).extracting(AggregateRow::group).containsExactly("CSR-1", "CSU-1");
            // CSR-1: E1 100, E3 40, E5 100 (E4 not assessed)
            assertThat(byCategory.get(0).general().value()).isCloseTo(80.0, within(EPS));
            assertThat(byCategory.get(0).registered()).isEqualTo(4);
            List<AggregateRow> byMilieu = ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE, Breakdown.MILIEU,
                    Weighting.UNWEIGHTED);
            AggregateRow urban = byMilieu.stream().filter(r -> r.code().equals("01.511") && "urban".equals(r.group())).findFirst().orElseThrow();
            assertThat(urban.general().value()).isCloseTo(0.0, within(EPS));
            assertThat(urban.assessed()).isEqualTo(1);
        }
    }

    @Test
    void gapAnalysisPerCategoryPerEsspAndNeedsList() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            provinceOfThree(f);
            ReadinessResult result = f.compute();
            // E5 lacks the blood-pressure apparatus for ANC, FP and DIAB_HTA: it blocks three services, ranked first
            List<GapAnalyzer.MissingItem> e5 = GapAnalyzer.forEssp(result, result.essp("E5"));
            assertThat(e5.getFirst().labelFr()).isEqualTo("Tensiomètre");
            assertThat(e5.getFirst().blockedServices()).containsExactly("ANC", "FP", "DIAB_HTA");
            assertThat(e5.getFirst().itemCodes()).containsExactly("ANC-03", "FP-03", "DIAB_HTA-03");
            assertThat(e5.get(1).blockedServices()).containsExactly("ANC");

            // needs: E2 lacks it (basic equipment absent), E5 lacks it (service items absent); E1 and E3 have it
            List<GapAnalyzer.Need> needs = GapAnalyzer.needs(result, e -> true);
            GapAnalyzer.Need bp = needs.stream().filter(n -> n.labelFr().equals("Tensiomètre")).findFirst().orElseThrow();
            assertThat(bp.lacking()).isEqualTo(2);
            assertThat(bp.answered()).isEqualTo(4);
            GapAnalyzer.Need bpInProvince = GapAnalyzer.needs(result, e -> e.essp().provinceId() == f.province("01.511")).stream()
                    .filter(n -> n.labelFr().equals("Tensiomètre")).findFirst().orElseThrow();
            assertThat(bpInProvince.lacking()).isEqualTo(1);

            // CSR-1 (E1, E3, E5): nobody offers family planning; the fetal stethoscope is lacking at E3 and E5
            GapAnalyzer.CategoryGaps csr1 = GapAnalyzer.byCategory(result, e -> true).stream()
                    .filter(g -> g.category().equals("CSR-1")).findFirst().orElseThrow();
            assertThat(csr1.assessed()).isEqualTo(3);
            GapAnalyzer.ServiceGap fp = csr1.services().stream().filter(s -> s.serviceCode().equals("FP")).findFirst().orElseThrow();
            assertThat(fp.notOffered()).isEqualTo(3);
            GapAnalyzer.ServiceGap anc = csr1.services().stream().filter(s -> s.serviceCode().equals("ANC")).findFirst().orElseThrow();
            assertThat(anc.notOffered()).isZero();
            GapAnalyzer.ItemGap fetal = csr1.items().stream().filter(i -> i.itemCode().equals("ANC-04")).findFirst().orElseThrow();
            assertThat(fetal.lacking()).isEqualTo(2);
            assertThat(fetal.answered()).isEqualTo(3);
        }
    }

    @Test
    void latestAssessmentByDefaultDeletedOnesIgnored() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int e = f.essp("E1", "CSR-1", c, "rural", null);
            int old = f.assess(e, V1, LocalDate.of(2025, 5, 1));
            f.answerAllGeneral(old, V1, ABSENT);
            f.assessments.complete(old, f.assessments.load(old).orElseThrow().header().version());
            int recent = f.assess(e, V1, LocalDate.of(2026, 2, 1));
            f.answerAllGeneral(recent, V1, AVAILABLE_FUNCTIONING);
            assertThat(f.compute().essp("E1").generalIndex()).isCloseTo(100.0, within(EPS));
            assertThat(ReadinessCalculator.compute(new ReadinessDataRepository(f.dsl).load(AssessmentSelection.LATEST_COMPLETE))
                    .essp("E1").generalIndex()).isCloseTo(0.0, within(EPS));
            f.assessments.delete(recent, f.assessments.load(recent).orElseThrow().header().version());
            assertThat(f.compute().essp("E1").assessment().id()).isEqualTo(old);
        }
    }

    @Test
    void aNewCatalogueVersionDoesNotAlterIndicesOfAssessmentsMadeWithTheOldOne() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int c = f.circonscription("C1", f.province("01.511"), "rural");
            int a1 = f.assess(f.essp("E1", "CSR-1", c, "rural", null), V1, DAY);
            f.answerAllGeneral(a1, V1, AVAILABLE_FUNCTIONING);
            f.answer(a1, V1, "AM07", ABSENT);
            // amenities 6/7, others 100 -> (600/7 + 400) / 5 = 680/7
            double before = f.compute().essp("E1").generalIndex();
            assertThat(before).isCloseTo(680.0 / 7, within(EPS));

            f.catalogue.publish(V1, f.catalogue.version(V1).version(), LocalDate.of(2026, 1, 15));
            int v2 = f.catalogue.draftFrom(V1, "PMS v0.2");
            assertThat(f.catalogue.compare(V1, v2).isEmpty()).isTrue();
            // v2: emergency transport no longer counts, and hot water is a new amenity
            f.dsl.update(PMS_ITEM).set(PMS_ITEM.IN_SCOPE, false).set(PMS_ITEM.VERSION, PMS_ITEM.VERSION.plus(1))
                    .where(PMS_ITEM.VERSION_ID.eq(v2), PMS_ITEM.CODE.eq("AM07")).execute();
            var am08 = f.dsl.newRecord(PMS_ITEM);
            am08.setVersionId(v2);
            am08.setDomainCode("basic_amenities");
            am08.setCode("AM08");
            am08.setLabelFr("Eau chaude");
            am08.setSortOrder(8);
            f.edit.stampNew(am08);
            am08.store();
            f.catalogue.publish(v2, f.catalogue.version(v2).version(), LocalDate.of(2026, 4, 1));
            CatalogueDiff diff = f.catalogue.compare(V1, v2);
            assertThat(diff.of(CatalogueDiff.Entity.ITEM, CatalogueDiff.Kind.ADDED)).extracting(CatalogueDiff.Change::code)
                    .containsExactly("AM08");
            assertThat(diff.of(CatalogueDiff.Entity.ITEM, CatalogueDiff.Kind.CHANGED)).singleElement()
                    .satisfies(ch -> assertThat(ch.fields()).containsExactly("in_scope"));

            // E2 assessed with v2 in the same way: AM07 now leaves the score, AM08 absent -> amenities 6/7 again but
            // through other items; E1 keeps its v1 figures exactly
            int a2 = f.assess(f.essp("E2", "CSR-1", c, "rural", null), v2, DAY);
            f.answerAllGeneral(a2, v2, AVAILABLE_FUNCTIONING);
            f.answer(a2, v2, "AM07", ABSENT);
            f.answer(a2, v2, "AM08", ABSENT);
            ReadinessResult after = f.compute();
            assertThat(after.essp("E1").generalIndex()).isEqualTo(before);
            assertThat(after.essp("E1").generalDomains().get("basic_amenities")).isEqualTo(new DomainScore("basic_amenities", 7, 7, 6));
            assertThat(after.essp("E2").generalDomains().get("basic_amenities")).isEqualTo(new DomainScore("basic_amenities", 7, 7, 6));
            f.answer(a2, v2, "AM08", AVAILABLE_FUNCTIONING);
            assertThat(f.compute().essp("E2").generalIndex()).isCloseTo(100.0, within(EPS));
            assertThat(f.compute().essp("E1").generalIndex()).isEqualTo(before);
        }
    }

    @Test
    void provincesAreListedOnce() throws Exception {
        try (MissionFixture f = new MissionFixture(dir)) {
            int provinces = f.dsl.fetchCount(PROVINCE);
            assertThat(ReadinessAggregator.aggregate(f.compute(), AggregationLevel.PROVINCE)).hasSize(provinces);
        }
    }
}
