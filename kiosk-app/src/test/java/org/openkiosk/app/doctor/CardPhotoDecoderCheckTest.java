package org.openkiosk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.FakeNativeLibrary;

/**
 * {@code kiosk doctor} says who decodes the card photo (WLT) for face verification (ADR 0187): the vendor SDK
 * library, present and loadable with its entry point, or the platform; the kiosk never decodes WLT itself.
 */
class CardPhotoDecoderCheckTest {

    @TempDir
    Path tmp;

    private static DeviceConfig facesdk(String library, boolean required) {
        return new DeviceConfig("facesdk", TransportUri.parse("v4l2:/dev/video0"), required, Map.of("library", library));
    }

    @Test
    void aVendorSdkThatLoadsWithItsEntryPointPasses() throws Exception {
        // the device drivers' stand-in for a vendor face SDK, built with gcc
        Path library = FakeNativeLibrary.build("../device-drivers/src/test/c/fake_facesdk.c", "libdoctorfacesdk.so");
        CheckResult result = SystemChecks.cardPhotoDecoder(facesdk(library.toString(), true));
        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.required()).isTrue();
        assertThat(result.label()).isEqualTo("card photo decoder");
        assertThat(result.detail()).isEqualTo(library + " loads and has FACE_CompareWithCardPhoto: the vendor SDK"
                + " decodes the card photo (WLT)");
    }

    @Test
    void aMissingOrBrokenLibraryFailsWithWhatItMeans() throws Exception {
        CheckResult missing = SystemChecks.cardPhotoDecoder(facesdk(tmp.resolve("libnone.so").toString(), true));
        assertThat(missing.blocking()).isTrue();
        assertThat(missing.detail()).contains("is not installed: it decodes the card photo (WLT)");
        Path broken = Files.writeString(tmp.resolve("libbroken.so"), "not an ELF file");
        CheckResult notLoading = SystemChecks.cardPhotoDecoder(facesdk(broken.toString(), false));
        assertThat(notLoading.passed()).isFalse();
        assertThat(notLoading.required()).isFalse();
        assertThat(notLoading.detail()).contains("does not load or lacks FACE_CompareWithCardPhoto");
    }

    @Test
    void aLibraryOptionNotSetIsNamedAsSuch() {
        CheckResult unset = SystemChecks.cardPhotoDecoder(new DeviceConfig("facesdk",
                TransportUri.parse("v4l2:/dev/video0"), true, Map.of()));
        assertThat(unset.blocking()).isTrue();
        assertThat(unset.detail()).contains("'library' option").doesNotContain("null");
    }

    @Test
    void thePlatformOrTheSimulatorNeedNoDecoderOnTheKiosk() {
        CheckResult platform = SystemChecks.cardPhotoDecoder(new DeviceConfig("platform",
                TransportUri.parse("v4l2:/dev/video0"), true, Map.of()));
        assertThat(platform.passed()).isTrue();
        assertThat(platform.detail()).contains("the service platform decodes the card photo");
        assertThat(SystemChecks.cardPhotoDecoder(new DeviceConfig("sim", TransportUri.parse("sim:"), false, Map.of()))
                .detail()).contains("no card photo decoder needed");
    }
}
