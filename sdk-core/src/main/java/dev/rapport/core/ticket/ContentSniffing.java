package dev.rapport.core.ticket;

import dev.rapport.api.error.UnsupportedMediaTypeException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    private ContentSniffing() {
    }

    /**
     * The content, still whole, after its first bytes were checked.
     *
     * @throws UnsupportedMediaTypeException {@code attachment.type.mismatch} when they are not of {@code declared}
     */
    static InputStream checked(InputStream content, String declared) {
        var buffered = new BufferedInputStream(content, Math.max(8192, TYPES.getMinLength()));
        MediaType detected;
        try {
            detected = REGISTRY.normalize(TYPES.detect(buffered, new Metadata()).getBaseType());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the attachment's first bytes", e);
        }
        var claimed = MediaType.parse(declared);
        if (claimed == null || !fits(detected, REGISTRY.normalize(claimed.getBaseType()))) {
            throw UnsupportedMediaTypeException.mismatch(declared, detected.toString());
        }
        return buffered;
    }

    static boolean fits(MediaType detected, MediaType declared) {
        if (REGISTRY.isInstanceOf(detected, declared)) {
            return true;
        }
        return !detected.equals(MediaType.OCTET_STREAM) && REGISTRY.isSpecializationOf(declared, detected);
    }
}
