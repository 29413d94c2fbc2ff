package dev.rapport.channel.webform;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.ChannelFactory;

/**
 * Creates the {@code webform} channel, a {@link dev.rapport.api.spi.channel.PushChannel} for a public web form. Each
 * submission is a JSON object {@code {"name", "email", "phone", "subject", "message"}} (other fields are ignored);
 * a valid one becomes a customer's message, an invalid one names every bad field at once:
 * <ul>
 *   <li>{@code message}: required, at most {@code max-message-chars} characters;</li>
 *   <li>{@code subject}: optional, one line of at most 200 characters;</li>
 *   <li>{@code name}: optional, one line of at most 100 characters;</li>
 *   <li>{@code email} or {@code phone}: at least one; an e-mail address, and a phone number of 6 to 20 digits with
 *   spaces, {@code -}, parentheses and a leading {@code +};</li>
 *   <li>the whole body: a JSON object (else the error names {@code body}).</li>
 * </ul>
 * Texts are stripped of surrounding white space; control characters other than line breaks and tabs are refused.
 *
 * <p>The message id is {@code key:} and the request's {@code Idempotency-Key} header when it has one (up to 255
 * visible ASCII characters; a client should make it random, e.g. a UUID), else {@code form:} and a SHA-256 of the
 * submission's e-mail address, phone, subject and message, normalised, and the day (UTC) by the SDK's clock: the same
 * form sent twice the same day is one message, which the SDK files once.
 *
 * <p>Settings (all optional): {@code max-message-chars} (default {@value #DEFAULT_MAX_MESSAGE_CHARS}), the longest
 * message, in characters (Unicode code points). Rate limiting per client address is the SDK's.
 */
public final class WebFormChannelFactory implements ChannelFactory {
    /** The id configuration refers to. */
    public static final String ID = "webform";
    static final String MAX_MESSAGE_CHARS = "max-message-chars";
    static final int DEFAULT_MAX_MESSAGE_CHARS = 10_000;

    @Override
    public String id() {
        return ID;
    }

    /** @throws PluginConfigException when {@code max-message-chars} is not a positive whole number */
    @Override
    public Channel create(PluginContext context) {
        int maxMessageChars = context.config().integer(MAX_MESSAGE_CHARS, DEFAULT_MAX_MESSAGE_CHARS);
        if (maxMessageChars < 1) {
            throw new PluginConfigException(context.instanceName() + ": " + MAX_MESSAGE_CHARS + " must be at least 1");
        }
        return new WebFormChannel(maxMessageChars, context.clock());
    }
}
