-- Training plan (issue 14, part A): evaluation of the sessions (Kirkpatrick levels 1-3) and the collective projects.
--
-- One evaluation row per participant and session: the pre-test and post-test scores (0-100, the share of the test's
-- points) and the reaction score (Kirkpatrick level 1, the participant's satisfaction on a 1-5 scale). Level 2 is the
-- learning gain = post - pre, computed (reporting.training.TrainingEvaluation), never stored. Each score may be empty
-- (a participant absent at the pre-test, no questionnaire returned).
CREATE TABLE training_evaluation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES training_session (id),
    participant_id INTEGER NOT NULL REFERENCES training_participant (id),
    pre_score REAL CHECK (pre_score IS NULL OR (pre_score >= 0 AND pre_score <= 100)),
    post_score REAL CHECK (post_score IS NULL OR (post_score >= 0 AND post_score <= 100)),
    reaction_score REAL CHECK (reaction_score IS NULL OR (reaction_score >= 1 AND reaction_score <= 5)),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (session_id, participant_id)
);
CREATE INDEX training_evaluation_participant ON training_evaluation (participant_id);

-- Kirkpatrick level 3 (behaviour): the circonscription function a session teaches (same codes as
-- circonscription_function.function_code). A participant working in a circonscription reaches level 3 when a
-- supervision visit of that circonscription took place after the session and the circonscription records the
-- function as held (circonscription_function.held = 'held'). Empty: the session is not evaluated at level 3.
ALTER TABLE training_session ADD COLUMN target_function TEXT
    CHECK (target_function IS NULL OR target_function IN ('planning', 'programme_monitoring', 'supervision', 'data_collection', 'complaint_follow_up', 'training'));

-- Collective (diploma) projects: the theme is linked to a ToR axis (1-7) or to a reform of the health system
-- (framework law 06-22: the territorial health groups, the regional health map, the health civil service, the
-- generalisation of health insurance, the health information system); the supervisor who guided the team. The team
-- is training_project_member (V1), the defence date and result are V1's defended_on and result.
ALTER TABLE training_project ADD COLUMN axis INTEGER CHECK (axis IS NULL OR axis BETWEEN 1 AND 7);
ALTER TABLE training_project ADD COLUMN reform TEXT
    CHECK (reform IS NULL OR reform IN ('gst', 'regional_health_map', 'health_civil_service', 'health_insurance', 'information_system'));
ALTER TABLE training_project ADD COLUMN supervisor TEXT;
CREATE INDEX training_project_cohort ON training_project (cohort_id);

-- No audit trigger: since V4 the one writer (SyncedRows) records every change of a versioned row in audit_log.
