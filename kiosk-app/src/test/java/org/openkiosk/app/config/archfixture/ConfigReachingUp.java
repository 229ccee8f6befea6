package org.openkiosk.app.config.archfixture;

import org.openkiosk.app.service.archfixture.ServiceReachingDown;

/** A deliberate upward dependency (configuration to services) closing a cycle, to prove the rules can fail. */
public final class ConfigReachingUp {
    public static Object up() {
        return ServiceReachingDown.class;
    }
}
