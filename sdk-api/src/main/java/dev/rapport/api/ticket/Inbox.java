package dev.rapport.api.ticket;

import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;

import java.util.List;
import java.util.Optional;

/**
 * Customers' messages from the configured channels (SPEC §8). A message opens a ticket, or joins the open ticket it
 * answers (by a message id it references, a ticket number in its subject, or its channel conversation); a message seen
 * before changes nothing. A message from an unknown sender opens a ticket for a new customer flagged for completion.
 * A customer's answer to a ticket waiting for the customer puts it back in progress.
 */
public interface Inbox {
    /**
     * Files a request pushed to the push channel named {@code channel}, e.g. by a public endpoint. Needs no actor: the
     * channel authenticates the request. Requests are rate-limited per client address and channel.
     *
     * @throws dev.rapport.api.error.NotFoundException      when no push channel has that name
     * @throws dev.rapport.api.error.UnauthorizedException  when the channel could not authenticate the request
     * @throws dev.rapport.api.error.ValidationException    naming every bad field of the request
     * @throws dev.rapport.api.error.RateLimitedException   when the address sent too many requests lately
     */
    Intake receive(String channel, InboundRequest request);

    /**
     * Reads every polling channel now rather than at its next interval, and files what it finds: for tests, demos and
     * hosts that poll on their own schedule.
     *
     * @return what became of each message read, in the order read
     */
    List<Intake> pollNow();

    /** The name of the first push channel (by name) created by the plugin with this id, e.g. {@code webform}. */
    Optional<String> pushChannelOfType(String pluginId);

    /**
     * The ticket's conversation on channels, oldest first; correspondents' contact details are masked for actors
     * without {@code customer.pii.read}.
     *
     * @throws dev.rapport.api.error.NotFoundException  when there is no such ticket
     * @throws dev.rapport.api.error.ForbiddenException when the actor may not read the ticket
     */
    List<TicketMessage> conversation(Actor actor, TicketId ticket);

    /**
     * The messages the channels set aside because they could not be filed, newest first, at most {@code limit}
     * (1 to 200). For {@code events.admin}.
     *
     * @throws dev.rapport.api.error.ForbiddenException without {@code events.admin}
     */
    List<SetAsideMessage> setAside(Actor actor, int limit);
}
