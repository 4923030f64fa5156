package ma.essp.diag.database.demo;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo generator's bulk path is allowed beside the one writer only because it stamps rows as the writer
 * would: this compares every generated row of the versioned tables with a row inserted through {@link SyncedRows}.
 */
class DemoRowsAsWrittenTest {

    static final Pattern UUID_V4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final List<String> SYNC = List.of("uuid", "version", "updated_at", "updated_by", "deleted");

    @TempDir
    Path dir;

    @Test
    void generatedRowsCarryTheStampTheWriterGivesANewRow() throws Exception {
        Set<String> referenceUuids = new java.util.HashSet<>();
        try (MissionFile empty = MissionFile.create(dir.resolve("empty.essp"))) {
            for (Table<?> table : empty.dsl().meta().getTables()) {
                if (table.field("uuid") != null) {
                    referenceUuids.addAll(empty.dsl().select(DSL.field(DSL.name("uuid"), String.class)).from(table)
                            .fetch(r -> r.value1()));
                }
            }
        }
        Path file = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, 11, false, "Amina Alaoui", DemoProgress.NONE);
        try (MissionFile mission = MissionFile.open(file, dir)) {
            DSLContext dsl = mission.dsl();
            Record author = dsl.selectFrom(TEAM_MEMBER).where(TEAM_MEMBER.FULL_NAME.eq("Amina Alaoui")).fetchSingle();
            String authorUuid = author.get(TEAM_MEMBER.UUID);
            assertThat(author.get(TEAM_MEMBER.ROLE)).isEqualTo("team_leader");

            // a row through the writer, by the same member on this laptop
            EsspRecord r = dsl.newRecord(ESSP);
            r.setCode("01571-9999");
            r.setNameFr("CSR écrit par le writer");
            r.setCategoryCode("CSR-1");
            r.setCirconscriptionId(dsl.select(DSL.min(ESSP.CIRCONSCRIPTION_ID)).from(ESSP).fetchSingle().value1());
            r.setMilieu("rural");
            int written = SyncedRows.insert(dsl, new EditContext(authorUuid, "laptop-1", Clock.systemUTC()), r);
            Record viaWriter = dsl.selectFrom(ESSP).where(ESSP.ID.eq(written)).fetchSingle();
            assertStampedAsNew(viaWriter, authorUuid, false);

            int checked = 0;
            for (Table<?> table : mission.dsl().meta().getTables()) {
                if (table.field("uuid") == null || table.field("updated_by") == null) {
                    continue;
                }
                List<String> columns = List.of(table.fields()).stream().map(f -> f.getName()).toList();
                assertThat(columns).as(table.getName()).containsAll(SYNC);
                var generated = dsl.selectFrom(table)
                        .where(DSL.field(DSL.name("updated_by")).ne("reference-data"))
                        .and(DSL.field(DSL.name("id")).ne(table.getName().equals("essp") ? written : -1)).fetch();
                for (Record row : generated) {
                    // the GSTs of the reference data, completed by the generator, keep their name-based uuids
                    boolean reference = referenceUuids.contains(row.get("uuid", String.class));
                    assertStampedAsNew(row, authorUuid, reference);
                    checked++;
                }
            }
            assertThat(checked).as("generated versioned rows compared").isGreaterThan(1_000);
        }
    }

    private static void assertStampedAsNew(Record row, String member, boolean referenceRow) {
        if (!referenceRow) {
            assertThat(row.get("uuid", String.class)).matches(UUID_V4);
        }
        assertThat(row.get("version", Integer.class)).isEqualTo(1);
        assertThat(row.get("deleted", Boolean.class)).isFalse();
        assertThat(row.get("updated_by", String.class)).isEqualTo(member);
        assertThat(Instant.parse(row.get("updated_at", String.class))).isNotNull();
        assertThat(Set.of(row.fields()).stream().map(f -> f.getName()).toList()).containsAll(SYNC);
    }
}
