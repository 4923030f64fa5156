package ma.essp.diag.app.map;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.map.model.GeneralReadinessFigure;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map coloured by general readiness, on the fixture mission with three assessments (catalogue version 1,
 * general items only: 53 in scope — amenities 7, equipment 6, precautions 9, diagnostics 7 of 8 (malaria out of
 * scope), medicines 24):
 * <ul>
 *   <li>E001 (Tanger-Assilah) everything functioning → domains 100 ×5 → index 100, 53/53 answered;</li>
 *   <li>E003 (Tanger-Assilah) amenities functioning, the rest absent → (100 + 0 × 4) / 5 = 20, 53/53;</li>
 *   <li>E005 (Casablanca-Anfa, drawn in MA-CAS) two amenities not answered, the five others functioning
 *       (5/5 = 100), medicines absent (0), equipment, precautions and diagnostics functioning (100) →
 *       (100 × 4 + 0) / 5 = 80, 51/53 answered;</li>
 *   <li>E002, E004, E006 not assessed.</li>
 * </ul>
 * So MA-TNG = (100 + 20) / 2 = 60 with n = 2 and completeness 106/106 = 100 %, MA-CAS = 80 with n = 1 and
 * completeness 51/53 = 96.23 %, Morocco = (100 + 20 + 80) / 3 = 66.67 with n = 3 and 157/159 = 98.74 %.
 */
class ReadinessMapFigureTest {

