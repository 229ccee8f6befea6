package org.openkiosk.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one way a test says it needs something from the operating system.
 *
 * <p>Locally a missing tool skips the test with the reason (and the package that provides it). With
 * {@code CI=true} the same condition fails the test: CI installs every tool in {@code .ci/run}, so a tool
 * missing there means a test that would otherwise pass without testing anything.
 */
public final class RequiredTool {
    private RequiredTool() {
    }

    /** True when running under CI ({@code CI=true}, or the system property {@code kiosk.ci=true}). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("kiosk.ci");
    }

    /** Requires an executable on the PATH (or an absolute path), naming the Debian package that provides it. */
    public static Path command(String command, String debianPackage) {
        Path found = find(command);
        require(found != null, command + " (Debian package " + debianPackage + ") is not installed");
        return found;
    }

    /** Requires an arbitrary condition; {@code reason} says what is missing and how to get it. */
    public static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        if (inCi()) {
            Assertions.fail("CI=true, so this test may not skip: " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }

    /** A tool failed to start although it is installed: fail in CI, skip locally, with the tool's own words. */
    public static void startFailed(String tool, String itsOutput) {
        require(false, tool + " did not start: " + itsOutput);
    }

    /** The executable's path, or null when it is not on the PATH. */
    public static Path find(String command) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static boolean onPath(String command) {
        return find(command) != null;
    }
}
