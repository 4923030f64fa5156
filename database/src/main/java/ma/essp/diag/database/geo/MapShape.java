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

    /** Mean Earth radius used for distances on the outlines. */
    private static final double EARTH_RADIUS_KM = 6371.0;

    /**
     * How far the point lies from the shape, in kilometres: 0 inside, otherwise the distance to the nearest edge of
     * any ring. Edges are measured on an equirectangular projection centred on the point's latitude (x = R·λ·cos φ,
     * y = R·φ), accurate to well under 1 % over the few hundred kilometres that matter here.
     */
    public double distanceKm(double lon, double lat) {
        if (contains(lon, lat)) {
            return 0;
        }
        double kx = Math.toRadians(1) * EARTH_RADIUS_KM * Math.cos(Math.toRadians(lat));
        double ky = Math.toRadians(1) * EARTH_RADIUS_KM;
        double best = Double.MAX_VALUE;
        for (double[] ring : rings) {
            int n = ring.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                // the edge in km, relative to the point
                double ax = (ring[2 * j] - lon) * kx;
                double ay = (ring[2 * j + 1] - lat) * ky;
                double bx = (ring[2 * i] - lon) * kx;
                double by = (ring[2 * i + 1] - lat) * ky;
                double dx = bx - ax;
                double dy = by - ay;
                double lengthSquared = dx * dx + dy * dy;
                double t = lengthSquared == 0 ? 0 : Math.clamp(-(ax * dx + ay * dy) / lengthSquared, 0, 1);
                best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
            }
        }
        return best;
    }

    public int pointCount() {
        return rings.stream().mapToInt(r -> r.length / 2).sum();
    }
}
