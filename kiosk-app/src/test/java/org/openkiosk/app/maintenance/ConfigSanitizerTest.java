package org.openkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigSanitizerTest {

    private final ConfigSanitizer sanitizer = new ConfigSanitizer();

    @Test
    void secretsAndUrlCredentialsAreReplacedTheRestIsKept() {
        String out = sanitizer.sanitize("kiosk.yaml", """
                kiosk: { id: K-0101 }   # password: inline-comment-secret
                store:
                  type: postgresql
                  url: jdbc:postgresql://kiosk:db-pass-9@10.1.2.5:5432/kiosk
                  password: s3cret-value
                maintenance:
                  pinHash: "pbkdf2-sha256$210000$c2FsdA==$aGFzaA=="
                platform: { tokenEnvironment: KIOSK_TOKEN, apiKey: abc123xyz, token: tok-789 }
                """);
        assertThat(out).doesNotContain("s3cret-value", "db-pass-9", "pbkdf2", "abc123xyz", "tok-789",
                "inline-comment-secret");
        assertThat(out).contains("K-0101", "postgresql", "10.1.2.5:5432", "KIOSK_TOKEN", ConfigSanitizer.REMOVED);
    }

    @Test
    void aFileThatDoesNotParseIsLeftOutWhole() {
        String out = sanitizer.sanitize("kiosk.yaml", "store: [password: x\n  secret: {");
        assertThat(out).startsWith("# kiosk.yaml was left out").doesNotContain("secret: {");
    }
}
