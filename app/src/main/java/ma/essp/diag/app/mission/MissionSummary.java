package ma.essp.diag.app.mission;

import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionRepository;

/** What the status bar shows about the open mission; read once, off the FX thread, when the mission opens. */
public record MissionSummary(String name, boolean synthetic, int schemaVersion, int essps, int circonscriptions,
                             int staffPositions, int assessments) {

    /** Reads the summary; a mission without a metadata row is named after its file. */
    public static MissionSummary read(MissionFile mission) {
        MissionRepository repository = new MissionRepository(mission.dsl());
        Map<String, Integer> counts = repository.countsPerTable();
        String fileName = mission.path().getFileName().toString().replaceFirst("\\.essp$", "");
        String name = repository.metadata().map(MissionRecord::getName).filter(n -> !n.isBlank()).orElse(fileName);
        boolean synthetic = repository.metadata().map(m -> Boolean.TRUE.equals(m.getSynthetic())).orElse(false);
        return new MissionSummary(name, synthetic, mission.schemaVersion(), counts.getOrDefault("essp", 0),
                counts.getOrDefault("circonscription", 0), counts.getOrDefault("staff_position", 0),
                counts.getOrDefault("assessment", 0));
    }
}
