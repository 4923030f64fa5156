-- Mission settings: one row per key, the value as text. A key without a row takes its documented default
-- (see the class that reads it), so an older mission needs no data migration.
-- First key: readiness.reported_equipment ('true'/'false', default false) — whether equipment answered
-- "available and functioning" on the respondent's word only (source 'reported') counts as available in the
-- SARA readiness indices. Medicines and diagnostics always need an observation (WHO SARA).
CREATE TABLE mission_setting (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- No audit trigger: since V4 the one writer (SyncedRows) records every change of a versioned row in audit_log.
