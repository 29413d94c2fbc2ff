package dev.rapport.core.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

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

    private final Semaphore permits = new Semaphore(CONCURRENT, true);

    /** A hash to compare against when the employee id is unknown, so both paths cost the same. */
    private final String decoy = hash("decoy-password-never-matches");


    public String hash(String password) {
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
        matches(password, decoy);
        return false;
    }
}
