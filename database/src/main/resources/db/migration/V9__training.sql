-- Training plan (issue 14). Additive only: an older mission keeps its rows, the new columns start empty.
--
-- A programme's required hours: what a participant must attend to complete it (the MBA: 160 h of about 163 planned).
-- Empty: the programme's planned hours, else the cohort's sessions' hours (reporting.training.TrainingFigures).
ALTER TABLE training_programme ADD COLUMN required_hours REAL CHECK (required_hours IS NULL OR required_hours >= 0);

-- Certification: the certificate (diploma) number and date of a participant who graduated.
ALTER TABLE training_participant ADD COLUMN certificate_number TEXT;
ALTER TABLE training_participant ADD COLUMN certified_on DATE;

-- A cost line = unit cost × units, in one of the units below, charged to a funding line (e.g. "UE PASS III",
-- "Ministère"). amount_mad stays the line's amount (unit cost × units when both are given). Lines written before V9
-- have no unit: they are read as lump sums.
--   participant_day: accommodation, per diem, travel (per participant-day)   expert_day: Moroccan / European fees
--   venue_day: the room per day   participant: materials, tuition, travel band (per participant)   lump_sum: anything else
ALTER TABLE training_cost ADD COLUMN unit TEXT
    CHECK (unit IS NULL OR unit IN ('participant_day', 'expert_day', 'venue_day', 'participant', 'lump_sum'));
ALTER TABLE training_cost ADD COLUMN unit_cost_mad REAL CHECK (unit_cost_mad IS NULL OR unit_cost_mad >= 0);
ALTER TABLE training_cost ADD COLUMN units REAL CHECK (units IS NULL OR units >= 0);
ALTER TABLE training_cost ADD COLUMN funding_line TEXT;

CREATE INDEX training_session_cohort ON training_session (cohort_id);
CREATE INDEX training_attendance_participant ON training_attendance (participant_id);
CREATE INDEX training_cost_cohort ON training_cost (cohort_id);
