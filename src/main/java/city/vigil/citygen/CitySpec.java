package city.vigil.citygen;

import city.vigil.site.SiteCategory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Guangzhou at full scale (shared/data/fleet-facts.md): 923,000 cameras (49,000 class 1, 874,000 class 2/3),
 * 1,590 checkpoints, ~20,849 grids in 176 streets. The class 2/3 split and the site counts are not published:
 * the values here are plausible choices, documented in the README.
 */
public record CitySpec(double scale, long seed) {
    static final int CLASS1 = 49_000;
    static final int CLASS2 = 300_000;
    static final int CLASS3 = 570_000;
    static final int CLASS4 = 2_000;
    static final int CLASS9 = 2_000;
    static final int CHECKPOINTS = 1_590;
    static final int GRIDS = 20_849;
    static final int COMMUNITIES_PER_STREET = 16;
    static final int CAMERAS = CLASS1 + CLASS2 + CLASS3 + CLASS4 + CLASS9;
    static final int[] CLASSES = {1, 2, 3, 4, 9};

    static final Map<SiteCategory, Integer> SITES = new LinkedHashMap<>();

    static {
        SITES.put(SiteCategory.SCHOOL_PERIMETER, 1_600);
        SITES.put(SiteCategory.HOSPITAL, 270);
        SITES.put(SiteCategory.METRO_STATION, 300);
        SITES.put(SiteCategory.RAILWAY_STATION, 10);
        SITES.put(SiteCategory.PIER, 30);
        SITES.put(SiteCategory.AIRPORT, 1);
        SITES.put(SiteCategory.BUS_HUB, 60);
        SITES.put(SiteCategory.HAZMAT_SITE, 200);
        SITES.put(SiteCategory.GAS_STATION, 700);
        SITES.put(SiteCategory.URBAN_VILLAGE, 272);
        SITES.put(SiteCategory.COMMERCIAL_CENTRE, 150);
        SITES.put(SiteCategory.GOVERNMENT_BUILDING, 200);
        SITES.put(SiteCategory.SQUARE, 100);
        SITES.put(SiteCategory.FINANCIAL_INSTITUTION, 800);
    }

    public CitySpec {
        if (!(scale >= 0.0001 && scale <= 1.0)) {
            throw new IllegalArgumentException("--scale must be between 0.0001 and 1.0");
        }
    }

    /** The city scaled to hold this many cameras (the demo's size). */
    public static CitySpec ofCameras(int cameras, long seed) {
        return new CitySpec((double) cameras / CAMERAS, seed);
    }

    /** The whole fleet at this scale: Guangzhou's 923,000 times the scale, rounded once. */
    int cameras() {
        return (int) Math.round(CAMERAS * scale);
    }

    /**
     * Cameras per point class ({@link #CLASSES}), summing to exactly {@link #cameras()}: largest remainders, so a
     * 2,000-camera demo has 2,000 cameras, not the sum of five roundings.
     */
    int[] classCounts() {
        int[] full = {CLASS1, CLASS2, CLASS3, CLASS4, CLASS9};
        int[] counts = new int[full.length];
        double[] remainders = new double[full.length];
        int left = cameras();
        for (int i = 0; i < full.length; i++) {
            double exact = (double) full[i] * cameras() / CAMERAS;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            left -= counts[i];
        }
        while (left-- > 0) {
            int best = 0;
            for (int i = 1; i < full.length; i++) {
                best = remainders[i] > remainders[best] ? i : best;
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    int scaled(int fullScale) {
        return Math.max(1, (int) Math.round(fullScale * scale));
    }
}
