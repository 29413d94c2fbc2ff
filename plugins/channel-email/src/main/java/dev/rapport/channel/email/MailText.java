package dev.rapport.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text a customer wrote, from a message's MIME structure: the text/plain alternative where there is one, else the
 * readable text of the HTML; the inline text parts of a mixed message one after the other; attachments left out.
 */
final class MailText {
    private static final Pattern LINE_ENDS = Pattern.compile("\r\n?");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MailText() {
    }

    /** The message's text, lines ending in {@code \n}, without surrounding blank space; empty when it has none. */
    static String of(Part message) throws MessagingException, IOException {
        return LINE_ENDS.matcher(text(message)).replaceAll("\n").strip();
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return decode(part);
        }
        if (part.isMimeType("text/html")) {
            return HtmlText.of(decode(part));
        }
        if (!part.isMimeType("multipart/*") || !(part.getContent() instanceof Multipart parts)) {
            return "";
        }
        if (part.isMimeType("multipart/alternative")) {
            return alternative(parts);
        }
        if (part.isMimeType("multipart/related")) {
            return parts.getCount() == 0 ? "" : text(parts.getBodyPart(0));
        }
        var texts = new ArrayList<String>();
        for (int i = 0; i < parts.getCount(); i++) {
            Part child = parts.getBodyPart(i);
            if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                String text = text(child).strip();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        return String.join("\n\n", texts);
    }

    /** The text/plain alternative; failing that, the richest one that has text (alternatives come plainest first). */
    private static String alternative(Multipart parts) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return decode(parts.getBodyPart(i));
            }
        }
        for (int i = parts.getCount() - 1; i >= 0; i--) {
            String text = text(parts.getBodyPart(i));
            if (!text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    /** A text part's characters in its declared charset, leniently: undecodable bytes become U+FFFD. */
    private static String decode(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = content(part)) {
            bytes = in.readAllBytes();
        }
        try {
            return charset(part).newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }

    private static InputStream content(Part part) throws MessagingException, IOException {
        try {
            return part.getInputStream();
        } catch (MessagingException unknownTransferEncoding) {
            return switch (part) {
                case MimeBodyPart body -> body.getRawInputStream();
                case MimeMessage message -> message.getRawInputStream();
                default -> throw unknownTransferEncoding;
            };
        }
    }

    /**
     * The part's charset, read as mail clients read it: GB2312 and GBK as their superset GB18030, ISO-8859-1 as
     * windows-1252, and US-ASCII, a missing or an unknown charset as UTF-8 (which ASCII text is too).
     */
    private static Charset charset(Part part) throws MessagingException {
        String name;
        try {
            name = new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException e) {
            return StandardCharsets.UTF_8;
        }
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String javaName = MimeUtility.javaCharset(name.strip());
        try {
            Charset charset = Charset.forName(javaName);
            String canonical = charset.name().toUpperCase(Locale.ROOT);
            return switch (canonical) {
                case "GB2312", "GBK", "X-EUC-CN" -> GB18030;
                case "ISO-8859-1" -> WINDOWS_1252;
                case "US-ASCII" -> StandardCharsets.UTF_8;
                default -> charset;
            };
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
