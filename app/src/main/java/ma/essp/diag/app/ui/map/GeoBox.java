package ma.essp.diag.app.ui.map;

/** A longitude/latitude rectangle: what the map fits when asked to show a part of the country. */
public record GeoBox(double minLon, double minLat, double maxLon, double maxLat) {

    public GeoBox {
        if (!(minLon <= maxLon) || !(minLat <= maxLat)) {
            throw new IllegalArgumentException("not a box: " + minLon + "," + minLat + " " + maxLon + "," + maxLat);
        }
    }

    /** The smallest box holding this one and the point. */
    public GeoBox with(double lon, double lat) {
        return new GeoBox(Math.min(minLon, lon), Math.min(minLat, lat), Math.max(maxLon, lon), Math.max(maxLat, lat));
    }

    /** The smallest box holding both. */
    public GeoBox with(GeoBox other) {
        return with(other.minLon, other.minLat).with(other.maxLon, other.maxLat);
    }

    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }
}
