package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.MISSION_SETTING;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.MissionSettingRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;

/**
 * The mission's settings ({@code mission_setting}, schema V5): text values by key. A key without a row takes the
 * default that the reading class documents, so missions created before V5 behave as before. Writes go through
 * {@link SyncedRows} (version check, stamp, audit), one row per key.
 */
public final class MissionSettingsRepository {

    private final DSLContext dsl;
    private final EditContext edit;

    /** A repository that reads, and writes with an edit context given to each write. */
    public MissionSettingsRepository(DSLContext dsl) {
        this(dsl, null);
    }

    /** A repository whose writes {@link #set(String, String)} and {@link #clear(String)} are stamped with {@code edit}. */
    public MissionSettingsRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** {@link #set(EditContext, String, String)} with this repository's edit context. */
    public void set(String key, String value) {
        set(requireEdit(), key, value);
    }

    /** {@link #clear(EditContext, String)} with this repository's edit context. */
    public void clear(String key) {
        clear(requireEdit(), key);
    }

    private EditContext requireEdit() {
        if (edit == null) {
            throw new IllegalStateException("a read-only MissionSettingsRepository cannot write");
        }
        return edit;
    }

    /** Every live setting, by key. */
    public Map<String, String> all() {
        Map<String, String> settings = new LinkedHashMap<>();
        dsl.selectFrom(MISSION_SETTING).where(MISSION_SETTING.DELETED.isFalse()).orderBy(MISSION_SETTING.KEY)
                .forEach(r -> settings.put(r.getKey(), r.getValue()));
        return settings;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(all().get(key));
    }

    /** Sets {@code key} to {@code value} in one transaction: inserts the row, or updates (or restores) it. */
    public void set(EditContext edit, String key, String value) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            MissionSettingRecord row = tx.selectFrom(MISSION_SETTING).where(MISSION_SETTING.KEY.eq(key)).fetchOne();
            if (row == null) {
                MissionSettingRecord created = tx.newRecord(MISSION_SETTING);
                created.setKey(key);
                created.setValue(value);
                SyncedRows.insert(tx, edit, created);
            } else if (!value.equals(row.getValue()) || Boolean.TRUE.equals(row.getDeleted())) {
                SyncedRows.update(tx, edit, MISSION_SETTING, row.getId(), row.getVersion(),
                        Map.of(MISSION_SETTING.VALUE, value, MISSION_SETTING.DELETED, Boolean.FALSE));
            }
        });
    }

    /** Takes {@code key} back to its default: soft-deletes its row (nothing when it has none or is already deleted). */
    public void clear(EditContext edit, String key) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            MissionSettingRecord row = tx.selectFrom(MISSION_SETTING).where(MISSION_SETTING.KEY.eq(key)).fetchOne();
            if (row != null && !Boolean.TRUE.equals(row.getDeleted())) {
                SyncedRows.softDelete(tx, edit, MISSION_SETTING, row.getId(), row.getVersion());
            }
        });
    }
}
