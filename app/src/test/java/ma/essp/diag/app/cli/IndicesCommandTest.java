package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essp-diag indices} run in-process on fixture files, its CSV parsed back. */
class IndicesCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return runWith(ma.essp.diag.app.settings.OsKeyring.NONE, args);
    }

    /** Runs the command line with {@code keyring} as the operating system's keyring (a fake one: never this computer's). */
    static Run runWith(ma.essp.diag.app.settings.OsKeyring keyring, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EsspDiagCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CliTest.BACKUPS, keyring);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Header name to cell, per data line (the fixture has no quoted cells). */
    static List<Map<String, String>> parseCsv(String csv) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.getFirst().split(",", -1);
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            return row;
        }).toList();
    }

    /**
     * Province 01.511: E1 everything functioning (index 100, pop. 1000), E2 everything absent (0, pop. 3000), E3
     * amenities and equipment functioning, the rest absent ((100 + 100) / 5 = 40, pop. 6000).
     */
    private Path threeEssps() throws Exception {
        Path file = dir.resolve("three.essp");
        try (MissionFile mission = MissionFile.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var c = dsl.newRecord(CIRCONSCRIPTION);
            c.setProvinceId(dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("01.511")).fetchOne(PROVINCE.ID));
            c.setCode("C1");
            c.setNameFr("Circonscription, centre");
            c.setMilieu("urban");
            edit.stampNew(c).store();
            var items = dsl.select(PMS_ITEM.ID, PMS_ITEM.DOMAIN_CODE).from(PMS_ITEM)
                    .where(PMS_ITEM.VERSION_ID.eq(1), PMS_ITEM.SERVICE_ID.isNull()).fetch();
            assertThat(items).hasSize(54);
            AssessmentRepository assessments = new AssessmentRepository(dsl, edit);
            int n = 0;
            for (int population : new int[] {1000, 3000, 6000}) {
                n++;
                var e = dsl.newRecord(ESSP);
                e.setCode("E" + n);
                e.setNameFr("ESSP " + n);
                e.setCategoryCode("CSU-1");
                e.setCirconscriptionId(c.getId());
                e.setMilieu("urban");
                e.setPopulationServed(population);
                edit.stampNew(e).store();
                int a = assessments.start(e.getId(), 1, LocalDate.of(2026, 3, 1), "test");
                Map<Integer, AnswerState> answers = new HashMap<>();
                for (var item : items) {
                    boolean functioning = n == 1 || n == 3 && (item.value2().equals("basic_amenities") || item.value2().equals("basic_equipment"));
                    answers.put(item.value1(), functioning ? AnswerState.AVAILABLE_FUNCTIONING : AnswerState.ABSENT);
                }
                assessments.answerAll(a, answers, "observed");
            }
        }
        return file;
    }

    @Test
    void provinceCsvHasTheHandWorkedMeanAndWeightedMean() throws Exception {
        Path file = threeEssps();
        Run plain = run("indices", file.toString(), "--level", "province", "--format", "csv");
        assertThat(plain.exit()).as(plain.err()).isZero();
        Map<String, String> row = parseCsv(plain.out()).stream().filter(r -> r.get("code").equals("01.511")).findFirst().orElseThrow();
        assertThat(row).containsEntry("level", "province").containsEntry("weighting", "unweighted")
                .containsEntry("n_registered", "3").containsEntry("n_essp", "3").containsEntry("completeness", "100.00")
                // (100 + 0 + 40) / 3 = 46.666...
                .containsEntry("general_readiness", "46.67").containsEntry("general_readiness_n", "3")
                .containsEntry("basic_amenities", "66.67").containsEntry("standard_precautions", "33.33")
                .containsEntry("pms_coverage", "0.00")
                .containsEntry("equipment_source", "observed").containsEntry("unanswered", "excluded")
                .containsEntry("general_domains", "5/5").containsEntry("general_reduced_n", "0").containsEntry("service_ANC", "").containsEntry("service_ANC_n", "0");

        Path out = dir.resolve("out/weighted.csv");
        Run weighted = run("indices", file.toString(), "--level", "province", "--weighted", "--format", "csv", "--out", out.toString());
        assertThat(weighted.exit()).isZero();
        assertThat(weighted.out()).isEmpty();
        Map<String, String> w = parseCsv(Files.readString(out)).stream().filter(r -> r.get("code").equals("01.511")).findFirst().orElseThrow();
        // (100 x 1000 + 0 x 3000 + 40 x 6000) / 10000 = 34
        assertThat(w).containsEntry("weighting", "population_weighted").containsEntry("general_readiness", "34.00");

        Run essps = run("indices", file.toString(), "--level", "essp");
        List<Map<String, String>> rows = parseCsv(essps.out());
        assertThat(rows).extracting(r -> r.get("general_readiness")).containsExactly("100.00", "0.00", "40.00");

        Run byMilieu = run("indices", file.toString(), "--level", "national", "--by", "milieu", "--format", "json");
        assertThat(byMilieu.out()).contains("\"breakdown\": \"milieu\"").contains("\"group\": \"urban\"")
                .contains("\"general_readiness\": {\"value\": 46.67, \"n\": 3, \"completeness\": 100.00}");
    }

    @Test
    void theCommandAgreesWithTheLibraryOnTheSmallDemo() throws Exception {
        Path file = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        Run r = run("indices", file.toString(), "--level", "region", "--by", "category");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> rows = parseCsv(r.out().replaceAll("\"[^\"]*\"", "quoted"));
        ReadinessResult result;
        try (MissionFile mission = MissionFile.open(file, dir)) {
            result = ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load());
        }
        List<AggregateRow> expected = ReadinessAggregator.aggregate(result, AggregationLevel.REGION,
                ma.essp.diag.reporting.readiness.Breakdown.CATEGORY, ma.essp.diag.reporting.readiness.Weighting.UNWEIGHTED);
        assertThat(rows).hasSize(expected.size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("general_readiness")).isEqualTo(ReadinessTableWriter.number(expected.get(i).general().value()));
            assertThat(rows.get(i).get("n_essp")).isEqualTo(Integer.toString(expected.get(i).assessed()));
        }
        assertThat(Arrays.asList(r.out().lines().findFirst().orElseThrow().split(",")))
                .startsWith("level", "code", "name", "group", "weighting", "equipment_source", "unanswered", "n_registered",
                        "n_essp", "completeness", "general_readiness", "general_readiness_n", "general_domains",
                        "general_reduced_n", "basic_amenities", "basic_equipment", "standard_precautions",
                        "diagnostic_capacity", "essential_medicines", "pms_coverage", "service_ANC", "service_ANC_n");
    }

    /**
     * E1: every general item functioning except four amenities left unanswered; E2: every item functioning but the six
     * basic equipment items "not applicable" (an index over 4 of the 5 domains).
     */
    private Path unansweredAndReduced() throws Exception {
        Path file = dir.resolve("unanswered.essp");
        try (MissionFile mission = MissionFile.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var c = dsl.newRecord(CIRCONSCRIPTION);
            c.setProvinceId(dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("01.511")).fetchOne(PROVINCE.ID));
            c.setCode("C1");
            c.setNameFr("C1");
            c.setMilieu("urban");
            edit.stampNew(c).store();
            var items = dsl.select(PMS_ITEM.ID, PMS_ITEM.DOMAIN_CODE, PMS_ITEM.CODE).from(PMS_ITEM)
                    .where(PMS_ITEM.VERSION_ID.eq(1), PMS_ITEM.SERVICE_ID.isNull()).fetch();
            AssessmentRepository assessments = new AssessmentRepository(dsl, edit);
            for (int n = 1; n <= 2; n++) {
                var e = dsl.newRecord(ESSP);
                e.setCode("E" + n);
                e.setNameFr("ESSP " + n);
                e.setCategoryCode("CSU-1");
                e.setCirconscriptionId(c.getId());
                e.setMilieu("urban");
                edit.stampNew(e).store();
                int a = assessments.start(e.getId(), 1, LocalDate.of(2026, 3, 1), "test");
                Map<Integer, AnswerState> answers = new HashMap<>();
                for (var item : items) {
                    AnswerState state = AnswerState.AVAILABLE_FUNCTIONING;
                    if (n == 1 && List.of("AM04", "AM05", "AM06", "AM07").contains(item.value3())) {
                        state = AnswerState.MISSING;
                    } else if (n == 2 && item.value2().equals("basic_equipment")) {
                        state = AnswerState.NOT_APPLICABLE;
                    }
                    answers.put(item.value1(), state);
                }
                assessments.answerAll(a, answers, "observed");
            }
        }
        return file;
    }

    @Test
    void unansweredAbsentSensitivityAndIndicesOverFewerDomains() throws Exception {
        Path file = unansweredAndReduced();
        List<Map<String, String>> excluded = parseCsv(run("indices", file.toString(), "--level", "essp").out());
        List<Map<String, String>> absent = parseCsv(run("indices", file.toString(), "--level", "essp", "--unanswered", "absent").out());
        // E1 excluded: amenities 3/3 = 100, index 100; absent: amenities 3/7, index (300/7 + 400) / 5 = 88.571...
        assertThat(excluded.getFirst()).containsEntry("code", "E1").containsEntry("unanswered", "excluded")
                .containsEntry("basic_amenities", "100.00").containsEntry("general_readiness", "100.00");
        assertThat(absent.getFirst()).containsEntry("code", "E1").containsEntry("unanswered", "absent")
                .containsEntry("basic_amenities", "42.86").containsEntry("general_readiness", "88.57")
                .containsEntry("completeness", excluded.getFirst().get("completeness"));
        // E2: the equipment domain is entirely not applicable: index 100 over 4 of 5 domains
        assertThat(excluded.get(1)).containsEntry("code", "E2").containsEntry("general_readiness", "100.00")
                .containsEntry("general_domains", "4/5").containsEntry("general_reduced_n", "1").containsEntry("basic_equipment", "");
        Map<String, String> nation = parseCsv(run("indices", file.toString(), "--level", "national").out()).getFirst();
        assertThat(nation).containsEntry("general_readiness_n", "2").containsEntry("general_domains", "4/5")
                .containsEntry("general_reduced_n", "1");
        assertThat(run("indices", file.toString(), "--level", "national", "--unanswered", "maybe").exit()).isEqualTo(2);
        assertThat(run("indices", file.toString(), "--level", "national", "--format", "json", "--unanswered", "absent").out())
                .contains("\"unanswered\": \"absent\"").contains("\"equipment_source\": \"observed\"")
                .contains("\"general_domains\": \"4/5\", \"general_reduced_n\": 1");
    }

    @Test
    void theMissionSettingForReportedEquipmentIsSetByTheSettingsCommandAndLabelledInTheOutput() throws Exception {
        Path file = threeEssps();
        Run show = run("settings", file.toString());
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out().strip().lines()).containsExactly("readiness.reported_equipment=false (default)", "backups.keep=10 (default)",
                "dataflows.vf_low=0.900 (default)", "dataflows.vf_high=1.100 (default)", "complaints.acknowledge_days=15 (default)",
                "complaints.response_days=60 (default)");
        assertThat(run("settings", file.toString(), "--set", "readiness.reported_equipment=peut-être").exit()).isEqualTo(2);
        Run unknown = run("settings", file.toString(), "--set", "colour=blue");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("three.essp").contains("unknown setting colour");
        assertThat(run("settings", file.toString()).out()).contains("(default)");

        // the verification-factor band and the complaint deadlines: checked, then stored as the figures read them
        Run lowAboveOne = run("settings", file.toString(), "--set", "dataflows.vf_low=1.5", "--as", "Youssef Benali");
        assertThat(lowAboveOne.exit()).isEqualTo(2);
        assertThat(lowAboveOne.err()).contains("VF band");
        assertThat(run("settings", file.toString(), "--set", "complaints.acknowledge_days=quinze", "--as", "Youssef Benali").exit()).isEqualTo(2);
        assertThat(run("settings", file.toString(), "--set", "complaints.response_days=-1", "--as", "Youssef Benali").exit()).isEqualTo(2);
        // as in the window: 1 strictly inside the band, a deadline of at least one day
        assertThat(run("settings", file.toString(), "--set", "dataflows.vf_low=1", "--as", "Youssef Benali").exit()).isEqualTo(2);
        assertThat(run("settings", file.toString(), "--set", "complaints.acknowledge_days=0", "--as", "Youssef Benali").exit()).isEqualTo(2);
        Run band = run("settings", file.toString(), "--set", "dataflows.vf_high=1,02", "--as", "Youssef Benali");
        assertThat(band.exit()).as(band.err()).isZero();
        assertThat(band.out().lines()).contains("dataflows.vf_high=1.020", "dataflows.vf_low=0.900 (default)");
        Run ack = run("settings", file.toString(), "--set", "complaints.acknowledge_days=20", "--as", "Youssef Benali");
        assertThat(ack.out().lines()).contains("complaints.acknowledge_days=20", "complaints.response_days=60 (default)");
        Run set = run("settings", file.toString(), "--set", "readiness.reported_equipment=true", "--as", "Youssef Benali");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out().strip().lines().findFirst()).contains("readiness.reported_equipment=true");
        Map<String, String> row = parseCsv(run("indices", file.toString(), "--level", "national").out()).getFirst();
        // every answer of the fixture is observed: the figures do not move, the label does
        assertThat(row).containsEntry("equipment_source", "observed_or_reported").containsEntry("general_readiness", "46.67");
    }

    @Test
    void esspNamesAreNeutralisedInTheCsvButFiguresStayNumbers() throws Exception {
        Path file = threeEssps();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            String[] names = {"=HYPERLINK(\"http://x\",\"clic\")", "@SUM(1)\u0000\u0007", "مركز صحي \"النور\""};
            for (int i = 0; i < names.length; i++) {
                mission.dsl().update(ESSP).set(ESSP.NAME_FR, names[i]).where(ESSP.CODE.eq("E" + (i + 1))).execute();
            }
        }
        Run r = run("indices", file.toString(), "--level", "essp");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("essp,E1,\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\",,unweighted,observed,excluded,1,1,100.00,100.00,1,");
        assertThat(lines.get(2)).startsWith("essp,E2,\"'@SUM(1)\",,unweighted,observed,excluded,1,1,100.00,0.00,1,");
        assertThat(lines.get(3)).startsWith("essp,E3,\"مركز صحي \"\"النور\"\"\",,unweighted,observed,excluded,1,1,100.00,40.00,1,");
        assertThat(r.out()).doesNotContain("\u0000").doesNotContain("\u0007");
    }

    @Test
    void noAssessmentExitsOneAndBadUsageOrBadFileExitsTwo() throws Exception {
        Path empty = dir.resolve("empty.essp");
        MissionFile.create(empty).close();
        Run none = run("indices", empty.toString(), "--level", "national");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("empty.essp").contains("no ESSP has an assessment");
        assertThat(run("indices", empty.toString(), "--level", "district").exit()).isEqualTo(2);
        assertThat(run("indices", empty.toString()).exit()).isEqualTo(2);
        Path notes = Files.writeString(dir.resolve("notes.essp"), "pas une base");
        Run bad = run("indices", notes.toString(), "--level", "national");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("notes.essp");
    }
}
