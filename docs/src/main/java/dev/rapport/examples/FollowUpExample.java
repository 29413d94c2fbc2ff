package dev.rapport.examples;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.Interaction;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.followup.CompleteFollowUp;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpPlan;
import dev.rapport.api.followup.FollowUpState;
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
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What docs/embedding.md shows of follow-ups: a host changes the plan, a ticket closes, and its handler works the
 * follow-ups that closure planned. Compiled and run by FollowUpExampleTest, so the guide cannot go stale.
 */
public final class FollowUpExample {
    private FollowUpExample() {
    }

    /** What the run produced, for the guide's test to check. */
    public record Outcome(List<FollowUp> planned, FollowUp done, Interaction logged) {
    }

    public static Outcome run(Clock clock) {
        // tag::plan[]
        try (Rapport rapport = Rapport.builder()
                .clock(clock)
                .followUpPlan(FollowUpPlan.standard()                     // days 3, 7 and 30 after closure, …
                        .withStep(new FollowUpPlan.Step(FollowUpKind.SATISFACTION_CHECK, Period.ofDays(2),
                                FollowUpPlan.Owner.TICKET_HANDLER))       // … but the first call on day 2
                        .withMaintenance(MaintenanceLevel.LOW, Optional.of(Period.ofYears(1))))
                .config("rapport.follow-ups.day-start", "08:30")          // due at 08:30 on their day
                .build()) {
            // end::plan[]
            User agent = rapport.users().create(Actor.system(), new NewUser("wang.fang", "Wang Fang",
                    DepartmentId.of("after-sales"), Set.of(Role.AGENT), Tier.FRONT_LINE, "a long enough secret"));
            Actor asAgent = Actor.of(agent);
            Customer customer = rapport.customers().create(asAgent, CustomerProfile.builder()
                    .kind(CustomerKind.ORGANIZATION).name("Northwind Retail Ltd").industry("Retail")
                    .contact(ContactDraft.of("Anna Schmidt", "+4930123456789", "anna@northwind.example"))
                    .build());
            close(rapport, asAgent, agent, customer);

            // tag::work[]
            List<FollowUp> mine = rapport.followUps().list(asAgent,          // soonest due first
                    FollowUpFilter.all().withStates(Set.of(FollowUpState.PENDING, FollowUpState.OVERDUE)),
                    PageRequest.first()).items();
            FollowUp call = mine.getFirst();                                 // the satisfaction check, day 2
            FollowUp done = rapport.followUps().complete(asAgent, call.id(), new CompleteFollowUp(
                    "Orders sync fine since the fix; Anna is satisfied.",    // the outcome, required
                    Optional.of("Asked for a refresher on returns."),        // a note, optional
                    Optional.of(InteractionMethod.PHONE),                    // else the kind's usual way
                    OptionalLong.of(call.version())));                       // stale → ConflictException
            // The same transaction logged the call on the customer: done.interactionId() names it.
            // end::work[]
            Interaction logged = rapport.interactions().list(asAgent, customer.id(), PageRequest.first())
                    .items().getFirst();
            return new Outcome(mine, done, logged);
        }
    }

    /** The agent takes a complaint of the customer and works it to a SATISFIED closure. */
    private static void close(Rapport rapport, Actor asAgent, User agent, Customer customer) {
        Ticket ticket = rapport.tickets().open(asAgent, OpenTicket.builder()
                .customer(customer.id()).type("COMPLAINT").urgent(true).important(true)
                .description("Orders stopped reaching the warehouse at 09:00.").build());
        ticket = rapport.tickets().assign(asAgent, ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        ticket = rapport.tickets().addProgress(asAgent, ticket.id(),
                AddProgress.note("Found the stuck job; restarting it.", Visibility.CUSTOMER, ticket.version()));
        ticket = rapport.tickets().resolve(asAgent, ticket.id(), new ResolveTicket(ticket.version(),
                "Restarted the sync job and replayed the missed orders.", CommunicationMethod.PHONE));
        rapport.tickets().confirm(asAgent, ticket.id(), new ConfirmResolution(ticket.version(),
                Opinion.SATISFIED, Optional.of(CommunicationMethod.PHONE), Optional.empty()));
    }
}
