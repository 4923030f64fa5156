package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AuditRepository.Entry;
import ma.essp.diag.database.repository.AuditRepository.Filter;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRepositoryTest {

    @TempDir
    Path dir;
    MissionFile mission;
    DSLContext dsl;
    TeamRepository.Member amina;
    TeamRepository.Member karim;
    int e001;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private void set(EditContext edit, String code, Map<org.jooq.Field<?>, Object> values) {
        var row = dsl.selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
        SyncedRows.update(dsl, edit, ESSP, row.getId(), row.getVersion(), values);
    }

    /**
     * The fixture's rows are written without audit; then: Amina joins (1 insert row) on 1 March and renames E001 (1 row);
     * Karim joins on 5 March (1), changes E002's functionality and population (2 rows), and sets a mission setting (1):
     * 6 audit rows, ids in that order.
     */
    @BeforeEach
    void edits() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
        TeamRepository team = new TeamRepository(dsl);
        amina = team.add("Amina Alaoui", "laptop-a", at("2026-03-01T09:00:00Z"));
        EditContext a = new EditContext(amina.uuid(), "laptop-a", at("2026-03-01T10:00:00Z"));
        set(a, "E001", Map.<org.jooq.Field<?>, Object>of(ESSP.NAME_FR, "CSU Médina Centre"));
        karim = team.add("Karim Idrissi", "laptop-k", at("2026-03-05T08:00:00Z"));
        EditContext k = new EditContext(karim.uuid(), "laptop-k", at("2026-03-05T23:30:00Z"));
        set(k, "E002", Map.<org.jooq.Field<?>, Object>of(ESSP.FUNCTIONALITY, "fully", ESSP.POPULATION_SERVED, 41_000));
        new MissionSettingsRepository(dsl).set(k, "backups.keep", "5");
        e001 = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E001")).fetchOne(ESSP.ID);
    }

    @AfterEach
    void close() {
        mission.close();
    }

    @Test
    void newestFirstWithWhoWhereWhenAndTheEsspOfTheRow() {
        AuditRepository audit = new AuditRepository(dsl);
        List<Entry> all = audit.page(Filter.NONE, null, 100);
        assertThat(audit.count(Filter.NONE)).isEqualTo(6);
        assertThat(all).extracting(Entry::table)
                .containsExactly("mission_setting", "essp", "essp", "team_member", "essp", "team_member");
        Entry rename = all.get(4);
        assertThat(rename.memberName()).isEqualTo("Amina Alaoui");
        assertThat(rename.deviceId()).isEqualTo("laptop-a");
        assertThat(rename.at()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(rename.action()).isEqualTo("update");
        assertThat(rename.field()).isEqualTo("name_fr");
        assertThat(rename.oldValue()).isEqualTo("CSU Médina");
        assertThat(rename.newValue()).isEqualTo("CSU Médina Centre");
        assertThat(rename.esspCode()).isEqualTo("E001");
        assertThat(rename.esspName()).isEqualTo("CSU Médina Centre");
        assertThat(all.get(1).esspCode()).isEqualTo("E002");
        assertThat(all.getFirst().esspCode()).isNull();
        assertThat(all.getFirst().memberName()).isEqualTo("Karim Idrissi");
    }

    @Test
    void filtersByMemberDaysEsspAndTable() {
        AuditRepository audit = new AuditRepository(dsl);
        assertThat(audit.page(new Filter(karim.uuid(), null, null, null, null), null, 100)).hasSize(4)
                .allSatisfy(e -> assertThat(e.memberName()).isEqualTo("Karim Idrissi"));
        // 5 March 23:30 UTC is still the 5th; the 1st to the 4th holds Amina's two rows
        assertThat(audit.count(new Filter(null, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5), null, null))).isEqualTo(4);
        assertThat(audit.count(new Filter(null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), null, null))).isEqualTo(2);
        assertThat(audit.page(new Filter(null, null, null, e001, null), null, 100)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("name_fr"));
        assertThat(audit.count(new Filter(null, null, null, null, "essp"))).isEqualTo(3);
        assertThat(audit.count(new Filter(amina.uuid(), null, null, null, "essp"))).isEqualTo(1);
        assertThat(audit.tables()).containsExactly("essp", "mission_setting", "team_member");
        assertThat(audit.authors()).extracting(AuditRepository.Author::name).containsExactly("Amina Alaoui", "Karim Idrissi");
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        AuditRepository audit = new AuditRepository(dsl);
        List<Entry> first = audit.page(Filter.NONE, null, 4);
        List<Entry> second = audit.page(Filter.NONE, first.getLast().id(), 4);
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(2);
        assertThat(second.getFirst().id()).isLessThan(first.getLast().id());
        assertThat(audit.page(Filter.NONE, second.getLast().id(), 4)).isEmpty();
    }
}
