-- Complaint system checklist (issue 12, axis 3): the two items of the World Bank grievance-mechanism assessment that
-- V1 did not record — an escalation path (a complainant unhappy with the answer can take it further: délégation,
-- chikaya.ma) and whether complaints are analysed and the analysis fed back (to staff, to users). Both default to
-- "not in place" (0), so a system recorded before V7 scores them as absent until the team answers them.
-- The maturity rubric that uses them is documented in docs/complaints-maturity.md.
-- Complaint deadlines are mission settings (mission_setting, V5), not columns: complaints.acknowledge_days
-- (default 15, to be confirmed by the team) and complaints.response_days (default 60, decree 2-17-265).
ALTER TABLE complaint_system ADD COLUMN escalation BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE complaint_system ADD COLUMN analysed_fed_back BOOLEAN NOT NULL DEFAULT 0;
