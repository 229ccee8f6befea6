package org.openkiosk.bench.escpos;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.Receipt;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.escpos.ReceiptPrinterOptions;
import org.openkiosk.device.escpos.ReceiptWriter;
import org.openkiosk.device.escpos.ResidentFont;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.TcpTransport;
import org.openkiosk.device.transport.TransportUri;

/**
 * An appointment slip over TCP on 127.0.0.1. Baseline: writing the already encoded bytes to a sink that only
 * reads. Against it: encoding + writing (the encoder's cost), the same with a line that needs the bitmap fallback,
 * and the full driver path against the simulator (status query, job, GS r confirmation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SlipSendBenchmark {

    static Receipt slip(boolean rareCharacter) {
        Receipt.Builder b = Receipt.builder().title("预约凭条").keyValue("事项", "居住证办理").keyValue("姓名", "测试")
                .keyValue("时间", "2026-11-22 09:30").keyValue("窗口", "3号").divider();
        if (rareCharacter) {
            b.line("经办人：王䶮");
        }
        return b.qr("APPT:20261122:A012:测试").centred("请凭此凭条到窗口办理").cut().build();
    }

    private final ReceiptWriter writer = new ReceiptWriter(PaperWidth.MM80, ResidentFont.GBK, true);
    private ServerSocket sink;
    private Thread drain;
    private TcpTransport transport;
    private byte[] encoded;
    private Receipt plain;
    private Receipt rare;
    private ReceiptPrinterSimulator simulator;
    private ReceiptPrinter printer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        drain = new Thread(() -> {
            try (Socket s = sink.accept(); InputStream in = s.getInputStream()) {
                byte[] buffer = new byte[65536];
                while (in.read(buffer) >= 0) {
                    // discard, like a printer with an endless buffer
                }
            } catch (IOException ignored) {
                // benchmark ends
            }
        }, "sink");
        drain.setDaemon(true);
        drain.start();
        transport = new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + sink.getLocalPort()));
        transport.open();
        plain = slip(false);
        rare = slip(true);
        encoded = writer.encode(plain);

        simulator = new ReceiptPrinterSimulator(PaperWidth.MM80, SimulatedPaper.OK);
        int port = simulator.serveTcp(0);
        printer = new ReceiptPrinter("bench", new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + port)),
                ReceiptPrinterOptions.defaults());
        printer.open();
        printer.claim();
        printer.enable();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        printer.close();
        simulator.close();
        transport.close();
        sink.close();
    }

    @Benchmark
    public void rawWriteBaseline() throws IOException {
        transport.write(encoded);
    }

    @Benchmark
    public void encodeAndWrite() throws IOException {
        transport.write(writer.encode(plain));
    }

    @Benchmark
    public void encodeAndWriteWithBitmapLine() throws IOException {
        transport.write(writer.encode(rare));
    }

    @Benchmark
    public long driverPrintConfirmedBySimulator() throws DeviceException {
        return printer.print(plain);
    }
}
