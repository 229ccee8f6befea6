package org.openkiosk.device.a4;

import org.openkiosk.testsupport.PrivateCups;
import org.openkiosk.testsupport.IppEvePrinter;
import org.openkiosk.testsupport.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/** Prints through a real CUPS queue (private cupsd) to a real IPP printer (ippeveprinter). */
class CupsQueueTest {

    private static final PrintSettings SETTINGS = new PrintSettings(Duration.ofSeconds(45), Duration.ofMillis(200),
            Duration.ofSeconds(5), "iso_a4_210x297mm", "kiosk-test");

    @TempDir
    Path dir;

    @Test
    void aJobThroughACupsQueueReachesCompletedAndAStoppedQueueFailsClearly() throws Exception {
        try (IppEvePrinter ipp = IppEvePrinter.start(dir.resolve("ipp"));
             PrivateCups cups = PrivateCups.start(dir)) {
            cups.addQueue("kioskA4", ipp.ippUri());
            TransportUri uri = TransportUri.parse("cups:kioskA4?server=" + cups.server());
            try (A4PrinterDevice device = new A4PrinterDevice("a4Printer", uri, SETTINGS)) {
                enable(device);
                PrintOutcome printed = device.print(TinyPdf.withText("Through CUPS 7"), "cups-test");
                assertThat(printed.status()).as(printed.toString()).isEqualTo(PrintStatus.COMPLETED);
                assertThat(ipp.receivedDocuments()).hasSize(1);
                RequiredTool.require(IppEvePrinter.onPath("pdftotext"), "pdftotext (poppler-utils) reads the received job back");
                assertThat(A4PrinterDeviceTest.pdfToText(ipp.receivedDocuments().get(0))).contains("Through CUPS 7");

                cups.disable("kioskA4");
                long start = System.nanoTime();
                PrintOutcome stopped = device.print(TinyPdf.withText("Never printed"), "stopped-test");
                assertThat(stopped.printed()).isFalse();
                assertThat(stopped.status()).as(stopped.toString()).isEqualTo(PrintStatus.PRINTER_STOPPED);
                assertThat(stopped.printerStateReasons()).contains("paused");
                assertThat(stopped.detail()).contains("cancelled");
                assertThat(stopped.action()).isEqualTo(RecommendedAction.CALL_MAINTENANCE);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SETTINGS.jobTimeout());
                assertThat(device.checkHealth(HealthCheckLevel.EXTERNAL).isUsable()).isFalse();
                assertThat(ipp.receivedDocuments()).as("nothing more reached the printer").hasSize(1);
            }
        }
    }

    @Test
    void anUnknownQueueIsAConfigurationError() throws Exception {
        try (PrivateCups cups = PrivateCups.start(dir)) {
            A4PrinterDevice device = new A4PrinterDevice("a4Printer",
                    TransportUri.parse("cups:noSuchQueue?server=" + cups.server()), SETTINGS);
            org.assertj.core.api.Assertions.assertThatThrownBy(device::open).isInstanceOf(DeviceException.class)
                    .satisfies(e -> assertThat(((DeviceException) e).action()).isIn(RecommendedAction.CHECK_CONFIGURATION));
        }
    }

    private static void enable(A4PrinterDevice device) throws DeviceException {
        device.open();
        device.claim();
        device.enable();
    }
}
