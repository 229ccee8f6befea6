package org.openkiosk.app.fleet;

/**
 * The topic tree of one kiosk: {@code openkiosk/v1/REGION/HALL/KIOSK/…}. Kiosks publish under their own root only
 * and read only their {@code cmd} topic (the broker's ACL enforces it, see docs/fleet.md).
 */
public record FleetTopics(String root) {

    public static final String PREFIX = "openkiosk/v1/";
    /** Every kiosk's retained state, for watchers: {@code openkiosk/v1/+/+/+/state}. */
    public static final String ALL_STATES = PREFIX + "+/+/+/state";
    public static final String ALL_ALARMS = PREFIX + "+/+/+/alarm/+";
    /** Every kiosk's retained help call, for the console. */
    public static final String ALL_HELP_CALLS = PREFIX + "+/+/+/help";

    public static FleetTopics of(String region, String hall, String kiosk) {
        return new FleetTopics(PREFIX + region + "/" + hall + "/" + kiosk);
    }

    public String state() {
        return root + "/state";
    }

    public String telemetry() {
        return root + "/telemetry";
    }

    public String alarm(String code) {
        return root + "/alarm/" + code;
    }

    public String event() {
        return root + "/event";
    }

    /** The citizen's call for staff, retained while it is open (see {@link HelpCalls}). */
    public String help() {
        return root + "/help";
    }

    public String command() {
        return root + "/cmd";
    }

    public String reply() {
        return root + "/reply";
    }

    /**
     * A signed audit chain head ({@code store} or {@code journal}), retained: the head file's text, so that a saved
     * copy is what {@code ./kiosk audit verify --head FILE} reads (ADR 0163).
     */
    public String auditHead(String chain) {
        return root + "/audit-head/" + chain;
    }

    /** Chunks of a diagnostics bundle: {@code diag/COMMAND-ID}. */
    public String diagnostics(String commandId) {
        return root + "/diag/" + commandId;
    }

    /** The kiosk id (last level) of a kiosk topic root or of any topic under one. */
    public static String kioskOf(String topic) {
        String[] levels = topic.split("/");
        return levels.length >= 5 ? levels[4] : topic;
    }
}
