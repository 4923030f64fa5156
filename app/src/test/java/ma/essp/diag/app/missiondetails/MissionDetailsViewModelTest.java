package ma.essp.diag.app.missiondetails;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionDetailsRepository;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mission details screen without a window: validation, saving through the writer, the team. */
class MissionDetailsViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    MissionDetailsViewModel vm;
    int saves;
    String me;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        me = mission.dsl().select(TEAM_MEMBER.UUID).from(TEAM_MEMBER).orderBy(TEAM_MEMBER.ID).limit(1).fetchOne(TEAM_MEMBER.UUID);
        if (me == null) {
            me = "tester";
        }
        vm = viewModel(Locale.FRENCH);
    }

    private MissionDetailsViewModel viewModel(Locale locale) {
        MissionDetailsViewModel model = new MissionDetailsViewModel(
                new MissionDetailsRepository(mission.dsl(), EditContext.system(me)), new CurrentThreadTaskExecutor(),
                new I18n(locale), () -> saves++);
        model.load();
        return model;
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    @Test
    void theDetailsAreValidatedSavedThroughTheWriterAndReadByTheReports() {
        int version = mission.dsl().fetchValue(MISSION.VERSION, MISSION.DELETED.isFalse());
        vm.nameProperty().set("  Diagnostic ESSP Tanger 2026 ");
        vm.beneficiaryProperty().set("Délégation de l’Union européenne au Maroc");
        vm.startedOnProperty().set(LocalDate.of(2026, 3, 2));
        vm.endedOnProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(vm.unsavedProperty().get()).isTrue();
        vm.save();
        assertThat(vm.datesErrorProperty().get()).isEqualTo("La fin de la mission ne peut pas précéder son début.");
        assertThat(mission.dsl().fetchValue(MISSION.VERSION, MISSION.DELETED.isFalse())).as("nothing written").isEqualTo(version);

        vm.endedOnProperty().set(LocalDate.of(2026, 3, 2)); // the same day is fine
        vm.save();
        assertThat(vm.datesErrorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Détails de la mission enregistrés.");
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(saves).as("the title and status bar are refreshed").isEqualTo(1);
        var row = mission.dsl().selectFrom(MISSION).where(MISSION.DELETED.isFalse()).fetchSingle();
        assertThat(row.getName()).isEqualTo("Diagnostic ESSP Tanger 2026");
        assertThat(row.getVersion()).isEqualTo(version + 1);
        assertThat(row.getUpdatedBy()).isEqualTo(me);
        assertThat(mission.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("mission").and(AUDIT_LOG.FIELD.eq("ended_on"))))
                .isEqualTo(1);
        // the reports' cover reads the same row
        var forReports = new ReportSourceRepository(mission.dsl()).load().mission();
        assertThat(forReports.name()).isEqualTo("Diagnostic ESSP Tanger 2026");
        assertThat(forReports.beneficiary()).isEqualTo("Délégation de l’Union européenne au Maroc");
        assertThat(forReports.startedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(forReports.endedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aBlankNameIsRefusedWithItsMessageInEachLanguage() {
        vm.nameProperty().set(" ");
        vm.save();
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Le nom de la mission est obligatoire.");
        MissionDetailsViewModel ar = viewModel(I18n.ARABIC);
        ar.nameProperty().set("");
        ar.save();
        // the window wraps Arabic lines with marks between words (RtlWrapText): the words are these
        assertThat(ar.nameErrorProperty().get().replace("\u200E", "")).isEqualTo("اسم البعثة إلزامي.");
        MissionDetailsViewModel en = viewModel(Locale.ENGLISH);
        en.beneficiaryProperty().set("");
        en.save();
        assertThat(en.beneficiaryErrorProperty().get()).isEqualTo("The beneficiary is required.");
    }

    @Test
    void membersAreAddedChangedAndRemovedWithTheirRoleAndInitials() {
        int before = vm.team().size();
        vm.memberNameProperty().set("Salma Benjelloun");
        vm.memberRoleProperty().set(vm.roles().stream().filter(r -> r.value().equals("key_expert")).findFirst().orElseThrow());
        vm.memberInitialsProperty().set("SBJ12");
        vm.addMember();
        assertThat(vm.memberErrorProperty().get()).isEqualTo("Les initiales comptent de 1 à 4 lettres.");
        assertThat(vm.team()).hasSize(before);
        vm.memberInitialsProperty().set("SB");
        vm.addMember();
        assertThat(vm.team()).hasSize(before + 1);
        var salma = vm.team().stream().filter(m -> m.values().fullName().equals("Salma Benjelloun")).findFirst().orElseThrow();
        assertThat(salma.values().role()).isEqualTo("key_expert");
        assertThat(vm.roleLabel(salma.values().role())).isEqualTo("expert clé");
        assertThat(salma.values().initials()).isEqualTo("SB");

        vm.selectedMemberProperty().set(salma);
        assertThat(vm.memberNameProperty().get()).isEqualTo("Salma Benjelloun");
        vm.memberRoleProperty().set(vm.roles().stream().filter(r -> r.value().equals("team_leader")).findFirst().orElseThrow());
        vm.updateMember();
        var changed = mission.dsl().selectFrom(TEAM_MEMBER).where(TEAM_MEMBER.ID.eq(salma.id())).fetchSingle();
        assertThat(changed.getRole()).isEqualTo("team_leader");
        assertThat(changed.getVersion()).isEqualTo(2);

        vm.selectedMemberProperty().set(vm.team().stream().filter(m -> m.id() == salma.id()).findFirst().orElseThrow());
        vm.removeMember();
        assertThat(vm.team()).hasSize(before);
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.DELETED, TEAM_MEMBER.ID.eq(salma.id()))).as("soft").isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Salma Benjelloun retiré(e) de l’équipe.");
    }

    @Test
    void theMemberWhoEditsCannotRemoveThemselves() {
        var self = vm.team().stream().filter(m -> m.uuid().equals(me)).findFirst();
        if (self.isEmpty()) {
            vm.memberNameProperty().set("Moi");
            vm.addMember();
            me = vm.team().stream().filter(m -> m.values().fullName().equals("Moi")).findFirst().orElseThrow().uuid();
            vm = viewModel(Locale.FRENCH);
        }
        var mine = vm.team().stream().filter(m -> m.uuid().equals(me)).findFirst().orElseThrow();
        vm.selectedMemberProperty().set(mine);
        vm.removeMember();
        assertThat(vm.memberErrorProperty().get()).isEqualTo("Vous ne pouvez pas vous retirer vous-même de l’équipe.");
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.DELETED, TEAM_MEMBER.ID.eq(mine.id()))).isFalse();
    }

    @Test
    void threeSavesAreUndoneThreeTimesAndRedoneTwiceAsVersionedWrites() {
        String original = vm.nameProperty().get();
        int version = mission.dsl().fetchValue(MISSION.VERSION, MISSION.DELETED.isFalse());
        for (String name : java.util.List.of("Mission A", "Mission B", "Mission C")) {
            vm.nameProperty().set(name);
            vm.save();
        }
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("détails de la mission");
        for (int i = 0; i < 3; i++) {
            vm.history().undo(e -> { throw new AssertionError(e); });
        }
        assertThat(vm.history().availableProperty().get()).isFalse();
        assertThat(vm.nameProperty().get()).as("the form shows the row again").isEqualTo(original);
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(mission.dsl().fetchValue(MISSION.NAME, MISSION.DELETED.isFalse())).isEqualTo(original);
        // three saves and three undos: six versioned writes, none a rollback
        assertThat(mission.dsl().fetchValue(MISSION.VERSION, MISSION.DELETED.isFalse())).isEqualTo(version + 6);

        vm.history().redo(e -> { throw new AssertionError(e); });
        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(mission.dsl().fetchValue(MISSION.NAME, MISSION.DELETED.isFalse())).isEqualTo("Mission B");
        assertThat(vm.nameProperty().get()).isEqualTo("Mission B");
        assertThat(vm.history().redoAvailableProperty().get()).isTrue();
        assertThat(saves).as("each save, undo and redo refreshes the title").isEqualTo(3 + 3 + 2);
    }

    @Test
    void undoIsRefusedWhenSomeoneElseChangedTheDetailsSince() {
        vm.nameProperty().set("Mission A");
        vm.save();
        // another window (or a merged laptop) writes the row after this screen did
        MissionDetailsViewModel other = viewModel(Locale.FRENCH);
        other.nameProperty().set("Mission Z");
        other.save();
        Throwable[] refused = new Throwable[1];
        vm.history().undo(e -> refused[0] = e);
        assertThat(refused[0]).isNotNull();
        assertThat(ma.essp.diag.app.ui.EditHistory.refusal(refused[0], "détails de la mission", new I18n(Locale.FRENCH)))
                .startsWith("« détails de la mission » ne peut être ni annulé ni rétabli : quelqu’un d’autre");
        assertThat(mission.dsl().fetchValue(MISSION.NAME, MISSION.DELETED.isFalse())).isEqualTo("Mission Z");
    }

    @Test
    void aChangedMemberIsPutBackByUndo() {
        vm.memberNameProperty().set("Salma Benjelloun");
        vm.addMember();
        var salma = vm.team().stream().filter(m -> m.values().fullName().equals("Salma Benjelloun")).findFirst().orElseThrow();
        vm.selectedMemberProperty().set(salma);
        vm.memberNameProperty().set("Salma Benjelloun-Alami");
        vm.updateMember();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("modification de Salma Benjelloun");
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.FULL_NAME, TEAM_MEMBER.ID.eq(salma.id()))).isEqualTo("Salma Benjelloun");
        assertThat(vm.team()).extracting(m -> m.values().fullName()).contains("Salma Benjelloun")
                .doesNotContain("Salma Benjelloun-Alami");
        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.FULL_NAME, TEAM_MEMBER.ID.eq(salma.id()))).isEqualTo("Salma Benjelloun-Alami");
    }

    /** A member added then removed: Ctrl+Z brings them back, then takes the addition back; Ctrl+Y redoes both. */
    @Test
    void anAddedAndRemovedMemberIsUndoneAndRedoneInTurn() {
        int before = vm.team().size();
        vm.memberNameProperty().set("Salma Benjelloun");
        vm.addMember();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("ajout de Salma Benjelloun à l’équipe");
        var salma = vm.team().stream().filter(m -> m.values().fullName().equals("Salma Benjelloun")).findFirst().orElseThrow();
        vm.selectedMemberProperty().set(salma);
        vm.removeMember();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("retrait de Salma Benjelloun de l’équipe");
        assertThat(vm.team()).hasSize(before);

        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(vm.team()).as("the removal undone").hasSize(before + 1);
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.DELETED, TEAM_MEMBER.ID.eq(salma.id()))).isFalse();
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(vm.team()).as("the addition undone").hasSize(before);
        assertThat(vm.history().availableProperty().get()).isFalse();

        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(vm.team()).extracting(m -> m.values().fullName()).contains("Salma Benjelloun");
        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(vm.team()).hasSize(before);
        // inserted (1), removed (2), restored (3), removed (4), restored (5), removed (6): versioned writes, no rollback
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.VERSION, TEAM_MEMBER.ID.eq(salma.id()))).isEqualTo(6);
        assertThat(mission.dsl().fetchValue(TEAM_MEMBER.DELETED, TEAM_MEMBER.ID.eq(salma.id()))).isTrue();
    }
}
