package ma.essp.diag.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.app.ui.UnsavedChangesGuard.Choice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function;
import ma.essp.diag.database.repository.CirconscriptionRepository;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CirconscriptionsViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    CirconscriptionsViewModel vm;
    GstViewModel gst;
    final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        EditContext edit = EditContext.system("tester");
        I18n i18n = new I18n(Locale.FRENCH);
        var executor = new CurrentThreadTaskExecutor();
        vm = new CirconscriptionsViewModel(new CirconscriptionRepository(mission.dsl(), edit),
                new CirconscriptionOrganisationRepository(mission.dsl(), edit), new TerritoryRepository(mission.dsl()), executor, i18n, dialogs);
        gst = new GstViewModel(new StructureRepository(mission.dsl(), edit), executor, i18n, dialogs);
        vm.load();
        vm.provinceProperty().set(vm.provinces().stream().filter(p -> p.label().contains("Tanger-Assilah")).findFirst().orElseThrow());
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    @Test
    void listsTheProvinceCirconscriptionsAndRefusesToGoBelowTwo() {
        assertThat(vm.list()).hasSize(2);
        vm.selectedProperty().set(vm.list().getFirst());
        vm.delete();
        assertThat(vm.messageProperty().get()).contains("au moins deux");
        assertThat(vm.list()).hasSize(2);
    }

    @Test
    void createsRenamesAndMovesEsspsThenCompares() {
        vm.newCirconscription();
        vm.codeProperty().set("C-TNG-3");
        vm.nameFrProperty().set("Circonscription Boukhalef");
        vm.headProperty().set("Dr Alami");
        vm.save();
        assertThat(vm.list()).hasSize(3);
        var medina = vm.list().stream().filter(c -> c.values().code().equals("C-TNG-1")).findFirst().orElseThrow();
        vm.selectedProperty().set(medina);
        assertThat(vm.essps()).hasSize(2);
        vm.nameFrProperty().set("Tanger Médina");
        vm.save();
        assertThat(vm.list()).anyMatch(c -> c.values().nameFr().equals("Tanger Médina") && c.version() == 2);

        vm.moveTargetProperty().set(vm.targets().stream().filter(t -> t.label().contains("Boukhalef")).findFirst().orElseThrow());
        vm.moveEssps(List.of(vm.essps().getFirst()));
        assertThat(vm.list().stream().filter(c -> c.values().code().equals("C-TNG-3")).findFirst().orElseThrow().esspCount()).isEqualTo(1);

        vm.selectedProperty().set(vm.list().stream().filter(c -> c.values().code().equals("C-TNG-1")).findFirst().orElseThrow());
        assertThat(vm.functions()).hasSize(6);
        vm.saveFunction(vm.functions().get(2), "partial", "infirmier chef", 1.0);
        vm.addVisit(LocalDate.of(vm.yearProperty().get(), 3, 1), vm.essps().getFirst().id(), "IC", "registres à jour");
        assertThat(vm.visits()).hasSize(1);
        var row = vm.comparison().stream().filter(c -> c.code().equals("C-TNG-1")).findFirst().orElseThrow();
        assertThat(row.held()).containsEntry(Function.SUPERVISION, "partial");
        assertThat(row.visitsPerEssp()).isEqualTo(1.0);

        vm.deleteVisit(vm.visits().getFirst());
        assertThat(vm.visits()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Visite supprimée.");
        assertThat(vm.comparison().stream().filter(c -> c.code().equals("C-TNG-1")).findFirst().orElseThrow().visitsPerEssp())
                .isEqualTo(0.0);
    }

    @Test
    void aSelectedVisitFillsTheFormAndIsCorrectedInTheBackground() {
        var medina = vm.list().stream().filter(c -> c.values().code().equals("C-TNG-1")).findFirst().orElseThrow();
        vm.selectedProperty().set(medina);
        assertThat(vm.essps()).extracting(e -> e.code()).containsExactly("E001", "E002");
        int year = vm.yearProperty().get();
        assertThat(vm.visitActionProperty().get()).isEqualTo("Ajouter la visite");
        vm.visitDateProperty().set(LocalDate.of(year, 3, 1));
        vm.visitEsspProperty().set(vm.essps().get(0));
        vm.visitSupervisorProperty().set("IC");
        vm.visitFindingsProperty().set("registres à jour");
        vm.saveVisit();
        assertThat(vm.messageProperty().get()).isEqualTo("Visite ajoutée.");
        assertThat(vm.visits()).hasSize(1);
        assertThat(vm.visitFindingsProperty().get()).isEmpty();

        // choosing the visit puts its values in the form; the button now saves the correction
        vm.editVisit(vm.visits().getFirst());
        assertThat(vm.visitActionProperty().get()).isEqualTo("Enregistrer la modification");
        assertThat(vm.visitDateProperty().get()).isEqualTo(LocalDate.of(year, 3, 1));
        assertThat(vm.visitEsspProperty().get().code()).isEqualTo("E001");
        assertThat(vm.visitSupervisorProperty().get()).isEqualTo("IC");
        assertThat(vm.visitFindingsProperty().get()).isEqualTo("registres à jour");

        // cancelling goes back to adding, nothing saved
        vm.visitFindingsProperty().set("brouillon");
        vm.cancelVisitEdit();
        assertThat(vm.visitActionProperty().get()).isEqualTo("Ajouter la visite");
        assertThat(vm.visitDateProperty().get()).isNull();
        assertThat(vm.visits().getFirst().findings()).isEqualTo("registres à jour");

        vm.editVisit(vm.visits().getFirst());
        vm.visitDateProperty().set(LocalDate.of(year - 1, 12, 20));
        vm.visitEsspProperty().set(vm.essps().get(1));
        vm.visitSupervisorProperty().set(" Dr Alami ");
        vm.visitFindingsProperty().set("rupture de stock");
        vm.saveVisit();
        assertThat(vm.messageProperty().get()).isEqualTo("Visite modifiée.");
        assertThat(vm.editedVisitProperty().get()).isNull();
        assertThat(vm.visitActionProperty().get()).isEqualTo("Ajouter la visite");
        var v = vm.visits().getFirst();
        assertThat(vm.visits()).hasSize(1);
        assertThat(v.version()).isEqualTo(2);
        assertThat(v.esspCode()).isEqualTo("E002");
        assertThat(v.visitedOn()).isEqualTo(LocalDate.of(year - 1, 12, 20));
        assertThat(v.supervisor()).isEqualTo("Dr Alami");
        assertThat(v.findings()).isEqualTo("rupture de stock");
        // moved to last year: the comparison of this year no longer counts it (0 visits for 2 ESSPs)
        assertThat(vm.comparison().stream().filter(c -> c.code().equals("C-TNG-1")).findFirst().orElseThrow().visits()).isZero();

        // a correction started from a copy that is no longer current is refused and leaves the row as it was
        vm.editVisit(new CirconscriptionOrganisationRepository.Visit(v.id(), 1, v.circonscriptionId(), v.esspId(), v.esspCode(),
                v.esspName(), v.visitedOn(), v.supervisor(), v.findings()));
        vm.visitFindingsProperty().set("écrasé");
        vm.saveVisit();
        assertThat(vm.messageProperty().get()).startsWith("Cette visite a été modifiée ou supprimée entre-temps");
        assertThat(vm.editedVisitProperty().get()).isNull();
        assertThat(vm.visits()).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.findings()).isEqualTo("rupture de stock");
        });

        // without a date the form is refused before anything runs
        vm.editVisit(vm.visits().getFirst());
        vm.visitDateProperty().set(null);
        vm.saveVisit();
        assertThat(vm.messageProperty().get()).isEqualTo("Choisissez une circonscription, une date et un ESSP.");
        assertThat(vm.visits().getFirst().version()).isEqualTo(2);
    }

    @Test
    void communesMoveToAnotherCirconscriptionWithTheirEssps() {
        var repository = new CirconscriptionRepository(mission.dsl(), EditContext.system("tester"));
        var medina = vm.list().stream().filter(c -> c.values().code().equals("C-TNG-1")).findFirst().orElseThrow();
        var gzenaya = vm.list().stream().filter(c -> c.values().code().equals("C-TNG-2")).findFirst().orElseThrow();
        int province = medina.values().provinceId();
        int souani = repository.createCommune(province, medina.id(), "Arrondissement Souani", null, "arrondissement", 80_000);
        repository.createCommune(province, medina.id(), "Arrondissement Médina", null, "arrondissement", 40_000);
        // E002 (CSU Souani) lies in the Souani arrondissement
        mission.dsl().update(ma.essp.diag.database.jooq.Tables.ESSP).set(ma.essp.diag.database.jooq.Tables.ESSP.COMMUNE_ID, souani)
                .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("E002")).execute();
        vm.reloadProvince();
        vm.selectedProperty().set(vm.list().stream().filter(c -> c.id() == medina.id()).findFirst().orElseThrow());
        assertThat(vm.communes()).extracting(c -> c.nameFr()).containsExactly("Arrondissement Médina", "Arrondissement Souani");
        assertThat(vm.communeKind("arrondissement")).isEqualTo("Arrondissement");
        assertThat(vm.essps()).extracting(e -> e.code()).containsExactly("E001", "E002");

        vm.moveTargetProperty().set(vm.targets().stream().filter(t -> t.value().equals(String.valueOf(gzenaya.id()))).findFirst().orElseThrow());
        vm.moveCommunes(vm.communes().stream().filter(c -> c.id() == souani).toList());
        assertThat(vm.messageProperty().get()).isEqualTo("1 commune(s) déplacée(s) vers Circonscription Gzenaya, avec leurs ESSP.");
        assertThat(vm.communes()).extracting(c -> c.nameFr()).containsExactly("Arrondissement Médina");
        assertThat(vm.essps()).extracting(e -> e.code()).containsExactly("E001");
        var after = vm.list().stream().filter(c -> c.id() == gzenaya.id()).findFirst().orElseThrow();
        assertThat(after.esspCount()).isEqualTo(3);
        assertThat(after.communeCount()).isEqualTo(1);
    }

    @Test
    void aRegionPassesToItsGstOnTheTakeoverDate() {
        gst.load();
        assertThat(gst.regions()).hasSize(12).allMatch(r -> gst.authorityLabel(r).equals("DRS"));
        gst.selectedProperty().set(gst.regions().getFirst());
        assertThat(gst.nameProperty().get()).contains("Groupement Sanitaire Territorial");
        gst.createdOnProperty().set(LocalDate.of(2025, 4, 10));
        gst.takeoverOnProperty().set(LocalDate.of(2025, 10, 1));
        gst.save();
        gst.dateProperty().set(LocalDate.of(2025, 10, 1));
        assertThat(gst.authorityLabel(gst.regions().getFirst())).isEqualTo("GST");
        gst.dateProperty().set(LocalDate.of(2025, 9, 30));
        assertThat(gst.authorityLabel(gst.regions().getFirst())).isEqualTo("DRS");

        gst.selectedProperty().set(gst.regions().getFirst());
        gst.takeoverOnProperty().set(LocalDate.of(2025, 1, 1));
        gst.save();
        assertThat(gst.messageProperty().get()).contains("Refusé");
    }

    @Test
    void aMoveOfSeveralEsspsWithOneChangedMeanwhileMovesNoneAndNamesIt() {
        var dsl = mission.dsl();
        var essp = ma.essp.diag.database.jooq.Tables.ESSP;
        var audit = ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
        var medina = vm.list().stream().filter(c -> c.values().code().equals("C-TNG-1")).findFirst().orElseThrow();
        vm.selectedProperty().set(medina);
        List<TerritoryRepository.Essp> listed = List.copyOf(vm.essps());
        assertThat(listed).extracting(TerritoryRepository.Essp::code).containsExactly("E001", "E002");
        // a colleague edits E002 after the list was loaded
        dsl.update(essp).set(essp.NAME_FR, "CSU Souani II").set(essp.VERSION, essp.VERSION.plus(1))
                .where(essp.CODE.eq("E002")).execute();
        int auditRows = dsl.fetchCount(audit);
        vm.moveTargetProperty().set(vm.targets().stream().filter(t -> t.label().contains("Gzenaya")).findFirst().orElseThrow());
        vm.moveEssps(listed);
        assertThat(vm.messageProperty().get()).isEqualTo("« E002 CSU Souani » a été modifié entre-temps : rien n’a été déplacé, "
                + "la liste est rechargée.");
        assertThat(dsl.selectDistinct(essp.CIRCONSCRIPTION_ID).from(essp).where(essp.CODE.in("E001", "E002")).fetch(essp.CIRCONSCRIPTION_ID))
                .containsExactly(medina.id());
        assertThat(dsl.fetchCount(audit)).isEqualTo(auditRows);
        // the list reloaded: moving what it now shows works
        vm.selectedProperty().set(vm.list().stream().filter(c -> c.id() == medina.id()).findFirst().orElseThrow());
        vm.moveEssps(List.copyOf(vm.essps()));
        assertThat(vm.messageProperty().get()).startsWith("2 ESSP déplacé(s)");
    }

    @Test
    void aGstFormSavedAfterAnotherWindowChangedTheGstIsRefused() {
        gst.load();
        gst.selectedProperty().set(gst.regions().getFirst());
        var structure = ma.essp.diag.database.jooq.Tables.STRUCTURE;
        var dsl = mission.dsl();
        dsl.update(structure).set(structure.SEAT, "Tétouan").set(structure.VERSION, structure.VERSION.plus(1))
                .where(structure.KIND.eq("gst"), structure.REGION_ID.eq(gst.regions().getFirst().regionId())).execute();
        gst.seatProperty().set("Tanger");
        gst.save();
        assertThat(gst.messageProperty().get()).isEqualTo(new I18n(Locale.FRENCH).get("error.stale"));
        assertThat(dsl.fetchValue(structure.SEAT, structure.KIND.eq("gst").and(structure.REGION_ID.eq(gst.regions().getFirst().regionId()))))
                .isEqualTo("Tétouan");
        // the form now shows the GST as it is; saving from there works
        assertThat(gst.seatProperty().get()).isEqualTo("Tétouan");
        gst.seatProperty().set("Tanger");
        gst.save();
        assertThat(dsl.fetchValue(structure.SEAT, structure.KIND.eq("gst").and(structure.REGION_ID.eq(gst.regions().getFirst().regionId()))))
                .isEqualTo("Tanger");
    }

    private CirconscriptionRepository.StoredCirconscription byCode(String code) {
        return vm.list().stream().filter(c -> c.values().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void choosingAnotherCirconscriptionWithUnsavedEditsAsksFirst() {
        var medina = byCode("C-TNG-1");
        var gzenaya = byCode("C-TNG-2");
        int[] stayed = {0};
        vm.choose(medina, () -> stayed[0]++);
        assertThat(dialogs.shown).isEmpty(); // nothing edited yet: no question
        assertThat(vm.nameFrProperty().get()).isEqualTo("Circonscription Tanger Médina");

        vm.seatProperty().set("Tanger, bd Pasteur");
        dialogs.unsavedAnswer = Choice.CANCEL;
        vm.choose(gzenaya, () -> stayed[0]++);
        assertThat(dialogs.shown).extracting(RecordingDialogService.Shown::kind).containsExactly("unsaved");
        assertThat(stayed[0]).isEqualTo(1);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(medina.id());
        assertThat(vm.seatProperty().get()).isEqualTo("Tanger, bd Pasteur"); // the edit is still there

        dialogs.unsavedAnswer = Choice.DISCARD;
        vm.choose(gzenaya, () -> stayed[0]++);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(gzenaya.id());
        assertThat(vm.nameFrProperty().get()).isEqualTo("Circonscription Gzenaya");
        assertThat(byCode("C-TNG-1").values().seat()).isNull(); // nothing written
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).isFalse();

        vm.headProperty().set("Dr Amrani");
        dialogs.unsavedAnswer = Choice.SAVE;
        vm.choose(byCode("C-TNG-1"), () -> stayed[0]++);
        assertThat(stayed[0]).isEqualTo(1);
        assertThat(byCode("C-TNG-2").values().headName()).isEqualTo("Dr Amrani"); // written, then moved on
        assertThat(vm.selectedProperty().get().id()).isEqualTo(medina.id());
        assertThat(vm.nameFrProperty().get()).isEqualTo("Circonscription Tanger Médina");
        assertThat(dialogs.shown).hasSize(3);
    }

    @Test
    void aRefusedSaveKeepsTheCirconscriptionShown() {
        var medina = byCode("C-TNG-1");
        vm.choose(medina, () -> { });
        vm.populationProperty().set("beaucoup");
        dialogs.unsavedAnswer = Choice.SAVE;
        boolean[] stayed = {false};
        vm.choose(byCode("C-TNG-2"), () -> stayed[0] = true);
        assertThat(stayed[0]).isTrue();
        assertThat(vm.selectedProperty().get().id()).isEqualTo(medina.id());
        assertThat(vm.messageProperty().get()).isNotBlank();
    }

    @Test
    void choosingAnotherRegionWithAnUnsavedGstAsksFirst() {
        gst.load();
        var first = gst.regions().getFirst();
        var second = gst.regions().get(1);
        gst.choose(first, () -> { });
        gst.seatProperty().set("Siège provisoire de test");
        boolean[] stayed = {false};
        dialogs.unsavedAnswer = Choice.CANCEL;
        gst.choose(second, () -> stayed[0] = true);
        assertThat(stayed[0]).isTrue();
        assertThat(gst.selectedProperty().get().regionId()).isEqualTo(first.regionId());
        assertThat(gst.seatProperty().get()).isEqualTo("Siège provisoire de test");

        dialogs.unsavedAnswer = Choice.DISCARD;
        gst.choose(second, () -> stayed[0] = false);
        assertThat(stayed[0]).isTrue(); // not asked to stay this time
        assertThat(gst.selectedProperty().get().regionId()).isEqualTo(second.regionId());
        assertThat(gst.hasUnsavedChanges()).isFalse();
        assertThat(dialogs.shown).hasSize(2);
    }

    @Test
    void aCreationAndTwoRenamesAreUndoneInTurnAndRedone() {
        vm.newCirconscription();
        vm.codeProperty().set("C-TNG-3");
        vm.nameFrProperty().set("Circonscription Boukhalef");
        vm.save();
        var created = vm.list().stream().filter(c -> c.values().code().equals("C-TNG-3")).findFirst().orElseThrow();
        for (String name : List.of("Boukhalef", "Boukhalef-Gzenaya")) {
            vm.selectedProperty().set(vm.list().stream().filter(c -> c.id() == created.id()).findFirst().orElseThrow());
            vm.nameFrProperty().set(name);
            vm.save();
        }
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("modification de Boukhalef-Gzenaya");

        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(vm.list()).anyMatch(c -> c.id() == created.id() && c.values().nameFr().equals("Boukhalef"));
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(vm.list()).anyMatch(c -> c.id() == created.id() && c.values().nameFr().equals("Circonscription Boukhalef"));
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("création de Circonscription Boukhalef");
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(vm.list()).as("the creation undone: deleted (soft), the province back to two").hasSize(2);

        vm.history().redo(e -> { throw new AssertionError(e); });
        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(vm.list()).hasSize(3).anyMatch(c -> c.id() == created.id() && c.values().nameFr().equals("Boukhalef"));
        // create, two renames, three undos, two redos: each a versioned write of the one row
        assertThat(vm.list().stream().filter(c -> c.id() == created.id()).findFirst().orElseThrow().version()).isEqualTo(1 + 2 + 3 + 2);
    }
}
