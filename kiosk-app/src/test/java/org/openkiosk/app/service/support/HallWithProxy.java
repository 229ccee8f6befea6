package org.openkiosk.app.service.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.TcpProxy;

/**
 * A hall store with a proxy in front, for each test (ADRs 0173, 0198, 0199, 0202): a fresh database on the class's
 * embedded PostgreSQL, opened directly and seeded with the demo data, and {@code proxies} {@link TcpProxy}s to the
 * server that the test cuts and restores. Everything the test opens through {@link #open} is closed after it, newest
 * first, then the proxies and the hall store.
 * <pre>{@code
 * @RegisterExtension static final PostgresServer POSTGRES = new PostgresServer();
 * private final MutableClock clock = ...;
 * @RegisterExtension final HallWithProxy hall = new HallWithProxy(POSTGRES, clock);
 * ... HallKiosk.open(hall.throughProxy(), ...) ... hall.proxy().cut() ...
 * }</pre>
 */
public final class HallWithProxy implements BeforeEachCallback, AfterEachCallback {

    private final PostgresServer postgres;
    private final Clock seedClock;
    private final int proxyCount;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<TcpProxy> proxies = new ArrayList<>();
    private Path dir;
    private String url;
    private Store store;

    /** One proxy; the demo data seeded at {@code seedClock}'s time. */
    public HallWithProxy(PostgresServer postgres, Clock seedClock) {
        this(postgres, seedClock, 1);
    }

    public HallWithProxy(PostgresServer postgres, Clock seedClock, int proxies) {
        this.postgres = postgres;
        this.seedClock = seedClock;
        this.proxyCount = proxies;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("hall-with-proxy");
        url = postgres.server().newDatabase();
        store = Stores.open(PostgresServer.storeConfig(url), dir);
        DemoData.seed(store, seedClock);
        for (int i = 0; i < proxyCount; i++) {
            proxies.add(TcpProxy.to("127.0.0.1", postgres.server().port()));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        List<AutoCloseable> all = new ArrayList<>(); // closed from the end: the test's resources, proxies, the store
        all.add(() -> {
            if (store != null) {
                store.close();
            }
        });
        all.addAll(proxies);
        all.addAll(opened);
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        opened.clear();
        proxies.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (first != null) {
            throw first;
        }
    }

    /** The hall's database, directly (no proxy). */
    public String url() {
        return url;
    }

    /** The hall store, opened directly and seeded. */
    public Store store() {
        return store;
    }

    /** The first proxy. */
    public TcpProxy proxy() {
        return proxy(0);
    }

    public TcpProxy proxy(int index) {
        return proxies.get(index);
    }

    /** The hall's database through the first proxy. */
    public String throughProxy() {
        return throughProxy(proxy());
    }

    public String throughProxy(TcpProxy proxy) {
        return EmbeddedPostgresServer.throughPort(url, proxy.port());
    }

    /** Closes the hall store (e.g. before its database is dropped and restored); {@link #reopen()} opens it again. */
    public void closeStore() {
        store.close();
        store = null;
    }

    /** Opens the hall store again after {@link #closeStore()}. */
    public Store reopen() {
        store = Stores.open(PostgresServer.storeConfig(url), dir);
        return store;
    }

    /** Closes {@code resource} after the test, before the proxies and the hall store (newest first). */
    public <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }
}
