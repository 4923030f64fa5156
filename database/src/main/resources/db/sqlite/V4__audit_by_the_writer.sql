-- Schema 4: the audit trail is written by the application's one writer (SyncedRows), not by triggers.
-- The 40 copied triggers of V1 recorded only "row X went from version n to n+1"; a three-way merge of two laptops
-- needs the value each changed field had before (the common base) and after, who changed it and on which laptop.
-- The writer now inserts one audit row per changed field in the same transaction as the change, so a second
-- database vendor's migrations only need this table, not 40 triggers.

DROP TRIGGER IF EXISTS mission_audit;
DROP TRIGGER IF EXISTS team_member_audit;
DROP TRIGGER IF EXISTS region_audit;
DROP TRIGGER IF EXISTS province_audit;
DROP TRIGGER IF EXISTS circonscription_audit;
DROP TRIGGER IF EXISTS commune_audit;
DROP TRIGGER IF EXISTS structure_audit;
DROP TRIGGER IF EXISTS essp_audit;
DROP TRIGGER IF EXISTS staff_position_audit;
DROP TRIGGER IF EXISTS staff_training_audit;
DROP TRIGGER IF EXISTS hr_relation_audit;
DROP TRIGGER IF EXISTS pms_catalogue_version_audit;
DROP TRIGGER IF EXISTS pms_service_area_audit;
DROP TRIGGER IF EXISTS pms_service_audit;
DROP TRIGGER IF EXISTS pms_item_audit;
DROP TRIGGER IF EXISTS pms_service_requirement_audit;
DROP TRIGGER IF EXISTS assessment_audit;
DROP TRIGGER IF EXISTS assessment_service_audit;
DROP TRIGGER IF EXISTS assessment_answer_audit;
DROP TRIGGER IF EXISTS report_type_audit;
DROP TRIGGER IF EXISTS data_flow_audit;
DROP TRIGGER IF EXISTS data_flow_observation_audit;
DROP TRIGGER IF EXISTS complaint_system_audit;
DROP TRIGGER IF EXISTS complaint_sample_audit;
DROP TRIGGER IF EXISTS circonscription_function_audit;
DROP TRIGGER IF EXISTS supervision_visit_audit;
DROP TRIGGER IF EXISTS perpetrator_care_site_audit;
DROP TRIGGER IF EXISTS perpetrator_care_staff_audit;
DROP TRIGGER IF EXISTS perpetrator_care_period_audit;
DROP TRIGGER IF EXISTS perpetrator_care_referral_audit;
DROP TRIGGER IF EXISTS training_programme_audit;
DROP TRIGGER IF EXISTS training_cohort_audit;
DROP TRIGGER IF EXISTS training_session_audit;
DROP TRIGGER IF EXISTS training_participant_audit;
DROP TRIGGER IF EXISTS training_attendance_audit;
DROP TRIGGER IF EXISTS training_project_audit;
DROP TRIGGER IF EXISTS training_project_member_audit;
DROP TRIGGER IF EXISTS training_cost_audit;
DROP TRIGGER IF EXISTS finding_audit;
DROP TRIGGER IF EXISTS recommendation_audit;

-- One row per changed field of one row version (action update/delete/restore), or one row per new row (insert).
--   member_uuid  team_member.uuid of who changed it (rows kept from schema 1-3 hold the operating-system user name)
--   device_id    stable id of the laptop (NULL on rows kept from schema 1-3)
--   field        column name; NULL on insert rows and on the version-only rows kept from schema 1-3
--   old_value, new_value  the column's value before and after as text (NULL = SQL NULL): numbers in Java's
--                decimal form, booleans true/false, dates ISO-8601; jOOQ's DataType.convert reads them back
CREATE TABLE audit_log_v4 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    member_uuid TEXT NOT NULL,
    device_id TEXT,
    table_name TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    old_version INTEGER,
    new_version INTEGER
);
INSERT INTO audit_log_v4 (id, at, member_uuid, device_id, table_name, row_uuid, action, field, old_value, new_value,
                          old_version, new_version)
SELECT id, at, by, NULL, table_name, row_uuid, action, NULL, NULL, NULL, old_version, new_version FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v4 RENAME TO audit_log;
CREATE INDEX audit_log_row ON audit_log (row_uuid);
CREATE INDEX audit_log_table_at ON audit_log (table_name, at);
