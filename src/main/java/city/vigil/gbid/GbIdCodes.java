package city.vigil.gbid;

import java.util.Map;
import static java.util.Map.entry;

/** GB/T 28181 code tables (shared/data/domain-reference.md §3.2–3.4): industry, type and network codes with names. */
final class GbIdCodes {
    private GbIdCodes() {
    }

    static final Map<String, String> INDUSTRIES = Map.ofEntries(
            entry("00", "社会治安路面接入"), entry("01", "社会治安社区接入"), entry("02", "社会治安内部接入"),
            entry("03", "社会治安其他接入"), entry("04", "交通路面接入"), entry("05", "交通卡口接入"),
            entry("06", "交通内部接入"), entry("07", "交通其他接入"), entry("08", "城市管理接入"),
            entry("09", "卫生环保接入"), entry("10", "商检海关接入"), entry("11", "教育部门接入"),
            entry("12", "民航接入"), entry("13", "铁路接入"), entry("14", "航运接入"),
            entry("40", "农林牧渔"), entry("41", "采矿"), entry("42", "制造"), entry("43", "电力热力燃气水"),
            entry("44", "建筑"), entry("45", "批发零售"), entry("46", "交通运输仓储邮政"), entry("47", "住宿餐饮"),
            entry("48", "信息传输软件IT"), entry("49", "金融"), entry("50", "房地产"), entry("51", "租赁商务"),
            entry("52", "科研技术"), entry("53", "水利环境公共设施"), entry("54", "居民服务"), entry("55", "教育"),
            entry("56", "卫生社会工作"), entry("57", "文化体育娱乐"), entry("58", "公共管理社会保障"),
            entry("59", "国际组织"));

    record Type(String name, String group) {
    }

    private static final String FRONT_MAIN = "前端主设备";
    private static final String FRONT_PERIPHERAL = "前端外围设备";
    private static final String PLATFORM = "平台设备";
    private static final String EXTERNAL = "平台外接服务器";

    static final Map<Integer, Type> TYPES = Map.ofEntries(
            entry(111, new Type("DVR", FRONT_MAIN)), entry(112, new Type("视频服务器", FRONT_MAIN)),
            entry(113, new Type("编码器", FRONT_MAIN)), entry(114, new Type("解码器", FRONT_MAIN)),
            entry(115, new Type("视频切换矩阵", FRONT_MAIN)), entry(116, new Type("音频切换矩阵", FRONT_MAIN)),
            entry(117, new Type("报警控制器", FRONT_MAIN)), entry(118, new Type("网络视频录像机 (NVR)", FRONT_MAIN)),
            entry(119, new Type("预留", FRONT_MAIN)), entry(120, new Type("在线视频图像信息采集系统", FRONT_MAIN)),
            entry(121, new Type("视频卡口", FRONT_MAIN)), entry(122, new Type("多目设备", FRONT_MAIN)),
            entry(123, new Type("停车场出入口控制设备", FRONT_MAIN)), entry(124, new Type("人员出入口控制设备", FRONT_MAIN)),
            entry(125, new Type("安检设备", FRONT_MAIN)), entry(130, new Type("混合硬盘录像机 (HVR)", FRONT_MAIN)),
            entry(131, new Type("摄像机", FRONT_PERIPHERAL)), entry(132, new Type("网络摄像机 (IPC)", FRONT_PERIPHERAL)),
            entry(133, new Type("显示器", FRONT_PERIPHERAL)), entry(134, new Type("报警输入设备", FRONT_PERIPHERAL)),
            entry(135, new Type("报警输出设备", FRONT_PERIPHERAL)), entry(136, new Type("语音输入设备", FRONT_PERIPHERAL)),
            entry(137, new Type("语音输出设备", FRONT_PERIPHERAL)), entry(138, new Type("移动传输设备", FRONT_PERIPHERAL)),
            entry(139, new Type("其他外围设备", FRONT_PERIPHERAL)), entry(140, new Type("报警输出设备 (继电器/触发器控制)", FRONT_PERIPHERAL)),
            entry(141, new Type("道闸", FRONT_PERIPHERAL)), entry(142, new Type("智能门", FRONT_PERIPHERAL)),
            entry(143, new Type("凭证识别单元", FRONT_PERIPHERAL)),
            entry(200, new Type("中心信令控制服务器", PLATFORM)), entry(201, new Type("Web应用服务器", PLATFORM)),
            entry(202, new Type("媒体分发服务器", PLATFORM)), entry(203, new Type("代理服务器", PLATFORM)),
            entry(204, new Type("安全服务器", PLATFORM)), entry(205, new Type("报警服务器", PLATFORM)),
            entry(206, new Type("数据库服务器", PLATFORM)), entry(207, new Type("GIS服务器", PLATFORM)),
            entry(208, new Type("管理服务器", PLATFORM)), entry(209, new Type("接入网关", PLATFORM)),
            entry(210, new Type("媒体存储服务器", PLATFORM)), entry(211, new Type("信令安全路由网关", PLATFORM)),
            entry(215, new Type("业务分组", PLATFORM)), entry(216, new Type("虚拟组织", PLATFORM)),
            entry(300, new Type("中心用户", "用户")), entry(400, new Type("终端用户", "用户")),
            entry(500, new Type("视频图像信息综合应用平台", EXTERNAL)), entry(501, new Type("视频图像信息运维管理平台", EXTERNAL)),
            entry(502, new Type("视频图像分析系统", EXTERNAL)), entry(503, new Type("视频图像信息数据库", EXTERNAL)),
            entry(505, new Type("视频图像分析设备", EXTERNAL)));

    static final Map<Character, String> NETWORKS = Map.of(
            '0', "公安视频传输网", '1', "公安视频传输网", '2', "行业专网", '3', "政法信息网", '4', "公安移动信息网",
            '5', "公安信息网", '6', "电子政务外网", '7', "互联网等公共网络", '8', "专线", '9', "预留");
}
