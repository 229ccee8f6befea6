package org.openkiosk.app.service.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreUnavailableException;
import org.openkiosk.device.idcard.IdNumber;

/** The service platform backed by the kiosk's own store (see {@link DemoData} for its demo content). */
public final class EmbeddedServicePlatform implements ServicePlatform {

    /** Demo halls are in China: the issue date is the local date there. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final Clock clock;
    private final ZoneId zone;

    public EmbeddedServicePlatform(Store store) {
        this(store, Clock.systemUTC(), DEFAULT_ZONE);
    }

    /** @param zone the hall's time zone: certificates carry the local date of issue */
    public EmbeddedServicePlatform(Store store, Clock clock, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<Citizen> findCitizen(IdNumber idNumber) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM citizen WHERE id_number = ?")) {
                ps.setString(1, idNumber.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Citizen(idNumber, rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Application> applications(IdNumber idNumber) {
        return read(c -> {
            Map<String, String[]> heads = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, service_code, title_zh, title_en FROM application WHERE id_number = ? ORDER BY id")) {
                ps.setString(1, idNumber.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            List<Application> result = new ArrayList<>();
            for (Map.Entry<String, String[]> head : heads.entrySet()) {
                result.add(new Application(head.getKey(), head.getValue()[0], head.getValue()[1],
                        head.getValue()[2], timeline(c, head.getKey())));
            }
            return result;
        });
    }

    private static List<ProgressEvent> timeline(Connection c, String applicationId) throws SQLException {
        List<ProgressEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status, occurred_at, note_zh FROM application_event"
                + " WHERE application_id = ? ORDER BY seq")) {
            ps.setString(1, applicationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new ProgressEvent(ApplicationStatus.valueOf(rs.getString(1)),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                }
            }
        }
        return events;
    }

    @Override
    public List<Entitlement> entitlements(IdNumber idNumber) {
        return read(c -> {
            List<Entitlement> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT certificate_type, title_zh, title_en, issuer_zh"
                    + " FROM entitlement WHERE id_number = ? ORDER BY certificate_type")) {
                ps.setString(1, idNumber.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Entitlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return result;
        });
    }

    /**
     * Issues from the store's entitlements: a person without the entitlement is refused NOT_ELIGIBLE; the content
     * is {@link DemoData}'s synthetic set; the kiosk's request id becomes the certificate number. Unsigned: the
     * embedded platform is the kiosk-signed set-up (ADR 0054).
     */
    @Override
    public IssuedCertificate issueCertificate(IdNumber idNumber, String certificateType, String requestId,
                                              String kioskId, boolean preview) {
        Optional<Citizen> citizen = findCitizen(idNumber);
        boolean entitled = entitlements(idNumber).stream().anyMatch(e -> e.certificateType().equals(certificateType));
        if (citizen.isEmpty() || !entitled) {
            throw new CertificateRefusedException("NOT_ELIGIBLE", "no " + certificateType + " entitlement in the store");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new IssuedCertificate(certificateType, requestId, citizen.get().name(), idNumber, today,
                DemoData.validity(certificateType).map(p -> today.plus(p).minusDays(1)),
                DemoData.certificateFields(certificateType), Optional.empty());
    }

    @Override
    public List<ServiceGuide> guides() {
        return read(c -> {
            List<ServiceGuide> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, title_zh, title_en, materials_zh,"
                    + " materials_en, fee_zh, fee_en, time_limit_zh, time_limit_en FROM service_guide ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ServiceGuide(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return result;
        });
    }

    @Override
    public List<Hall> halls() {
        return read(c -> {
            Map<String, String[]> heads = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name_zh, name_en, address_zh FROM hall ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            List<Hall> result = new ArrayList<>();
            for (Map.Entry<String, String[]> head : heads.entrySet()) {
                List<Hall.Counter> counters = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT counter_no, counter_type FROM hall_counter"
                        + " WHERE hall_id = ? ORDER BY counter_no")) {
                    ps.setString(1, head.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counters.add(new Hall.Counter(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
                result.add(new Hall(head.getKey(), head.getValue()[0], head.getValue()[1], head.getValue()[2],
                        counters));
            }
            return result;
        });
    }

    private <T> T read(org.openkiosk.app.store.SqlWork<T> work) {
        try {
            return store.inTransaction(work);
        } catch (StoreUnavailableException e) {
            throw new PlatformUnavailableException("the embedded platform's store is unavailable: "
                    + e.getMessage(), e);
        }
    }
}
