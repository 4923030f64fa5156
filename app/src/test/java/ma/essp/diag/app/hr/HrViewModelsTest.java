package ma.essp.diag.app.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.FixtureMission;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.HrRelationRepository;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.reporting.hr.HrFactsLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrViewModelsTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EditContext edit = EditContext.system("tester");
    I18n i18n = new I18n(Locale.FRENCH);
    CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private HrStaffViewModel staffOfE001() {
        var vm = new HrStaffViewModel(new StaffRepository(mission.dsl(), edit), new StructureRepository(mission.dsl(), edit),
                new TerritoryRepository(mission.dsl()), executor, i18n);
        vm.load();
        vm.provinceProperty().set(vm.provinces().stream().filter(p -> p.label().contains("Tanger-Assilah")).findFirst().orElseThrow());
        vm.ownerProperty().set(vm.owners().stream().filter(o -> o.label().startsWith("E001")).findFirst().orElseThrow());
        return vm;
    }

    @Test
    void pastedExcelRowsBecomePositionsAndCellsAreEditedOneByOne() {
        var vm = staffOfE001();
        assertThat(vm.owners()).anyMatch(o -> o.label().startsWith("Structure"));
        assertThat(vm.positions()).isEmpty();
        vm.paste("Cadre\tEmployeur\tStatut\tETP\nSage-femme\tMinistère\tPourvu\t1\nInfirmier(ère) polyvalent(e)\t\tvacant\t0,5\n");
        assertThat(vm.positions()).hasSize(2);
        assertThat(vm.statusProperty().get()).contains("2");
        var nurse = vm.positions().stream().filter(p -> p.values().cadreCode().equals("nurse")).findFirst().orElseThrow();
        vm.edit(nurse, HrStaffViewModel.Column.STATUS, "filled");
        assertThat(vm.positions().stream().filter(p -> p.id() == nurse.id()).findFirst().orElseThrow().values().status()).isEqualTo("filled");
        vm.edit(vm.positions().getFirst(), HrStaffViewModel.Column.FTE, "1,5");
        assertThat(vm.statusProperty().get()).contains("1,5");
    }

    @Test
    void aPasteWithAnUnreadableLineAddsNothing() {
        var vm = staffOfE001();
        vm.paste("nurse\tministry\tfilled\t1\nplombier\tministry\tfilled\t1\n");
        assertThat(vm.positions()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("ligne 2").contains("plombier");
    }

    @Test
    void indicatorsAndTheHrMatrix() {
        var staff = staffOfE001();
        staff.paste("doctor_gp\tministry\tfilled\t1\nnurse\tministry\tfilled\t2\n".replace("\t2", "\t1"));
        var indicators = new HrIndicatorsViewModel(new HrFactsLoader(mission.dsl()), executor, i18n);
        indicators.load();
        assertThat(indicators.rows()).hasSize(2); // two regions have ESSPs in the fixture
        indicators.levelProperty().set(indicators.levels().get(3));
        assertThat(indicators.rows()).hasSize(6);
        assertThat(indicators.nationalProperty().get()).contains("6 ESSP");

        var matrix = new HrMatrixViewModel(new HrRelationRepository(mission.dsl(), edit), new TerritoryRepository(mission.dsl()), executor, i18n);
        matrix.load();
        assertThat(matrix.rows()).hasSize(6).allMatch(r -> r.id() == null);
        matrix.edit(matrix.rows().getFirst(), HrMatrixViewModel.Column.UNDER_GST, "gst");
        assertThat(matrix.rows().getFirst().holderUnderGst()).isEqualTo("gst");
        assertThat(matrix.rows().getFirst().holderToday()).isEqualTo("unknown");
        matrix.edit(matrix.rows().getFirst(), HrMatrixViewModel.Column.NOTES, "transfert en 2026");
        assertThat(matrix.rows().getFirst().version()).isEqualTo(2);
        assertThat(matrix.holderLabel("gst")).isEqualTo("GST");
    }
}
