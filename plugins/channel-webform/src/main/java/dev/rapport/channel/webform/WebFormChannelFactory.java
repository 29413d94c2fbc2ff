package dev.rapport.channel.webform;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.ChannelFactory;

import java.util.List;

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
 * <p>Against bots: a submission must carry {@code proof}, a proof of work for its message ({@link WorkProof}: the
 * SHA-256 of {@code rapport-webform-proof/1\n<UTC day>\n<message>\n<proof>} starts with {@code proof-bits} zero
 * bits), and must leave {@code website}, a field the form hides from people, empty; else the error names the field.
 *
 * <p>Settings (all optional): {@code max-message-chars} (default {@value #DEFAULT_MAX_MESSAGE_CHARS}), the longest
 * message, in characters (Unicode code points); {@code proof-bits} (default {@value #DEFAULT_PROOF_BITS}, 0 to 24;
 * 0 asks for no proof). Rate limiting per client address is the SDK's.
 */
public final class WebFormChannelFactory implements ChannelFactory {
    /** The id configuration refers to. */
    public static final String ID = "webform";
    static final String MAX_MESSAGE_CHARS = "max-message-chars";
    static final int DEFAULT_MAX_MESSAGE_CHARS = 10_000;
    static final String PROOF_BITS = "proof-bits";
    static final int DEFAULT_PROOF_BITS = 12;
    static final int MAX_PROOF_BITS = 24;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.optional(MAX_MESSAGE_CHARS, ConfigKey.Type.POSITIVE_INTEGER,
                        String.valueOf(DEFAULT_MAX_MESSAGE_CHARS), "the longest message, in characters"),
                ConfigKey.optional(PROOF_BITS, ConfigKey.Type.INTEGER, String.valueOf(DEFAULT_PROOF_BITS),
                        "the proof of work asked of a submission, 0 to 24 zero bits; 0 asks for none"));
    }

    /** @throws PluginConfigException when {@code proof-bits} is not 0 to 24 */
    @Override
    public Channel create(PluginContext context) {
        int maxMessageChars = context.config().positiveInteger(MAX_MESSAGE_CHARS);
        int proofBits = context.config().integer(PROOF_BITS);
        if (proofBits < 0 || proofBits > MAX_PROOF_BITS) {
            throw new PluginConfigException(context.instanceName() + ": " + PROOF_BITS + " must be 0 to "
                    + MAX_PROOF_BITS);
        }
        return new WebFormChannel(maxMessageChars, proofBits, context.clock());
    }
}
