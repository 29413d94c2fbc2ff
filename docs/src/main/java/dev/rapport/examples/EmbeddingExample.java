package dev.rapport.examples;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.event.TicketClosed;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What docs/embedding.md walks through: a host application embeds Rapport, serves one customer request from intake to
 * closure, and listens to the events. Compiled and run by EmbeddingExampleTest, so the guide cannot go stale.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** What the run produced, for the guide's test to check. */
    public record Outcome(Ticket ticket, List<String> closedTickets) {
    }

    public static Outcome run(Clock clock) throws InterruptedException {
        List<String> closed = new CopyOnWriteArrayList<>();
        try (Rapport rapport = Rapport.builder()          // no storage settings: embedded in-memory H2
                .clock(clock)                             // every deadline is computed from this clock
                .build()) {
            rapport.subscribe(TicketClosed.class, event -> closed.add(event.ticketId().value()));
            Actor host = Actor.system();                  // the host acting for itself

            User agent = rapport.users().create(host, new NewUser("wang.fang", "Wang Fang",
                    DepartmentId.of("after-sales"), Set.of(Role.AGENT), Tier.FRONT_LINE, "a long enough secret"));
            Actor asAgent = Actor.of(agent);              // what the agent may do follows from the AGENT role

            Customer customer = rapport.customers().create(asAgent, CustomerProfile.builder()
                    .kind(CustomerKind.ORGANIZATION).name("Northwind Retail Ltd").industry("Retail")
                    .contact(ContactDraft.of("Anna Schmidt", "+4930123456789", "anna@northwind.example"))
                    .build());

            Ticket ticket = rapport.tickets().open(asAgent, OpenTicket.builder()
                    .customer(customer.id()).type("COMPLAINT")      // routed to After-Sales
                    .urgent(true).important(true)                   // P1: first response due in 30 minutes
                    .description("Orders stopped reaching the warehouse at 09:00.")
                    .build());

            ticket = rapport.tickets().assign(asAgent, ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
            ticket = rapport.tickets().addProgress(asAgent, ticket.id(),
                    AddProgress.note("Found the stuck job; restarting it.", Visibility.CUSTOMER, ticket.version()));
            ticket = rapport.tickets().resolve(asAgent, ticket.id(), new ResolveTicket(ticket.version(),
                    "Restarted the sync job and replayed the missed orders.", CommunicationMethod.PHONE));
            ticket = rapport.tickets().confirm(asAgent, ticket.id(), new ConfirmResolution(ticket.version(),
                    Opinion.SATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.empty()));
            rapport.awaitDelivery(Duration.ofSeconds(10)); // listeners hear of a change after it commits
            return new Outcome(ticket, closed);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        var outcome = run(Clock.systemUTC());
        System.out.println("Ticket " + outcome.ticket().number() + " is " + outcome.ticket().status()
                + "; listeners heard the closure of " + outcome.closedTickets());
    }
}
