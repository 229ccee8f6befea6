package org.openkiosk.app.service.catalogue;

import java.util.List;

/** {@code services.yaml} is unreadable or invalid; {@link #problems()} names each problem with its path. */
public class CatalogueException extends Exception {

    private final List<String> problems;

    public CatalogueException(String source, List<String> problems, Throwable cause) {
        super(source + ": " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
