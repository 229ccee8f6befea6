package org.openkiosk.app.service.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.openkiosk.app.config.TlsMaterial;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openkiosk.app.service.catalogue.PlatformSettings;
import org.openkiosk.app.store.Store;

/** Creates the configured service platform adapter. */
public final class ServicePlatforms {

    private ServicePlatforms() {}

    public static ServicePlatform create(PlatformSettings settings, Store store) {
        return create(settings, store, System::getenv, Clock.systemUTC(), EmbeddedServicePlatform.DEFAULT_ZONE);
    }

    /** @param zone the hall's time zone (the embedded platform's issue dates) */
    public static ServicePlatform create(PlatformSettings settings, Store store, Clock clock, ZoneId zone) {
        return create(settings, store, System::getenv, clock, zone);
    }

    /** The JDK's trust store, or only the configured CA file. */
    private static SSLContext tls(PlatformSettings settings) {
        try {
            if (settings.caFile() == null) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, TlsMaterial.trust(Path.of(settings.caFile())).getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the platform with " + settings.caFile() + ": "
                    + e.getMessage(), e);
        }
    }

    static ServicePlatform create(PlatformSettings settings, Store store, UnaryOperator<String> environment) {
        return create(settings, store, environment, Clock.systemUTC(), EmbeddedServicePlatform.DEFAULT_ZONE);
    }

    static ServicePlatform create(PlatformSettings settings, Store store, UnaryOperator<String> environment,
                                  Clock clock, ZoneId zone) {
        if (PlatformSettings.HTTP.equals(settings.type())) {
            Optional<String> token = Optional.ofNullable(settings.tokenEnvironment()).map(environment)
                    .filter(t -> !t.isBlank());
            return new HttpServicePlatform(URI.create(settings.baseUrl()), Duration.ofMillis(settings.connectTimeout()),
                    Duration.ofMillis(settings.requestTimeout()), token, tls(settings), settings.maxReply());
        }
        return new EmbeddedServicePlatform(store, clock, zone);
    }
}
