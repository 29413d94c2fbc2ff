package dev.rapport.core.internal.status;

import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketMessage;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.testing.FakeFormChannel;
import dev.rapport.core.testing.FakeMailbox;
import dev.rapport.core.testing.Fixtures;
import dev.rapport.core.testing.TestRapports;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.rapport.core.testing.FakeMailbox.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: a resolved ticket's customer, reached by a channel that can answer, gets a link to their ticket's status,
 * where they confirm the resolution themselves: once per resolution, as the customer, with the rules an agent's
 * confirmation has; the link expires and its token is kept by no one but the customer.
 */
class StatusLinksTest {
    private static final String BASE = "https://service.example.com";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE) + "/status/([A-Za-z0-9_-]+)");
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final FakeMailbox mailbox = new FakeMailbox();

    private Rapport start(TestDatabase db, String... config) {
        var builder = rapports.builder(db).channel("support-mail", mailbox)
                .config("rapport.events.poll-interval", "50ms")
                .config("rapport.status-links.base-url", BASE);
        for (int i = 0; i < config.length; i += 2) {
            builder.config(config[i], config[i + 1]);
        }
        return rapports.start(builder);
    }

    @StorageTest
    void aResolvedTicketThatCameByMailSendsALinkToItsStatusWhichTheConversationNeverHolds(TestDatabase db)
            throws Exception {
        var rapport = start(db);
        var ticket = started(rapport, mailedTicket(rapport, "Printer jams", "Since Monday every print job jams."));
        ticket = rapport.tickets().addProgress(Actor.system(), ticket.id(), AddProgress.note("Checked the rollers",
                Visibility.CUSTOMER, ticket.version()));
        ticket = rapport.tickets().addProgress(Actor.system(), ticket.id(), AddProgress.note("Engineer Zhang suspects "
                + "the customer's toner", Visibility.INTERNAL, ticket.version()));
        resolve(rapport, ticket);

        String token = tokenOfReply(1);
        var view = rapport.customerStatus().view(token, ADDRESS);

        assertThat(mailbox.replies().getLast().body()).contains(ticket.number()).contains("resolved")
                .contains("2026-12-07 10:00");
        assertThat(view.number()).isEqualTo(ticket.number());
        assertThat(view.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(view.solution()).contains("Replaced the worn rollers");
        assertThat(view.canConfirm()).isTrue();
        assertThat(view.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        assertThat(view.progress()).extracting(e -> e.action()).as("customer-visible entries only")
                .contains("Checked the rollers").doesNotContain("Engineer Zhang suspects the customer's toner");
        assertThat(rapport.inbox().conversation(Actor.system(), ticket.id())).extracting(TicketMessage::body)
                .as("what users read").noneMatch(body -> body.contains(token))
                .anyMatch(body -> body.contains(StatusLinks.PLACEHOLDER));
        assertThat(rapport.tickets().history(Actor.system(), ticket.id())).extracting(AuditEntry::action)
                .contains("ticket.status-link-sent");
        assertThat(rapport.tickets().history(Actor.system(), ticket.id()).toString()).doesNotContain(token);
    }

    @StorageTest
    void anUnsatisfiedAnswerReopensTheTicketAsTheCustomersOnlineConfirmationAndASecondIsRefused(TestDatabase db)
            throws Exception {
        var rapport = start(db);
        var ticket = resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));
        String token = tokenOfReply(1);

        var after = rapport.customerStatus().confirm(token, Opinion.UNSATISFIED,
                Optional.of("It still jams on thick paper"), ADDRESS);

        assertThat(after.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(after.canConfirm()).isFalse();
        var details = rapport.tickets().get(Actor.system(), ticket.id());
        assertThat(details.ticket().status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(details.confirmations()).singleElement().satisfies(c -> {
            assertThat(c.opinion()).isEqualTo(Opinion.UNSATISFIED);
            assertThat(c.method()).contains(CommunicationMethod.ONLINE);
            assertThat(c.comment()).contains("It still jams on thick paper");
            assertThat(c.recordedBy().value()).isEqualTo("customer:" + ticket.customerId().value());
        });
        assertThat(rapport.tickets().history(Actor.system(), ticket.id()).getLast()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ticket.reopened");
            assertThat(entry.actorId().value()).as("audited as the customer's")
                    .isEqualTo("customer:" + ticket.customerId().value());
            assertThat(entry.changes().get("comment").after()).contains("It still jams on thick paper");
            assertThat(entry.changes().get("method").after()).contains("ONLINE");
        });
        assertThatThrownBy(() -> rapport.customerStatus().confirm(token, Opinion.SATISFIED, Optional.empty(),
                ADDRESS)).isInstanceOf(ConflictException.class).hasMessageContaining("answered");
        assertThat(rapport.tickets().get(Actor.system(), ticket.id()).confirmations()).hasSize(1);
    }

    @StorageTest
    void aSatisfiedAnswerClosesTheTicketAndAnAgentsAnswerFirstLeavesTheLinkNoneToGive(TestDatabase db)
            throws Exception {
        var rapport = start(db);
        var first = resolve(rapport, mailedTicket(rapport, "Invoice", "Please resend the invoice."));
        String firstToken = tokenOfReply(1);
        var second = resolve(rapport, mailedTicket(rapport, "Login", "I cannot log in."));
        String secondToken = tokenOfReply(2);

        var closed = rapport.customerStatus().confirm(firstToken, Opinion.SATISFIED, Optional.empty(), ADDRESS);
        rapport.tickets().confirm(Actor.system(), second.id(), new ConfirmResolution(
                rapport.tickets().get(Actor.system(), second.id()).ticket().version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.PHONE), Optional.empty()));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(rapport.tickets().get(Actor.system(), first.id()).ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(rapport.customerStatus().view(secondToken, ADDRESS).canConfirm()).isFalse();
        assertThatThrownBy(() -> rapport.customerStatus().confirm(secondToken, Opinion.UNSATISFIED,
                Optional.of("no"), ADDRESS)).isInstanceOf(ConflictException.class);
        assertThat(rapport.tickets().get(Actor.system(), second.id()).ticket().status())
                .isEqualTo(TicketStatus.CLOSED);
    }

    @StorageTest
    void aNewResolutionGetsANewLinkAndTheOldOneTakesNoAnswerForIt(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));
        String first = tokenOfReply(1);
        clock.advance(Duration.ofHours(1));
        rapport.customerStatus().confirm(first, Opinion.NEEDS_ADJUSTMENT, Optional.of("Only half fixed"), ADDRESS);
        clock.advance(Duration.ofHours(1));

        resolve(rapport, rapport.tickets().get(Actor.system(), ticket.id()).ticket());
        String second = tokenOfReply(2);

        assertThat(second).isNotEqualTo(first);
        assertThat(rapport.customerStatus().view(first, ADDRESS).canConfirm()).isFalse();
        assertThat(rapport.customerStatus().view(first, ADDRESS).solution()).as("its resolution no longer stands")
                .isEmpty();
        assertThatThrownBy(() -> rapport.customerStatus().confirm(first, Opinion.SATISFIED, Optional.empty(),
                ADDRESS)).isInstanceOf(ConflictException.class);
        assertThat(rapport.customerStatus().confirm(second, Opinion.SATISFIED, Optional.empty(), ADDRESS).status())
                .isEqualTo(TicketStatus.CLOSED);
    }

    @StorageTest
    void usersCannotRecordAnAnswerAsTheCustomersOwnOnlineOne(TestDatabase db) throws Exception {
        var rapport = start(db);
        var ticket = resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));

        assertThatThrownBy(() -> rapport.tickets().confirm(Actor.system(), ticket.id(), new ConfirmResolution(
                ticket.version(), Opinion.SATISFIED, Optional.of(CommunicationMethod.ONLINE), Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("method"));
        assertThat(rapport.customerStatus().view(tokenOfReply(1), ADDRESS).canConfirm()).isTrue();
    }

    @StorageTest
    void aLinkExpiresAfterItsValidity(TestDatabase db) throws Exception {
        var rapport = start(db, "rapport.status-links.validity", "3d");
        resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));
        String token = tokenOfReply(1);
        assertThat(rapport.customerStatus().view(token, ADDRESS).canConfirm()).isTrue();

        clock.advance(Duration.ofDays(3));

        assertThatThrownBy(() -> rapport.customerStatus().view(token, ADDRESS)).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> rapport.customerStatus().confirm(token, Opinion.SATISFIED, Optional.empty(),
                ADDRESS)).isInstanceOf(GoneException.class).hasMessageContaining("expired");
    }

    @StorageTest
    void anUnknownTokenIsNotFoundAndAnUnsatisfiedAnswerNeedsItsReason(TestDatabase db) throws Exception {
        var rapport = start(db);
        resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));
        String token = tokenOfReply(1);

        assertThatThrownBy(() -> rapport.customerStatus().view("no-such-token", ADDRESS))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rapport.customerStatus().confirm(token, Opinion.UNSATISFIED, Optional.empty(),
                ADDRESS)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("comment"));
        assertThatThrownBy(() -> rapport.customerStatus().confirm(token, null, Optional.empty(), ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).contains("opinion"));
        assertThat(rapport.customerStatus().view(token, ADDRESS).canConfirm()).as("nothing stored").isTrue();
    }

    @StorageTest
    void requestsArePerAddressRateLimited(TestDatabase db) throws Exception {
        var rapport = start(db, "rapport.status-links.rate-limit", "2");
        resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));
        String token = tokenOfReply(1);

        rapport.customerStatus().view(token, ADDRESS);
        rapport.customerStatus().view(token, ADDRESS);

        assertThatThrownBy(() -> rapport.customerStatus().view(token, ADDRESS))
                .isInstanceOf(RateLimitedException.class);
        assertThat(rapport.customerStatus().view(token, "198.51.100.2").canConfirm()).as("another address").isTrue();
    }

    @StorageTest
    void withoutABaseUrlOrAChannelThatReachesTheCustomerNoLinkIsSent(TestDatabase db) throws Exception {
        var rapport = rapports.start(rapports.builder(db).channel("support-mail", mailbox)
                .config("rapport.events.poll-interval", "50ms"));
        var byMail = resolve(rapport, mailedTicket(rapport, "Printer jams", "Every print job jams."));
        var customer = Fixtures.customer(rapport);
        var byPhone = rapport.tickets().open(Actor.system(), Fixtures.aTicket(customer.id()).build());
        resolve(rapport, byPhone);
        rapports.awaitAllDelivered(rapport);

        assertThat(mailbox.replies()).isEmpty();
        assertThat(rapport.tickets().history(Actor.system(), byMail.id())).extracting(AuditEntry::action)
                .doesNotContain("ticket.status-link-sent");
    }

    @StorageTest
    void aWebFormTicketsCustomerWhoGaveAnAddressGetsTheLinkByTheMailChannel(TestDatabase db) throws Exception {
        var rapport = rapports.start(rapports.builder(db).channel("support-mail", mailbox)
                .channel("form", new FakeFormChannel())
                .config("rapport.events.poll-interval", "50ms")
                .config("rapport.status-links.base-url", BASE)
                .config("rapport.status-links.mail-channel", "support-mail"));
        var intake = rapport.inbox().receive("form", FakeFormChannel.request("accept", "f1", "zhao.lei@customer.example",
                "The app crashes at login."));
        var ticket = rapport.tickets().get(Actor.system(), intake.ticketId().orElseThrow()).ticket();

        resolve(rapport, ticket);
        String token = tokenOfReply(1);

        assertThat(mailbox.replies()).singleElement().satisfies(mail -> {
            assertThat(mail.to().email()).contains("zhao.lei@customer.example");
            assertThat(mail.subject()).contains("[#" + ticket.number() + "]");
        });
        assertThat(rapport.customerStatus().view(token, ADDRESS).canConfirm()).isTrue();
        assertThatThrownBy(() -> rapports.builder(db).config("rapport.status-links.mail-channel", "no-such").build())
                .hasMessageContaining("mail-channel names no-such");
    }

    @StorageTest
    void aMalformedBaseUrlIsRefusedAtStart(TestDatabase db) {
        var builder = rapports.builder(db).config("rapport.status-links.base-url", "ftp://x?y=1");

        assertThatThrownBy(builder::build).hasMessageContaining("rapport.status-links")
                .hasMessageContaining("base-url");
    }

    private Ticket mailedTicket(Rapport rapport, String subject, String body) {
        mailbox.deliver(mail("m" + System.nanoTime() + "@customer.example", "li.wei@customer.example", subject, body));
        TicketId id = rapport.inbox().pollNow().getFirst().ticketId().orElseThrow();
        return rapport.tickets().get(Actor.system(), id).ticket();
    }

    /** The ticket assigned and in progress. */
    private static Ticket started(Rapport rapport, Ticket ticket) {
        var tickets = rapport.tickets();
        ticket = tickets.get(Actor.system(), ticket.id()).ticket();
        if (ticket.assigneeId().isEmpty()) {
            var agent = Fixtures.user(rapport, Role.AGENT, ticket.departmentId().value());
            ticket = tickets.assign(Actor.system(), ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        }
        if (ticket.status() == TicketStatus.ASSIGNED || ticket.status() == TicketStatus.REOPENED) {
            ticket = tickets.addProgress(Actor.system(), ticket.id(), AddProgress.note("Working on it",
                    Visibility.INTERNAL, ticket.version()));
        }
        return ticket;
    }

    private static Ticket resolve(Rapport rapport, Ticket ticket) {
        var tickets = rapport.tickets();
        ticket = started(rapport, ticket);
        return tickets.resolve(Actor.system(), ticket.id(), new ResolveTicket(ticket.version(),
                "Replaced the worn rollers", CommunicationMethod.EMAIL));
    }

    /** The token in the status link of the {@code n}th reply to the customer, once it went out. */
    private String tokenOfReply(int n) throws InterruptedException {
        Eventually.until("reply " + n + " sent", () -> links().size() >= n);
        return links().get(n - 1);
    }

    private List<String> links() {
        return mailbox.replies().stream().map(Reply::body).map(LINK::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1)).toList();
    }
}
