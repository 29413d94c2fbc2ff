package dev.rapport.core.internal.ticket;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How large an attachment may be and which media types are allowed.
 *
 * @param maxBytes            the most bytes one attachment may have; at least 1
 * @param allowedContentTypes media types without parameters ({@code application/pdf}), compared case-insensitively
 */
public record AttachmentLimits(long maxBytes, Set<String> allowedContentTypes) {
    /** 25 MiB. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

    /**
     * Office documents, PDF, plain text and CSV, common images, e-mails and ZIP archives. Not HTML, SVG or anything
     * else a browser would run, and not {@code application/octet-stream}, which says nothing about the content.
     */
    public static final Set<String> DEFAULT_CONTENT_TYPES = Set.of(
            "application/pdf",
            "text/plain", "text/csv",
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff", "image/heic",
            "application/zip", "application/x-zip-compressed",
            "message/rfc822", "application/vnd.ms-outlook",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/rtf");

    /** @throws IllegalArgumentException when {@code maxBytes} is below 1, no type is allowed, or a type is malformed */
    public AttachmentLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
        }
        if (allowedContentTypes.isEmpty()) {
            throw new IllegalArgumentException("at least one content type must be allowed");
        }
        allowedContentTypes = allowedContentTypes.stream().map(type -> AttachmentRules.mediaType(type)
                        .orElseThrow(() -> new IllegalArgumentException("not a media type such as text/plain: " + type)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 25 MiB of one of {@link #DEFAULT_CONTENT_TYPES}. */
    public static AttachmentLimits defaults() {
        return new AttachmentLimits(DEFAULT_MAX_BYTES, DEFAULT_CONTENT_TYPES);
    }

    /** Whether {@code mediaType} (without parameters) is allowed. */
    public boolean allows(String mediaType) {
        return allowedContentTypes.contains(mediaType.toLowerCase(Locale.ROOT));
    }
}
