package ma.essp.diag.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two independent implementations of the SARA rules must agree: the Java computation and the bench's SQL baseline
 * ({@code readiness-all-levels.sql}), on the small demo mission, for every unit of every level, every general index,
 * general domain and service index (value and n) — with the default rules (medicines, diagnostics and equipment
 * observed only), then with the mission setting that lets reported equipment count. The demo has reported
 * diagnostics and equipment, so both settings give different figures (checked).
 */
class ReadinessSqlCrossCheckTest {

    @TempDir
    Path dir;

    @Test
    void javaAndSqlGiveTheSameFiguresAtEveryLevel() throws Exception {
        Path file = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        ReadinessResult observedOnly = compareAtEveryLevel(file);
        assertThat(observedOnly.rules().reportedEquipment()).isFalse();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            new MissionSettingsRepository(mission.dsl()).set(EditContext.system("test"), ReadinessRules.REPORTED_EQUIPMENT_KEY, "true");
        }
        ReadinessResult reportedEquipment = compareAtEveryLevel(file);
        assertThat(reportedEquipment.rules().reportedEquipment()).isTrue();
        Double before = ReadinessAggregator.aggregate(observedOnly, AggregationLevel.NATIONAL).getFirst().generalDomains()
                .get("basic_equipment").value();
        Double after = ReadinessAggregator.aggregate(reportedEquipment, AggregationLevel.NATIONAL).getFirst().generalDomains()
                .get("basic_equipment").value();
        assertThat(after).as("reported equipment counts with the setting").isGreaterThan(before);
    }

    /** Computes with the mission's rules in Java and in SQL and compares every figure; returns the Java result. */
    private ReadinessResult compareAtEveryLevel(Path file) throws Exception {
        ReadinessResult result;
        try (MissionFile mission = MissionFile.open(file, dir)) {
            result = ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load(),
                    ReadinessRules.ofMission(mission.dsl()));
        }
        String sql;
        try (InputStream in = ReadinessBench.class.getResourceAsStream("readiness-all-levels.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // (level, unit id, figure, service id) -> {avg, count}
        Map<String, double[]> expected = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql.replaceAll("(?m)^--.*$", ""))) {
            while (rs.next()) {
                expected.put(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getInt(4),
                        new double[] {rs.getObject(5) == null ? Double.NaN : rs.getDouble(5), rs.getInt(6)});
            }
        }
        ReadinessData data = result.data();
        Map<String, Integer> serviceIds = new HashMap<>();
        data.services().forEach(sv -> serviceIds.putIfAbsent(sv.code(), sv.id()));
        int compared = 0;
        for (AggregationLevel level : List.of(AggregationLevel.CIRCONSCRIPTION, AggregationLevel.PROVINCE, AggregationLevel.REGION,
                AggregationLevel.NATIONAL)) {
            Map<String, Integer> ids = new HashMap<>();
            switch (level) {
                case CIRCONSCRIPTION -> data.circonscriptions().forEach(x -> ids.put(x.code(), x.id()));
                case PROVINCE -> data.provinces().forEach(x -> ids.put(x.code(), x.id()));
                case REGION -> data.regions().forEach(x -> ids.put(x.code(), x.id()));
                default -> ids.put(ReadinessAggregator.NATION_CODE, 0);
            }
            for (AggregateRow row : ReadinessAggregator.aggregate(result, level)) {
                if (row.assessed() == 0) {
                    continue;
                }
                String prefix = level.code() + "/" + ids.get(row.code()) + "/";
                compared += check(expected, prefix + "index/0", row.general());
                for (Map.Entry<String, Figure> d : row.generalDomains().entrySet()) {
                    compared += check(expected, prefix + d.getKey() + "/0", d.getValue());
                }
                for (Map.Entry<String, Figure> sv : row.services().entrySet()) {
                    if (sv.getValue().n() > 0) {
                        compared += check(expected, prefix + "index/" + serviceIds.get(sv.getKey()), sv.getValue());
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        return result;
    }

    private static int check(Map<String, double[]> expected, String key, Figure figure) {
        double[] sql = expected.get(key);
        assertThat(sql).as(key).isNotNull();
        assertThat(figure.n()).as(key + " n").isEqualTo((int) sql[1]);
        if (figure.value() == null) {
            assertThat(sql[0]).as(key).isNaN();
        } else {
            assertThat(figure.value()).as(key).isCloseTo(sql[0], within(1e-9));
        }
        return 1;
    }
}
