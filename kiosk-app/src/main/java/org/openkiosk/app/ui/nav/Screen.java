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

    /** Called after the view has become the visible screen. */
    default void onShow() {
    }

    /** Called when the screen is replaced: stop timelines, cancel background work, drop references. */
    default void onHide() {
    }
}
