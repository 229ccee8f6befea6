package org.openkiosk.app.service.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.store.Store;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/**
 * Synthetic demo content for the embedded platform: fictional citizens (valid GB 11643 numbers made with
 * {@link IdNumber#checkCharacter}), their applications and certificates, halls, counters and service guides.
 * Seeding is idempotent: a store that already has citizens is left as it is.
 */
public final class DemoData {

    /** The demo hall every demo kiosk belongs to. */
    public static final String DEMO_HALL = "H-3101";
    /** 测试, the standard synthetic test person. */
    public static final IdNumber TEST_PERSON = id("11010519491231002X");
    /** 张示例 (male, 1985). */
    public static final IdNumber ZHANG = withCheck("44030419850315003");
    /** 李样例 (female, 1992). */
    public static final IdNumber LI = withCheck("31010119920708004");
    /** 王演示 (male, 2001), no applications. */
    public static final IdNumber WANG = withCheck("51010720010120005");

    private DemoData() {}

    /**
     * The content the demo platform issues with a certificate (fictional, the same for every demo person), and
     * how long it is valid; a type absent here is issued without fields and without expiry.
     */
    static Map<String, String> certificateFields(String type) {
        return switch (type) {
            case "no-criminal-record" -> Map.of("address", "示例市示例区示例路1号");
            case "household-registration" -> Map.of("address", "示例市示例区示例路1号", "householder", "测试",
                    "relation", "本人");
            case "residence" -> Map.of("address", "示例市示例区示例路1号", "since", "2015年3月1日");
            default -> Map.of();
        };
    }

    /** No-criminal-record certificates are valid three months (the template's footer says so). */
    static Optional<Period> validity(String type) {
        return "no-criminal-record".equals(type) ? Optional.of(Period.ofMonths(3)) : Optional.empty();
    }

