package ma.essp.diag.reporting.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CirconscriptionRepository;
import ma.essp.diag.database.repository.CirconscriptionRepository.CirconscriptionDraft;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspEditRepository.EsspDraft;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.PositionDraft;
import ma.essp.diag.reporting.hr.HrIndicators.Figures;
import ma.essp.diag.reporting.hr.HrIndicators.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Province of Tétouan (census 2024: 611,928) with 3 ESSPs, hand-worked. In post = filled or contract; on leave and
 * seconded are not in post; density = core FTE in post × 10,000 / census population of the unit (an ESSP: its
 * population served).
 * <pre>
 * ESSP1 CSU-1 (circ. A, pop 20,000) served 2,000: doctor 1 + nurses 4 + midwife 1 filled = 6 core FTE; 1 nurse vacant;
 *                                   1 support staff
 * ESSP2 CSR-2 (circ. B, pop 30,000) served 2,500: nurses 3 filled = 3 core FTE (a 4th on leave at 0.5 is not in post);
 *                                   midwife vacant; doctor seconded (not in post)
 * ESSP3 DR    (circ. B)             served   500: nurses 2 on contract = 2 core FTE
 * province: 11 core FTE × 10,000 / 611,928
 * </pre>
 * Plus, in Tanger-Assilah (census 1,494,413), an ESSP without population served (1 nurse): no density of its own,
 * but its nurse counts in the density of its province, region and nation (census populations).
 */
class HrIndicatorsTest {

    static final int TETOUAN = 3;
    static final int TANGER = 1;

    @TempDir
    Path dir;
    MissionFile mission;
    int circA;
    int circB;
    int essp1;
    int essp2;
    int essp3;

