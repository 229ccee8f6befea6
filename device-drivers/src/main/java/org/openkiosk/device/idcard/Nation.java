package org.openkiosk.device.idcard;

import java.util.Map;
import java.util.TreeMap;

/** An ethnic group by its GB 3304 code, as printed on resident ID cards (汉, 蒙古 …). The card stores the code. */
public record Nation(String code, String name) {

    private static final Map<String, String> NAMES = table();

    public static Nation ofCode(String code) throws IdCardFormatException {
        String name = NAMES.get(code);
        if (name == null) {
            throw new IdCardFormatException("nation code \"" + code + "\" is not in GB 3304 (01–56, 97, 98)");
        }
        return new Nation(code, name);
    }

    /** All codes and names, in code order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> table() {
        String[] names = {
            "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
            "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
            "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
            "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
            "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
            "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"
        };
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(String.format("%02d", i + 1), names[i]);
        }
        m.put("97", "其他");
        m.put("98", "外国血统中国籍人士");
        return java.util.Collections.unmodifiableMap(m);
    }
}
