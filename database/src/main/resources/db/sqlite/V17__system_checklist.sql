-- Data flows (ToR axis 2): the PRISM system checklist per level. PRISM (Performance of Routine Information System
-- Management, MEASURE Evaluation) looks at the technical, organisational and behavioural determinants of a routine
-- information system; the mission keeps five of them as a short checklist, one row per assessed unit of a level:
--   guidelines_available   (technical)       the reporting guidelines / data dictionary are at hand
--   tools_in_stock          (technical)       registers and report forms (or the software) are available, not run out
--   trained_staff           (organisational)  the person who compiles the report was trained for it
--   feedback_received       (organisational)  the level above sent feedback on the reports in the last six months
--   data_used_in_meetings   (behavioural)     the data were discussed in a staff / review meeting in the last quarter
-- Each item: 1 = yes, 0 = no, NULL = not observed. Score and rubric: reporting.dataflow.SystemChecklist
-- (docs/dataflows-checklist.md).
-- The unit assessed (by chain_level): essp -> essp_id; circonscription -> circonscription_id; delegation -> province_id;
-- sres / drs / gst -> region_id; central -> none (database.repository.DataFlowRules.checklist checks it).
CREATE TABLE system_checklist (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chain_level TEXT NOT NULL CHECK (chain_level IN ('essp', 'circonscription', 'delegation', 'sres', 'drs', 'gst', 'central')),
    region_id INTEGER REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    circonscription_id INTEGER REFERENCES circonscription (id),
    essp_id INTEGER REFERENCES essp (id),
    guidelines_available BOOLEAN,
    tools_in_stock BOOLEAN,
    trained_staff BOOLEAN,
    feedback_received BOOLEAN,
    data_used_in_meetings BOOLEAN,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX system_checklist_chain_level ON system_checklist (chain_level);

-- No audit trigger: since V4 the one writer (SyncedRows) records every change of a versioned row in audit_log.