    /** Seeds the demo content unless the store already has citizens; returns whether it seeded. */
    public static boolean seed(Store store, Clock clock) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM citizen");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
            Instant now = clock.instant();
            halls(c);
            guides(c);
            citizen(c, TEST_PERSON, "测试");
            citizen(c, ZHANG, "张示例");
            citizen(c, LI, "李样例");
            citizen(c, WANG, "王演示");
            application(c, "A2026-0001", TEST_PERSON, "exit-entry", "往来港澳通行证", "Exit-entry permit for HK and Macao");
            event(c, "A2026-0001", 1, "RECEIVED", now.minus(Duration.ofDays(9)), "材料已受理");
            event(c, "A2026-0001", 2, "UNDER_REVIEW", now.minus(Duration.ofDays(8)), "审核中");
            event(c, "A2026-0001", 3, "APPROVED", now.minus(Duration.ofDays(4)), "审批通过");
            event(c, "A2026-0001", 4, "MAILED", now.minus(Duration.ofDays(2)), "EMS 已寄出");
            application(c, "A2026-0002", TEST_PERSON, "household", "户口迁移", "Household registration transfer");
            event(c, "A2026-0002", 1, "RECEIVED", now.minus(Duration.ofDays(1)), "材料已受理");
            event(c, "A2026-0002", 2, "UNDER_REVIEW", now.minus(Duration.ofHours(20)), "审核中");
            application(c, "A2026-0003", ZHANG, "exit-entry", "普通护照", "Ordinary passport");
            event(c, "A2026-0003", 1, "RECEIVED", now.minus(Duration.ofDays(6)), "材料已受理");
            event(c, "A2026-0003", 2, "UNDER_REVIEW", now.minus(Duration.ofDays(5)), "审核中");
            event(c, "A2026-0003", 3, "APPROVED", now.minus(Duration.ofDays(1)), "审批通过");
            event(c, "A2026-0003", 4, "READY", now.minus(Duration.ofHours(3)), "请到窗口领取");
            for (IdNumber person : List.of(TEST_PERSON, ZHANG, LI)) {
                entitlement(c, person, "no-criminal-record", "无犯罪记录证明", "No-criminal-record certificate");
            }
            entitlement(c, TEST_PERSON, "household-registration", "户籍证明", "Household registration certificate");
            entitlement(c, TEST_PERSON, "residence", "居住证明", "Residence certificate");
            return true;
        });
    }

    private static void halls(Connection c) throws SQLException {
        exec(c, "INSERT INTO hall (id, name_zh, name_en, address_zh) VALUES (?, ?, ?, ?)",
                DEMO_HALL, "示例市政务服务中心", "Example City Service Centre", "示例市示例路 1 号");
        exec(c, "INSERT INTO hall (id, name_zh, name_en, address_zh) VALUES (?, ?, ?, ?)",
                "H-3102", "示例区政务服务分中心", "Example District Service Centre", "示例区样例街 8 号");
        String[][] counters = {
                {DEMO_HALL, "01", "exit-entry"}, {DEMO_HALL, "02", "exit-entry"}, {DEMO_HALL, "03", "exit-entry"},
                {DEMO_HALL, "04", "household"}, {DEMO_HALL, "05", "household"}, {DEMO_HALL, "06", "vehicle"},
                {"H-3102", "01", "exit-entry"}, {"H-3102", "02", "household"}, {"H-3102", "03", "vehicle"}};
        for (String[] counter : counters) {
            exec(c, "INSERT INTO hall_counter (hall_id, counter_no, counter_type) VALUES (?, ?, ?)", (Object[]) counter);
        }
    }

    private static void guides(Connection c) throws SQLException {
        String sql = "INSERT INTO service_guide (code, title_zh, title_en, materials_zh, materials_en, fee_zh, fee_en,"
                + " time_limit_zh, time_limit_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        exec(c, sql, "exit-entry", "出入境证件办理", "Passports and travel permits",
                "居民身份证；近期免冠照片（可现场拍摄）", "Resident ID card; a recent photo (can be taken on site)",
                "普通护照 120 元", "Ordinary passport CNY 120", "7 个工作日", "7 working days");
        exec(c, sql, "household", "户籍业务", "Household registration",
                "居民身份证；户口簿；相关证明材料", "Resident ID card; household register; supporting documents",
                "免费", "Free of charge", "即时办结或 5 个工作日", "Immediately or within 5 working days");
        exec(c, sql, "vehicle", "车驾管业务", "Vehicles and driving licences",
                "居民身份证；机动车驾驶证", "Resident ID card; driving licence",
                "工本费 10 元", "CNY 10 for the card", "当场办结", "Done on the spot");
        exec(c, sql, "no-criminal-record", "无犯罪记录证明", "No-criminal-record certificate",
                "居民身份证", "Resident ID card", "免费", "Free of charge", "自助打印，即时", "Self-service, immediate");
    }

    private static void citizen(Connection c, IdNumber id, String name) throws SQLException {
        exec(c, "INSERT INTO citizen (id_number, name) VALUES (?, ?)", id.value(), name);
    }

    private static void application(Connection c, String id, IdNumber holder, String service, String zh, String en)
            throws SQLException {
        exec(c, "INSERT INTO application (id, id_number, service_code, title_zh, title_en) VALUES (?, ?, ?, ?, ?)",
                id, holder.value(), service, zh, en);
    }

    private static void event(Connection c, String application, int seq, String status, Instant at, String note)
            throws SQLException {
        exec(c, "INSERT INTO application_event (application_id, seq, status, occurred_at, note_zh) VALUES (?, ?, ?, ?, ?)",
                application, seq, status, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), note);
    }

    private static void entitlement(Connection c, IdNumber holder, String type, String zh, String en)
            throws SQLException {
        exec(c, "INSERT INTO entitlement (id_number, certificate_type, title_zh, title_en, issuer_zh) VALUES (?, ?, ?, ?, ?)",
                holder.value(), type, zh, en, "示例市公安局");
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** A synthetic ID number from its first 17 digits, completed with the right check character. */
    public static IdNumber withCheck(String seventeen) {
        return id(seventeen + IdNumber.checkCharacter(seventeen));
    }

    private static IdNumber id(String eighteen) {
        try {
            return IdNumber.parse(eighteen);
        } catch (InvalidIdNumberException e) {
            throw new IllegalStateException("demo ID number is invalid: " + e.getMessage(), e);
        }
    }
}
