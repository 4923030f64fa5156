-- Schema 8: findings and recommendations as the diagnostic's synthesis (issue 13).
--
-- 1. A finding gets its author (a team member) and the date it was written; its free-text "evidence" becomes an
--    evidence link of kind 'document' (finding_evidence), and the column goes.
-- 2. Evidence links (finding_evidence), one row per link, kind
--      'figure'    a figure of a unit: figure code (e.g. 'readiness.general'), unit level and unit code (the code the
--                  figures use: ESSP code, circonscription code, province code, region code, 'MA' for the nation),
--                  and stored_value = the figure's value when the link was made (NULL: it had none);
--      'record'    a record: record_table ('essp', 'data_flow', 'complaint_system', 'perpetrator_care_site') and
--                  record_id (the row may be soft-deleted later: readers show it as such);
--      'document'  a document reference: free text in document.
-- 3. A recommendation answers one or more findings: recommendation_finding (many-to-many) replaces
--    recommendation.finding_id; every existing link is carried over. A recommendation gets a responsible level,
--    a cost estimate in MAD (>= 0) and the indicator to follow: its label, optionally the figure of a unit it is
--    read from (the baseline then comes from the figures), the baseline and the target.
-- Every new table is versioned (uuid, version, updated_at, updated_by, deleted): written through SyncedRows.

ALTER TABLE finding ADD COLUMN author_id INTEGER REFERENCES team_member (id);
ALTER TABLE finding ADD COLUMN written_on TEXT;

CREATE TABLE finding_evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id INTEGER NOT NULL REFERENCES finding (id),
    kind TEXT NOT NULL CHECK (kind IN ('figure', 'record', 'document')),
    figure TEXT,
    unit_level TEXT CHECK (unit_level IN ('national', 'region', 'province', 'circonscription', 'essp')),
    unit_code TEXT,
    stored_value REAL,
    record_table TEXT CHECK (record_table IN ('essp', 'data_flow', 'complaint_system', 'perpetrator_care_site')),
    record_id INTEGER,
    document TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK (kind <> 'figure' OR (figure IS NOT NULL AND unit_level IS NOT NULL AND unit_code IS NOT NULL)),
    CHECK (kind <> 'record' OR (record_table IS NOT NULL AND record_id IS NOT NULL)),
    CHECK (kind <> 'document' OR document IS NOT NULL)
);
CREATE INDEX finding_evidence_finding ON finding_evidence (finding_id);

INSERT INTO finding_evidence (finding_id, kind, document, uuid, version, updated_at, updated_by, deleted)
SELECT id, 'document', evidence,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
           || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       1, updated_at, updated_by, deleted
FROM finding WHERE trim(coalesce(evidence, '')) <> '';
ALTER TABLE finding DROP COLUMN evidence;

CREATE TABLE recommendation_v8 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    axis INTEGER NOT NULL CHECK (axis BETWEEN 1 AND 7),
    scope_level TEXT NOT NULL CHECK (scope_level IN ('national', 'region', 'province', 'circonscription', 'essp')),
    region_id INTEGER REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    text TEXT NOT NULL,
    responsible TEXT,
    responsible_level TEXT CHECK (responsible_level IN ('essp', 'circonscription', 'delegation', 'drs_sres', 'gst', 'central')),
    horizon TEXT NOT NULL DEFAULT 'medium' CHECK (horizon IN ('short', 'medium', 'long')),
    priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
    cost_mad REAL CHECK (cost_mad IS NULL OR cost_mad >= 0),
    indicator TEXT,
    indicator_figure TEXT,
    indicator_unit_level TEXT CHECK (indicator_unit_level IN ('national', 'region', 'province', 'circonscription', 'essp')),
    indicator_unit_code TEXT,
    indicator_baseline REAL,
    indicator_target REAL,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
INSERT INTO recommendation_v8 (id, axis, scope_level, region_id, province_id, text, responsible, horizon, priority,
                               uuid, version, updated_at, updated_by, deleted)
SELECT id, axis, scope_level, region_id, province_id, text, responsible, horizon, priority,
       uuid, version, updated_at, updated_by, deleted
FROM recommendation;

CREATE TABLE recommendation_link_v8 AS
SELECT id AS recommendation_id, finding_id, updated_at, updated_by FROM recommendation WHERE finding_id IS NOT NULL;

DROP TABLE recommendation;
ALTER TABLE recommendation_v8 RENAME TO recommendation;

CREATE TABLE recommendation_finding (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id INTEGER NOT NULL REFERENCES recommendation (id),
    finding_id INTEGER NOT NULL REFERENCES finding (id),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (recommendation_id, finding_id)
);
-- every existing link carried over, stamped as the recommendation was (the link is as old as it)
INSERT INTO recommendation_finding (recommendation_id, finding_id, uuid, version, updated_at, updated_by, deleted)
SELECT recommendation_id, finding_id,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
           || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       1, updated_at, updated_by, 0
FROM recommendation_link_v8;

DROP TABLE recommendation_link_v8;
CREATE INDEX recommendation_finding_finding ON recommendation_finding (finding_id);
