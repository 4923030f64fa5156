package ma.essp.diag.database.repository;

import ma.essp.diag.database.testing.FixtureMission;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.COMMUNE;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_AREA;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueContent.Labels;
import ma.essp.diag.database.repository.CatalogueEditRepository.ItemFields;
import ma.essp.diag.database.repository.StructureRepository.GstDraft;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write path checks the version the user started from (the one the screen loaded): a row changed by someone
 * else (a colleague, another window) after it was loaded is refused with {@link StaleEditException}, and neither the
 * row nor the audit trail changes; a multi-row action with one stale row changes nothing and names that row.
 */
class StartedFromVersionTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private DSLContext dsl;
    /** The user whose screen went stale, and the colleague who changed the row meanwhile. */
    private final EditContext amina = EditContext.system("amina");
    private final EditContext youssef = EditContext.system("youssef");

    @BeforeEach
    void open() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private int esspId(String code) {
        return dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne().value1();
    }

    private int auditRows() {
        return dsl.fetchCount(AUDIT_LOG);
    }

    private Result<? extends Record> rows(org.jooq.Table<?> table) {
        return dsl.selectFrom(table).orderBy(table.field("id")).fetch();
    }

    @Test
    void anAnswerChangedMeanwhileIsRefusedAndKept() {
        var mine = new AssessmentRepository(dsl, amina);
        int assessment = mine.start(esspId("E001"), 1, LocalDate.of(2026, 3, 2), null);
        int am01 = new CatalogueVersionRepository(dsl, amina).itemIds(1).get("AM01");
        mine.answer(assessment, am01, null, AnswerState.ABSENT, "observed", null);
        // both screens loaded the answer at version 1; Youssef's window writes first
        AssessmentRepository.Answer loaded = mine.load(assessment).orElseThrow().answers().get(am01);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(new AssessmentRepository(dsl, youssef)
                .answer(assessment, am01, loaded.version(), AnswerState.AVAILABLE_FUNCTIONING, "observed", null)).isEqualTo(2);
        int audit = auditRows();

        assertThatThrownBy(() -> mine.answer(assessment, am01, loaded.version(), AnswerState.AVAILABLE_NOT_FUNCTIONING,
                "reported", "panne"))
                .isInstanceOfSatisfying(StaleEditException.class, e -> {
                    assertThat(e.table()).isEqualTo("assessment_answer");
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.foundVersion()).isEqualTo(2);
                });
        var row = dsl.selectFrom(ASSESSMENT_ANSWER).where(ASSESSMENT_ANSWER.ITEM_ID.eq(am01)).fetchOne();
        assertThat(row.getState()).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING.code());
        assertThat(row.getVersion()).isEqualTo(2);
        assertThat(row.getUpdatedBy()).isEqualTo("youssef");
        assertThat(auditRows()).isEqualTo(audit);

        // a first answer given on a screen that showed none, while another window answered the item: refused too
        int am02 = new CatalogueVersionRepository(dsl, amina).itemIds(1).get("AM02");
        new AssessmentRepository(dsl, youssef).answer(assessment, am02, null, AnswerState.ABSENT, "observed", null);
        assertThatThrownBy(() -> mine.answer(assessment, am02, null, AnswerState.AVAILABLE_FUNCTIONING, "observed", null))
                .isInstanceOf(StaleEditException.class);
        assertThat(mine.load(assessment).orElseThrow().answers().get(am02).state()).isEqualTo(AnswerState.ABSENT);
    }

    @Test
    void offeredAndFinishingCheckTheVersionShown() {
        var mine = new AssessmentRepository(dsl, amina);
        int assessment = mine.start(esspId("E001"), 1, LocalDate.of(2026, 3, 2), null);
        int anc = new CatalogueVersionRepository(dsl, amina).serviceIds(1).get("ANC");
        AssessmentRepository.Sheet shown = mine.load(assessment).orElseThrow();
        assertThat(shown.serviceVersions()).isEmpty();
        // another window records the service first
        new AssessmentRepository(dsl, youssef).setOffered(assessment, anc, null, true);
        assertThatThrownBy(() -> mine.setOffered(assessment, anc, null, false)).isInstanceOf(StaleEditException.class);
        assertThat(mine.load(assessment).orElseThrow().services()).containsEntry(anc, true);

        // finishing from a header loaded before a colleague reopened/changed it
        int headerVersion = shown.header().version();
        new AssessmentRepository(dsl, youssef).complete(assessment, headerVersion);
        int audit = auditRows();
        assertThatThrownBy(() -> mine.setStatus(assessment, headerVersion, AssessmentRepository.IN_PROGRESS))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.id()).isEqualTo(assessment));
        var row = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ID.eq(assessment)).fetchOne();
        assertThat(row.getStatus()).isEqualTo(AssessmentRepository.COMPLETE);
        assertThat(row.getUpdatedBy()).isEqualTo("youssef");
        assertThat(auditRows()).isEqualTo(audit);
        // reopening from the version now shown works
        assertThat(mine.setStatus(assessment, row.getVersion(), AssessmentRepository.IN_PROGRESS)).isEqualTo(row.getVersion() + 1);
    }

    @Test
    void catalogueEditsFromAStaleEditorChangeNothing() {
        var versions = new CatalogueVersionRepository(dsl, amina);
        int draft = versions.draftFrom(1, "PMS v0.2");
        var mine = new CatalogueEditRepository(dsl, amina);
        var theirs = new CatalogueEditRepository(dsl, youssef);
        CatalogueContent shown = mine.content(draft);
        CatalogueContent.Item am01 = shown.items().stream().filter(i -> i.code().equals("AM01")).findFirst().orElseThrow();
        CatalogueContent.Service anc = shown.services().stream().filter(s -> s.code().equals("ANC")).findFirst().orElseThrow();
        CatalogueContent.Area area = shown.areas().stream().filter(a -> a.id() == anc.areaId()).findFirst().orElseThrow();
        theirs.editItem(am01.id(), am01.version(), new ItemFields("AM01", "basic_amenities",
                new Labels("Électricité (réseau)", null, null), true, null));
        theirs.editService(anc.id(), anc.version(), new Labels("CPN (renommée)", null, null), anc.areaId());
        theirs.renameArea(area.id(), area.version(), new Labels("Santé maternelle (renommée)", null, null));
        String dr = shown.requirements(anc.id()).get("DR");
        theirs.setRequirement(anc.id(), "DR", shown.requirementVersion(anc.id(), "DR"), "optional".equals(dr) ? "required" : "optional");
        var items = rows(PMS_ITEM);
        var services = rows(PMS_SERVICE);
        var areas = rows(PMS_SERVICE_AREA);
        int audit = auditRows();

        List<Runnable> stale = List.of(
                () -> mine.editItem(am01.id(), am01.version(), new ItemFields("AM01", "basic_amenities",
                        new Labels("Électricité", null, null), false, null)),
                () -> mine.deleteItem(am01.id(), am01.version()),
                () -> mine.editService(anc.id(), anc.version(), new Labels("Consultation prénatale", null, null), anc.areaId()),
                () -> mine.deleteService(anc.id(), anc.version()),
                () -> mine.renameArea(area.id(), area.version(), new Labels("Autre", null, null)),
                () -> mine.deleteArea(area.id(), area.version()),
                () -> mine.setRequirement(anc.id(), "DR", shown.requirementVersion(anc.id(), "DR"), "not_expected"));
        for (int i = 0; i < stale.size(); i++) {
            assertThatThrownBy(stale.get(i)::run).as("edit %d", i).isInstanceOf(StaleEditException.class);
        }
        assertThat(rows(PMS_ITEM)).isEqualTo(items);
        assertThat(rows(PMS_SERVICE)).isEqualTo(services);
        assertThat(rows(PMS_SERVICE_AREA)).isEqualTo(areas);
        assertThat(auditRows()).isEqualTo(audit);
    }

    @Test
    void publishingAVersionChangedMeanwhileIsRefused() {
        var mine = new CatalogueVersionRepository(dsl, amina);
        int draft = mine.draftFrom(1, "PMS v0.2");
        CatalogueVersionRepository.VersionInfo listed = mine.version(draft);
        // a colleague changes the version row (its notes) after the list was loaded
        SyncedRows.update(dsl, youssef, PMS_CATALOGUE_VERSION, draft, listed.version(),
                Map.of(PMS_CATALOGUE_VERSION.NOTES, "à relire"));
        int audit = auditRows();
        assertThatThrownBy(() -> mine.publish(draft, listed.version(), LocalDate.of(2026, 5, 1)))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.id()).isEqualTo(draft));
        assertThat(mine.version(draft).published()).isFalse();
        assertThat(auditRows()).isEqualTo(audit);
        mine.publish(draft, mine.version(draft).version(), LocalDate.of(2026, 5, 1));
        assertThat(mine.version(draft).published()).isTrue();
    }

    @Test
    void aGstSavedFromAStaleFormIsRefused() {
        var mine = new StructureRepository(dsl, amina);
        StructureRepository.Structure shown = mine.gst(1).orElseThrow();
        new StructureRepository(dsl, youssef).saveGst(shown.version(), new GstDraft(1, "GST TTA", null, "Tanger", null,
                LocalDate.of(2025, 4, 10), LocalDate.of(2025, 7, 1), null));
        var before = rows(STRUCTURE);
        int audit = auditRows();
        assertThatThrownBy(() -> mine.saveGst(shown.version(), new GstDraft(1, "GST Tanger", null, "Tétouan", null,
                LocalDate.of(2025, 4, 10), null, null))).isInstanceOf(StaleEditException.class);
        // a form that showed no GST while the region has one is stale too
        assertThatThrownBy(() -> mine.saveGst(null, new GstDraft(1, "GST Tanger", null, null, null, null, null, null)))
                .isInstanceOf(StaleEditException.class);
        assertThat(rows(STRUCTURE)).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(audit);
        assertThat(mine.gst(1).orElseThrow().nameFr()).isEqualTo("GST TTA");
    }

    @Test
    void aMoveOfSeveralEsspsWithOneStaleRowMovesNoneAndNamesIt() {
        var territory = new TerritoryRepository(dsl);
        var mine = new CirconscriptionRepository(dsl, amina);
        int e001 = esspId("E001");
        int e002 = esspId("E002");
        Map<Integer, TerritoryRepository.Essp> listed = new LinkedHashMap<>();
        territory.load().essps().stream().filter(e -> e.id() == e001 || e.id() == e002).forEach(e -> listed.put(e.id(), e));
        assertThat(listed).hasSize(2);
        int from = listed.get(e001).circonscriptionId();
        int target = dsl.select(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID).from(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                .where(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID.eq(
                        dsl.select(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID)
                                .from(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                                .where(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID.eq(from))))
                .and(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID.ne(from)).limit(1).fetchOne().value1();
        // a colleague edits E002 after the list was loaded
        SyncedRows.update(dsl, youssef, ESSP, e002, listed.get(e002).version(), Map.of(ESSP.NAME_FR, "CSU Souani (renommé)"));
        var before = rows(ESSP);
        int audit = auditRows();
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        listed.forEach((id, e) -> versions.put(id, e.version()));
        assertThatThrownBy(() -> mine.moveEssps(versions, target))
                .isInstanceOfSatisfying(StaleEditException.class, e -> {
                    assertThat(e.table()).isEqualTo("essp");
                    assertThat(e.id()).isEqualTo(e002);
                });
        assertThat(rows(ESSP)).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(audit);
    }

    @Test
    void aMoveOfCommunesWithOneStaleCommuneMovesNone() throws Exception {
        try (RegistryFixture f = new RegistryFixture(dir.resolve("r"))) {
            DSLContext d = f.mission.dsl();
            int laou = f.circonscriptions.createCommune(RegistryFixture.TETOUAN, f.rural, "Oued Laou", null, "rural_commune", 9000);
            int azla = f.circonscriptions.createCommune(RegistryFixture.TETOUAN, f.rural, "Azla", null, "rural_commune", 7000);
            // both listed at version 1; a colleague renames Azla meanwhile
            SyncedRows.update(d, youssef, COMMUNE, azla, 1, Map.of(COMMUNE.NAME_FR, "Azla (centre)"));
            int audit = d.fetchCount(AUDIT_LOG);
            Map<Integer, Integer> listed = new LinkedHashMap<>();
            listed.put(laou, 1);
            listed.put(azla, 1);
            assertThatThrownBy(() -> f.circonscriptions.moveCommunes(listed, f.urban))
                    .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.id()).isEqualTo(azla));
            assertThat(d.fetchValue(COMMUNE.CIRCONSCRIPTION_ID, COMMUNE.ID.eq(laou))).isEqualTo(f.rural);
            assertThat(d.fetchValue(COMMUNE.VERSION, COMMUNE.ID.eq(laou))).isEqualTo(1);
            assertThat(d.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        }
    }
}
