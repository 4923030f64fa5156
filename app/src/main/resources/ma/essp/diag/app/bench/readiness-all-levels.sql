-- Baseline of the benchmark "readiness: all indices at all levels": the same SARA rules as
-- ma.essp.diag.reporting.readiness, in one SQL statement run by the sqlite3 shell. Per ESSP (latest assessment):
-- general and offered-service domain scores, the indices (undefined when a domain with applicable items has no
-- answer), then unweighted means of indices and domain scores per circonscription, province, region and nation.
-- An answer "available and functioning" counts only when observed (or without a recorded source) for medicines and
-- diagnostics, for equipment unless the mission setting readiness.reported_equipment is 'true', and whatever its
-- source for the other domains (WHO SARA).
WITH setting AS (
    SELECT coalesce((SELECT lower(trim(value)) = 'true' FROM mission_setting
                     WHERE key = 'readiness.reported_equipment' AND deleted = 0), 0) AS reported_equipment
), sel AS (
    SELECT id, essp_id, catalogue_version_id FROM (
        SELECT a.id, a.essp_id, a.catalogue_version_id,
               row_number() OVER (PARTITION BY a.essp_id ORDER BY a.assessed_on DESC, a.id DESC) AS rn
        FROM assessment a JOIN essp e ON e.id = a.essp_id AND e.deleted = 0
        WHERE a.deleted = 0)
    WHERE rn = 1
), dom AS (
    SELECT s.essp_id, coalesce(i.service_id, 0) AS service_id, i.domain_code,
           sum(coalesce(an.state, 'missing') <> 'not_applicable') AS applicable,
           sum(an.state IN ('available_functioning', 'available_not_functioning', 'absent')) AS answered,
           sum(an.state = 'available_functioning' AND (
               an.source IS NULL OR an.source <> 'reported'
               OR i.domain_code IN ('basic_amenities', 'standard_precautions', 'staff_guidelines')
               OR (i.domain_code IN ('basic_equipment', 'equipment') AND (SELECT reported_equipment FROM setting)))) AS available
    FROM sel s
    JOIN pms_item i ON i.version_id = s.catalogue_version_id AND i.deleted = 0 AND i.in_scope = 1
    LEFT JOIN assessment_answer an ON an.assessment_id = s.id AND an.item_id = i.id AND an.deleted = 0
    WHERE i.service_id IS NULL
       OR EXISTS (SELECT 1 FROM assessment_service sv
                  WHERE sv.assessment_id = s.id AND sv.service_id = i.service_id AND sv.offered = 1 AND sv.deleted = 0)
    GROUP BY s.essp_id, i.service_id, i.domain_code
), idx AS (
    SELECT essp_id, service_id,
           CASE WHEN sum(applicable > 0 AND answered = 0) > 0 OR sum(applicable > 0) = 0 THEN NULL
                ELSE avg(CASE WHEN applicable > 0 THEN 100.0 * available / answered END) END AS value
    FROM dom GROUP BY essp_id, service_id
), figures AS (
    SELECT essp_id, 'index' AS figure, service_id, value FROM idx
    UNION ALL
    SELECT essp_id, domain_code, 0, CASE WHEN answered > 0 THEN 100.0 * available / answered END FROM dom WHERE service_id = 0
), geo AS (
    SELECT e.id AS essp_id, c.id AS circonscription_id, p.id AS province_id, p.region_id
    FROM essp e JOIN circonscription c ON c.id = e.circonscription_id JOIN province p ON p.id = c.province_id
    WHERE e.deleted = 0
)
SELECT 'circonscription', g.circonscription_id, f.figure, f.service_id, avg(f.value), count(f.value)
FROM figures f JOIN geo g USING (essp_id) GROUP BY g.circonscription_id, f.figure, f.service_id
UNION ALL
SELECT 'province', g.province_id, f.figure, f.service_id, avg(f.value), count(f.value)
FROM figures f JOIN geo g USING (essp_id) GROUP BY g.province_id, f.figure, f.service_id
UNION ALL
SELECT 'region', g.region_id, f.figure, f.service_id, avg(f.value), count(f.value)
FROM figures f JOIN geo g USING (essp_id) GROUP BY g.region_id, f.figure, f.service_id
UNION ALL
SELECT 'national', 0, f.figure, f.service_id, avg(f.value), count(f.value)
FROM figures f JOIN geo g USING (essp_id) GROUP BY f.figure, f.service_id;
