package ma.essp.diag.app.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.rules.ComplaintSampleRules.Values;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complaint deadlines changed on the dashboard. Dates relative to today T (no as-of date: as of today), E001 in
 * region 01: s1 received T-100, acknowledged after 5 days; s2 received T-100, acknowledged after 30 days; s3 received
 * T-5, not acknowledged.
 * <pre>
 * acknowledgement within 15 days (default): s1 in time, s2 late, s3 not due yet (due T+10) → 1 of 2 = 50 %
 * acknowledgement within 4 days:            s1 late (5), s2 late, s3 due T-1 and not acknowledged → 0 of 3 = 0 %
 * </pre>
 */
class ComplaintDeadlinesEditTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private ComplaintDashboardViewModel dashboard;
    private ComplaintEntryViewModel entry;

    @BeforeEach
    void mission() throws Exception {
        mission = FixtureMission.create(dir.resolve("deadlines.essp"));
        LocalDate t = LocalDate.now();
        EditContext edit = EditContext.system("test");
        ComplaintRepository repo = new ComplaintRepository(mission.dsl(), edit);
        int e1 = repo.essps().stream().filter(e -> e.code().equals("E001")).findFirst().orElseThrow().id();
        repo.saveSample(e1, null, null, new Values(t.minusDays(100), "register", "reclamation", "care", t.minusDays(95), t.minusDays(50), "resolved"), null);
        repo.saveSample(e1, null, null, new Values(t.minusDays(100), "box", "reclamation", "waiting_time", t.minusDays(70), null, "pending"), null);
        repo.saveSample(e1, null, null, new Values(t.minusDays(5), "register", "suggestion", "care", null, null, null), null);
        I18n i18n = new I18n(Locale.FRENCH);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ComplaintDashboardViewModel[] d = new ComplaintDashboardViewModel[1];
        entry = new ComplaintEntryViewModel(repo, executor, i18n, () -> d[0].load());
        dashboard = new ComplaintDashboardViewModel(mission.dsl(), new MissionSettingsRepository(mission.dsl(), edit), entry.history(),
                executor, i18n);
        d[0] = dashboard;
        dashboard.load();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private String region01Acknowledged() {
        return dashboard.lines().stream().filter(l -> l.unit().code().equals("01")).findFirst().orElseThrow().acknowledged();
    }

    @Test
    void deadlinesAreCheckedSavedAsSettingsRecomputedAndUndoneToTheDefaults() {
        Map<String, String> before = new MissionSettingsRepository(mission.dsl()).all();
        assertThat(dashboard.acknowledgeDaysProperty().get()).isEqualTo("15");
        assertThat(dashboard.responseDaysProperty().get()).isEqualTo("60");
        assertThat(region01Acknowledged()).isEqualTo("50 % (n = 2)");

        dashboard.acknowledgeDaysProperty().set("0");
        assertThat(dashboard.saveDeadlines()).as("a 0-day deadline is refused").isFalse();
        assertThat(dashboard.deadlinesErrorProperty().get()).isEqualTo("Nombres entiers de jours attendus, de 1 à " + new I18n(Locale.FRENCH).formatNumber(3650));
        dashboard.acknowledgeDaysProperty().set("quinze");
        assertThat(dashboard.saveDeadlines()).isFalse();
        dashboard.acknowledgeDaysProperty().set("4");
        dashboard.responseDaysProperty().set("3651");
        assertThat(dashboard.saveDeadlines()).isFalse();
        assertThat(new MissionSettingsRepository(mission.dsl()).all()).as("nothing saved").isEqualTo(before);

        dashboard.responseDaysProperty().set("60");
        assertThat(dashboard.deadlinesChangedProperty().get()).isTrue();
        assertThat(dashboard.saveDeadlines()).isTrue();
        assertThat(new MissionSettingsRepository(mission.dsl()).all()).containsEntry(ComplaintDeadlines.ACKNOWLEDGE_KEY, "4")
                .containsEntry(ComplaintDeadlines.RESPONSE_KEY, "60");
        assertThat(region01Acknowledged()).isEqualTo("0 % (n = 3)");
        assertThat(dashboard.summaryProperty().get()).contains("accusé de réception 4 j");
        assertThat(dashboard.deadlinesChangedProperty().get()).isFalse();
        assertThat(entry.history().descriptionProperty().get()).isEqualTo("délais des réclamations 4 j / 60 j");

        entry.history().undo(e -> { throw new AssertionError(e); });
        assertThat(new MissionSettingsRepository(mission.dsl()).all()).as("no setting before: the defaults again")
                .doesNotContainKeys(ComplaintDeadlines.ACKNOWLEDGE_KEY, ComplaintDeadlines.RESPONSE_KEY);
        assertThat(dashboard.acknowledgeDaysProperty().get()).isEqualTo("15");
        assertThat(region01Acknowledged()).isEqualTo("50 % (n = 2)");
        entry.history().redo(e -> { throw new AssertionError(e); });
        assertThat(region01Acknowledged()).isEqualTo("0 % (n = 3)");
    }
}
