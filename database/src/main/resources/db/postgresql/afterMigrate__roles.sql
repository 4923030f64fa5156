-- Team server roles (PostgreSQL only; Flyway runs this after every migrate, so tables added by a later version are
-- covered too). Members sign in with their own login role, made a member of one of these group roles:
--   essp_coordinator  everything (initialises the mission, may hard-delete)
--   essp_consultant   reads, inserts and updates (a delete is a soft delete: deleted = true); never DELETE or TRUNCATE
--   essp_reader       reads only (reports, indices)
-- The server enforces them, whatever the client does. The group roles are created once per PostgreSQL cluster by a
-- user that may create roles; otherwise a NOTICE says so and only the grants to existing group roles are made.
DO $$
DECLARE
    may_create boolean := (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user);
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['essp_coordinator', 'essp_consultant', 'essp_reader'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_role) THEN
            IF may_create THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
            ELSE
                RAISE NOTICE 'role % does not exist and % may not create it: ask the database administrator', group_role, current_user;
            END IF;
        END IF;
    END LOOP;
    -- none of them may exist yet (an owner without CREATEROLE on a new cluster): then there is nobody to grant to
    SELECT string_agg(quote_ident(rolname), ', ') INTO group_role
        FROM pg_roles WHERE rolname IN ('essp_coordinator', 'essp_consultant', 'essp_reader');
    IF group_role IS NOT NULL THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %s', current_database(), group_role);
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'essp_coordinator') THEN
        GRANT USAGE ON SCHEMA public TO essp_coordinator;
        GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES ON ALL TABLES IN SCHEMA public TO essp_coordinator;
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO essp_coordinator;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'essp_consultant') THEN
        GRANT USAGE ON SCHEMA public TO essp_consultant;
        REVOKE DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM essp_consultant;
        GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO essp_consultant;
        REVOKE INSERT, UPDATE ON flyway_schema_history FROM essp_consultant;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO essp_consultant;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'essp_reader') THEN
        GRANT USAGE ON SCHEMA public TO essp_reader;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM essp_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO essp_reader;
    END IF;
END
$$;

