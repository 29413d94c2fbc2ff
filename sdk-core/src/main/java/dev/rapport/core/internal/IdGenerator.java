package dev.rapport.core.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Generates UUIDv7 ids (RFC 9562): time-ordered, so ids sort by creation and B-tree inserts stay local,
 * and keyset pagination by id is newest-first by time.
 */
public final class IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis = clock.millis();
        long randA = random.nextLong() & 0x0FFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
