package org.openkiosk.device.idcard;

import org.openkiosk.testsupport.FakeNativeLibrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.TransportUri;

/** The sdtapi adapter through JNA against a small fake vendor library that this test compiles with gcc. */
class SdtapiReaderTest {

    /** The fake's control functions. */
    interface FakeControls extends Library {
        void FAKE_SetScenario(int scenario);

        void FAKE_SetCard(byte[] text, int textLength, byte[] photo, int photoLength);

        int FAKE_OpenPort();

        int FAKE_OpenCalls();
    }

    private static Path library;
    private static FakeControls fake;

    @BeforeAll
    static void buildFakeLibrary() throws Exception {
        library = FakeNativeLibrary.build("src/test/c/fake_sdtapi.c", "libfakesdtapi.so");
        fake = Native.load(library.toString(), FakeControls.class);
    }

    @BeforeEach
    void resetFake() {
        fake.FAKE_SetScenario(0);
        byte[] text = SyntheticCards.hongKongMacaoTaiwanPermit().text();
        byte[] photo = SyntheticCards.hongKongMacaoTaiwanPermit().photo();
        fake.FAKE_SetCard(text, text.length, photo, photo.length);
    }

    @Test
    void readsACardThroughTheVendorLibrary() throws Exception {
        IdCardReader reader = new IdCardReader("idReader", new SdtapiReader(uri()));
        reader.open();
        assertThat(fake.FAKE_OpenPort()).isEqualTo(1001);
        assertThat(reader.description()).contains("sdtapi").contains("port 1001");
        IdCard card = reader.readOnce(Duration.ofSeconds(2)).orElseThrow();
        assertThat(card.cardType()).isEqualTo(CardType.HK_MACAO_TAIWAN_PERMIT);
        assertThat(card.travelPermitNumber()).isEqualTo("H00000001");
        assertThat(card.photo().looksLikeWlt()).isTrue();
        reader.close();
        assertThat(fake.FAKE_OpenPort()).as("SDT_ClosePort called").isZero();
    }

    @Test
    void pollingDeliversTheCardOnce() throws Exception {
        IdCardReader reader = new IdCardReader("idReader", new SdtapiReader(uri()),
                new IdCardReader.Settings(Duration.ofMillis(30), Duration.ofMillis(100)));
        java.util.concurrent.BlockingQueue<DeviceEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        reader.addListener(events::add);
        reader.open();
        reader.claim();
        reader.enable();
        long cards = 0;
        long deadline = System.nanoTime() + Duration.ofMillis(800).toNanos();
        while (System.nanoTime() < deadline) {
            DeviceEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e instanceof DeviceEvent.Data<?>) {
                cards++;
            }
        }
        reader.close();
        assertThat(cards).isEqualTo(1);
    }

    @Test
    void noCardAndModuleFaultMapThroughSw3() throws Exception {
        SdtapiReader module = new SdtapiReader(uri());
        module.open();
        fake.FAKE_SetScenario(1);
        assertThat(module.findCard()).isFalse();
        fake.FAKE_SetScenario(2);
        assertThatThrownBy(module::findCard).isInstanceOfSatisfying(Sw3StatusException.class, e -> {
            assertThat(e.status()).contains(Sw3Status.SELF_TEST_FAILED);
            assertThat(e.getMessage()).contains("SW3 60");
        });
        module.close();

        IdCardReader reader = new IdCardReader("idReader", new SdtapiReader(uri()));
        reader.open();
        assertThatThrownBy(() -> reader.readOnce(Duration.ofSeconds(1))).isInstanceOfSatisfying(IdCardReadException.class,
                e -> assertThat(e.action()).isEqualTo(RecommendedAction.CALL_MAINTENANCE));
        reader.close();
    }

    @Test
    void portThatCannotBeOpenedIsADisconnect() {
        fake.FAKE_SetScenario(3);
        SdtapiReader module = new SdtapiReader(uri());
        assertThatThrownBy(module::open).isInstanceOf(DisconnectedException.class).hasMessageContaining("SDT_OpenPort failed");
        module.close();
    }

    @Test
    void aHangingVendorCallTimesOut() throws Exception {
        SdtapiReader module = new SdtapiReader(uri(), Duration.ofMillis(300));
        module.open();
        fake.FAKE_SetScenario(4);
        long start = System.nanoTime();
        assertThatThrownBy(module::readCard).isInstanceOf(ReadTimeoutException.class).hasMessageContaining("SDT_ReadBaseMsg");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(module.isOpen()).isFalse();
        assertThatThrownBy(module::open).isInstanceOf(ReadTimeoutException.class).hasMessageContaining("has not returned yet");
        fake.FAKE_SetScenario(0);
        // the fake's read sleeps 1 s; once it returned, the module opens again
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (true) {
            try {
                module.open();
                break;
            } catch (ReadTimeoutException stillInside) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        assertThat(module.findCard()).isTrue();
        module.close();
    }

    @Test
    void missingLibraryIsNamed() {
        SdtapiReader module = new SdtapiReader(TransportUri.parse("sdtapi:/nonexistent/libsdtapi.so?port=1"));
        assertThatThrownBy(module::open).hasMessageContaining("cannot load the vendor library /nonexistent/libsdtapi.so");
    }

    private static TransportUri uri() {
        return TransportUri.parse("sdtapi:" + library + "?port=1001");
    }
}