    @TempDir
    Path dir;
    MissionFile mission;
    MapViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        var dsl = mission.dsl();
        AssessmentRepository assessments = new AssessmentRepository(dsl, EditContext.system("test"));
        var items = dsl.select(PMS_ITEM.ID, PMS_ITEM.DOMAIN_CODE).from(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(1), PMS_ITEM.SERVICE_ID.isNull(), PMS_ITEM.IN_SCOPE.isTrue())
                .orderBy(PMS_ITEM.ID).fetch();
        for (String code : new String[] {"E001", "E003", "E005"}) {
            int essp = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.ID);
            int assessment = assessments.start(essp, 1, LocalDate.of(2026, 3, 1), "test");
            Map<Integer, AnswerState> answers = new HashMap<>();
            int amenitiesSkipped = 0;
            for (var item : items) {
                String domain = item.value2();
                boolean functioning = switch (code) {
                    case "E001" -> true;
                    case "E003" -> domain.equals("basic_amenities");
                    default -> !domain.equals("essential_medicines");
                };
                if (code.equals("E005") && domain.equals("basic_amenities") && amenitiesSkipped < 2) {
                    amenitiesSkipped++;
                    continue; // not answered
                }
                answers.put(item.value1(), functioning ? AnswerState.AVAILABLE_FUNCTIONING : AnswerState.ABSENT);
            }
            assessments.answerAll(assessment, answers, "observed");
        }
        vm = new MapViewModel(new EsspMapRepository(dsl), new EsspRepository(dsl), dsl, new CurrentThreadTaskExecutor(),
                new I18n(Locale.FRENCH), MapFigure.builtIn(),
                new ma.essp.diag.app.testing.RecordingDialogService(), dir);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private void chooseReadiness() {
        FilterChoice readiness = vm.figureChoices().stream().filter(c -> c.value().equals("general_readiness")).findFirst().orElseThrow();
        vm.figureProperty().set(readiness);
    }

    @Test
    void theFigureChooserOffersTheGeneralReadinessIndex() {
        assertThat(vm.figureChoices()).extracting(FilterChoice::toString)
                .contains("Indice général de disponibilité (SARA)");
    }

    @Test
    void provincesTakeTheAggregatorsProvinceValueWithNAndCompleteness() {
        chooseReadiness();
        var picture = vm.pictureProperty().get();
        assertThat(picture.figure()).isSameAs(GeneralReadinessFigure.INSTANCE);
        // only the two units with an assessed ESSP have a value; every other province is "no data"
        assertThat(picture.values()).containsOnlyKeys("MA-TNG", "MA-CAS");
        assertThat(picture.values().get("MA-TNG")).isCloseTo(60.0, within(1e-9));
        assertThat(picture.values().get("MA-CAS")).isCloseTo(80.0, within(1e-9));
        assertThat(picture.evaluation().bases().get("MA-TNG")).isEqualTo(new MapFigure.Basis(2, 1.0));
        assertThat(picture.evaluation().bases().get("MA-CAS").n()).isEqualTo(1);
        assertThat(picture.evaluation().bases().get("MA-CAS").completeness()).isCloseTo(51.0 / 53, within(1e-12));
        assertThat(picture.evaluation().overall().n()).isEqualTo(3);
        assertThat(picture.evaluation().overall().completeness()).isCloseTo(157.0 / 159, within(1e-12));

        // the very value of the dashboard's and the CLI's province rows (Tanger-Assilah 01.511, Casablanca-Anfa)
        var result = ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load());
        Map<String, AggregateRow> provinces = new HashMap<>();
        ReadinessAggregator.aggregate(result, AggregationLevel.PROVINCE).forEach(r -> provinces.put(r.code(), r));
        assertThat(provinces.get("01.511").general().value()).isEqualTo(picture.values().get("MA-TNG"));
        assertThat(provinces.get("01.511").general().n()).isEqualTo(2);
        String anfaCode = mission.dsl().select(PROVINCE.CODE).from(PROVINCE).where(PROVINCE.ID.eq(FixtureMission.CASABLANCA_ANFA))
                .fetchOne(PROVINCE.CODE);
        AggregateRow anfa = provinces.get(anfaCode);
        assertThat(anfa.general().n()).isEqualTo(1);
        assertThat(anfa.general().value()).isEqualTo(picture.values().get("MA-CAS"));
        assertThat(anfa.general().completeness()).isEqualTo(picture.evaluation().bases().get("MA-CAS").completeness());
    }

    @Test
    void legendNamesTheFigureAndAClickShowsTheValueWithItsBasis() {
        chooseReadiness();
        assertThat(vm.legendTitleProperty().get()).isEqualTo("Indice général de disponibilité (SARA)");
        assertThat(vm.legendNoteProperty().get()).isEqualTo("Maroc : n = 3 ESSP évalués · complétude 98,74 %");
        // the four fixed classes, every one listed: 60 in 50–74.99, 80 in 75–100; 73 provinces without an assessment
        assertThat(vm.legend()).extracting(MapViewModel.LegendEntry::text).containsExactly("0,00 – 34,99 (0)",
                "35,00 – 49,99 (0)", "50,00 – 74,99 (1)", "75,00 – 100,00 (1)", "pas de données (73)");
        vm.select("MA-TNG");
        assertThat(vm.selectedTitleProperty().get()).endsWith("4 ESSP · 60,00\n(n = 2 ESSP évalués · complétude 100,00 %)");
        vm.select("MA-CAS");
        assertThat(vm.selectedTitleProperty().get()).endsWith("2 ESSP · 80,00\n(n = 1 ESSP évalués · complétude 96,23 %)");
        // a figure that counts the registry has no basis line
        vm.figureProperty().set(vm.figureChoices().getFirst());
        assertThat(vm.legendNoteProperty().get()).isEmpty();
        assertThat(vm.legendTitleProperty().get()).isEqualTo("ESSP pour 10 000 habitants");
    }

    /**
     * The readiness map's fixed classes, by hand: below 35 (a weakness of high priority on the findings board), 35 to
     * below 50 (a weakness), 50 to below 75, 75 and above; a value classed at the figure's two decimals, as shown:
     * 34.99 → 1st, 35 → 2nd, 49.9 and 49.994 (shown 49,99) → 2nd, 49.995 (shown 50,00) and 50 → 3rd, 74.99 → 3rd,
     * 75 and 100 → 4th. Red, orange, light green, green whatever the other provinces score.
     */
    @Test
    void provincesAreClassedOnTheFixedBoundsOfTheReadinessScale() {
        MapFigure.FixedClasses fixed = GeneralReadinessFigure.INSTANCE.fixedClasses();
        java.util.List<Double> values = java.util.List.of(0.0, 34.99, 35.0, 49.9, 49.994, 49.995, 50.0, 74.99, 75.0, 100.0);
        java.util.List<Integer> byHand = java.util.List.of(0, 0, 1, 1, 1, 2, 2, 2, 3, 3);
        var scale = ma.essp.diag.app.ui.map.ColourScale.fixed(values, GeneralReadinessFigure.INSTANCE.legendDecimals(), true,
                fixed.lowest(), fixed.cuts(), fixed.highest());
        assertThat(scale.classes()).extracting(c -> c.from().toPlainString() + "-" + c.to().toPlainString() + ":" + c.count())
                .containsExactly("0.00-34.99:2", "35.00-49.99:3", "50.00-74.99:3", "75.00-100.00:2");
        java.util.List<ma.essp.diag.app.ui.map.Rgb> ramp = java.util.List.of(ma.essp.diag.app.ui.map.Rgb.web("#d7191c"),
                ma.essp.diag.app.ui.map.Rgb.web("#fdae61"), ma.essp.diag.app.ui.map.Rgb.web("#a6d96a"),
                ma.essp.diag.app.ui.map.Rgb.web("#1a9641"));
        for (int i = 0; i < values.size(); i++) {
            assertThat(scale.colourOf(values.get(i))).as("value " + values.get(i)).isEqualTo(ramp.get(byHand.get(i)));
        }
        // the bounds are the findings board's thresholds, not a second copy of them
        assertThat(fixed.cuts()).extracting(java.math.BigDecimal::doubleValue).containsExactly(
                ma.essp.diag.reporting.findings.FindingProposals.HIGH_PRIORITY_BELOW,
                ma.essp.diag.reporting.findings.FindingProposals.READINESS_BELOW, 75.0);
    }
}
