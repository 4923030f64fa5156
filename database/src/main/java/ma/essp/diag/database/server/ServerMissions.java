package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.SYNC_LOG;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import ma.essp.diag.database.jooq.tables.records.SyncLogRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.mission.SchemaMigrator;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Creating, upgrading and describing the mission a team server holds. */
public final class ServerMissions {

    private ServerMissions() {
    }

    /** What {@link #init} did: the schema version before (0: none) and after, and the rows copied per table (none without a file). */
    public record InitResult(int versionBefore, int versionAfter, Map<String, Integer> copied) {
    }

    /**
     * Creates the schema on an empty database or upgrades it to {@code target} (null: this application's latest),
     * then, given a mission file ({@code file} non-null, already at that version), copies the file's mission in.
     * A server that already holds a mission is upgraded but never overwritten by a file.
     */
    public static InitResult init(TeamServer server, DSLContext file, int fileVersion, Integer target, Consumer<String> progress)
            throws ServerException {
        return init(server, file, fileVersion, target, progress, (tx, rows) -> { });
    }

    /**
     * {@link #init(TeamServer, DSLContext, int, Integer, Consumer)} from {@code file} (non-null), which becomes the
     * server's first synchronised laptop: in the transaction of the copy the server records a {@code sync_log} row for
     * {@code edit}'s member and device whose marks are the state both sides then share (the server's highest audit id
     * after the copy, the file's highest audit id, the schema version), and once the server has committed, the file
     * records the same row. The file's next synchronisation (or a copy of it taken after the init) then finds its marks
     * on the server and compares only the tables changed since on either side ({@link ServerSync}), where a file with
     * no marks compares every table. Should the file's row not be written (the file failed after the server
     * committed), its next synchronisation compares every table: slower, not wrong.
     */
    public static InitResult init(TeamServer server, MissionFile file, EditContext edit, Integer target,
                                  Consumer<String> progress) throws ServerException, MissionFileException {
        int laptopAudit = ServerSync.maxAuditId(file.dsl());
        String at = edit.now();
        int[] serverAudit = new int[2]; // the server's highest audit id after the copy, the rows copied
        InitResult result = init(server, file.dsl(), file.schemaVersion(), target, progress, (tx, rows) -> {
            serverAudit[0] = ServerSync.maxAuditId(tx);
            serverAudit[1] = rows;
            SyncedRows.appendLog(tx, initMark(server, file, edit, at, serverAudit[0], laptopAudit, rows));
        });
        try {
            file.dsl().transaction(c -> SyncedRows.appendLog(c.dsl(),
                    initMark(server, file, edit, at, serverAudit[0], laptopAudit, serverAudit[1])));
        } catch (org.jooq.exception.DataAccessException e) {
            throw new MissionFileException(file.path(), MissionFileException.Reason.IO_ERROR, "the server mission was created, but "
                    + "this file could not record it (" + e.getMessage() + "): its first synchronisation will compare every table", e);
        }
        return result;
    }

    /** The sync_log row of an init from a file: the same on both sides (see {@link #init(TeamServer, MissionFile, EditContext, Integer, Consumer)}). */
    private static SyncLogRecord initMark(TeamServer server, MissionFile file, EditContext edit, String at, int serverAudit,
                                          int laptopAudit, int rows) {
        SyncLogRecord log = new SyncLogRecord();
        log.setSyncedAt(at);
        log.setMemberUuid(edit.member());
        log.setDeviceId(edit.device());
        log.setServerUrl(server.address().url());
        log.setServerAuditId(serverAudit);
        log.setLaptopAuditId(laptopAudit);
        log.setSchemaVersion(file.schemaVersion());
        log.setRowsPulled(0);
        log.setRowsPushed(rows);
        log.setConflicts(0);
        return log;
    }

    private static InitResult init(TeamServer server, DSLContext file, int fileVersion, Integer target, Consumer<String> progress,
                                   ObjIntConsumer<DSLContext> beforeCommit) throws ServerException {
        int latest = SchemaMigrator.latestVersion();
        int wanted = target == null ? latest : target;
        int before = server.schemaVersion();
        if (before > latest) {
            throw new ServerException("the server's mission schema (version " + before + ") is newer than this application's ("
                    + latest + "): update essp-diag");
        }
        if (before > wanted) {
            throw new ServerException("the server's mission schema is at version " + before + ", past the version asked for (" + wanted + ")");
        }
        if (file != null) {
            if (fileVersion != wanted) {
                throw new ServerException("the mission file is at schema version " + fileVersion + ", the server is to be at " + wanted);
            }
            Optional<String> held = before == 0 ? Optional.empty() : missionName(server.dsl());
            if (held.isPresent()) {
                throw new ServerException("the server already holds the mission \"" + held.get()
                        + "\": a file is only copied into a new server mission (laptops synchronise with an existing one)");
            }
        }
        if (before < wanted) {
            progress.accept("schema: version " + before + " -> " + wanted);
            server.migrate(wanted);
        }
        Map<String, Integer> copied = file == null ? Map.of() : MissionUpload.copy(file, server.dsl(), progress, beforeCommit);
        return new InitResult(before, server.schemaVersion(), copied);
    }

