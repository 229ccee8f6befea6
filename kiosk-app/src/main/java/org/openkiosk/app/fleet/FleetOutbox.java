package org.openkiosk.app.fleet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded on-disk queue of state changes, alarms and events on their way to the broker. Every message is a file
 * named by its sequence number, written to a temporary file, forced to disk and renamed, so a power cut leaves
 * whole messages only; after a restart the queue continues in the same order. When a limit is reached the oldest
 * message is dropped (and counted), so a kiosk cut off for weeks cannot fill its disk.
 */
public final class FleetOutbox {

    private static final Logger log = LoggerFactory.getLogger(FleetOutbox.class);
    private static final int MAGIC = 0x4f4b4d31; // "OKM1"
    private static final String SUFFIX = ".msg";

    private record Entry(long seq, long bytes) {}

    private final Path dir;
    private final int maxMessages;
    private final long maxBytes;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long bytes;
    private long nextSeq = 1;
    private long dropped;

    public FleetOutbox(Path dir, int maxMessages, long maxBytes) throws IOException {
        this.dir = dir;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        Files.createDirectories(dir);
        load();
    }

    private void load() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(SUFFIX)) {
                    Files.deleteIfExists(f); // a temporary file of a write the power cut interrupted
                    continue;
                }
                try {
                    long seq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
                    long size = Files.size(f);
                    entries.addLast(new Entry(seq, size));
                    bytes += size;
                    nextSeq = Math.max(nextSeq, seq + 1);
                } catch (NumberFormatException e) {
                    log.warn("fleet queue: ignoring foreign file {}", f);
                }
            }
        }
        if (!entries.isEmpty()) {
            log.info("fleet queue: {} message(s) from before the restart wait for the broker", entries.size());
        }
    }

    /** Appends a message durably; drops the oldest ones first when a limit would be passed. */
    public synchronized long add(String topic, byte[] payload, boolean retain) {
        byte[] record = encode(topic, payload, retain);
        while (!entries.isEmpty() && (entries.size() + 1 > maxMessages || bytes + record.length > maxBytes)) {
            Entry oldest = entries.removeFirst();
            bytes -= oldest.bytes();
            dropped++;
            deleteQuietly(oldest.seq());
            log.warn("fleet queue full ({} messages, {} bytes): dropped message {}", maxMessages, maxBytes, oldest.seq());
        }
        long seq = nextSeq++;
        Path target = file(seq);
        try {
            Path temp = dir.resolve(String.format("%020d", seq) + ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(record);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("fleet queue: cannot write " + target, e);
        }
        entries.addLast(new Entry(seq, record.length));
        bytes += record.length;
        notifyAll();
        return seq;
    }

    /** The oldest waiting message, if any; an unreadable one is removed and the next one returned. */
    public synchronized Optional<OutboxMessage> peek() {
        while (!entries.isEmpty()) {
            Entry head = entries.peekFirst();
            try {
                return Optional.of(decode(head.seq(), Files.readAllBytes(file(head.seq()))));
            } catch (IOException | RuntimeException e) {
                log.error("fleet queue: message {} is unreadable and is skipped: {}", head.seq(), e.toString());
                remove(head.seq());
            }
        }
        return Optional.empty();
    }

    /** Waits up to {@code millis} for a message to arrive. */
    public synchronized Optional<OutboxMessage> awaitHead(long millis) throws InterruptedException {
        if (entries.isEmpty() && millis > 0) {
            wait(millis);
        }
        return peek();
    }

    /** Removes a message the broker acknowledged (or refused for good). */
    public synchronized void remove(long seq) {
        Entry head = entries.peekFirst();
        if (head != null && head.seq() == seq) {
            entries.removeFirst();
            bytes -= head.bytes();
        } else {
            entries.removeIf(e -> {
                if (e.seq() == seq) {
                    bytes -= e.bytes();
                    return true;
                }
                return false;
            });
        }
        deleteQuietly(seq);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long dropped() {
        return dropped;
    }

    /** Every waiting message in order (tests, diagnostics). */
    public synchronized List<OutboxMessage> snapshot() {
        return entries.stream().map(e -> {
            try {
                return decode(e.seq(), Files.readAllBytes(file(e.seq())));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }).toList();
    }

    private Path file(long seq) {
        return dir.resolve(String.format("%020d", seq) + SUFFIX);
    }

    private void deleteQuietly(long seq) {
        try {
            Files.deleteIfExists(file(seq));
        } catch (IOException e) {
            log.warn("fleet queue: cannot delete message {}: {}", seq, e.toString());
        }
    }

    private static byte[] encode(String topic, byte[] payload, boolean retain) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + topic.length() + 16);
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeUTF(topic);
            data.writeBoolean(retain);
            data.writeInt(payload.length);
            data.write(payload);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutboxMessage decode(long seq, byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a fleet queue message");
        }
        String topic = in.readUTF();
        boolean retain = in.readBoolean();
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return new OutboxMessage(seq, topic, payload, retain);
    }
}
