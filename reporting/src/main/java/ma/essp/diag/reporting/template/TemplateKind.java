package ma.essp.diag.reporting.template;

import java.util.Locale;

/** What a field template collects; its code is the one the command line and the hidden sheet use. */
public enum TemplateKind {
    /** The registry: one row per ESSP of the scope, its editable fields. */
    ESSP("essp", "ESSP"),
    /** The checklist: one row per ESSP, one column per in-scope item of the catalogue version of new assessments. */
    ASSESSMENT("assessment", "Assessment"),
    /**
     * Data verification: one row per ESSP, indicator and month, the value recounted from the register beside the
     * reported one, and the reason of a discrepancy ({@code data_verification}); rows may be added.
     */
    RECOUNTS("recounts", "Recounts"),
    /**
     * HR: one row per staff position of the scope's ESSPs ({@code staff_position}); the empty rows prepared for new
     * positions carry their uuid, so a second import of the same workbook creates nothing.
     */
    STAFF("staff", "Staff"),
    /**
     * Anonymous complaint samples per ESSP ({@code complaint_sample}); rows prepared for new samples carry their uuid;
     * a note the personal-data detector flags is refused.
     */
    COMPLAINTS("complaints", "Complaints"),
    /**
     * Data-flow observations: one row per flow (chain link), ESSP and period ({@code data_flow_observation}); rows may
     * be added, a row without uuid finds the live one of the same flow, ESSP and period.
     */
    DATAFLOWS("dataflows", "DataFlows"),
    /**
     * Training attendance of one cohort ({@code training_attendance}): one row per participant × session, the hours
     * attended to fill; the scope is the cohort ({@code cohort:ID}).
     */
    ATTENDANCE("attendance", "Attendance");

    private final String code;
    private final String sheet;

    TemplateKind(String code, String sheet) {
        this.code = code;
        this.sheet = sheet;
    }

    public String code() {
        return code;
    }

    /** The name of the data sheet (fixed in every language: the import finds it by this name). */
    public String sheet() {
        return sheet;
    }

    public static TemplateKind fromCode(String code) {
        for (TemplateKind k : values()) {
            if (k.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind '" + code + "': expected one of " + java.util.Arrays.stream(values())
                .map(TemplateKind::code).collect(java.util.stream.Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT);
    }
}
