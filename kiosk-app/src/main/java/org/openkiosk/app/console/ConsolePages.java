package org.openkiosk.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's pages from the classpath ({@code org/openkiosk/app/console/}): the login page and the console page
 * filled in with the language, the staff member and the session's CSRF token (HTML-escaped). The console's own
 * texts in both languages live in console.js.
 */
final class ConsolePages {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "zh", Map.of("title", "大厅运维台", "login.heading", "工作人员登录", "login.user", "用户名",
                    "login.password", "密码", "login.submit", "登录", "login.refused", "用户名或密码不对。请再试一次。",
                    "login.locked", "登录失败次数太多，此账号已锁定 15 分钟。请稍后再试，或找管理员。",
                    "login.other", "English"),
            "en", Map.of("title", "Hall console", "login.heading", "Staff login", "login.user", "User name",
                    "login.password", "Password", "login.submit", "Log in",
                    "login.refused", "Wrong user name or password. Please try again.",
                    "login.locked", "Too many failed logins: this account is locked for 15 minutes. Try again later or "
                            + "ask your administrator.",
                    "login.other", "中文"));

    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

    String login(String lang, Optional<String> problemKey) {
        Map<String, String> t = TEXTS.get(lang);
        return text("login.html")
                .replace("{{lang}}", lang)
                .replace("{{otherLang}}", lang.equals("zh") ? "en" : "zh")
                .replace("{{title}}", escape(t.get("title")))
                .replace("{{heading}}", escape(t.get("login.heading")))
                .replace("{{user}}", escape(t.get("login.user")))
                .replace("{{password}}", escape(t.get("login.password")))
                .replace("{{submit}}", escape(t.get("login.submit")))
                .replace("{{other}}", escape(t.get("login.other")))
                .replace("{{problem}}", problemKey.map(k -> "<p id=\"login-problem\" class=\"problem\" role=\"alert\">"
                        + escape(t.get(k)) + "</p>").orElse(""));
    }

    String console(String lang, StaffSessions.Session session) {
        return text("console.html")
                .replace("{{lang}}", lang)
                .replace("{{title}}", escape(TEXTS.get(lang).get("title")))
                .replace("{{csrf}}", escape(session.csrfToken()))
                .replace("{{name}}", escape(session.staff().name()))
                .replace("{{role}}", escape(session.staff().role()));
    }

    byte[] resource(String name) {
        return resources.computeIfAbsent(name, n -> {
            try (InputStream in = ConsolePages.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("missing console resource " + n);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
