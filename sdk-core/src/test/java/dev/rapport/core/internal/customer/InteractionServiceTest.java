package dev.rapport.core.internal.customer;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Interaction;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.NewInteraction;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.InteractionLogged;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.UserId;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.HeardEvents;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.actor;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final HeardEvents heard = new HeardEvents();

    @StorageTest
    void aCallIsLoggedWithTheLoggerAsOwnerAndAnnounced(TestDatabase db) throws InterruptedException {
        Rapport rapport = rapports.start(rapports.builder(db).listener(heard));
        var customer = customer(rapport);
        var agent = actor(rapport, Role.AGENT, "customer-service");
        clock.advance(Duration.ofMinutes(5));

        var logged = rapport.interactions().log(agent, customer.id(),
                NewInteraction.of(InteractionMethod.PHONE, "Renewal", "Asked about the 2027 renewal terms."));

        assertThat(logged.at()).isEqualTo(clock.instant());
        assertThat(logged.ownerId()).isEqualTo(agent.userId());
        assertThat(rapport.interactions().list(agent, customer.id(), PageRequest.first()).items()).containsExactly(logged);
        assertThat(rapport.customers().history(agent, customer.id()).getLast().action())
                .isEqualTo("customer.interaction-logged");
        rapports.awaitAllDelivered(rapport);
        assertThat(heard.of(InteractionLogged.class)).extracting(InteractionLogged::interactionId)
                .containsExactly(logged.id());
    }

    @StorageTest
    void everyInvalidFieldIsNamedAndNothingIsStored(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        var bad = new NewInteraction(Optional.of(T0.plus(Duration.ofHours(1))), null, List.of(" "), " ", "",
                Optional.empty(), Optional.of(UserId.of("ghost")), Optional.of(T0.minus(Duration.ofDays(1))),
                Optional.empty());
        assertThatThrownBy(() -> rapport.interactions().log(Actor.system(), customer.id(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("method", "topic", "content", "participants[0]", "at",
                                "plannedCompletion", "ownerId"));
        assertThat(rapport.interactions().list(Actor.system(), customer.id(), PageRequest.first()).items()).isEmpty();
    }

    @StorageTest
    void theLogPagesNewestFirst(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        for (int i = 0; i < 5; i++) {
            // Two of them at the same instant: the cursor must still neither skip nor repeat.
            var at = T0.minus(Duration.ofHours(i == 3 ? 2 : i));
            rapport.interactions().log(Actor.system(), customer.id(), new NewInteraction(Optional.of(at),
                    InteractionMethod.EMAIL, List.of("Anna"), "Mail " + i, "Content " + i, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        var seen = new ArrayList<Interaction>();
        var page = rapport.interactions().list(Actor.system(), customer.id(), PageRequest.first(2));
        seen.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = rapport.interactions().list(Actor.system(), customer.id(), PageRequest.after(page.nextCursor().get(), 2));
            seen.addAll(page.items());
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen).extracting(Interaction::at).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @StorageTest
    void loggingNeedsWriteAccessAndAKnownCustomer(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        var expert = actor(rapport, Role.EXPERT, "technical-support");
        var note = NewInteraction.of(InteractionMethod.VISIT, "Site visit", "Checked the installation.");
        assertThatThrownBy(() -> rapport.interactions().log(expert, customer.id(), note)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.interactions().log(Actor.system(), CustomerId.of("nobody"), note))
                .isInstanceOf(NotFoundException.class);
    }
}
