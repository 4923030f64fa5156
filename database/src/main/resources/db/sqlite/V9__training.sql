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

-- The calendar's context: Moroccan public holidays and the Ramadan period, shown next to the sessions (a session may
-- fall on them: the team sees it, nothing refuses it). Mission rows, editable like any other (SyncedRows), seeded for
-- 2026-2027: the civil holidays on their fixed dates; the religious ones and Ramadan as the astronomical calendar
-- estimates them (labelled so: the Ministry of Habous and Islamic Affairs fixes each by moon sighting, a day's shift
-- is common). Stamped as reference data ('reference-data'), with fixed uuids so that every mission starts from the same rows.
CREATE TABLE calendar_context (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('public_holiday', 'ramadan')),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-01-01', '2026-01-01', 'Nouvel an', 'New Year''s Day', 'رأس السنة الميلادية', '9e0c0a1d-0009-4000-8000-000000000001', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-01-11', '2026-01-11', 'Manifeste de l''indépendance', 'Independence Manifesto Day', 'ذكرى تقديم وثيقة الاستقلال', '9e0c0a1d-0009-4000-8000-000000000002', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-01-14', '2026-01-14', 'Nouvel an amazigh', 'Amazigh New Year', 'رأس السنة الأمازيغية', '9e0c0a1d-0009-4000-8000-000000000003', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('ramadan', '2026-02-19', '2026-03-19', 'Ramadan (dates estimées)', 'Ramadan (estimated dates)', 'رمضان (تواريخ تقديرية)', '9e0c0a1d-0009-4000-8000-000000000004', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-03-20', '2026-03-21', 'Aïd al-Fitr (date estimée)', 'Eid al-Fitr (estimated date)', 'عيد الفطر (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000005', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-05-01', '2026-05-01', 'Fête du travail', 'Labour Day', 'عيد الشغل', '9e0c0a1d-0009-4000-8000-000000000006', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-05-27', '2026-05-28', 'Aïd al-Adha (date estimée)', 'Eid al-Adha (estimated date)', 'عيد الأضحى (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000007', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-06-16', '2026-06-16', '1er Moharram (date estimée)', 'Islamic New Year (estimated date)', 'فاتح محرم (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000008', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-07-30', '2026-07-30', 'Fête du Trône', 'Throne Day', 'عيد العرش', '9e0c0a1d-0009-4000-8000-000000000009', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-08-14', '2026-08-14', 'Allégeance Oued Eddahab', 'Oued Eddahab Allegiance Day', 'ذكرى استرجاع وادي الذهب', '9e0c0a1d-0009-4000-8000-000000000010', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-08-20', '2026-08-20', 'Révolution du Roi et du Peuple', 'Revolution of the King and the People', 'ذكرى ثورة الملك والشعب', '9e0c0a1d-0009-4000-8000-000000000011', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-08-21', '2026-08-21', 'Fête de la jeunesse', 'Youth Day', 'عيد الشباب', '9e0c0a1d-0009-4000-8000-000000000012', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-08-25', '2026-08-26', 'Aïd al-Mawlid (date estimée)', 'Mawlid (estimated date)', 'عيد المولد النبوي (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000013', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-11-06', '2026-11-06', 'Marche verte', 'Green March', 'ذكرى المسيرة الخضراء', '9e0c0a1d-0009-4000-8000-000000000014', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2026-11-18', '2026-11-18', 'Fête de l''indépendance', 'Independence Day', 'عيد الاستقلال', '9e0c0a1d-0009-4000-8000-000000000015', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-01-01', '2027-01-01', 'Nouvel an', 'New Year''s Day', 'رأس السنة الميلادية', '9e0c0a1d-0009-4000-8000-000000000016', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-01-11', '2027-01-11', 'Manifeste de l''indépendance', 'Independence Manifesto Day', 'ذكرى تقديم وثيقة الاستقلال', '9e0c0a1d-0009-4000-8000-000000000017', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-01-14', '2027-01-14', 'Nouvel an amazigh', 'Amazigh New Year', 'رأس السنة الأمازيغية', '9e0c0a1d-0009-4000-8000-000000000018', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('ramadan', '2027-02-08', '2027-03-09', 'Ramadan (dates estimées)', 'Ramadan (estimated dates)', 'رمضان (تواريخ تقديرية)', '9e0c0a1d-0009-4000-8000-000000000019', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-03-10', '2027-03-11', 'Aïd al-Fitr (date estimée)', 'Eid al-Fitr (estimated date)', 'عيد الفطر (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000020', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-05-01', '2027-05-01', 'Fête du travail', 'Labour Day', 'عيد الشغل', '9e0c0a1d-0009-4000-8000-000000000021', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-05-17', '2027-05-18', 'Aïd al-Adha (date estimée)', 'Eid al-Adha (estimated date)', 'عيد الأضحى (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000022', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-06-06', '2027-06-06', '1er Moharram (date estimée)', 'Islamic New Year (estimated date)', 'فاتح محرم (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000023', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-07-30', '2027-07-30', 'Fête du Trône', 'Throne Day', 'عيد العرش', '9e0c0a1d-0009-4000-8000-000000000024', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-08-14', '2027-08-14', 'Allégeance Oued Eddahab', 'Oued Eddahab Allegiance Day', 'ذكرى استرجاع وادي الذهب', '9e0c0a1d-0009-4000-8000-000000000025', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-08-15', '2027-08-16', 'Aïd al-Mawlid (date estimée)', 'Mawlid (estimated date)', 'عيد المولد النبوي (تاريخ تقديري)', '9e0c0a1d-0009-4000-8000-000000000026', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-08-20', '2027-08-20', 'Révolution du Roi et du Peuple', 'Revolution of the King and the People', 'ذكرى ثورة الملك والشعب', '9e0c0a1d-0009-4000-8000-000000000027', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-08-21', '2027-08-21', 'Fête de la jeunesse', 'Youth Day', 'عيد الشباب', '9e0c0a1d-0009-4000-8000-000000000028', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-11-06', '2027-11-06', 'Marche verte', 'Green March', 'ذكرى المسيرة الخضراء', '9e0c0a1d-0009-4000-8000-000000000029', '2026-12-07T00:00:00Z', 'reference-data');
INSERT INTO calendar_context (kind, starts_on, ends_on, label_fr, label_en, label_ar, uuid, updated_at, updated_by) VALUES ('public_holiday', '2027-11-18', '2027-11-18', 'Fête de l''indépendance', 'Independence Day', 'عيد الاستقلال', '9e0c0a1d-0009-4000-8000-000000000030', '2026-12-07T00:00:00Z', 'reference-data');
