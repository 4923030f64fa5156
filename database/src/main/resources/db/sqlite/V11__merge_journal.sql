-- Schema 11: consolidation of two laptops' mission files (essp-diag merge, the "Consolider…" window).
-- Three tables, versioned like every other (written through the one writer, so their own changes are audited).
-- merge_run and merge_journal are this file's bookkeeping and are never merged themselves; merge_alias is merged
-- like any table, so a link made on one laptop is known to the next merge on any other.

-- One merge of another mission file into this one (undone as a whole: status 'undone').
--   audit_first_id .. audit_copied_first_id - 1   the audit rows the merge itself wrote (its inserts and updates)
--   audit_copied_first_id .. audit_last_id         the other file's audit rows copied in (everyone's history)
--   undo_audit_first_id .. undo_audit_last_id      the audit rows the undo wrote
-- The base detection ignores the merge's and the undo's own rows (bookkeeping, not edits) and the copied rows of
-- an undone run (see ma.essp.diag.database.merge.AuditHistory).
CREATE TABLE merge_run (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_name TEXT NOT NULL,
    source_mission_uuid TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'undone')),
    backup_path TEXT,
    audit_first_id INTEGER,
    audit_copied_first_id INTEGER,
    audit_last_id INTEGER,
    undo_audit_first_id INTEGER,
    undo_audit_last_id INTEGER,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- What one merge did, row by row and field by field, with the values needed to undo it and the losing value of
-- every conflict. Values are text as in audit_log; a foreign key is written as the uuid of the row it points to.
--   kind  added: a row of the other file inserted (field NULL)
--         linked: the other file's row recorded as an alias of this file's row (field NULL, theirs_value = its uuid)
--         renumbered: an added ESSP got a new code (field 'code', theirs_value the code it had)
--         taken: a field changed on the other laptop only; parallel: the same, in a row this laptop changed too
--         conflict: changed on both sides to different values (result_value the resolution, the other one lost)
CREATE TABLE merge_journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES merge_run (id),
    table_name TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('added', 'linked', 'renumbered', 'taken', 'parallel', 'conflict')),
    field TEXT,
    base_value TEXT,
    mine_value TEXT,
    theirs_value TEXT,
    result_value TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX merge_journal_run ON merge_journal (run_id);

-- A row created independently on two laptops and linked by the user (or matched by a unique key): alias_uuid is
-- the other laptop's uuid of the same row; every later merge matches it to row_uuid.
CREATE TABLE merge_alias (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name TEXT NOT NULL,
    alias_uuid TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (table_name, alias_uuid)
);
