package org.openkiosk.app.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file so that a technician sees them all in one run. */
final class Problems {

    private final String file;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(int line, String fieldPath, String message, String hint) {
        list.add(new ConfigProblem(file, line, fieldPath, message, hint));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** In file order, so the list reads top to bottom like the file. */
    List<ConfigProblem> sorted() {
        List<ConfigProblem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(ConfigProblem::line));
        return copy;
    }
}
