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
    void secretsInsideUrlsAreReplaced() {
        String out = sanitizer.sanitize("kiosk.yaml", """
                devices:
                  a4Printer: { driver: ipp, uri: "ipps://printer.hall.local:631/ipp/print?password=ipp-pw-1&copies=1" }
                  other: { uri: "https://tok-only-42@api.example/x" }
                store: { url: "jdbc:h2:file:./data/kiosk;USER=sa;PASSWORD=h2-pw-7;MODE=PostgreSQL" }
                platform: { baseUrl: "https://platform.example/kiosk?api_key=k-99&hall=H-1&sig=ab12" }
                """);
        assertThat(out).doesNotContain("ipp-pw-1", "tok-only-42", "h2-pw-7", "k-99", "ab12");
        assertThat(out).contains("copies=1", "MODE=PostgreSQL", "hall=H-1", "printer.hall.local:631",
                "https://<removed>@api.example/x", "password=<removed>", "PASSWORD=<removed>");
    }

    @Test
    void urlSecretsAnywhereInAText() {
        assertThat(UrlSecrets.strip("GET http://u:p@h/x?token=t1&page=2 then ftp://anon@host/ and a=b"))
                .isEqualTo("GET http://<removed>@h/x?token=<removed>&page=2 then ftp://<removed>@host/ and a=b");
        assertThat(UrlSecrets.strip("mail me at someone@example.org")).isEqualTo("mail me at someone@example.org");
        assertThat(UrlSecrets.strip("no url here")).isEqualTo("no url here");
    }

    @Test
    void aFileThatDoesNotParseIsLeftOutWhole() {
        String out = sanitizer.sanitize("kiosk.yaml", "store: [password: x\n  secret: {");
        assertThat(out).startsWith("# kiosk.yaml was left out").doesNotContain("secret: {");
    }
}
