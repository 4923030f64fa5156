-- Schema 14: synchronisation of a laptop's mission file with a team server (essp-diag sync, Fichier > Synchroniser).
-- One row per synchronisation, written on both sides in the transaction that applies it: on the laptop (what it
-- pulled and pushed) and on the server (which member synchronised from which laptop, so that `essp-diag server
-- status` shows the last synchronisations per member and device). Not versioned (no uuid/version): like audit_log,
-- each side's own record, never merged nor compared.
--   server_url            the server's JDBC URL as the laptop reached it (on the server: as well)
--   server_audit_id       the server's highest audit_log id once the synchronisation was done (the next one starts there)
--   rows_pulled           rows the pull wrote on the laptop; rows_pushed: rows the push wrote on the server
--   pull_run_id, push_run_id  the merge_run of each side (NULL when that direction had nothing to write)
CREATE TABLE sync_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    synced_at TEXT NOT NULL,
    member_uuid TEXT NOT NULL,
    device_id TEXT NOT NULL,
    server_url TEXT NOT NULL,
    server_audit_id INTEGER NOT NULL,
    rows_pulled INTEGER NOT NULL,
    rows_pushed INTEGER NOT NULL,
    conflicts INTEGER NOT NULL DEFAULT 0,
    pull_run_id INTEGER,
    push_run_id INTEGER
);
CREATE INDEX sync_log_member_device ON sync_log (member_uuid, device_id);
