package city.vigil.citygen;

import city.vigil.area.AreaSeeder;
import city.vigil.site.SiteCategory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Guangzhou fleet as import files: areas.csv (streets, communities, grids), cameras.csv (a
 * Chinese-header ledger), checkpoints.json and sites.json. The same seed and scale always give the same bytes.
 */
public final class CityGenerator {
    private static final String[] ROADS = {"中山大道", "天河路", "环市路", "广州大道", "东风路", "解放路", "黄埔大道",
            "新港路", "工业大道", "机场路", "白云大道", "广园路", "番禺大道", "迎宾路", "新华路", "荔湾路", "江南大道",
            "科韵路", "华南快速", "增城大道"};
    private static final String[] SPOTS = {"路口", "公交站", "人行天桥", "小区门口", "学校门口", "地铁口", "广场", "停车场入口"};
    private static final String[] SECTOR_OWNERS = {"广州市交通运输局", "广州市城市管理和综合执法局", "广州市教育局",
            "广州地铁集团有限公司", "广州市卫生健康委员会", "广州白云国际机场股份有限公司", "广州市住房和城乡建设局"};
    private static final String[] DIRECTIONS = {"东", "西", "南", "北", "东南", "东北", "西南", "西北", "全向"};
    private static final String[] CAMERA_TYPES = {"球机", "半球", "固定枪机", "遥控枪机"};

    record Grid(String code, String districtCode, String districtName, double lat, double lon) {
    }

    /** A class-1 camera that captures a checkpoint lane, and the grid it stands in. */
    record Capture(String gbId, Grid grid) {
    }

    public record Counts(int streets, int communities, int grids, int cameras, int checkpoints, int sites) {
    }

    private final CitySpec spec;
    private final CameraStreams streams;
    private final SplittableRandom random;

    public CityGenerator(CitySpec spec, CameraStreams streams) {
        this.spec = spec;
        this.streams = streams;
        this.random = new SplittableRandom(spec.seed());
    }

