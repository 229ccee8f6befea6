package org.openkiosk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk doctor} on a face verifier's V4L2 camera: ffmpeg installed, the device node there and readable. */
class CameraCheckTest {

    @TempDir
    Path tmp;

    private Path fakeFfmpeg() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path ffmpeg = Files.writeString(bin.resolve("ffmpeg"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void aMissingToolOrDeviceFailsWithWhatToDo() throws Exception {
        CheckResult noTool = SystemChecks.camera(Path.of("/dev/null"), true, name -> tmp.resolve("empty").toString());
        assertThat(noTool.passed()).isFalse();
        assertThat(noTool.required()).isTrue();
        assertThat(noTool.label()).isEqualTo("camera /dev/null");
        assertThat(noTool.detail()).contains("ffmpeg is not installed (Debian package ffmpeg)");

        String path = fakeFfmpeg().toString();
        CheckResult noDevice = SystemChecks.camera(Path.of("/dev/video98"), false, name -> path);
        assertThat(noDevice.passed()).isFalse();
        assertThat(noDevice.required()).isFalse();
        assertThat(noDevice.detail()).contains("no camera at /dev/video98", "ls /dev/video*");
        assertThat(SystemChecks.camera(Files.writeString(tmp.resolve("video0"), ""), true, name -> path).detail())
                .contains("no camera at");
    }

    @Test
    void aReadableDeviceNodeWithFfmpegPasses() throws Exception {
        String path = fakeFfmpeg().toString();
        // /dev/null stands in for a character device the kiosk user may read
        CheckResult check = SystemChecks.camera(Path.of("/dev/null"), true, name -> path);
        assertThat(check.passed()).isTrue();
        assertThat(check.detail()).isEqualTo("/dev/null present, captured through ffmpeg");
    }

    @Test
    void theDoctorChecksEachConfiguredV4l2Camera() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n"
                + "devices:\n  faceVerifier: {driver: facesdk, uri: \"v4l2:/dev/video97\", required: false,"
                + " options: {library: /opt/x.so}}\n");
        Files.writeString(dir.resolve("services.yaml"), "zone: Asia/Shanghai\ncheckIn: {earlyMinutes: 30, lateMinutes: 15}\n"
                + "services: []\ncertificates: []\n");
        CheckResult camera = new Doctor(System::getenv).run(dir, tmp.resolve("data")).stream()
                .filter(r -> r.label().equals("camera /dev/video97")).findFirst().orElseThrow();
        assertThat(camera.passed()).isFalse();
        assertThat(camera.required()).isFalse();
    }
}
