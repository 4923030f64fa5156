package ma.essp.diag.reporting.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The optional parts of a report. The summary and the "read me" (sources, credits, synthetic-data warning) are always
 * included. Each section is one sheet of the workbook and one chapter (or annex) of the PDF.
 */
public enum ReportSection {
    REGISTRY, TERRITORY, HR, READINESS, GAPS, DATA_FLOWS, COMPLAINTS, PERPETRATOR_CARE, TRAINING, FINDINGS,
    /** PDF only: one fact sheet per ESSP; by default on for a region or smaller scope, off nationally. */
    ESSP_SHEETS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReportSection fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown section '" + code + "' (expected one of " + codes() + ")", e);
        }
    }

    public static String codes() {
        return String.join(", ", EnumSet.allOf(ReportSection.class).stream().map(ReportSection::code).toList());
    }

    /** Every section; the ESSP fact sheets only when the scope is a region or smaller. */
    public static Set<ReportSection> defaults(ReportScope scope) {
        EnumSet<ReportSection> all = EnumSet.allOf(ReportSection.class);
        if (scope.level() == ReportScope.Level.NATIONAL) {
            all.remove(ESSP_SHEETS);
        }
        return all;
    }
}
