package dev.rapport.core.internal.followup;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.spi.storage.FollowUpQuery;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/** Opaque cursors of follow-up lists: the due time and id of the last follow-up shown, base64url-encoded. */
final class FollowUpCursor {
    private FollowUpCursor() {
    }

    static String of(FollowUp last) {
        var text = last.dueAt().getEpochSecond() + "." + last.dueAt().getNano() + "|" + last.id().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException naming {@code cursor} when it is not one this list returned */
    static FollowUpQuery.After parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            String[] time = parts[0].split("\\.");
            if (parts.length == 2 && time.length == 2 && !parts[1].isBlank()) {
                return new FollowUpQuery.After(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                        FollowUpId.of(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeException ignored) {
            // reported below
        }
        throw new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"));
    }
}
