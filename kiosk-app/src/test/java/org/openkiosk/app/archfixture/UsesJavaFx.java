package org.openkiosk.app.archfixture;

/** A deliberate violation outside the UI package, to prove the architecture rule can fail. */
public final class UsesJavaFx {
    public static Object colour() {
        return javafx.scene.paint.Color.RED;
    }
}
