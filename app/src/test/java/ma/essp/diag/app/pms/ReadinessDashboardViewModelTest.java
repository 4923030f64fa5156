package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessDashboardViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private ReadinessDashboardViewModel vm;

    @BeforeEach
    void load() throws Exception {
        mission = PmsFixture.create(dir.resolve("p.essp"));
        vm = new ReadinessDashboardViewModel(() -> ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load()),
                new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
        vm.load();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private AggregateRow row(String code) {
        return vm.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void nationThenRegionsWithTheirNAndCompleteness() {
        assertThat(vm.path()).extracting(ReadinessDashboardViewModel.Crumb::name).containsExactly("Maroc");
        assertThat(vm.rows()).hasSize(12).allMatch(r -> r.level() == AggregationLevel.REGION);
        // (100 + 0 + 20) / 3
        assertThat(vm.currentProperty().get().general().value()).isEqualTo(40.0);
        assertThat(vm.summaryProperty().get()).startsWith("Maroc — indice général de disponibilité : 40,00 (n = 3 ESSP évalués sur 6")
                .contains("complétude 100,00 %").contains("moyenne simple des ESSP");
        assertThat(row("01").general().value()).isEqualTo(50.0);
        assertThat(row("06").general().value()).isEqualTo(20.0);
        assertThat(row("08").general().value()).isNull();
        assertThat(vm.behind(row("01").general())).isEqualTo("n = 2 · complétude 100,00 %");
        assertThat(vm.domainProfile()).hasSize(5);
        // no ESSP of the fixture offers a service: every service line is empty, not zero
        assertThat(vm.services()).hasSize(17).allMatch(l -> l.figure().value() == null && l.figure().n() == 0);
        assertThat(vm.domainProfile().getFirst().figure().value()).isEqualTo(200.0 / 3);
        // histogram: 0 -> [0,10), 20 -> [20,30), 100 -> [90,100]
        assertThat(vm.histogram()).extracting(ReadinessDashboardViewModel.Bin::count).containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void drillsDownToTheEsspsAndBackUp() {
        assertThat(vm.drillDown(row("01"))).isTrue();
        assertThat(vm.rows()).allMatch(r -> r.level() == AggregationLevel.PROVINCE).anyMatch(r -> r.code().equals("01.511"));
        assertThat(vm.summaryProperty().get()).startsWith("Tanger-Tétouan-Al Hoceima — indice général de disponibilité : 50,00 (n = 2");
        assertThat(vm.drillDown(row("01.511"))).isTrue();
        assertThat(vm.rows()).extracting(AggregateRow::code).containsExactlyInAnyOrder("C-TNG-1", "C-TNG-2");
        assertThat(vm.drillDown(row("C-TNG-2"))).isTrue();
        assertThat(vm.rows()).extracting(AggregateRow::code).containsExactly("E003", "E004");
        assertThat(row("E003").general().value()).isEqualTo(0.0);
        vm.selectEssp(row("E003"));
        assertThat(vm.esspGapsTitleProperty().get()).startsWith("CSR Gzenaya : ").endsWith("classés par nombre de services bloqués");
        assertThat(vm.esspGaps()).isNotEmpty().allMatch(line -> line.contains("disponibilité générale"));
        assertThat(vm.canDrillDown()).isFalse();
        assertThat(vm.drillDown(row("E003"))).isFalse();
        vm.goTo(0);
        assertThat(vm.path()).hasSize(1);
        assertThat(vm.rows()).hasSize(12);
    }

    @Test
    void everyChartStatesItsNAndCompleteness() {
        // nation: E001, E003, E005 assessed, every general item answered; each of the five domains scored for all three
        assertThat(vm.unitsCaptionProperty().get()).isEqualTo("n = 3 ESSP · complétude 100,00 % (unités : survol, tableau)");
        assertThat(vm.domainsCaptionProperty().get()).startsWith("n = 3 ESSP · complétude 100,00 %");
        assertThat(vm.histogramCaptionProperty().get()).isEqualTo("n = 3 ESSP ayant un indice · complétude 100,00 %");
        // Tanger-Tétouan-Al Hoceima: E001 and E003
        vm.drillDown(row("01"));
        assertThat(vm.histogramCaptionProperty().get()).isEqualTo("n = 2 ESSP ayant un indice · complétude 100,00 %");
        assertThat(vm.domainsCaptionProperty().get()).startsWith("n = 2 ESSP");
        // each bar's own figure in the table row beside it
        assertThat(vm.behind(row("01.511").general())).isEqualTo("n = 2 · complétude 100,00 %");
    }

    @Test
    void breakdownByCategoryAndMilieuAndGapsPerCategory() {
        // E001 CSU-1 urban 100, E003 CSR-2 rural 0, E005 CSU-1 urban 20; E002 CSU-2, E004 DR, E006 CSU-2 not assessed
        assertThat(vm.groups()).extracting(AggregateRow::group).containsExactly("CSR-2", "CSU-1", "CSU-2", "DR");
        assertThat(vm.groups().get(1).general().value()).isEqualTo(60.0);
        assertThat(vm.groups().get(1).general().n()).isEqualTo(2);
        assertThat(vm.groups().get(0).general().value()).isEqualTo(0.0);
        assertThat(vm.groups().get(2).general().value()).isNull();
        assertThat(vm.groups().get(2).registered()).isEqualTo(2);
        vm.breakdownProperty().set(ma.essp.diag.reporting.readiness.Breakdown.MILIEU);
        assertThat(vm.groups()).extracting(vm::groupLabel).containsExactly("rural", "urbain");
        // rural: E003 (E004 not assessed); urban: (100 + 20) / 2 over E001, E005 (E002, E006 not assessed)
        assertThat(vm.groups().get(0).general().value()).isEqualTo(0.0);
        assertThat(vm.groups().get(0).registered()).isEqualTo(2);
        assertThat(vm.groups().get(1).general().value()).isEqualTo(60.0);
        assertThat(vm.groups().get(1).registered()).isEqualTo(4);
        // per category: CSR-2's only ESSP lacks every item; in CSU-1 E005 lacks every non-amenity item, E001 nothing
        assertThat(vm.categoryGaps().getFirst()).isEqualTo("CSR-2 — 1 ESSP évalués");
        int csu1 = vm.categoryGaps().indexOf("CSU-1 — 2 ESSP évalués");
        assertThat(csu1).isPositive();
        assertThat(vm.categoryGaps().subList(1, csu1)).filteredOn(l -> l.contains("manque"))
                .hasSize(5).allMatch(l -> l.startsWith("    · ") && l.endsWith(" — manque dans 1 ESSP sur 1"));
        assertThat(vm.categoryGaps().subList(csu1 + 1, vm.categoryGaps().size())).filteredOn(l -> l.contains("manque"))
                .hasSize(5).allMatch(l -> l.endsWith(" — manque dans 1 ESSP sur 2"));
        // drill down to Casablanca-Settat: only E005 (CSU-1)
        vm.drillDown(vm.rows().stream().filter(r -> r.code().equals("06")).findFirst().orElseThrow());
        assertThat(vm.categoryGaps().getFirst()).isEqualTo("CSU-1 — 1 ESSP évalués");
    }

    @Test
    void inArabicUnitsAreNamedInArabicTheFiguresUnchanged() {
        ReadinessDashboardViewModel ar = new ReadinessDashboardViewModel(
                () -> ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load()),
                new CurrentThreadTaskExecutor(), new I18n(I18n.ARABIC));
        ar.load();
        AggregateRow tanger = ar.rows().stream().filter(r -> r.code().equals("01")).findFirst().orElseThrow();
        assertThat(ar.unitName(tanger)).isEqualTo("طنجة-تطوان-الحسيمة");
        assertThat(tanger.name()).isEqualTo("Tanger-Tétouan-Al Hoceima"); // the CLI's and the exports' name
        assertThat(tanger.general().value()).isEqualTo(50.0);
        ar.drillDown(tanger);
        assertThat(ar.path().getLast().name()).isEqualTo("طنجة-تطوان-الحسيمة");
        AggregateRow province = ar.rows().stream().filter(r -> r.code().equals("01.511")).findFirst().orElseThrow();
        assertThat(ar.unitName(province)).isEqualTo("طنجة-أصيلة");
        ar.drillDown(province);
        ar.drillDown(ar.rows().stream().filter(r -> r.code().equals("C-TNG-2")).findFirst().orElseThrow());
        assertThat(ar.rows()).extracting(ar::unitName).containsExactly("مركز E003", "مركز E004");
        assertThat(vm.unitName(row("01"))).isEqualTo("Tanger-Tétouan-Al Hoceima");
    }

    @Test
    void figuresKeepTheCliDigitsWithTheSeparatorsOfTheLanguage() {
        // 2/3 rounds half up to 66.67 in the CLI; each language writes those same digits its own way
        Figure twoThirds = new Figure(200.0 / 3, 3, 1.0);
        assertThat(vm.figure(twoThirds)).isEqualTo("66,67");
        assertThat(vm.percent(0.5)).isEqualTo("50,00 %");
        I18n english = new I18n(I18n.ENGLISH);
        assertThat(english.formatDecimal("66.67")).isEqualTo("66.67");
        assertThat(english.formatDecimal("1234.50")).isEqualTo("1,234.50");
        assertThat(new I18n(I18n.ARABIC).formatDecimal("66.67")).isEqualTo("66,67");
        assertThat(vm.figure(null)).isEqualTo("—");
    }

    @Test
    void weightingIsAnOptionAndSaysSo() {
        vm.weightedProperty().set(true);
        // (100 x 30,000 + 0 x 25,000 + 20 x 60,000) / 115,000
        assertThat(vm.currentProperty().get().general().value()).isCloseTo(4_200_000.0 / 115_000, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vm.summaryProperty().get()).contains(": 36,52 (").contains("moyenne pondérée par la population desservie");
    }

    @Test
    void topNeedsCountEsspsLackingEachItem() {
        // E003 lacks everything; E005 lacks every non-amenity item, the blood-pressure apparatus among them
        // (every non-amenity general item: 2 of the 3 assessed ESSPs; the top ten shown, ties in label order)
        assertThat(vm.topNeeds()).hasSize(10);
        assertThat(vm.topNeeds().stream().map(vm::needText)).allMatch(t -> t.startsWith("2 ESSP sur 3 : "))
                .contains("2 ESSP sur 3 : Amlodipine ou autre inhibiteur calcique");
    }

    @Test
    void anUnreadableMissionShowsAnErrorInsteadOfFigures() throws Exception {
        MissionFile other = FixtureMission.create(dir.resolve("q.essp"));
        other.close();
        ReadinessDashboardViewModel failing = new ReadinessDashboardViewModel(() -> {
            throw new IllegalStateException("connection pool shut down");
        }, new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
        failing.load();
        // the exception's English goes to the log; the window says it in its own words
        assertThat(failing.errorProperty().get())
                .isEqualTo("Les données n’ont pas pu être chargées : erreur inattendue (le détail est dans le journal de l’application).");
        assertThat(failing.rows()).isEmpty();
    }

    @Test
    void sensitivityColumnAndIndicesOverFewerDomains() {
        var dsl = mission.dsl();
        var assessments = new ma.essp.diag.database.repository.AssessmentRepository(dsl,
                ma.essp.diag.database.mission.EditContext.system("test"));
        // E001: three amenities left unanswered; E003: its six basic equipment items "not applicable"
        int e001 = assessments.latest(esspId("E001")).orElseThrow().id();
        for (String code : java.util.List.of("AM05", "AM06", "AM07")) {
            assessments.answer(e001, itemId(code), ma.essp.diag.database.repository.AnswerState.MISSING, null, null);
        }
        int e003 = assessments.latest(esspId("E003")).orElseThrow().id();
        for (String code : java.util.List.of("EQ01", "EQ02", "EQ03", "EQ04", "EQ05", "EQ06")) {
            assessments.answer(e003, itemId(code), ma.essp.diag.database.repository.AnswerState.NOT_APPLICABLE, "observed", null);
        }
        vm.load();
        // E001 left out: amenities 4/4, index 100; counted absent: amenities 4/7, index (400/7 + 400) / 5 = 3200/35
        // nation (E001, E003 = 0, E005 = 20): 40 by default, (3200/35 + 0 + 20) / 3 = 37.14 counted absent
        assertThat(vm.currentProperty().get().general().value()).isEqualTo(40.0);
        assertThat(vm.unansweredAbsent(row("01")).value()).isCloseTo((3200.0 / 35) / 2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vm.methodProperty().get()).startsWith("Méthode SARA : médicaments, diagnostics et équipement comptés seulement");
        assertThat(vm.sensitivityProperty().get()).contains("indice 37,14 au lieu de 40,00");
        // region 01 (E001, E003): E003's index is over 4 of the 5 general domains
        assertThat(vm.domains(row("01"))).contains("4/5").endsWith("· 1 ESSP");
        assertThat(vm.domains(row("06"))).contains("5/5").doesNotContain("ESSP");
        assertThat(vm.domains(row("08"))).isEmpty();
    }

    private int esspId(String code) {
        return mission.dsl().select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq(code)).fetchOne(ma.essp.diag.database.jooq.Tables.ESSP.ID);
    }

    private int itemId(String code) {
        var item = ma.essp.diag.database.jooq.Tables.PMS_ITEM;
        return mission.dsl().select(item.ID).from(item).where(item.VERSION_ID.eq(1), item.CODE.eq(code)).fetchOne(item.ID);
    }
}
