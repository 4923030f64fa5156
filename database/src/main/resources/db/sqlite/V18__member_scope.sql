-- Team server: the territory each member may write on the server. One row per region (province_id NULL: the whole
-- region) or province (the préfectures d'arrondissements of a prefecture come with it) given to a member, with the
-- PostgreSQL login the member signs in with. On the server, row-level security (db/postgresql/afterMigrate__roles.sql)
-- lets a login of the group role essp_consultant insert and update only the rows of its scope; only a coordinator
-- writes this table (essp-diag server member). In a mission file it is plain data, pulled from the server.
CREATE TABLE member_scope (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team_member_id INTEGER NOT NULL REFERENCES team_member (id),
    server_login TEXT NOT NULL,
    region_id INTEGER NOT NULL REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX member_scope_login ON member_scope (server_login);
