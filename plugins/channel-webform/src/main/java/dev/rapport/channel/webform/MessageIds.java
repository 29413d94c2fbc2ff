package dev.rapport.channel.webform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A submission's message id: stable, so that the SDK files a form sent twice once. From the client's
 * {@code Idempotency-Key} when it sends one, else from what the form says and the day it came.
 */
final class MessageIds {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_CHARS = 255;
    private static final String VERSION = "rapport-webform/1";

    private MessageIds() {
    }

    static boolean isFitKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_CHARS && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    static String fromKey(String key) {
        return "key:" + key;
    }

    /**
     * A SHA-256 of the normalised contact details, subject and message and the UTC day of {@code now}. The name is
     * left out: a resubmission that only corrects it is still the same message.
     */
    static String fromContent(Optional<String> email, Optional<String> phone, Optional<String> subject, String message,
                              Instant now) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        // Each part length-prefixed, so that no two different submissions feed the digest the same bytes.
        for (String part : new String[] {VERSION, LocalDate.ofInstant(now, ZoneOffset.UTC).toString(),
                email.map(e -> e.toLowerCase(Locale.ROOT)).orElse(""), phone.map(MessageIds::digits).orElse(""),
                subject.map(MessageIds::normalised).orElse(""), normalised(message)}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return "form:" + HexFormat.of().formatHex(sha256.digest());
    }

    /** {@code +86 (139) 1111-2222} and {@code +8613911112222} are one number. */
    private static String digits(String phone) {
        return (phone.startsWith("+") ? "+" : "") + phone.replaceAll("[^0-9]", "");
    }

    /** One Unicode form, and white space runs as one space: what a browser or a paste may change is not the text. */
    private static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("(?U)\\s+", " ");
    }
}
