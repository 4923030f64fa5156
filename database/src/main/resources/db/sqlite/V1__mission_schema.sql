-- ESSP Diagnostic mission schema, version 1.
-- One mission = one SQLite file. Every row consultants edit carries the synchronisation columns
-- (uuid, version, updated_at, updated_by, deleted) so that laptops can be merged later without a server.
-- Enumerations are stored as English codes with CHECK constraints; labels live in the UI bundles.

-- ============================================================ mission
CREATE TABLE mission (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    description TEXT,
    beneficiary TEXT NOT NULL DEFAULT 'Ministère de la Santé et de la Protection Sociale',
    funder TEXT NOT NULL DEFAULT 'Union européenne',
    started_on DATE,
    ended_on DATE,
    as_of_date DATE,
    synthetic BOOLEAN NOT NULL DEFAULT 0,
    demo_scale TEXT CHECK (demo_scale IN ('small', 'region', 'national')),
    demo_seed INTEGER,
    created_at TEXT NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE team_member (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name TEXT NOT NULL,
    initials TEXT,
    role TEXT NOT NULL DEFAULT 'expert' CHECK (role IN ('team_leader', 'key_expert', 'expert', 'assistant', 'counterpart')),
    email TEXT,
    laptop_label TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('update', 'delete', 'restore')),
    old_version INTEGER,
    new_version INTEGER
);
CREATE INDEX audit_log_row ON audit_log (row_uuid);

