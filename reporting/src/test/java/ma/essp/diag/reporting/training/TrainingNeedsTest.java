package ma.essp.diag.reporting.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.TrainingData.Programme;
import ma.essp.diag.database.repository.TrainingNeedsData;
import ma.essp.diag.database.repository.TrainingNeedsData.Circonscription;
import ma.essp.diag.database.repository.TrainingNeedsData.Enrolment;
import ma.essp.diag.database.repository.TrainingNeedsData.FunctionState;
import ma.essp.diag.database.repository.TrainingNeedsData.Received;
import ma.essp.diag.database.repository.TrainingNeedsData.Staff;
import ma.essp.diag.database.repository.TrainingNeedsData.Structure;
import ma.essp.diag.reporting.training.TrainingNeeds.Gap;
import ma.essp.diag.reporting.training.TrainingNeeds.LevelRow;
import ma.essp.diag.reporting.training.TrainingNeeds.Proposal;
import ma.essp.diag.reporting.training.TrainingNeeds.Status;
import ma.essp.diag.reporting.training.TrainingNeeds.Unit;
import org.junit.jupiter.api.Test;

/**
 * A small hand-worked fixture. Region 1 (R1), province 10 (P10) with circonscriptions 1 (Alpha) and 2 (Beta), province
 * 20 (P20) with circonscription 3 (Gamma).
 * <ul>
 * <li>Alpha: planning not held, supervision partial, data collection held, training not held (not a function the
 * needs look at) → lacks planning and supervision.</li>
 * <li>Beta: every recorded function held → lacks nothing, proposes nobody.</li>
 * <li>Gamma: complaint follow-up partial.</li>
 * <li>Staff: at Alpha's ESSP 100, Dr Amal "Médecin chef" (doctor_gp) and Nadia "Infirmière polyvalente" (not a head);
 * at Alpha's circonscription office 50, Karim (administrator) and a guard (support staff, never); at Beta's ESSP a
 * "Major" (Beta lacks nothing); at délégation 60 (P10) Samir (administrator) already enrolled in the short course; at
 * délégation 70 (P20) nobody; at SRES 80 (region 1) Leila (doctor_public_health); at Gamma's ESSP 300 "Infirmier
 * coordinateur" Omar (nurse).</li>
 * <li>Programmes: MBA (mba), PSP (short_course), MGT (workshop).</li>
 * </ul>
 * Hand-worked: Alpha proposes Amal (ESSP head → PSP, first short course) and Karim (office → PSP); Gamma proposes Omar
 * (PSP). Délégation 60 lacks over Alpha + Beta: planning 1 not held, supervision 1 partial; Samir is already enrolled in
 * PSP. Délégation 70 lacks over Gamma: complaint follow-up 1 partial, nobody to propose. SRES 80 lacks over all three
 * circonscriptions: planning (1, 0), supervision (0, 1), complaint follow-up (0, 1); Leila → PSP (SRES staff are
 * eligible for the short course).
 */
class TrainingNeedsTest {

    static final List<Programme> PROGRAMMES = List.of(
            new Programme(1, 1, "MBA", "mba", "MBA", null, null, 160.0, null),
            new Programme(2, 1, "PSP", "short_course", "Planification", null, null, 30.0, null),
            new Programme(3, 1, "MGT", "workshop", "Management", null, null, 12.0, null));

    static TrainingNeedsData fixture() {
        List<Circonscription> circonscriptions = List.of(
                new Circonscription(1, "Alpha", null, 10, "P10", 1, "R1"),
                new Circonscription(2, "Beta", null, 10, "P10", 1, "R1"),
                new Circonscription(3, "Gamma", null, 20, "P20", 1, "R1"));
        List<FunctionState> functions = List.of(
                new FunctionState(1, "planning", "not_held"),
                new FunctionState(1, "supervision", "partial"),
                new FunctionState(1, "data_collection", "held"),
                new FunctionState(1, "training", "not_held"),
                new FunctionState(2, "planning", "held"),
                new FunctionState(2, "supervision", "held"),
                new FunctionState(3, "complaint_follow_up", "partial"));
        List<Structure> structures = List.of(
                new Structure(50, "circonscription_office", "Bureau Alpha", 1, 10, 1),
                new Structure(60, "delegation", "Délégation P10", 1, 10, null),
                new Structure(70, "delegation", "Délégation P20", null, 20, null),
                new Structure(80, "sres", "SRES R1", 1, null, null));
        List<Staff> staff = List.of(
                new Staff(1, null, 100, 1, "CS Alpha", "Amal", "Médecin chef", "doctor_gp", "f"),
                new Staff(2, null, 100, 1, "CS Alpha", "Nadia", "Infirmière polyvalente", "nurse", "f"),
                new Staff(3, 50, null, null, null, "Karim", "Administrateur", "administrator", "m"),
                new Staff(4, 50, null, null, null, "Gardien A", "Gardien", "support_staff", "m"),
                new Staff(5, null, 200, 2, "CS Beta", "Bouchra", "Major", "nurse", "f"),
                new Staff(6, 60, null, null, null, "Samir", "Administrateur", "administrator", "m"),
                new Staff(7, 80, null, null, null, "Leila", "Chef du SRES", "doctor_public_health", "f"),
                new Staff(8, null, 300, 3, "CS Gamma", "Omar", "Infirmier coordinateur", "nurse", "m"));
        List<Received> received = List.of(new Received(1, "PCIME", "PCIME", 2019, 24.0));
        List<Enrolment> enrolments = List.of(new Enrolment(6, 9, 2, "enrolled"), new Enrolment(7, 8, 1, "dropped_out"));
        return new TrainingNeedsData(circonscriptions, functions, structures, staff, received, enrolments);
    }

