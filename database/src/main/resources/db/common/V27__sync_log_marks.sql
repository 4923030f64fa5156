-- Schema 27: the marks of an incremental synchronisation (essp-diag sync, issue 16). Written on both sides with the
-- same values, like the rest of a sync_log row:
--   laptop_audit_id  the laptop's highest audit_log id once the pull was applied: the laptop's changes after it are
--                    the ones the next synchronisation compares (NULL: written before V27, the next one compares all)
--   schema_version   the mission's schema version at that synchronisation: after an upgrade (a migration may rewrite
--                    rows without an audit row) the next synchronisation compares every table
-- With server_audit_id (the server's changes after it), the next synchronisation reads only the tables either side
-- changed since; it compares everything when the server no longer holds the same sync_log row (another server, or
-- one initialised again), when an undo of a merge ran on the laptop since, or when a mark is NULL.
ALTER TABLE sync_log ADD COLUMN laptop_audit_id INTEGER;
ALTER TABLE sync_log ADD COLUMN schema_version INTEGER;
