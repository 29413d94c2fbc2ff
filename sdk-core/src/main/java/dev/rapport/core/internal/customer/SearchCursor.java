package dev.rapport.core.internal.customer;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.spi.storage.CustomerMatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors of customer searches: the rank of the last customer shown, and a fingerprint of the query, so that
 * a cursor cannot continue a different search. Scores are written so that they read back bit for bit: the storage
 * compares them for equality.
 */
final class SearchCursor {
    private static final String VERSION = "s1";

    private SearchCursor() {
    }

    static String encode(String query, CustomerMatch.Rank rank) {
        String text = String.join("|", VERSION, fingerprint(query), rank.tier().name(), Double.toString(rank.score()),
                Integer.toString(rank.nameLength()), rank.code());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException naming {@code cursor} when it is malformed or belongs to another query */
    static CustomerMatch.Rank decode(String cursor, String query) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 6);
            if (parts.length == 6 && parts[0].equals(VERSION) && parts[1].equals(fingerprint(query))
                    && !parts[5].isEmpty()) {
                var tier = CustomerMatch.Tier.valueOf(parts[2]);
                double score = Double.parseDouble(parts[3]);
                int nameLength = Integer.parseInt(parts[4]);
                if (score >= 0 && score <= 1 && nameLength >= 0) {
                    return new CustomerMatch.Rank(tier, score, nameLength, parts[5]);
                }
            }
        } catch (IllegalArgumentException ignored) {
            // reported below; an unknown tier and a malformed number are both IllegalArgumentExceptions
        }
        throw new ValidationException(FieldError.of("cursor", "is not a cursor of this search"));
    }

    private static String fingerprint(String query) {
        return Integer.toHexString(query.hashCode());
    }
}
