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
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %s', current_database(),
        (SELECT string_agg(quote_ident(rolname), ', ') FROM pg_roles WHERE rolname IN ('essp_coordinator', 'essp_consultant', 'essp_reader')));
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
