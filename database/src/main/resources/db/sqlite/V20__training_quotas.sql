-- Training plan: seat quotas per region for a cohort (issue 14). A quota caps how many of the cohort's participants
-- may come from a region (the participant's region: their structure's region, else that of its province or
-- circonscription, else the region of their ESSP); a region without a quota row is not capped (the cohort's seats
-- still are). Enrolling one more participant from a region whose quota is reached is refused
-- (database.rules.TrainingRules QUOTA_FULL); the gender balance per region is shown next to it
-- (reporting.training.TrainingBalance).
CREATE TABLE training_cohort_quota (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id INTEGER NOT NULL REFERENCES training_cohort (id),
    region_id INTEGER NOT NULL REFERENCES region (id),
    seats INTEGER NOT NULL CHECK (seats >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (cohort_id, region_id)
);

-- No audit trigger: since V4 the one writer (SyncedRows) records every change of a versioned row in audit_log.
