package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.UnsupportedMediaTypeException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;

/**
 * An attachment's first bytes against its declared type (Apache Tika's magic detection, by content only: never by
 * the file name or the declared type). They fit when the bytes are of the declared type or a kind of it (declared
 * {@code text/plain}, detected a text format), or when the declared type is a kind of what the bytes show but the
 * bytes cannot tell more (declared a {@code .docx}, the bytes a ZIP; declared {@code text/csv}, the bytes plain text).
 * Bytes that show nothing ({@code application/octet-stream}) fit no declared type.
 */
final class ContentSniffing {
    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    /** What detection looks at: enough for the signatures of every allowed type. */
    private static final int HEAD = 8 * 1024;

    private ContentSniffing() {
    }

    /**
     * The content, still whole, after its first bytes were checked.
     *
     * @throws UnsupportedMediaTypeException {@code attachment.type.mismatch} when they are not of {@code declared}
     */
    static InputStream checked(InputStream content, String declared, long maxBytes) {
        byte[] head;
        try {
            // Never more than the limit allows: a body over the limit is still read only one byte past it.
            head = content.readNBytes((int) Math.min(HEAD, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the attachment's first bytes", e);
        }
        MediaType detected;
        try {
            detected = REGISTRY.normalize(TYPES.detect(new ByteArrayInputStream(head), new Metadata()).getBaseType());
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
        var claimed = MediaType.parse(declared);
        if (claimed == null || !fits(detected, REGISTRY.normalize(claimed.getBaseType()))) {
            throw UnsupportedMediaTypeException.mismatch(declared, detected.toString());
        }
        return new SequenceInputStream(new ByteArrayInputStream(head), content);
    }

    static boolean fits(MediaType detected, MediaType declared) {
        if (REGISTRY.isInstanceOf(detected, declared)) {
            return true;
        }
        return !detected.equals(MediaType.OCTET_STREAM) && REGISTRY.isSpecializationOf(declared, detected);
    }
}
