package org.openkiosk.app.service.platform;

import java.net.URI;
import org.openkiosk.app.config.HttpEndpointRules;
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

    static ServicePlatform create(PlatformSettings settings, Store store, UnaryOperator<String> environment) {
        return create(settings, store, environment, Clock.systemUTC(), EmbeddedServicePlatform.DEFAULT_ZONE);
    }

    static ServicePlatform create(PlatformSettings settings, Store store, UnaryOperator<String> environment,
                                  Clock clock, ZoneId zone) {
        if (PlatformSettings.HTTP.equals(settings.type())) {
            Optional<String> token = Optional.ofNullable(settings.tokenEnvironment()).map(environment)
                    .filter(t -> !t.isBlank());
            return new HttpServicePlatform(URI.create(settings.baseUrl()), Duration.ofMillis(settings.connectTimeout()),
                    Duration.ofMillis(settings.requestTimeout()), token, HttpEndpointRules.clientTls(settings.caFile(), "the platform"), settings.maxReply());
        }
        return new EmbeddedServicePlatform(store, clock, zone);
    }
}
