package dev.rapport.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.MDC;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is sane, else a new one. The id is echoed in
 * the response's {@code X-Request-Id}, put in the SLF4J MDC under {@value #MDC_KEY} while the request is handled (so
 * every log line written on the request's thread carries it, the SDK's included), and quoted by problem+json bodies.
 */
public final class RequestIds {
    /** The header that carries the id both ways. */
    public static final HeaderName HEADER = HeaderNames.create("X-Request-Id");
    /** The MDC key the log lines read the id from. */
    public static final String MDC_KEY = "requestId";
    /** The longest id taken from a client; longer ones are replaced, not cut, so that no one is mistaken for another. */
    public static final int MAX_LENGTH = 128;
    /**
     * What a client's id may consist of: printable ASCII without spaces, quotes, backslashes or separators a log
     * reader or a JSON line could trip over. UUIDs, ULIDs and the ids of the usual proxies fit.
     */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@+/=-]{1," + MAX_LENGTH + "}");
    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {
    }

    /** Registers the filter; register it before every other filter, so that their refusals carry the id too. */
    public static void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            String id = accepted(req.headers().first(HEADER)).orElseGet(RequestIds::generate);
            res.header(HEADER, id);
            // Requests of one keep-alive connection share a thread: the id is removed when this one is done.
            MDC.put(MDC_KEY, id);
            try {
                chain.proceed();
            } finally {
                MDC.remove(MDC_KEY);
            }
        });
    }

    /** The client's id when it is sane: at most {@value #MAX_LENGTH} safe ASCII characters. */
    static Optional<String> accepted(Optional<String> given) {
        return given.filter(id -> SANE.matcher(id).matches());
    }

    /** A new id: 128 random bits in hex. Not a secret, so the cheap random suffices. */
    static String generate() {
        var random = ThreadLocalRandom.current();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** The id of the request {@code res} answers, as the filter set it; absent outside routing. */
    public static Optional<String> of(ServerResponse res) {
        return res.headers().first(HEADER);
    }

    /**
     * Runs {@code action} with the id of {@code res} in the MDC: error handlers run outside the filter, after it
     * removed the id, and their log lines must carry it too.
     */
    public static void logging(ServerResponse res, Runnable action) {
        var id = of(res);
        if (id.isEmpty() || id.get().equals(MDC.get(MDC_KEY))) {
            action.run();
            return;
        }
        MDC.put(MDC_KEY, id.get());
        try {
            action.run();
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
