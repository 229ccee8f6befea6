package org.openkiosk.device.docscan;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openkiosk.device.AbstractDevice;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.transport.TransportUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A document scanner: {@code sane:DEVICE} (through {@code scanimage}) or {@code sim:} (demo). {@link #scan()}
 * returns the page image with every QR code and barcode found on it; the caller closes the page at the end of
 * the session, which wipes the pixels.
 */
public final class DocumentScannerDevice extends AbstractDevice {

    private static final Logger log = LoggerFactory.getLogger(DocumentScannerDevice.class);

    private final TransportUri uri;
    private final PageSource source;

    public DocumentScannerDevice(String logicalName, TransportUri uri) {
        super(logicalName, DeviceClass.DOCUMENT_SCANNER);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.source = switch (uri.scheme()) {
            case "sane" -> new ScanimageSource(uri);
            case "sim" -> new SimulatedPageSource(uri);
            default -> throw new IllegalArgumentException("a document scanner needs sane:DEVICE or sim:, got " + uri);
        };
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DECODES_IMAGES);
    }

    @Override
    protected void doOpen() throws DeviceException {
        try {
            source.check();
        } catch (DeviceException e) {
            throw reportError(e);
        }
    }

    @Override
    protected void doClose() {
        // scanimage runs per scan: nothing stays open
    }

    /** Scans one page and decodes the codes on it. Blocks up to the scan timeout: never on the UI thread. */
    public ScannedPage scan() throws DeviceException {
        requireAtLeast(DeviceState.ENABLED, "scan");
        updateHealth(HealthStatus.busy("scanning"));
        BufferedImage image;
        try {
            image = source.scan();
        } catch (DeviceException e) {
            updateHealth(HealthStatus.error(e.getMessage(), e.action()));
            throw reportError(e);
        }
        List<DecodedCode> codes = CodeDecoder.decodeAll(image);
        statistics().increment(DeviceStatistics.SCANS);
        updateHealth(HealthStatus.online("last scan " + image.getWidth() + "×" + image.getHeight()));
        log.info("{}: scanned {}×{} page, {} code(s)", logicalName(), image.getWidth(), image.getHeight(), codes.size());
        ScannedPage page = new ScannedPage(image, codes);
        fireData(page);
        return page;
    }

    @Override
    public HealthStatus checkHealth(HealthCheckLevel level) {
        if (level == HealthCheckLevel.INTERNAL) {
            return health();
        }
        try {
            source.check();
            updateHealth(HealthStatus.online(uri + " present"));
        } catch (DeviceException e) {
            updateHealth(HealthStatus.offline(e.getMessage(), e.action()));
        }
        return health();
    }
}