    @Test
    void unitsLackingFunctionsProposePeopleAndCourses() {
        List<Unit> units = TrainingNeeds.derive(fixture(), PROGRAMMES);

        assertThat(units).extracting(Unit::kind, Unit::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("circonscription", 1),
                org.assertj.core.groups.Tuple.tuple("circonscription", 3),
                org.assertj.core.groups.Tuple.tuple("delegation", 60),
                org.assertj.core.groups.Tuple.tuple("delegation", 70),
                org.assertj.core.groups.Tuple.tuple("sres", 80));

        Unit alpha = units.get(0);
        assertThat(alpha.gaps()).containsExactly(new Gap("planning", 1, 0), new Gap("supervision", 0, 1));
        assertThat(alpha.proposals()).extracting(p -> p.staff().holderName(), Proposal::structureKind,
                        p -> p.programme().code(), Proposal::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Amal", "essp", "PSP", Status.PROPOSED),
                        org.assertj.core.groups.Tuple.tuple("Karim", "circonscription_office", "PSP", Status.PROPOSED));
        assertThat(alpha.proposals().get(0).received()).extracting(Received::title).containsExactly("PCIME");

        Unit gamma = units.get(1);
        assertThat(gamma.gaps()).containsExactly(new Gap("complaint_follow_up", 0, 1));
        assertThat(gamma.proposals()).extracting(p -> p.staff().holderName()).containsExactly("Omar");

        Unit delegation60 = units.get(2);
        assertThat(delegation60.gaps()).containsExactly(new Gap("planning", 1, 0), new Gap("supervision", 0, 1));
        assertThat(delegation60.proposals()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(Status.ALREADY_ENROLLED))
                .satisfies(p -> assertThat(p.programme().code()).isEqualTo("PSP"));
        assertThat(delegation60.regionId()).isEqualTo(1);

        Unit delegation70 = units.get(3);
        assertThat(delegation70.gaps()).containsExactly(new Gap("complaint_follow_up", 0, 1));
        assertThat(delegation70.proposals()).isEmpty();
        assertThat(delegation70.regionId()).isEqualTo(1); // from its province's circonscriptions

        Unit sres = units.get(4);
        assertThat(sres.gaps()).containsExactly(new Gap("planning", 1, 0), new Gap("supervision", 0, 1),
                new Gap("complaint_follow_up", 0, 1));
        // Leila dropped out of an MBA cohort: that does not count; the short course comes first anyway
        assertThat(sres.proposals()).singleElement().satisfies(p -> {
            assertThat(p.programme().code()).isEqualTo("PSP");
            assertThat(p.status()).isEqualTo(Status.PROPOSED);
        });
    }

    @Test
    void withoutAShortCourseTheWorkshopOrTheMbaIsProposedAndSomeAreNotEligible() {
        List<Programme> noShortCourse = List.of(PROGRAMMES.get(0), PROGRAMMES.get(2));
        List<Unit> units = TrainingNeeds.derive(fixture(), noShortCourse);
        // Alpha: Amal (ESSP head) → MGT workshop; Karim (office) → MGT workshop (offices are eligible for it)
        assertThat(units.get(0).proposals()).extracting(p -> p.programme().code()).containsExactly("MGT", "MGT");
        // délégation 60: Samir → MBA (délégations are not eligible for the workshop); no longer "already enrolled"
        assertThat(units.get(2).proposals()).singleElement().satisfies(p -> {
            assertThat(p.programme().code()).isEqualTo("MBA");
            assertThat(p.status()).isEqualTo(Status.PROPOSED);
        });
        // a plan with only the workshop leaves the délégation staff not eligible
        List<Unit> onlyWorkshop = TrainingNeeds.derive(fixture(), List.of(PROGRAMMES.get(2)));
        assertThat(onlyWorkshop.get(2).proposals()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(Status.NOT_ELIGIBLE))
                .satisfies(p -> assertThat(p.programme()).isNull());
    }