-- Row-level security keyed on the member (schema V18 on): a consultant inserts, updates and soft-deletes only the rows
-- of its own scope, the regions and provinces member_scope gives to its login (current_user). A row's place is the
-- most precise of its ESSP, circonscription, province or region (directly or through the row it belongs to: an
-- answer through its assessment, a training session through its cohort...), see scope_rule below. Rows of the whole
-- mission (the mission, its settings, catalogues, training programmes, member_scope itself) are the coordinator's;
-- team_member and the synchronisation's own bookkeeping (audit_log, sync_log, merge_run, merge_journal, merge_alias)
-- are written by everyone who synchronises. A table missing from scope_rule (a later version's) is the
-- coordinator's until it is added there. Every role reads every row; the coordinator writes every row; the tables'
-- owner (who ran server init) is not subject to the policies. An update of a row outside the scope finds no row
-- (PostgreSQL filters it out); a row written into or moved out of the scope is refused with SQLSTATE 42501 and a
-- message naming the table and the row's uuid (essp_scope_check).
DO $rls$
DECLARE
    rule record;
    lookup text;
    t text;
BEGIN
    IF to_regclass('member_scope') IS NULL THEN
        RETURN;
    END IF;
    IF (SELECT count(*) FROM pg_roles WHERE rolname IN ('essp_coordinator', 'essp_consultant', 'essp_reader')) < 3 THEN
        RAISE NOTICE 'the group roles do not all exist: row-level security not set up (ask the database administrator)';
        RETURN;
    END IF;

    CREATE OR REPLACE FUNCTION essp_scope_region(region integer) RETURNS boolean LANGUAGE sql STABLE AS $f$
        SELECT EXISTS (SELECT 1 FROM member_scope s WHERE s.server_login = current_user AND NOT s.deleted
                       AND s.region_id = region AND s.province_id IS NULL)
    $f$;
    CREATE OR REPLACE FUNCTION essp_scope_province(province_ integer) RETURNS boolean LANGUAGE sql STABLE AS $f$
        SELECT EXISTS (SELECT 1 FROM member_scope s JOIN province p ON p.id = province_
                       WHERE s.server_login = current_user AND NOT s.deleted
                       AND (s.province_id = p.id OR s.province_id = p.parent_province_id
                            OR (s.province_id IS NULL AND s.region_id = p.region_id)))
    $f$;
    CREATE OR REPLACE FUNCTION essp_scope_circonscription(circonscription_ integer) RETURNS boolean LANGUAGE sql STABLE AS $f$
        SELECT essp_scope_province((SELECT c.province_id FROM circonscription c WHERE c.id = circonscription_))
    $f$;
    CREATE OR REPLACE FUNCTION essp_scope_essp(essp_ integer) RETURNS boolean LANGUAGE sql STABLE AS $f$
        SELECT essp_scope_circonscription((SELECT e.circonscription_id FROM essp e WHERE e.id = essp_))
    $f$;
    -- The most precise place given decides; none given: the whole mission's (no consultant's).
    CREATE OR REPLACE FUNCTION essp_scope_place(region integer, province_ integer, circonscription_ integer, essp_ integer)
            RETURNS boolean LANGUAGE sql STABLE AS $f$
        SELECT CASE WHEN essp_ IS NOT NULL THEN essp_scope_essp(essp_)
                    WHEN circonscription_ IS NOT NULL THEN essp_scope_circonscription(circonscription_)
                    WHEN province_ IS NOT NULL THEN essp_scope_province(province_)
                    WHEN region IS NOT NULL THEN essp_scope_region(region)
                    ELSE false END
    $f$;
    -- The refusal, raised by the server itself when a consultant writes a row outside its scope.
    CREATE OR REPLACE FUNCTION essp_scope_check(in_scope boolean, table_ text, row_uuid text) RETURNS boolean
            LANGUAGE plpgsql STABLE AS $f$
    BEGIN
        IF in_scope IS NOT TRUE THEN
            RAISE EXCEPTION 'outside the scope of %: row % of table % (essp-scope)', current_user, row_uuid, table_
                USING ERRCODE = '42501',
                      HINT = 'a consultant writes only the rows of the regions and provinces given to its login (essp-diag server member)';
        END IF;
        RETURN true;
    END
    $f$;

    -- Each scoped table and its place, as an expression over the row's own columns ('true': written by everyone).
    CREATE TEMPORARY TABLE scope_rule (table_name text PRIMARY KEY, place text NOT NULL) ON COMMIT DROP;
    INSERT INTO scope_rule VALUES
        ('team_member', 'true'), ('audit_log', 'true'), ('sync_log', 'true'), ('merge_run', 'true'),
        ('merge_journal', 'true'), ('merge_alias', 'true'),
        ('region', 'essp_scope_region(id)'),
        ('province', 'essp_scope_province(id)'),
        ('circonscription', 'essp_scope_province(province_id)'),
        ('commune', 'essp_scope_province(province_id)'),
        ('structure', 'essp_scope_place(region_id, province_id, circonscription_id, NULL)'),
        ('essp', 'essp_scope_circonscription(circonscription_id)'),
        ('staff_position', 'CASE WHEN essp_id IS NOT NULL THEN essp_scope_essp(essp_id) ELSE essp_scope_row(''structure'', structure_id) END'),
        ('staff_training', 'essp_scope_row(''staff_position'', staff_position_id)'),
        ('hr_relation', 'essp_scope_place(region_id, NULL, NULL, NULL)'),
        ('assessment', 'essp_scope_essp(essp_id)'),
        ('assessment_service', 'essp_scope_row(''assessment'', assessment_id)'),
        ('assessment_answer', 'essp_scope_row(''assessment'', assessment_id)'),
        ('data_flow', 'essp_scope_place(region_id, province_id, NULL, NULL)'),
        ('data_flow_observation', 'CASE WHEN essp_id IS NOT NULL THEN essp_scope_essp(essp_id) ELSE essp_scope_row(''data_flow'', data_flow_id) END'),
        ('data_verification', 'essp_scope_essp(essp_id)'),
        ('complaint_system', 'essp_scope_essp(essp_id)'),
        ('complaint_sample', 'essp_scope_essp(essp_id)'),
        ('circonscription_function', 'essp_scope_circonscription(circonscription_id)'),
        ('supervision_visit', 'essp_scope_place(NULL, NULL, circonscription_id, essp_id)'),
        ('perpetrator_care_site', 'CASE WHEN essp_id IS NOT NULL THEN essp_scope_essp(essp_id) WHEN structure_id IS NOT NULL THEN essp_scope_row(''structure'', structure_id) ELSE essp_scope_place(NULL, province_id, NULL, NULL) END'),
        ('perpetrator_care_period', 'essp_scope_row(''perpetrator_care_site'', site_id)'),
        ('perpetrator_care_stage', 'essp_scope_row(''perpetrator_care_site'', site_id)'),
        ('perpetrator_care_staff', 'essp_scope_row(''perpetrator_care_site'', site_id)'),
        ('perpetrator_care_referral', 'essp_scope_row(''perpetrator_care_period'', period_id)'),
        ('finding', 'essp_scope_place(region_id, province_id, circonscription_id, essp_id)'),
        ('finding_evidence', 'essp_scope_row(''finding'', finding_id)'),
        ('recommendation', 'essp_scope_place(region_id, province_id, NULL, NULL)'),
        ('recommendation_finding', 'essp_scope_row(''recommendation'', recommendation_id)'),
        ('system_checklist', 'essp_scope_place(region_id, province_id, circonscription_id, essp_id)'),
        ('training_cohort', 'essp_scope_place(region_id, NULL, NULL, NULL)'),
        ('training_session', 'essp_scope_row(''training_cohort'', cohort_id)'),
        ('training_project', 'essp_scope_row(''training_cohort'', cohort_id)'),
        ('training_participant', 'essp_scope_row(''training_cohort'', cohort_id)'),
        ('training_cost', 'CASE WHEN cohort_id IS NOT NULL THEN essp_scope_row(''training_cohort'', cohort_id) ELSE essp_scope_row(''training_session'', session_id) END'),
        ('training_attendance', 'essp_scope_row(''training_session'', session_id)'),
        ('training_project_member', 'essp_scope_row(''training_project'', project_id)');

    -- essp_scope_row(table, id): the place of a row another row belongs to (whose scope an answer, a session... is in).
    SELECT string_agg(format('WHEN %L THEN SELECT %s INTO in_scope FROM %I WHERE id = row_id;', table_name, place, table_name), E'\n')
        INTO lookup FROM scope_rule WHERE place <> 'true' AND to_regclass(table_name) IS NOT NULL;
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION essp_scope_row(table_ text, row_id integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $body$
        DECLARE in_scope boolean;
        BEGIN
            IF row_id IS NULL THEN
                RETURN false;
            END IF;
            CASE table_
            %s
            ELSE in_scope := false;
            END CASE;
            RETURN coalesce(in_scope, false);
        END
        $body$ $f$, lookup);

    -- essp_scope_allows(table, row as jsonb): whether the policies let the current login write that row (insert, or
    -- update to those values), with no row written: a push checks every row it writes before writing any, so that a
    -- refusal names them all (PostgreSQL stops at the first refused row). The same places as the policies below;
    -- true for whoever the consultant policies do not bind (superuser, owner, coordinator; a reader writes nothing).
    SELECT string_agg(format('WHEN %L THEN SELECT %s INTO in_scope FROM jsonb_populate_record(NULL::%I, row_);', table_name, place, table_name), E'\n')
        INTO lookup FROM scope_rule WHERE to_regclass(table_name) IS NOT NULL;
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION essp_scope_allows(table_ text, row_ jsonb) RETURNS boolean LANGUAGE plpgsql STABLE AS $body$
        DECLARE in_scope boolean;
        BEGIN
            IF (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
                    OR pg_has_role(current_user, 'essp_coordinator', 'MEMBER')
                    OR NOT pg_has_role(current_user, 'essp_consultant', 'MEMBER')
                    OR EXISTS (SELECT FROM pg_tables WHERE schemaname = current_schema() AND tablename = table_
                               AND pg_has_role(current_user, tableowner, 'MEMBER')) THEN
                RETURN true;
            END IF;
            CASE table_
            %s
            ELSE in_scope := false;
            END CASE;
            RETURN coalesce(in_scope, false);
        END
        $body$ $f$, lookup);

    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history' LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS essp_read ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS essp_coordinator ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS essp_consultant_insert ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS essp_consultant_update ON %I', t);
        EXECUTE format('CREATE POLICY essp_read ON %I FOR SELECT USING (true)', t);
        EXECUTE format('CREATE POLICY essp_coordinator ON %I TO essp_coordinator USING (true) WITH CHECK (true)', t);
        SELECT * INTO rule FROM scope_rule WHERE table_name = t;
        IF rule.place = 'true' THEN
            EXECUTE format('CREATE POLICY essp_consultant_insert ON %I FOR INSERT TO essp_consultant WITH CHECK (true)', t);
            EXECUTE format('CREATE POLICY essp_consultant_update ON %I FOR UPDATE TO essp_consultant USING (true) WITH CHECK (true)', t);
        ELSIF rule.place IS NOT NULL THEN
            EXECUTE format('CREATE POLICY essp_consultant_insert ON %I FOR INSERT TO essp_consultant WITH CHECK (essp_scope_check(%s, %L, uuid))',
                t, rule.place, t);
            EXECUTE format('CREATE POLICY essp_consultant_update ON %I FOR UPDATE TO essp_consultant USING (%s) WITH CHECK (essp_scope_check(%s, %L, uuid))',
                t, rule.place, rule.place, t);
        END IF;
    END LOOP;
END
$rls$;
