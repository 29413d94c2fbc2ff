package dev.rapport.core.internal.ticket;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an uploaded file's name and type become: a display name that is never a path, and a bare media type. Nothing
 * here ever touches the file system; the blob store chooses where bytes go.
 */
final class AttachmentRules {
    /** The longest display name, in characters (code points). */
    static final int MAX_FILENAME = 255;
    private static final int MAX_EXTENSION = 16;
    /** Control and format characters (bidi overrides among them), line and paragraph separators, lone surrogates. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]");
    private static final Pattern DOTS_ONLY = Pattern.compile("\\.*");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);

    private AttachmentRules() {
    }

    /**
     * The name to show for an uploaded file: what follows its last {@code /} or {@code \}, without invisible
     * characters, stripped, and shortened to {@value #MAX_FILENAME} characters keeping a short extension.
     * {@code ../../etc/passwd} becomes {@code passwd}.
     *
     * @return empty when nothing is left, or only dots
     */
    static Optional<String> displayName(String uploaded) {
        if (uploaded == null) {
            return Optional.empty();
        }
        String name = INVISIBLE.matcher(Normalizer.normalize(uploaded, Normalizer.Form.NFC)).replaceAll("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (DOTS_ONLY.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(shortened(name));
    }

    /**
     * The media type of a {@code Content-Type} value without its parameters, lower case: {@code Text/Plain;
     * charset=UTF-8} is {@code text/plain}.
     *
     * @return empty when there is none or it is malformed
     */
    static Optional<String> mediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return MEDIA_TYPE.matcher(type).matches() ? Optional.of(type.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_FILENAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_FILENAME - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
