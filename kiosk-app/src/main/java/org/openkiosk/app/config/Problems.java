package org.openkiosk.app.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of one file so that a technician sees them all in one run. Public so that the other
 * configuration files (services.yaml, certificates/*.yaml) are bound the same way as kiosk.yaml.
 */
public final class Problems {

    private final String file;
    private final List<ConfigProblem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    /** The file's name as shown in problems, e.g. {@code certificates/residence.yaml}. */
    public String file() {
        return file;
    }

    public void add(int line, String fieldPath, String message, String hint) {
        list.add(new ConfigProblem(file, line, fieldPath, message, hint));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** In file order, so the list reads top to bottom like the file. */
    public List<ConfigProblem> sorted() {
        List<ConfigProblem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(ConfigProblem::line));
        return copy;
    }
}
