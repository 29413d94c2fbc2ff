package dev.rapport.channel.chat;

import dev.rapport.api.spi.channel.InboundRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The webhook notifier's signature scheme, for both directions: {@value #TIMESTAMP_HEADER} holds the sending time in
 * epoch seconds, {@value #SIGNATURE_HEADER} {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared
 * secret's UTF-8 bytes, of the timestamp, a dot and the raw body. Thread-safe.
 */
final class Signatures {
    static final String TIMESTAMP_HEADER = "X-Rapport-Timestamp";
    static final String SIGNATURE_HEADER = "X-Rapport-Signature";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,18}");
    private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-fA-F]{64}");

    private final SecretKeySpec key;

    Signatures(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code timestamp} (epoch seconds). */
    String sign(long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(timestamp, body));
    }

    /**
     * Why {@code request} is not genuine and fresh, or empty when it is. The reason names what is wrong, never the
     * secret or the signature that was expected.
     */
    Optional<String> problem(InboundRequest request, Instant now, Duration tolerance) {
        Optional<String> timestamp = request.header(TIMESTAMP_HEADER).map(String::strip);
        Optional<String> signature = request.header(SIGNATURE_HEADER).map(String::strip);
        if (timestamp.isEmpty()) {
            return Optional.of("no " + TIMESTAMP_HEADER + " header");
        }
        if (signature.isEmpty()) {
            return Optional.of("no " + SIGNATURE_HEADER + " header");
        }
        if (!TIMESTAMP.matcher(timestamp.get()).matches()) {
            return Optional.of(TIMESTAMP_HEADER + " is not a whole number of seconds since the epoch");
        }
        if (!SIGNATURE.matcher(signature.get()).matches()) {
            return Optional.of(SIGNATURE_HEADER + " is not sha256= and 64 hex digits");
        }
        long sent = Long.parseLong(timestamp.get());
        long off = Math.abs(now.getEpochSecond() - sent);
        if (off > tolerance.toSeconds()) {
            return Optional.of(TIMESTAMP_HEADER + " is " + off + " s from this server's clock, more than the "
                    + tolerance.toSeconds() + " s tolerated (a replay, or a clock that is off)");
        }
        byte[] claimed = HexFormat.of().parseHex(signature.get().substring(SCHEME.length()));
        if (!MessageDigest.isEqual(claimed, hmac(sent, request.body()))) {
            return Optional.of(SIGNATURE_HEADER + " does not match the body and timestamp (another secret, or a "
                    + "body changed on the way)");
        }
        return Optional.empty();
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
