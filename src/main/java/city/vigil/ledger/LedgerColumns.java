package city.vigil.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ledger header names, English and Chinese (一机一档 and common county ledgers), mapped to the registry's field names.
 * Matching ignores case, spaces and underscores.
 */
final class LedgerColumns {
    private LedgerColumns() {
    }

    static final Map<String, List<String>> CAMERA = Map.ofEntries(
            Map.entry("gbId", List.of("gbId", "gb_id", "deviceId", "设备编码", "设备编号", "国标编码", "SBBM")),
            Map.entry("name", List.of("name", "设备名称", "点位名称", "SBMC")),
            Map.entry("pointClass", List.of("pointClass", "监控点位类型", "点位类型", "JKDWLX")),
            Map.entry("cameraType", List.of("cameraType", "摄像机类型", "SXJLX")),
            Map.entry("lon", List.of("lon", "longitude", "经度", "JD")),
            Map.entry("lat", List.of("lat", "latitude", "纬度", "WD")),
            Map.entry("address", List.of("address", "安装地址", "AZDZ")),
            Map.entry("directionCode", List.of("directionCode", "direction", "监视方位", "JSFW")),
            Map.entry("azimuthDeg", List.of("azimuthDeg", "azimuth", "方位角")),
            Map.entry("hFovDeg", List.of("hFovDeg", "hFov", "水平视场角")),
            Map.entry("viewDistanceM", List.of("viewDistanceM", "viewDistance", "可视距离")),
            Map.entry("areaCode", List.of("areaCode", "area", "行政区域", "行政区划", "所属区域", "XZQY")),
            Map.entry("ownerUnit", List.of("ownerUnit", "建设单位")),
            Map.entry("maintainerUnit", List.of("maintainerUnit", "管理单位/维护单位", "管理单位", "维护单位", "GLDW")),
            Map.entry("contact", List.of("contact", "联系方式", "管理单位联系方式", "GLDWLXFS")),
            Map.entry("networked", List.of("networked", "联网属性", "LWSX")),
            Map.entry("lifecycle", List.of("lifecycle", "设备状态", "SBZT")),
            Map.entry("installedOn", List.of("installedOn", "安装时间", "AZSJ")),
            Map.entry("recordDays", List.of("recordDays", "录像保存天数", "LXBCTS")),
            Map.entry("parentGbId", List.of("parentGbId", "父设备编码", "上级设备编码")),
            Map.entry("tags", List.of("tags", "标签")),
            Map.entry("mainUrl", List.of("mainUrl", "视频地址", "主码流地址", "主码流")),
            Map.entry("mainProtocol", List.of("mainProtocol", "主码流协议")),
            Map.entry("subUrl", List.of("subUrl", "子码流地址", "辅码流地址", "子码流")),
            Map.entry("subProtocol", List.of("subProtocol", "子码流协议")));

    static final Map<String, List<String>> AREA = Map.of(
            "code", List.of("code", "区划代码", "区域编码", "网格编码"),
            "name", List.of("name", "名称", "区域名称", "网格名称"),
            "level", List.of("level", "级别", "层级"),
            "parentCode", List.of("parentCode", "parent", "上级代码", "上级编码"),
            "landAreaKm2", List.of("landAreaKm2", "面积", "面积(km2)"));

    /** Column index → field name for the given header row; unknown columns map to null and are reported. */
    static Map<Integer, String> resolve(List<String> header, Map<String, List<String>> aliases) {
        Map<String, String> byAlias = new HashMap<>();
        aliases.forEach((field, names) -> names.forEach(n -> byAlias.put(normalise(n), field)));
        Map<Integer, String> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(i, byAlias.get(normalise(header.get(i))));
        }
        return columns;
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
    }
}
