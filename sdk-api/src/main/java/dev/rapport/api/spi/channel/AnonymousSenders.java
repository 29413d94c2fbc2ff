package dev.rapport.api.spi.channel;

/**
 * Marks a {@link PushChannel} whose messages prove nothing about who wrote them, such as a public web form that anyone
 * can post to. The SDK files each of its messages on a new ticket for a new customer flagged for completion: never on
 * an existing ticket (a ticket number in the subject is text like any other) nor under an existing customer (knowing a
 * customer's e-mail address or phone is no proof of being them); customers sharing the contact data are offered to
 * agents as possible matches ({@link dev.rapport.api.customer.Customers#possibleMatches}), never merged. Every
 * accepted message is answered alike, so a caller learns nothing of what exists. Channels that authenticate their
 * senders (a signed chat webhook, e-mail that references the messages the SDK sent) do not implement it.
 */
public interface AnonymousSenders {
}
