package org.openkiosk.app.maintenance;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets carried inside URLs anywhere in a text: the user information ({@code ipp://user:pw@host},
 * also a bare token as user) and parameters with a secret-looking name in a query or a JDBC-style parameter list
 * ({@code ?password=…}, {@code &access_token=…}, {@code ;PASSWORD=…}). For diagnostics bundles, which a
 * technician mails to support.
 */
public final class UrlSecrets {

    private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s?#]+@");
    private static final Pattern PARAMETER = Pattern.compile("([?&;])([A-Za-z0-9_.-]+)=([^&;\\s#\"'<>]*)");

    private UrlSecrets() {}

    public static String strip(String text) {
        if (text == null || text.indexOf('=') < 0 && text.indexOf('@') < 0) {
            return text;
        }
        String noUser = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(ConfigSanitizer.REMOVED) + "@");
        Matcher m = PARAMETER.matcher(noUser);
        StringBuilder out = new StringBuilder(noUser.length());
        while (m.find()) {
            String replacement = isSecretParameter(m.group(2))
                    ? m.group(1) + m.group(2) + "=" + ConfigSanitizer.REMOVED : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean isSecretParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
        return ConfigSanitizer.isSecretKey(name) || n.equals("pwd") || n.equals("pass") || n.equals("key")
                || n.endsWith("key") || n.equals("auth") || n.equals("authorization") || n.equals("sig")
                || n.equals("signature");
    }
}
