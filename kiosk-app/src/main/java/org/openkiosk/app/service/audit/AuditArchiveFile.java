package org.openkiosk.app.service.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An archive of the chain's oldest records (ADR 0176), as JSON lines: a header ({@code format}, {@code chain},
 * {@code from}, {@code through}), one line per record exactly as the database held it (seq, time, kiosk, action,
 * subject, details, previous link, link, link version — the records hold masked numbers and keyed references, never a
 * full ID number or a name, ADR 0062/0066), and last the signed {@link AuditArchiveCut}, whose {@code sha256} covers
 * every line before it. A file that does not end with its cut is incomplete.
 *
 * @param records the record lines; a line that is not a record keeps its place and cannot match its link
 * @param cut     the signed cut on the last line; empty when the file is incomplete
 * @param sha256  SHA-256 of the bytes before the last line (of the whole file when there is no cut line)
 */
public record AuditArchiveFile(Path path, String chain, long from, long through, List<AuditRecord> records,
                               Optional<AuditArchiveCut> cut, String sha256) {

    public static final String FORMAT = "openkiosk-audit-archive 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file name an archive of {@code chain}'s records {@code from..through} gets. */
    public static String fileName(String chain, long from, long through) {
        return String.format("audit-archive-%s-%09d-%09d.jsonl", chain, from, through);
    }

    /**
     * Writes the header and the records to {@code file} (which must not exist), signs a cut over them and appends it,
     * and forces the file to the device. Returns the cut.
     */
    static AuditArchiveCut write(Path file, String chain, List<AuditRecord> records, AuditKey key, String prevLink,
                                 long firstKeyed, Instant keyedSince, Instant archivedAt) throws IOException {
        AuditRecord first = records.get(0);
        AuditRecord last = records.get(records.size() - 1);
        MessageDigest sha = newDigest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            ObjectNode header = JSON.createObjectNode();
            header.put("format", FORMAT).put("chain", chain).put("from", first.seq()).put("through", last.seq());
            writeLine(out, sha, header);
            for (AuditRecord r : records) {
                ObjectNode line = JSON.createObjectNode();
                line.put("seq", r.seq()).put("at", r.recordedAt().toString()).put("kiosk", r.kioskId())
                        .put("action", r.action()).put("subject", r.subject()).put("details", r.details())
                        .put("prev", r.prevHash().strip()).put("link", r.hash().strip()).put("version", r.version());
                writeLine(out, sha, line);
            }
            AuditArchiveCut cut = AuditArchiveCut.sign(key, first.seq(), last.seq(), prevLink, last.hash().strip(),
                    firstKeyed, keyedSince, last.recordedAt(), HexFormat.of().formatHex(sha.digest()), archivedAt);
            writeLine(out, null, JSON.createObjectNode().put("cut", cut.text()));
            out.flush();
            channel.force(true);
            return cut;
        }
    }

    private static void writeLine(OutputStream out, MessageDigest sha, JsonNode node) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        if (sha != null) {
            sha.update(bytes);
        }
        out.write(bytes);
    }

    /**
     * Reads an archive file.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is not an audit archive at all (no header)
     */
    public static AuditArchiveFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts.add(start);
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) { // a last line without its newline: a file cut short
            starts.add(start);
            lines.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: not an audit archive");
        }
        JsonNode header;
        try {
            header = JSON.readTree(lines.get(0));
        } catch (IOException e) {
            header = null;
        }
        if (header == null || !FORMAT.equals(header.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not an audit archive (its first line must name the format "
                    + FORMAT + ")");
        }
        Optional<AuditArchiveCut> cut = Optional.empty();
        int recordLines = lines.size();
        String lastLine = lines.get(lines.size() - 1);
        if (lines.size() > 1 && lastLine.startsWith("{\"cut\"") && bytes[bytes.length - 1] == '\n') {
            try {
                cut = Optional.of(AuditArchiveCut.parse(JSON.readTree(lastLine).path("cut").asText()));
            } catch (IOException | IllegalArgumentException e) {
                cut = Optional.empty();
            }
            recordLines = lines.size() - 1;
        }
        int digestEnd = cut.isPresent() ? starts.get(lines.size() - 1) : bytes.length;
        MessageDigest sha = newDigest();
        sha.update(bytes, 0, digestEnd);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i < recordLines; i++) {
            records.add(record(lines.get(i), header.path("from").asLong() + i - 1));
        }
        return new AuditArchiveFile(file, header.path("chain").asText(), header.path("from").asLong(),
                header.path("through").asLong(), List.copyOf(records), cut, HexFormat.of().formatHex(sha.digest()));
    }

    private static AuditRecord record(String line, long expectedSeq) {
        try {
            JsonNode j = JSON.readTree(line);
            return new AuditRecord(j.get("seq").asLong(), Instant.parse(j.get("at").asText()), j.get("kiosk").asText(),
                    j.get("action").asText(), j.get("subject").asText(), j.get("details").asText(),
                    j.get("prev").asText(), j.get("link").asText(), j.get("version").asInt());
        } catch (IOException | RuntimeException e) { // garbled: keeps its place in the chain and fails its link check
            return new AuditRecord(expectedSeq, Instant.EPOCH, "?", "unreadable", "", line, "", "",
                    AuditRecord.KEYED);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
