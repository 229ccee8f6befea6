package org.openkiosk.app.service.catalogue;

import java.util.List;
import org.openkiosk.app.config.ConfigProblem;

/**
 * {@code services.yaml} is unreadable or invalid; {@link #located()} names each problem with its file, line,
 * field path and hint, {@link #problems()} gives the same as text.
 */
public class CatalogueException extends Exception {

    private final List<ConfigProblem> located;

    public CatalogueException(List<ConfigProblem> located) {
        super(located.size() == 1 ? located.get(0).toString()
                : located.size() + " problems: " + String.join("; ", located.stream().map(Object::toString).toList()));
        this.located = List.copyOf(located);
    }

    public List<ConfigProblem> located() {
        return located;
    }

    /** Each problem as {@code services.yaml:12 services[0].code: message (hint)}. */
    public List<String> problems() {
        return located.stream().map(Object::toString).toList();
    }
}
