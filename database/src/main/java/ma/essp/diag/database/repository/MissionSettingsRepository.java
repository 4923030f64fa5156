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

    public MissionSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
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
}
