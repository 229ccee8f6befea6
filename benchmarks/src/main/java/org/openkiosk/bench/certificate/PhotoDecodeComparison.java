package org.openkiosk.bench.certificate;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openkiosk.app.certificate.CertificatePayload;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateRequest;
import org.openkiosk.app.certificate.RenderedCertificate;
import org.openkiosk.device.docscan.CodeDecoder;
import org.openkiosk.device.docscan.DecodedCode;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.testsupport.CertificatePhotos;
import org.openkiosk.testsupport.CertificatePhotos.Certificate;
import org.openkiosk.testsupport.CertificatePhotos.Degradation;
import org.openkiosk.testsupport.CertificatePhotos.Photo;

/**
 * Decodes the photo set of issue 16 — {@link CertificatePhotos}: camera-like JPEGs of the project's own signed
 * certificates, generated from a seed (any rotation, perspective, blur, JPEG artefacts, uneven light, inverted,
 * small codes) — with three decoders and prints how many each read and how long each photo took: our
 * {@link CodeDecoder#decodeQr} (the path of {@code ./kiosk certificate verify IMAGE} and of the kiosk's check),
 * ZXing with {@code TRY_HARDER}, and {@code zbarimg} (with its own {@code -Stest-inverted}, so that it reads
 * inverted prints too). Times are of the decoding of an already read image for the two Java decoders, wall clock
 * and the decoding thread's CPU time (closer to a quiet machine's figure when the machine is loaded); for
 * zbarimg one process per photo (start and JPEG reading included) and, separately, one process over all photos
 * (its start spread over them).
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openkiosk.bench.certificate.PhotoDecodeComparison [SEED [COUNT [DIR]]]
 * </pre>
 * Defaults: seed 16, 56 photos (8 per degradation), a temporary directory ({@code -Dphotos.reuse=true} decodes
 * the JPEGs a previous run left in DIR instead of generating them). Run from the repository root on a
 * quiet machine; figures from a loaded machine say so in BENCHMARKS.md. {@code -Dphotos.list=true} prints each
 * photo's outcome per decoder.
 */
public final class PhotoDecodeComparison {

    /** The seed and size of the set in BENCHMARKS.md and in the kiosk-app regression test. */
    public static final long SEED = 16;
    public static final int COUNT = 56;

    /** {@code cpuMillis}: the decoding thread's CPU time (Java decoders only; null for zbarimg). */
    private record Score(String decoder, boolean[] decoded, double[] millis, double[] cpuMillis) {

        int count() {
            int n = 0;
            for (boolean d : decoded) {
                n += d ? 1 : 0;
            }
            return n;
        }
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SEED;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : COUNT;
        Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("photos");
        long t0 = System.nanoTime();
        List<CertificatePhotos.Page> pages = pages();
        List<Photo> photos;
        List<Path> files = new ArrayList<>();
        if (Boolean.getBoolean("photos.reuse")) { // decode the files a previous run left in DIR (decoder work)
            photos = new ArrayList<>();
            try (var listing = Files.list(dir)) {
                for (Path f : listing.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                    String name = f.getFileName().toString().replace(".jpg", "");
                    int index = Integer.parseInt(name.substring(0, name.indexOf('-')));
                    Degradation kind = Degradation.values()[index % Degradation.values().length];
                    photos.add(new Photo(name, kind, 0, 0, Files.readAllBytes(f),
                            pages.get(index % pages.size()).codeText()));
                    files.add(f);
                }
            }
        } else {
            photos = CertificatePhotos.generate(pages, seed, count);
            for (Photo p : photos) {
                files.add(Files.write(dir.resolve(p.name() + ".jpg"), p.jpeg()));
            }
        }
        System.out.printf(Locale.ROOT, "%d photos, seed %d, in %s (rendered and generated in %.1f s)%n",
                photos.size(), seed, dir, (System.nanoTime() - t0) / 1e9);

