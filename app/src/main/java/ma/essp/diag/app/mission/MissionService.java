package ma.essp.diag.app.mission;

import static ma.essp.diag.database.jooq.Tables.MISSION;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;

/**
 * Opening, creating and copying mission files for the window. Every method blocks: call them from a
 * background task, never from the FX thread.
 */
public final class MissionService {

    /** Where the build bundles the small demo mission. */
    public static final String BUNDLED_DEMO = "/ma/essp/diag/app/demo/demo-small.essp";
    public static final String DEMO_FILE_NAME = "demo-small.essp";

    private final AppPaths paths;
    private final URL bundledDemo;

    public MissionService(AppPaths paths) {
        this(paths, MissionService.class.getResource(BUNDLED_DEMO));
    }

    /** @param bundledDemo the demo to copy at first start, or null when this build has none */
    public MissionService(AppPaths paths, URL bundledDemo) {
        this.paths = paths;
        this.bundledDemo = bundledDemo;
    }

    /** Opens (and, for an older schema, backs up then migrates) a mission. */
    public OpenMission open(Path file) throws MissionFileException {
        MissionFile mission = MissionFile.open(file, paths.backups());
        try {
            return new OpenMission(mission, MissionSummary.read(mission));
        } catch (RuntimeException e) {
            mission.close();
            throw e;
        }
    }

    /** Creates an empty mission (territory reference data only) named after its file, and opens it. */
    public OpenMission create(Path file, String user) throws MissionFileException {
        MissionFile mission = MissionFile.create(file);
        try {
            EditContext edit = EditContext.system(user);
            MissionRecord record = mission.dsl().newRecord(MISSION);
            record.setName(file.getFileName().toString().replaceFirst("\\.essp$", ""));
            record.setSynthetic(false);
            record.setCreatedAt(edit.now());
            mission.dsl().insertInto(MISSION).set(edit.stampNew(record)).execute();
            return new OpenMission(mission, MissionSummary.read(mission));
        } catch (RuntimeException e) {
            mission.close();
            throw e;
        }
    }

    /**
     * The user's working copy of the bundled demo, copied into the missions folder the first time (the bundled
     * file itself is never opened, so never modified). Empty when this build has no bundled demo.
     */
    public Optional<Path> demoWorkingCopy() throws IOException {
        Path copy = paths.missions().resolve(DEMO_FILE_NAME);
        if (Files.exists(copy)) {
            return Optional.of(copy);
        }
        if (bundledDemo == null) {
            return Optional.empty();
        }
        Files.createDirectories(paths.missions());
        Path part = copy.resolveSibling(DEMO_FILE_NAME + ".part");
        try (InputStream in = bundledDemo.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(copy);
    }
}
