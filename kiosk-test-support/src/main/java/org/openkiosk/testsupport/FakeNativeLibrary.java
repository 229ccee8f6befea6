package org.openkiosk.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Builds a test's stand-in for a vendor library (a small C file under {@code src/test/c}) with gcc, so that a
 * JNA adapter is tested through the real native call path. Without gcc the test skips locally and fails with
 * {@code CI=true} ({@link RequiredTool}).
 */
public final class FakeNativeLibrary {

    private FakeNativeLibrary() {}

    /**
     * @param source      the C file, relative to the module, e.g. {@code src/test/c/fake_sdtapi.c}
     * @param libraryName the file name to build under {@code target/fake-native/}, e.g. {@code libfakesdtapi.so}
     * @return the absolute path of the built shared library
     */
    public static Path build(String source, String libraryName) throws IOException, InterruptedException {
        Path gcc = RequiredTool.command("gcc", "gcc");
        Path out = Path.of("target", "fake-native");
        Files.createDirectories(out);
        Path library = out.resolve(libraryName).toAbsolutePath();
        Process build = new ProcessBuilder(gcc.toString(), "-shared", "-fPIC", "-O1", "-o", library.toString(), source)
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes());
        if (!build.waitFor(60, TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new IOException("gcc did not finish building " + source + " within 60 s");
        }
        if (build.exitValue() != 0) {
            throw new IOException("gcc could not build " + source + ":\n" + output);
        }
        return library;
    }
}