        List<Score> scores = new ArrayList<>();
        scores.add(java("CodeDecoder.decodeQr (ours)", photos, image -> CodeDecoder.decodeQr(image,
                CertificatePayload::looksLikeCode).stream().map(DecodedCode::text).toList()));
        boolean oursOnly = Boolean.getBoolean("photos.oursOnly");
        if (!oursOnly) {
            scores.add(java("ZXing 3.5.3 TRY_HARDER", photos, CertificatePhotos::zxingTryHarder));
        }
        Score zbar = oursOnly ? null : zbar(photos, files);
        if (zbar != null) {
            scores.add(zbar);
        }
        System.out.printf(Locale.ROOT, "%-38s %7s %8s %8s %8s  %-26s %s%n", "decoder", "decoded", "median",
                "p95", "max", "CPU median/p95/max", "decoded per degradation " + Arrays.toString(Degradation.values()));
        for (Score s : scores) {
            System.out.printf(Locale.ROOT, "%-38s %4d/%-2d %5.1f ms %5.1f ms %5.1f ms  %-26s %s%n", s.decoder(), s.count(),
                    photos.size(), percentile(s.millis(), 50), percentile(s.millis(), 95), percentile(s.millis(), 100),
                    s.cpuMillis() == null ? "-" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms",
                            percentile(s.cpuMillis(), 50), percentile(s.cpuMillis(), 95), percentile(s.cpuMillis(), 100)),
                    perDegradation(s, photos));
        }
        if (oursOnly) {
            // decoder work only
        } else if (zbar == null) {
            System.out.println("zbarimg: not installed (Debian package zbar-tools)");
        } else {
            System.out.printf(Locale.ROOT, "zbarimg, one process for all %d photos: %.1f ms per photo%n", photos.size(),
                    zbarBatch(files) / photos.size());
        }
        if (Boolean.getBoolean("photos.list")) {
            for (int i = 0; i < photos.size(); i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-60s", photos.get(i).name()));
                for (Score s : scores) {
                    line.append(String.format(Locale.ROOT, " %s %6.1f", s.decoded()[i] ? "+" : "-",
                            s.cpuMillis() == null ? s.millis()[i] : s.cpuMillis()[i]));
                }
                System.out.println(line);
            }
        }
    }

    /** The project's own certificates ({@link CertificatePhotos#CERTIFICATES}), signed with the demo key. */
    static List<CertificatePhotos.Page> pages() throws Exception {
        CertificateRenderer renderer = new CertificateRenderer(BenchFixtures.templates(),
                BenchFixtures.signing().signer(), true);
        return CertificatePhotos.pages(c -> {
            RenderedCertificate rendered = renderer.render(new CertificateRequest(c.type(), Certificate.HOLDER_NAME,
                    IdNumber.parse(Certificate.HOLDER_ID_NUMBER), Certificate.FIELDS, Certificate.ISSUED, c.number()));
            return new CertificatePhotos.Rendered(rendered.pdf(), rendered.payload().encode());
        });
    }

    private static Score java(String name, List<Photo> photos, Function<BufferedImage, List<String>> decoder) {
        List<BufferedImage> images = photos.stream().map(Photo::read).toList();
        for (BufferedImage image : images) { // one untimed pass warms the JIT
            decoder.apply(image);
        }
        boolean[] decoded = new boolean[images.size()];
        double[] millis = new double[images.size()];
        double[] cpu = new double[images.size()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < images.size(); i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<String> texts = decoder.apply(images.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            decoded[i] = texts.contains(photos.get(i).expected());
        }
        return new Score(name, decoded, millis, cpu);
    }

    private static Score zbar(List<Photo> photos, List<Path> files) throws Exception {
        if (Files.notExists(Path.of("/usr/bin/zbarimg"))) {
            return null;
        }
        String version = run(List.of("/usr/bin/zbarimg", "--version")).strip();
        boolean[] decoded = new boolean[photos.size()];
        double[] millis = new double[photos.size()];
        for (int i = 0; i < photos.size(); i++) {
            long start = System.nanoTime();
            String out = run(List.of("/usr/bin/zbarimg", "--raw", "-q", "--nodbus", "-Sdisable",
                    "-Sqrcode.enable", "-Stest-inverted", files.get(i).toString()));
            millis[i] = (System.nanoTime() - start) / 1e6;
            decoded[i] = out.lines().anyMatch(photos.get(i).expected()::equals);
        }
        return new Score("zbarimg " + version + " (process per photo)", decoded, millis, null);
    }

    private static double zbarBatch(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/zbarimg", "--raw", "-q", "--nodbus", "-Sdisable",
                "-Sqrcode.enable", "-Stest-inverted"));
        files.forEach(f -> command.add(f.toString()));
        long start = System.nanoTime();
        run(command);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String perDegradation(Score s, List<Photo> photos) {
        Map<Degradation, int[]> counts = new EnumMap<>(Degradation.class);
        for (int i = 0; i < photos.size(); i++) {
            int[] c = counts.computeIfAbsent(photos.get(i).degradation(), d -> new int[2]);
            c[0] += s.decoded()[i] ? 1 : 0;
            c[1]++;
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((d, c) -> out.append(out.length() == 0 ? "" : " ").append(c[0]).append('/').append(c[1]));
        return out.toString();
    }

    /** Nearest-rank percentile; 100 is the maximum. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private PhotoDecodeComparison() {}
}
