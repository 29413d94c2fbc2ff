package dev.rapport.channel.email;

import jakarta.mail.internet.MimeUtility;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Message ids as the SDK sees them: without the angle brackets of the {@code Message-ID}, {@code In-Reply-To} and
 * {@code References} headers.
 */
final class MessageIds {
    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String SYNTHETIC_PREFIX = "sha256-";
    private static final String SYNTHETIC_DOMAIN = "@rapport.invalid";
    /** RFC 5322 atext without '%', which escapes everything else. */
    private static final String ATEXT = "!#$&'*+-/=?^_`{|}~";

    private MessageIds() {
    }

    /** The id in a {@code Message-ID} header, e.g. {@code abc@example.com} for {@code <abc@example.com>}. */
    static Optional<String> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        return all(header).stream().findFirst();
    }

    /**
     * The ids in an {@code In-Reply-To} or {@code References} header, in their order. Ids without brackets, as some
     * mailers write them, count when they look like one ({@code local@domain}).
     */
    static List<String> all(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String unfolded = MimeUtility.unfold(header);
        var ids = new ArrayList<String>();
        var bracketed = BRACKETED.matcher(unfolded);
        while (bracketed.find()) {
            ids.add(bracketed.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : WHITESPACE.split(unfolded.strip())) {
                if (token.indexOf('@') > 0 && token.indexOf('<') < 0 && token.indexOf('>') < 0) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    /**
     * The ids a message answers, nearest first: its {@code In-Reply-To}, then its {@code References} from the last
     * (the parent) to the first (the thread's start); each once, and never the message's own id.
     */
    static List<String> references(String ownId, String inReplyTo, String references) {
        var nearestFirst = new LinkedHashSet<>(all(inReplyTo));
        nearestFirst.addAll(all(references).reversed());
        nearestFirst.remove(ownId);
        return List.copyOf(nearestFirst);
    }

    /** A stable id for a message without a {@code Message-ID}: the same bytes always give the same id. */
    static String synthetic(byte[] rawMessage) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawMessage);
            return SYNTHETIC_PREFIX + HexFormat.of().formatHex(digest) + SYNTHETIC_DOMAIN;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code id} is one {@link #synthetic} made. */
    static boolean isSynthetic(String id) {
        return id.startsWith(SYNTHETIC_PREFIX) && id.endsWith(SYNTHETIC_DOMAIN);
    }

    /**
     * The id a reply goes out under: its reply id, characters a {@code Message-ID} cannot hold escaped as {@code %XX},
     * at {@code domain}. The same reply id always gives the same message id, so a resent reply keeps it.
     */
    static String forReply(String replyId, String domain) {
        var local = new StringBuilder();
        byte[] bytes = replyId.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            boolean dotAllowed = c == '.' && i > 0 && i < bytes.length - 1 && bytes[i - 1] != '.';
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATEXT.indexOf(c) >= 0 || dotAllowed)) {
                local.append(c);
            } else {
                local.append('%').append(HexFormat.of().withUpperCase().toHexDigits(bytes[i]));
            }
        }
        return local + "@" + domain;
    }

    /** {@code id} in angle brackets, as headers carry it. */
    static String bracketed(String id) {
        return "<" + id + ">";
    }
}
