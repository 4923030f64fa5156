package ma.essp.diag.database.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes a TopoJSON topology into {@link MapShape}s. The files are quantized: each arc is a list of integer
 * deltas; positions are the running sums scaled and translated by the topology's {@code transform}. A ring is a
 * list of arc indices where {@code ~i} (i.e. {@code -i-1}) means arc {@code i} reversed; consecutive arcs share
 * their joining point, which is kept once.
 */
public final class TopoJsonDecoder {

    private TopoJsonDecoder() {
    }

    /** Reads a resource by absolute name (the outlines shipped in the app resources). */
    public static List<MapShape> decodeResource(String name) {
        try (InputStream in = TopoJsonDecoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing map resource " + name);
            }
            return decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<MapShape> decode(String json) {
        Map<String, Object> topology = (Map<String, Object>) JsonReader.parse(json);
        if (!"Topology".equals(topology.get("type"))) {
            throw new IllegalArgumentException("not a TopoJSON topology");
        }
        double sx = 1;
        double sy = 1;
        double tx = 0;
        double ty = 0;
        boolean quantized = topology.containsKey("transform");
        if (quantized) {
            Map<String, Object> transform = (Map<String, Object>) topology.get("transform");
            List<Object> scale = (List<Object>) transform.get("scale");
            List<Object> translate = (List<Object>) transform.get("translate");
            sx = num(scale.get(0));
            sy = num(scale.get(1));
            tx = num(translate.get(0));
            ty = num(translate.get(1));
        }
        List<Object> rawArcs = (List<Object>) topology.get("arcs");
        List<double[]> arcs = new ArrayList<>(rawArcs.size());
        for (Object rawArc : rawArcs) {
            List<Object> points = (List<Object>) rawArc;
            double[] arc = new double[points.size() * 2];
            double x = 0;
            double y = 0;
            for (int i = 0; i < points.size(); i++) {
                List<Object> p = (List<Object>) points.get(i);
                if (quantized) {
                    x += num(p.get(0));
                    y += num(p.get(1));
                    arc[2 * i] = x * sx + tx;
                    arc[2 * i + 1] = y * sy + ty;
                } else {
                    arc[2 * i] = num(p.get(0));
                    arc[2 * i + 1] = num(p.get(1));
                }
            }
            arcs.add(arc);
        }
        List<MapShape> shapes = new ArrayList<>();
        Map<String, Object> objects = (Map<String, Object>) topology.get("objects");
        for (Object object : objects.values()) {
            Map<String, Object> collection = (Map<String, Object>) object;
            for (Object g : (List<Object>) collection.get("geometries")) {
                Map<String, Object> geometry = (Map<String, Object>) g;
                String type = (String) geometry.get("type");
                List<double[]> rings = new ArrayList<>();
                List<Object> arcRefs = (List<Object>) geometry.get("arcs");
                if ("Polygon".equals(type)) {
                    addPolygon(rings, arcRefs, arcs);
                } else if ("MultiPolygon".equals(type)) {
                    for (Object polygon : arcRefs) {
                        addPolygon(rings, (List<Object>) polygon, arcs);
                    }
                } else {
                    continue;
                }
                Map<String, Object> properties = (Map<String, Object>) geometry.getOrDefault("properties", Map.of());
                shapes.add(MapShape.of(String.valueOf(geometry.get("id")), (String) properties.get("name"), rings));
            }
        }
        return shapes;
    }

    @SuppressWarnings("unchecked")
    private static void addPolygon(List<double[]> rings, List<Object> polygon, List<double[]> arcs) {
        for (Object ring : polygon) {
            rings.add(ring((List<Object>) ring, arcs));
        }
    }

    private static double[] ring(List<Object> refs, List<double[]> arcs) {
        int total = 0;
        for (Object ref : refs) {
            int i = (int) num(ref);
            total += arcs.get(i < 0 ? ~i : i).length;
        }
        double[] out = new double[total];
        int n = 0;
        for (Object ref : refs) {
            int i = (int) num(ref);
            double[] arc = arcs.get(i < 0 ? ~i : i);
            int points = arc.length / 2;
            for (int k = 0; k < points; k++) {
                if (n > 0 && k == 0) {
                    continue; // shared with the end of the previous arc
                }
                int src = i < 0 ? points - 1 - k : k;
                out[n++] = arc[2 * src];
                out[n++] = arc[2 * src + 1];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
