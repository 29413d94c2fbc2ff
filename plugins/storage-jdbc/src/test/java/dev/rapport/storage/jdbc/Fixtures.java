package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactId;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test values: time-ordered ids, unique numbers, and instants with microseconds (what both databases keep). */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A UUIDv7-shaped id greater than every id made before it, as the SDK's ids are. */
    static String newId() {
        long msb = (SEQUENCE.incrementAndGet() << 16) | 0x7000L | (RANDOM.nextLong() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    /** A number unique in this JVM, for codes and ticket numbers. */
    static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    static Instant minutesAfterT0(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    static Contact aContact(String name, String phone, String email) {
        return new Contact(ContactId.of(newId()), name, Optional.empty(), Optional.ofNullable(phone),
                Optional.ofNullable(email));
    }
}
