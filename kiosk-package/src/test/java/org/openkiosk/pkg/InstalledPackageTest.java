package org.openkiosk.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkiosk.pkg.UnpackedPackage.Run;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The .deb this module built, unpacked with {@code dpkg-deb -x} into a temporary root and run from there with its
 * own Java runtime (no JDK on the PATH): the doctor passes, the demo's start-up check passes, JavaFX draws the
 * attract screen on Xvfb, the layout is the
 * documented one, systemd accepts both installed units, the AppCDS archive dumped from the shipped class list is
 * used, and every lintian tag left is explained in docs/install.md.
 */
class InstalledPackageTest {

    private static final Path DOCS = Paths.get("..", "docs", "install.md");
    private static Path deb;
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        root = UnpackedPackage.root();
        deb = UnpackedPackage.deb();
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        assertThat(root.resolve("opt/openkiosk/bin/kiosk")).isExecutable();
        assertThat(root.resolve("opt/openkiosk/runtime/bin/java")).isExecutable();
        assertThat(root.resolve("etc/openkiosk/kiosk.yaml")).isRegularFile();
        assertThat(root.resolve("lib/systemd/system/openkiosk.service")).isRegularFile();
        assertThat(root.resolve("lib/systemd/system/openkiosk-session.service")).isRegularFile();
        assertThat(root.resolve("opt/openkiosk/bin/kiosk-session")).isExecutable();
        assertThat(root.resolve("opt/openkiosk/bin/kiosk-cds")).isExecutable();
        assertThat(root.resolve("etc/pam.d/openkiosk-session")).isRegularFile();
        assertThat(root.resolve("usr/share/doc/openkiosk/copyright")).isRegularFile();
        assertThat(Files.isSymbolicLink(root.resolve("usr/bin/kiosk"))).isTrue();
    }

    /** The CJK fonts are files JavaFX opens in place, not 20 MB copied out of a jar at every start (ADR 0179). */
    @Test
    void theFontsAreFilesOfTheInstallationNotInTheirJar() throws Exception {
        Path fonts = root.resolve("opt/openkiosk/lib/fonts");
        assertThat(fonts.resolve("NotoSansSC-Regular.ttf")).isRegularFile();
        assertThat(fonts.resolve("NotoSansSC-Bold.ttf")).isRegularFile();
        assertThat(fonts.resolve("OFL.txt")).isRegularFile();
        try (Stream<Path> jars = Files.list(root.resolve("opt/openkiosk/lib"))) {
            Path fontsJar = jars.filter(p -> p.getFileName().toString().startsWith("kiosk-fonts-")).findFirst().orElseThrow();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(fontsJar.toFile())) {
                assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                        .contains("org/openkiosk/fonts/BundledFonts.class").noneMatch(n -> n.endsWith(".ttf"));
            }
        }
    }

    @Test
    void theRuntimeIsItsOwnAndCarriesJavaFx() throws Exception {
        Run r = UnpackedPackage.run(Map.of(), root.resolve("opt/openkiosk/runtime/bin/java").toString(), "--list-modules");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("javafx.graphics", "javafx.controls", "javafx.swing", "jdk.charsets",
                "jdk.httpserver").doesNotContain("jdk.compiler", "jdk.jdwp");
        assertThat(root.resolve("opt/openkiosk/runtime/lib/libglassgtk3.so")).isRegularFile();
        try (Stream<Path> jars = Files.list(root.resolve("opt/openkiosk/lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("javafx-"));
        }
    }

    @Test
    void theDoctorPassesFromTheUnpackedTree() throws Exception {
        Run r = kiosk("doctor");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("verdict: READY").contains(root.resolve("etc/openkiosk").toString());
    }

    @Test
    void theDemosStartUpCheckPassesFromTheUnpackedTree() throws Exception {
        Run r = kiosk("demo", "--check");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("is fine; store and required devices ready");
    }

    @Test
    void theAppCdsArchiveDumpedFromTheShippedClassListCarriesTheKiosksClasses() throws Exception {
        assertThat(root.resolve("opt/openkiosk/lib/kiosk.classlist")).isNotEmptyFile();
        Path archive = root.resolve("kiosk.jsa");
        Run dump = UnpackedPackage.run(Map.of("PATH", "/usr/bin:/bin"),
                root.resolve("opt/openkiosk/bin/kiosk-cds").toString(), archive.toString());
        assertThat(dump.exit()).as(dump.output()).isZero();

        Path data = Files.createTempDirectory(root, "data");
        Run r = UnpackedPackage.run(Map.of("KIOSK_CONFIG", root.resolve("etc/openkiosk").toString(),
                "KIOSK_DATA", data.toString(), "PATH", "/usr/bin:/bin", "KIOSK_CDS_ARCHIVE", archive.toString(),
                "KIOSK_JAVA_OPTS", "-XX:+UseSerialGC -Xlog:class+load=info"),
                root.resolve("opt/openkiosk/bin/kiosk").toString(), "demo", "--check");
        assertThat(r.exit()).as(r.output()).isZero();
        // the launcher maps the kiosk's own classes from the archive instead of reading them from the jars
        assertThat(r.output()).contains("org.openkiosk.app.Main source: shared objects file");
    }

    @Test
    void javaFxFromThePackagedRuntimeDrawsTheAttractScreenOnARealXServer() throws Exception {
        Path xvfbRun = RequiredTool.command("xvfb-run", "xvfb");
        Path png = root.resolve("attract.png");
        Path home = Files.createDirectories(root.resolve("kiosk-home"));
        Path data = Files.createTempDirectory(root, "data");
        Run r = UnpackedPackage.run(Map.of("KIOSK_DATA", data.toString(), "HOME", home.toString(), "PATH", "/usr/bin:/bin"),
                xvfbRun.toString(), "-a", "-s", "-screen 0 1920x1080x24",
                root.resolve("opt/openkiosk/bin/kiosk").toString(), "demo", "--windowed", "--screenshot", png.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(1920);
        // the native libraries come from the runtime, not unpacked into the kiosk user's home
        assertThat(home.resolve(".openjfx")).doesNotExist();
    }

    @Test
    void theControlFileDeclaresWhatTheKioskNeeds() throws Exception {
        Run r = UnpackedPackage.run(Map.of(), "dpkg-deb", "-f", deb.toString(), "Package", "Architecture", "Depends");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Package: openkiosk")
                .contains("Architecture: " + System.getProperty("kiosk.package.arch", "amd64"))
                .contains("adduser").contains("libgtk-3-0");
        Run recommends = UnpackedPackage.run(Map.of(), "dpkg-deb", "-f", deb.toString(), "Recommends");
        assertThat(recommends.output()).contains("cage").contains("xwayland");
        Run conffiles = UnpackedPackage.run(Map.of(), "dpkg-deb", "-I", deb.toString(), "conffiles");
        assertThat(conffiles.output()).contains("/etc/openkiosk/kiosk.yaml");
        Run postinst = UnpackedPackage.run(Map.of(), "dpkg-deb", "-I", deb.toString(), "postinst");
        assertThat(postinst.output()).contains("adduser --system").contains("dialout lp scanner");
    }

    @Test
    void systemdAcceptsTheInstalledUnits() throws Exception {
        Path analyze = RequiredTool.command("systemd-analyze", "systemd");
        Path dir = Files.createDirectories(root.resolve("verify"));
        for (String name : List.of("openkiosk.service", "openkiosk-session.service")) {
            String unit = Files.readString(root.resolve("lib/systemd/system/" + name))
                    .replace("/opt/openkiosk/bin/", root.resolve("opt/openkiosk/bin").toString() + "/");
            Path copy = dir.resolve(name);
            Files.writeString(copy, unit);
            Run r = UnpackedPackage.run(Map.of(), analyze.toString(), "verify", copy.toString());
            assertThat(r.exit()).as(name + ": " + r.output()).isZero();
            assertThat(r.output().strip()).as(name).isEmpty();
        }
    }

    @Test
    void everyLintianTagLeftIsExplainedInTheInstallGuide() throws Exception {
        Path lintian = RequiredTool.command("lintian", "lintian");
        Run r = UnpackedPackage.run(Map.of(), lintian.toString(), "--no-tag-display-limit", "--allow-root", deb.toString());
        Matcher m = Pattern.compile("^[EWIPX]: openkiosk[^:]*: ([a-z0-9-]+)", Pattern.MULTILINE).matcher(r.output());
        TreeSet<String> tags = new TreeSet<>();
        while (m.find()) {
            tags.add(m.group(1));
        }
        String guide = Files.readString(DOCS);
        List<String> unexplained = tags.stream().filter(t -> !guide.contains("`" + t + "`")).toList();
        assertThat(unexplained).as("lintian tags not explained in docs/install.md:\n" + r.output()).isEmpty();
        assertThat(r.output()).doesNotContain("E: openkiosk: unstripped-binary-or-object");
    }

    private static Run kiosk(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("opt/openkiosk/bin/kiosk").toString());
        cmd.addAll(List.of(args));
        Path data = Files.createTempDirectory(root, "data");
        // the package's own java only: no JDK on the PATH, no JAVA_HOME, no display
        return UnpackedPackage.run(Map.of("KIOSK_CONFIG", root.resolve("etc/openkiosk").toString(), "KIOSK_DATA", data.toString(),
                "PATH", "/usr/bin:/bin"), cmd.toArray(String[]::new));
    }
}
