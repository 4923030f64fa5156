package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.jooq.tables.records.MissionSettingRecord;
import ma.essp.diag.database.merge.MergePlan.FieldDiff;
import ma.essp.diag.database.merge.MergePlan.FieldKind;
import ma.essp.diag.database.merge.MergePlan.RowDiff;
import ma.essp.diag.database.merge.MergePlan.RowKind;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.ServerMissions;
import ma.essp.diag.database.server.TeamServer;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge walks both sides of a table in id order; when the two sides do not share their ids it walks them in uuid
 * order, and that walk needs both databases to order uuids as Java compares them. A PostgreSQL column under a
 * collation that sorts otherwise (here an ICU collation putting digits after letters, the example of PostgreSQL's
 * manual) must send that table back to the whole read, with the plan the ordered walk gives. Two team servers hold the
 * same mission: one as the embedded PostgreSQL orders text (as Java does), one with the uuid columns of the two
 * tables changed here under that collation and the settings renumbered (so that the laptop's ids and its do not
 * correspond and the settings are walked in uuid order); the same laptop file is analysed against each.
 */
class MergeUuidOrderTest {

    static final String AMINA = "11111111-1111-1111-1111-111111111111";
    static final String SERVER_MEMBER = "33333333-3333-3333-3333-333333333333";

    /** Two uuids of each changed table: Java puts the first first, the collation below the second. */
    static final String DIGIT_FIRST = "00000000-0000-4000-8000-00000000000";
    static final String LETTER_FIRST = "f0000000-0000-4000-8000-00000000000";

