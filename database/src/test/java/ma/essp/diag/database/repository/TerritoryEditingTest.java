package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.COMMUNE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.CirconscriptionOrganisationRepository.Function;
import ma.essp.diag.database.repository.CirconscriptionRepository.CirconscriptionDraft;
import ma.essp.diag.database.repository.StructureRepository.Authority;
import ma.essp.diag.database.repository.StructureRepository.GstDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerritoryEditingTest {

    @TempDir
    Path dir;
    RegistryFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new RegistryFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aProvinceKeepsTwoCirconscriptions() {
        assertThatThrownBy(() -> f.circonscriptions.softDelete(f.rural, 1))
                .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("circonscription.minimum-per-province"));
        int third = f.circonscriptions.create(new CirconscriptionDraft(RegistryFixture.TETOUAN, "C-TET-3", "Azla", null, "rural",
                null, null, null, null, null));
        assertThat(f.circonscriptions.softDelete(third, 1)).isEqualTo(2);
        assertThat(f.circonscriptions.countInProvince(RegistryFixture.TETOUAN)).isEqualTo(2);
        assertThat(f.circonscriptions.restore(third, 2)).isEqualTo(3);
    }

    @Test
    void aCirconscriptionWithEsspsCannotBeDeleted() {
        int third = f.circonscriptions.create(new CirconscriptionDraft(RegistryFixture.TETOUAN, "C-TET-3", "Azla", null, "rural",
                null, null, null, null, null));
        f.essps.create(RegistryFixture.draft("01571-0001", "A", third, null, null));
        assertThatThrownBy(() -> f.circonscriptions.softDelete(third, 1))
                .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("circonscription.has-essps"));
    }

    @Test
    void renameHeadAndSeatBumpTheVersion() {
        assertThat(f.circonscriptions.rename(f.urban, 1, "Tétouan Centre", "تطوان المركز")).isEqualTo(2);
        assertThat(f.circonscriptions.setHead(f.urban, 2, "Dr Amrani")).isEqualTo(3);
        assertThat(f.circonscriptions.setSeat(f.urban, 3, "CS Souika")).isEqualTo(4);
        var c = f.circonscriptions.find(f.urban).orElseThrow();
        assertThat(c.values().nameFr()).isEqualTo("Tétouan Centre");
        assertThat(c.values().headName()).isEqualTo("Dr Amrani");
        assertThat(c.values().seat()).isEqualTo("CS Souika");
        assertThat(c.version()).isEqualTo(4);
    }

    @Test
    void communesMoveWithTheirEsspsInsideTheirProvinceOnly() {
        int commune = f.circonscriptions.createCommune(RegistryFixture.TETOUAN, f.rural, "Oued Laou", null, "rural_commune", 9000);
        var d = RegistryFixture.draft("01571-0001", "CSR Oued Laou", f.rural, null, null);
        int essp = f.essps.create(new EsspEditRepository.EsspDraft(d.code(), d.nameFr(), null, "CSR-1", f.rural, commune, "rural",
                false, null, null, 9000, "fully", null, null, null, null));
        f.circonscriptions.moveCommunes(Map.of(commune, 1), f.urban);
        assertThat(f.essps.find(essp).orElseThrow().values().circonscriptionId()).isEqualTo(f.urban);
        assertThat(f.mission.dsl().fetchValue(COMMUNE.VERSION, COMMUNE.ID.eq(commune))).isEqualTo(2);

        int tanger = f.circonscriptions.create(new CirconscriptionDraft(RegistryFixture.TANGER, "C-TNG-1", "Tanger", null, "urban",
                null, null, null, null, null));
        assertThatThrownBy(() -> f.circonscriptions.moveCommunes(Map.of(commune, 2), tanger)).isInstanceOf(EditRuleException.class);
        assertThatThrownBy(() -> f.circonscriptions.moveEssps(Map.of(essp, f.essps.find(essp).orElseThrow().version()), tanger)).isInstanceOf(EditRuleException.class);
    }

    @Test
    void movingAnEsspAwayFromItsCommuneCirconscriptionDropsTheCommuneLink() {
        int commune = f.circonscriptions.createCommune(RegistryFixture.TETOUAN, f.rural, "Oued Laou", null, "rural_commune", 9000);
        int essp = f.essps.create(new EsspEditRepository.EsspDraft("01571-0001", "CSR", null, "CSR-1", f.rural, commune, "rural",
                false, null, null, 9000, "fully", null, null, null, null));
        int other = f.essps.create(RegistryFixture.draft("01571-0002", "CSU", f.rural, null, null));
        assertThat(f.circonscriptions.moveEssps(Map.of(essp, 1, other, 1), f.urban)).isEqualTo(2);
        assertThat(f.essps.find(essp).orElseThrow().values()).satisfies(v -> {
            assertThat(v.circonscriptionId()).isEqualTo(f.urban);
            assertThat(v.communeId()).isNull();
        });
        assertThat(f.essps.find(other).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aRegionIsUnderItsGstFromTheTakeoverDateOn() {
        var structures = new StructureRepository(f.mission.dsl(), f.edit);
        assertThat(structures.authorityAt(1, LocalDate.of(2025, 6, 1))).isEqualTo(Authority.DRS);
        structures.saveGst(structures.gst(1).orElseThrow().version(), new GstDraft(1, "GST Tanger-Tétouan-Al Hoceïma", null, "Tanger", "décret 2.23.1054",
                LocalDate.of(2025, 4, 10), LocalDate.of(2025, 7, 1), "ESSPs and hospitals of the region"));
        assertThat(structures.authorityAt(1, LocalDate.of(2025, 6, 30))).isEqualTo(Authority.DRS);
        assertThat(structures.authorityAt(1, LocalDate.of(2025, 7, 1))).isEqualTo(Authority.GST);
        assertThat(structures.authorityAt(2, LocalDate.of(2026, 1, 1))).isEqualTo(Authority.DRS);
        assertThat(structures.authoritiesAt(LocalDate.of(2026, 1, 1))).hasSize(12)
                .filteredOn(a -> a.authority() == Authority.GST).singleElement().extracting(a -> a.regionId()).isEqualTo(1);

        // the reference data already holds the 12 GSTs (without takeover date): saving updates the one of the region
        int id = structures.saveGst(structures.gst(1).orElseThrow().version(), new GstDraft(1, "GST TTA", null, "Tanger", null, LocalDate.of(2025, 4, 10), null, null));
        assertThat(structures.gst(1).orElseThrow()).satisfies(g -> {
            assertThat(g.id()).isEqualTo(id);
            assertThat(g.version()).isEqualTo(3);
            assertThat(g.takeoverOn()).isNull();
        });
        assertThat(structures.authorityAt(1, LocalDate.of(2026, 1, 1))).isEqualTo(Authority.DRS);
        assertThatThrownBy(() -> structures.saveGst(structures.gst(1).orElseThrow().version(), new GstDraft(1, "GST", null, null, null, LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 1, 1), null))).isInstanceOf(EditRuleException.class);
    }

    @Test
    void theChainOfAnEsspGoesUpToTheGst() {
        // délégations, DRS, SRES and GSTs come with the reference data
        var structures = new StructureRepository(f.mission.dsl(), f.edit);
        structures.saveGst(structures.gst(1).orElseThrow().version(), new GstDraft(1, "GST TTA", null, "Tanger", null, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 7, 1), null));
        int essp = f.essps.create(RegistryFixture.draft("01571-0001", "CSU", f.urban, null, null));
        var chain = structures.chainOfEssp(essp, LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(chain.circonscriptionFr()).isEqualTo("Tétouan Médina");
        assertThat(chain.provinceFr()).isEqualTo("Tétouan");
        assertThat(chain.delegation()).map(StructureRepository.Structure::nameFr).contains("Délégation Tétouan");
        assertThat(chain.drs()).isPresent();
        assertThat(chain.drs()).map(StructureRepository.Structure::seat).contains("Tanger");
        assertThat(chain.sres()).isPresent();
        assertThat(chain.gst()).map(StructureRepository.Structure::takeoverOn).contains(LocalDate.of(2025, 7, 1));
        assertThat(chain.authorityToday()).isEqualTo(Authority.GST);
    }

    @Test
    void hrRelationUpsertKeepsOneRowAndBumpsItsVersion() {
        var hr = new HrRelationRepository(f.mission.dsl(), f.edit);
        int id = hr.upsert(1, "payroll", null, "ministry", "gst", "paid centrally today");
        int again = hr.upsert(1, "payroll", 1, "ministry", "shared", null);
        assertThat(again).isEqualTo(id);
        var matrix = hr.matrix(1);
        assertThat(matrix).hasSize(6);
        assertThat(matrix).filteredOn(r -> r.function().code().equals("payroll")).singleElement().satisfies(r -> {
            assertThat(r.holderUnderGst()).isEqualTo("shared");
            assertThat(r.version()).isEqualTo(2);
        });
        assertThat(matrix).filteredOn(r -> r.id() == null).hasSize(5);
        assertThat(hr.matrix(2)).allMatch(r -> r.id() == null);
    }

    @Test
    void staffPositionsPerEsspAndPerStructure() {
        var staff = new StaffRepository(f.mission.dsl(), f.edit);
        int essp = f.essps.create(RegistryFixture.draft("01571-0001", "CSU", f.urban, null, null));
        int structure = new StructureRepository(f.mission.dsl(), f.edit).create(new StructureRepository.Structure(0, 0,
                "delegation", 1, RegistryFixture.TETOUAN, null, "Délégation", null, null, null, null, null, null, null));
        var ids = staff.createAll(List.of(
                new StaffRepository.PositionDraft(essp, null, "doctor_gp", "ministry", "filled", 1, "f", null, null, null),
                new StaffRepository.PositionDraft(essp, null, "nurse", "ministry", "vacant", 1, null, null, null, null),
                new StaffRepository.PositionDraft(null, structure, "administrator", "ministry", "filled", 0.5, "m", null, null, null)));
        staff.addTraining(ids.get(0), "PCIME", "child health", 2024, 24.0);
        assertThat(staff.ofEssp(essp)).extracting(p -> p.values().cadreCode()).containsExactly("doctor_gp", "nurse");
        assertThat(staff.ofEssp(essp).get(0).trainings()).isEqualTo(1);
        assertThat(staff.ofStructure(structure)).singleElement().extracting(p -> p.values().fte()).isEqualTo(0.5);
        assertThat(staff.update(ids.get(1), 1, new StaffRepository.PositionDraft(essp, null, "nurse", "ministry", "filled", 1, "f",
                null, null, null))).isEqualTo(2);
        assertThat(staff.softDelete(ids.get(1), 2)).isEqualTo(3);
        assertThat(staff.ofEssp(essp)).hasSize(1);
        assertThat(staff.restore(ids.get(1), 3)).isEqualTo(4);
        assertThat(staff.ofEssp(essp)).hasSize(2);
        assertThatThrownBy(() -> new StaffRepository.PositionDraft(essp, structure, "nurse", null, null, 1, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void circonscriptionsOfAProvinceCompareFunctionsAndVisitsPerEssp() {
        var org = new CirconscriptionOrganisationRepository(f.mission.dsl(), f.edit);
        int a = f.essps.create(RegistryFixture.draft("01571-0001", "A", f.urban, null, null));
        int b = f.essps.create(RegistryFixture.draft("01571-0002", "B", f.urban, null, null));
        org.saveFunction(f.urban, Function.SUPERVISION, null, "held", "infirmier chef", 1.0, null);
        int id = org.saveFunction(f.urban, Function.SUPERVISION, 1, "partial", "infirmier chef", 1.0, "no car");
        org.saveFunction(f.urban, Function.PLANNING, null, "not_held", null, null, null);
        assertThat(org.functions(f.urban)).extracting(FunctionHeldCode::of).containsExactly("planning:not_held", "supervision:partial");
        assertThat(org.functions(f.urban).get(1).id()).isEqualTo(id);
        org.addVisit(f.urban, a, LocalDate.of(2025, 3, 1), "IC", "stock-outs");
        org.addVisit(f.urban, b, LocalDate.of(2025, 9, 1), "IC", null);
        org.addVisit(f.urban, a, LocalDate.of(2025, 11, 1), "IC", null);
        int old = org.addVisit(f.urban, a, LocalDate.of(2024, 11, 1), "IC", null);
        assertThat(org.visits(f.urban)).hasSize(4);
        org.deleteVisit(old, 1);
        assertThat(org.visits(f.urban)).hasSize(3);

        var comparison = org.compare(RegistryFixture.TETOUAN, 2025);
        assertThat(comparison).hasSize(2);
        var urban = comparison.stream().filter(c -> c.circonscriptionId() == f.urban).findFirst().orElseThrow();
        assertThat(urban.essps()).isEqualTo(2);
        assertThat(urban.visits()).isEqualTo(3);
        assertThat(urban.visitsPerEssp()).isEqualTo(1.5);
        assertThat(urban.held()).containsEntry(Function.SUPERVISION, "partial").doesNotContainKey(Function.TRAINING);
        var rural = comparison.stream().filter(c -> c.circonscriptionId() == f.rural).findFirst().orElseThrow();
        assertThat(rural.visitsPerEssp()).isNull();
    }

    @Test
    void aVisitIsCorrectedAtItsVersionAndAStaleCorrectionChangesNothing() {
        var org = new CirconscriptionOrganisationRepository(f.mission.dsl(), f.edit);
        int a = f.essps.create(RegistryFixture.draft("01571-0001", "A", f.urban, null, null));
        int b = f.essps.create(RegistryFixture.draft("01571-0002", "B", f.urban, null, null));
        int elsewhere = f.essps.create(RegistryFixture.draft("01571-0003", "C", f.rural, null, null));
        int id = org.addVisit(f.urban, a, LocalDate.of(2025, 3, 1), "IC", "stock-outs");

        assertThat(org.updateVisit(id, 1, b, LocalDate.of(2025, 3, 4), "Dr Amrani", "registers up to date")).isEqualTo(2);
        var v = org.visits(f.urban).getFirst();
        assertThat(v.version()).isEqualTo(2);
        assertThat(v.esspId()).isEqualTo(b);
        assertThat(v.esspCode()).isEqualTo("01571-0002");
        assertThat(v.visitedOn()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(v.supervisor()).isEqualTo("Dr Amrani");
        assertThat(v.findings()).isEqualTo("registers up to date");
        assertThat(f.mission.dsl().fetchValue("SELECT group_concat(member_uuid || ':' || action || ':' || field || ':'"
                + " || old_version || '>' || new_version, ' ') FROM audit_log WHERE table_name = 'supervision_visit'"
                + " AND action = 'update'"))
                .isEqualTo("tester:update:essp_id:1>2 tester:update:visited_on:1>2 tester:update:supervisor:1>2"
                        + " tester:update:findings:1>2");

        // someone else's copy still at version 1: refused, the row keeps the correction above
        assertThatThrownBy(() -> org.updateVisit(id, 1, a, LocalDate.of(2025, 1, 1), "X", "Y"))
                .isInstanceOf(StaleEditException.class);
        // the same rules as a new visit, checked before anything is written
        assertThatThrownBy(() -> org.updateVisit(id, 2, elsewhere, LocalDate.of(2025, 1, 1), "X", "Y"))
                .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("visit.essp-other-circonscription"));
        assertThatThrownBy(() -> org.updateVisit(id, 2, a, null, "X", "Y"))
                .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("visit.date-required"));
        assertThat(org.visits(f.urban)).containsExactly(v);

        // deleted meanwhile (version 3): a correction from version 2, or even at the deleted row's version, is refused
        assertThat(org.deleteVisit(id, 2)).isEqualTo(3);
        assertThatThrownBy(() -> org.updateVisit(id, 2, a, LocalDate.of(2025, 1, 1), null, null)).isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> org.updateVisit(id, 3, a, LocalDate.of(2025, 1, 1), null, null)).isInstanceOf(StaleEditException.class);
        assertThat(org.visits(f.urban)).isEmpty();
        assertThatThrownBy(() -> org.addVisit(f.urban, elsewhere, LocalDate.of(2025, 1, 1), null, null))
                .isInstanceOf(EditRuleException.class);
    }

    private record FunctionHeldCode() {
        static String of(CirconscriptionOrganisationRepository.FunctionHeld h) {
            return h.function().code + ":" + h.held();
        }
    }
}
