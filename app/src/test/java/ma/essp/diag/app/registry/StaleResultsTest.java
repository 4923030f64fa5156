package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.EditHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.territory.CirconscriptionsViewModel;
import ma.essp.diag.app.testing.DeferredTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository;
import ma.essp.diag.database.repository.CirconscriptionRepository;
import ma.essp.diag.database.repository.EsspDetailRepository;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background pool has two threads: a slow answer to an older request must not overwrite the answer to the
 * user's latest choice (another ESSP clicked, another province chosen, a new ESSP started).
 */
class StaleResultsTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EditContext edit = EditContext.system("tester");
    I18n i18n = new I18n(Locale.FRENCH);
    DeferredTaskExecutor deferred = new DeferredTaskExecutor();
    int e001;
    int e005;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        var essps = new EsspEditRepository(mission.dsl(), edit);
        e001 = essps.findByCode("E001").orElseThrow().id();
        e005 = essps.findByCode("E005").orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    @Test
    void theFormAndTheDetailShowTheLastEsspClickedWhateverOrderTheAnswersComeIn() {
        var form = new EsspEditorViewModel(new EsspEditRepository(mission.dsl(), edit), deferred, i18n, new EditHistory(deferred));
        form.loadReferences(new TerritoryRepository(mission.dsl()), new EsspRepository(mission.dsl()));
        deferred.runAll();
        var detail = new EsspDetailViewModel(new EsspDetailRepository(mission.dsl(), edit), deferred, i18n, () -> LocalDate.of(2026, 1, 15));

        form.edit(e001);
        detail.load(e001);
        form.edit(e005);
        detail.load(e005);
        deferred.runNewestFirst(); // E005 answers first, E001 last
        assertThat(form.codeProperty().get()).isEqualTo("E005");
        assertThat(detail.titleProperty().get()).startsWith("E005");

        form.edit(e001);
        form.newEssp(); // Ctrl+N before the answer
        deferred.runAll();
        // not E001's answer: the next free code of the province kept from the previous form
        assertThat(form.codeProperty().get()).isNotEqualTo("E001").endsWith("-0001");
        assertThat(form.dirtyProperty().get()).as("a proposal alone is not an unsaved change").isFalse();
        assertThat(form.esspId()).isNull();
    }

    @Test
    void theCirconscriptionsAreThoseOfTheLastProvinceChosen() {
        var vm = new CirconscriptionsViewModel(new CirconscriptionRepository(mission.dsl(), edit),
                new CirconscriptionOrganisationRepository(mission.dsl(), edit), new TerritoryRepository(mission.dsl()), deferred, i18n,
                new ma.essp.diag.app.testing.RecordingDialogService());
        vm.load();
        deferred.runAll();
        vm.provinceProperty().set(vm.provinces().stream().filter(p -> p.label().contains("Tanger-Assilah")).findFirst().orElseThrow());
        vm.provinceProperty().set(vm.provinces().stream().filter(p -> p.label().contains("Anfa")).findFirst().orElseThrow());
        deferred.runNewestFirst(); // Anfa answers first, Tanger-Assilah last
        assertThat(vm.list()).extracting(c -> c.values().code()).containsExactly("C-CAS-1");
        assertThat(vm.comparison()).extracting(c -> c.code()).containsExactly("C-CAS-1");
    }

    @Test
    void withTasksRunAtOnceNothingChanges() {
        var form = new EsspEditorViewModel(new EsspEditRepository(mission.dsl(), edit), new CurrentThreadTaskExecutor(), i18n,
                new EditHistory(new CurrentThreadTaskExecutor()));
        form.loadReferences(new TerritoryRepository(mission.dsl()), new EsspRepository(mission.dsl()));
        form.edit(e001);
        assertThat(form.codeProperty().get()).isEqualTo("E001");
    }
}
