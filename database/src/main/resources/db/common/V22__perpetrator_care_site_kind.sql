-- Perpetrator-care sites (issue 13, ToR axis 6): the kind of site the consultation runs in.
--   psychiatric_service  a psychiatric service (hospital psychiatry department, mental-health centre)
--   hospital             another hospital service
--   essp                 an ESSP (primary-care facility), the one hosting it in essp_id
-- A site written before V22 is read as an ESSP site when it names its ESSP (essp_id), else as a hospital site.
-- database.rules.PerpetratorCareRules.site checks that an ESSP site names an ESSP of the site's province.
ALTER TABLE perpetrator_care_site ADD COLUMN kind TEXT NOT NULL DEFAULT 'hospital' CHECK (kind IN ('psychiatric_service', 'hospital', 'essp'));
UPDATE perpetrator_care_site SET kind = 'essp' WHERE essp_id IS NOT NULL;
