package org.openkiosk.app.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openkiosk.app.service.platform.DemoData;

/**
 * Looks for the synthetic people's full ID numbers and names in what the tests wrote: logs, test outputs, fleet
 * journals, exports and diagnostics bundles (zip entries are read too). Compiled code, libraries, the embedded
 * database (which holds citizens by design) and documents printed for a citizen (PDF, images) are not looked at.
 * Run after the test suite ({@code verify}, ADR 0135) with the directories as arguments; a finding names the
 * file, the line and whose data it is, never the full number itself.
 */
public final class PersonalDataScan {

    /** What must never appear in full, with a name for the report that does not repeat it. */
    static final Map<String, String> SYNTHETIC_PEOPLE = syntheticPeople();

    /** Directories of the build that hold code or third-party files, not output. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("classes", "test-classes", "lib", "generated-sources",
            "generated-test-sources", "maven-status", "maven-archiver", "jmods", "runtime-image");
    /** Binary files the tests write on purpose: the store, documents for the citizen, pictures, fonts. */
    private static final Set<String> SKIPPED_EXTENSIONS = Set.of(".class", ".jar", ".mv.db", ".trace.db", ".pdf", ".png",
            ".jpg", ".jpeg", ".pwg", ".ttf", ".ttc", ".otf", ".deb", ".jmod");

    /** One place where a synthetic person's data was found. */
    public record Finding(Path file, String entry, int line, String what) {
        @Override
        public String toString() {
            return file + (entry.isEmpty() ? "" : "!" + entry) + ":" + line + ": " + what;
        }
    }

    private PersonalDataScan() {}

    private static Map<String, String> syntheticPeople() {
        Map<String, String> people = new LinkedHashMap<>();
        people.put(DemoData.TEST_PERSON.value(), "the full ID number of the demo test person");
        people.put(DemoData.ZHANG.value(), "the full ID number of the demo citizen Zhang");
        people.put(DemoData.LI.value(), "the full ID number of the demo citizen Li");
        people.put(DemoData.WANG.value(), "the full ID number of the demo citizen Wang");
        // the simulator's synthetic cards (device-drivers SyntheticCards)
        people.put("810000199003150015", "the full number of the synthetic HK/Macao/Taiwan permit");
        people.put("911000198507040020", "the full number of the synthetic 2023 foreigner's card");
        people.put("CAN110078020112", "the full number of the synthetic 2017 foreigner's card");
        // names; the test person's name 测试 ("test") is an everyday word and cannot be told from one
        people.put("张示例", "the name of the demo citizen Zhang");
        people.put("李样例", "the name of the demo citizen Li");
        people.put("王演示", "the name of the demo citizen Wang");
        people.put("测试港", "the name on the synthetic HK/Macao/Taiwan permit");
        people.put("测试者", "the name on the synthetic 2023 foreigner's card");
        people.put("TESTER, SAMPLE", "the name on the synthetic 2017 foreigner's card");
        people.put("SAMPLE, TESTPERSON", "the name on the synthetic 2023 foreigner's card");
        return Map.copyOf(people);
    }

    /** Every finding under the roots (a root that does not exist has none). */
    public static List<Finding> scan(List<Path> roots) {
        List<Finding> findings = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, findings);
            } else if (Files.isRegularFile(root)) {
                scanFile(root, findings);
            }
        }
        return findings;
    }

    private static void walk(Path root, List<Finding> findings) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skipped = !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        scanFile(file, findings);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file removed while walking (a test still running) is gone
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scanFile(Path file, List<Finding> findings) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (SKIPPED_EXTENSIONS.stream().anyMatch(name::endsWith)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".zip")) {
                scanZip(file, in, findings);
            } else {
                scanText(file, "", in.readAllBytes(), findings);
            }
        } catch (IOException e) {
            // unreadable or vanished (a test's temporary file): nothing that stays to leak
        }
    }

    private static void scanZip(Path file, InputStream in, List<Finding> findings) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String entryName = entry.getName().toLowerCase(Locale.ROOT);
                if (!entry.isDirectory() && SKIPPED_EXTENSIONS.stream().noneMatch(entryName::endsWith)) {
                    scanText(file, entry.getName(), zip.readAllBytes(), findings);
                }
            }
        }
    }

    /** Text files line by line; binary content (a NUL byte) is not text the tests wrote for people to read. */
    private static void scanText(Path file, String entry, byte[] bytes, List<Finding> findings) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return;
            }
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].toUpperCase(Locale.ROOT); // an ID number's check character may be written x
            for (Map.Entry<String, String> person : SYNTHETIC_PEOPLE.entrySet()) {
                if (line.contains(person.getKey())) {
                    findings.add(new Finding(file, entry, n + 1, person.getValue()));
                }
            }
        }
    }

    /** Scans the directories given; fails (naming every file and line) when anything is found. */
    public static void main(String[] args) {
        List<Path> roots = java.util.Arrays.stream(args).map(Path::of).toList();
        List<Finding> findings = scan(roots);
        if (!findings.isEmpty()) {
            throw new IllegalStateException("personal data of synthetic people in what the tests wrote ("
                    + findings.size() + "):\n  " + String.join("\n  ", findings.stream().map(Finding::toString).toList()));
        }
        System.out.println("personal-data scan: nothing found under " + roots);
    }
}
