package org.openkiosk.bench.flows;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live-object class histogram of this JVM, as {@code jcmd PID GC.class_histogram} prints it (the diagnostic
 * command runs a full GC first, so only reachable objects are counted). Two of them taken during a soak and
 * compared show which classes grow with the number of sessions.
 */
final class ClassHistogram {

    private ClassHistogram() {}

    /** Writes {@code DIR/histogram-NAME.txt}; does nothing when {@code dir} is null. */
    static void write(Path dir, String name) throws IOException {
        if (dir == null) {
            return;
        }
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IOException("GC.class_histogram failed: " + e, e);
        }
        Files.writeString(dir.resolve("histogram-" + name + ".txt"), text, StandardCharsets.UTF_8);
    }
}
