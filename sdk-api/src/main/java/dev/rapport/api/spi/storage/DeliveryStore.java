package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DeadLetter;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery state of each outbox event for each subscriber (a notifier instance, or the in-process listeners):
 * pending with its attempts and next attempt, delivered, or dead. Shared by every node on the database; the SDK
 * decides what to deliver when, this store keeps the state and settles which node gets which delivery.
 */
public interface DeliveryStore {
    /** Records that these subscribers run now: unknown names are added, known ones are marked seen at {@code now}. */
    void register(Collection<String> subscribers, Instant now);

    /** The subscribers seen at or after {@code since}: those new events are fanned out to. */
    Set<String> subscribers(Instant since);

    /**
     * Takes the turn to fan new outbox events out, held until this transaction ends. One transaction at a time holds
     * it across all nodes, so the deliveries of one subject are created in position order.
     *
     * @return false, at once, when another transaction holds the turn
     */
    boolean takeFanOutTurn();

    /** Adds a pending delivery due at {@code now} for each of {@code subscribers} and each of {@code events}. */
    void enqueue(Collection<OutboxEntry> events, Collection<String> subscribers, Instant now);

    /**
     * Leases up to {@code limit} pending deliveries of {@code subscriber}, oldest first, that are due by {@code now},
     * not under another unexpired lease, and first in line for their subject (no earlier delivery of the same subject
     * for this subscriber is pending). Rows another transaction holds are skipped, not waited for.
     */
    List<PendingDelivery> claim(String subscriber, Lease lease, Instant now, int limit);

    /**
     * Marks a leased delivery delivered.
     *
     * @param attempts the attempts made, this one included
     * @return false when the lease was lost (it expired and another claim took the delivery)
     */
    boolean markDelivered(long id, String leaseToken, int attempts, Instant at, Optional<String> receipt);

    /** Leaves a leased delivery pending until {@code nextAttemptAt}; false when the lease was lost. */
    boolean scheduleRetry(long id, String leaseToken, int attempts, Instant nextAttemptAt, String error);

    /** Marks a leased delivery dead; false when the lease was lost. */
    boolean markDead(long id, String leaseToken, int attempts, Instant at, String error);

    /** Gives leased deliveries up unattempted, for the next claim. */
    void release(Collection<Long> ids, String leaseToken);

    /**
     * Dead deliveries by id, after {@code afterId}.
     *
     * @param subscriber only this subscriber's, or every subscriber's when empty
     */
    List<DeadLetter> dead(Optional<String> subscriber, Optional<Long> afterId, int limit);

    /** Makes a dead delivery pending again, due at {@code now}, with no attempts; false when it is not dead. */
    boolean revive(long id, Instant now);

    /** Makes every dead delivery of {@code subscriber} pending again; returns how many. */
    int reviveAll(String subscriber, Instant now);
}
