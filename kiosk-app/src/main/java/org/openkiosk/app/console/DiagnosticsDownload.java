package org.openkiosk.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Collects the chunks of a diagnostics bundle a kiosk publishes, and checks the whole against its SHA-256. */
public final class DiagnosticsDownload {

    private final String commandId;
    private final Map<Integer, byte[]> chunks = new TreeMap<>();
    private int count = -1;
    private String sha256;

    public DiagnosticsDownload(String commandId) {
        this.commandId = commandId;
    }

    public void add(JsonNode chunk) {
        if (!commandId.equals(chunk.path("commandId").asText())) {
            return;
        }
        count = chunk.path("count").asInt();
        sha256 = chunk.path("sha256").asText();
        chunks.put(chunk.path("index").asInt(), Base64.getDecoder().decode(chunk.path("data").asText()));
    }

    /** True for replies that carry no download, and for a download with every chunk. */
    public boolean completeFor(JsonNode reply) {
        if (!reply.path("data").has("chunks") || !"applied".equals(reply.path("outcome").asText())) {
            return true;
        }
        return count > 0 && chunks.size() == count;
    }

    public void writeTo(Path file) throws IOException {
        Files.write(file, bytes());
    }

    /** The whole bundle, checked against its SHA-256. */
    public byte[] bytes() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] c : chunks.values()) {
            all.write(c);
        }
        byte[] bytes = all.toByteArray();
        try {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(sha256)) {
                throw new IOException("the reassembled bundle does not match its SHA-256; ask again");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }

    /** Every chunk is here. */
    public boolean complete() {
        return count > 0 && chunks.size() == count;
    }
}
