package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program in a fresh JVM (headless Monocle): {@code demo} with the repository's {@code config/}
 * reaches the attract screen and writes its first frame; {@code run} with a broken configuration shows the
 * out-of-service screen instead of failing. A child JVM, because these end by stopping JavaFX.
 */
class DemoCommandEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void demoRendersTheAttractScreenFromTheRepositoryConfiguration() throws Exception {
        Path png = tmp.resolve("demo.png");
        Result r = kiosk("demo", "--windowed", "--screenshot", png.toString());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("screenshot written");
        assertThat(colours(png)).isGreaterThan(20);
    }

    @Test
    void runWithABrokenConfigurationShowsTheOutOfServiceScreen() throws Exception {
        Path broken = Paths.get("src/test/resources/config-broken/unknown-driver").toAbsolutePath();
        Path png = tmp.resolve("oos.png");
        Result r = kiosk("run", "--config", broken.toString(), "--windowed", "--screenshot", png.toString());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("E-CONFIG").contains("starting out of service");
        assertThat(colours(png)).isGreaterThan(5);
    }

    private record Result(int exit, String output) {
    }

    private Result kiosk(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true",
                "-Dkiosk.home=" + Paths.get("..").toAbsolutePath().normalize(),
                "-cp", System.getProperty("java.class.path"), "org.openkiosk.app.Main",
                "--data", tmp.resolve("data").toString()));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("child.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the kiosk did not end within 90 s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static int colours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1920);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 8) {
            for (int x = 0; x < image.getWidth(); x += 8) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
