package org.openkiosk.app.ui.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.DemoControls;
import org.openkiosk.app.runtime.DeviceProblem;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.RenderedCertificate;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.device.DeviceRegistry;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.scanner.ScannerDevice;

/**
 * A runtime for view-model and screen tests without devices: the real citizen services over an H2 store in a
 * temporary directory seeded with the demo data, with recording print ports. The end-to-end flow tests use
 * the real {@code DefaultKioskRuntime} with its simulators instead.
 */
public final class FlowRuntime implements KioskRuntime {

    public final Store store;
    public final ScriptedA4Printer a4 = new ScriptedA4Printer();
    public final RecordingReceiptPort receipts = new RecordingReceiptPort();
    private final KioskConfig config;
    private final CitizenServices services;
    private final DeviceRegistry devices = new DeviceRegistry();
    /** A fleet link a test started beside this runtime (help calls); empty = standalone. */
    public volatile Optional<org.openkiosk.app.fleet.KioskFleet> fleet = Optional.empty();
    /** A face verifier the test set up (simulated camera and matcher), if any. */
    public volatile org.openkiosk.device.face.FaceVerifier faceVerifier;

    public FlowRuntime(KioskConfig config, Path dataDir, Clock clock) {
        this(config, dataDir, clock, catalogue());
    }

    /** With a catalogue of the test's own (e.g. other assurance levels). */
    public FlowRuntime(KioskConfig config, Path dataDir, Clock clock,
                       org.openkiosk.app.service.catalogue.ServiceCatalogue catalogue) {
        this(config, dataDir, clock, catalogue, false);
    }

    /**
     * @param platformApart the service platform (entitlements, progress) on a store of its own, as in a hall where the
     *                      platform is another system: closing {@link #store} then takes away only the hall's records
     *                      (reprint counts, bookings), e.g. to show "the hall's records cannot be reached"
     */
    public FlowRuntime(KioskConfig config, Path dataDir, Clock clock,
                       org.openkiosk.app.service.catalogue.ServiceCatalogue catalogue, boolean platformApart) {
        this.config = config;
        this.store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), dataDir);
        DemoData.seed(store, clock);
        if (platformApart) {
            this.platformStore = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null),
                    dataDir.resolve("platform"));
            DemoData.seed(platformStore, clock);
        } else {
            this.platformStore = null;
        }
        this.services = new CitizenServices(store, new EmbeddedServicePlatform(platformApart ? platformStore : store),
                catalogue, new OnePagePdf(), a4, receipts, clock, config.kiosk().id(),
                config.kiosk().hallId());
    }

    private final Store platformStore;

    private static org.openkiosk.app.service.catalogue.ServiceCatalogue catalogue() {
        try {
            return new CatalogueLoader().loadDefault();
        } catch (org.openkiosk.app.service.catalogue.CatalogueException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate check verifies with the repository's trusted keys, the demo key accepted (a demo kiosk). */
    @Override
    public Optional<org.openkiosk.app.certificate.CertificateVerifier> certificateVerifier() {
        try {
            return Optional.of(org.openkiosk.app.certificate.SigningConfig.load(
                    java.nio.file.Paths.get("..", "config").toAbsolutePath().normalize()).verifier(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A simulated document scanner (its synthetic page), so the certificate check offers "Scan the page". */
    private final org.openkiosk.device.docscan.DocumentScannerDevice documentScanner =
            new org.openkiosk.device.docscan.DocumentScannerDevice("documentScanner",
                    org.openkiosk.device.transport.TransportUri.parse("sim:"));

    @Override
    public Optional<org.openkiosk.device.docscan.DocumentScannerDevice> documentScanner() {
        return Optional.of(documentScanner);
    }

    @Override
    public KioskConfig config() {
        return config;
    }

    @Override
    public boolean demo() {
        return false;
    }

    @Override
    public CitizenServices services() {
        return services;
    }

    @Override
    public DeviceRegistry devices() {
        return devices;
    }

    @Override
    public Optional<IdCardReader> idReader() {
        return Optional.empty();
    }

    @Override
    public Optional<ScannerDevice> scanner() {
        return Optional.empty();
    }

    @Override
    public Optional<ReceiptPrinter> receiptPrinter() {
        return Optional.empty();
    }

    @Override
    public Optional<A4PrinterDevice> a4Printer() {
        return Optional.empty();
    }

    @Override
    public Optional<org.openkiosk.device.face.FaceVerifier> faceVerifier() {
        return Optional.ofNullable(faceVerifier);
    }

    @Override
    public Optional<DemoControls> demoControls() {
        return Optional.empty();
    }

    @Override
    public <T> Optional<T> companion(Class<T> type) {
        return fleet.filter(type::isInstance).map(type::cast);
    }

    @Override
    public List<DeviceProblem> deviceProblems() {
        return List.of();
    }

    @Override
    public void close() {
        store.close();
        if (platformStore != null) {
            platformStore.close();
        }
    }

    /** A real one-page PDF naming the certificate (ASCII only), so the preview has something to rasterise. */
    static final class OnePagePdf implements CertificateDocumentPort {
        @Override
        public RenderedCertificate render(org.openkiosk.app.service.port.CertificateRequest request) {
            try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                    text.newLineAtOffset(72, 760);
                    text.showText(request.titleEn() + "  " + request.certificateNumber());
                    text.endText();
                }
                document.save(out);
                return new RenderedCertificate(out.toByteArray(), request.certificateNumber(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
