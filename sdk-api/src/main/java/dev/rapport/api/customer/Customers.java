package dev.rapport.api.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.List;

/**
 * Customer profiles and contacts. Contact phones and e-mails come back masked ({@code 138****5678},
 * {@code z***@example.com}) for actors without {@code customer.pii.read}.
 */
public interface Customers {
    /**
     * Creates a customer with a generated code; needs {@code customer.write}.
     *
     * @throws ValidationException naming every invalid field; nothing is stored
     */
    Customer create(Actor actor, CustomerProfile profile);

    /**
     * Every problem {@link #create} would report for {@code profile}, without storing anything; for forms that
     * check before they submit. Needs {@code customer.write}.
     */
    List<FieldError> validate(Actor actor, CustomerProfile profile);

    /** Needs {@code customer.read}. @throws NotFoundException for an unknown id */
    Customer get(Actor actor, CustomerId id);

    /**
     * Replaces the editable fields; needs {@code customer.write}.
     *
     * @throws ValidationException naming every invalid field, or {@code code} when it differs from the stored one
     * @throws ConflictException   when {@code update.version()} is stale
     */
    Customer update(Actor actor, CustomerId id, CustomerUpdate update);

    /**
     * Customers whose code, name, contact name, phone or e-mail contains {@code query} (case-insensitive),
     * best matches first: exact code, then name prefix, then the rest. Needs {@code customer.read}.
     */
    Page<Customer> search(Actor actor, String query, PageRequest page);

    /** The audit trail of a customer, oldest first. Needs {@code customer.read}. */
    List<AuditEntry> history(Actor actor, CustomerId id);
}
