-- Complaint systems above the ESSP (issue 12, axis 3): PostgreSQL twin of the SQLite V23. A complaint system belongs
-- to exactly one of essp_id (an ESSP), province_id (a province's délégation) or region_id (a region's GST); see the
-- SQLite migration for the meaning. PostgreSQL drops the NOT NULL in place (the SQLite file rebuilds the table, which
-- here would leave the identity sequence behind the copied ids); existing rows are ESSP systems, unchanged.
ALTER TABLE complaint_system ALTER COLUMN essp_id DROP NOT NULL;
ALTER TABLE complaint_system ADD COLUMN province_id INTEGER UNIQUE REFERENCES province (id);
ALTER TABLE complaint_system ADD COLUMN region_id INTEGER UNIQUE REFERENCES region (id);
ALTER TABLE complaint_system ADD CONSTRAINT complaint_system_one_holder
    CHECK ((essp_id IS NOT NULL)::int + (province_id IS NOT NULL)::int + (region_id IS NOT NULL)::int = 1);
