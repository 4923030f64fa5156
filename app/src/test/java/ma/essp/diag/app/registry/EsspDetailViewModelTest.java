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
}
