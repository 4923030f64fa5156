package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MERGE_ALIAS;
import static ma.essp.diag.database.jooq.Tables.MERGE_JOURNAL;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.merge.MergeDecisions.DuplicateChoice;
import ma.essp.diag.database.merge.MergeDecisions.Take;
import ma.essp.diag.database.merge.MergePlan.FieldDiff;
import ma.essp.diag.database.merge.MergePlan.FieldKind;
import ma.essp.diag.database.merge.MergePlan.RowDiff;
import ma.essp.diag.database.merge.MergePlan.RowKind;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops each work on a copy of the same fixture mission (laptop A: Amina on device laptop-A; laptop B: Brahim
 * on laptop-B), then B's file is merged into A's (and the other way round where the test says so).
 */
class MergeEngineTest {

    static final String AMINA = "11111111-1111-1111-1111-111111111111";
    static final String BRAHIM = "22222222-2222-2222-2222-222222222222";

    @TempDir
    Path dir;
    Path fileA;
    Path fileB;
    MissionFile a;
    MissionFile b;
    EditContext amina;
    EditContext brahim;
    final MergeEngine engine = new MergeEngine();

    @BeforeEach
    void twoLaptops() throws Exception {
        Path base = dir.resolve("base.essp");
        FixtureMission.create(base).close();
        fileA = dir.resolve("a.essp");
        fileB = dir.resolve("b.essp");
        Files.copy(base, fileA);
        Files.copy(base, fileB);
        a = MissionFile.open(fileA, dir.resolve("backups"));
        b = MissionFile.open(fileB, dir.resolve("backups"));
        amina = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        brahim = new EditContext(BRAHIM, "laptop-B", Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    // ------------------------------------------------------------------ helpers

    private static EsspRecord essp(MissionFile m, String code) {
        return m.dsl().selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
    }

    private static void edit(MissionFile m, EditContext who, String code, Field<?> field, Object value) {
        EsspRecord e = essp(m, code);
        SyncedRows.update(m.dsl(), who, ESSP, e.getId(), e.getVersion(), Map.of(field, value));
    }

    private static int circonscription(MissionFile m, String code) {
        return m.dsl().select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq(code)).fetchOne().value1();
    }

    private static void create(MissionFile m, EditContext who, String code, String name, String circonscription) {
        EsspRecord e = m.dsl().newRecord(ESSP);
        e.setCode(code);
        e.setNameFr(name);
        e.setCategoryCode("CSU-1");
        e.setCirconscriptionId(circonscription(m, circonscription));
        e.setMilieu("urban");
        SyncedRows.insert(m.dsl(), who, e);
    }

    private MergePlan plan(MissionFile target, Path other) throws Exception {
        try (MergeSource source = MergeSource.open(other, target, dir.resolve("scratch"))) {
            return engine.analyse(target.dsl(), source.dsl(), other.getFileName().toString(), source.missionUuid());
        }
    }

    private MergeEngine.Applied merge(MissionFile target, EditContext who, Path other, MergeDecisions decisions)
            throws Exception {
        try (MergeSource source = MergeSource.open(other, target, dir.resolve("scratch"))) {
            MergePlan plan = engine.analyse(target.dsl(), source.dsl(), other.getFileName().toString(), source.missionUuid());
            return engine.apply(target.dsl(), who, plan, decisions, null);
        }
    }

    private static MergeDecisions none() {
        return MergeDecisions.of(null, null, false);
    }

    private static RowDiff only(MergePlan plan) {
        assertThat(plan.rows()).hasSize(1);
        return plan.rows().getFirst();
    }

    /** Per merged table, a SHA-256 of the rows' compared columns (foreign keys as uuids), rows by uuid. */
    static Map<String, String> checksums(MissionFile m, boolean liveOnly) throws Exception {
        MergeTables tables = MergeTables.all();
        Side side = Side.whole(m.dsl(), tables);
        Map<String, String> sums = new TreeMap<>();
        for (Table<?> table : tables.inForeignKeyOrder()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(side.rows(table.getName())).forEach((uuid, row) -> {
                if (!liveOnly || !row.deleted()) {
                    sha.update((uuid + row.values()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            sums.put(table.getName(), HexFormat.of().formatHex(sha.digest()));
        }
        return sums;
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    // ------------------------------------------------------------------ the cases

    @Test
    void disjointEditsAreBothKept() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "vu par A");
        edit(b, brahim, "E002", ESSP.POPULATION_SERVED, 41_000);

        MergePlan plan = plan(a, fileB);
        RowDiff row = only(plan);
        assertThat(row.kind()).isEqualTo(RowKind.CHANGED);
        assertThat(row.label()).isEqualTo("E002 CSU Souani");
        assertThat(row.fields()).containsExactly(new FieldDiff("population_served", "40000", "40000", "41000", FieldKind.TAKEN));
        assertThat(plan.summary()).containsExactly(new MergePlan.TableSummary("essp", 0, 1, 0, 0, 0, 0));

        merge(a, amina, fileB, none());
        assertThat(essp(a, "E001").getNotes()).isEqualTo("vu par A");
        assertThat(essp(a, "E002").getPopulationServed()).isEqualTo(41_000);
        // the change is written by the one writer, as Amina on laptop A, and B's own audit row is copied in
        assertThat(a.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.FIELD.eq("population_served"))).isEqualTo(2);
        assertThat(a.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.FIELD.eq("population_served").and(AUDIT_LOG.DEVICE_ID.eq("laptop-B"))))
                .isEqualTo(1);
    }

    @Test
    void sameFieldChangedOnBothSidesIsAConflictThatBlocksUntilResolved() throws Exception {
        edit(a, amina, "E001", ESSP.POPULATION_SERVED, 31_000);
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 32_000);
        String before = checksums(a, false).toString();

        MergePlan plan = plan(a, fileB);
        RowDiff row = only(plan);
        assertThat(row.kind()).isEqualTo(RowKind.CONFLICT);
        assertThat(row.fields()).containsExactly(new FieldDiff("population_served", "30000", "31000", "32000", FieldKind.CONFLICT));

        assertThatThrownBy(() -> merge(a, amina, fileB, none())).isInstanceOf(MergeBlockedException.class)
                .hasMessageContaining("1 conflict(s)");
        assertThat(checksums(a, false).toString()).isEqualTo(before);

        merge(a, amina, fileB, MergeDecisions.of(Take.THEIRS, null, false));
        assertThat(essp(a, "E001").getPopulationServed()).isEqualTo(32_000);
        // the losing value stays in the audit (old value of the merge's write) and in the journal
        assertThat(a.dsl().fetchExists(AUDIT_LOG, AUDIT_LOG.FIELD.eq("population_served").and(AUDIT_LOG.OLD_VALUE.eq("31000"))
                .and(AUDIT_LOG.NEW_VALUE.eq("32000")).and(AUDIT_LOG.DEVICE_ID.eq("laptop-A")))).isTrue();
        var journal = a.dsl().selectFrom(MERGE_JOURNAL).where(MERGE_JOURNAL.KIND.eq("conflict")).fetchOne();
        assertThat(List.of(journal.getBaseValue(), journal.getMineValue(), journal.getTheirsValue(), journal.getResultValue()))
                .containsExactly("30000", "31000", "32000", "32000");
    }

    @Test
    void aConflictKeptAsMineStaysResolvedAtTheNextMerge() throws Exception {
        edit(a, amina, "E001", ESSP.POPULATION_SERVED, 31_000);
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 32_000);
        merge(a, amina, fileB, MergeDecisions.of(Take.MINE, null, false));
        assertThat(essp(a, "E001").getPopulationServed()).isEqualTo(31_000);

        assertThat(plan(a, fileB).nothingToDo()).isTrue();
        // B edits the field again later: that newer edit is taken
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 33_000);
        RowDiff row = only(plan(a, fileB));
        assertThat(row.fields()).containsExactly(new FieldDiff("population_served", "32000", "31000", "33000", FieldKind.TAKEN));
    }

