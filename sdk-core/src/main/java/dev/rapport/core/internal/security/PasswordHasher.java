package dev.rapport.core.internal.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.util.Map;
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
    /** Hashes made ahead, by password, that this hasher hands out instead of computing one: see {@link #knowing}. */
    private final Map<String, String> known;

    public PasswordHasher() {
        this(new Semaphore(CONCURRENT, true), Map.of());
    }

    private PasswordHasher(Semaphore permits, Map<String, String> known) {
        this.permits = permits;
        this.known = known;
    }

    /**
     * A hasher that hands out the hash in {@code hashes} for each password there (the same hash, salt included, every
     * time) and hashes every other password as this one does, sharing this one's bound on concurrent hashing. Only for
     * passwords that are published anyway, such as a demo's: anyone reading the stored hashes sees which users share
     * one, and seeding many users with it computes no hash at all. The hashes are taken as given: the host's builder
     * checks that each {@link #isOwnHash is one this hasher makes}.
     */
    public PasswordHasher knowing(Map<String, String> hashes) {
        return new PasswordHasher(permits, Map.copyOf(hashes));
    }

    /**
     * Whether {@code hash} is an Argon2id hash with this hasher's parameters, as {@link #hash} makes them; read from
     * the hash's own text, so no hash is computed (whether it matches a password is not checked).
     */
    public static boolean isOwnHash(String hash) {
        try {
            var function = Argon2Function.getInstanceFromHash(hash);
            return hash.startsWith("$argon2id$") && function.getVariant() == ARGON2.getVariant()
                    && function.getMemory() == ARGON2.getMemory()
                    && function.getIterations() == ARGON2.getIterations()
                    && function.getParallelism() == ARGON2.getParallelism()
                    && function.getOutputLength() == ARGON2.getOutputLength();
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    public String hash(String password) {
        String made = known.get(password);
        return made != null ? made : salted(password);
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
