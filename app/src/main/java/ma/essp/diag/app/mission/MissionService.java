package ma.essp.diag.app.mission;

import static ma.essp.diag.database.jooq.Tables.MISSION;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.repository.MissionRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.database.repository.TeamRepository.Member;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening, creating and copying mission files for the window. Every method blocks: call them from a
 * background task, never from the FX thread.
 */
public final class MissionService {

    /** Where the build bundles the small demo mission. */
    public static final String BUNDLED_DEMO = "/ma/essp/diag/app/demo/demo-small.essp";
    public static final String DEMO_FILE_NAME = "demo-small.essp";

    private static final Logger LOG = LoggerFactory.getLogger(MissionService.class);

    private final AppPaths paths;
    private final URL bundledDemo;
    private final Clock clock;

    public MissionService(AppPaths paths) {
        this(paths, MissionService.class.getResource(BUNDLED_DEMO));
    }

    /** @param bundledDemo the demo to copy at first start, or null when this build has none */
    public MissionService(AppPaths paths, URL bundledDemo) {
        this(paths, bundledDemo, Clock.systemUTC());
    }

    /** @param clock the time of every edit made in the missions it opens */
    public MissionService(AppPaths paths, URL bundledDemo, Clock clock) {
        this.paths = paths;
        this.bundledDemo = bundledDemo;
        this.clock = clock;
    }

    /**
     * Opens (and, for an older schema, backs up then migrates) a mission, <b>read-only</b> until
     * {@link #checkThenAllowWrites} has run: the whole file's integrity check and the day's backup are left out of
     * the opening so that the window shows the mission at once. When {@code settings} remembers who the consultant
     * is in this mission (and that member is still in the team), the mission comes back identified; otherwise
     * {@link #identify} must follow before anything is written.
     */
    public OpenMission open(Path file, Settings settings) throws MissionFileException {
        return read(MissionFile.openWhileChecking(file, paths.backups()), settings);
    }

    /**
     * What {@link #open} left out, in this order: the integrity check of the whole file (a damaged file stays
     * read-only: MissionFileException CORRUPTED), the day's first rolling backup ({@link MissionBackup#takeDaily}),
     * and only then writes allowed, so a backup of the day exists before its first write. Passes at once for a
     * mission already writable. Blocks: call it from a background task.
     */
    public void checkThenAllowWrites(OpenMission opened) throws MissionFileException {
        MissionFile mission = opened.file();
        if (mission.writable()) {
            return;
        }
        mission.checkIntegrity();
        try {
            MissionBackup.takeDaily(mission);
        } catch (MissionFileException e) {
            // a full disk must not keep the consultant out of their mission; the next opening tries again
            LOG.warn("No backup on opening {}: {}", mission.path(), e.getMessage());
        }
        mission.allowWrites();
    }

    /** Creates an empty mission (territory reference data only); its metadata is written by its first member. */
    public OpenMission create(Path file, Settings settings) throws MissionFileException {
        return read(MissionFile.create(file), settings);
    }

    private OpenMission read(MissionFile mission, Settings settings) {
        try {
            String missionUuid = new MissionRepository(mission.dsl()).metadata().map(MissionRecord::getUuid).orElse(null);
            TeamRepository team = new TeamRepository(mission.dsl());
            List<Member> members = team.members();
            Optional<Member> remembered = settings.member(missionUuid)
                    .flatMap(uuid -> members.stream().filter(m -> m.uuid().equals(uuid)).findFirst());
            EditContext edit = remembered.map(m -> new EditContext(m.uuid(), settings.deviceId(), clock)).orElse(null);
            return new OpenMission(mission, MissionSummary.read(mission), missionUuid, members, remembered.orElse(null), edit);
        } catch (RuntimeException e) {
            mission.close();
            throw e;
        }
    }

    /** Who the consultant says they are in a mission: a member of its team, or a new member by name. */
    public sealed interface MemberChoice {
        record Existing(String uuid) implements MemberChoice {
        }

        record NewMember(String fullName) implements MemberChoice {
        }
    }

    /**
     * Makes {@code opened} identified: the chosen member (a new one is added to the team, writing their own row), on
     * this laptop's device; a mission without metadata gets it now, written by that member. The choice is remembered
     * in {@code settings} for this mission (saved). Blocks: call from a background task.
     */
    public OpenMission identify(OpenMission opened, MemberChoice choice, Settings settings) throws MissionFileException {
        checkThenAllowWrites(opened);
        DSLContext dsl = opened.dsl();
        TeamRepository team = new TeamRepository(dsl);
        Member member = switch (choice) {
            case MemberChoice.Existing e -> opened.team().stream().filter(m -> m.uuid().equals(e.uuid())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no team member " + e.uuid()));
            case MemberChoice.NewMember n -> team.add(n.fullName(), settings.deviceId(), clock);
        };
        EditContext edit = new EditContext(member.uuid(), settings.deviceId(), clock);
        String missionUuid = opened.missionUuid();
        if (missionUuid == null) {
            MissionRecord record = dsl.newRecord(MISSION);
            record.setName(opened.path().getFileName().toString().replaceFirst("\\.essp$", ""));
            record.setSynthetic(false);
            record.setCreatedAt(edit.now());
            SyncedRows.insert(dsl, edit, record);
            missionUuid = record.getUuid();
        }
        settings.setMember(missionUuid, member.uuid());
        settings.save();
        return new OpenMission(opened.file(), MissionSummary.read(opened.file()), missionUuid, team.members(), member, edit);
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
