package org.openkiosk.bench.certificate;

import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.app.certificate.CertificateFonts;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateRequest;
import org.openkiosk.app.certificate.CertificateSigner;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.fonts.BundledFonts;

/**
 * Certificate rendering: warm (the process's parsed font loaded into each new document, subset embedded) against
 * the baseline of embedding the whole font, and cold (the first certificate of a fresh JVM, font parsing included).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CertificateRenderBenchmark {

    CertificateTemplates templates;
    CertificateSigner signer;
    CertificateRequest request;
    CertificateRenderer renderer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        templates = BenchFixtures.templates();
        signer = BenchFixtures.signing().signer();
        request = BenchFixtures.request();
        renderer = new CertificateRenderer(templates, signer, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public byte[] warmSubsetFont() throws Exception {
        return renderer.render(request).pdf();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    @Fork(1)
    public byte[] warmFullFontBaseline() throws Exception {
        return renderer.render(request, false).pdf();
    }

    /** One certificate per fresh JVM: templates, key, font parsing, class loading and JIT all included. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public byte[] coldFirstCertificate() throws Exception {
        TrueTypeFont regular = CertificateFonts.parse(BundledFonts.REGULAR);
        TrueTypeFont bold = CertificateFonts.parse(BundledFonts.BOLD);
        return new CertificateRenderer(BenchFixtures.templates(), BenchFixtures.signing().signer(), true, regular, bold)
                .render(BenchFixtures.request()).pdf();
    }
}
