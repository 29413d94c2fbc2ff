package dev.rapport.core.internal.channel;

import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.SetAside;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Intake;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.SetAsideMessage;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.rapport.core.testing.FakeFormChannel.request;
import static dev.rapport.core.testing.FakeMailbox.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** SPEC §8: customers' messages from channels become tickets or join the ticket they answer, each exactly once. */
class ChannelInboxTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    @RegisterExtension
    final TestRapports rapports = new TestRapports(clock);
    private final FakeMailbox mailbox = new FakeMailbox();

    private Rapport start(TestDatabase db) {
        return rapports.start(rapports.builder(db).channel("support-mail", mailbox).channel("form", new FakeFormChannel())
                .config("rapport.channels.support-mail.intake", "EMAIL")
                .config("rapport.channels.form.rate-limit", "3")
                .config("rapport.events.poll-interval", "50ms"));
    }

    @StorageTest
    void messagesAChannelSetAsideAreListedOnceForAnAdministrator(TestDatabase db) {
        var rapport = start(db);
        mailbox.setAside(new SetAside("broken@customer.example", "it names no sender with an e-mail address",
                "IMAP folder Rapport-Unfiled", clock.instant()));

        assertThat(rapport.inbox().pollNow()).isEmpty();
        rapport.inbox().pollNow();

        var admin = Fixtures.actor(rapport, Role.ADMIN, "customer-service");
        assertThat(rapport.inbox().setAside(admin, 50)).containsExactly(new SetAsideMessage("support-mail",
                "broken@customer.example", "it names no sender with an e-mail address", "IMAP folder Rapport-Unfiled",
                clock.instant()));
        assertThatThrownBy(() -> rapport.inbox().setAside(Fixtures.actor(rapport, Role.AGENT, "customer-service"), 50))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rapport.inbox().setAside(admin, 0)).isInstanceOf(ValidationException.class);
    }

    @StorageTest
    void aMessageFromAnUnknownSenderOpensATicketForANewCustomerFlaggedForCompletion(TestDatabase db) {
        var rapport = start(db);
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams on tray 2",
                "Since Monday every print job jams."));

        var filed = rapport.inbox().pollNow();

        assertThat(filed).extracting(Intake::kind).containsExactly(Intake.Kind.OPENED);
        var ticket = rapport.tickets().get(Actor.system(), filed.getFirst().ticketId().orElseThrow()).ticket();
        assertThat(ticket.title()).contains("Printer jams on tray 2");
        assertThat(ticket.description()).isEqualTo("Since Monday every print job jams.");
        assertThat(ticket.type()).isEqualTo("CONSULTATION");
        assertThat(ticket.channel()).hasToString("EMAIL");
        var customer = rapport.customers().get(Actor.system(), ticket.customerId());
        assertThat(customer.needsCompletion()).isTrue();
        assertThat(customer.name()).isEqualTo("Li Wei");
        assertThat(customer.contacts().getFirst().email()).contains("li.wei@customer.example");
        assertThat(mailbox.acknowledged()).containsExactly("m1@customer.example");
        assertThat(rapport.inbox().conversation(Actor.system(), ticket.id())).extracting(TicketMessage::messageId)
                .containsExactly("m1@customer.example");
    }

    @StorageTest
    void aKnownSendersMessageOpensATicketForThatCustomer(TestDatabase db) {
        var rapport = start(db);
        var known = Fixtures.customer(rapport);
        String email = known.contacts().getFirst().email().orElseThrow();
        mailbox.deliver(mail("m1@customer.example", email.toUpperCase(), "Question", "Where is my order?"));

        var filed = rapport.inbox().pollNow().getFirst();

        assertThat(rapport.tickets().get(Actor.system(), filed.ticketId().orElseThrow()).ticket().customerId())
                .isEqualTo(known.id());
    }

    @StorageTest
    void theSameMessageHandedOverTwiceIsFiledOnce(TestDatabase db) {
        var rapport = start(db);
        var message = mail("m1@customer.example", "li.wei@customer.example", "Printer", "It jams.");
        mailbox.deliver(message).deliver(message);

        var filed = rapport.inbox().pollNow();

        assertThat(filed).extracting(Intake::kind).containsExactly(Intake.Kind.OPENED, Intake.Kind.DUPLICATE);
        assertThat(filed.get(1).ticketNumber()).isEqualTo(filed.getFirst().ticketNumber());
        assertThat(ticketCount(rapport)).isEqualTo(1);
        assertThat(rapport.inbox().conversation(Actor.system(), filed.getFirst().ticketId().orElseThrow())).hasSize(1);
    }

    @StorageTest
    void anAgentsAnswerGoesBackByTheChannelAndTheCustomersReplyJoinsTheSameTicket(TestDatabase db) throws Exception {
        var rapport = start(db);
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams", "It jams."));
        var ticketId = rapport.inbox().pollNow().getFirst().ticketId().orElseThrow();
        var agent = Fixtures.user(rapport, Role.AGENT, "customer-service");
        var ticket = rapport.tickets().assign(Actor.system(), ticketId, AssignTicket.to(agent.id(),
                rapport.tickets().get(Actor.system(), ticketId).ticket().version()));

        rapport.tickets().addProgress(Actor.system(), ticketId, new AddProgress(ticket.version(),
                "Which model is it?", Optional.of(TicketStatus.WAITING_CUSTOMER), Visibility.CUSTOMER, Optional.empty()));
        Eventually.until("the reply sent", () -> mailbox.replies().size() == 1);
        var reply = mailbox.replies().getFirst();
        mailbox.deliver(mail("m2@customer.example", "li.wei@customer.example", reply.subject(), "A LaserJet 400.",
                reply.replyId() + "@support.example", "m1@customer.example"));
        var answer = rapport.inbox().pollNow();

        assertThat(reply.to().email()).contains("li.wei@customer.example");
        assertThat(reply.subject()).isEqualTo("Re: Printer jams [#" + ticket.number() + "]");
        assertThat(reply.body()).isEqualTo("Which model is it?");
        assertThat(reply.inReplyTo()).contains("m1@customer.example");
        assertThat(answer).extracting(Intake::kind, Intake::ticketId)
                .containsExactly(tuple(Intake.Kind.APPENDED, Optional.of(ticketId)));
        assertThat(rapport.tickets().get(Actor.system(), ticketId).ticket().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(rapport.inbox().conversation(Actor.system(), ticketId))
                .extracting(TicketMessage::direction, TicketMessage::body)
                .containsExactly(tuple(TicketMessage.Direction.INBOUND, "It jams."),
                        tuple(TicketMessage.Direction.OUTBOUND, "Which model is it?"),
                        tuple(TicketMessage.Direction.INBOUND, "A LaserJet 400."));
        assertThat(ticketCount(rapport)).isEqualTo(1);
    }

    @StorageTest
    void anAnswerToAClosedTicketOpensANewTicketRelatedToItForTheSameCustomer(TestDatabase db) {
        var rapport = start(db);
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams", "It jams."));
        var closed = closed(rapport, rapport.inbox().pollNow().getFirst().ticketId().orElseThrow());
        mailbox.deliver(mail("m2@customer.example", "wang.fang@customer.example", "Re: Printer jams",
                "It jams again since this morning.", "m1@customer.example"));

        var answer = rapport.inbox().pollNow().getFirst();

        assertThat(answer.kind()).isEqualTo(Intake.Kind.OPENED);
        assertThat(answer.ticketId()).isPresent().isNotEqualTo(Optional.of(closed.id()));
        var reopened = rapport.tickets().get(Actor.system(), answer.ticketId().orElseThrow()).ticket();
        assertThat(reopened.relatedTicketIds()).containsExactly(closed.id());
        assertThat(reopened.customerId()).as("the closed ticket's customer, though a colleague wrote")
                .isEqualTo(closed.customerId());
        assertThat(reopened.description()).isEqualTo("It jams again since this morning.");
        assertThat(rapport.tickets().get(Actor.system(), closed.id()).ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(rapport.inbox().conversation(Actor.system(), closed.id())).extracting(TicketMessage::messageId)
                .containsExactly("m1@customer.example");
        assertThat(rapport.inbox().conversation(Actor.system(), reopened.id())).extracting(TicketMessage::messageId)
                .containsExactly("m2@customer.example");
    }

    @StorageTest
    void aTicketNumberInTheSubjectThreadsAMessageWithoutReferences(TestDatabase db) {
        var rapport = start(db);
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams", "It jams."));
        var first = rapport.inbox().pollNow().getFirst();
        mailbox.deliver(mail("m2@other.example", "li.wei@other.example", "About [#" + first.ticketNumber().orElseThrow()
                + "]", "Still jamming."));

        var second = rapport.inbox().pollNow().getFirst();

        assertThat(second.kind()).isEqualTo(Intake.Kind.APPENDED);
        assertThat(second.ticketId()).isEqualTo(first.ticketId());
    }

    @StorageTest
    void onlyCustomerVisibleProgressOnChannelTicketsGoesOut(TestDatabase db) throws Exception {
        var rapport = start(db);
        var customer = Fixtures.customer(rapport);
        var byPhone = rapport.tickets().open(Actor.system(), Fixtures.aTicket(customer.id()).build());
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams", "It jams."));
        var byMail = rapport.inbox().pollNow().getFirst().ticketId().orElseThrow();

        rapport.tickets().addProgress(Actor.system(), byPhone.id(), AddProgress.note("Called back", Visibility.CUSTOMER,
                byPhone.version()));
        var mailed = rapport.tickets().get(Actor.system(), byMail).ticket();
        rapport.tickets().addProgress(Actor.system(), byMail, AddProgress.note("Checked the logs", Visibility.INTERNAL,
                mailed.version()));
        rapport.tickets().addProgress(Actor.system(), byMail, AddProgress.note("Fixed", Visibility.CUSTOMER,
                mailed.version() + 1));

        Eventually.until("the customer-visible entry sent", () -> !mailbox.replies().isEmpty());
        assertThat(mailbox.replies()).extracting(Reply::body).containsExactly("Fixed");
    }

    @StorageTest
    void pushedRequestsAreAuthenticatedValidatedAndRateLimitedPerAddress(TestDatabase db) {
        var rapport = start(db);

        var accepted = rapport.inbox().receive("form", request("accept", "f1", "li.wei@customer.example", "Help!"));
        assertThatThrownBy(() -> rapport.inbox().receive("form", request("forged", "f2", "x@y.example", "Pay me")))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> rapport.inbox().receive("form", request("invalid", "f3", "x@y.example", "")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("message"));
        assertThatThrownBy(() -> rapport.inbox().receive("form", request("accept", "f4", "x@y.example", "Again")))
                .isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> rapport.inbox().receive("support-mail", request("accept", "f5", "x@y.example", "")))
                .isInstanceOf(NotFoundException.class);

        assertThat(accepted.kind()).isEqualTo(Intake.Kind.OPENED);
        assertThat(ticketCount(rapport)).isEqualTo(1);
    }

    @StorageTest
    void aRequestWithoutACustomerMessageIsIgnored(TestDatabase db) {
        var rapport = start(db);

        assertThat(rapport.inbox().receive("form", request("ignore", "f1", "x@y.example", "")).kind())
                .isEqualTo(Intake.Kind.IGNORED);
        assertThat(rapport.inbox().pushChannelOfType("webform")).isEmpty();
        assertThat(ticketCount(rapport)).isZero();
    }

    @StorageTest
    void correspondentsAreMaskedForWhoMayNotSeePersonalData(TestDatabase db) {
        var rapport = start(db);
        mailbox.deliver(mail("m1@customer.example", "li.wei@customer.example", "Printer jams", "It jams."));
        var ticketId = rapport.inbox().pollNow().getFirst().ticketId().orElseThrow();
        var reader = new Actor(UserId.of("auditor"), Optional.empty(), Set.of(Permission.TICKET_READ_ALL));

        var seen = rapport.inbox().conversation(reader, ticketId).getFirst();

        assertThat(seen.correspondent().email()).contains("l***@customer.example");
    }

    @StorageTest
    void twoNodesReadingTheSameMailboxFileEachMessageOnce(TestDatabase db) throws Exception {
        var database = db.fresh();
        var nodes = List.of(rapports.start(Fixtures.builder(database, clock).channel("support-mail", mailbox)),
                rapports.start(Fixtures.builder(database, clock).channel("support-mail", mailbox)));
        for (int i = 0; i < 20; i++) {
            mailbox.deliver(mail("m" + i + "@customer.example", "c" + i + "@customer.example", "Q" + i, "Text " + i));
        }
        var filed = new ArrayList<Intake>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            var passes = pool.invokeAll(nodes.stream().map(n -> (Callable<List<Intake>>) n.inbox()::pollNow).toList());
            for (var pass : passes) {
                filed.addAll(pass.get());
            }
        }

        assertThat(filed.stream().filter(i -> i.kind() == Intake.Kind.OPENED)).hasSize(20);
        assertThat(filed.stream().map(Intake::ticketNumber).distinct()).hasSize(20);
        assertThat(ticketCount(nodes.getFirst())).isEqualTo(20);
    }

    @StorageTest
    void aChannelIsReadByOnePassAtATimeOnANode(TestDatabase db) throws Exception {
        var source = new OverlapWatchingSource();
        var rapport = rapports.start(rapports.builder(db).channel("support-mail", source));
        source.deliver(mail("m1@customer.example", "c1@customer.example", "Q1", "Text 1"));
        List<List<Intake>> passes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var pass : pool.invokeAll(List.<Callable<List<Intake>>>of(rapport.inbox()::pollNow,
                    rapport.inbox()::pollNow))) {
                passes.add(pass.get());
            }
        }

        assertThat(source.mostReadingAtOnce()).as("passes reading the channel at once").isEqualTo(1);
        assertThat(passes.stream().flatMap(List::stream).map(Intake::kind))
                .as("the message is filed by the first pass and not read by the second").containsExactly(Intake.Kind.OPENED);
    }

    /**
     * A mailbox whose first read waits a while for a second one to start beside it, and counts how many read at once:
     * two passes that may overlap do, within that while.
     */
    private static final class OverlapWatchingSource implements PollingChannel {
        private final FakeMailbox mailbox = new FakeMailbox();
        private final AtomicInteger reading = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final CountDownLatch twoReading = new CountDownLatch(2);

        void deliver(InboundMessage message) {
            mailbox.deliver(message);
        }

        int mostReadingAtOnce() {
            return most.get();
        }

        @Override
        public List<InboundMessage> poll(int max) {
            most.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                twoReading.countDown();
                twoReading.await(1, TimeUnit.SECONDS);
                return mailbox.poll(max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            } finally {
                reading.decrementAndGet();
            }
        }

        @Override
        public void acknowledge(Collection<String> messageIds) {
            mailbox.acknowledge(messageIds);
        }

        @Override
        public void close() {
        }
    }

    /** Takes the ticket through assignment, progress, resolution and the customer's confirmation. */
    private static Ticket closed(Rapport rapport, TicketId id) {
        var agent = Fixtures.user(rapport, Role.AGENT, "customer-service");
        var tickets = rapport.tickets();
        var ticket = tickets.assign(Actor.system(), id, AssignTicket.to(agent.id(), tickets.get(Actor.system(), id)
                .ticket().version()));
        ticket = tickets.addProgress(Actor.system(), id, AddProgress.note("Cleaning the rollers", Visibility.INTERNAL,
                ticket.version()));
        ticket = tickets.resolve(Actor.system(), id, new ResolveTicket(ticket.version(), "Cleaned the rollers",
                CommunicationMethod.EMAIL));
        ticket = tickets.confirm(Actor.system(), id, new ConfirmResolution(ticket.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.EMAIL), Optional.empty()));
        assertThat(ticket.status()).as("the ticket, after confirmation").isEqualTo(TicketStatus.CLOSED);
        return ticket;
    }

    private static int ticketCount(Rapport rapport) {
        return rapport.tickets().list(Actor.system(), TicketFilter.all(), PageRequest.first(100)).items().size();
    }
}
