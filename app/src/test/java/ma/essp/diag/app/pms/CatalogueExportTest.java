package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's "Export to Excel" never writes over the mission: it says why, in the app's language. */
class CatalogueExportTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private CatalogueViewModel vm;

    @BeforeEach
    void open() throws Exception {
        mission = FixtureMission.create(dir.resolve("c.essp"));
        EditContext edit = EditContext.system("test");
        vm = new CatalogueViewModel(new CatalogueVersionRepository(mission.dsl(), edit),
                new CatalogueEditRepository(mission.dsl(), edit), new CurrentThreadTaskExecutor(), new I18n(I18n.ENGLISH),
                new RecordingDialogService(), new ma.essp.diag.app.ui.EditHistory(new CurrentThreadTaskExecutor()));
        vm.load();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    @Test
    void theMissionIsRefusedAsTheWorkbookAndStaysAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(mission.path());
        vm.exportSelected(mission.path());
        assertThat(vm.messageProperty().get()).isEqualTo(mission.path()
                + ": refused as a file to write, it is a SQLite database (a mission or a backup); choose another file.");
        assertThat(Files.readAllBytes(mission.path())).isEqualTo(before);

        vm.exportSelected(dir.resolve("catalogue.xlsx"));
        assertThat(vm.messageProperty().get()).isEqualTo("Exported: catalogue.xlsx");
        assertThat(dir.resolve("catalogue.xlsx")).isNotEmptyFile();
    }
}
