package dev.rapport.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/** What the web form's page computes before it posts: the proof of work the server asks of every message. */
public final class WebFormProof {
    private WebFormProof() {
    }

    /** SHA-256 of the version, the UTC day, the message and the proof, with 12 leading zero bits. */
    public static String of(String message, LocalDate day) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            for (long nonce = 0; ; nonce++) {
                byte[] digest = sha256.digest(("rapport-webform-proof/1\n" + day + "\n" + message + "\n" + nonce)
                        .getBytes(StandardCharsets.UTF_8));
                if (digest[0] == 0 && (digest[1] & 0xF0) == 0) {
                    return Long.toString(nonce);
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
