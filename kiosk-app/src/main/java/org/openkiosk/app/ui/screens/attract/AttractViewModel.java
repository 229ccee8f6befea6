package org.openkiosk.app.ui.screens.attract;

import java.util.List;
import java.util.function.Consumer;
import org.openkiosk.app.session.KioskService;

/** The attract screen's logic: which services it offers and what choosing one does. */
public final class AttractViewModel {

    private final Consumer<KioskService> onChoose;

    public AttractViewModel(Consumer<KioskService> onChoose) {
        this.onChoose = onChoose;
    }

    /** In the order they appear on screen. */
    public List<KioskService> services() {
        return List.of(KioskService.QUERIES, KioskService.CERTIFICATE_PRINTING,
                KioskService.APPOINTMENTS, KioskService.CHECK_IN, KioskService.CERTIFICATE_CHECK);
    }

    /** Bundle key of a service's title, e.g. {@code service.certificate_printing}. */
    public static String titleKey(KioskService service) {
        return "service." + service.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String hintKey(KioskService service) {
        return titleKey(service) + ".hint";
    }

    public void choose(KioskService service) {
        onChoose.accept(service);
    }
}
