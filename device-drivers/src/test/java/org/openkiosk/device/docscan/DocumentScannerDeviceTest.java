package org.openkiosk.device.docscan;

import org.openkiosk.testsupport.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/** Scans through SANE's test backend with the real scanimage, and through the simulator. */
class DocumentScannerDeviceTest {

    static boolean scanimageInstalled() {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "scanimage"))) {
                return true;
            }
        }
        return false;
    }

    private static DocumentScannerDevice enabled(String uri) throws DeviceException {
        DocumentScannerDevice device = new DocumentScannerDevice("documentScanner", TransportUri.parse(uri));
        device.open();
        device.claim();
        device.enable();
        return device;
    }

    @Test
    void theSaneTestBackendDeliversAPageImage() throws Exception {
        RequiredTool.require(scanimageInstalled(), "scanimage (sane-utils) is needed for the SANE test backend");
        try (DocumentScannerDevice device = enabled("sane:test?resolution=100&test-picture=Grid");
             ScannedPage page = device.scan()) {
            assertThat(page.width()).isGreaterThan(100);
            assertThat(page.height()).isGreaterThan(100);
            // the Grid picture has both black and white pixels
            int[] gray = page.image().getRaster().getPixels(0, 0, page.width(), page.height(), (int[]) null);
            assertThat(gray).contains(0, 255);
            assertThat(page.codes()).isEmpty();
            assertThat(device.statistics().get("scans")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "SANE_STATUS_JAMMED, CLEAR_PAPER_JAM, jammed",
            "SANE_STATUS_NO_DOCS, LOAD_PAPER, no document",
            "SANE_STATUS_COVER_OPEN, CLOSE_COVER, cover open"})
    void injectedSaneErrorsMapToTheRecommendedAction(String status, RecommendedAction action, String text) throws Exception {
        RequiredTool.require(scanimageInstalled(), "scanimage (sane-utils) is needed for the SANE test backend");
        try (DocumentScannerDevice device = enabled("sane:test?read-return-value=" + status + "&timeoutSeconds=10")) {
            assertThatThrownBy(device::scan).isInstanceOf(DeviceException.class)
                    .hasMessageContaining(text)
                    .hasMessageContaining(status.replace("SANE_STATUS_", ""))
                    .satisfies(e -> {
                        assertThat(((DeviceException) e).action()).isEqualTo(action);
                        assertThat(((DeviceException) e).retryable()).isTrue();
                    });
            assertThat(device.health().isUsable()).isFalse();
        }
    }

    @Test
    void anUnknownSaneDeviceFailsAtOpen() {
        RequiredTool.require(scanimageInstalled(), "scanimage (sane-utils) is needed for the SANE test backend");
        DocumentScannerDevice device = new DocumentScannerDevice("documentScanner", TransportUri.parse("sane:test:7"));
        assertThatThrownBy(device::open).isInstanceOf(DeviceException.class).hasMessageContaining("test:7 not found");
    }

    @Test
    void theSimulatorDeliversAPageWithADecodableQrCode() throws Exception {
        try (DocumentScannerDevice device = enabled("sim:?code=KIOSK-测试-42");
             ScannedPage page = device.scan()) {
            assertThat(page.codes()).containsExactly(new DecodedCode("QR_CODE", "KIOSK-测试-42"));
        }
    }

    @Test
    void closingAPageWipesItsPixels() throws Exception {
        try (DocumentScannerDevice device = enabled("sim:")) {
            ScannedPage page = device.scan();
            java.awt.image.BufferedImage image = page.image();
            page.close();
            int[] gray = image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
            assertThat(gray).containsOnly(0);
            assertThatThrownBy(page::image).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void simulatedJamIsADeviceException() throws Exception {
        try (DocumentScannerDevice device = enabled("sim:jammed")) {
            assertThatThrownBy(device::scan).isInstanceOf(DeviceException.class)
                    .satisfies(e -> assertThat(((DeviceException) e).action()).isEqualTo(RecommendedAction.CLEAR_PAPER_JAM));
        }
    }

    @Test
    void theSimulatorScansThePageOnItsGlassAndSaysNoDocumentWhenThereIsNone(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path glass = dir.resolve("glass.png");
        try (DocumentScannerDevice device = enabled("sim:?page=" + glass)) {
            assertThatThrownBy(device::scan).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.action()).isEqualTo(RecommendedAction.LOAD_PAPER));
            javax.imageio.ImageIO.write(SimulatedPageSource.page("ON-THE-GLASS-1"), "png", glass.toFile());
            try (ScannedPage page = device.scan()) {
                assertThat(page.width()).isEqualTo(1240);
                assertThat(page.codes()).extracting(DecodedCode::text).containsExactly("ON-THE-GLASS-1");
            }
        }
    }
}
