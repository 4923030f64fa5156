package ma.essp.diag.app.violence;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.violence.ViolenceViewModel.SiteRow;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add-site form without a window, in French: an ESSP site without its ESSP refused, then written with it. */
class ViolenceViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    ViolenceViewModel vm;
    EditHistory history;
    int esspId;
    int provinceId;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        var dsl = mission.dsl();
        var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
        esspId = essp.getId();
        provinceId = dsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                .where(CIRCONSCRIPTION.ID.eq(essp.getCirconscriptionId())).fetchOne(CIRCONSCRIPTION.PROVINCE_ID);
        vm = new ViolenceViewModel(new PerpetratorCareRepository(dsl), EditContext.system("tester"),
                new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), LocalDate.parse("2026-03-02"),
                history = new EditHistory(new CurrentThreadTaskExecutor()));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static FilterChoice choice(java.util.List<FilterChoice> list, String value) {
        return list.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void anEsspSiteIsRefusedWithoutItsEsspThenWrittenWithIt() {
        int before = mission.dsl().fetchCount(PERPETRATOR_CARE_SITE);
        vm.newSiteNameProperty().set("Consultation CSU Médina");
        vm.newSiteProvinceProperty().set(choice(vm.provinces(), String.valueOf(provinceId)));
        vm.newSiteKindProperty().set(choice(vm.siteKinds(), "essp"));
        assertThat(vm.siteKinds()).extracting(FilterChoice::label).containsExactly("service de psychiatrie", "hôpital", "ESSP");

        vm.addSite();
        assertThat(vm.newSiteMessageProperty().get())
                .isEqualTo("Un site ESSP doit indiquer l’ESSP qui l’accueille. Rien n’a été enregistré.");
        assertThat(mission.dsl().fetchCount(PERPETRATOR_CARE_SITE)).isEqualTo(before);

        // the province's ESSPs are offered, narrowed by the search
        assertThat(vm.newSiteEssps()).extracting(FilterChoice::value).contains(String.valueOf(esspId));
        vm.newSiteEsspSearchProperty().set("e001");
        assertThat(vm.newSiteEssps()).extracting(FilterChoice::value).containsExactly(String.valueOf(esspId));
        vm.newSiteEsspProperty().set(vm.newSiteEssps().getFirst());
        vm.addSite();

        var row = mission.dsl().selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.NAME.eq("Consultation CSU Médina"))
                .fetchOne();
        assertThat(row.getKind()).isEqualTo("essp");
        assertThat(row.getEsspId()).isEqualTo(esspId);
        SiteRow listed = vm.sites().stream().filter(s -> s.id() == row.getId()).findFirst().orElseThrow();
        assertThat(listed.kind()).isEqualTo("ESSP");
        assertThat(vm.newSiteNameProperty().get()).isEmpty();
    }

    @Test
    void aPsychiatricServiceNeedsNoEsspAndKeepsNone() {
        vm.newSiteNameProperty().set("Service de psychiatrie — CHP");
        vm.newSiteProvinceProperty().set(choice(vm.provinces(), String.valueOf(provinceId)));
        vm.newSiteKindProperty().set(choice(vm.siteKinds(), "essp"));
        vm.newSiteEsspProperty().set(choice(vm.newSiteEssps(), String.valueOf(esspId)));
        vm.newSiteKindProperty().set(choice(vm.siteKinds(), "psychiatric_service"));
        vm.addSite();

        var row = mission.dsl().selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.NAME.eq("Service de psychiatrie — CHP"))
                .fetchOne();
        assertThat(row.getKind()).isEqualTo("psychiatric_service");
        assertThat(row.getEsspId()).isNull();
        assertThat(vm.sites()).filteredOn(s -> s.id() == row.getId()).extracting(SiteRow::kind)
                .containsExactly("service de psychiatrie");
    }

    @Test
    void theSiteFormTurnsAHospitalSiteIntoAnEsspSiteAndCtrlZPutsItBack() {
        var dsl = mission.dsl();
        int siteId = new PerpetratorCareRepository(dsl).addSite(EditContext.system("tester"), "Urgences — CHP", provinceId,
                "hospital", null, null);
        vm.load();
        vm.selectedProperty().set(vm.sites().stream().filter(s -> s.id() == siteId).findFirst().orElseThrow());
        ViolenceViewModel.KindPicker picker = vm.sitePicker();
        assertThat(picker.kindProperty().get().value()).isEqualTo("hospital");
        assertThat(vm.unsavedProperty().get()).isFalse();
        int version = dsl.selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.ID.eq(siteId)).fetchOne().getVersion();

        // an ESSP site without its ESSP: refused, nothing written, nothing to undo
        picker.kindProperty().set(choice(vm.siteKinds(), "essp"));
        assertThat(vm.unsavedProperty().get()).isTrue();
        assertThat(vm.saveSite().toCompletableFuture().join()).isFalse();
        assertThat(vm.siteMessageProperty().get())
                .isEqualTo("Un site ESSP doit indiquer l’ESSP qui l’accueille. Rien n’a été enregistré.");
        var row = dsl.selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.ID.eq(siteId)).fetchOne();
        assertThat(row.getKind()).isEqualTo("hospital");
        assertThat(row.getVersion()).isEqualTo(version);
        assertThat(history.availableProperty().get()).isFalse();

        // with an ESSP of the site's province (the list offers the province's): written
        assertThat(picker.essps()).extracting(FilterChoice::value).contains(String.valueOf(esspId));
        picker.esspProperty().set(choice(picker.essps(), String.valueOf(esspId)));
        assertThat(vm.saveSite().toCompletableFuture().join()).isTrue();
        row = dsl.selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.ID.eq(siteId)).fetchOne();
        assertThat(row.getKind()).isEqualTo("essp");
        assertThat(row.getEsspId()).isEqualTo(esspId);
        assertThat(row.getName()).isEqualTo("Urgences — CHP");
        assertThat(row.getVersion()).isEqualTo(version + 1);
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(vm.sites()).filteredOn(s -> s.id() == siteId).extracting(SiteRow::kind).containsExactly("ESSP");
        assertThat(history.descriptionProperty().get()).isEqualTo("site Urgences — CHP");

        // Ctrl+Z: the hospital kind back (a versioned write, no ESSP kept), the form showing it
        history.undo(e -> { throw new AssertionError(e); });
        row = dsl.selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.ID.eq(siteId)).fetchOne();
        assertThat(row.getKind()).isEqualTo("hospital");
        assertThat(row.getEsspId()).isNull();
        assertThat(row.getVersion()).isEqualTo(version + 2);
        assertThat(vm.sites()).filteredOn(s -> s.id() == siteId).extracting(SiteRow::kind).containsExactly("hôpital");
        assertThat(picker.kindProperty().get().value()).isEqualTo("hospital");
        assertThat(vm.unsavedProperty().get()).isFalse();

        // Ctrl+Y: the ESSP site again
        history.redo(e -> { throw new AssertionError(e); });
        row = dsl.selectFrom(PERPETRATOR_CARE_SITE).where(PERPETRATOR_CARE_SITE.ID.eq(siteId)).fetchOne();
        assertThat(row.getKind()).isEqualTo("essp");
        assertThat(row.getEsspId()).isEqualTo(esspId);
    }
}
