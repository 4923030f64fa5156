-- Complaint systems above the ESSP (issue 12, axis 3): the délégation (province) and the GST (one per region) run a
-- complaint system too — the same checklist as an ESSP's (channels, register, focal person, procedure, chikaya.ma
-- link, who handles, escalation, analysis fed back) and the same maturity rubric (docs/complaints-maturity.md).
-- A complaint system now belongs to exactly one of:
--   essp_id      an ESSP (as before V23)
--   province_id  a province's délégation
--   region_id    a region's GST
-- (the check constraint complaint_system_one_holder); each holder has at most one system (UNIQUE on each column).
-- Rows written before V23 are ESSP systems and are copied unchanged (same id, uuid, version, values).
-- SQLite cannot drop a NOT NULL constraint in place: the table is rebuilt with the same columns in the same order,
-- the two new ones at the end. No trigger or index refers to it (V4 dropped its audit trigger), no table references it.
CREATE TABLE complaint_system_v23 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    essp_id INTEGER UNIQUE REFERENCES essp (id),
    channel_register BOOLEAN NOT NULL DEFAULT 0,
    channel_box BOOLEAN NOT NULL DEFAULT 0,
    channel_in_person BOOLEAN NOT NULL DEFAULT 0,
    channel_phone BOOLEAN NOT NULL DEFAULT 0,
    channel_chikaya_portal BOOLEAN NOT NULL DEFAULT 0,
    register_kept BOOLEAN NOT NULL DEFAULT 0,
    focal_person BOOLEAN NOT NULL DEFAULT 0,
    focal_person_role TEXT,
    procedure_displayed BOOLEAN NOT NULL DEFAULT 0,
    chikaya_link_displayed BOOLEAN NOT NULL DEFAULT 0,
    handled_by TEXT,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    escalation BOOLEAN NOT NULL DEFAULT 0,
    analysed_fed_back BOOLEAN NOT NULL DEFAULT 0,
    province_id INTEGER UNIQUE REFERENCES province (id),
    region_id INTEGER UNIQUE REFERENCES region (id),
    CONSTRAINT complaint_system_one_holder CHECK ((essp_id IS NOT NULL) + (province_id IS NOT NULL) + (region_id IS NOT NULL) = 1)
);
INSERT INTO complaint_system_v23 (id, essp_id, channel_register, channel_box, channel_in_person, channel_phone,
                                  channel_chikaya_portal, register_kept, focal_person, focal_person_role, procedure_displayed,
                                  chikaya_link_displayed, handled_by, notes, uuid, version, updated_at, updated_by, deleted,
                                  escalation, analysed_fed_back, province_id, region_id)
SELECT id, essp_id, channel_register, channel_box, channel_in_person, channel_phone, channel_chikaya_portal, register_kept,
       focal_person, focal_person_role, procedure_displayed, chikaya_link_displayed, handled_by, notes, uuid, version,
       updated_at, updated_by, deleted, escalation, analysed_fed_back, NULL, NULL
FROM complaint_system;
DROP TABLE complaint_system;
ALTER TABLE complaint_system_v23 RENAME TO complaint_system;
