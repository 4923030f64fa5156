package ma.essp.diag.reporting.export.pdf;

import java.util.HashMap;
import java.util.Map;
import ma.essp.diag.reporting.export.ReportCredits;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/** The cover page: title, scope, mission details, the synthetic-data warning, the readiness map and the credits. */
final class CoverSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    CoverSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    /** The parameters of {@code cover.jasper}. */
    Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("TITLE", l.get("report.title"));
        p.put("SUBTITLE", l.get("report.subtitle"));
        p.put("SCOPE", data.scopeName());
        String colon = out.colon();
        StringBuilder details = new StringBuilder();
        details.append(l.get("cover.mission")).append(colon).append(data.mission().name()).append('\n');
        details.append(l.get("cover.asof")).append(colon).append(l.date(data.asOf())).append('\n');
        if (data.request().author() != null) {
            details.append(l.get("cover.author")).append(colon).append(data.request().author()).append('\n');
        }
        if (data.request().version() != null) {
            details.append(l.get("cover.version")).append(colon).append(data.request().version()).append('\n');
        }
        if (data.mission().beneficiary() != null) {
            details.append(l.get("cover.beneficiary")).append(colon).append(data.mission().beneficiary()).append('\n');
        }
        if (data.mission().startedOn() != null || data.mission().endedOn() != null) {
            details.append(l.get("cover.period")).append(colon).append(l.format("cover.period.range",
                    data.mission().startedOn() == null ? "…" : l.date(data.mission().startedOn()),
                    data.mission().endedOn() == null ? "…" : l.date(data.mission().endedOn()))).append('\n');
        }
        if (!data.mission().team().isEmpty()) {
            details.append(l.get("cover.team")).append(colon).append(data.mission().team().stream()
                    .map(m -> l.format(m.initials() == null ? "cover.team.member" : "cover.team.member.initials", m.fullName(),
                            l.code(ma.essp.diag.database.code.Vocabulary.TEAM_ROLE, m.role()), m.initials()))
                    .collect(java.util.stream.Collectors.joining(l.get("cover.team.separator")))).append('\n');
        }
        if (data.mission().funder() != null) {
            details.append(l.get("cover.funder")).append(colon).append(data.mission().funder());
        }
        p.put("DETAILS", details.toString());
        p.put("SYNTHETIC", data.synthetic() ? l.get("readme.synthetic") : null);
        p.put("IMAGE", data.mapAreas().isEmpty() ? null : SimpleDataRenderer.getInstance(out.map(400, 330)));
        p.put("CREDITS", ReportCredits.HCP_CREDIT + " — " + ReportCredits.OSM_CREDIT);
        p.put("ALIGN_RIGHT", out.rtl());
        return p;
    }
}
