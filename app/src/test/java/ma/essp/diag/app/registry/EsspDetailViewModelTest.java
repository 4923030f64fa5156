package ma.essp.diag.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.registry.EsspDetailViewModel.Line;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository;
import ma.essp.diag.database.repository.EsspDetailRepository;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StructureRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail page of one ESSP: identity, the chain up to the GST and who runs the region on the given day, staff, activity. */
class EsspDetailViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EditContext edit = EditContext.system("tester");
    int e001;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        e001 = new EsspEditRepository(mission.dsl(), edit).findByCode("E001").orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private EsspDetailViewModel detailOn(LocalDate today, Locale locale) {
        var vm = new EsspDetailViewModel(new EsspDetailRepository(mission.dsl(), edit), new CurrentThreadTaskExecutor(),
                new I18n(locale), () -> today);
        vm.load(e001);
        return vm;
    }

    private static String value(List<Line> lines, String label) {
        return lines.stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow().value();
    }

    @Test
    void theChainGoesUpToTheGstAndTheRegionPassesToItOnItsTakeoverDate() {
        var structures = new StructureRepository(mission.dsl(), edit);
        var gst = structures.gst(1).orElseThrow(); // Tanger-Tétouan-Al Hoceima, the region of E001
        structures.saveGst(gst.version(), new StructureRepository.GstDraft(1, gst.nameFr(), gst.nameAr(), "Tanger", gst.legalAct(),
                LocalDate.of(2025, 4, 10), LocalDate.of(2025, 10, 1), null));

        var before = detailOn(LocalDate.of(2025, 9, 30), Locale.FRENCH);
        assertThat(before.titleProperty().get()).isEqualTo("E001 — CSU Médina");
        assertThat(value(before.chain(), "Circonscription")).isEqualTo("Circonscription Tanger Médina");
        assertThat(value(before.chain(), "Délégation")).endsWith("(Tanger-Assilah)");
        assertThat(value(before.chain(), "DRS")).isEqualTo("Direction Régionale de la Santé Tanger-Tétouan-Al Hoceima");
        assertThat(value(before.chain(), "GST")).isEqualTo("Groupement Sanitaire Territorial Tanger-Tétouan-Al Hoceima — "
                + "prend la région en charge le 01/10/2025");
        assertThat(value(before.chain(), "Tutelle aujourd’hui")).isEqualTo("DRS (le GST n’a pas encore pris la région)");

        var onTheDay = detailOn(LocalDate.of(2025, 10, 1), Locale.FRENCH);
        assertThat(value(onTheDay.chain(), "Tutelle aujourd’hui")).isEqualTo("GST (la région est passée au GST)");
    }

    @Test
    void identityStaffVisitsAndFindingsInTheChosenLanguage() {
        new StaffRepository(mission.dsl(), edit).createAll(List.of(
                new StaffRepository.PositionDraft(e001, null, "doctor_gp", "ministry", "filled", 1, "f", "Dr Alami", null, null),
                new StaffRepository.PositionDraft(e001, null, "midwife", "ministry", "vacant", 0.5, null, null, null, null)));
        var essp = new EsspEditRepository(mission.dsl(), edit).find(e001).orElseThrow();
        new CirconscriptionOrganisationRepository(mission.dsl(), edit).addVisit(essp.values().circonscriptionId(), e001,
                LocalDate.of(2025, 5, 2), "IC", "registres à jour");

        var fr = detailOn(LocalDate.of(2026, 1, 15), Locale.FRENCH);
        assertThat(value(fr.identity(), "Population desservie")).isEqualTo("30\u202f000");
        assertThat(value(fr.identity(), "Fonctionnalité")).isEqualTo("fonctionnel");
        assertThat(fr.staff()).containsExactly(
                new Line("Médecin généraliste", "pourvu · ETP 1 · Dr Alami"),
                new Line("Sage-femme", "vacant · ETP 0,5 · —"));
        assertThat(value(fr.activity(), "Dernière évaluation")).isEqualTo("aucune évaluation");
        assertThat(value(fr.activity(), "Supervision")).isEqualTo("1 visite(s), la dernière le 02/05/2025");

        var ar = detailOn(LocalDate.of(2026, 1, 15), Locale.forLanguageTag("ar"));
        assertThat(ar.staff()).extracting(Line::label).containsExactly("طبيب عام", "قابلة");
    }
    @Test
    void theEsspsOwnDataFlowRatesAndComplaintFiguresWithTheirN() {
        var flows = new ma.essp.diag.database.repository.DataFlowRepository(mission.dsl(), edit);
        int type = flows.saveReportType(new ma.essp.diag.database.repository.DataFlowData.ReportType(0, 0, "ACT", "Activité", "Activity",
                null, "SNIS", "monthly", "paper"));
        int link = flows.saveLink(new ma.essp.diag.database.repository.DataFlowData.Link(0, 0, type, "essp", "circonscription", 1, null,
                "paper", 5, null, true, null));
        int e002 = new EsspEditRepository(mission.dsl(), edit).findByCode("E002").orElseThrow().id();
        // E001: 3 reports expected, 2 received; on time recorded for two months (1 of 2 on time), not for December
        flows.saveObservation(new ma.essp.diag.database.repository.DataFlowData.Observation(0, 0, link, e001, "2025-10", 1, 1, 1, null, null));
        flows.saveObservation(new ma.essp.diag.database.repository.DataFlowData.Observation(0, 0, link, e001, "2025-11", 1, 1, 0, null, null));
        flows.saveObservation(new ma.essp.diag.database.repository.DataFlowData.Observation(0, 0, link, e001, "2025-12", 1, 0, null, null, null));
        // another ESSP's row does not count on E001's page
        flows.saveObservation(new ma.essp.diag.database.repository.DataFlowData.Observation(0, 0, link, e002, "2025-10", 4, 0, 0, null, null));

        var complaints = new ma.essp.diag.database.repository.ComplaintRepository(mission.dsl(), edit);
        // maturity: 2 channels × 4 + procedure 5 = 13; register kept 15; handler named 10; no escalation, no analysis: 38
        complaints.saveSystem(e001, new ma.essp.diag.database.repository.ComplaintRepository.SystemRow(null, null, true, true, false, false,
                false, true, false, true, false, "Major", false, false));
        // default deadlines 15 / 60 days, as of 15/01/2026:
        //   A received 01/10 acknowledged after 9 days, closed after 50: both in time
        //   B received 01/10 acknowledged after 20 days (late), still open past 30/11: late
        //   C received 10/01/2026, nothing due yet: pending
        complaints.saveSample(e001, null, null, new ma.essp.diag.database.rules.ComplaintSampleRules.Values(LocalDate.of(2025, 10, 1),
                "register", "reclamation", "reception", LocalDate.of(2025, 10, 10), LocalDate.of(2025, 11, 20), "resolved"), null);
        complaints.saveSample(e001, null, null, new ma.essp.diag.database.rules.ComplaintSampleRules.Values(LocalDate.of(2025, 10, 1),
                "box", "reclamation", "care", LocalDate.of(2025, 10, 21), null, null), null);
        complaints.saveSample(e001, null, null, new ma.essp.diag.database.rules.ComplaintSampleRules.Values(LocalDate.of(2026, 1, 10),
                "register", "suggestion", "hygiene", null, null, null), null);

        var fr = detailOn(LocalDate.of(2026, 1, 15), Locale.FRENCH);
        // reporting rate 2/3 = 67 % (n = 3 expected); on time 1/2 = 50 % (n = 2 expected where recorded)
        assertThat(value(fr.activity(), "Flux de données"))
                .isEqualTo("rapports reçus : 67 % (n = 3) · reçus à temps : 50 % (n = 2) · 3 observation(s)");
        // acknowledged in time 1 of 2 due, answered in time 1 of 2 due (A in time, B late), medians 14,5 (9, 20) and 50 (A),
        // open past the deadline 1 of 3
        assertThat(value(fr.activity(), "Réclamations : chiffres")).isEqualTo("maturité : 38/100 · AR dans le délai : 50 % (n = 2) · "
                + "réponse dans le délai : 50 % (n = 2) · jours jusqu’à l’AR (médiane) : 14,5 (n = 2) · jours jusqu’à la clôture (médiane) : 50,0 (n = 1) · "
                + "ouvertes en retard au 15/01/2026 : 33 % (n = 3)");

        var other = new EsspDetailViewModel(new EsspDetailRepository(mission.dsl(), edit), new CurrentThreadTaskExecutor(),
                new I18n(Locale.FRENCH), () -> LocalDate.of(2026, 1, 15));
        other.load(e002);
        assertThat(value(other.activity(), "Flux de données")).isEqualTo("rapports reçus : 0 % (n = 4) · reçus à temps : 0 % (n = 4) · 1 observation(s)");
        assertThat(value(other.activity(), "Réclamations : chiffres")).isEqualTo("maturité : — · AR dans le délai : — · "
                + "réponse dans le délai : — · jours jusqu’à l’AR (médiane) : — · jours jusqu’à la clôture (médiane) : — · ouvertes en retard au 15/01/2026 : —");
    }
}