    @BeforeEach
    void setUp() throws Exception {
        mission = MissionFile.create(dir.resolve("hr.essp"));
        EditContext edit = EditContext.system("test");
        var circonscriptions = new CirconscriptionRepository(mission.dsl(), edit);
        var essps = new EsspEditRepository(mission.dsl(), edit);
        var staff = new StaffRepository(mission.dsl(), edit);
        circA = circonscriptions.create(new CirconscriptionDraft(TETOUAN, "A", "A", null, "urban", null, null, null, 20_000, null));
        circB = circonscriptions.create(new CirconscriptionDraft(TETOUAN, "B", "B", null, "rural", null, null, null, 30_000, null));
        int tanger = circonscriptions.create(new CirconscriptionDraft(TANGER, "T", "T", null, "urban", null, null, null, null, null));
        essp1 = essps.create(essp("01571-0001", "CSU-1", circA, "urban", 2_000));
        essp2 = essps.create(essp("01571-0002", "CSR-2", circB, "rural", 2_500));
        essp3 = essps.create(essp("01571-0003", "DR", circB, "rural", 500));
        int essp4 = essps.create(essp("01511-0001", "CSU-1", tanger, "urban", null));
        List<PositionDraft> p = new ArrayList<>();
        p.add(pos(essp1, "doctor_gp", "filled", 1));
        for (int i = 0; i < 4; i++) {
            p.add(pos(essp1, "nurse", "filled", 1));
        }
        p.add(pos(essp1, "midwife", "filled", 1));
        p.add(pos(essp1, "nurse", "vacant", 1));
        p.add(pos(essp1, "support_staff", "filled", 1));
        for (int i = 0; i < 3; i++) {
            p.add(pos(essp2, "nurse", "filled", 1));
        }
        p.add(pos(essp2, "nurse", "on_leave", 0.5));
        p.add(pos(essp2, "midwife", "vacant", 1));
        p.add(pos(essp2, "doctor_gp", "seconded", 1));
        p.add(pos(essp3, "nurse", "contract", 1));
        p.add(pos(essp3, "nurse", "contract", 1));
        p.add(pos(essp4, "nurse", "filled", 1));
        staff.createAll(p);
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static EsspDraft essp(String code, String category, int circ, String milieu, Integer population) {
        return new EsspDraft(code, "ESSP " + code, null, category, circ, null, milieu, false, null, null, population, "fully",
                null, null, null, null);
    }

    private static PositionDraft pos(int essp, String cadre, String status, double fte) {
        return new PositionDraft(essp, null, cadre, "ministry", status, fte, null, null, null, null);
    }

    private Report report() {
        return new HrIndicators().compute(new HrFactsLoader(mission.dsl()).load());
    }

    private static Figures find(List<Figures> list, int id) {
        return list.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Test
    void densityPerEsspUsesItsPopulationServed() {
        Report r = report();
        // 6 × 10,000 / 2,000; 3 × 10,000 / 2,500; 2 × 10,000 / 500
        assertThat(find(r.essps(), essp1).corePer10k()).isCloseTo(30.0, within(1e-9));
        assertThat(find(r.essps(), essp2).corePer10k()).isCloseTo(12.0, within(1e-9));
        assertThat(find(r.essps(), essp3).corePer10k()).isCloseTo(40.0, within(1e-9));
        assertThat(find(r.essps(), essp1).meetsWhoThreshold()).isTrue();
        assertThat(find(r.essps(), essp2).meetsWhoThreshold()).isFalse();
    }

    @Test
    void theProvinceDensityIsOverItsCensusPopulation() {
        Figures province = find(report().provinces(), TETOUAN);
        assertThat(province.essps()).isEqualTo(3);
        assertThat(province.coreFte()).isCloseTo(11.0, within(1e-9));
        assertThat(province.populationServed()).isEqualTo(5_000);
        assertThat(province.censusPopulation()).isEqualTo(611_928L);
        assertThat(province.densityPopulation()).isEqualTo(611_928L);
        assertThat(province.corePer10k()).isCloseTo(110_000.0 / 611_928, within(1e-9));
        assertThat(province.meetsWhoThreshold()).isFalse();
    }

    @Test
    void circonscriptionsUseTheirRecordedPopulation() {
        Report r = report();
        // 6 × 10,000 / 20,000; (3 + 2) × 10,000 / 30,000
        assertThat(find(r.circonscriptions(), circA).corePer10k()).isCloseTo(3.0, within(1e-9));
        assertThat(find(r.circonscriptions(), circB).corePer10k()).isCloseTo(50_000.0 / 30_000, within(1e-9));
    }

    @Test
    void staffByCadreCountsPostsHeldAndVacanciesApart() {
        Figures province = find(report().provinces(), TETOUAN);
        var nurses = province.byCadre().get("nurse");
        assertThat(nurses.positionsInPost()).as("filled and contract; the nurse on leave is not in post").isEqualTo(4 + 3 + 2);
        assertThat(nurses.fteInPost()).isCloseTo(9.0, within(1e-9));
        assertThat(nurses.vacantPositions()).isEqualTo(1);
        assertThat(province.byCadre().get("support_staff").fteInPost()).isEqualTo(1.0);
        assertThat(province.byCadre().get("doctor_gp").fteInPost()).as("seconded staff work elsewhere").isEqualTo(1.0);
        assertThat(province.vacantPositions()).isEqualTo(2);
        assertThat(province.vacantFte()).isEqualTo(2.0);
        assertThat(province.fteInPost()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void esspsWithoutADoctorOrWithoutAMidwifeWhereThereIsADeliveryUnit() {
        Report r = report();
        assertThat(find(r.essps(), essp2).withoutDoctor()).isEqualTo(1);
        assertThat(find(r.essps(), essp2).withoutMidwife()).isEqualTo(1);
        assertThat(find(r.essps(), essp3).doctorExpected()).as("a dispensary is not expected to have a doctor").isZero();
        assertThat(find(r.essps(), essp1).deliveryUnits()).isZero();
        Figures province = find(r.provinces(), TETOUAN);
        assertThat(province.doctorExpected()).isEqualTo(2);
        assertThat(province.withoutDoctor()).isEqualTo(1);
        assertThat(province.deliveryUnits()).isEqualTo(1);
        assertThat(province.withoutMidwife()).isEqualTo(1);
    }

    @Test
    void anEsspWithoutPopulationServedHasNoDensityButCountsInItsAreas() {
        Report r = report();
        assertThat(r.essps().stream().filter(f -> f.code().equals("01511-0001")).findFirst().orElseThrow().corePer10k()).isNull();
        assertThat(r.national().essps()).isEqualTo(4);
        assertThat(r.national().coreFte()).isCloseTo(12.0, within(1e-9));
        assertThat(r.national().esspsWithoutPopulation()).isEqualTo(1);
        // the nation: the sum of the twelve regions' 2024 census, 36,828,330
        assertThat(r.national().densityPopulation()).isEqualTo(36_828_330L);
        assertThat(r.national().corePer10k()).isCloseTo(120_000.0 / 36_828_330, within(1e-12));
        assertThat(find(r.provinces(), TANGER).corePer10k()).isCloseTo(10_000.0 / 1_494_413, within(1e-12));
        assertThat(r.regions()).hasSize(1);
    }
}
