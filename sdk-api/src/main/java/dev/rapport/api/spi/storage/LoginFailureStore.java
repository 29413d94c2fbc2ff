package dev.rapport.api.spi.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins, counted per pair of employee id and client address, so that every node of a cluster sees the same
 * counts. Rows hold counts, never passwords.
 */
public interface LoginFailureStore {
    /**
     * The failures of the pair (none for a new pair), locking the pair until the transaction ends, so that concurrent
     * attempts for one pair, on any node, take their turns. Empty when another transaction is creating the pair's row
     * and the database does not wait for it (H2 refuses the duplicate at once): the attempt meets one in progress.
     */
    Optional<LoginFailures> claim(String employeeId, String address);

    /** Adds one failure to the pair, at {@code at}. */
    void recordFailure(String employeeId, String address, Instant at);

    /** Forgets the failures of the pair: after a successful login. */
    void clear(String employeeId, String address);

    /** The failures of every pair of this address whose last failure is after {@code since}. */
    AddressFailures fromAddress(String address, Instant since);

    /** Deletes the pairs whose last failure is before {@code before}; returns how many. */
    int deleteOlderThan(Instant before);

    /**
     * The failures of one pair.
     *
     * @param lastFailedAt when the last failure was; meaningless while {@code failures} is 0
     */
    record LoginFailures(int failures, Instant lastFailedAt) {
    }

    /**
     * The failures of one address.
     *
     * @param oldest the last failure of the pair that failed longest ago, among those counted; meaningless while
     *               {@code failures} is 0
     */
    record AddressFailures(long failures, Instant oldest) {
    }
}
