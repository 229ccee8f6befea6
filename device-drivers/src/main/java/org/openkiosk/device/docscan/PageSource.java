package org.openkiosk.device.docscan;

import java.awt.image.BufferedImage;
import org.openkiosk.device.DeviceException;

/** Where page images come from: SANE's {@code scanimage}, or the simulator. */
interface PageSource {

    /** Checks that the device is there (may do I/O, always under a timeout). */
    void check() throws DeviceException;

    /** Scans one page. Blocks (under a timeout); never on the UI thread. */
    BufferedImage scan() throws DeviceException;

    String description();
}
