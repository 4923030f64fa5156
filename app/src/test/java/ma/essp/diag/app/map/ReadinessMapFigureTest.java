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
        // 60 and 80: two whole values, one class each, at the two ends of the ramp; 73 provinces without an assessment
        assertThat(vm.legend()).extracting(MapViewModel.LegendEntry::text).containsExactly("60 (1)", "80 (1)", "pas de données (73)");
        vm.select("MA-TNG");
        assertThat(vm.selectedTitleProperty().get()).endsWith("4 ESSP · 60,00\n(n = 2 ESSP évalués · complétude 100,00 %)");
        vm.select("MA-CAS");
        assertThat(vm.selectedTitleProperty().get()).endsWith("2 ESSP · 80,00\n(n = 1 ESSP évalués · complétude 96,23 %)");
        // a figure that counts the registry has no basis line
        vm.figureProperty().set(vm.figureChoices().getFirst());
        assertThat(vm.legendNoteProperty().get()).isEmpty();
        assertThat(vm.legendTitleProperty().get()).isEqualTo("ESSP pour 10 000 habitants");
    }
}