    public Counts write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<AreaSeeder.District> districts = AreaSeeder.districts().stream().filter(d -> d.cityCode().equals("440100")).toList();
        List<Grid> grids = new ArrayList<>();
        int[] streetsAndCommunities = writeAreas(dir.resolve("areas.csv"), districts, grids);
        Map<String, Integer> serials = new HashMap<>();
        List<Integer> laneCounts = new ArrayList<>();
        for (int i = 0; i < spec.scaled(CitySpec.CHECKPOINTS); i++) {
            laneCounts.add(2 + random.nextInt(7));
        }
        // Each lane's capture camera stands where its checkpoint is.
        List<Grid> laneGrids = new ArrayList<>();
        for (int lanes : laneCounts) {
            Grid grid = grids.get(random.nextInt(grids.size()));
            for (int i = 0; i < lanes; i++) {
                laneGrids.add(grid);
            }
        }
        List<Capture> captures = new ArrayList<>();
        int cameras = writeCameras(dir.resolve("cameras.csv"), grids, serials, laneGrids, captures);
        int checkpoints = writeCheckpoints(dir.resolve("checkpoints.json"), serials, laneCounts, captures);
        int sites = writeSites(dir.resolve("sites.json"), grids);
        return new Counts(streetsAndCommunities[0], streetsAndCommunities[1], grids.size(), cameras, checkpoints, sites);
    }

    private int[] writeAreas(Path file, List<AreaSeeder.District> districts, List<Grid> grids) throws IOException {
        int communitiesPerStreet = Math.max(1, (int) Math.round(CitySpec.COMMUNITIES_PER_STREET * Math.sqrt(spec.scale())));
        int totalStreets = districts.stream().mapToInt(AreaSeeder.District::streets).sum();
        int communities = totalStreets * communitiesPerStreet;
        int gridsWanted = Math.max(communities, spec.scaled(CitySpec.GRIDS));
        int communityIndex = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("区划代码,名称,级别,上级代码,面积\n");
            for (AreaSeeder.District d : districts) {
                double radiusDeg = Math.sqrt(d.areaKm2().doubleValue()) / 111.0 / 2;
                for (int s = 1; s <= d.streets(); s++) {
                    String street = d.code() + String.format("%03d", s);
                    String streetName = d.name().replace("区", "") + "第" + s + "街道";
                    w.write(street + "," + streetName + ",街道," + d.code() + ",\n");
                    for (int c = 1; c <= communitiesPerStreet; c++) {
                        String community = street + String.format("%03d", c);
                        w.write(community + "," + streetName + c + "社区,社区," + street + ",\n");
                        // Spread the grids evenly: every community gets the base share, the first ones one more.
                        int gridsHere = gridsWanted / communities + (communityIndex++ < gridsWanted % communities ? 1 : 0);
                        for (int g = 1; g <= gridsHere; g++) {
                            String grid = "G" + community + String.format("%02d", g);
                            w.write(grid + "," + streetName + c + "社区第" + g + "网格,网格," + community + ",\n");
                            grids.add(new Grid(grid, d.code(), d.name(), d.lat() + (random.nextDouble() * 2 - 1) * radiusDeg,
                                    d.lon() + (random.nextDouble() * 2 - 1) * radiusDeg));
                        }
                    }
                }
            }
        }
        return new int[] {totalStreets, communities};
    }

    private int writeCameras(Path file, List<Grid> grids, Map<String, Integer> serials, List<Grid> laneGrids,
                             List<Capture> captures) throws IOException {
        int[] classes = CitySpec.CLASSES;
        int[] counts = spec.classCounts();
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("设备编码,设备名称,监控点位类型,摄像机类型,经度,纬度,安装地址,监视方位,水平视场角,可视距离,行政区域,"
                    + "建设单位,管理单位/维护单位,联系方式,联网属性,设备状态,安装时间,录像保存天数,父设备编码,标签,视频地址,子码流地址\n");
            for (int k = 0; k < classes.length; k++) {
                for (int i = 0; i < counts[k]; i++) {
                    // The first class-1 cameras capture checkpoint lanes (industry 05, 交通卡口接入).
                    boolean capture = classes[k] == 1 && captures.size() < laneGrids.size();
                    Grid grid = capture ? laneGrids.get(captures.size()) : grids.get(random.nextInt(grids.size()));
                    String industry = capture ? "05" : classes[k] == 1 ? "00" : classes[k] == 2 ? "04" : "01";
                    String gbId = nextId(serials, grid.districtCode() + "00", industry, random.nextInt(10) == 0 ? "131" : "132");
                    if (capture) {
                        captures.add(new Capture(gbId, grid));
                    }
                    w.write(cameraRow(gbId, classes[k], grid, serials));
                    written++;
                }
            }
        }
        return written;
    }

    private String cameraRow(String gbId, int pointClass, Grid grid, Map<String, Integer> serials) {
        String road = ROADS[random.nextInt(ROADS.length)];
        String name = grid.districtName() + road + SPOTS[random.nextInt(SPOTS.length)] + gbId.substring(14);
        double lat = grid.lat() + (random.nextDouble() - 0.5) * 0.004;
        double lon = grid.lon() + (random.nextDouble() - 0.5) * 0.004;
        // Ledgers are messy: a few records lack what their class needs.
        boolean noPosition = pointClass <= 2 && random.nextInt(50) == 0;
        boolean noContact = pointClass == 1 && random.nextInt(33) == 0;
        String owner = switch (pointClass) {
            case 1 -> "广州市公安局" + grid.districtName() + "分局";
            case 2 -> SECTOR_OWNERS[random.nextInt(SECTOR_OWNERS.length)];
            case 4 -> "广州市公安局";
            default -> grid.districtName() + "物业管理有限公司" + (1 + random.nextInt(40));
        };
        String maintainer = grid.districtName() + "视频运维" + "一二三四五六".charAt(random.nextInt(6)) + "队";
        String lifecycle = random.nextInt(100) < 2 ? "维修" : random.nextInt(1000) < 5 ? "拆除" : "在用";
        String installed = (2012 + random.nextInt(13)) + "/" + (1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28));
        String parent = pointClass >= 2 && random.nextInt(10) < 3
                ? grid.districtCode() + "00" + "01" + "118" + "0" + String.format("%06d", random.nextInt(2000)) : "";
        String direction = DIRECTIONS[random.nextInt(DIRECTIONS.length)];
        CameraStreams.Streams urls = streams.of(gbId, pointClass);
        String tags = pointClass == 1 ? "hd;一类" : "";
        if (urls.tags() != null) {
            tags = tags.isEmpty() ? urls.tags() : tags + ";" + urls.tags();
        }
        return String.join(",", gbId, name, String.valueOf(pointClass), CAMERA_TYPES[random.nextInt(CAMERA_TYPES.length)],
                noPosition ? "" : String.format("%.6f", lon), noPosition ? "" : String.format("%.6f", lat),
                grid.districtName() + road + (1 + random.nextInt(999)) + "号", direction,
                String.valueOf(30 + random.nextInt(80)), String.valueOf(30 + random.nextInt(120)), grid.code(), owner, maintainer,
                noContact ? "" : "020-" + (30000000 + random.nextInt(9999999)), pointClass <= 2 || random.nextInt(3) == 0 ? "1" : "0",
                lifecycle, installed, pointClass == 1 ? "90" : "30", parent, tags,
                urls.main(), urls.sub()) + "\n";
    }

    private int writeCheckpoints(Path file, Map<String, Integer> serials, List<Integer> laneCounts,
                                 List<Capture> captures) throws IOException {
        int next = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (int size : laneCounts) {
                Grid grid = captures.get(Math.min(next, captures.size() - 1)).grid();
                String gbId = nextId(serials, grid.districtCode() + "00", "05", "121");
                int usage = random.nextInt(100) < 60 ? 80 : random.nextInt(100) < 88 ? 81 : 82;
                g.writeStartObject();
                g.writeStringField("gbId", gbId);
                g.writeStringField("name", grid.districtName() + ROADS[random.nextInt(ROADS.length)] + "卡口" + gbId.substring(14));
                g.writeNumberField("usage", usage);
                g.writeNumberField("lat", Math.round(grid.lat() * 1e6) / 1e6);
                g.writeNumberField("lon", Math.round(grid.lon() * 1e6) / 1e6);
                g.writeStringField("placeCode", grid.districtCode());
                g.writeStringField("areaCode", grid.code());
                g.writeArrayFieldStart("lanes");
                for (int lane = 1; lane <= size && next < captures.size(); lane++) {
                    g.writeStartObject();
                    g.writeNumberField("laneNo", lane);
                    g.writeStringField("direction", lane <= (size + 1) / 2 ? "进城" : "出城");
                    g.writeNumberField("cityPass", lane <= (size + 1) / 2 ? 1 : 2);
                    g.writeStringField("captureCameraGbId", captures.get(next++).gbId());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return laneCounts.size();
    }

    private int writeSites(Path file, List<Grid> grids) throws IOException {
        int written = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Map.Entry<SiteCategory, Integer> e : CitySpec.SITES.entrySet()) {
                int n = spec.scaled(e.getValue());
                for (int i = 1; i <= n; i++) {
                    Grid grid = grids.get(random.nextInt(grids.size()));
                    SiteCategory category = e.getKey();
                    g.writeStartObject();
                    g.writeStringField("code", category.name().substring(0, 3) + "-" + grid.districtCode() + "-" + String.format("%05d", i));
                    g.writeStringField("name", grid.districtName() + category.name().toLowerCase().replace('_', ' ') + " " + i);
                    g.writeStringField("category", category.name());
                    g.writeNumberField("lat", Math.round(grid.lat() * 1e6) / 1e6);
                    g.writeNumberField("lon", Math.round(grid.lon() * 1e6) / 1e6);
                    g.writeNumberField("radiusM", category == SiteCategory.AIRPORT ? 2000 : category == SiteCategory.URBAN_VILLAGE ? 400 : 150);
                    g.writeStringField("areaCode", grid.code());
                    g.writeObjectFieldStart("rule");
                    boolean critical = category == SiteCategory.SCHOOL_PERIMETER || category == SiteCategory.METRO_STATION
                            || category == SiteCategory.HAZMAT_SITE || category == SiteCategory.GOVERNMENT_BUILDING;
                    g.writeNumberField("minOnlineCameras", critical ? 2 : 1);
                    g.writeNumberField("maxPointClass", critical ? 1 : 2);
                    g.writeEndObject();
                    g.writeEndObject();
                    written++;
                }
            }
            g.writeEndArray();
        }
        return written;
    }

    /** Next free GB/T 28181 ID for a centre, industry and type (network 0, serials from 1). */
    private static String nextId(Map<String, Integer> serials, String centre, String industry, String type) {
        String prefix = centre + industry + type + "0";
        int serial = serials.merge(prefix, 1, Integer::sum);
        if (serial > 999_999) {
            throw new IllegalStateException("Serials exhausted for " + prefix);
        }
        return prefix + String.format("%06d", serial);
    }
}