-- ============================================================ territory
CREATE TABLE region (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    iso_code TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    population_2024 INTEGER NOT NULL CHECK (population_2024 >= 0),
    households_2024 INTEGER CHECK (households_2024 >= 0),
    communes INTEGER,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE province (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    region_id INTEGER NOT NULL REFERENCES region (id),
    -- Casablanca's préfectures d'arrondissements point to the Casablanca prefecture
    parent_province_id INTEGER REFERENCES province (id),
    type TEXT NOT NULL CHECK (type IN ('province', 'prefecture', 'prefecture_of_arrondissements')),
    iso_code TEXT UNIQUE,
    name_fr TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    population_2024 INTEGER NOT NULL CHECK (population_2024 >= 0),
    households_2024 INTEGER CHECK (households_2024 >= 0),
    cercles INTEGER,
    communes INTEGER,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX province_region ON province (region_id);

CREATE TABLE circonscription (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    province_id INTEGER NOT NULL REFERENCES province (id),
    code TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_ar TEXT,
    milieu TEXT NOT NULL CHECK (milieu IN ('rural', 'urban')),
    -- rural: the caïdat and its communes; urban: the arrondissement or urban commune
    coverage TEXT,
    seat TEXT,
    head_name TEXT,
    population INTEGER CHECK (population >= 0),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX circonscription_province ON circonscription (province_id);

CREATE TABLE commune (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    province_id INTEGER NOT NULL REFERENCES province (id),
    circonscription_id INTEGER REFERENCES circonscription (id),
    name_fr TEXT NOT NULL,
    name_ar TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('rural_commune', 'urban_commune', 'arrondissement')),
    population INTEGER CHECK (population >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX commune_circonscription ON commune (circonscription_id);

-- Administrative structures: DRS and its SRES per region, délégation per province, the GST that takes
-- over a region on takeover_on, circonscription offices, central directorates, hospitals, others.
CREATE TABLE structure (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('drs', 'sres', 'delegation', 'gst', 'circonscription_office', 'central', 'hospital', 'other')),
    region_id INTEGER REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    circonscription_id INTEGER REFERENCES circonscription (id),
    name_fr TEXT NOT NULL,
    name_ar TEXT,
    seat TEXT,
    head_name TEXT,
    legal_act TEXT,
    created_on DATE,
    -- GST only: the date it effectively takes over the region from the DRS
    takeover_on DATE,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK (kind <> 'gst' OR region_id IS NOT NULL),
    CHECK (kind <> 'delegation' OR province_id IS NOT NULL),
    CHECK (takeover_on IS NULL OR kind = 'gst')
);
CREATE UNIQUE INDEX structure_one_gst_per_region ON structure (region_id) WHERE kind = 'gst' AND deleted = 0;
CREATE UNIQUE INDEX structure_one_drs_per_region ON structure (region_id) WHERE kind = 'drs' AND deleted = 0;
CREATE INDEX structure_province ON structure (province_id);

-- ============================================================ ESSP
CREATE TABLE essp_category (
    code TEXT PRIMARY KEY,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    milieu TEXT CHECK (milieu IN ('rural', 'urban')),
    level INTEGER,
    delivery_unit BOOLEAN NOT NULL DEFAULT 0,
    legacy BOOLEAN NOT NULL DEFAULT 0,
    related_structure BOOLEAN NOT NULL DEFAULT 0,
    -- the current category a legacy name corresponds to
    equivalent_code TEXT REFERENCES essp_category (code),
    sort_order INTEGER NOT NULL
);

CREATE TABLE essp (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_ar TEXT,
    category_code TEXT NOT NULL REFERENCES essp_category (code),
    circonscription_id INTEGER NOT NULL REFERENCES circonscription (id),
    commune_id INTEGER REFERENCES commune (id),
    milieu TEXT NOT NULL CHECK (milieu IN ('rural', 'urban')),
    delivery_unit BOOLEAN NOT NULL DEFAULT 0,
    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    population_served INTEGER CHECK (population_served >= 0),
    functionality TEXT NOT NULL DEFAULT 'fully' CHECK (functionality IN ('fully', 'partially', 'not_functioning')),
    functionality_reason TEXT,
    opening_hours TEXT,
    address TEXT,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX essp_circonscription ON essp (circonscription_id);
CREATE INDEX essp_by_category ON essp (category_code);

-- ============================================================ human resources
CREATE TABLE cadre (
    code TEXT PRIMARY KEY,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    -- doctors, nurses and midwives: the WHO 23 per 10,000 core health workers benchmark
    core_health_worker BOOLEAN NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL
);

CREATE TABLE staff_position (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    essp_id INTEGER REFERENCES essp (id),
    structure_id INTEGER REFERENCES structure (id),
    cadre_code TEXT NOT NULL REFERENCES cadre (code),
    employer TEXT NOT NULL DEFAULT 'ministry' CHECK (employer IN ('ministry', 'gst', 'commune', 'other')),
    status TEXT NOT NULL DEFAULT 'filled' CHECK (status IN ('filled', 'vacant', 'contract', 'on_leave', 'seconded')),
    fte REAL NOT NULL DEFAULT 1 CHECK (fte >= 0 AND fte <= 1),
    gender TEXT CHECK (gender IN ('f', 'm')),
    holder_name TEXT,
    job_title TEXT,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK ((essp_id IS NULL) <> (structure_id IS NULL))
);
CREATE INDEX staff_position_essp ON staff_position (essp_id);
CREATE INDEX staff_position_structure ON staff_position (structure_id);

CREATE TABLE staff_training (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_position_id INTEGER NOT NULL REFERENCES staff_position (id),
    title TEXT NOT NULL,
    topic TEXT,
    year INTEGER,
    hours REAL CHECK (hours >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX staff_training_position ON staff_training (staff_position_id);

CREATE TABLE hr_function (
    code TEXT PRIMARY KEY,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

-- Who holds each HR function for the ESSPs of a region today, and who will under the GST.
CREATE TABLE hr_relation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id INTEGER NOT NULL REFERENCES region (id),
    function_code TEXT NOT NULL REFERENCES hr_function (code),
    holder_today TEXT NOT NULL CHECK (holder_today IN ('ministry', 'drs', 'delegation', 'gst', 'essp', 'commune', 'shared', 'unknown')),
    holder_under_gst TEXT NOT NULL CHECK (holder_under_gst IN ('ministry', 'drs', 'delegation', 'gst', 'essp', 'commune', 'shared', 'unknown')),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (region_id, function_code)
);

-- ============================================================ PMS catalogue and SARA assessments
CREATE TABLE sara_domain (
    code TEXT PRIMARY KEY,
    -- general: the five domains of the general service readiness index; service: service-specific readiness
    scope TEXT NOT NULL CHECK (scope IN ('general', 'service')),
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE pms_catalogue_version (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    based_on_id INTEGER REFERENCES pms_catalogue_version (id),
    published_on DATE,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE pms_service_area (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES pms_catalogue_version (id),
    code TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT,
    label_ar TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (version_id, code)
);

CREATE TABLE pms_service (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES pms_catalogue_version (id),
    area_id INTEGER NOT NULL REFERENCES pms_service_area (id),
    code TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT,
    label_ar TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (version_id, code)
);

-- Tracer items. service_id NULL: a general readiness item (domain of scope 'general');
-- otherwise an item of the service's specific readiness (domain of scope 'service').
CREATE TABLE pms_item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES pms_catalogue_version (id),
    service_id INTEGER REFERENCES pms_service (id),
    domain_code TEXT NOT NULL REFERENCES sara_domain (code),
    code TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT,
    label_ar TEXT,
    -- 0 when the item does not apply in Morocco (e.g. malaria diagnosis): left out of every index
    in_scope BOOLEAN NOT NULL DEFAULT 1,
    note TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (version_id, code)
);
CREATE INDEX pms_item_service ON pms_item (service_id);

CREATE TABLE pms_service_requirement (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER NOT NULL REFERENCES pms_service (id),
    category_code TEXT NOT NULL REFERENCES essp_category (code),
    requirement TEXT NOT NULL CHECK (requirement IN ('required', 'optional', 'not_expected')),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (service_id, category_code)
);

CREATE TABLE assessment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    essp_id INTEGER NOT NULL REFERENCES essp (id),
    catalogue_version_id INTEGER NOT NULL REFERENCES pms_catalogue_version (id),
    assessed_on DATE NOT NULL,
    assessor_id INTEGER REFERENCES team_member (id),
    assessor_name TEXT,
    status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'complete')),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX assessment_essp ON assessment (essp_id, assessed_on);

-- The services the ESSP actually offers at the time of the assessment.
CREATE TABLE assessment_service (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id),
    service_id INTEGER NOT NULL REFERENCES pms_service (id),
    offered BOOLEAN NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (assessment_id, service_id)
);

-- SARA answer states; an item without a row is 'missing' as well.
CREATE TABLE assessment_answer (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id),
    item_id INTEGER NOT NULL REFERENCES pms_item (id),
    state TEXT NOT NULL CHECK (state IN ('available_functioning', 'available_not_functioning', 'absent', 'not_applicable', 'missing')),
    source TEXT CHECK (source IN ('observed', 'reported')),
    comment TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (assessment_id, item_id)
);

-- ============================================================ data flows
CREATE TABLE report_type (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_en TEXT,
    name_ar TEXT,
    programme TEXT NOT NULL,
    periodicity TEXT NOT NULL CHECK (periodicity IN ('weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'on_event')),
    tool TEXT NOT NULL CHECK (tool IN ('paper', 'smi_pf', 'isilat', 'excel', 'dhis2', 'other_software')),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- One link of a reporting chain: which report goes from which level to which, by which channel,
-- optionally specific to a region or province (the chain differs by region).
CREATE TABLE data_flow (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_type_id INTEGER NOT NULL REFERENCES report_type (id),
    from_level TEXT NOT NULL CHECK (from_level IN ('essp', 'circonscription', 'delegation', 'sres', 'drs', 'gst', 'central')),
    to_level TEXT NOT NULL CHECK (to_level IN ('essp', 'circonscription', 'delegation', 'sres', 'drs', 'gst', 'central')),
    region_id INTEGER REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    channel TEXT NOT NULL CHECK (channel IN ('paper', 'email', 'software', 'phone', 'hand_delivery', 'other')),
    expected_delay_days INTEGER CHECK (expected_delay_days >= 0),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- What the team observed on a flow for one period (or one ESSP of it).
CREATE TABLE data_flow_observation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    data_flow_id INTEGER NOT NULL REFERENCES data_flow (id),
    essp_id INTEGER REFERENCES essp (id),
    period TEXT NOT NULL,
    reports_expected INTEGER NOT NULL CHECK (reports_expected >= 0),
    reports_received INTEGER NOT NULL CHECK (reports_received >= 0),
    received_on_time INTEGER CHECK (received_on_time >= 0),
    observed_delay_days REAL CHECK (observed_delay_days >= 0),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX data_flow_observation_flow ON data_flow_observation (data_flow_id);

-- ============================================================ complaints
CREATE TABLE complaint_system (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    essp_id INTEGER NOT NULL UNIQUE REFERENCES essp (id),
    channel_register BOOLEAN NOT NULL DEFAULT 0,
    channel_box BOOLEAN NOT NULL DEFAULT 0,
    channel_in_person BOOLEAN NOT NULL DEFAULT 0,
    channel_phone BOOLEAN NOT NULL DEFAULT 0,
    channel_chikaya_portal BOOLEAN NOT NULL DEFAULT 0,
    register_kept BOOLEAN NOT NULL DEFAULT 0,
    focal_person BOOLEAN NOT NULL DEFAULT 0,
    focal_person_role TEXT,
    procedure_displayed BOOLEAN NOT NULL DEFAULT 0,
    chikaya_link_displayed BOOLEAN NOT NULL DEFAULT 0,
    handled_by TEXT,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- Anonymous samples: no names, only what is needed to measure the deadlines (15 days, 2 months).
CREATE TABLE complaint_sample (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    essp_id INTEGER NOT NULL REFERENCES essp (id),
    received_on DATE NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('register', 'box', 'in_person', 'phone', 'chikaya_portal', 'email', 'other')),
    kind TEXT NOT NULL CHECK (kind IN ('reclamation', 'observation', 'suggestion')),
    category TEXT NOT NULL CHECK (category IN ('reception', 'appointments', 'care', 'behaviour', 'corruption', 'absenteeism', 'medicines', 'hygiene', 'waiting_time', 'other')),
    acknowledged_on DATE,
    closed_on DATE,
    outcome TEXT CHECK (outcome IN ('resolved', 'unfounded', 'redirected', 'pending', 'no_answer')),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK (acknowledged_on IS NULL OR acknowledged_on >= received_on),
    CHECK (closed_on IS NULL OR closed_on >= received_on)
);
CREATE INDEX complaint_sample_essp ON complaint_sample (essp_id);

-- ============================================================ circonscription organisation
CREATE TABLE circonscription_function (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    circonscription_id INTEGER NOT NULL REFERENCES circonscription (id),
    function_code TEXT NOT NULL CHECK (function_code IN ('planning', 'programme_monitoring', 'supervision', 'data_collection', 'complaint_follow_up', 'training')),
    held TEXT NOT NULL CHECK (held IN ('held', 'partial', 'not_held')),
    holder TEXT,
    staff_count REAL CHECK (staff_count >= 0),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (circonscription_id, function_code)
);

CREATE TABLE supervision_visit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    circonscription_id INTEGER NOT NULL REFERENCES circonscription (id),
    essp_id INTEGER NOT NULL REFERENCES essp (id),
    visited_on DATE NOT NULL,
    supervisor TEXT,
    findings TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX supervision_visit_essp ON supervision_visit (essp_id);

-- ============================================================ care of perpetrators of violence against women
CREATE TABLE perpetrator_care_site (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    province_id INTEGER NOT NULL REFERENCES province (id),
    essp_id INTEGER REFERENCES essp (id),
    structure_id INTEGER REFERENCES structure (id),
    stage TEXT NOT NULL CHECK (stage IN ('identified', 'preparation', 'staff_trained', 'launched', 'routine', 'suspended')),
    stage_since DATE,
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE perpetrator_care_staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES perpetrator_care_site (id),
    staff_position_id INTEGER REFERENCES staff_position (id),
    cadre_code TEXT REFERENCES cadre (code),
    role TEXT,
    trained_on DATE,
    training_hours REAL CHECK (training_hours >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE perpetrator_care_period (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES perpetrator_care_site (id),
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    patients_followed INTEGER NOT NULL DEFAULT 0 CHECK (patients_followed >= 0),
    new_patients INTEGER NOT NULL DEFAULT 0 CHECK (new_patients >= 0),
    sessions_held INTEGER CHECK (sessions_held >= 0),
    dropouts INTEGER CHECK (dropouts >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK (period_end >= period_start)
);

CREATE TABLE perpetrator_care_referral (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    period_id INTEGER NOT NULL REFERENCES perpetrator_care_period (id),
    source TEXT NOT NULL CHECK (source IN ('justice', 'care_unit', 'police', 'health_service', 'self', 'other')),
    referrals INTEGER NOT NULL CHECK (referrals >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (period_id, source)
);

-- ============================================================ training
CREATE TABLE training_programme (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('mba', 'short_course', 'workshop', 'other')),
    title_fr TEXT NOT NULL,
    title_en TEXT,
    title_ar TEXT,
    institutions TEXT,
    target_audience TEXT,
    planned_hours REAL CHECK (planned_hours >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE training_cohort (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme_id INTEGER NOT NULL REFERENCES training_programme (id),
    name TEXT NOT NULL,
    region_id INTEGER REFERENCES region (id),
    starts_on DATE,
    ends_on DATE,
    place TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'completed', 'cancelled')),
    seats INTEGER CHECK (seats >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- A seminar or module of a cohort.
CREATE TABLE training_session (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id INTEGER NOT NULL REFERENCES training_cohort (id),
    title TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    hours REAL NOT NULL CHECK (hours >= 0),
    place TEXT,
    trainers TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE training_participant (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id INTEGER NOT NULL REFERENCES training_cohort (id),
    staff_position_id INTEGER REFERENCES staff_position (id),
    structure_id INTEGER REFERENCES structure (id),
    essp_id INTEGER REFERENCES essp (id),
    full_name TEXT NOT NULL,
    job_title TEXT,
    gender TEXT CHECK (gender IN ('f', 'm')),
    status TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'graduated', 'dropped_out')),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX training_participant_cohort ON training_participant (cohort_id);

CREATE TABLE training_attendance (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES training_session (id),
    participant_id INTEGER NOT NULL REFERENCES training_participant (id),
    present BOOLEAN NOT NULL,
    hours_attended REAL CHECK (hours_attended >= 0),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (session_id, participant_id)
);

CREATE TABLE training_project (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id INTEGER NOT NULL REFERENCES training_cohort (id),
    title TEXT NOT NULL,
    theme TEXT,
    defended_on DATE,
    result TEXT CHECK (result IN ('pending', 'passed', 'failed')),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE training_project_member (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES training_project (id),
    participant_id INTEGER NOT NULL REFERENCES training_participant (id),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (project_id, participant_id)
);

CREATE TABLE training_cost (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id INTEGER NOT NULL REFERENCES training_cohort (id),
    session_id INTEGER REFERENCES training_session (id),
    item TEXT NOT NULL CHECK (item IN ('tuition', 'trainers', 'travel', 'accommodation', 'per_diem', 'venue', 'materials', 'other')),
    amount_mad REAL NOT NULL CHECK (amount_mad >= 0),
    kind TEXT NOT NULL DEFAULT 'planned' CHECK (kind IN ('planned', 'actual')),
    notes TEXT,
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- ============================================================ findings and recommendations
CREATE TABLE finding (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    axis INTEGER NOT NULL CHECK (axis BETWEEN 1 AND 7),
    scope_level TEXT NOT NULL CHECK (scope_level IN ('national', 'region', 'province', 'circonscription', 'essp')),
    region_id INTEGER REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    circonscription_id INTEGER REFERENCES circonscription (id),
    essp_id INTEGER REFERENCES essp (id),
    kind TEXT NOT NULL CHECK (kind IN ('strength', 'weakness', 'opportunity', 'threat')),
    title TEXT NOT NULL,
    description TEXT,
    evidence TEXT,
    priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE recommendation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id INTEGER REFERENCES finding (id),
    axis INTEGER NOT NULL CHECK (axis BETWEEN 1 AND 7),
    scope_level TEXT NOT NULL CHECK (scope_level IN ('national', 'region', 'province', 'circonscription', 'essp')),
    region_id INTEGER REFERENCES region (id),
    province_id INTEGER REFERENCES province (id),
    text TEXT NOT NULL,
    responsible TEXT,
    horizon TEXT NOT NULL DEFAULT 'medium' CHECK (horizon IN ('short', 'medium', 'long')),
    priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
    uuid TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT 0
);

-- ============================================================ audit: every change of a synchronised row
CREATE TRIGGER mission_audit AFTER UPDATE OF version ON mission WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'mission', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER team_member_audit AFTER UPDATE OF version ON team_member WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'team_member', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER region_audit AFTER UPDATE OF version ON region WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'region', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER province_audit AFTER UPDATE OF version ON province WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'province', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER circonscription_audit AFTER UPDATE OF version ON circonscription WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'circonscription', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER commune_audit AFTER UPDATE OF version ON commune WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'commune', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER structure_audit AFTER UPDATE OF version ON structure WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'structure', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER essp_audit AFTER UPDATE OF version ON essp WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'essp', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER staff_position_audit AFTER UPDATE OF version ON staff_position WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'staff_position', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER staff_training_audit AFTER UPDATE OF version ON staff_training WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'staff_training', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER hr_relation_audit AFTER UPDATE OF version ON hr_relation WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'hr_relation', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER pms_catalogue_version_audit AFTER UPDATE OF version ON pms_catalogue_version WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'pms_catalogue_version', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER pms_service_area_audit AFTER UPDATE OF version ON pms_service_area WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'pms_service_area', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER pms_service_audit AFTER UPDATE OF version ON pms_service WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'pms_service', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER pms_item_audit AFTER UPDATE OF version ON pms_item WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'pms_item', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER pms_service_requirement_audit AFTER UPDATE OF version ON pms_service_requirement WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'pms_service_requirement', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER assessment_audit AFTER UPDATE OF version ON assessment WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'assessment', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER assessment_service_audit AFTER UPDATE OF version ON assessment_service WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'assessment_service', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER assessment_answer_audit AFTER UPDATE OF version ON assessment_answer WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'assessment_answer', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER report_type_audit AFTER UPDATE OF version ON report_type WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'report_type', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER data_flow_audit AFTER UPDATE OF version ON data_flow WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'data_flow', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER data_flow_observation_audit AFTER UPDATE OF version ON data_flow_observation WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'data_flow_observation', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER complaint_system_audit AFTER UPDATE OF version ON complaint_system WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'complaint_system', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER complaint_sample_audit AFTER UPDATE OF version ON complaint_sample WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'complaint_sample', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER circonscription_function_audit AFTER UPDATE OF version ON circonscription_function WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'circonscription_function', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER supervision_visit_audit AFTER UPDATE OF version ON supervision_visit WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'supervision_visit', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER perpetrator_care_site_audit AFTER UPDATE OF version ON perpetrator_care_site WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'perpetrator_care_site', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER perpetrator_care_staff_audit AFTER UPDATE OF version ON perpetrator_care_staff WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'perpetrator_care_staff', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER perpetrator_care_period_audit AFTER UPDATE OF version ON perpetrator_care_period WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'perpetrator_care_period', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER perpetrator_care_referral_audit AFTER UPDATE OF version ON perpetrator_care_referral WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'perpetrator_care_referral', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_programme_audit AFTER UPDATE OF version ON training_programme WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_programme', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_cohort_audit AFTER UPDATE OF version ON training_cohort WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_cohort', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_session_audit AFTER UPDATE OF version ON training_session WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_session', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_participant_audit AFTER UPDATE OF version ON training_participant WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_participant', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_attendance_audit AFTER UPDATE OF version ON training_attendance WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_attendance', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_project_audit AFTER UPDATE OF version ON training_project WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_project', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_project_member_audit AFTER UPDATE OF version ON training_project_member WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_project_member', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER training_cost_audit AFTER UPDATE OF version ON training_cost WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'training_cost', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER finding_audit AFTER UPDATE OF version ON finding WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'finding', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
CREATE TRIGGER recommendation_audit AFTER UPDATE OF version ON recommendation WHEN NEW.version <> OLD.version
BEGIN
    INSERT INTO audit_log (at, by, table_name, row_uuid, action, old_version, new_version)
    VALUES (NEW.updated_at, NEW.updated_by, 'recommendation', NEW.uuid,
            CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' WHEN OLD.deleted AND NOT NEW.deleted THEN 'restore' ELSE 'update' END,
            OLD.version, NEW.version);
END;
