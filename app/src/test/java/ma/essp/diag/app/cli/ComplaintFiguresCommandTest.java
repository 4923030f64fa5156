package ma.essp.diag.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.app.complaints.ComplaintDashboardViewModel;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.repository.ComplaintRepository.EsspRef;
import ma.essp.diag.database.repository.ComplaintRepository.SystemRow;
import ma.essp.diag.database.rules.ComplaintSampleRules.Values;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportDataCollector;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis complaints}: hand-worked figures, and the same numbers as the dashboard's view model
 * and the report. Dates relative to today T (the fixture has no as-of date, so all three count as of today):
 * <pre>
 * E001 (region 01) s1 received T-100, ack T-95 (5 d), closed T-50 (50 d): in time on both
 *                  s2 received T-100, ack T-70 (30 d: late), open past T-40: LATE
 *                  s3 received T-5, nothing: acknowledgement not due, PENDING
 * E005 (region 06) s4 received T-30, ack T-29 (1 d), open: PENDING
 * nation: n 4; ack due 3 (s1 s2 s4), in time 2: 66.67 %; answer due 2 (s1 s2), in time 1: 50 %; late 1: 25 %
 * E001's system: everything (100 points); E005's: register and in person, register kept, a handler (33 points)
 * </pre>
 */
class ComplaintFiguresCommandTest {

    @TempDir
    Path dir;

    private Path mission() throws Exception {
        Path file = dir.resolve("complaints.essp");
        LocalDate t = LocalDate.now();
        try (MissionFile mission = FixtureMission.create(file)) {
            ComplaintRepository repo = new ComplaintRepository(mission.dsl(), EditContext.system("test"));
            Map<String, Integer> ids = new java.util.HashMap<>();
            repo.essps().forEach(e -> ids.put(e.code(), e.id()));
            int e1 = ids.get("E001");
            int e5 = ids.get("E005");
            repo.saveSystem(e1, new SystemRow(null, null, true, true, true, true, true, true, true, true, true, "Médecin chef", true, true));
            repo.saveSystem(e5, new SystemRow(null, null, true, false, true, false, false, true, false, false, false, "Infirmier chef", false, false));
            repo.saveSample(e1, null, null, new Values(t.minusDays(100), "register", "reclamation", "care", t.minusDays(95), t.minusDays(50), "resolved"), null);
            repo.saveSample(e1, null, null, new Values(t.minusDays(100), "box", "reclamation", "waiting_time", t.minusDays(70), null, "pending"), null);
            repo.saveSample(e1, null, null, new Values(t.minusDays(5), "register", "suggestion", "care", null, null, null), null);
            repo.saveSample(e5, null, null, new Values(t.minusDays(30), "phone", "observation", "reception", t.minusDays(29), null, null), null);
        }
        return file;
    }

    @Test
    void theNationalRowIsTheHandWorkedOne() throws Exception {
        Path file = mission();
        IndicesCommandTest.Run run = IndicesCommandTest.run("figures", file.toString(), "--axis", "complaints", "--level", "national");
        assertThat(run.exit()).as(run.err()).isZero();
        List<Map<String, String>> rows = IndicesCommandTest.parseCsv(run.out());
        Map<String, String> all = rows.getFirst();
        assertThat(all).containsEntry("code", "MA").containsEntry("group", "all").containsEntry("samples", "4")
                .containsEntry("acknowledge_due", "3").containsEntry("acknowledged_in_time_pct", "66.67")
                .containsEntry("answer_due", "2").containsEntry("answered_in_time_pct", "50.00")
                .containsEntry("pending", "2").containsEntry("late", "1").containsEntry("late_pct", "25.00")
                .containsEntry("median_days_to_acknowledge", "5.00") // 1, 5, 30
                .containsEntry("median_days_to_close", "50.00")
                .containsEntry("n_essp", "6").containsEntry("n_system", "2").containsEntry("maturity", "66.50")
                .containsEntry("acknowledge_days", "15").containsEntry("response_days", "60")
                .containsEntry("as_of", LocalDate.now().toString());
        // then the groups: kinds, categories, channels that have complaints
        assertThat(rows.stream().map(r -> r.get("group") + ":" + r.get("group_code")).toList()).containsExactly("all:",
                "kind:reclamation", "kind:observation", "kind:suggestion",
                "category:reception", "category:care", "category:waiting_time",
                "channel:register", "channel:box", "channel:phone");
        Map<String, String> waiting = rows.get(6);
        assertThat(waiting).containsEntry("samples", "1").containsEntry("late", "1").containsEntry("answered_in_time_pct", "0.00")
                .containsEntry("maturity", "").containsEntry("n_essp", "");

        // an earlier date: s3 and s4 not received yet; s2's answer was still pending 50 days ago (due T-40)
        String before = LocalDate.now().minusDays(50).toString();
        Map<String, String> then = IndicesCommandTest.parseCsv(IndicesCommandTest.run("figures", file.toString(), "--axis",
                "complaints", "--level", "national", "--as-of", before).out()).getFirst();
        assertThat(then).containsEntry("samples", "2").containsEntry("late", "0").containsEntry("pending", "1")
                .containsEntry("answer_due", "1").containsEntry("as_of", before);
    }

