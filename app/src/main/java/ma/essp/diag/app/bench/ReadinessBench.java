package ma.essp.diag.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessRules;

/**
 * "All readiness indices at all levels" on an open mission: load the latest assessments, compute every ESSP's
 * domain scores and indices, aggregate to circonscription, province, region and nation. Baseline: the sqlite3
 * command-line shell running the same rules as one SQL statement ({@code readiness-all-levels.sql}).
 */
final class ReadinessBench implements AutoCloseable {

    private static final String SQL_RESOURCE = "readiness-all-levels.sql";

    private final Path missionPath;
    private final Path work;
    private MissionFile mission;

    ReadinessBench(Path missionPath, Path work) {
        this.missionPath = missionPath;
        this.work = work;
    }

    BenchCase allLevels() {
        return BenchCase.of("readiness: all indices, all levels", this::computeAllLevels,
                "sqlite3 shell, same rules in SQL", sqlite3() == null ? null : this::sqliteShell);
    }

    /** Opened once, outside the measured work (opening validates the whole file). */
    private MissionFile mission() throws MissionFileException {
        if (mission == null) {
            mission = MissionFile.open(missionPath, work.resolve("backups"));
        }
        return mission;
    }

    private Object computeAllLevels() throws MissionFileException {
        ReadinessResult result = ReadinessCalculator.compute(new ReadinessDataRepository(mission().dsl()).load(),
                ReadinessRules.ofMission(mission().dsl()));
        List<AggregateRow> rows = new ArrayList<>();
        for (AggregationLevel level : AggregationLevel.values()) {
            rows.addAll(ReadinessAggregator.aggregate(result, level));
        }
        return rows;
    }

    private Object sqliteShell() throws IOException, InterruptedException {
        Path sql = work.resolve(SQL_RESOURCE);
        if (!Files.exists(sql)) {
            try (InputStream in = ReadinessBench.class.getResourceAsStream(SQL_RESOURCE)) {
                Files.write(sql, in.readAllBytes());
            }
        }
        Process process = new ProcessBuilder(sqlite3(), "-readonly", missionPath.toAbsolutePath().toString())
                .redirectInput(sql.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("sqlite3 failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return output.length;
    }

    /** The sqlite3 shell on the PATH, or null. */
    private static String sqlite3() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : new String[] {"sqlite3", "sqlite3.exe"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (mission != null) {
            mission.close();
        }
    }
}
