package org.openkiosk.app.service.catalogue;

/**
 * What the rest of the configuration directory says about this kiosk, for the checks of {@code services.yaml}
 * across files.
 *
 * @param plainHttpAllowed the platform may be reached over plain {@code http://} (demo or test installation only)
 * @param faceVerification a face verifier is configured, so {@code card-and-face} can be reached
 */
public record InstallationFacts(boolean plainHttpAllowed, boolean faceVerification) {

    /** When the catalogue is read on its own (the runtime after the whole-directory check, tools). */
    public static InstallationFacts unchecked() {
        return new InstallationFacts(true, true);
    }
}
