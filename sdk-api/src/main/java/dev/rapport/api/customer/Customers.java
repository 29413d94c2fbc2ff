package dev.rapport.api.customer;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.audit.AuditEntry;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.DuplicateException;
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
     * Creates a customer with a generated code unless it looks like an existing one; needs {@code customer.write}.
     * The same as {@link #create(Actor, CustomerProfile, boolean) create(actor, profile, false)}.
     *
     * @throws ValidationException naming every invalid field; nothing is stored
     * @throws DuplicateException  when the customer looks like an existing one; nothing is stored
     */
    default Customer create(Actor actor, CustomerProfile profile) {
        return create(actor, profile, false);
    }

    /**
     * Creates a customer with a generated code; needs {@code customer.write}. A customer looks like an existing one
     * when a contact's phone or e-mail is the same as an existing contact's (phones compared in their normalised
     * form, so {@code 13812345678} and {@code +86 138 1234 5678} are the same; e-mails ignoring case), or when its
     * name is very close to an existing customer's name.
     *
     * @param allowDuplicate true to create the customer even when it looks like an existing one, for example after
     *                       a person checked the candidates and found them different
     * @throws ValidationException naming every invalid field; nothing is stored
     * @throws DuplicateException  when the customer looks like an existing one and {@code allowDuplicate} is false;
     *                             it names at most ten candidates, best first; nothing is stored
     */
    Customer create(Actor actor, CustomerProfile profile, boolean allowDuplicate);

    /**
     * Every problem {@link #create} would report for {@code profile}, without storing anything; for forms that
     * check before they submit. Needs {@code customer.write}.
     */
    List<FieldError> validate(Actor actor, CustomerProfile profile);

    /** The industries a customer may be in (configured by the host), sorted; needs {@code customer.read}. */
    List<String> industries(Actor actor);

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
     * Customers that match {@code query}, most relevant first; needs {@code customer.read}.
     *
     * <p>The query matches a customer's code (exactly, or a part of it), and, tolerating typos, its name and its
     * contacts' names: a part of a word ({@code wind} finds "Northwind"), a letter wrong, missing or added in a
     * word of about seven letters or more ({@code Nortwind}) or in a query of several words, and any part of a
     * Chinese, Japanese or Korean name, down to one character ({@code 星河} finds "上海星河贸易有限公司"; such
     * text matches as written, without typos). Case, accents and punctuation do not matter. Contact phones and
     * e-mails match as written parts ({@code 1234 5678}, {@code orders@acme}) only for actors with
     * {@code customer.pii.read}: for others, matching on them would reveal the hidden digits one search at a time.
     *
     * <p>Order: the customer whose code is the query first; then those whose name or code contains the query as
     * written; then those where a contact's name (or phone or e-mail) does; then those that match with typos, the
     * closest first. Within each, shorter names first, then by code. A blank query lists every customer by code.
     * Pages continue with {@link Page#nextCursor()}; a cursor is valid for the same query only.
     *
     * @throws ValidationException naming {@code q} when the query is longer than 100 characters, or {@code cursor}
     *                             when the cursor is not one of this query's
     */
    Page<Customer> search(Actor actor, String query, PageRequest page);

    /** The audit trail of a customer, oldest first. Needs {@code customer.read}. */
    List<AuditEntry> history(Actor actor, CustomerId id);

    /**
     * Merges {@code duplicate} into {@code survivor}: every ticket, interaction and purchase of the duplicate, and its
     * contacts, move to the survivor, in one transaction, audited on both and announced as {@code CustomersMerged}.
     * The duplicate stays as a record with {@link Customer#mergedInto()} set; search no longer finds it and it takes
     * no new tickets, interactions or purchases. Merging again is harmless: it changes nothing. Needs
     * {@code customer.write}.
     *
     * @return the survivor after the merge
     * @throws ValidationException naming {@code duplicateId} when it is the survivor itself
     * @throws NotFoundException   for an unknown customer
     * @throws ConflictException   when either was merged into yet another customer, or their purchases are in
     *                             different currencies
     */
    Customer merge(Actor actor, CustomerId survivor, CustomerId duplicate);

    /**
     * The customers that share a phone number or an e-mail address with {@code id}, best first: who a customer that a
     * channel without authenticated senders created may really be. Only a suggestion for an agent, who merges or not;
     * needs {@code customer.read}.
     *
     * @throws NotFoundException for an unknown customer
     */
    List<DuplicateCandidate> possibleMatches(Actor actor, CustomerId id);
}