    @Test
    void theCommandTheDashboardAndTheReportGiveTheSameNumbers() throws Exception {
        Path file = mission();
        List<Map<String, String>> regions = IndicesCommandTest.parseCsv(IndicesCommandTest.run("figures", file.toString(),
                "--axis", "complaints", "--level", "region").out()).stream().filter(r -> r.get("group").equals("all")).toList();
        assertThat(regions).hasSize(12);

        I18n i18n = new I18n(Locale.FRENCH);
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            ComplaintDashboardViewModel dashboard = new ComplaintDashboardViewModel(mission.dsl(), new CurrentThreadTaskExecutor(), i18n);
            dashboard.load();
            assertThat(dashboard.lines()).hasSize(12);
            for (ComplaintDashboardViewModel.Line line : dashboard.lines()) {
                Map<String, String> cli = regions.stream().filter(r -> r.get("code").equals(line.unit().code())).findFirst().orElseThrow();
                assertThat(line.samples()).isEqualTo(cli.get("samples"));
                assertThat(line.acknowledged()).isEqualTo(share(i18n, cli.get("acknowledged_in_time_pct"), cli.get("acknowledge_due")));
                assertThat(line.answered()).isEqualTo(share(i18n, cli.get("answered_in_time_pct"), cli.get("answer_due")));
                assertThat(line.late()).isEqualTo(share(i18n, cli.get("late_pct"), cli.get("samples")));
            }
            assertThat(dashboard.lines().stream().filter(l -> l.unit().code().equals("01")).findFirst().orElseThrow().samples()).isEqualTo("3");

            Map<String, String> nation = IndicesCommandTest.parseCsv(IndicesCommandTest.run("figures", file.toString(),
                    "--axis", "complaints", "--level", "national").out()).getFirst();
            ReportData report = ReportDataCollector.load(mission.dsl()).collect(ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR));
            ReportData.CategoryRow total = report.complaints().total();
            assertThat(total.samples()).isEqualTo(Integer.parseInt(nation.get("samples")));
            assertThat(total.acknowledgeDue()).isEqualTo(Integer.parseInt(nation.get("acknowledge_due")));
            assertThat(total.acknowledgedInTime() * 100).isCloseTo(Double.parseDouble(nation.get("acknowledged_in_time_pct")), within(0.005));
            assertThat(total.answeredInTime() * 100).isCloseTo(Double.parseDouble(nation.get("answered_in_time_pct")), within(0.005));
            assertThat(total.shareLate() * 100).isCloseTo(Double.parseDouble(nation.get("late_pct")), within(0.005));
            assertThat(total.medianDaysToClose()).isEqualTo(Double.parseDouble(nation.get("median_days_to_close")));
            assertThat(report.complaints().maturity()).isCloseTo(Double.parseDouble(nation.get("maturity")), within(0.005));
        }
    }

    @Test
    void aDelegationsAndAGstsOwnSystemAreInTheCommandTheDashboardAndTheReportAtTheirLevel() throws Exception {
        Path file = mission();
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            ComplaintRepository repo = new ComplaintRepository(mission.dsl(), EditContext.system("test"));
            // E001 lies in province 01.511 (Tanger-Assilah), region 01 (Tanger-Tétouan-Al Hoceima)
            ComplaintRepository.EsspRef delegation = repo.levelHolders().stream()
                    .filter(h -> h.holder() == ComplaintRepository.Holder.DELEGATION && h.code().equals("01.511")).findFirst().orElseThrow();
            ComplaintRepository.EsspRef gst = repo.levelHolders().stream()
                    .filter(h -> h.holder() == ComplaintRepository.Holder.GST && h.code().equals("01")).findFirst().orElseThrow();
            // register, box, in person 3 × 4 + procedure 5 = 17; register kept 15 + focal person 10 = 25; handler 10: 52
            repo.saveSystem(delegation, new SystemRow(null, null, true, true, true, false, false, true, true, true, false,
                    "Cellule d'accueil", false, false));
            // five channels 20 + chikaya.ma link 5 = 25; nothing logged; escalation 15; analysed 20: 60
            repo.saveSystem(gst, new SystemRow(null, null, true, true, true, true, true, false, false, false, true, null, true, true));
        }
        List<Map<String, String>> provinces = IndicesCommandTest.parseCsv(IndicesCommandTest.run("figures", file.toString(),
                "--axis", "complaints", "--level", "province").out()).stream().filter(r -> r.get("group").equals("all")).toList();
        assertThat(provinces).filteredOn(r -> !r.get("own_system").isEmpty())
                .extracting(r -> r.get("code") + " " + r.get("own_system") + " " + r.get("own_maturity")).containsExactly("01.511 delegation 52");
        List<Map<String, String>> regions = IndicesCommandTest.parseCsv(IndicesCommandTest.run("figures", file.toString(),
                "--axis", "complaints", "--level", "region").out()).stream().filter(r -> r.get("group").equals("all")).toList();
        assertThat(regions).filteredOn(r -> !r.get("own_system").isEmpty())
                .extracting(r -> r.get("code") + " " + r.get("own_system") + " " + r.get("own_maturity")).containsExactly("01 gst 60");
        // the ESSPs' figures are unchanged: two ESSP systems, mean (100 + 33) / 2
        Map<String, String> nation = IndicesCommandTest.parseCsv(IndicesCommandTest.run("figures", file.toString(),
                "--axis", "complaints", "--level", "national").out()).getFirst();
        assertThat(nation).containsEntry("n_system", "2").containsEntry("maturity", "66.50").containsEntry("own_system", "");

        I18n i18n = new I18n(Locale.FRENCH);
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            ComplaintDashboardViewModel dashboard = new ComplaintDashboardViewModel(mission.dsl(), new CurrentThreadTaskExecutor(), i18n);
            dashboard.load();
            assertThat(dashboard.ownShownProperty().get()).isTrue();
            ComplaintDashboardViewModel.Line region = dashboard.lines().stream().filter(l -> l.unit().code().equals("01")).findFirst().orElseThrow();
            assertThat(region.own()).isEqualTo("60/100");
            assertThat(dashboard.lines().stream().filter(l -> l.unit().code().equals("02")).findFirst().orElseThrow().own()).isEqualTo("—");
            dashboard.drill(region);
            assertThat(dashboard.lines().stream().filter(l -> l.unit().code().equals("01.511")).findFirst().orElseThrow().own())
                    .isEqualTo("52/100");

            ReportDataCollector collector = ReportDataCollector.load(mission.dsl());
            List<ReportData.LevelSystemRow> national = collector.collect(ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR))
                    .complaints().levelSystems();
            assertThat(national).extracting(r -> r.level() + " " + r.unit() + " " + r.maturity() + " " + r.accessibility() + "/"
                    + r.logging() + "/" + r.handling() + "/" + r.monitoring()).containsExactly(
                    "GST Tanger-Tétouan-Al Hoceima 60 25/0/15/20", "Délégation Tanger-Assilah 52 17/25/10/0");
            assertThat(national.getFirst().channels()).isEqualTo("registre, boîte à suggestions, en personne, téléphone, portail chikaya.ma");
            assertThat(report(collector, ReportScope.region("02")).complaints().levelSystems()).isEmpty();
            // a province's report: its délégation only (the GST lies above it)
            assertThat(report(collector, ReportScope.province("01.511")).complaints().levelSystems())
                    .extracting(ReportData.LevelSystemRow::level).containsExactly("Délégation");
        }
    }

    private static ReportData report(ReportDataCollector collector, ReportScope scope) {
        return collector.collect(ReportRequest.of(scope, ReportLanguage.FR));
    }

    /** The dashboard's "67 % (n = 3)" from the CLI's "66.67" and "3"; "—" for an empty figure. */
    private static String share(I18n i18n, String pct, String n) {
        return pct.isEmpty() ? "—" : i18n.get("complaints.figure.share", i18n.formatDecimal(Double.parseDouble(pct), 0), Integer.parseInt(n));
    }

    @Test
    void badUsageAndEmptyMissionsHaveTheirExitCodes() throws Exception {
        Path empty = dir.resolve("empty.essp");
        FixtureMission.create(empty).close();
        IndicesCommandTest.Run none = IndicesCommandTest.run("figures", empty.toString(), "--axis", "complaints", "--level", "province", "--format", "json");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no complaints data");
        assertThat(none.out()).contains("\"axis\": \"complaints\"").contains("\"late_pct\": null");
        assertThat(IndicesCommandTest.run("figures", empty.toString(), "--axis", "complaints", "--level", "region",
                "--as-of", "hier").exit()).isEqualTo(2);
        assertThat(IndicesCommandTest.run("figures", empty.toString(), "--axis", "nothing", "--level", "region").exit()).isEqualTo(2);
        Path out = dir.resolve("new folder").resolve("figures.csv");
        assertThat(IndicesCommandTest.run("figures", mission().toString(), "--axis", "complaints", "--level", "essp", "--out",
                out.toString()).exit()).isZero();
        assertThat(Files.readString(out).lines().toList().getFirst()).isEqualTo(String.join(",",
                ma.essp.diag.reporting.complaints.ComplaintFiguresTable.COLUMNS));
        assertThat(AggregationLevel.ESSP.code()).isEqualTo("essp");
    }
}
