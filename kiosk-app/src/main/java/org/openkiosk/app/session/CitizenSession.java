package org.openkiosk.app.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.device.idcard.IdNumber;

/**
 * Everything personal about the one citizen at the kiosk: how they identified, their ID number, name, photo,
 * scanned documents and the choices they made. Created at identification and {@link #wipe() wiped} when the
 * citizen leaves or the idle timer resets the kiosk; nothing of it outlives the session.
 *
 * <p>Byte arrays (photo, scans) are owned by the session and overwritten with zeros on wipe, so a heap dump
 * taken later does not hold them; readers get copies. {@link #toString()} is masked. Not thread-safe: the UI thread owns the session.
 */
public final class CitizenSession {

    private final IdentificationMethod method;
    private final Instant startedAt;
    private IdNumber idNumber;
    private String name;
    private byte[] photo;
    private final List<byte[]> scans = new ArrayList<>();
    private final Map<String, String> choices = new LinkedHashMap<>();
    private boolean wiped;

    public CitizenSession(IdentificationMethod method, IdNumber idNumber, Instant startedAt) {
        this.method = Objects.requireNonNull(method, "method");
        this.idNumber = Objects.requireNonNull(idNumber, "idNumber");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public IdentificationMethod method() {
        return method;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public IdNumber idNumber() {
        checkLive();
        return idNumber;
    }

    /** The name as read from the card; empty when the citizen typed their number or scanned a code. */
    public Optional<String> name() {
        checkLive();
        return Optional.ofNullable(name);
    }

    public void setName(String name) {
        checkLive();
        this.name = name;
    }

    /** A copy of the card photo (JPEG/BMP bytes), if one was read. */
    public Optional<byte[]> photo() {
        checkLive();
        return photo == null ? Optional.empty() : Optional.of(photo.clone());
    }

    /**
     * Takes ownership of the photo bytes: the session zeroes this very array on wipe, so the reader's buffer
     * does not keep the photo either. A previous photo is zeroed at once.
     */
    public void setPhoto(byte[] photo) {
        checkLive();
        if (this.photo != photo) {
            zero(this.photo);
        }
        this.photo = photo;
    }

    /** Takes ownership of one scanned page's bytes (zeroed on wipe, like the photo). */
    public void addScan(byte[] scan) {
        checkLive();
        scans.add(Objects.requireNonNull(scan, "scan"));
    }

    public int scanCount() {
        checkLive();
        return scans.size();
    }

    public byte[] scan(int index) {
        checkLive();
        return scans.get(index).clone();
    }

    /** Records a choice made in a flow, e.g. {@code service=certificate}, {@code slot=2026-11-23T09:30}. */
    public void choose(String key, String value) {
        checkLive();
        choices.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public Optional<String> choice(String key) {
        checkLive();
        return Optional.ofNullable(choices.get(key));
    }

    public Map<String, String> choices() {
        checkLive();
        return Collections.unmodifiableMap(choices);
    }

    public boolean isWiped() {
        return wiped;
    }

    /** Overwrites every byte array with zeros and drops every reference; the session is unusable afterwards. */
    public void wipe() {
        zero(photo);
        photo = null;
        for (byte[] scan : scans) {
            zero(scan);
        }
        scans.clear();
        choices.clear();
        name = null;
        idNumber = null;
        wiped = true;
    }

    @Override
    public String toString() {
        return wiped ? "CitizenSession[wiped]"
                : "CitizenSession[" + method + ", " + idNumber + ", scans=" + scans.size() + "]";
    }

    private void checkLive() {
        if (wiped) {
            throw new IllegalStateException("the citizen session has been wiped");
        }
    }

    private static void zero(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
