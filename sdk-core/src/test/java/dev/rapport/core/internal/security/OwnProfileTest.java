package dev.rapport.core.internal.security;

import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static dev.rapport.core.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every user may do with their own profile, whatever their roles: see it, and choose its language. */
class OwnProfileTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void aUserSeesTheirOwnProfileAndTheLanguageTheyChoseStays(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var agent = user(rapport, Role.AGENT, "customer-service");
        var actor = Actor.of(agent);

        var before = rapport.users().me(actor);
        var english = rapport.users().changeLocale(actor, Locale.ENGLISH);
        var again = rapport.users().changeLocale(actor, Locale.ENGLISH);

        assertThat(before.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(english.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(english.version()).isEqualTo(before.version() + 1);
        assertThat(again.version()).as("choosing the same language changes nothing").isEqualTo(english.version());
        assertThat(rapport.users().me(actor)).isEqualTo(english);
    }

    @StorageTest
    void aLanguageTheConsoleDoesNotSpeakIsRefusedNamingTheField(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var actor = Actor.of(user(rapport, Role.EXPERT, "customer-service"));

        assertThatThrownBy(() -> rapport.users().changeLocale(actor, Locale.FRENCH))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("locale"));
        assertThat(rapport.users().me(actor).locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
    }

    @StorageTest
    void theSystemActorHasNoProfile(TestDatabase db) {
        Rapport rapport = rapports.start(db);

        assertThatThrownBy(() -> rapport.users().me(Actor.system())).isInstanceOf(NotFoundException.class);
    }
}
