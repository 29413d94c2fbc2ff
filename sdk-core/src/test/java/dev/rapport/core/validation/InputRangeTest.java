package dev.rapport.core.validation;

import dev.rapport.api.TimeLimits;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.report.ReportPeriod;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static dev.rapport.core.testing.Fixtures.aTicket;
import static dev.rapport.core.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Embedding hosts get the same refusals as the server's clients: a date, instant or duration outside
 * {@link TimeLimits}, or text holding NUL or a lone surrogate, is a {@link ValidationException} naming every such
 * field, on H2 and PostgreSQL alike, and nothing is stored.
 */
class InputRangeTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);

    @StorageTest
    void aCustomerWithDatesPastTheRangeAndUnstorableTextIsRefusedNamingEveryField(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        int before = rapport.customers().search(Actor.system(), "", dev.rapport.api.PageRequest.first(200)).items().size();
        var profile = aCustomer().name("Nul\u0000Name")
                .cooperationSince(LocalDate.MIN).contractEnd(LocalDate.of(294_277, 1, 1))
                .firstContactAt(Instant.parse("-1000000000-01-01T00:00:00Z"))
                .contacts(List.of(new ContactDraft(Optional.empty(), "A", Optional.of("half\uD800"), Optional.empty(),
                        Optional.of("a@example.com"))))
                .build();
        assertThatThrownBy(() -> rapport.customers().create(Actor.system(), profile, true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).contains("name", "cooperationSince", "contractEnd",
                                "firstContactAt", "contacts[0].title"));
        assertThat(rapport.customers().search(Actor.system(), "", dev.rapport.api.PageRequest.first(200)).items())
                .hasSize(before);
    }

    @StorageTest
    void ticketDatesAndPurchasesOutsideTheRangeAreRefused(TestDatabase db) {
        Rapport rapport = rapports.start(db);
        var customer = customer(rapport);
        assertThatThrownBy(() -> rapport.tickets().open(Actor.system(), aTicket(customer.id()).priority(Priority.P2)
                .planDate(LocalDate.of(1_000_000, 1, 1)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .filteredOn(error -> error.field().equals("planDate")).extracting(FieldError::message)
                        .containsExactly("must be a date between 1900 and 9999"));
        var ticket = rapport.tickets().open(Actor.system(), aTicket(customer.id()).build());
        assertThatThrownBy(() -> rapport.tickets().addProgress(Actor.system(), ticket.id(), new AddProgress(
                ticket.version(), "x", Optional.empty(), Visibility.INTERNAL, Optional.of(Instant.MAX))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("nextUpdateAt"));
        assertThatThrownBy(() -> rapport.purchases().record(Actor.system(), customer.id(),
                new NewPurchase(LocalDate.of(1899, 12, 31), BigDecimal.TEN, "CNY")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("date"));
        assertThatThrownBy(() -> rapport.reports().monthly(Actor.system(), YearMonth.of(999_999_999, 12),
                Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("month"));
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).ticket().version()).isEqualTo(ticket.version());
    }

    @Test
    void theRangeIsTheYears1900Through9999AndDurationsUpTo366Days() {
        assertThat(TimeLimits.accepts(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(TimeLimits.accepts(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(TimeLimits.accepts(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(TimeLimits.accepts(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isTrue();
        assertThat(TimeLimits.accepts(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(TimeLimits.accepts(java.time.Duration.ofDays(366))).isTrue();
        assertThat(TimeLimits.accepts(java.time.Duration.ofDays(366).plusNanos(1))).isFalse();
        assertThat(TimeLimits.accepts(java.time.Duration.ofSeconds(-1))).isFalse();
        assertThat(TimeLimits.check("to", LocalDate.MAX)).contains(FieldError.of("to", "must be a date between 1900 and 9999"));
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.MIN, LocalDate.MAX))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from", "to"));
    }

    @Test
    void storableTextHasNoNulAndNoLoneSurrogate() {
        assertThat(dev.rapport.api.StorableText.accepts("plain 中文 😀")).isTrue();
        assertThat(dev.rapport.api.StorableText.accepts("a\u0000b")).isFalse();
        assertThat(dev.rapport.api.StorableText.accepts("\uD83D")).isFalse();
        assertThat(dev.rapport.api.StorableText.accepts("\uDE00x")).isFalse();
        assertThat(dev.rapport.api.StorableText.check("name", "x\uD800")).get().extracting(FieldError::message)
                .isEqualTo("must not contain an unpaired surrogate (U+D800)");
    }
}