    @Test
    void aConflictKeptAsMineIsTakenWhenTheOtherFileMergesBack() throws Exception {
        edit(a, amina, "E001", ESSP.POPULATION_SERVED, 31_000);
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 32_000);
        merge(a, amina, fileB, MergeDecisions.of(Take.MINE, null, false));
        // B merges A back: A resolved the conflict (its 31000 over 32000) and holds B's edit; B still has 32000
        RowDiff row = only(plan(b, fileA));
        assertThat(row.fields()).containsExactly(new FieldDiff("population_served", "32000", "32000", "31000", FieldKind.TAKEN));
        merge(b, brahim, fileA, none());
        assertThat(essp(b, "E001").getPopulationServed()).isEqualTo(31_000);
        assertThat(plan(a, fileB).nothingToDo()).isTrue();
    }

    @Test
    void onlyTheRowsThatDifferAreHeldAndTheOthersCompareTheSame() throws Exception {
        edit(b, brahim, "E002", ESSP.POPULATION_SERVED, 41_000);
        String e1 = essp(a, "E001").getUuid();
        String e2 = essp(a, "E002").getUuid();
        int essps = a.dsl().fetchCount(ESSP);

        MergePlan plan = plan(a, fileB);
        // the streamed comparison read every ESSP of both files (E001 compared the same, E002 not) but holds only E002
        assertThat(essps).isGreaterThan(2);
        assertThat(only(plan).uuid()).isEqualTo(e2);
        assertThat(plan.mineValues("essp", e2)).containsEntry("population_served", "40000");
        assertThat(plan.theirsValues("essp", e2)).containsEntry("population_served", "41000");
        assertThat(plan.mineValues("essp", e1)).isNull();
        assertThat(plan.theirsValues("essp", e1)).isNull();
    }

    @Test
    void aRowOfAnotherTableCreatedOnBothLaptopsWithTheSameKeyIsMatchedByItsKey() throws Exception {
        setting(a, amina, "merge.test", "A");
        setting(b, brahim, "merge.test", "B");
        setting(b, brahim, "merge.other", "B only");

        MergePlan plan = plan(a, fileB);
        List<RowDiff> rows = plan.rows().stream().filter(r -> r.table().equals("mission_setting")).toList();
        assertThat(rows).hasSize(2);
        RowDiff linked = rows.stream().filter(RowDiff::linked).findFirst().orElseThrow();
        assertThat(linked.mineUuid()).isEqualTo(settingUuid(a, "merge.test"));
        assertThat(linked.uuid()).isEqualTo(settingUuid(b, "merge.test"));
        // no history of the field on either side (both inserted it): a conflict
        assertThat(linked.fields()).extracting(FieldDiff::field, FieldDiff::mine, FieldDiff::theirs, FieldDiff::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("value", "A", "B", FieldKind.CONFLICT));
        RowDiff added = rows.stream().filter(r -> !r.linked()).findFirst().orElseThrow();
        assertThat(added.kind()).isEqualTo(RowKind.ADDED);
        assertThat(plan.theirsValues("mission_setting", added.uuid())).containsEntry("value", "B only");
    }

    @Test
    void rowsCreatedOnBothLaptopsUnderTheSameIdAreMatchedByUuidNotById() throws Exception {
        setting(a, amina, "a.only", "A");
        setting(b, brahim, "b.only", "B");
        edit(b, brahim, "E002", ESSP.POPULATION_SERVED, 41_000);
        // both laptops gave their new row the next id: the same id holds two different rows
        assertThat(settingId(a, "a.only")).isEqualTo(settingId(b, "b.only"));
        assertThat(settingUuid(a, "a.only")).isNotEqualTo(settingUuid(b, "b.only"));

        MergePlan plan = plan(a, fileB);
        // B's row is new here; A's row, which B lacks, is not listed (nothing to do here) nor held
        assertThat(plan.rows()).extracting(RowDiff::table, RowDiff::uuid, RowDiff::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("essp", essp(a, "E002").getUuid(), RowKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("mission_setting", settingUuid(b, "b.only"), RowKind.ADDED));
        assertThat(plan.theirsValues("mission_setting", settingUuid(b, "b.only"))).containsEntry("key", "b.only")
                .containsEntry("value", "B");
        assertThat(plan.mineValues("mission_setting", settingUuid(a, "a.only"))).isNull();

        merge(a, amina, fileB, none());
        assertThat(settingValue(a, "a.only")).isEqualTo("A");
        assertThat(settingValue(a, "b.only")).isEqualTo("B");
        assertThat(settingId(a, "b.only")).isEqualTo(settingId(a, "a.only") + 1);
        assertThat(essp(a, "E002").getPopulationServed()).isEqualTo(41_000);
    }

    @Test
    void aRowAtDifferentIdsOnTheTwoSidesIsMatchedByItsUuid() throws Exception {
        // each laptop creates a row under the same next id, then each merges the other: each file now holds both
        // rows, under crossed ids
        setting(a, amina, "a.only", "A");
        setting(b, brahim, "b.only", "B");
        merge(a, amina, fileB, none());
        merge(b, brahim, fileA, none());
        assertThat(settingUuid(a, "a.only")).isEqualTo(settingUuid(b, "a.only"));
        assertThat(settingId(a, "a.only")).isEqualTo(settingId(b, "b.only"));
        assertThat(settingId(a, "b.only")).isEqualTo(settingId(b, "a.only"));
        assertThat(plan(a, fileB).rows()).isEmpty();
        assertThat(plan(b, fileA).rows()).isEmpty();

        // then: A edits its row; B edits its own and deletes A's
        changeSetting(a, amina, "a.only", "A2");
        changeSetting(b, brahim, "b.only", "B2");
        var s = ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
        var aOnlyOnB = b.dsl().selectFrom(s).where(s.KEY.eq("a.only")).fetchOne();
        SyncedRows.softDelete(b.dsl(), brahim, s, aOnlyOnB.getId(), aOnlyOnB.getVersion());

        // worked out by hand: B's edit of its row is taken; A's row edited here and deleted there is a conflict
        MergePlan plan = plan(a, fileB);
        assertThat(plan.rows()).extracting(RowDiff::uuid, RowDiff::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(settingUuid(a, "b.only"), RowKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple(settingUuid(a, "a.only"), RowKind.CONFLICT));
        RowDiff taken = plan.rows().stream().filter(r -> r.uuid().equals(settingUuid(a, "b.only"))).findFirst().orElseThrow();
        assertThat(taken.fields()).containsExactly(new FieldDiff("value", "B", "B", "B2", FieldKind.TAKEN));
        RowDiff conflict = plan.rows().stream().filter(r -> r.uuid().equals(settingUuid(a, "a.only"))).findFirst().orElseThrow();
        assertThat(conflict.fields()).containsExactlyInAnyOrder(
                new FieldDiff("value", "A", "A2", "A", FieldKind.KEPT),
                new FieldDiff("deleted", "false", "false", "true", FieldKind.DELETE_EDIT));

        merge(a, amina, fileB, MergeDecisions.of(Take.MINE, null, false));
        assertThat(settingValue(a, "a.only")).isEqualTo("A2");
        assertThat(settingValue(a, "b.only")).isEqualTo("B2");
        assertThat(plan(a, fileB).rows()).isEmpty();
    }

    @Test
    void twoFilesThatDoNotShareTheirIdsGiveThePlanOfFilesThatDo() throws Exception {
        // more rows than the id walk tries before it gives up for the uuid walk
        a.close();
        b.close();
        Path base = dir.resolve("base.essp");
        try (MissionFile m = MissionFile.open(base, dir.resolve("backups"))) {
            m.dsl().transaction(tx -> {
                for (int i = 0; i < Side.ID_WALK_TRIAL + 200; i++) {
                    var s = tx.dsl().newRecord(ma.essp.diag.database.jooq.Tables.MISSION_SETTING);
                    s.setKey("bulk." + i);
                    s.setValue(Integer.toString(i));
                    SyncedRows.insert(tx.dsl(), amina, s);
                }
            });
        }
        Path shifted = dir.resolve("shifted.essp");
        for (Path copy : List.of(fileA, fileB, shifted)) {
            Files.copy(base, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        a = MissionFile.open(fileA, dir.resolve("backups"));
        b = MissionFile.open(fileB, dir.resolve("backups"));
        // the same edits on B and on its twin, whose settings are numbered from 100001
        changeSetting(a, amina, "bulk.7", "sept");
        changeSetting(a, amina, "bulk.500", "cinq cents (A)");
        try (MissionFile twin = MissionFile.open(shifted, dir.resolve("backups"))) {
            twin.dsl().execute("UPDATE mission_setting SET id = id + 100000");
            for (MissionFile m : List.of(b, twin)) {
                changeSetting(m, brahim, "bulk.500", "cinq cents (B)");
                changeSetting(m, brahim, "bulk.1100", "mille cent");
                setting(m, brahim, "bulk.new", "nouveau");
            }
            assertThat(settingId(twin, "bulk.7")).isEqualTo(settingId(b, "bulk.7") + 100_000);
        }

        MergePlan sharing = plan(a, fileB);
        MergePlan notSharing = plan(a, shifted);
        // worked out by hand: bulk.500 changed on both sides (a conflict), bulk.1100 taken, bulk.new added
        assertThat(sharing.rows()).extracting(RowDiff::label, RowDiff::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("bulk.500", RowKind.CONFLICT),
                org.assertj.core.groups.Tuple.tuple("bulk.1100", RowKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("bulk.new", RowKind.ADDED));
        // the same plan (the setting created on B and on its twin has a uuid of its own in each)
        java.util.function.Function<MergePlan, List<List<Object>>> described = p -> p.rows().stream()
                .map(r -> List.<Object>of(r.table(), r.kind() == RowKind.ADDED ? "new" : r.uuid(), String.valueOf(r.mineUuid()),
                        r.label(), r.kind(), r.fields(), String.valueOf(p.theirsValues(r.table(), r.uuid())),
                        String.valueOf(r.mineUuid() == null ? null : p.mineValues(r.table(), r.mineUuid()))))
                .toList();
        assertThat(described.apply(notSharing)).isEqualTo(described.apply(sharing));
        assertThat(notSharing.summary()).isEqualTo(sharing.summary());
    }

    private static int settingId(MissionFile m, String key) {
        var t = ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
        return m.dsl().select(t.ID).from(t).where(t.KEY.eq(key)).fetchOne().value1();
    }

    private static String settingValue(MissionFile m, String key) {
        var t = ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
        return m.dsl().select(t.VALUE).from(t).where(t.KEY.eq(key)).fetchOne().value1();
    }

    private static void changeSetting(MissionFile m, EditContext who, String key, String value) {
        var t = ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
        var s = m.dsl().selectFrom(t).where(t.KEY.eq(key)).fetchOne();
        SyncedRows.update(m.dsl(), who, t, s.getId(), s.getVersion(), Map.of(t.VALUE, value));
    }

    private static void setting(MissionFile m, EditContext who, String key, String value) {
        var s = m.dsl().newRecord(ma.essp.diag.database.jooq.Tables.MISSION_SETTING);
        s.setKey(key);
        s.setValue(value);
        SyncedRows.insert(m.dsl(), who, s);
    }

    private static String settingUuid(MissionFile m, String key) {
        var t = ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
        return m.dsl().select(t.UUID).from(t).where(t.KEY.eq(key)).fetchOne().value1();
    }

    @Test
    void differentFieldsOfOneRowAreAParallelUpdate() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "groupe électrogène en panne");
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 33_000);

        RowDiff row = only(plan(a, fileB));
        assertThat(row.kind()).isEqualTo(RowKind.PARALLEL);
        assertThat(row.fields()).containsExactlyInAnyOrder(
                new FieldDiff("population_served", "30000", "30000", "33000", FieldKind.TAKEN),
                new FieldDiff("notes", null, "groupe électrogène en panne", null, FieldKind.KEPT));

        merge(a, amina, fileB, none());
        EsspRecord e = essp(a, "E001");
        assertThat(e.getNotes()).isEqualTo("groupe électrogène en panne");
        assertThat(e.getPopulationServed()).isEqualTo(33_000);
        assertThat(a.dsl().fetchValue("SELECT kind FROM merge_journal WHERE field = 'population_served'")).isEqualTo("parallel");
    }

    @Test
    void deleteOnOneSideAndEditOnTheOtherIsAConflict() throws Exception {
        EsspRecord e = essp(a, "E003");
        SyncedRows.softDelete(a.dsl(), amina, ESSP, e.getId(), e.getVersion());
        edit(b, brahim, "E003", ESSP.NOTES, "rouvert en novembre");

        RowDiff row = only(plan(a, fileB));
        assertThat(row.kind()).isEqualTo(RowKind.CONFLICT);
        assertThat(row.fields()).containsExactlyInAnyOrder(
                new FieldDiff("deleted", "false", "true", "false", FieldKind.DELETE_EDIT),
                new FieldDiff("notes", null, null, "rouvert en novembre", FieldKind.TAKEN));
        assertThatThrownBy(() -> merge(a, amina, fileB, none())).isInstanceOf(MergeBlockedException.class);

        merge(a, amina, fileB, MergeDecisions.of(Take.THEIRS, null, false));
        assertThat(essp(a, "E003").getDeleted()).isFalse();
        assertThat(essp(a, "E003").getNotes()).isEqualTo("rouvert en novembre");
    }

    @Test
    void theSameEsspCreatedOnBothLaptopsIsADuplicateCandidateBeforeAnythingIsInserted() throws Exception {
        create(a, amina, "X-0001", "CS Béni Makada", "C-TNG-1");
        create(b, brahim, "X-0001", "CS  beni makada", "C-TNG-1");
        int esspsBefore = a.dsl().fetchCount(ESSP);

        MergePlan plan = plan(a, fileB);
        assertThat(plan.rows()).isEmpty();
        assertThat(plan.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(MergePlan.DuplicateReason.SAME_CODE);
            assertThat(d.mineLabel()).isEqualTo("X-0001 CS Béni Makada");
            // linked, the two created rows have no common history: the differing name is a conflict
            assertThat(d.fieldsIfLinked()).containsExactly(
                    new FieldDiff("name_fr", null, "CS Béni Makada", "CS  beni makada", FieldKind.CONFLICT));
        });
        assertThat(plan.summary()).containsExactly(new MergePlan.TableSummary("essp", 0, 0, 0, 0, 0, 1));
        assertThatThrownBy(() -> merge(a, amina, fileB, none())).isInstanceOf(MergeBlockedException.class)
                .hasMessageContaining("1 duplicate candidate(s)");
        assertThat(a.dsl().fetchCount(ESSP)).isEqualTo(esspsBefore);

        merge(a, amina, fileB, MergeDecisions.of(Take.MINE, DuplicateChoice.LINK, false));
        assertThat(a.dsl().fetchCount(ESSP)).isEqualTo(esspsBefore);
        String bUuid = essp(b, "X-0001").getUuid();
        assertThat(a.dsl().fetchOne(MERGE_ALIAS).getAliasUuid()).isEqualTo(bUuid);
        assertThat(a.dsl().fetchOne(MERGE_ALIAS).getRowUuid()).isEqualTo(essp(a, "X-0001").getUuid());
        // the next merge matches the two rows through the alias
        assertThat(plan(a, fileB).nothingToDo()).isTrue();
        edit(b, brahim, "X-0001", ESSP.POPULATION_SERVED, 12_000);
        RowDiff row = only(plan(a, fileB));
        assertThat(row.mineUuid()).isEqualTo(essp(a, "X-0001").getUuid());
        // the name conflict resolved as mine stays resolved (the journal holds it); B's new edit is taken
        assertThat(row.kind()).isEqualTo(RowKind.PARALLEL);
        assertThat(row.fields()).containsExactly(
                new FieldDiff("name_fr", null, "CS Béni Makada", "CS  beni makada", FieldKind.KEPT),
                new FieldDiff("population_served", null, null, "12000", FieldKind.TAKEN));
    }

    @Test
    void keepingBothDuplicatesWithTheSameCodeRenumbersTheIncomingOne() throws Exception {
        create(a, amina, "X-0001", "CS Béni Makada", "C-TNG-1");
        create(b, brahim, "X-0001", "CS Beni Makada", "C-TNG-1");
        merge(a, amina, fileB, MergeDecisions.of(null, DuplicateChoice.KEEP, false));
        String digits = a.dsl().select(PROVINCE.CODE).from(PROVINCE).where(PROVINCE.ID.eq(FixtureMission.TANGER_ASSILAH))
                .fetchOne().value1().replace(".", "");
        EsspRecord kept = a.dsl().selectFrom(ESSP).where(ESSP.UUID.eq(essp(b, "X-0001").getUuid())).fetchOne();
        assertThat(kept.getCode()).isEqualTo(digits + "-0001");
        assertThat(kept.getNameFr()).isEqualTo("CS Beni Makada");
    }

    @Test
    void theSameNextCodeOnBothLaptopsIsRenumberedWithAgreement() throws Exception {
        String digits = a.dsl().select(PROVINCE.CODE).from(PROVINCE).where(PROVINCE.ID.eq(FixtureMission.TANGER_ASSILAH))
                .fetchOne().value1().replace(".", "");
        create(a, amina, digits + "-0001", "CS Alpha", "C-TNG-1");
        create(b, brahim, digits + "-0001", "CS Beta", "C-TNG-2");

        MergePlan plan = plan(a, fileB);
        assertThat(plan.clashes()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(digits + "-0001");
            assertThat(c.proposedCode()).isEqualTo(digits + "-0002");
            assertThat(c.mineLabel()).isEqualTo(digits + "-0001 CS Alpha");
        });
        assertThat(plan.rows()).singleElement().extracting(RowDiff::kind).isEqualTo(RowKind.ADDED);
        assertThatThrownBy(() -> merge(a, amina, fileB, none())).isInstanceOf(MergeBlockedException.class)
                .hasMessageContaining("1 ESSP code(s) to renumber");

        merge(a, amina, fileB, MergeDecisions.of(null, null, true));
        assertThat(essp(a, digits + "-0002").getNameFr()).isEqualTo("CS Beta");
        assertThat(essp(a, digits + "-0001").getNameFr()).isEqualTo("CS Alpha");
        var journal = a.dsl().selectFrom(MERGE_JOURNAL).where(MERGE_JOURNAL.KIND.eq("renumbered")).fetchOne();
        assertThat(journal.getTheirsValue()).isEqualTo(digits + "-0001");
        assertThat(journal.getResultValue()).isEqualTo(digits + "-0002");
    }

    @Test
    void mergingTheSameFileTwiceChangesNothing() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "A");
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 33_000);
        edit(b, brahim, "E005", ESSP.FUNCTIONALITY, "partially");
        create(b, brahim, "X-0009", "CS Nouveau", "C-CAS-1");
        MergeEngine.Applied first = merge(a, amina, fileB, none());
        assertThat(first.runId()).isPositive();
        assertThat(first.rowsWritten()).isEqualTo(3);
        String after = checksums(a, false).toString();
        int audit = a.dsl().fetchCount(AUDIT_LOG);

        assertThat(plan(a, fileB).nothingToDo()).isTrue();
        MergeEngine.Applied second = merge(a, amina, fileB, none());
        assertThat(second.runId()).isZero();
        assertThat(checksums(a, false).toString()).isEqualTo(after);
        assertThat(a.dsl().fetchCount(AUDIT_LOG)).isEqualTo(audit);
    }

    @Test
    void mergingAIntoBAndBIntoAGivesTheSameContent() throws Exception {
        edit(a, amina, "E001", ESSP.NOTES, "A");
        edit(a, amina, "E002", ESSP.FUNCTIONALITY, "fully");
        create(a, amina, "X-0001", "CS Alpha", "C-TNG-1");
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 33_000);
        EsspRecord e6 = essp(b, "E006");
        SyncedRows.softDelete(b.dsl(), brahim, ESSP, e6.getId(), e6.getVersion());
        create(b, brahim, "X-0002", "CS Beta", "C-CAS-1");
        a.close();
        b.close();
        Path a2 = dir.resolve("a2.essp");
        Path b2 = dir.resolve("b2.essp");
        Files.copy(fileA, a2);
        Files.copy(fileB, b2);
        a = MissionFile.open(fileA, dir.resolve("backups"));
        b = MissionFile.open(b2, dir.resolve("backups"));

        merge(a, amina, fileB, none()); // B into A
        merge(b, brahim, a2, none()); // A into B
        assertThat(checksums(a, false)).isEqualTo(checksums(b, false));
        assertThat(essp(b, "X-0001").getNameFr()).isEqualTo("CS Alpha");
        assertThat(essp(a, "E006").getDeleted()).isTrue();
    }

    @Test
    void aMergeIsUndoneAsAWholeAndCanBeRedone() throws Exception {
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 33_000);
        edit(b, brahim, "E004", ESSP.FUNCTIONALITY, "fully");
        create(b, brahim, "X-0009", "CS Nouveau", "C-CAS-1");
        Map<String, String> before = checksums(a, true);

        MergeEngine.Applied applied = merge(a, amina, fileB, none());
        Map<String, String> merged = checksums(a, true);
        assertThat(merged).isNotEqualTo(before);
        assertThat(essp(a, "X-0009")).isNotNull();

        int written = new MergeUndo().undo(a.dsl(), amina, applied.runId());
        assertThat(written).isEqualTo(3); // two rows put back, one added row deleted
        assertThat(checksums(a, true)).isEqualTo(before);
        assertThat(essp(a, "E001").getPopulationServed()).isEqualTo(30_000);
        assertThat(essp(a, "X-0009").getDeleted()).isTrue();
        assertThatThrownBy(() -> new MergeUndo().undo(a.dsl(), amina, applied.runId()))
                .isInstanceOf(MergeRefusedException.class).hasMessageContaining("already undone");

        // merging the same file again redoes it, with no conflict
        MergePlan again = plan(a, fileB);
        assertThat(again.conflicts()).isEmpty();
        merge(a, amina, fileB, none());
        assertThat(checksums(a, true)).isEqualTo(merged);
    }

    @Test
    void undoIsRefusedWhenARowWasEditedSinceTheMerge() throws Exception {
        edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 33_000);
        MergeEngine.Applied applied = merge(a, amina, fileB, none());
        edit(a, amina, "E001", ESSP.POPULATION_SERVED, 34_000);
        assertThatThrownBy(() -> new MergeUndo().undo(a.dsl(), amina, applied.runId()))
                .isInstanceOf(MergeRefusedException.class).hasMessageContaining("population_served was changed after the merge");
        assertThat(essp(a, "E001").getPopulationServed()).isEqualTo(34_000);
    }

    @Test
    void aFileOfANewerSchemaIsRefusedAndLeftUntouched() throws Exception {
        b.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fileB); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 97");
        }
        String sha = sha(fileB);
        assertThatThrownBy(() -> plan(a, fileB)).isInstanceOf(MissionFileException.class)
                .satisfies(e -> assertThat(((MissionFileException) e).reason()).isEqualTo(MissionFileException.Reason.NEWER_SCHEMA))
                .hasMessageContaining("newer version");
        assertThat(sha(fileB)).isEqualTo(sha);
        b = MissionFile.open(fileA, dir.resolve("backups")); // closed by tearDown
    }

    @Test
    void aFileOfAnotherMissionIsRefused() throws Exception {
        Path other = dir.resolve("other.essp");
        FixtureMission.create(other).close();
        String sha = sha(other);
        assertThatThrownBy(() -> plan(a, other)).isInstanceOf(MergeRefusedException.class)
                .hasMessageContaining("a file of another mission")
                .satisfies(e -> assertThat(((MergeRefusedException) e).reason()).isEqualTo(MergeRefusedException.Reason.OTHER_MISSION));
        assertThat(sha(other)).isEqualTo(sha);
        assertThat(Files.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void theMissionItselfIsRefused() {
        assertThatThrownBy(() -> plan(a, fileA)).isInstanceOf(MergeRefusedException.class)
                .satisfies(e -> assertThat(((MergeRefusedException) e).reason()).isEqualTo(MergeRefusedException.Reason.SAME_FILE));
    }
}
