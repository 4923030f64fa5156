package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.ESSP;
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
}
