package city.vigil.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A map drawn as inline SVG from the registry's own coordinates (no tiles, no fonts, nothing downloaded): the areas one
 * level below as their boundary or, without one, the hull of their cameras, shaded by online rate with the rate
 * written in; cameras as dots coloured by state (clusters with counts when there are many); key sites as rings,
 * green when covered and red with a cross when not.
 */
public record MapView(int width, int height, List<Outline> areas, List<Dot> cameras, List<Cluster> clusters, List<Site> sites, boolean clustered,
                      boolean allSites, Instant at) {
    static final int WIDTH = 1000;

    /** An area: its SVG path, label position, rate and the band its shade stands for. */
    public record Outline(String code, String name, String path, String labelX, String labelY, Double onlineRate, String band) {
    }

    public record Dot(String gbId, String cx, String cy, String state) {
    }

    /** Many cameras at one place: how many, and how many down (the dot's band). */
    public record Cluster(String cx, String cy, String r, long cameras, long down, String band) {
    }

    public record Site(String code, String name, String cx, String cy, boolean covered) {
    }

    /** The rate's band, for the shade: good (target met), fair, poor, bad; none without figures. */
    static String band(Double rate) {
        return rate == null ? "none" : rate >= 0.98 ? "good" : rate >= 0.95 ? "fair" : rate >= 0.90 ? "poor" : "bad";
    }

    /** Draws the map from the coverage map's GeoJSON, the outlines by area code, and the areas' names and rates. */
    static MapView draw(JsonNode geo, Map<String, List<double[]>> outlines, Map<String, String> names, Map<String, Double> rates, boolean allSites,
                        Instant at) {
        Projection p = Projection.around(geo, outlines);
        List<Outline> areas = new ArrayList<>();
        outlines.forEach((code, ring) -> {
            if (ring.size() < 3 || !names.containsKey(code)) {
                return;
            }
            StringBuilder d = new StringBuilder();
            double sx = 0;
            double sy = 0;
            for (double[] pt : ring) {
                d.append(d.length() == 0 ? "M" : "L").append(p.x(pt[0])).append(',').append(p.y(pt[1]));
                sx += pt[0];
                sy += pt[1];
            }
            d.append('Z');
            Double rate = rates.get(code);
            areas.add(new Outline(code, names.get(code), d.toString(), p.x(sx / ring.size()), p.y(sy / ring.size()), rate, band(rate)));
        });
        areas.sort(Comparator.comparing(Outline::code));
        List<Dot> dots = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        for (JsonNode f : geo.path("features")) {
            JsonNode props = f.path("properties");
            JsonNode c = f.path("geometry").path("coordinates");
            if (!"Point".equals(f.path("geometry").path("type").asText())) {
                continue;
            }
            String x = p.x(c.get(0).asDouble());
            String y = p.y(c.get(1).asDouble());
            switch (props.path("kind").asText()) {
                case "camera" -> dots.add(new Dot(props.path("gbId").asText(), x, y, props.path("state").asText()));
                case "site" -> {
                    if (allSites || !props.path("covered").asBoolean()) {
                        sites.add(new Site(props.path("code").asText(), props.path("name").asText(), x, y, props.path("covered").asBoolean()));
                    }
                }
                case "cluster" -> {
                    long n = props.path("cameras").asLong();
                    long down = props.path("down").asLong();
                    long known = n - props.path("unknown").asLong();
                    clusters.add(new Cluster(x, y, format(Math.min(18, 3 + Math.sqrt(n))), n, down,
                            band(known == 0 ? null : 1 - down / (double) known)));
                }
                default -> {
                }
            }
        }
        return new MapView(WIDTH, p.height(), areas, dots, clusters, sites, geo.path("properties").path("clustered").asBoolean(), allSites, at);
    }

    /** Hull of points (lon, lat): Andrew's monotone chain, counter-clockwise. */
    static List<double[]> hull(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        if (sorted.size() < 3) {
            return sorted;
        }
        double[][] h = new double[sorted.size() * 2][];
        int k = 0;
        for (double[] pt : sorted) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], pt) <= 0) {
                k--;
            }
            h[k++] = pt;
        }
        for (int i = sorted.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] pt = sorted.get(i);
            while (k >= lower && cross(h[k - 2], h[k - 1], pt) <= 0) {
                k--;
            }
            h[k++] = pt;
        }
        return new ArrayList<>(Arrays.asList(h).subList(0, k - 1));
    }

    /** The outer ring of a GeoJSON Polygon (or the first polygon of a MultiPolygon), as (lon, lat) points. */
    static List<double[]> ring(JsonNode geometry) {
        JsonNode rings = "MultiPolygon".equals(geometry.path("type").asText()) ? geometry.path("coordinates").path(0) : geometry.path("coordinates");
        List<double[]> out = new ArrayList<>();
        rings.path(0).forEach(pt -> out.add(new double[] {pt.get(0).asDouble(), pt.get(1).asDouble()}));
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Longitude and latitude to the SVG's coordinates: equirectangular, shrunk by the cosine of the middle latitude. */
    private record Projection(double minLon, double maxLat, double scale, double cos, int height) {
        static Projection around(JsonNode geo, Map<String, List<double[]>> outlines) {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (List<double[]> ring : outlines.values()) {
                ring.forEach(pt -> grow(box, pt[0], pt[1]));
            }
            for (JsonNode f : geo.path("features")) {
                JsonNode c = f.path("geometry").path("coordinates");
                if ("Point".equals(f.path("geometry").path("type").asText())) {
                    grow(box, c.get(0).asDouble(), c.get(1).asDouble());
                }
            }
            if (box[0] > box[2]) {
                // Nothing placed yet: Guangzhou's centre, so the page draws an empty frame rather than nothing.
                System.arraycopy(new double[] {113.2, 23.0, 113.7, 23.5}, 0, box, 0, 4);
            }
            double cos = Math.cos(Math.toRadians((box[1] + box[3]) / 2));
            double spanX = Math.max(1e-4, (box[2] - box[0]) * cos);
            double spanY = Math.max(1e-4, box[3] - box[1]);
            double scale = (WIDTH - 40) / spanX;
            return new Projection(box[0], box[3], scale, cos, (int) Math.ceil(spanY * scale) + 40);
        }

        private static void grow(double[] box, double lon, double lat) {
            box[0] = Math.min(box[0], lon);
            box[1] = Math.min(box[1], lat);
            box[2] = Math.max(box[2], lon);
            box[3] = Math.max(box[3], lat);
        }

        String x(double lon) {
            return format(20 + (lon - minLon) * cos * scale);
        }

        String y(double lat) {
            return format(20 + (maxLat - lat) * scale);
        }
    }
}
