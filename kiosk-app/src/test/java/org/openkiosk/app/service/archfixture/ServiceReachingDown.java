package org.openkiosk.app.service.archfixture;

import org.openkiosk.app.config.archfixture.ConfigReachingUp;

/** The allowed direction (services to configuration), which with {@link ConfigReachingUp} makes a cycle. */
public final class ServiceReachingDown {
    public static Object down() {
        return ConfigReachingUp.class;
    }
}
