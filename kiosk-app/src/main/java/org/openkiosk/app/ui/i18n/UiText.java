package org.openkiosk.app.ui.i18n;

import javafx.scene.Node;

/**
 * Marks nodes whose text is data (the hall's name from the configuration, the clock, a masked ID number)
 * rather than a message from the bundles; the bundle-coverage test skips exactly these.
 */
public final class UiText {

    public static final String DATA = "kiosk.text.data";

    private UiText() {}

    public static <N extends Node> N data(N node) {
        node.getProperties().put(DATA, Boolean.TRUE);
        return node;
    }

    public static boolean isData(Node node) {
        return Boolean.TRUE.equals(node.getProperties().get(DATA));
    }
}
