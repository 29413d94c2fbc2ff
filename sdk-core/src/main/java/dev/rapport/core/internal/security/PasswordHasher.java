package dev.rapport.core.internal.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id password hashes (memory-hard), at OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane.
 * The parameters travel inside each hash, so raising them later keeps old hashes verifiable. At most
 * {@value #CONCURRENT} hashes are computed at once: each takes 19 MiB, and a burst of logins must not exhaust memory.
 */
public final class PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    static final int CONCURRENT = 4;

    /**
     * A hash to compare against when the employee id is unknown, so both paths cost the same. It is a constant (an
     * Argon2id hash of a throw-away password with {@link #ARGON2}'s parameters, which {@code PasswordHasherTest}
     * checks) rather than computed at start-up, where one hash costs a noticeable share of the time to ready.
     */
    static final String DECOY = "$argon2id$v=19$m=19456,t=2,p=1$1GCcYEyMUOdtmpp00rBcvg$"
            + "G2r50De59gMUs78O7ERCoy7e/oOxCWZUV7vXIpA8A4o";

    private final Semaphore permits;
    /** Hashes already made, by password, in a hasher that hashes each password once; null in every other hasher. */
    private final Map<String, String> madeOnce;

    public PasswordHasher() {
        this(new Semaphore(CONCURRENT, true), null);
    }

    private PasswordHasher(Semaphore permits, Map<String, String> madeOnce) {
        this.permits = permits;
        this.madeOnce = madeOnce;
    }

    /**
     * A hasher that hashes each distinct password once and hands the same hash (salt included) to every later
     * request for it, sharing this one's bound on concurrent hashing. Only for seeding users whose password is public
     * anyway, such as the demo's: anyone reading the stored hashes sees which users share a password.
     */
    public PasswordHasher hashingEachPasswordOnce() {
        return hashingEachPasswordOnce(Map.of());
    }

    /**
     * As {@link #hashingEachPasswordOnce()}, starting from hashes made earlier ({@code known}, by password): the demo's
     * published password comes with its hash, so seeding the demo computes none.
     */
    public PasswordHasher hashingEachPasswordOnce(Map<String, String> known) {
        return new PasswordHasher(permits, new ConcurrentHashMap<>(known));
    }


    public String hash(String password) {
        return madeOnce == null ? salted(password) : madeOnce.computeIfAbsent(password, this::salted);
    }

    /** A new hash with a new random salt. */
    private String salted(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    private <T> T bounded(Supplier<T> hashing) {
        permits.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }

    /** Spends the time of a real check, then fails: for unknown employee ids. */
    public boolean matchesNothing(String password) {
        matches(password, DECOY);
        return false;
    }
}
