package city.vigil.camera;

import java.util.List;
import java.util.Map;

/** Camera counts by the requested dimensions; area keys come with their names ({@code districtName}, …). */
public record CameraCounts(List<String> groupBy, long total, List<Map<String, Object>> groups) {
}