    @Test
    void byLevelSumsCirconscriptionsAndUnits() {
        List<LevelRow> circ = TrainingNeeds.byLevel(fixture(), PROGRAMMES, TrainingNeeds.Level.CIRCONSCRIPTION);
        assertThat(circ).extracting(LevelRow::name).containsExactly("Alpha", "Beta", "Gamma");
        LevelRow alpha = circ.get(0);
        assertThat(alpha.assessed()).isEqualTo(1);
        assertThat(alpha.lacking()).isEqualTo(1);
        assertThat(alpha.functions()).containsExactly(new Gap("planning", 1, 0), new Gap("programme_monitoring", 0, 0),
                new Gap("supervision", 0, 1), new Gap("data_collection", 0, 0), new Gap("complaint_follow_up", 0, 0));
        assertThat(alpha.proposed()).isEqualTo(2);
        assertThat(alpha.courses()).isEqualTo(Map.of("PSP", 2));
        assertThat(circ.get(1).lacking()).isZero();
        assertThat(circ.get(1).proposed()).isZero();

        List<LevelRow> provinces = TrainingNeeds.byLevel(fixture(), PROGRAMMES, TrainingNeeds.Level.PROVINCE);
        assertThat(provinces).extracting(LevelRow::name).containsExactly("P10", "P20");
        LevelRow p10 = provinces.get(0);
        assertThat(p10.assessed()).isEqualTo(2);
        assertThat(p10.lacking()).isEqualTo(1);
        assertThat(p10.proposed()).isEqualTo(2); // Amal, Karim (the SRES is regional)
        assertThat(p10.alreadyEnrolled()).isEqualTo(1); // Samir
        LevelRow p20 = provinces.get(1);
        assertThat(p20.proposed()).isEqualTo(1); // Omar
        assertThat(p20.functions().get(4)).isEqualTo(new Gap("complaint_follow_up", 0, 1));

        List<LevelRow> regions = TrainingNeeds.byLevel(fixture(), PROGRAMMES, TrainingNeeds.Level.REGION);
        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.assessed()).isEqualTo(3);
            assertThat(r.lacking()).isEqualTo(2);
            assertThat(r.proposed()).isEqualTo(4); // Amal, Karim, Omar, Leila
            assertThat(r.alreadyEnrolled()).isEqualTo(1);
            assertThat(r.notEligible()).isZero();
            assertThat(r.courses()).isEqualTo(Map.of("PSP", 4));
        });
    }

    /**
     * The needs map's figure, by hand. P10: functions recorded among the five looked at — Alpha planning, supervision,
     * data collection (training is not one of them), Beta planning, supervision — 5; lacking: Alpha's planning (not
     * held) and supervision (partial) — 2; 2 ÷ 5 = 40 % → the class 25–50 % (the second). P20: Gamma's complaint
     * follow-up partial, 1 ÷ 1 = 100 % → the last class, 75–100 %, whatever the other provinces show.
     */
    @Test
    void lackingShareAndItsFixedClassByHand() {
        List<LevelRow> provinces = TrainingNeeds.byLevel(fixture(), PROGRAMMES, TrainingNeeds.Level.PROVINCE);
        LevelRow p10 = provinces.get(0);
        assertThat(p10.functionsJudged()).isEqualTo(5);
        assertThat(p10.functionsLacking()).isEqualTo(2);
        assertThat(p10.lackingShare()).isEqualTo(40.0);
        assertThat(TrainingNeeds.needClass(p10.lackingShare())).isEqualTo(1);
        LevelRow p20 = provinces.get(1);
        assertThat(p20.lackingShare()).isEqualTo(100.0);
        assertThat(TrainingNeeds.needClass(p20.lackingShare())).isEqualTo(3);
        // the bounds: a class holds its lower bound, not its upper one; 100 is in the last
        assertThat(List.of(0.0, 24.9, 25.0, 49.9, 50.0, 74.9, 75.0, 90.0, 100.0)).extracting(TrainingNeeds::needClass)
                .containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 3);
    }
}
