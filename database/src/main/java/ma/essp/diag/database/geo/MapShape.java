package ma.essp.diag.database.geo;

import java.util.List;

/**
 * One region or province outline in longitude/latitude: its ISO code, its name from the map file, and its rings
 * (outer boundaries and holes alike; filling and hit-testing use the even-odd rule). Each ring is
 * {@code [lon0, lat0, lon1, lat1, ...]}.
 */
public record MapShape(String isoCode, String name, List<double[]> rings, double minLon, double minLat, double maxLon,
                       double maxLat) {

    public MapShape {
        rings = List.copyOf(rings);
    }

    static MapShape of(String isoCode, String name, List<double[]> rings) {
        double minLon = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                minLon = Math.min(minLon, ring[i]);
                maxLon = Math.max(maxLon, ring[i]);
                minLat = Math.min(minLat, ring[i + 1]);
                maxLat = Math.max(maxLat, ring[i + 1]);
            }
        }
        return new MapShape(isoCode, name, rings, minLon, minLat, maxLon, maxLat);
    }

    /** Whether the point lies inside the shape (even-odd over all rings). */
    public boolean contains(double lon, double lat) {
        if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) {
            return false;
        }
        boolean inside = false;
        for (double[] ring : rings) {
            int n = ring.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = ring[2 * i];
                double yi = ring[2 * i + 1];
                double xj = ring[2 * j];
                double yj = ring[2 * j + 1];
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    public int pointCount() {
        return rings.stream().mapToInt(r -> r.length / 2).sum();
    }
}
