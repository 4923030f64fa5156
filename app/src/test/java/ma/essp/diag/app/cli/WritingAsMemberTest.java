package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MISSION_SETTING;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TeamRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --as MEMBER} on the command line: who the rows a command writes name. */
class WritingAsMemberTest {

    @TempDir
    Path dir;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void demoAsANamedConsultantMakesThemTheAuthorOfEveryRow() throws Exception {
        Path file = dir.resolve("demo.essp");
        CliTest.Run r = CliTest.run("demo", "--out", file.toString(), "--as", "Amina Alaoui");
        assertThat(r.exit()).as(r.err()).isZero();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            String amina = mission.dsl().select(TEAM_MEMBER.UUID).from(TEAM_MEMBER)
                    .where(TEAM_MEMBER.FULL_NAME.eq("Amina Alaoui")).fetchSingle().value1();
            assertThat(mission.dsl().selectDistinct(ESSP.UPDATED_BY).from(ESSP).fetch(ESSP.UPDATED_BY)).containsExactly(amina);
        }
        assertThat(CliTest.run("demo", "--out", dir.resolve("x.essp").toString(), "--as", " ").exit()).isEqualTo(2);
    }

    @Test
    void aWritingCommandEditsAsTheMemberNamedOrUuidOrTheRememberedOne() throws Exception {
        Path file = dir.resolve("demo.essp");
        assertThat(CliTest.run("demo", "--out", file.toString(), "--as", "Amina Alaoui").exit()).isZero();
        Settings settings = Settings.load(dir.resolve("settings.properties"));
        try (MissionFile mission = MissionFile.open(file, dir)) {
            String amina = mission.dsl().select(TEAM_MEMBER.UUID).from(TEAM_MEMBER)
                    .where(TEAM_MEMBER.FULL_NAME.eq("Amina Alaoui")).fetchSingle().value1();
            EditContext byName = CliIdentity.resolve(mission, "  amina   ALAOUI ", settings, CLOCK);
            assertThat(byName.member()).isEqualTo(amina);
            assertThat(byName.device()).isEqualTo(settings.deviceId());
            assertThat(byName.now()).isEqualTo("2026-11-02T10:00:00Z");
            assertThat(CliIdentity.resolve(mission, amina, settings, CLOCK).member()).isEqualTo(amina);

            assertThatThrownBy(() -> CliIdentity.resolve(mission, "Nobody", settings, CLOCK))
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                    .hasMessageContaining("no team member 'Nobody'").hasMessageContaining("Amina Alaoui");
            assertThatThrownBy(() -> CliIdentity.resolve(mission, null, settings, CLOCK))
                    .hasMessageContaining("say who you are with --as NAME");

            // the member the window remembers for this mission on this laptop
            String missionUuid = mission.dsl().fetchValue("SELECT uuid FROM mission").toString();
            settings.setMember(missionUuid, amina);
            assertThat(CliIdentity.resolve(mission, null, settings, CLOCK).member()).isEqualTo(amina);
        }
    }

    @Test
    void settingsSetAsAMemberStampsTheRowAndTheAuditWithThatMemberAndThisLaptop() throws Exception {
        Path file = dir.resolve("team.essp");
        String amina;
        String youssef;
        try (MissionFile mission = MissionFile.create(file)) {
            TeamRepository team = new TeamRepository(mission.dsl());
            amina = team.add("Amina Alaoui", "laptop-a", CLOCK).uuid();
            youssef = team.add("Youssef Benali", "laptop-a", CLOCK).uuid();
        }
        // nobody named and nobody remembered (this mission is new to the settings): refused, nothing written
        CliTest.Run anonymous = CliTest.run("settings", file.toString(), "--set", "readiness.reported_equipment=true");
        assertThat(anonymous.exit()).isEqualTo(2);
        assertThat(anonymous.err()).contains("say who you are with --as NAME").contains("Amina Alaoui");
        // a name that is not in the team is refused, not added: a typo must not create a colleague
        CliTest.Run typo = CliTest.run("settings", file.toString(), "--set", "readiness.reported_equipment=true", "--as", "Yousef");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("no team member 'Yousef'");
        try (MissionFile mission = MissionFile.open(file, dir)) {
            assertThat(mission.dsl().fetchCount(MISSION_SETTING)).isZero();
            assertThat(new TeamRepository(mission.dsl()).members()).hasSize(2);
        }

        CliTest.Run set = CliTest.run("settings", file.toString(), "--set", "readiness.reported_equipment=true", "--as", " youssef  BENALI");
        assertThat(set.exit()).as(set.err()).isZero();
        String device = Settings.load(CliTest.BACKUPS.resolveSibling("settings.properties")).deviceId();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            var row = mission.dsl().selectFrom(MISSION_SETTING).fetchSingle();
            assertThat(row.getValue()).isEqualTo("true");
            assertThat(row.getUpdatedBy()).isEqualTo(youssef);
            var audit = mission.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.TABLE_NAME.eq("mission_setting")).fetch();
            assertThat(audit).singleElement().satisfies(a -> {
                assertThat(a.getMemberUuid()).isEqualTo(youssef);
                assertThat(a.getDeviceId()).isEqualTo(device);
                assertThat(a.getAction()).isEqualTo("insert");
            });
        }
        // by uuid, changing it back: the update names Amina, with old and new values
        assertThat(CliTest.run("settings", file.toString(), "--set", "readiness.reported_equipment=false", "--as", amina).exit())
                .isZero();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            assertThat(mission.dsl().selectFrom(MISSION_SETTING).fetchSingle().getUpdatedBy()).isEqualTo(amina);
            assertThat(mission.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.TABLE_NAME.eq("mission_setting"),
                    AUDIT_LOG.ACTION.eq("update")).fetch()).singleElement().satisfies(a -> {
                        assertThat(a.getMemberUuid()).isEqualTo(amina);
                        assertThat(a.getOldValue()).isEqualTo("true");
                        assertThat(a.getNewValue()).isEqualTo("false");
                    });
        }
    }

    @Test
    void inAMissionWhoseTeamIsStillEmptyTheNameGivenBecomesItsFirstMemberAsTheWindowsFirstStartDoes() throws Exception {
        Path file = dir.resolve("new.essp");
        MissionFile.create(file).close();
        CliTest.Run set = CliTest.run("settings", file.toString(), "--set", "readiness.reported_equipment=true", "--as", "Amina Alaoui");
        assertThat(set.exit()).as(set.err()).isZero();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            var members = new TeamRepository(mission.dsl()).members();
            assertThat(members).singleElement().satisfies(m -> assertThat(m.fullName()).isEqualTo("Amina Alaoui"));
            assertThat(mission.dsl().selectFrom(MISSION_SETTING).fetchSingle().getUpdatedBy()).isEqualTo(members.getFirst().uuid());
        }
    }
}
