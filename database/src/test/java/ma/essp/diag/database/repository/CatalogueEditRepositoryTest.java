package ma.essp.diag.database.repository;

import ma.essp.diag.database.testing.FixtureMission;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_AREA;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_REQUIREMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueContent.Labels;
import ma.essp.diag.database.repository.CatalogueDiff.Change;
import ma.essp.diag.database.repository.CatalogueDiff.Entity;
import ma.essp.diag.database.repository.CatalogueDiff.Kind;
import ma.essp.diag.database.repository.CatalogueEditException.Reason;
import ma.essp.diag.database.repository.CatalogueEditRepository.ItemFields;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueEditRepositoryTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private DSLContext dsl;
    private CatalogueVersionRepository versions;
    private CatalogueEditRepository edits;
    private int draft;

    @BeforeEach
    void open() throws Exception {
        mission = MissionFile.create(dir.resolve("c.essp"));
        dsl = mission.dsl();
        EditContext edit = EditContext.system("editor");
        versions = new CatalogueVersionRepository(dsl, edit);
        edits = new CatalogueEditRepository(dsl, edit);
        draft = versions.draftFrom(1, "PMS v0.2");
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private int serviceId(String code) {
        return versions.serviceIds(draft).get(code);
    }

    private int itemId(String code) {
        return versions.itemIds(draft).get(code);
    }

    /** The version of a row as an editor would have loaded it now. */
    private int v(org.jooq.Table<?> table, int id) {
        return dsl.select(table.field("version", Integer.class)).from(table)
                .where(table.field("id", Integer.class).eq(id)).fetchOne().value1();
    }

    private static ItemFields item(String code, String domain) {
        return new ItemFields(code, domain, new Labels("Tensiomètre électronique", "Electronic BP monitor", null), true, null);
    }

    @Test
    void contentListsTheLiveRowsWithIds() {
        CatalogueContent content = edits.content(draft);
        assertThat(content.items()).hasSize(189);
        assertThat(content.services()).hasSize(17);
        assertThat(content.requirements(serviceId("ANC"))).isNotEmpty();
    }

    @Test
    void addAndEditAnItemOfAServiceShowsInTheComparison() {
        int id = edits.addItem(draft, serviceId("ANC"), item("ANC99", "equipment"));
        var row = dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(id)).fetchOne();
        assertThat(row.getVersion()).isEqualTo(1);
        assertThat(row.getUpdatedBy()).isEqualTo("editor");
        assertThat(versions.compare(1, draft).changes()).containsExactly(new Change(Entity.ITEM, Kind.ADDED, "ANC99", List.of()));

        edits.editItem(id, v(PMS_ITEM, id), new ItemFields("ANC98", "equipment", new Labels("Tensiomètre", "BP monitor", "جهاز قياس الضغط"), false, "pile"));
        row = dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(id)).fetchOne();
        assertThat(row.getVersion()).isEqualTo(2);
        assertThat(row.getCode()).isEqualTo("ANC98");
        assertThat(row.getLabelAr()).isEqualTo("جهاز قياس الضغط");
        assertThat(row.getInScope()).isFalse();

        int am01 = itemId("AM01");
        edits.editItem(am01, v(PMS_ITEM, am01), new ItemFields("AM01", "basic_amenities", new Labels("Électricité (sans coupure > 2 h)", "Power", "الكهرباء"), true,
                "no long interruptions"));
        assertThat(versions.compare(1, draft).of(Entity.ITEM, Kind.CHANGED))
                .containsExactly(new Change(Entity.ITEM, Kind.CHANGED, "AM01", List.of("label_fr")));
    }

    @Test
    void addAGeneralReadinessItem() {
        int id = edits.addItem(draft, null, item("AM99", "basic_amenities"));
        assertThat(dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(id)).fetchOne().getServiceId()).isNull();
        assertThat(versions.snapshot(draft).items()).anyMatch(i -> i.code().equals("AM99") && i.serviceCode() == null);
    }

    @Test
    void theDomainMatchesGeneralOrServiceScope() {
        assertThatThrownBy(() -> edits.addItem(draft, null, item("X1", "equipment")))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOMAIN_SCOPE));
        assertThatThrownBy(() -> edits.addItem(draft, serviceId("ANC"), item("X1", "basic_equipment")))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOMAIN_SCOPE));
        assertThatThrownBy(() -> edits.editItem(itemId("AM01"), v(PMS_ITEM, itemId("AM01")), item("AM01", "diagnostics")))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DOMAIN_SCOPE));
        assertThat(versions.compare(1, draft).isEmpty()).isTrue();
    }

    @Test
    void codesAreUniqueWithinTheVersion() {
        assertThatThrownBy(() -> edits.addItem(draft, null, item("AM01", "basic_amenities")))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_CODE));
        assertThatThrownBy(() -> edits.editItem(itemId("AM02"), v(PMS_ITEM, itemId("AM02")), item("AM01", "basic_amenities")))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_CODE));
        assertThatThrownBy(() -> edits.addItem(draft, null, item(" ", "basic_amenities")))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLANK));
        int area = dsl.select(PMS_SERVICE.AREA_ID).from(PMS_SERVICE).where(PMS_SERVICE.ID.eq(serviceId("ANC"))).fetchOne().value1();
        assertThatThrownBy(() -> edits.addService(area, "ANC", new Labels("CPN", null, null)))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_CODE));
        // the same code in another version is fine: version 1 is untouched and holds AM01 too
        assertThat(versions.itemIds(1)).containsKey("AM01");
    }

    @Test
    void softDeleteLeavesTheRowMarkedDeleted() {
        int id = itemId("MD24");
        edits.deleteItem(id, v(PMS_ITEM, id));
        var row = dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(id)).fetchOne();
        assertThat(row.getDeleted()).isTrue();
        assertThat(row.getVersion()).isEqualTo(2);
        assertThat(versions.compare(1, draft).changes()).containsExactly(new Change(Entity.ITEM, Kind.REMOVED, "MD24", List.of()));
        // adding the code again brings the same row back
        int again = edits.addItem(draft, null, item("MD24", "essential_medicines"));
        assertThat(again).isEqualTo(id);
        assertThat(dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(id)).fetchOne().getDeleted()).isFalse();
    }

    @Test
    void areasAddRenameAndDeleteWithWhatHangsBelow() {
        int area = edits.addArea(draft, "PALL", new Labels("Soins palliatifs", "Oral health", null));
        int service = edits.addService(area, "PALL1", new Labels("Soins palliatifs de base", null, null));
        int tool = edits.addItem(draft, service, item("PALL01", "equipment"));
        edits.setRequirement(service, "CSU-2", null, "required");
        edits.renameArea(area, v(PMS_SERVICE_AREA, area), new Labels("Soins palliatifs et douleur", "Palliative care", null));
        assertThat(dsl.selectFrom(PMS_SERVICE_AREA).where(PMS_SERVICE_AREA.ID.eq(area)).fetchOne().getVersion()).isEqualTo(2);
        assertThat(versions.compare(1, draft).changes()).extracting(Change::kind).containsOnly(Kind.ADDED);

        edits.deleteArea(area, v(PMS_SERVICE_AREA, area));
        assertThat(dsl.selectFrom(PMS_SERVICE_AREA).where(PMS_SERVICE_AREA.ID.eq(area)).fetchOne().getDeleted()).isTrue();
        assertThat(dsl.selectFrom(PMS_SERVICE).where(PMS_SERVICE.ID.eq(service)).fetchOne().getDeleted()).isTrue();
        assertThat(dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(tool)).fetchOne().getDeleted()).isTrue();
        assertThat(dsl.fetchCount(PMS_SERVICE_REQUIREMENT, PMS_SERVICE_REQUIREMENT.SERVICE_ID.eq(service),
                PMS_SERVICE_REQUIREMENT.DELETED.isFalse())).isZero();
        assertThat(versions.compare(1, draft).isEmpty()).isTrue();
    }

    @Test
    void servicesRenameMoveAndDelete() {
        int anc = serviceId("ANC");
        int otherArea = edits.content(draft).areas().stream()
                .filter(a -> a.id() != dsl.select(PMS_SERVICE.AREA_ID).from(PMS_SERVICE).where(PMS_SERVICE.ID.eq(anc)).fetchOne().value1())
                .findFirst().orElseThrow().id();
        edits.editService(anc, v(PMS_SERVICE, anc), new Labels("Consultation prénatale", "Antenatal care", null), otherArea);
        var row = dsl.selectFrom(PMS_SERVICE).where(PMS_SERVICE.ID.eq(anc)).fetchOne();
        assertThat(row.getVersion()).isEqualTo(2);
        assertThat(row.getLabelFr()).isEqualTo("Consultation prénatale");
        assertThat(row.getAreaId()).isEqualTo(otherArea);
        assertThat(versions.compare(1, draft).of(Entity.SERVICE, Kind.CHANGED)).singleElement()
                .satisfies(c -> assertThat(c.fields()).contains("area"));

        int v1Area = dsl.select(PMS_SERVICE_AREA.ID).from(PMS_SERVICE_AREA).where(PMS_SERVICE_AREA.VERSION_ID.eq(1)).limit(1).fetchOne().value1();
        assertThatThrownBy(() -> edits.editService(anc, 2, new Labels("CPN", null, null), v1Area))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OTHER_VERSION));

        long ancItems = edits.content(draft).items().stream().filter(i -> Integer.valueOf(anc).equals(i.serviceId())).count();
        assertThat(ancItems).isPositive();
        edits.deleteService(anc, v(PMS_SERVICE, anc));
        assertThat(dsl.selectFrom(PMS_SERVICE).where(PMS_SERVICE.ID.eq(anc)).fetchOne().getDeleted()).isTrue();
        assertThat(edits.content(draft).items()).noneMatch(i -> Integer.valueOf(anc).equals(i.serviceId()));
        assertThat(versions.compare(1, draft).of(Entity.ITEM, Kind.REMOVED)).hasSize((int) ancItems);
    }

    @Test
    void requirementsPerCategory() {
        int anc = serviceId("ANC");
        String before = edits.content(draft).requirements(anc).get("DR");
        String other = "required".equals(before) ? "optional" : "required";
        edits.setRequirement(anc, "DR", edits.content(draft).requirementVersion(anc, "DR"), other);
        assertThat(edits.content(draft).requirements(anc)).containsEntry("DR", other);
        assertThat(versions.compare(1, draft).changes())
                .containsExactly(new Change(Entity.REQUIREMENT, Kind.CHANGED, "ANC/DR", List.of("requirement")));
        assertThatThrownBy(() -> edits.setRequirement(anc, "DR", null, "mandatory"))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUIREMENT));
        assertThatThrownBy(() -> edits.setRequirement(anc, "XX", null, "required"))
                .isInstanceOfSatisfying(CatalogueEditException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUIREMENT));
    }

    @Test
    void aPublishedVersionRefusesEveryEdit() {
        int anc = serviceId("ANC");
        int area = dsl.select(PMS_SERVICE.AREA_ID).from(PMS_SERVICE).where(PMS_SERVICE.ID.eq(anc)).fetchOne().value1();
        int am01 = itemId("AM01");
        versions.publish(draft, versions.version(draft).version(), LocalDate.of(2026, 5, 1));
        CatalogueSnapshot frozen = versions.snapshot(draft);
        List<Runnable> edits = List.of(
                () -> this.edits.addArea(draft, "NEW", new Labels("Nouveau", null, null)),
                () -> this.edits.renameArea(area, v(PMS_SERVICE_AREA, area), new Labels("Autre", null, null)),
                () -> this.edits.deleteArea(area, v(PMS_SERVICE_AREA, area)),
                () -> this.edits.addService(area, "NEWS", new Labels("Nouveau", null, null)),
                () -> this.edits.editService(anc, v(PMS_SERVICE, anc), new Labels("Autre", null, null), area),
                () -> this.edits.deleteService(anc, v(PMS_SERVICE, anc)),
                () -> this.edits.setRequirement(anc, "DR", this.edits.content(draft).requirementVersion(anc, "DR"), "required"),
                () -> this.edits.addItem(draft, null, item("AM99", "basic_amenities")),
                () -> this.edits.editItem(am01, v(PMS_ITEM, am01), item("AM01", "basic_amenities")),
                () -> this.edits.deleteItem(am01, v(PMS_ITEM, am01)));
        for (Runnable edit : edits) {
            assertThatThrownBy(edit::run).isInstanceOfSatisfying(CatalogueEditException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.PUBLISHED));
        }
        assertThat(versions.snapshot(draft)).isEqualTo(frozen);
    }

    @Test
    void aDraftThatAssessmentsUseIsFrozenSoTheirIndicesCannotChange() throws Exception {
        try (MissionFile other = FixtureMission.create(dir.resolve("used.essp"))) {
            DSLContext d = other.dsl();
            EditContext edit = EditContext.system("editor");
            CatalogueVersionRepository v = new CatalogueVersionRepository(d, edit);
            CatalogueEditRepository e = new CatalogueEditRepository(d, edit);
            int used = v.draftFrom(1, "PMS v0.2");
            int am01 = v.itemIds(used).get("AM01");
            assertThat(e.assessmentsUsing(used)).isZero();
            e.editItem(am01, d.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(am01)).fetchOne().getVersion(), new ItemFields("AM01", "basic_amenities", new Labels("Électricité (réseau)", null, null), true, null));

            int essp = d.select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                    .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("E001")).fetchOne().value1();
            int assessment = new AssessmentRepository(d, edit).start(essp, used, LocalDate.of(2026, 3, 1), "test");
            assertThat(e.assessmentsUsing(used)).isEqualTo(1);
            assertThatThrownBy(() -> e.editItem(am01, d.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(am01)).fetchOne().getVersion(), new ItemFields("AM01", "basic_amenities", new Labels("Autre", null, null), false, null)))
                    .isInstanceOfSatisfying(CatalogueEditException.class, x -> assertThat(x.reason()).isEqualTo(Reason.IN_USE));
            assertThatThrownBy(() -> e.addItem(used, null, item("AM99", "basic_amenities")))
                    .isInstanceOfSatisfying(CatalogueEditException.class, x -> assertThat(x.reason()).isEqualTo(Reason.IN_USE));
            assertThatThrownBy(() -> e.deleteItem(am01, 2))
                    .isInstanceOfSatisfying(CatalogueEditException.class, x -> assertThat(x.reason()).isEqualTo(Reason.IN_USE));
            var row = d.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(am01)).fetchOne();
            assertThat(row.getLabelFr()).isEqualTo("Électricité (réseau)");
            assertThat(row.getInScope()).isTrue();
            assertThat(row.getDeleted()).isFalse();

            // once the assessment is deleted the draft is free again; a new draft from it always is
            d.update(ma.essp.diag.database.jooq.Tables.ASSESSMENT).set(ma.essp.diag.database.jooq.Tables.ASSESSMENT.DELETED, true)
                    .where(ma.essp.diag.database.jooq.Tables.ASSESSMENT.ID.eq(assessment)).execute();
            assertThat(e.assessmentsUsing(used)).isZero();
            int next = v.draftFrom(used, "PMS v0.3");
            e.addItem(next, null, item("AM99", "basic_amenities"));
            assertThat(v.itemIds(next)).containsKey("AM99");
        }
    }
}
