package ma.essp.diag.reporting.export;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to export: scope, language, sections, and what the cover shows (as-of date, author, version).
 *
 * @param asOf    the date the figures stand for; null: the mission's as-of date, else today
 * @param author  shown on the cover and the summary sheet; may be null
 * @param version the report's version label ("v1", "draft 2"...); may be null
 */
public record ReportRequest(ReportScope scope, ReportLanguage language, Set<ReportSection> sections, LocalDate asOf,
                            String author, String version) {

    public ReportRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(language, "language");
        sections = sections == null || sections.isEmpty() ? ReportSection.defaults(scope) : Set.copyOf(EnumSet.copyOf(sections));
    }

    /** The whole report for the scope, in the language, with the defaults. */
    public static ReportRequest of(ReportScope scope, ReportLanguage language) {
        return new ReportRequest(scope, language, null, null, null, null);
    }

    public boolean includes(ReportSection section) {
        return sections.contains(section);
    }

    public ReportRequest withSections(Set<ReportSection> newSections) {
        return new ReportRequest(scope, language, newSections, asOf, author, version);
    }
}
