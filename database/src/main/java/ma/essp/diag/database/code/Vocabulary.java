package ma.essp.diag.database.code;

import java.util.List;
import java.util.Locale;

/**
 * The coded vocabularies of the mission database: each is the list of English codes a column accepts (its
 * {@code CHECK (... IN (...))} constraint in the schema), in the schema's order. Their labels live once, in
 * the bundle {@code ma/essp/diag/database/code/codes} (French, English, Arabic), under the key
 * {@code <vocabulary>.<code>} ({@link #key(String)}); the window and the reports both read them through
 * {@link CodeLabels}.
 */
public enum Vocabulary {
    MILIEU("essp.milieu", "rural", "urban"),
    FUNCTIONALITY("essp.functionality", "fully", "partially", "not_functioning"),
    STAFF_STATUS("staff_position.status", "filled", "vacant", "contract", "on_leave", "seconded"),
    EMPLOYER("staff_position.employer", "ministry", "gst", "commune", "other"),
    GENDER("staff_position.gender", "f", "m"),
    HOLDER("hr_relation.holder_today", "ministry", "drs", "delegation", "gst", "essp", "commune", "shared", "unknown"),
    HELD("circonscription_function.held", "held", "partial", "not_held"),
    CIRCONSCRIPTION_FUNCTION("circonscription_function.function_code", "planning", "programme_monitoring", "supervision",
            "data_collection", "complaint_follow_up", "training"),
    COMPLAINT_CHANNEL("complaint_sample.channel", "register", "box", "in_person", "phone", "chikaya_portal", "email", "other"),
    COMPLAINT_KIND("complaint_sample.kind", "reclamation", "observation", "suggestion"),
    COMPLAINT_CATEGORY("complaint_sample.category", "reception", "appointments", "care", "behaviour", "corruption",
            "absenteeism", "medicines", "hygiene", "waiting_time", "other"),
    COMPLAINT_OUTCOME("complaint_sample.outcome", "resolved", "unfounded", "redirected", "pending", "no_answer"),
    FLOW_TOOL("report_type.tool", "paper", "smi_pf", "isilat", "excel", "dhis2", "other_software"),
    FLOW_LEVEL("data_flow.from_level", "essp", "circonscription", "delegation", "sres", "drs", "gst", "central"),
    FLOW_CHANNEL("data_flow.channel", "paper", "email", "software", "phone", "hand_delivery", "other"),
    PERIODICITY("report_type.periodicity", "weekly", "monthly", "quarterly", "semiannual", "annual", "on_event"),
    CARE_STAGE("perpetrator_care_site.stage", "identified", "preparation", "staff_trained", "launched", "routine", "suspended"),
    SITE_KIND("perpetrator_care_site.kind", "psychiatric_service", "hospital", "essp"),
    REFERRAL_SOURCE("perpetrator_care_referral.source", "justice", "care_unit", "police", "health_service", "self", "other"),
    PROGRAMME_KIND("training_programme.kind", "mba", "short_course", "workshop", "other"),
    COHORT_STATUS("training_cohort.status", "planned", "running", "completed", "cancelled"),
    TRAINEE_STATUS("training_participant.status", "enrolled", "graduated", "dropped_out"),
    COST_ITEM("training_cost.item", "tuition", "trainers", "travel", "accommodation", "per_diem", "venue", "materials", "other"),
    COST_KIND("training_cost.kind", "planned", "actual"),
    /** whose experts an expert-day cost line pays (V28) */
    EXPERT_ORIGIN("training_cost.expert_origin", "moroccan", "european"),
    PROJECT_RESULT("training_project.result", "pending", "passed", "failed"),
    PROJECT_REFORM("training_project.reform", "gst", "regional_health_map", "health_civil_service", "health_insurance",
            "information_system"),
    FINDING_KIND("finding.kind", "strength", "weakness", "opportunity", "threat"),
    PRIORITY("finding.priority", "high", "medium", "low"),
    HORIZON("recommendation.horizon", "short", "medium", "long"),
    RESPONSIBLE_LEVEL("recommendation.responsible_level", "essp", "circonscription", "delegation", "drs_sres", "gst", "central"),
    SCOPE_LEVEL("finding.scope_level", "national", "region", "province", "circonscription", "essp"),
    ANSWER_STATE("assessment_answer.state", "available_functioning", "available_not_functioning", "absent", "not_applicable",
            "missing"),
    ANSWER_SOURCE("assessment_answer.source", "observed", "reported"),
    ASSESSMENT_STATUS("assessment.status", "in_progress", "complete"),
    TEAM_ROLE("team_member.role", "team_leader", "key_expert", "expert", "assistant", "counterpart"),
    REQUIREMENT("pms_service_requirement.requirement", "required", "optional", "not_expected");

    private final String column;
    private final List<String> codes;

    Vocabulary(String column, String... codes) {
        this.column = column;
        this.codes = List.of(codes);
    }

    /** The {@code table.column} of the schema whose CHECK constraint lists these codes. */
    public String column() {
        return column;
    }

    /** The codes, in the order of the schema. */
    public List<String> codes() {
        return codes;
    }

    public boolean contains(String code) {
        return code != null && codes.contains(code);
    }

    /** The bundle key of a code's label: {@code functionality.not_functioning}. */
    public String key(String code) {
        return name().toLowerCase(Locale.ROOT) + "." + code;
    }
}
