package dev.rapport.core;

import dev.rapport.api.PageRequest;
import dev.rapport.api.report.ReportPeriod;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.core.internal.security.PasswordHasher;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RapportBuilderTest {
    @Test
    void withoutAnySettingItRunsOnAnEmbeddedDatabaseWithTheSpecDefaults() {
        try (var rapport = Rapport.builder().build()) {
            assertThat(rapport.isHealthy()).isTrue();
            assertThat(rapport.departments().list(Actor.system())).hasSize(8);
            assertThat(rapport.ticketTypes().list(Actor.system())).hasSize(5);
            assertThat(rapport.customers().create(Actor.system(), aCustomer().build()).code()).startsWith("C");
        }
    }

    @Test
    void theBusinessZoneIsTheHostsToReadAndDecidesTheReportsDefaultPeriod() {
        // 23:30 on 31 October in New York is already 1 November on a UTC clock.
        var clock = MutableClock.at("2026-11-01T03:30:00Z");
        var newYork = ZoneId.of("America/New_York");
        try (var rapport = Rapport.builder().clock(clock).zone(newYork).build()) {
            assertThat(rapport.zone()).isEqualTo(newYork);
            assertThat(rapport.reports().currentMonth()).isEqualTo(YearMonth.of(2026, 10));
            assertThat(rapport.reports().monthToDate())
                    .isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        }
        try (var rapport = Rapport.builder().clock(clock).build()) {
            assertThat(rapport.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(rapport.reports().currentMonth()).isEqualTo(YearMonth.of(2026, 11));
        }
    }

    @Test
    void twoEmbeddedInstancesDoNotShareData() {
        try (var one = Rapport.builder().build(); var two = Rapport.builder().build()) {
            one.customers().create(Actor.system(), aCustomer().build());
            assertThat(two.customers().search(Actor.system(), "", PageRequest.first()).items()).isEmpty();
        }
    }

    @Test
    void unknownKeysFailTheBuildNamingEveryOne() {
        assertThatThrownBy(() -> Rapport.builder().config("rapport.storage.colour", "blue")
                .config("rapport.notifyers.ops.type", "log").build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("rapport.notifyers.ops.type"))
                        .anySatisfy(p -> assertThat(p).contains("colour").contains("url")));
    }

    @Test
    void anUnknownStorageTypeNamesTheAvailableOnes() {
        assertThatThrownBy(() -> Rapport.builder().config("rapport.storage.type", "mongo").build())
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("mongo").hasMessageContaining("jdbc");
    }

    /**
     * The builder stores the given hash as it is, computing none: given the hash of another password, the users created
     * with the published one sign in with that other password (which is why the hash must be made for the password).
     */
    @Test
    void usersCreatedWithAPublishedPasswordGetTheHashMadeAheadForIt() {
        String madeAhead = new PasswordHasher().hash("what-the-hash-was-made-for");
        try (var rapport = Rapport.builder().publishedPassword("published-password", madeAhead).build()) {
            for (String employeeId : List.of("trainee1", "trainee2")) {
                rapport.users().create(Actor.system(), new NewUser(employeeId, "Trainee",
                        DepartmentId.of("customer-service"), Set.of(Role.AGENT), Tier.FRONT_LINE, "published-password"));
                assertThat(rapport.authentication().login(employeeId, "what-the-hash-was-made-for", "127.0.0.1")
                        .token()).isNotBlank();
            }
            rapport.users().create(Actor.system(), new NewUser("chosen", "Chooser",
                    DepartmentId.of("customer-service"), Set.of(Role.AGENT), Tier.FRONT_LINE, "a-password-of-her-own"));
            assertThat(rapport.authentication().login("chosen", "a-password-of-her-own", "127.0.0.1").token())
                    .as("any other password is hashed as usual").isNotBlank();
        }
    }

    @Test
    void aPublishedPasswordsHashMustBeAnArgon2idHashWithTheSdksParameters() {
        String weaker = new PasswordHasher().hash("rapport-demo").replace("m=19456", "m=4096");
        assertThatThrownBy(() -> Rapport.builder().publishedPassword("rapport-demo", weaker))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=19456,t=2,p=1");
        assertThatThrownBy(() -> Rapport.builder().publishedPassword("rapport-demo", "rapport-demo"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
