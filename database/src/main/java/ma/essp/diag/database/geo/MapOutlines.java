package ma.essp.diag.database.geo;

import java.util.List;

/**
 * The region and province outlines shipped with the application (the map screen, the PDF report, the demo generator), decoded once per run (≈70,000 points; a few tens of
 * milliseconds) and shared: the first caller, always a background task, pays for the decoding.
 */
public record MapOutlines(List<MapShape> regions, List<MapShape> provinces) {

    public MapOutlines {
        regions = List.copyOf(regions);
        provinces = List.copyOf(provinces);
    }

    private static final class Holder {
        static final MapOutlines INSTANCE = new MapOutlines(TopoJsonDecoder.decodeResource("/ma/essp/diag/database/geo/regions.topojson"),
                TopoJsonDecoder.decodeResource("/ma/essp/diag/database/geo/provinces.topojson"));
    }

    public static MapOutlines shipped() {
        return Holder.INSTANCE;
    }

    /** The credit line the ODbL licence of the outlines requires wherever the map is shown. */
    public static final String CREDIT = "© OpenStreetMap contributors / morocco-map, ODbL";
}
