package org.openkiosk.bench.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.app.logging.MaskingPatternLayout;
import org.openkiosk.app.logging.PersonalDataRedactor;

/**
 * Cost of masking a log line: Logback's plain {@link PatternLayout} (baseline) against the kiosk's
 * {@link MaskingPatternLayout} on the same event, for an ordinary line and for a line with citizen data, with a
 * citizen registered in {@link PersonalDataRedactor} as during a session.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main MaskingLayoutBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaskingLayoutBenchmark {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n%ex";

    @Param({"ordinary", "citizen"})
    public String line;

    private PatternLayout plain;
    private MaskingPatternLayout masking;
    private LoggingEvent event;
    private PersonalDataRedactor.Registration registration;

    @Setup
    public void setUp() {
        LoggerContext context = new LoggerContext();
        plain = new PatternLayout();
        masking = new MaskingPatternLayout();
        for (PatternLayout layout : new PatternLayout[] {plain, masking}) {
            layout.setContext(context);
            layout.setPattern(PATTERN);
            layout.start();
        }
        Logger logger = context.getLogger("org.openkiosk.app.session.Session");
        Object[] args = line.equals("citizen")
                ? new Object[] {"欧阳梅", "620102196301010722", 1432}
                : new Object[] {"A023", "receiptPrinter", 1432};
        event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "card read: name={} id={} in {} ms", null, args);
        registration = PersonalDataRedactor.registerCitizen("欧阳梅", "620102196301010722");
    }

    @TearDown
    public void tearDown() {
        registration.close();
    }

    @Benchmark
    public String plainLayout() {
        return plain.doLayout(event);
    }

    @Benchmark
    public String maskingLayout() {
        return masking.doLayout(event);
    }
}
