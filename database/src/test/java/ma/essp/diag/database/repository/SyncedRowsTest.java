package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.HR_RELATION;
import static ma.essp.diag.database.jooq.Tables.SUPERVISION_VISIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EsspEditRepository.BulkField;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one writer, path by path: every change checks the version it started from (stale: refused, nothing written),
 * stamps the row with the member and the clock, audits old and new values with member and device, and a user
 * action is all or none.
 */
class SyncedRowsTest {

    static final Instant AT = Instant.parse("2026-11-20T09:30:00Z");
    static final String AMINA = "0b6f1c7e-4a8d-4d6e-9a51-7c2f3e8d9a10";

    @TempDir
    Path dir;
    RegistryFixture f;
    DSLContext dsl;
    EditContext amina;

    @BeforeEach
    void setUp() throws Exception {
        f = new RegistryFixture(dir);
        dsl = f.mission.dsl();
        amina = new EditContext(AMINA, "laptop-7", Clock.fixed(AT, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private int essp(int n) {
        return f.essps.create(RegistryFixture.draft("01571-" + String.format("%04d", n), "CS " + n, f.urban, null, null));
    }

    private int auditRows() {
        return dsl.fetchCount(AUDIT_LOG);
    }

    @Test
    void anInsertIsStampedByTheMemberAtTheClockAndAuditedWithTheDevice() {
        EsspRecord r = dsl.newRecord(ESSP);
        r.setCode("01571-0042");
        r.setNameFr("CSR Azla");
        r.setCategoryCode("CSR-1");
        r.setCirconscriptionId(f.rural);
        r.setMilieu("rural");
        int id = SyncedRows.insert(dsl, amina, r);

        EsspRecord row = dsl.selectFrom(ESSP).where(ESSP.ID.eq(id)).fetchOne();
        assertThat(row.getVersion()).isEqualTo(1);
        assertThat(row.getDeleted()).isFalse();
        assertThat(row.getUpdatedBy()).isEqualTo(AMINA);
        assertThat(row.getUpdatedAt()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(row.getUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ROW_UUID.eq(row.getUuid())).fetchSingle();
        assertThat(audit.getAction()).isEqualTo("insert");
        assertThat(audit.getMemberUuid()).isEqualTo(AMINA);
        assertThat(audit.getDeviceId()).isEqualTo("laptop-7");
        assertThat(audit.getAt()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(audit.getNewVersion()).isEqualTo(1);
    }

    @Test
    void anUpdateKeepsTheOldAndNewValueOfEveryChangedFieldWithWhoWhereAndWhen() {
        int id = essp(1);
        String uuid = f.essps.find(id).orElseThrow().uuid();
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(ESSP.FUNCTIONALITY, "partially");
        changes.put(ESSP.DELIVERY_UNIT, true);
        changes.put(ESSP.POPULATION_SERVED, 12_500);
        changes.put(ESSP.NAME_FR, "CS 1"); // unchanged: no audit row
        assertThat(SyncedRows.update(dsl, amina, ESSP, id, 1, changes)).isEqualTo(2);

        var rows = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ROW_UUID.eq(uuid), AUDIT_LOG.ACTION.eq("update"))
                .orderBy(AUDIT_LOG.ID).fetch();
        assertThat(rows).extracting(r -> r.getField() + ": " + r.getOldValue() + " -> " + r.getNewValue())
                .containsExactly("functionality: fully -> partially", "delivery_unit: false -> true",
                        "population_served: 10000 -> 12500");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getMemberUuid()).isEqualTo(AMINA);
            assertThat(r.getDeviceId()).isEqualTo("laptop-7");
            assertThat(r.getAt()).isEqualTo("2026-11-20T09:30:00Z");
            assertThat(r.getOldVersion()).isEqualTo(1);
            assertThat(r.getNewVersion()).isEqualTo(2);
        });
        // the text reads back into the column's type: what a merge needs to re-apply a base value
        assertThat(ESSP.DELIVERY_UNIT.getDataType().convert(rows.get(1).getOldValue())).isEqualTo(false);
        assertThat(ESSP.POPULATION_SERVED.getDataType().convert(rows.get(2).getNewValue())).isEqualTo(12_500);
        EsspRecord row = dsl.selectFrom(ESSP).where(ESSP.ID.eq(id)).fetchOne();
        assertThat(row.getUpdatedBy()).isEqualTo(AMINA);
        assertThat(row.getUpdatedAt()).isEqualTo("2026-11-20T09:30:00Z");
    }

    @Test
    void aStaleUpdateDeleteOrRestoreIsRefusedNamingTheRowAndWritesNothing() {
        int id = essp(1);
        f.essps.update(id, 1, RegistryFixture.draft("01571-0001", "Renamed elsewhere", f.urban, null, null));
        int audit = auditRows();
        assertThatThrownBy(() -> SyncedRows.update(dsl, amina, ESSP, id, 1, Map.of(ESSP.NOTES, "mine")))
                .isInstanceOfSatisfying(StaleEditException.class, e -> {
                    assertThat(e.table()).isEqualTo("essp");
                    assertThat(e.id()).isEqualTo(id);
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.foundVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> f.essps.softDelete(id, 1)).isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> f.essps.restore(id, 1)).isInstanceOf(StaleEditException.class);
        var row = f.essps.find(id).orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.deleted()).isFalse();
        assertThat(row.values().notes()).isNull();
        assertThat(auditRows()).isEqualTo(audit);
    }

