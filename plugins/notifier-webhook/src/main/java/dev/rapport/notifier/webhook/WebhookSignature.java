package dev.rapport.notifier.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The webhook's signature, for receivers to check that a request came from Rapport and is not a replay.
 *
 * <p>Each request carries {@value #TIMESTAMP_HEADER} (the sending time in epoch seconds) and {@value #SIGNATURE_HEADER}
 * ({@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared secret's UTF-8 bytes, of the timestamp,
 * a dot and the raw body bytes). A receiver recomputes the HMAC over the body exactly as received (before parsing
 * it), compares in constant time, and refuses timestamps further than a tolerance (e.g. five minutes) from its own
 * clock, so that a captured request cannot be replayed later; to drop duplicates within the tolerance, or
 * redeliveries, it remembers the notification ids it has processed (the body's {@code id}).
 *
 * <pre>{@code
 * boolean genuine = WebhookSignature.verify(secret, request.header("X-Rapport-Timestamp"), rawBody,
 *         request.header("X-Rapport-Signature"), clock.instant(), Duration.ofMinutes(5));
 * }</pre>
 */
public final class WebhookSignature {
    /** The header with the sending time, in seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "X-Rapport-Timestamp";
    /** The header with {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Rapport-Signature";
    private static final String SCHEME = "sha256=";

    private WebhookSignature() {
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code timestamp}.
     *
     * @param timestamp the {@value #TIMESTAMP_HEADER} value, in epoch seconds
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        return SCHEME + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /**
     * Whether a received request is genuine and fresh.
     *
     * @param secret          the shared secret
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value as received; null when absent
     * @param body            the raw body bytes as received
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value as received; null when absent
     * @param now             the receiver's time
     * @param tolerance       how far the timestamp may be from {@code now}, either way
     * @return false when a header is missing or malformed, the timestamp is outside the tolerance, or the signature
     *         does not match; never throws for what a sender controls
     */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (timestampHeader == null || signatureHeader == null || body == null
                || !signatureHeader.startsWith(SCHEME) || !timestampHeader.matches("\\d{1,18}")) {
            return false;
        }
        long timestamp = Long.parseLong(timestampHeader);
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > tolerance.toSeconds()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(signatureHeader.substring(SCHEME.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmac(secret, timestamp, body));
    }

    /** {@link #verify(String, String, byte[], String, Instant, Duration)} for a body received as UTF-8 text. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        return verify(secret, timestampHeader, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                signatureHeader, now, tolerance);
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
