package org.openkiosk.app.fleet;

/** One message waiting for the broker, in the order it was made. An empty retained payload clears a retained topic. */
public record OutboxMessage(long seq, String topic, byte[] payload, boolean retain) {}
