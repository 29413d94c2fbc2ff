package dev.rapport.core.security;

import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.security.LoginResult;
import dev.rapport.api.spi.storage.Credentials;
import dev.rapport.api.spi.storage.StoredSession;
import dev.rapport.core.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Employee id + password logins, bearer tokens stored only as SHA-256 hashes, expiry and revocation. */
public final class AuthenticationService implements Authentication {
    private final Transactions transactions;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final Duration sessionTtl;
    private final SecureRandom random = new SecureRandom();

    public AuthenticationService(Transactions transactions, Clock clock, PasswordHasher passwords,
                                 LoginThrottle throttle, Duration sessionTtl) {
        this.transactions = transactions;
        this.clock = clock;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public LoginResult login(String employeeId, String password, String clientAddress) {
        String id = employeeId == null ? "" : employeeId.strip();
        String address = clientAddress == null ? "unknown" : clientAddress;
        throttle.attempt(id, address);
        var credentials = id.isEmpty() ? Optional.<Credentials>empty()
                : transactions.read(tx -> tx.users().credentials(id));
        String given = password == null ? "" : password;
        boolean ok = credentials.isPresent()
                ? passwords.matches(given, credentials.get().passwordHash()) && credentials.get().user().active()
                : passwords.matchesNothing(given);
        if (!ok) {
            throw UnauthorizedException.badCredentials();
        }
        throttle.succeeded(id, address);
        var user = credentials.get().user();
        String token = newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionTtl);
        transactions.write(tx -> {
            tx.sessions().deleteExpired(now);
            tx.sessions().insert(new StoredSession(hash(token), user.id(), now, expiresAt, Optional.empty()));
            return null;
        });
        return new LoginResult(token, expiresAt, user);
    }

    @Override
    public Actor authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw UnauthorizedException.badToken();
        }
        Instant now = clock.instant();
        return transactions.read(tx -> tx.sessions().find(hash(token))
                .filter(s -> s.revokedAt().isEmpty() && s.expiresAt().isAfter(now))
                .flatMap(s -> tx.users().find(s.userId()))
                .filter(u -> u.active())
                .map(Actor::of))
                .orElseThrow(UnauthorizedException::badToken);
    }

    @Override
    public void logout(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        Instant now = clock.instant();
        transactions.write(tx -> {
            tx.sessions().revoke(hash(token), now);
            return null;
        });
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
