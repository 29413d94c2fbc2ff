package dev.rapport.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-encoded UTF-8 in header values (RFC 3986, RFC 8187), which must stay ASCII. */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Decodes {@code %XX} sequences as UTF-8 ({@code %E6%8A%A5%E4%BB%B7.pdf} is {@code 报价.pdf}); a {@code %} not
     * followed by two hex digits stays as it is ({@code 100%.txt}). A value that is not well-formed UTF-8 once decoded,
     * or that holds characters outside ASCII, is returned unchanged: it was not meant as percent-encoding.
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        var bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return value;
            }
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                bytes.write(hex(value.charAt(i + 1)) << 4 | hex(value.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /**
     * RFC 8187's {@code value-chars}: letters, digits and {@code !#$&+-.^_`|~} as they are, every other byte of the
     * UTF-8 form as {@code %XX}. The result is safe anywhere in a header value.
     */
    public static String encode(String value) {
        var out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The value of an ASCII hex digit, or -1. */
    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
