package org.openkiosk.app.fleet;

import java.time.Instant;

/**
 * The {@code telemetry} payload, every heartbeat: counts since local midnight and the machine's resources. Counts
 * only: never a name, an ID number, a booking code or anything else about a citizen.
 *
 * @param sessions       citizen sessions started (identification) since midnight
 * @param prints         certificates printed
 * @param tickets        queue tickets issued (check-ins and walk-ins)
 * @param bookings       appointments booked
 * @param ratings        ratings given (the four store counts are absent while the store cannot be read)
 * @param freeDiskBytes  free space where the data directory lives
 * @param heapUsedBytes  Java heap in use
 * @param heapMaxBytes   Java heap limit
 * @param queuedMessages messages waiting in the on-disk queue for the broker
 * @param droppedMessages messages the full queue had to drop since start (0 unless the broker was away very long)
 */
public record Telemetry(String schema, String kiosk, Instant at, Long sessions, Long prints, Long tickets,
                        Long bookings, Long ratings, long freeDiskBytes, long heapUsedBytes, long heapMaxBytes,
                        long queuedMessages, long droppedMessages) {

    public static final String SCHEMA = "openkiosk/telemetry/1";
}
