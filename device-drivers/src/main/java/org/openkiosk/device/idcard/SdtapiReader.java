package org.openkiosk.device.idcard;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.NativeCaller;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.TransportUri;

/**
 * A reader that only ships an sdtapi-style vendor library, called through JNA. URI:
 * {@code sdtapi:/opt/reader/libsdtapi.so?port=1001} (ports 1–16 are serial ports, 1001–1016 USB, by vendor
 * convention). The functions return GA 467 SW3 codes, so they map onto {@link Sw3Status} like the frames do.
 *
 * <p>Native calls go through a {@link NativeCaller} with a deadline; a call that overruns it leaves the module
 * closed (reported as a timeout) until the call returns and the reader reopens it.
 */
public final class SdtapiReader implements IdCardModule {

    /** The sdtapi entry points we use. */
    public interface SdtapiLibrary extends Library {
        int SDT_OpenPort(int port);

        int SDT_ClosePort(int port);

        int SDT_StartFindIDCard(int port, byte[] iin, int ifOpen);

        int SDT_SelectIDCard(int port, byte[] sn, int ifOpen);

        int SDT_ReadBaseMsg(int port, byte[] text, IntByReference textLength, byte[] photo, IntByReference photoLength, int ifOpen);
    }

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final String libraryPath;
    private final int port;
    private SdtapiLibrary library;
    private final NativeCaller caller;
    private volatile boolean open;

    public SdtapiReader(TransportUri uri) {
        this(uri, CALL_TIMEOUT);
    }

    public SdtapiReader(TransportUri uri, Duration callTimeout) {
        if (!uri.scheme().equals("sdtapi")) {
            throw new IllegalArgumentException("SdtapiReader needs an sdtapi: URI, got " + uri);
        }
        this.libraryPath = uri.target();
        this.port = uri.intParameter("port").orElse(1001);
        this.caller = new NativeCaller("sdtapi " + port, describe(), callTimeout);
    }

    @Override
    public synchronized void open() throws IOException {
        if (open) {
            return;
        }
        caller.start(); // refuses while an earlier call is still inside the library
        if (library == null) {
            try {
                library = Native.load(libraryPath, SdtapiLibrary.class);
            } catch (UnsatisfiedLinkError e) {
                throw new IOException("cannot load the vendor library " + libraryPath + ": " + e.getMessage(), e);
            }
        }
        int rc = call("SDT_OpenPort", () -> library.SDT_OpenPort(port));
        if (rc != Sw3Status.OK.code()) {
            throw new DisconnectedException(describe() + ": SDT_OpenPort failed, " + Sw3Status.describe(rc));
        }
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Opening the port already made the library talk to the module; sdtapi has no separate status call we rely on. */
    @Override
    public void checkStatus() throws IOException {
        requireOpen();
    }

    @Override
    public boolean findCard() throws IOException {
        requireOpen();
        byte[] iin = new byte[8];
        int rc = call("SDT_StartFindIDCard", () -> library.SDT_StartFindIDCard(port, iin, 0));
        if (rc == Sw3Status.NO_CARD.code()) {
            return false;
        }
        expect("find card", rc, Sw3Status.CARD_FOUND);
        return true;
    }

    @Override
    public void selectCard() throws IOException {
        requireOpen();
        byte[] sn = new byte[16];
        expect("select card", call("SDT_SelectIDCard", () -> library.SDT_SelectIDCard(port, sn, 0)), Sw3Status.OK);
    }

    @Override
    public CardBlocks readCard() throws IOException {
        requireOpen();
        byte[] text = new byte[1024];
        byte[] photo = new byte[4096];
        IntByReference textLength = new IntByReference();
        IntByReference photoLength = new IntByReference();
        int rc = call("SDT_ReadBaseMsg", () -> library.SDT_ReadBaseMsg(port, text, textLength, photo, photoLength, 0));
        expect("read text and photo", rc, Sw3Status.OK);
        int t = textLength.getValue();
        int p = photoLength.getValue();
        if (t != IdCardTextParser.TEXT_LENGTH || p < 0 || p > photo.length) {
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.MALFORMED_REPLY,
                    "SDT_ReadBaseMsg returned text length " + t + " and photo length " + p);
        }
        CardBlocks blocks = new CardBlocks(Arrays.copyOf(text, t), Arrays.copyOf(photo, p), new byte[0]);
        Arrays.fill(text, (byte) 0);
        Arrays.fill(photo, (byte) 0);
        return blocks;
    }

    @Override
    public String describe() {
        return "sdtapi " + libraryPath + " port " + port;
    }

    @Override
    public synchronized void close() {
        if (open && library != null && caller.isStarted()) {
            try {
                call("SDT_ClosePort", () -> library.SDT_ClosePort(port));
            } catch (IOException ignored) {
                // the port is gone either way; nothing to tell the caller
            }
        }
        open = false;
        caller.stop();
    }

    private void requireOpen() throws DisconnectedException {
        if (!open) {
            throw new DisconnectedException(describe() + ": not open");
        }
    }

    private static void expect(String what, int rc, Sw3Status success) throws Sw3StatusException {
        if (rc != success.code()) {
            throw new Sw3StatusException(what, rc);
        }
    }

    private int call(String function, Callable<Integer> nativeCall) throws IOException {
        try {
            return caller.call(function, nativeCall);
        } catch (ReadTimeoutException e) {
            open = false; // the call keeps running inside the library: reopen only once it returned
            throw e;
        }
    }
}
