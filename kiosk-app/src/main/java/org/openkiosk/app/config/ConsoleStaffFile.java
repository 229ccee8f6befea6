package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the operator console's staff accounts ({@code console-staff.yaml}) through the located YAML tree: each
 * account's user name, display name (in the console's audit log), role and PBKDF2 password hash, every problem with
 * its line.
 *
 * <pre>
 * staff:
 *   - user: wang.fang
 *     name: 王芳
 *     role: operator        # viewer: sees the hall; operator: may also send commands and answer help calls
 *     passwordHash: "pbkdf2-sha256:600000:SALT:HASH"   # ./kiosk fleet console-password
 * </pre>
 */
public final class ConsoleStaffFile {

    public static final String FILE_NAME = "console-staff.yaml";
    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    /** {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}, salt and hash in Base64. */
    public static final Pattern HASH = Pattern.compile("pbkdf2-sha256:[0-9]{4,8}:[A-Za-z0-9+/=]{16,}:[A-Za-z0-9+/=]{32,}");
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    /** One member of staff. */
    public record StaffAccount(String user, String name, String role, String passwordHash) {
        public boolean operator() {
            return OPERATOR.equals(role);
        }
    }

    private ConsoleStaffFile() {}

    public static List<StaffAccount> load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.getFileName().toString(), 0, "",
                    "file not found: " + file.toAbsolutePath(),
                    "create it with one entry per member of staff (./kiosk fleet console-password prints one)")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.getFileName().toString(), 0, "",
                    "cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), "check its permissions")));
        }
        return parse(file.getFileName().toString(), text);
    }

    public static List<StaffAccount> parse(String fileName, String text) throws ConfigException {
        Problems problems = new Problems(fileName);
        YamlTree.Node root;
        try {
            root = YamlTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        } catch (YamlTree.SyntaxException e) {
            problems.add(e.line(), "", "YAML syntax error: " + e.getMessage(), "check indentation and quoting");
            throw new ConfigException(problems.sorted());
        }
        Section s = Section.root(root, problems);
        List<StaffAccount> accounts = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (Section a : s.mappings("staff")) {
            String user = a.requiredText("user", "wang.fang");
            String name = a.requiredText("name", "王芳");
            String role = a.choice("role", null, List.of(VIEWER, OPERATOR));
            String hash = a.requiredText("passwordHash", "pbkdf2-sha256:600000:…");
            if (user != null && !USER.matcher(user).matches()) {
                a.problem("user", "\"" + user + "\" is not a valid user name",
                        "1–32 lower-case letters, digits, '.', '_' or '-', e.g. wang.fang");
                user = null;
            } else if (user != null && !users.add(user)) {
                a.problem("user", "user \"" + user + "\" is listed twice", "each member of staff once");
                user = null;
            }
            if (name != null && name.isBlank()) {
                a.problem("name", "the name is empty", "the name the audit log records, e.g. 王芳");
                name = null;
            }
            if (hash != null && !HASH.matcher(hash).matches()) {
                a.problem("passwordHash", "not a PBKDF2 hash", "make one with ./kiosk fleet console-password --user NAME");
                hash = null;
            }
            if (role == null && a.entry("role").isEmpty()) {
                a.missing("role", "role: viewer or role: operator");
            }
            a.rejectUnknownKeys();
            if (user != null && name != null && role != null && hash != null) {
                accounts.add(new StaffAccount(user, name.strip(), role, hash));
            }
        }
        if (s.entry("staff").isEmpty()) {
            s.missing("staff", "a list of accounts: - {user: wang.fang, name: 王芳, role: operator, passwordHash: …}");
        }
        s.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return List.copyOf(accounts);
    }
}
