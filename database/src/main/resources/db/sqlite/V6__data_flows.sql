-- Data flows (ToR axis 2): what a chain link needs beyond V1, and the data verification recounts.

-- A link of a reporting chain: the tool the data travels in at that link (NULL = the report type's own tool) and
-- whether the receiving level types the data again (re-keying: each one is a chance of a transcription error; the
-- number of re-keyed links from the ESSP to the central level is a figure of its own).
ALTER TABLE data_flow ADD COLUMN tool TEXT CHECK (tool IN ('paper', 'smi_pf', 'isilat', 'excel', 'dhis2', 'other_software'));
ALTER TABLE data_flow ADD COLUMN rekeyed BOOLEAN NOT NULL DEFAULT 0;

-- Data verification (WHO DQR / RDQA): for one ESSP, one indicator and one month, the value recounted from the
-- ESSP's register beside the value of its monthly report. Verification factor = recounted / reported (see
-- reporting.dataflow.DataVerification). A discrepancy carries a reason code.
CREATE TABLE data_verification (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    essp_id INTEGER NOT NULL REFERENCES essp (id),
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    recounted INTEGER CHECK (recounted >= 0),
    reported INTEGER CHECK (reported >= 0),
    reason TEXT CHECK (reason IN ('register_missing', 'transcription_error', 'late_entry', 'other')),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX data_verification_essp ON data_verification (essp_id);

-- No audit trigger: since V4 the one writer (SyncedRows) records every change of a versioned row in audit_log.
