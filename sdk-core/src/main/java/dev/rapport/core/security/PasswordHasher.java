package dev.rapport.core.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (memory-hard), at OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane.
 * The parameters travel inside each hash, so raising them later keeps old hashes verifiable.
 */
public final class PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** A hash to compare against when the employee id is unknown, so both paths cost the same. */
    private final String decoy = hash("decoy-password-never-matches");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the time of a real check, then fails: for unknown employee ids. */
    public boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