    /** The name of the mission a server (or file) holds, when it holds one. */
    static Optional<String> missionName(DSLContext dsl) {
        return dsl.select(MISSION.NAME).from(MISSION).orderBy(MISSION.ID).limit(1).fetchOptional(MISSION.NAME);
    }

    /** Rows of one table: all of them, and how many of those are soft-deleted (0 for a table without the column). */
    public record TableCount(String table, int rows, int deleted) {
    }

    /** The latest change recorded in the audit log for one member on one device. */
    public record LastChange(String memberUuid, String memberName, String deviceId, String at, int changes) {
    }

    /** The latest synchronisation of one member from one laptop ({@code sync_log}, schema 14). */
    public record LastSync(String memberUuid, String memberName, String deviceId, String at, int rowsPulled, int rowsPushed,
                           int conflicts, int syncs) {
    }

    public record Status(int schemaVersion, int applicationVersion, Optional<String> mission, List<TableCount> counts,
                         List<LastChange> lastChanges, List<LastSync> lastSyncs) {
    }

    /** Schema version, row counts per table (foreign-key order) and the last change per member and device. */
    public static Status status(TeamServer server) {
        int version = server.schemaVersion();
        int latest = SchemaMigrator.latestVersion();
        if (version == 0) {
            return new Status(0, latest, Optional.empty(), List.of(), List.of(), List.of());
        }
        DSLContext dsl = server.dsl();
        List<TableCount> counts = new ArrayList<>();
        if (version == latest) { // the generated tables describe this version's schema only
            for (Table<?> table : MissionTables.inForeignKeyOrder()) {
                counts.add(count(dsl, table));
            }
        }
        List<LastChange> last = new ArrayList<>();
        if (version >= 4) { // member and device in the audit log since schema 4
            Field<String> lastAt = DSL.max(AUDIT_LOG.AT).as("last_at");
            Field<Integer> changes = DSL.count().as("changes");
            for (Record r : dsl.select(AUDIT_LOG.MEMBER_UUID, TEAM_MEMBER.FULL_NAME, AUDIT_LOG.DEVICE_ID, lastAt, changes)
                    .from(AUDIT_LOG).leftJoin(TEAM_MEMBER).on(TEAM_MEMBER.UUID.eq(AUDIT_LOG.MEMBER_UUID))
                    .groupBy(AUDIT_LOG.MEMBER_UUID, TEAM_MEMBER.FULL_NAME, AUDIT_LOG.DEVICE_ID)
                    .orderBy(lastAt.desc(), AUDIT_LOG.MEMBER_UUID, AUDIT_LOG.DEVICE_ID)
                    .fetch()) {
                last.add(new LastChange(r.get(AUDIT_LOG.MEMBER_UUID), r.get(TEAM_MEMBER.FULL_NAME), r.get(AUDIT_LOG.DEVICE_ID),
                        r.get(lastAt), r.get(changes)));
            }
        }
        return new Status(version, latest, missionName(dsl), counts, last, version >= 14 ? lastSyncs(dsl) : List.of());
    }

    /** Per member and device, its latest synchronisation (most recent first) and how many it made. */
    static List<LastSync> lastSyncs(DSLContext dsl) {
        Map<String, LastSync> latest = new java.util.LinkedHashMap<>();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Record r : dsl.select(SYNC_LOG.MEMBER_UUID, TEAM_MEMBER.FULL_NAME, SYNC_LOG.DEVICE_ID, SYNC_LOG.SYNCED_AT,
                        SYNC_LOG.ROWS_PULLED, SYNC_LOG.ROWS_PUSHED, SYNC_LOG.CONFLICTS)
                .from(SYNC_LOG).leftJoin(TEAM_MEMBER).on(TEAM_MEMBER.UUID.eq(SYNC_LOG.MEMBER_UUID))
                .orderBy(SYNC_LOG.SYNCED_AT.desc(), SYNC_LOG.ID.desc()).fetch()) {
            String key = r.get(SYNC_LOG.MEMBER_UUID) + "\u001f" + r.get(SYNC_LOG.DEVICE_ID);
            counts.merge(key, 1, Integer::sum);
            latest.putIfAbsent(key, new LastSync(r.get(SYNC_LOG.MEMBER_UUID), r.get(TEAM_MEMBER.FULL_NAME),
                    r.get(SYNC_LOG.DEVICE_ID), r.get(SYNC_LOG.SYNCED_AT), r.get(SYNC_LOG.ROWS_PULLED),
                    r.get(SYNC_LOG.ROWS_PUSHED), r.get(SYNC_LOG.CONFLICTS), 0));
        }
        List<LastSync> syncs = new ArrayList<>();
        latest.forEach((key, s) -> syncs.add(new LastSync(s.memberUuid(), s.memberName(), s.deviceId(), s.at(), s.rowsPulled(),
                s.rowsPushed(), s.conflicts(), counts.get(key))));
        return syncs;
    }

    static TableCount count(DSLContext dsl, Table<?> table) {
        Field<Boolean> deleted = table.field("deleted", Boolean.class);
        if (deleted == null) {
            return new TableCount(table.getName(), dsl.fetchCount(table), 0);
        }
        Record r = dsl.select(DSL.count(), DSL.count().filterWhere(deleted.isTrue())).from(table).fetchOne();
        return new TableCount(table.getName(), r.get(0, Integer.class), r.get(1, Integer.class));
    }
}
