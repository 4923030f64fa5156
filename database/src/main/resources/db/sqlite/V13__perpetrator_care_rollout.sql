-- Perpetrator-care model roll-out (issue 13, ToR axis 6). Additive only: an older mission keeps its rows.
--
-- The stages a site has reached (and those planned), one row per site and stage: the date the stage was reached
-- (reached_on, null while it is only planned) and the date it was planned for (planned_on, null when not planned).
-- The site's current stage stays perpetrator_care_site.stage / stage_since; a site written before V13 has no rows
-- here and is read as having reached its current stage on stage_since. Stage codes map to EPIS
-- (reporting.perpetrator.PerpetratorCareFigures#epis): identified → exploration; preparation, staff_trained →
-- preparation; launched → implementation; routine → sustainment; suspended outside the four phases.
CREATE TABLE perpetrator_care_stage (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES perpetrator_care_site (id),
    stage TEXT NOT NULL CHECK (stage IN ('identified', 'preparation', 'staff_trained', 'launched', 'routine', 'suspended')),
    planned_on DATE,
    reached_on DATE,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (site_id, stage)
);
CREATE INDEX perpetrator_care_stage_site ON perpetrator_care_stage (site_id);

-- The trained person's name, as the training recorded it: the staff record (staff_position_id) is the post; the
-- person is still in post while that record is live, not vacant nor seconded, and its holder is still this person
-- (a transfer shows as another holder). Empty for rows written before V13: the post alone is then checked.
ALTER TABLE perpetrator_care_staff ADD COLUMN full_name TEXT;

CREATE INDEX perpetrator_care_staff_site ON perpetrator_care_staff (site_id);
CREATE INDEX perpetrator_care_period_site ON perpetrator_care_period (site_id);
CREATE INDEX perpetrator_care_referral_period ON perpetrator_care_referral (period_id);
