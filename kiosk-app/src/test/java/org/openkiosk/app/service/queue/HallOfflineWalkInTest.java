package org.openkiosk.app.service.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.appointment.AppointmentException;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.HallKiosk;
import org.openkiosk.app.service.support.HallWithProxy;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.testsupport.Poll;

/**
 * Two kiosks of a hall on one PostgreSQL; the network of one is cut (a proxy). That kiosk keeps handing out
 * walk-in tickets from its reserved numbers and taking ratings, and refuses bookings saying why; the other keeps issuing online. When the network is
 * back, the hall store holds every ticket and rating once, and no ticket number twice.
 */
class HallOfflineWalkInTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SERVICE = "exit-entry";
    private static final Shipper.Settings FAST = new Shipper.Settings(10, Duration.ofMillis(20), Duration.ofMillis(300));

    @TempDir
    Path tempDir;

    private final Clock monday = Clock.fixed(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZONE).toInstant(), ZONE);
    @RegisterExtension
    final HallWithProxy hall = new HallWithProxy(POSTGRES, monday);
    private Store directHall;
    private Journal journal;
    private Shipper shipper;
    private CitizenServices cutOff;
    private CitizenServices online;

    @BeforeEach
    void twoKiosks() throws Exception {
        directHall = hall.store();
        HallKiosk k01 = open(HallKiosk.open(hall.throughProxy(), tempDir, "K-01", monday, 5, FAST));
        journal = k01.journal();
        shipper = k01.shipper();
        cutOff = k01.services();
        cutOff.queue().reserveOfflineNumbers();
        ServiceCatalogue catalogue = new CatalogueLoader().loadDefault();
        online = services(directHall, catalogue, "K-02");
    }

    @Test
    void walkInsAndRatingsContinueOfflineAndArriveOnce() {
        cutOff.queue().walkIn(SERVICE);
        online.queue().walkIn(SERVICE);
        cutOff.ratings().rate(SERVICE, SatisfactionLevel.SATISFIED, Optional.empty());
        Poll.until(Duration.ofSeconds(30), "the first rating forwarded", () -> shipper.status().waiting() == 0);

        hall.proxy().cut();
        List<QueueTicket> offline = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            offline.add(cutOff.queue().walkIn(SERVICE).ticket());
            online.queue().walkIn(SERVICE);
        }
        cutOff.ratings().rate(SERVICE, SatisfactionLevel.DISSATISFIED, Optional.of("waited long"));
        Identity zhang = new Identity(DemoData.ZHANG, Optional.of("张示例"), IdentitySource.CARD,
                Optional.of(CardType.RESIDENT_ID), Optional.empty());
        assertThatThrownBy(() -> cutOff.appointments().book(zhang, SERVICE, DemoData.DEMO_HALL,
                LocalDate.of(2026, 11, 24), LocalTime.of(10, 0)))
                .isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.HALL_OFFLINE));
        assertThat(offline).noneMatch(QueueTicket::queueKnown);
        assertThatThrownBy(() -> cutOff.queue().walkIn(SERVICE)).isInstanceOf(CheckInException.class)
                .extracting(e -> ((CheckInException) e).reason()).isEqualTo(CheckInException.Reason.OFFLINE_NO_NUMBERS);
        Poll.until(Duration.ofSeconds(30), "the outage is noticed", () -> !shipper.status().reachable());
        assertThat(shipper.status().waiting()).isEqualTo(6);

        hall.proxy().restore();
        shipper.wake();
        Poll.until(Duration.ofSeconds(60), "everything forwarded",
                () -> shipper.status().reachable() && shipper.status().waiting() == 0);

        List<String> numbers = column("SELECT ticket_no FROM queue_ticket");
        assertThat(numbers).hasSize(12).doesNotHaveDuplicates()
                .containsAll(offline.stream().map(QueueTicket::ticketNo).toList());
        List<String> forwarded = journal.all().stream().map(JournalRecord::key).toList();
        assertThat(column("SELECT record_key FROM hall_record")).containsExactlyInAnyOrderElementsOf(forwarded);
        assertThat(column("SELECT level FROM rating")).containsExactlyInAnyOrder("4", "2");
    }

    private CitizenServices services(Store hall, ServiceCatalogue catalogue, String kioskId) {
        return new CitizenServices(hall, new EmbeddedServicePlatform(hall), catalogue, new FakeCertificateRenderer(),
                new ScriptedA4Printer(), new RecordingReceiptPort(), monday, kioskId, DemoData.DEMO_HALL);
    }

    private List<String> column(String sql) {
        return HallKiosk.column(directHall, sql);
    }

    private <T extends AutoCloseable> T open(T resource) {
        return hall.open(resource);
    }
}
