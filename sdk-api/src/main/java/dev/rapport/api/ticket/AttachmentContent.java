package dev.rapport.api.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment with its bytes, to be read once and closed: {@code try (var file = attachments.open(...)) {...}}.
 *
 * @param attachment what the bytes are
 * @param content    the bytes, streamed from the blob store
 */
public record AttachmentContent(Attachment attachment, InputStream content) implements AutoCloseable {
    public AttachmentContent {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(content, "content");
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        content.close();
    }
}
