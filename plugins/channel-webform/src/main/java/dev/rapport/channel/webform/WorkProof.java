package dev.rapport.channel.webform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * The proof of work a form's page computes before it posts: a {@code proof} such that the SHA-256 of
 * {@code rapport-webform-proof/1\n<day>\n<message>\n<proof>} (UTF-8; the day in UTC, {@code 2026-12-06}; the message
 * stripped of surrounding white space) starts with {@code bits} zero bits. A browser finds one in a blink; a bot that
 * posts without it is refused, and one that computes it pays for every message, which it cannot reuse on another day.
 */
final class WorkProof {
    static final String VERSION = "rapport-webform-proof/1";
    static final int MAX_CHARS = 64;

    private WorkProof() {
    }

    /** Whether {@code proof} holds for {@code message} on {@code day}. */
    static boolean holds(String proof, String message, LocalDate day, int bits) {
        byte[] digest = sha256(VERSION + "\n" + day + "\n" + message + "\n" + proof);
        for (int bit = 0; bit < bits; bit++) {
            if ((digest[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A proof for {@code message} on {@code day}: what the form's page does, in Java (for tests and Java clients). */
    static String find(String message, LocalDate day, int bits) {
        for (long nonce = 0; ; nonce++) {
            if (holds(Long.toString(nonce), message, day, bits)) {
                return Long.toString(nonce);
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
