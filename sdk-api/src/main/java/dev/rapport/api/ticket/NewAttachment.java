package dev.rapport.api.ticket;

import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file to attach, streamed: the SDK reads {@code content} once, to its end or to the size limit, and never holds
 * it in memory whole. The caller keeps ownership of {@code content} and closes it.
 *
 * @param filename       the name the file had, possibly with a directory part (which is dropped); required
 * @param contentType    its media type, e.g. {@code application/pdf} or {@code text/plain; charset=utf-8}
 *                       (parameters are dropped); must be one of the allowed types
 * @param declaredLength the length announced in advance, e.g. an HTTP {@code Content-Length}, when known: a length
 *                       over the limit is refused before anything is read, and one that differs from what arrives
 *                       is refused after
 * @param content        the bytes
 */
public record NewAttachment(String filename, String contentType, OptionalLong declaredLength, InputStream content) {
    /** @throws IllegalArgumentException when the declared length is negative */
    public NewAttachment {
        Objects.requireNonNull(declaredLength, "declaredLength");
        Objects.requireNonNull(content, "content");
        if (declaredLength.isPresent() && declaredLength.getAsLong() < 0) {
            throw new IllegalArgumentException("declaredLength must not be negative");
        }
    }

    /** A file whose length is not known in advance. */
    public static NewAttachment of(String filename, String contentType, InputStream content) {
        return new NewAttachment(filename, contentType, OptionalLong.empty(), content);
    }
}
