package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * The checks every HTTP peer of the kiosk gets in the located validation (ADR 0115): the service platform
 * ({@code services.yaml platform:}) and the evaluation platform ({@code kiosk.yaml ratingsTarget:}, ADR 0162). One
 * place, so that both say the same things about a URL, a CA file and a token's variable.
 */
public final class HttpEndpointRules {

    private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private HttpEndpointRules() {}

    /**
     * {@code baseUrl}: required, http(s), and https:// unless plain http is allowed (demo or test installation).
     *
     * @param peer          who is reached, e.g. "the service platform"
     * @param whatTravels   why it must be https, e.g. "ID numbers, face photos and certificates"
     * @param plainHttpHint where plain http:// is allowed, e.g. "plain http:// only with kiosk.testInstallation: true"
     * @return the URL, or {@code null} after reporting a problem
     */
    public static String baseUrl(Section s, String example, boolean plainHttpAllowed, String peer, String whatTravels,
                                 String plainHttpHint) {
        String baseUrl = s.optionalText("baseUrl", null);
        if (baseUrl == null || baseUrl.isBlank()) {
            s.missing("baseUrl", "e.g. baseUrl: " + example);
            return null;
        }
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            s.problem("baseUrl", "\"" + baseUrl + "\" is not an http(s) URL", "e.g. " + example);
            return null;
        }
        if (baseUrl.startsWith("http://") && !plainHttpAllowed) {
            s.problem("baseUrl", peer + " must be reached over https:// (" + whatTravels + " travel on this link)",
                    "use https://…; " + plainHttpHint);
            return null;
        }
        return baseUrl;
    }

    /** {@code caFile}: optional; an absolute path to a readable PEM file. */
    public static String caFile(Section s, String example, String whose) {
        String caFile = s.optionalText("caFile", null);
        if (caFile != null && !Path.of(caFile).isAbsolute()) {
            s.problem("caFile", "\"" + caFile + "\" is not an absolute path", "e.g. " + example);
        } else if (caFile != null && !Files.isReadable(Path.of(caFile))) {
            s.problem("caFile", caFile + " cannot be read", "install " + whose + " CA certificate (PEM) there");
        }
        return caFile;
    }

    /** {@code tokenEnvironment}: optional; the name of the variable holding a bearer token, never the token. */
    public static String tokenEnvironment(Section s, String example) {
        String token = s.optionalText("tokenEnvironment", null);
        if (token != null && !token.matches(ENV_NAME)) {
            s.problem("tokenEnvironment", "\"" + token + "\" is not an environment variable name",
                    "the variable's name, not the token, e.g. " + example);
        }
        return token;
    }

    /** Whom to trust for https://: the JDK's trust store, or only the CA file when one is configured. */
    public static SSLContext clientTls(String caFile, String peer) {
        try {
            if (caFile == null) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, TlsMaterial.trust(Path.of(caFile)).getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for " + peer + " with " + caFile + ": "
                    + e.getMessage(), e);
        }
    }
}
