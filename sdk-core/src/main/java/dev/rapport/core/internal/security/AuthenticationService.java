package dev.rapport.core.internal.security;

import dev.rapport.api.figures.Figures;
import dev.rapport.core.internal.figures.Tally;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.security.LoginResult;
import dev.rapport.api.spi.storage.Credentials;
import dev.rapport.api.spi.storage.StoredSession;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Employee id + password logins, bearer tokens stored only as SHA-256 hashes, expiry and revocation, and changes of
 * one's own password. Every input is bounded before anything is looked up or recorded.
 */
public final class AuthenticationService implements Authentication {
    /** The longest employee id a login looks up: the longest one a user can have. */
    public static final int MAX_EMPLOYEE_ID = 64;

    private final Transactions transactions;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final Duration sessionTtl;
    private final SecureRandom random = new SecureRandom();
    private final Tally tally;
    private final SessionCache recent;

    public AuthenticationService(Transactions transactions, Clock clock, PasswordHasher passwords,
                                 LoginThrottle throttle, Duration sessionTtl) {
        this(transactions, clock, passwords, throttle, sessionTtl, new Tally(), new SessionCache());
    }

    /**
     * @param tally  counts the logins refused
     * @param recent the sessions checked lately, shared with the {@link UserService} that forgets a changed user's
     *               sessions in it
     */
    public AuthenticationService(Transactions transactions, Clock clock, PasswordHasher passwords,
                                 LoginThrottle throttle, Duration sessionTtl, Tally tally, SessionCache recent) {
        this.tally = tally;
        this.recent = recent;
        this.transactions = transactions;
        this.clock = clock;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public LoginResult login(String employeeId, String password, String clientAddress) {
        String id = employeeId == null ? "" : employeeId.strip();
        String given = password == null ? "" : password;
        var problems = new ArrayList<FieldError>();
        if (id.length() > MAX_EMPLOYEE_ID) {
            problems.add(FieldError.of("employeeId", "must be at most " + MAX_EMPLOYEE_ID + " characters"));
        } else if (!id.isEmpty() && !UserService.EMPLOYEE_ID.matcher(id).matches()) {
            // No user can have such an id (UserService.create refuses it), so saying so tells nobody who exists.
            problems.add(FieldError.of("employeeId", UserService.EMPLOYEE_ID_RULE));
        }
        if (given.length() > PasswordRules.MAX) {
            problems.add(FieldError.of("password", "must be at most " + PasswordRules.MAX + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String address = address(clientAddress);
        try {
            throttle.attempt(id, address);
        } catch (RateLimitedException e) {
            tally.loginRefused(Figures.Refusal.THROTTLED);
            throw e;
        }
        var credentials = id.isEmpty() ? Optional.<Credentials>empty()
                : transactions.read(tx -> tx.users().credentials(id));
        boolean ok = credentials.isPresent()
                ? passwords.matches(given, credentials.get().passwordHash()) && credentials.get().user().active()
                : passwords.matchesNothing(given);
        if (!ok) {
            tally.loginRefused(Figures.Refusal.BAD_CREDENTIALS);
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
        return new LoginResult(token, expiresAt, user, credentials.get().passwordChangeRequired());
    }

    @Override
    public Actor authenticate(String token) {
        var credentials = session(token);
        if (credentials.passwordChangeRequired()) {
            throw ForbiddenException.of("password.change-required",
                    "The password is a one-time password: change it before anything else");
        }
        return Actor.of(credentials.user());
    }

    @Override
    public void changePassword(String token, String currentPassword, String newPassword, String clientAddress) {
        var credentials = session(token);
        var user = credentials.user();
        String current = currentPassword == null ? "" : currentPassword;
        if (current.length() > PasswordRules.MAX) {
            throw new ValidationException(FieldError.of("currentPassword",
                    "must be at most " + PasswordRules.MAX + " characters"));
        }
        PasswordRules.check("newPassword", newPassword, user);
        if (newPassword.equals(current)) {
            throw new ValidationException(FieldError.of("newPassword", "must differ from the current password"));
        }
        // Guessing the current password through a stolen session is slowed down like guessing it at sign-in.
        String address = address(clientAddress);
        throttle.attempt(user.employeeId(), address);
        if (!passwords.matches(current, credentials.passwordHash())) {
            throw new ValidationException(FieldError.of("currentPassword", "is not your current password"));
        }
        throttle.succeeded(user.employeeId(), address);
        String hash = passwords.hash(newPassword);
        Instant now = clock.instant();
        transactions.write(tx -> {
            tx.users().changePassword(user.id(), hash, false);
            tx.sessions().revokeAllOf(user.id(), now, hash(token));
            tx.audit().append(ChangeSet.create()
                    .changed("password", false, "****", "****")
                    .field("passwordChangeRequired", credentials.passwordChangeRequired(), false)
                    .entry("user", user.id().value(), now, Actor.of(user), "user.password-changed"));
            return null;
        });
        recent.forgetUser(user.id());
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
        recent.forget(hash(token));
    }

    /** The credentials of the token's active user. @throws UnauthorizedException for any other token */
    private Credentials session(String token) {
        if (token == null || token.isBlank()) {
            throw UnauthorizedException.badToken();
        }
        Instant now = clock.instant();
        String tokenHash = hash(token);
        var cached = recent.find(tokenHash, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        record Checked(Credentials credentials, Instant expiresAt) {
        }
        var checked = transactions.read(tx -> tx.sessions().find(tokenHash)
                        .filter(s -> s.revokedAt().isEmpty() && s.expiresAt().isAfter(now))
                        .flatMap(s -> tx.users().credentials(s.userId())
                                .filter(c -> c.user().active())
                                .map(c -> new Checked(c, s.expiresAt()))))
                .orElseThrow(UnauthorizedException::badToken);
        recent.put(tokenHash, checked.credentials(), checked.expiresAt());
        return checked.credentials();
    }

    private static String address(String clientAddress) {
        return ClientAddress.keyOf(clientAddress);
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
