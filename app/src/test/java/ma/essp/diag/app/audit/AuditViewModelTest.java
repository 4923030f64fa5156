package ma.essp.diag.app.audit;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AuditRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {

    @TempDir
    Path dir;

    /** Amina joins (1 audit row), then sets E003's population 450 times (450 rows): 451 rows, three pages of 200. */
    @Test
    void pagesThroughALongAuditAndFiltersByEsspCode() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:15:00Z"), ZoneOffset.UTC);
            var amina = new TeamRepository(mission.dsl()).add("Amina Alaoui", "laptop-a", clock);
            EditContext edit = new EditContext(amina.uuid(), "laptop-a", clock);
            var row = mission.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E003")).fetchOne();
            int version = row.getVersion();
            for (int i = 1; i <= 450; i++) {
                version = SyncedRows.update(mission.dsl(), edit, ESSP, row.getId(), version, Map.<Field<?>, Object>of(ESSP.POPULATION_SERVED, 25_000 + i));
            }
            AuditViewModel vm = new AuditViewModel(new AuditRepository(mission.dsl()), new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
            vm.load();
            assertThat(vm.rows()).hasSize(200);
            assertThat(vm.moreProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).isEqualTo("200 modifications affichées sur 451");
            AuditViewModel.Row newest = vm.rows().getFirst();
            assertThat(newest.member()).isEqualTo("Amina Alaoui");
            assertThat(newest.essp()).isEqualTo("E003 — CSR Gzenaya");
            assertThat(newest.action()).isEqualTo("modification");
            assertThat(newest.table()).isEqualTo("ESSP");
            assertThat(newest.field()).isEqualTo("Population desservie");
            assertThat(newest.oldValue()).isEqualTo("25449");
            assertThat(newest.newValue()).isEqualTo("25450");
            assertThat(newest.when()).startsWith("02/03/2026");
            vm.loadMore();
            vm.loadMore();
            assertThat(vm.rows()).hasSize(451);
            assertThat(vm.moreProperty().get()).isFalse();
            assertThat(vm.rows().getLast().table()).isEqualTo("Membre de l'équipe");
            assertThat(vm.rows().getLast().field()).as("a new row names no field").isEmpty();

            vm.esspCodeProperty().set("E003");
            vm.apply();
            assertThat(vm.statusProperty().get()).isEqualTo("200 modifications affichées sur 450");
            vm.esspCodeProperty().set("E777");
            vm.apply();
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("Aucun ESSP n’a le code « E777 ».");
            // the ESSP's detail page lists its 30 most recent changes
            var detail = new ma.essp.diag.app.registry.EsspDetailViewModel(new ma.essp.diag.database.repository.EsspDetailRepository(mission.dsl(), edit),
                    new AuditRepository(mission.dsl()), new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH), () -> java.time.LocalDate.of(2026, 3, 2));
            detail.load(row.getId());
            assertThat(detail.history()).hasSize(30);
            assertThat(detail.history().getFirst().label()).startsWith("02/03/2026").endsWith(" · Amina Alaoui");
            assertThat(detail.history().getFirst().value()).isEqualTo("ESSP, Population desservie : 25449 → 25450");
            vm.clearFilters();
            assertThat(vm.members()).extracting(AuditRepository.Author::name).containsExactly("Amina Alaoui");
            // the filter keeps the database names and shows the tables' names
            assertThat(vm.tables()).containsExactly("essp", "team_member");
            assertThat(vm.tables()).extracting(vm::tableLabel).containsExactly("ESSP", "Membre de l'équipe");
        }
    }

    /** The same changes in Arabic: tables and fields by their Arabic names, in the list, its filter and the ESSP's history. */
    @Test
    void namesTablesAndFieldsInArabic() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("ar.essp"))) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:15:00Z"), ZoneOffset.UTC);
            var amina = new TeamRepository(mission.dsl()).add("Amina Alaoui", "laptop-a", clock);
            EditContext edit = new EditContext(amina.uuid(), "laptop-a", clock);
            var row = mission.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E003")).fetchOne();
            SyncedRows.update(mission.dsl(), edit, ESSP, row.getId(), row.getVersion(), Map.<Field<?>, Object>of(ESSP.NAME_FR, "CSR Gzenaya II"));
            I18n arabic = new I18n(I18n.ARABIC);
            AuditViewModel vm = new AuditViewModel(new AuditRepository(mission.dsl()), new CurrentThreadTaskExecutor(), arabic);
            vm.load();
            assertThat(vm.rows()).hasSize(2);
            AuditViewModel.Row change = vm.rows().getFirst();
            assertThat(plain(change.table())).isEqualTo("مؤسسة الرعاية الصحية الأولية");
            assertThat(plain(change.field())).isEqualTo("الاسم (بالفرنسية)");
            assertThat(change.oldValue()).isEqualTo("CSR Gzenaya");
            assertThat(change.newValue()).isEqualTo("CSR Gzenaya II");
            assertThat(plain(vm.rows().getLast().table())).isEqualTo("عضو الفريق");
            assertThat(vm.tables()).extracting(t -> plain(vm.tableLabel(t))).containsExactly("مؤسسة الرعاية الصحية الأولية", "عضو الفريق");

            var detail = new ma.essp.diag.app.registry.EsspDetailViewModel(new ma.essp.diag.database.repository.EsspDetailRepository(mission.dsl(), edit),
                    new AuditRepository(mission.dsl()), new CurrentThreadTaskExecutor(), arabic, () -> java.time.LocalDate.of(2026, 3, 2));
            detail.load(row.getId());
            assertThat(detail.history()).hasSize(1);
            assertThat(plain(detail.history().getFirst().value()))
                    .isEqualTo("مؤسسة الرعاية الصحية الأولية، الاسم (بالفرنسية): CSR Gzenaya ← CSR Gzenaya II");
        }
    }

    /** The text without the invisible marks the window adds to Arabic (RtlWrapText, left-to-right marks). */
    private static String plain(String shown) {
        return shown.replace("\u200E", "");
    }

    /**
     * In Arabic the ESSP column keeps its code left to right at the line's right end, whatever the name's script
     * ({@code I18n.codeAndName}): a Latin name first, then the code; the French window writes the code first.
     */
    @Test
    void theEsspColumnWritesCodeAndNameTheBidiSafeWayInArabic() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:15:00Z"), ZoneOffset.UTC);
            var amina = new TeamRepository(mission.dsl()).add("Amina Alaoui", "laptop-a", clock);
            EditContext edit = new EditContext(amina.uuid(), "laptop-a", clock);
            var row = mission.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E003")).fetchOne();
            SyncedRows.update(mission.dsl(), edit, ESSP, row.getId(), row.getVersion(), Map.<Field<?>, Object>of(ESSP.POPULATION_SERVED, 25_001));
            AuditViewModel arabic = new AuditViewModel(new AuditRepository(mission.dsl()), new CurrentThreadTaskExecutor(), new I18n(I18n.ARABIC));
            arabic.load();
            assertThat(arabic.rows().getFirst().essp()).isEqualTo("CSR Gzenaya — E003");
            AuditViewModel french = new AuditViewModel(new AuditRepository(mission.dsl()), new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
            french.load();
            assertThat(french.rows().getFirst().essp()).isEqualTo("E003 — CSR Gzenaya");
        }
    }
}