    @Test
    void aBulkEditOf200EsspsWithOneStaleRowChangesNothingAndNamesThatRow() {
        Map<Integer, Integer> selection = new LinkedHashMap<>();
        dsl.transaction(tx -> { // one commit for the 200 (each insert is its own savepoint inside)
            EsspEditRepository inTx = new EsspEditRepository(tx.dsl(), f.edit);
            for (int n = 1; n <= 200; n++) {
                selection.put(inTx.create(RegistryFixture.draft("01571-" + String.format("%04d", n), "CS " + n, f.urban,
                        null, null)), 1);
            }
        });
        int stale = List.copyOf(selection.keySet()).get(137);
        f.essps.update(stale, 1, RegistryFixture.draft("01571-0138", "changed meanwhile", f.urban, null, null));
        int audit = auditRows();

        assertThatThrownBy(() -> f.essps.bulkSet(selection, BulkField.FUNCTIONALITY, "not_functioning"))
                .isInstanceOfSatisfying(StaleEditException.class, e -> {
                    assertThat(e.id()).isEqualTo(stale);
                    assertThat(e.getMessage()).contains("essp #" + stale).contains("now at version 2");
                });
        assertThat(dsl.fetchCount(ESSP, ESSP.FUNCTIONALITY.eq("not_functioning"))).isZero();
        assertThat(dsl.fetchCount(ESSP, ESSP.VERSION.gt(1))).isEqualTo(1);
        assertThat(auditRows()).isEqualTo(audit);

        // with the version the list now shows, the same edit goes through for all 200 in one transaction
        selection.put(stale, 2);
        var done = f.essps.bulkSet(selection, BulkField.FUNCTIONALITY, "not_functioning");
        assertThat(dsl.fetchCount(ESSP, ESSP.FUNCTIONALITY.eq("not_functioning"))).isEqualTo(200);
        assertThat(done.previous().values()).containsOnly("fully");
        assertThat(done.versions().get(stale)).isEqualTo(3);
        assertThat(auditRows()).isEqualTo(audit + 200);
    }

