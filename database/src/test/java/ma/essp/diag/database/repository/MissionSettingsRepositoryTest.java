package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mission settings are versioned rows like any other: written by the one writer, audited with old and new value. */
class MissionSettingsRepositoryTest {

    static final String AMINA = "0b6f1c7e-4a8d-4d6e-9a51-7c2f3e8d9a10";

    @TempDir
    Path dir;

    @Test
    void settingAKeyInsertsThenUpdatesItAndTheAuditKeepsOldAndNewValues() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            var dsl = mission.dsl();
            EditContext edit = new EditContext(AMINA, "laptop-1", Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
            MissionSettingsRepository settings = new MissionSettingsRepository(dsl);
            assertThat(settings.get("readiness.reported_equipment")).isEmpty();

            settings.set(edit, "readiness.reported_equipment", "true");
            settings.set(edit, "readiness.reported_equipment", "true"); // unchanged: nothing written
            settings.set(edit, "readiness.reported_equipment", "false");

            assertThat(settings.all()).containsExactly(java.util.Map.entry("readiness.reported_equipment", "false"));
            var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.TABLE_NAME.eq("mission_setting")).orderBy(AUDIT_LOG.ID).fetch();
            assertThat(audit).extracting(r -> r.getAction() + " " + r.getField() + " " + r.getOldValue() + "→" + r.getNewValue()
                            + " v" + r.getNewVersion() + " by " + r.getMemberUuid() + " on " + r.getDeviceId())
                    .containsExactly(
                            "insert null null→null v1 by " + AMINA + " on laptop-1",
                            "update value true→false v2 by " + AMINA + " on laptop-1");
        }
    }
}
