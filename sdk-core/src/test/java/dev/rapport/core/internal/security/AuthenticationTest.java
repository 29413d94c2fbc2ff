package dev.rapport.core.internal.security;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.core.LoginThrottlePolicy;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.PASSWORD;
import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private Rapport rapport;

    private void start(TestDatabase db) {
        rapport = rapports.start(db);
    }


    @StorageTest
    void aLoginGivesATokenThatStandsForTheUserUntilItExpires(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var login = rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1");
        assertThat(login.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        Actor actor = rapport.authentication().authenticate(login.token());
        assertThat(actor.userId()).isEqualTo(agent.id());
        assertThat(actor.has(Permission.TICKET_WORK)).isTrue();
        assertThat(actor.has(Permission.TICKET_ASSIGN)).isFalse();

        clock.advance(Duration.ofHours(8));
        assertThatThrownBy(() -> rapport.authentication().authenticate(login.token())).isInstanceOf(UnauthorizedException.class);
    }

    @StorageTest
    void logoutRevokesTheToken(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var token = rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1").token();
        rapport.authentication().logout(token);
        assertThatThrownBy(() -> rapport.authentication().authenticate(token)).isInstanceOf(UnauthorizedException.class);
    }

    @StorageTest
    void aLogoutOnOneNodeIsFollowedByAnotherThatHadTheSessionCached(TestDatabase db) {
        var database = db.fresh();
        var nodeA = rapports.start(Fixtures.builder(database, clock));
        var nodeB = rapports.start(Fixtures.builder(database, clock));
        var agent = user(nodeA, Role.AGENT, "customer-service");
        var token = nodeA.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1").token();
        assertThat(nodeB.authentication().authenticate(token).userId()).isEqualTo(agent.id());

        nodeA.authentication().logout(token);

        assertThatThrownBy(() -> nodeA.authentication().authenticate(token)).isInstanceOf(UnauthorizedException.class);
        // Node B trusts what it checked for SessionCache.TTL (2 s), then asks the database again.
        Eventually.until("node B refuses the token node A revoked", () -> refuses(nodeB, token));
    }

    private static boolean refuses(Rapport node, String token) {
        try {
            node.authentication().authenticate(token);
            return false;
        } catch (UnauthorizedException refused) {
            return true;
        }
    }

    @StorageTest
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var wrongPassword = catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.1"));
        var unknownUser = catchUnauthorized(() -> rapport.authentication().login("nobody", "guess", "10.0.0.1"));
        assertThat(wrongPassword.getMessage()).isEqualTo(unknownUser.getMessage());
        assertThat(wrongPassword.code()).isEqualTo(unknownUser.code());
    }

    @StorageTest
    void failuresOfOnePairGrowTheWaitButTheOwnerStillSignsInFromElsewhere(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        String attacker = "10.0.0.66";
        for (int i = 0; i < 4; i++) {
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", attacker));
        }
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), PASSWORD, attacker))
                .as("the right password from the failing address waits too")
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThat(rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.99").token())
                .as("the owner, from an address without failures").isNotBlank();

        clock.advance(Duration.ofSeconds(2));
        catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", attacker));
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "guess", attacker))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).as("doubled").isEqualTo(Duration.ofSeconds(4)));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(15));
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", attacker));
        }
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "guess", attacker))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).as("at most").isEqualTo(Duration.ofMinutes(15)));
        assertThat(rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.99").token()).isNotBlank();
    }

    @StorageTest
    void refusedAttemptsAreNotRecordedAndASuccessClearsThePair(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        for (int i = 0; i < 4; i++) {
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.7"));
        }
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.7"))
                .isInstanceOf(RateLimitedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.7").token())
                .as("2 s after the last counted failure: the refused attempt moved nothing").isNotBlank();
        for (int i = 0; i < 4; i++) {
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.7"));
        }
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.7"))
                .as("after the success, the pair had its free failures again, and no more")
                .isInstanceOf(RateLimitedException.class);
    }

    @StorageTest
    void pairsAreForgottenADayAfterTheirLastFailure(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        for (int i = 0; i < 4; i++) {
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.9"));
        }
        clock.advance(Duration.ofHours(25));
        catchUnauthorized(() -> rapport.authentication().login("someone.else", "guess", "10.0.0.10"));
        for (int i = 0; i < 4; i++) {
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.9"));
        }
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.9"))
                .as("the forgotten pair started afresh: 4 failures, then a wait").isInstanceOf(RateLimitedException.class);
    }

    @StorageTest
    void overLongInputsAreRefusedBeforeAnythingIsLookedUpOrCounted(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        assertThatThrownBy(() -> rapport.authentication().login("x".repeat(65), "guess", "10.0.0.8"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("employeeId"));
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "p".repeat(257), "10.0.0.8"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("password"));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "p".repeat(257), "10.0.0.8"))
                    .isInstanceOf(ValidationException.class);
        }
        for (int i = 0; i < 4; i++) {
            catchUnauthorized(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.8"));
        }
        assertThatThrownBy(() -> rapport.authentication().login(agent.employeeId(), "guess", "10.0.0.8"))
                .as("only the four counted failures").isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
    }

    @StorageTest
    void parallelGuessesCannotSlipPastTheDelay(TestDatabase db) throws Exception {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var refusedAsWrong = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                threads.submit(() -> {
                    try {
                        rapport.authentication().login(agent.employeeId(), "guess", "10.1.0.1");
                    } catch (UnauthorizedException e) {
                        refusedAsWrong.incrementAndGet();
                    } catch (RateLimitedException expected) {
                        // the delay held
                    }
                });
            }
        }
        assertThat(refusedAsWrong.get()).as("guesses whose password was actually checked").isEqualTo(4);
    }

    @StorageTest
    void twoNodesShareTheCountsThroughTheDatabase(TestDatabase db) {
        var database = db.fresh();
        var one = rapports.start(Fixtures.builder(database, clock));
        var two = rapports.start(Fixtures.builder(database, clock));
        var agent = user(one, Role.AGENT, "customer-service");
        int checked = 0;
        for (int i = 0; i < 8; i++) {
            var node = i % 2 == 0 ? one : two;
            try {
                node.authentication().login(agent.employeeId(), "guess", "10.2.0.1");
            } catch (UnauthorizedException e) {
                checked++;
            } catch (RateLimitedException expected) {
                // the other node's failures count here too
            }
        }
        assertThat(checked).as("guesses checked over both nodes").isEqualTo(4);
    }

    @StorageTest
    void tooManyFailuresFromOneAddressOverManyEmployeeIdsWait(TestDatabase db) {
        rapport = rapports.start(rapports.builder(db).loginThrottle(new LoginThrottlePolicy(3, Duration.ofSeconds(2),
                Duration.ofMinutes(15), 6, Duration.ofHours(1))));
        var agent = user(rapport, Role.AGENT, "customer-service");
        for (int i = 0; i < 6; i++) {
            String employee = "guess" + i;
            catchUnauthorized(() -> rapport.authentication().login(employee, "x", "192.0.2.7"));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> rapport.authentication().login("anyone", "x", "192.0.2.7"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(54)));
        assertThat(rapport.authentication().login(agent.employeeId(), PASSWORD, "192.0.2.8").token()).isNotBlank();
        clock.advance(Duration.ofMinutes(54));
        catchUnauthorized(() -> rapport.authentication().login("anyone", "x", "192.0.2.7"));
    }

    @StorageTest
    void aOneTimePasswordWorksForNothingButChangingIt(TestDatabase db) {
        start(db);
        var admin = Actor.of(user(rapport, Role.ADMIN, "customer-service"));
        var agent = user(rapport, Role.AGENT, "customer-service");
        var before = rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1").token();

        assertThatThrownBy(() -> rapport.users().setTemporaryPassword(admin, agent.id(), "Test agent 12345"))
                .as("contains the name").isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("temporaryPassword"));
        rapport.users().setTemporaryPassword(admin, agent.id(), "one-time-secret");
        assertThatThrownBy(() -> rapport.authentication().authenticate(before)).isInstanceOf(UnauthorizedException.class);
        var login = rapport.authentication().login(agent.employeeId(), "one-time-secret", "10.0.0.1");
        assertThat(login.passwordChangeRequired()).isTrue();
        assertThatThrownBy(() -> rapport.authentication().authenticate(login.token()))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("password.change-required"));

        rapport.authentication().changePassword(login.token(), "one-time-secret", "chosen by me at last", "10.0.0.1");
        assertThat(rapport.authentication().authenticate(login.token()).userId()).isEqualTo(agent.id());
        assertThat(rapport.authentication().login(agent.employeeId(), "chosen by me at last", "10.0.0.2")
                .passwordChangeRequired()).isFalse();
    }

    @StorageTest
    void wrongCurrentPasswordsAreSlowedDownLikeFailedLogins(TestDatabase db) {
        start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var token = rapport.authentication().login(agent.employeeId(), PASSWORD, "10.0.0.1").token();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> rapport.authentication().changePassword(token, "guess", "a brand new secret",
                    "10.0.0.1")).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                    .extracting(FieldError::field).containsExactly("currentPassword"));
        }
        assertThatThrownBy(() -> rapport.authentication().changePassword(token, PASSWORD, "a brand new secret",
                "10.0.0.1")).isInstanceOf(RateLimitedException.class);
    }

    @StorageTest
    void theFirstAdminIsCreatedOnceWithAGeneratedPassword(TestDatabase db) {
        start(db);
        var password = rapport.users().createInitialAdmin().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rapport.users().createInitialAdmin()).isEmpty();
        var admin = rapport.authentication().authenticate(rapport.authentication().login("admin", password, "10.0.0.1").token());
        assertThat(admin.has(Permission.USER_ADMIN)).isTrue();
    }

    @StorageTest
    void onlyAdminsCreateUsersAndEmployeeIdsAreUnique(TestDatabase db) {
        start(db);
        var agent = Fixtures.actor(rapport, Role.AGENT, "customer-service");
        var request = new NewUser("li.lei", "Li Lei", DepartmentId.of("sales"), Set.of(Role.AGENT), Tier.FRONT_LINE, PASSWORD);
        assertThatThrownBy(() -> rapport.users().create(agent, request)).isInstanceOf(ForbiddenException.class);
        rapport.users().create(Actor.system(), request);
        assertThatThrownBy(() -> rapport.users().create(Actor.system(), request)).isInstanceOf(ConflictException.class);
        assertThat(rapport.users().list(Actor.system(), PageRequest.first()).items()).extracting(u -> u.employeeId()).contains("li.lei");
    }

    @StorageTest
    void invalidUsersNameEveryField(TestDatabase db) {
        start(db);
        var request = new NewUser("a b", "", DepartmentId.of("nowhere"), Set.of(), Tier.FRONT_LINE, "short");
        assertThatThrownBy(() -> rapport.users().create(Actor.system(), request))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("employeeId", "name", "roles", "password", "departmentId"));
    }

    @StorageTest
    void aBadEMailAndALanguageOtherThanChineseOrEnglishAreNamed(TestDatabase db) {
        start(db);
        var request = new NewUser("li.lei", "Li Lei", DepartmentId.of("sales"), Set.of(Role.AGENT), Tier.FRONT_LINE,
                PASSWORD, "li.lei(at)example", Locale.FRENCH);
        assertThatThrownBy(() -> rapport.users().create(Actor.system(), request))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("email", "locale"));
    }

    @StorageTest
    void aUserKeepsTheirEMailAndLanguageAndWritesChineseUnlessTheyChoseOtherwise(TestDatabase db) {
        start(db);
        var english = rapport.users().create(Actor.system(), new NewUser("li.lei", "Li Lei", DepartmentId.of("sales"),
                Set.of(Role.AGENT), Tier.FRONT_LINE, PASSWORD, " li.lei@rapport.example ", Locale.ENGLISH));
        var plain = rapport.users().create(Actor.system(), new NewUser("han.mei", "Han Mei", DepartmentId.of("sales"),
                Set.of(Role.AGENT), Tier.FRONT_LINE, PASSWORD));

        assertThat(rapport.users().get(Actor.system(), english.id())).isEqualTo(english);
        assertThat(english.email()).contains("li.lei@rapport.example");
        assertThat(english.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(plain.email()).isEmpty();
        assertThat(plain.locale().toLanguageTag()).isEqualTo("zh-CN");
    }

    private static UnauthorizedException catchUnauthorized(Runnable login) {
        try {
            login.run();
        } catch (UnauthorizedException e) {
            return e;
        }
        throw new AssertionError("expected the login to be refused");
    }
}
