package dev.rapport.api.figures;

import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.ticket.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's view of one SDK instance, as {@code Rapport.figures()} returns it: for a host to publish as metrics
 * (the reference server's {@code /metrics}). Nothing in it names a person, a customer or a ticket.
 *
 * @param counts what this instance has done since it started (per node: a cluster's figure is the sum over nodes)
 * @param gauges the state of the database shared by every node, read at most every few seconds; empty when the
 *               storage could not be read
 * @param pool   the storage's connection pool now; empty for a storage without a pool to report on
 */
public record Figures(Counts counts, Optional<Gauges> gauges, Optional<PoolFigures> pool) {
    /** What a delivery attempt came to: delivered, to be tried again later, or given up as a dead letter. */
    public enum Outcome { DELIVERED, RETRIED, DEAD_LETTERED }

    /** Why a login was refused: a wrong employee id or password, or too many failures (the login throttle). */
    public enum Refusal { BAD_CREDENTIALS, THROTTLED }

    /**
     * Counts since this instance started; they only grow.
     *
     * @param ticketsOpened         tickets created (by staff, or by a channel message), by priority
     * @param ticketsClosed         tickets closed, by priority
     * @param slaWarnings           SLA warnings raised (a target reached 80 % of its time)
     * @param slaBreaches           SLA breaches raised (a target's deadline passed)
     * @param channelMessagesFiled  customers' messages filed from the channels (e-mail, web form, chat), whether they
     *                              opened a ticket or joined one
     * @param loginsRefused         logins refused, by reason
     * @param deliveries            delivery attempts to notifiers, listeners, replying channels and survey providers
     *                              whose outcome was recorded, by outcome
     * @param careUnplanned         customers the daily care planning left without a contact because no active user
     *                              could own it, by kind ({@code MAINTENANCE}, {@code RENEWAL}), added once per pass;
     *                              the causes are listed by {@code FollowUps.unplanned}
     */
    public record Counts(Map<Priority, Long> ticketsOpened, Map<Priority, Long> ticketsClosed, long slaWarnings,
                         long slaBreaches, long channelMessagesFiled, Map<Refusal, Long> loginsRefused,
                         Map<Outcome, Long> deliveries, Map<FollowUpKind, Long> careUnplanned) {
        public Counts {
            careUnplanned = Map.copyOf(careUnplanned);
            ticketsOpened = Map.copyOf(ticketsOpened);
            ticketsClosed = Map.copyOf(ticketsClosed);
            loginsRefused = Map.copyOf(loginsRefused);
            deliveries = Map.copyOf(deliveries);
        }
    }

    /**
     * The shared database's state as of {@code readAt}.
     *
     * @param ticketsAtRisk    tickets the SLA monitor lists as at risk (past a warning, before the deadline)
     * @param ticketsOverdue   tickets the SLA monitor lists as overdue (past a running deadline)
     * @param backlog          events still to deliver: not yet fanned out, plus pending deliveries (one per event and
     *                         subscriber)
     * @param oldestPendingAge how long ago the oldest event still pending occurred; empty when nothing is pending
     * @param deadLetters      deliveries given up, waiting for an administrator
     * @param readAt           when these were read, by the SDK's clock
     */
    public record Gauges(long ticketsAtRisk, long ticketsOverdue, long backlog, Optional<Duration> oldestPendingAge,
                         long deadLetters, Instant readAt) {
    }
}
