/**
 * The channel SPI (SPEC §8): plugins that bring customers' messages in and carry agents' replies out, such as an
 * e-mail inbox, a public web form or a chat platform's webhook.
 *
 * <p>A channel either reads messages from a source the SDK polls ({@link PollingChannel}) or parses requests pushed to
 * the server ({@link PushChannel}); one that can answer also implements {@link Replying}. The SDK turns each
 * {@link InboundMessage} into a new ticket or appends it to the open ticket it answers, and drops a message it has
 * seen before, so a channel may hand the same message over more than once.
 */
package dev.rapport.api.spi.channel;
