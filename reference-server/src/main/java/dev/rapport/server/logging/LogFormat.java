package dev.rapport.server.logging;

import java.util.Locale;

/** How the server writes its log lines to standard output. */
public enum LogFormat {
    /** One readable line per record: time, level, request id (or {@code -}), logger and message. */
    PLAIN,
    /** One JSON object per line, for a log collector: the same facts, the request id under {@code mdc.requestId}. */
    JSON;

    /** {@code plain} or {@code json}, in any case. */
    public static LogFormat parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "plain" -> PLAIN;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("log-format must be plain or json, not " + text);
        };
    }
}
