package org.openkiosk.app.ui.nav;

import javafx.scene.Parent;

/**
 * One screen of the kiosk: a view (the node tree) built over a view-model that holds the screen's state and
 * logic. A screen instance is shown once; navigating back creates a fresh one, so no state of one citizen
 * lingers in a screen the next citizen sees.
 */
public interface Screen {

    /** A stable id for logs and tests, e.g. {@code attract}. */
    String id();

    /** The view; built once per screen instance. */
    Parent view();

    /** Whether the idle timer runs on this screen (not on the attract screen, nobody is there). */
    default boolean idleTimed() {
        return true;
    }

    /**
     * What the kiosk says when this screen appears (its title and what to do), if anything: only bundle keys,
     * never data. Empty for screens nobody is being guided through (attract, out of service, maintenance).
     */
    default java.util.Optional<org.openkiosk.app.ui.voice.VoicePrompt> voicePrompt() {
        return java.util.Optional.empty();
    }

    /** Called after the view has become the visible screen. */
    default void onShow() {
    }

    /** Called when the screen is replaced: stop timelines, cancel background work, drop references. */
    default void onHide() {
    }
}
