package org.openkiosk.device.transport;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Bytes a reader thread received, waiting for a consumer that reads with a timeout. Bounded ring buffer. */
final class ByteInbox {

    private final byte[] ring;
    private int head;
    private int size;
    private boolean ended;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    ByteInbox(int capacity) {
        ring = new byte[capacity];
    }

    /** Appends; when full, the oldest bytes are dropped (stale status replies nobody asked for). */
    void put(byte[] data, int offset, int length) {
        lock.lock();
        try {
            for (int i = 0; i < length; i++) {
                if (size == ring.length) {
                    head = (head + 1) % ring.length;
                    size--;
                }
                ring[(head + size) % ring.length] = data[offset + i];
                size++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Marks that no more bytes will come; waiting readers wake up. */
    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return bytes copied, 0 on timeout, −1 when ended and empty */
    int take(byte[] buffer, int offset, int length, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (size == 0) {
                if (ended) {
                    return -1;
                }
                if (left <= 0) {
                    return 0;
                }
                left = changed.awaitNanos(left);
            }
            int n = Math.min(length, size);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = ring[head];
                head = (head + 1) % ring.length;
            }
            size -= n;
            return n;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            head = 0;
            size = 0;
        } finally {
            lock.unlock();
        }
    }
}
