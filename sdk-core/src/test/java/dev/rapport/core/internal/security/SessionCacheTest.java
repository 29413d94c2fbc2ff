package dev.rapport.core.internal.security;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant SESSION_END = NOW.plusSeconds(3600);

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SessionCache cache = new SessionCache(nanos::get);

    @Test
    void aCheckedSessionIsTrustedForTwoSecondsThenAskedAgain() {
        var agent = credentials("u1");
        cache.put("token-a", agent, SESSION_END);

        nanos.addAndGet(SessionCache.TTL.toNanos() - 1);
        assertThat(cache.find("token-a", NOW)).contains(agent);

        nanos.addAndGet(1);
        assertThat(cache.find("token-a", NOW)).isEmpty();
    }

    @Test
    void aSessionPastItsExpiryIsNeverServed() {
        cache.put("token-a", credentials("u1"), SESSION_END);

        assertThat(cache.find("token-a", SESSION_END)).isEmpty();
    }

    @Test
    void aRevokedTokenAndAChangedUserAreForgottenAtOnce() {
        cache.put("token-a", credentials("u1"), SESSION_END);
        cache.put("token-b", credentials("u1"), SESSION_END);
        cache.put("token-c", credentials("u2"), SESSION_END);

        cache.forget("token-a");
        assertThat(cache.find("token-a", NOW)).isEmpty();
        assertThat(cache.find("token-b", NOW)).isPresent();

        cache.forgetUser(UserId.of("u1"));
        assertThat(cache.find("token-b", NOW)).isEmpty();
        assertThat(cache.find("token-c", NOW)).isPresent();
    }

    @Test
    void aFloodOfTokensCannotGrowItBeyondItsBound() {
        for (int i = 0; i <= SessionCache.MAX_ENTRIES; i++) {
            cache.put("token-" + i, credentials("u" + i), SESSION_END);
        }

        assertThat(cache.find("token-0", NOW)).isEmpty();
        assertThat(cache.find("token-" + SessionCache.MAX_ENTRIES, NOW)).isPresent();
    }

    private static Credentials credentials(String id) {
        var user = new User(UserId.of(id), "emp-" + id, "Agent " + id, Optional.of(DepartmentId.of("customer-service")),
                Set.of(Role.AGENT), Tier.FRONT_LINE, true, NOW, 1, Optional.empty(), User.DEFAULT_LOCALE);
        return new Credentials(user, "hash");
    }
}
