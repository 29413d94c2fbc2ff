package dev.rapport.core.internal.event;

import java.util.Collection;

/** Text from a plugin made fit for a log line and the dead-letter list. */
final class SafeText {
    static final int MAX = 500;

    private SafeText() {
    }

    /** {@code text} with each of {@code secrets} masked, line breaks and control characters as spaces, cut at {@value #MAX}. */
    static String of(String text, Collection<String> secrets) {
        String safe = text == null ? "" : text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                safe = safe.replace(secret, "****");
            }
        }
        safe = safe.replaceAll("\\p{Cntrl}", " ").strip();
        return safe.length() <= MAX ? safe : safe.substring(0, MAX - 1) + "…";
    }
}
