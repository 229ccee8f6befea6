package org.openkiosk.app.fleet.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Decides whether a parsed command may be carried out: signed by a trusted operator key, for this kiosk, within
 * its validity, and never seen before. The id is remembered only after the signature checks out, so nobody can
 * burn ids with forged commands.
 */
public final class CommandVerifier {

    /** Longest validity an operator may give a command. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(1);
    /** Tolerated clock difference between operator and kiosk. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final Map<String, PublicKey> operatorKeys;
    private final String target;
    private final ReplayGuard replays;
    private final Clock clock;

    /** @param target this kiosk as {@code REGION/HALL/KIOSK} */
    public CommandVerifier(Map<String, PublicKey> operatorKeys, String target, ReplayGuard replays, Clock clock) {
        this.operatorKeys = Map.copyOf(operatorKeys);
        this.target = target;
        this.replays = replays;
        this.clock = clock;
    }

    public void verify(FleetCommand c) throws CommandRejected {
        if (c.signature().isEmpty()) {
            throw new CommandRejected(CommandRejected.UNSIGNED, "the command carries no signature");
        }
        PublicKey key = operatorKeys.get(c.keyId());
        if (key == null) {
            throw new CommandRejected(CommandRejected.UNKNOWN_KEY, "key \"" + c.keyId()
                    + "\" is not among this kiosk's operator keys (fleet.operatorKeys)");
        }
        if (!signatureMatches(c, key)) {
            throw new CommandRejected(CommandRejected.BAD_SIGNATURE, "the signature does not match key " + c.keyId());
        }
        if (!target.equals(c.target())) {
            throw new CommandRejected(CommandRejected.WRONG_KIOSK, "the command is for " + c.target() + ", this is " + target);
        }
        Instant now = clock.instant();
        if (!c.expiresAt().isAfter(now)) {
            throw new CommandRejected(CommandRejected.EXPIRED, "expired at " + c.expiresAt() + " (kiosk time " + now + ")");
        }
        if (c.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new CommandRejected(CommandRejected.NOT_YET_VALID, "issued at " + c.issuedAt()
                    + ", in the future of the kiosk's clock " + now);
        }
        if (Duration.between(c.issuedAt(), c.expiresAt()).compareTo(MAX_LIFETIME) > 0) {
            throw new CommandRejected(CommandRejected.LIFETIME_TOO_LONG, "valid for longer than " + MAX_LIFETIME.toMinutes()
                    + " minutes");
        }
        try {
            if (!replays.firstUse(c.id(), c.expiresAt().plus(CLOCK_SKEW), now)) {
                throw new CommandRejected(CommandRejected.REPLAYED, "command " + c.id() + " was already received");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember command ids", e);
        }
    }

    private static boolean signatureMatches(FleetCommand c, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(c.canonical());
            return verifier.verify(c.signature().get());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
