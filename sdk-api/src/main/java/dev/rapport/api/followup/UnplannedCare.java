package dev.rapport.api.followup;

import dev.rapport.api.customer.CustomerId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Why the last complete care planning left customers without a maintenance or renewal contact, one per kind and
 * cause, for an administrator to act on (give the customers an active account manager, or the account-management
 * department an active supervisor). Names no customer beyond one example id.
 *
 * @param kind             {@link FollowUpKind#MAINTENANCE} or {@link FollowUpKind#RENEWAL}
 * @param cause            why they were not planned
 * @param customers        how many customers the pass left unplanned for this cause, at least 1
 * @param exampleCustomer  one of them, to start from
 * @param plannedOn        the day of the pass, in the follow-up calendar's zone
 * @param recordedAt       when the pass ended
 */
public record UnplannedCare(FollowUpKind kind, Cause cause, long customers, CustomerId exampleCustomer,
                            LocalDate plannedOn, Instant recordedAt) {
    /** Why a customer's care contact was not planned. */
    public enum Cause {
        /** The customer has no active account manager, and no active supervisor could take the contact instead. */
        NO_ACTIVE_OWNER
    }

    public UnplannedCare {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(exampleCustomer, "exampleCustomer");
        Objects.requireNonNull(plannedOn, "plannedOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1: " + customers);
        }
    }
}