    static TestPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aServerThatOrdersUuidsOtherwiseIsComparedWholeWithTheSamePlan() throws Exception {
        // the base: the fixture and two settings; two ESSPs and the two settings under uuids the collation reorders
        EditContext amina = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        EditContext onServer = new EditContext(SERVER_MEMBER, "laptop-S",
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        Path base = dir.resolve("base.essp");
        try (MissionFile file = FixtureMission.create(base)) {
            setting(file.dsl(), amina, "order.one", "1");
            setting(file.dsl(), amina, "order.two", "2");
            renameUuid(file.dsl(), ESSP, ESSP.UUID, ESSP.CODE.eq("E001"), DIGIT_FIRST + "1");
            renameUuid(file.dsl(), ESSP, ESSP.UUID, ESSP.CODE.eq("E002"), LETTER_FIRST + "2");
            renameUuid(file.dsl(), MISSION_SETTING, MISSION_SETTING.UUID,
                    MISSION_SETTING.KEY.eq("order.one"), DIGIT_FIRST + "3");
            renameUuid(file.dsl(), MISSION_SETTING, MISSION_SETTING.UUID,
                    MISSION_SETTING.KEY.eq("order.two"), LETTER_FIRST + "4");
            // more settings than the id walk tries before it gives up when the ids do not correspond
            file.dsl().transaction(tx -> {
                for (int i = 0; i < Side.ID_WALK_TRIAL + 100; i++) {
                    setting(tx.dsl(), amina, "bulk." + i, Integer.toString(i));
                }
            });
        }
        Files.copy(base, dir.resolve("laptop.essp"));
        try (MissionFile laptop = MissionFile.open(dir.resolve("laptop.essp"), dir.resolve("backups"));
             TeamServer ordered = server(base);
             TeamServer collated = server(base)) {
            collated.dsl().execute("CREATE COLLATION digits_last (provider = icu, locale = 'en-u-kr-latn-digit')");
            for (Table<?> table : List.of(ESSP, MISSION_SETTING)) {
                // a column a row-level security policy names cannot change type: the policies go (this test reads and
                // writes as the superuser, whom they do not apply to)
                for (String policy : collated.dsl().fetchValues(
                        "SELECT policyname FROM pg_policies WHERE tablename = ?", table.getName()).stream().map(String::valueOf).toList()) {
                    collated.dsl().execute("DROP POLICY " + policy + " ON " + table.getName());
                }
                collated.dsl().execute("ALTER TABLE " + table.getName() + " ALTER COLUMN uuid TYPE text COLLATE digits_last");
            }
            collated.dsl().execute("UPDATE mission_setting SET id = id + 100000");
            // what the walk meets: the ordered server as Java, the collated one not (the fallback is taken)
            assertThat(uuidsInOrder(ordered.dsl(), ESSP, ESSP.UUID)).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(uuidsInOrder(ordered.dsl(), MISSION_SETTING, MISSION_SETTING.UUID))
                    .isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(uuidsInOrder(collated.dsl(), ESSP, ESSP.UUID).indexOf(LETTER_FIRST + "2"))
                    .isLessThan(uuidsInOrder(collated.dsl(), ESSP, ESSP.UUID).indexOf(DIGIT_FIRST + "1"));
            assertThat(uuidsInOrder(collated.dsl(), MISSION_SETTING, MISSION_SETTING.UUID).indexOf(LETTER_FIRST + "4"))
                    .isLessThan(uuidsInOrder(collated.dsl(), MISSION_SETTING, MISSION_SETTING.UUID).indexOf(DIGIT_FIRST + "3"));

            // the laptop: a note on E001 and E002, setting one changed, a new setting; the servers (the same edits on
            // both): another note on E001 (a conflict), setting two changed
            edit(laptop.dsl(), amina, "E001", ESSP.NOTES, "vu par Amina");
            edit(laptop.dsl(), amina, "E002", ESSP.POPULATION_SERVED, 41_000);
            changeSetting(laptop.dsl(), amina, "order.one", "un");
            setting(laptop.dsl(), amina, "order.new", "nouveau");
            for (TeamServer server : List.of(ordered, collated)) {
                edit(server.dsl(), onServer, "E001", ESSP.NOTES, "vu au serveur");
                changeSetting(server.dsl(), onServer, "order.two", "deux");
            }

            MergeEngine engine = new MergeEngine();
            MergePlan pullOrdered = engine.analyse(laptop.dsl(), ordered.dsl(), "server", null);
            MergePlan pullCollated = engine.analyse(laptop.dsl(), collated.dsl(), "server", null);
            MergePlan pushOrdered = engine.analyse(ordered.dsl(), laptop.dsl(), "laptop", null);
            MergePlan pushCollated = engine.analyse(collated.dsl(), laptop.dsl(), "laptop", null);

            // worked out by hand (a row changed on the side merged into only is not listed: nothing to do there):
            // into the laptop, E001's note is a conflict and setting two is taken; into the server, E001's note is a
            // conflict, E002's population and setting one are taken and the new setting is added
            assertThat(pullOrdered.rows()).extracting(RowDiff::uuid, RowDiff::kind).containsExactlyInAnyOrder(
                    tuple(DIGIT_FIRST + "1", RowKind.CONFLICT),
                    tuple(LETTER_FIRST + "4", RowKind.CHANGED));
            assertThat(field(pullOrdered, DIGIT_FIRST + "1", "notes"))
                    .isEqualTo(new FieldDiff("notes", null, "vu par Amina", "vu au serveur", FieldKind.CONFLICT));
            assertThat(field(pullOrdered, LETTER_FIRST + "4", "value"))
                    .isEqualTo(new FieldDiff("value", "2", "2", "deux", FieldKind.TAKEN));
            assertThat(pushOrdered.rows()).extracting(RowDiff::table, r -> r.kind() == RowKind.ADDED ? "new" : r.uuid(), RowDiff::kind)
                    .containsExactlyInAnyOrder(
                            tuple("essp", DIGIT_FIRST + "1", RowKind.CONFLICT),
                            tuple("essp", LETTER_FIRST + "2", RowKind.CHANGED),
                            tuple("mission_setting", DIGIT_FIRST + "3", RowKind.CHANGED),
                            tuple("mission_setting", "new", RowKind.ADDED));
            assertThat(field(pushOrdered, LETTER_FIRST + "2", "population_served"))
                    .isEqualTo(new FieldDiff("population_served", "40000", "40000", "41000", FieldKind.TAKEN));

            // the collated server gives the same plans, held values included
            assertThat(pullCollated.rows()).isEqualTo(pullOrdered.rows());
            assertThat(pushCollated.rows()).isEqualTo(pushOrdered.rows());
            assertThat(pullCollated.summary()).isEqualTo(pullOrdered.summary());
            assertThat(pushCollated.summary()).isEqualTo(pushOrdered.summary());
            for (RowDiff row : pushOrdered.rows()) {
                assertThat(pushCollated.theirsValues(row.table(), row.uuid())).isEqualTo(pushOrdered.theirsValues(row.table(), row.uuid()));
                assertThat(pushCollated.mineValues(row.table(), row.mineUuid())).isEqualTo(pushOrdered.mineValues(row.table(), row.mineUuid()));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private TeamServer server(Path base) throws Exception {
        TeamServer server = TeamServer.connect(ServerAddress.of(postgres.newMigratedDatabase(), "postgres"), null);
        try (MissionFile file = MissionFile.open(base, dir.resolve("backups"))) {
            ServerMissions.init(server, file.dsl(), file.schemaVersion(), null, line -> { });
        }
        return server;
    }

    private static List<String> uuidsInOrder(DSLContext dsl, Table<?> table, Field<String> uuid) {
        return dsl.select(uuid).from(table).orderBy(uuid).fetch(uuid);
    }

    private static FieldDiff field(MergePlan plan, String uuid, String field) {
        return plan.rows().stream().filter(r -> r.uuid().equals(uuid)).findFirst().orElseThrow().fields().stream()
                .filter(f -> f.field().equals(field)).findFirst().orElseThrow();
    }

    /** Gives a row of the base another uuid (its audit with it), before any copy is made. */
    private static void renameUuid(DSLContext dsl, Table<?> table, Field<String> uuid, org.jooq.Condition which, String to) {
        String from = dsl.select(uuid).from(table).where(which).fetchOne(uuid);
        dsl.update(table).set(uuid, to).where(which).execute();
        dsl.update(AUDIT_LOG).set(AUDIT_LOG.ROW_UUID, to).where(AUDIT_LOG.ROW_UUID.eq(from)).execute();
    }

    private static void edit(DSLContext dsl, EditContext who, String code, Field<?> field, Object value) {
        EsspRecord e = dsl.selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
        SyncedRows.update(dsl, who, ESSP, e.getId(), e.getVersion(), Map.of(field, value));
    }

    private static void setting(DSLContext dsl, EditContext who, String key, String value) {
        MissionSettingRecord s = dsl.newRecord(MISSION_SETTING);
        s.setKey(key);
        s.setValue(value);
        SyncedRows.insert(dsl, who, s);
    }

    private static void changeSetting(DSLContext dsl, EditContext who, String key, String value) {
        MissionSettingRecord s = dsl.selectFrom(MISSION_SETTING).where(MISSION_SETTING.KEY.eq(key)).fetchOne();
        SyncedRows.update(dsl, who, MISSION_SETTING, s.getId(), s.getVersion(), Map.of(MISSION_SETTING.VALUE, value));
    }
}
