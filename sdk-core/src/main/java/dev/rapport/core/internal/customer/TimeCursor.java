package dev.rapport.core.internal.customer;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.spi.storage.Before;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** Opaque cursors of newest-first lists: the (time, id) of the last item shown, base64url-encoded. */
final class TimeCursor {
    private TimeCursor() {
    }

    static String encode(Instant at, String... parts) {
        var text = new StringBuilder(at.getEpochSecond() + "." + at.getNano());
        for (String part : parts) {
            text.append('|').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts after the time, {@code count} of them. @throws ValidationException naming {@code cursor} */
    static Decoded decode(String cursor, int count) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == count + 1) {
                String[] time = parts[0].split("\\.");
                var at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
                return new Decoded(at, Arrays.copyOfRange(parts, 1, parts.length));
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeException ignored) {
            // reported below
        }
        throw new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"));
    }

    /** A decoded cursor: its time and the parts after it. */
    record Decoded(Instant at, String[] parts) {
        Before before() {
            return new Before(at, parts[parts.length - 1]);
        }
    }
}
