package dev.rapport.api.spi.storage;

import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.ticket.Attachment;

import java.util.Objects;

/**
 * An attachment's metadata with the key of its bytes in the blob store; the key never leaves the SDK.
 *
 * @param attachment what clients see
 * @param blobKey    where the bytes are
 */
public record StoredAttachment(Attachment attachment, BlobKey blobKey) {
    public StoredAttachment {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(blobKey, "blobKey");
    }
}