    @Test
    void undoOfABulkEditPutsEachPreviousValueBackAllOrNone() {
        int a = essp(1);
        int b = essp(2);
        f.essps.bulkSet(Map.of(b, 1), BulkField.FUNCTIONALITY, "partially");
        Map<Integer, Integer> selection = new LinkedHashMap<>();
        selection.put(a, 1);
        selection.put(b, 2);
        var done = f.essps.bulkSet(selection, BulkField.FUNCTIONALITY, "not_functioning");
        assertThat(done.previous()).containsExactly(Map.entry(a, "fully"), Map.entry(b, "partially"));

        // someone changes b after the bulk edit: the undo refuses both, a keeps the bulk value
        f.essps.update(b, 3, RegistryFixture.draft("01571-0002", "changed", f.urban, null, null));
        assertThatThrownBy(() -> f.essps.undo(done)).isInstanceOf(StaleEditException.class);
        assertThat(f.essps.find(a).orElseThrow().values().functionality()).isEqualTo("not_functioning");

        var second = f.essps.bulkSet(Map.of(a, 2), BulkField.FUNCTIONALITY, "partially");
        f.essps.undo(second);
        assertThat(f.essps.find(a).orElseThrow().values().functionality()).isEqualTo("not_functioning");
        assertThat(f.essps.find(a).orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void deleteAndRestoreOfASelectionAreAllOrNoneAndAudited() {
        int a = essp(1);
        int b = essp(2);
        Map<Integer, Integer> deleted = f.essps.softDeleteAll(Map.of(a, 1, b, 1));
        f.essps.restore(b, 2); // someone restored b meanwhile
        assertThatThrownBy(() -> f.essps.restoreAll(deleted)).isInstanceOf(StaleEditException.class);
        assertThat(f.essps.find(a).orElseThrow().deleted()).isTrue();
        String uuid = f.essps.find(a).orElseThrow().uuid();
        assertThat(dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ROW_UUID.eq(uuid), AUDIT_LOG.ACTION.eq("delete")).fetchSingle())
                .satisfies(r -> {
                    assertThat(r.getField()).isEqualTo("deleted");
                    assertThat(r.getOldValue()).isEqualTo("false");
                    assertThat(r.getNewValue()).isEqualTo("true");
                });
    }

    @Test
    void anUpsertInsertsThenUpdatesWithNativeReturningAndChecksTheVersionItStartedFrom() {
        var hr = new HrRelationRepository(dsl, amina);
        int id = hr.upsert(1, "payroll", null, "ministry", "gst", null);
        assertThat(id).isPositive();
        // update path: the id comes back (jOOQ's emulated RETURNING gave null here)
        assertThat(hr.upsert(1, "payroll", 1, "ministry", "shared", "note")).isEqualTo(id);
        var row = dsl.selectFrom(HR_RELATION).where(HR_RELATION.ID.eq(id)).fetchOne();
        assertThat(row.getVersion()).isEqualTo(2);
        assertThat(row.getUpdatedBy()).isEqualTo(AMINA);
        int audit = auditRows();

        // a second laptop window that still shows nothing entered, or version 1: refused, nothing written
        assertThatThrownBy(() -> hr.upsert(1, "payroll", null, "drs", "drs", null)).isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> hr.upsert(1, "payroll", 1, "drs", "drs", null))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.id()).isEqualTo(id));
        assertThat(dsl.selectFrom(HR_RELATION).where(HR_RELATION.ID.eq(id)).fetchOne().getHolderToday()).isEqualTo("ministry");
        assertThat(auditRows()).isEqualTo(audit);
        assertThat(dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ROW_UUID.eq(row.getUuid()), AUDIT_LOG.ACTION.eq("update"))
                .orderBy(AUDIT_LOG.ID).fetch(r -> r.getField() + ": " + r.getOldValue() + " -> " + r.getNewValue()))
                .containsExactly("holder_under_gst: gst -> shared", "notes: null -> note");
    }

    @Test
    void anUpsertOfADeletedRowRestoresItAndAStaleFunctionSaveIsRefused() {
        var org = new CirconscriptionOrganisationRepository(dsl, amina);
        var function = CirconscriptionOrganisationRepository.Function.SUPERVISION;
        int id = org.saveFunction(f.urban, function, null, "held", "IC", 1.0, null);
        SyncedRows.softDelete(dsl, amina, ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION, id, 1);
        // the screen shows nothing entered for a deleted row: null is what it started from
        assertThat(org.saveFunction(f.urban, function, null, "partial", "IC", 1.0, null)).isEqualTo(id);
        assertThat(org.functions(f.urban)).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(3);
            assertThat(r.held()).isEqualTo("partial");
        });
        assertThatThrownBy(() -> org.saveFunction(f.urban, function, 2, "not_held", null, null, null))
                .isInstanceOf(StaleEditException.class);
        assertThat(org.functions(f.urban).getFirst().held()).isEqualTo("partial");
    }

    @Test
    void aRecordStoredAfterSomeoneElseChangedItIsRefused() {
        var org = new CirconscriptionOrganisationRepository(dsl, amina);
        int a = essp(1);
        int visit = org.addVisit(f.urban, a, LocalDate.of(2026, 3, 1), "IC", null);
        var mine = dsl.selectFrom(SUPERVISION_VISIT).where(SUPERVISION_VISIT.ID.eq(visit)).fetchOne();
        var theirs = dsl.selectFrom(SUPERVISION_VISIT).where(SUPERVISION_VISIT.ID.eq(visit)).fetchOne();
        theirs.setFindings("stock-outs");
        SyncedRows.store(dsl, f.edit, theirs);
        mine.setSupervisor("Dr Amrani");
        assertThatThrownBy(() -> SyncedRows.store(dsl, amina, mine)).isInstanceOf(StaleEditException.class);
        var row = dsl.selectFrom(SUPERVISION_VISIT).where(SUPERVISION_VISIT.ID.eq(visit)).fetchOne();
        assertThat(row.getSupervisor()).isEqualTo("IC");
        assertThat(row.getVersion()).isEqualTo(2);
        // the record that won holds the row as written and can be stored again from there
        theirs.setSupervisor("IC 2");
        SyncedRows.store(dsl, f.edit, theirs);
        assertThat(theirs.getVersion()).isEqualTo(3);
    }

    @Test
    void anAssessmentAnswerChangedMeanwhileIsNotOverwrittenSilently() {
        var assessments = new AssessmentRepository(dsl, amina);
        int a = essp(1);
        int assessment = assessments.start(a, 1, LocalDate.of(2026, 5, 4), "Amina");
        int item = dsl.select(ma.essp.diag.database.jooq.Tables.PMS_ITEM.ID).from(ma.essp.diag.database.jooq.Tables.PMS_ITEM)
                .limit(1).fetchOne().value1();
        assessments.answer(assessment, item, AnswerState.AVAILABLE_FUNCTIONING, "observed", null);
        assessments.answer(assessment, item, AnswerState.ABSENT, "observed", null);
        var rows = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.TABLE_NAME.eq("assessment_answer"), AUDIT_LOG.ACTION.eq("update"))
                .fetch();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getField()).isEqualTo("state");
            assertThat(r.getOldValue()).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING.code());
            assertThat(r.getNewValue()).isEqualTo(AnswerState.ABSENT.code());
            assertThat(r.getMemberUuid()).isEqualTo(AMINA);
        });
    }
}
