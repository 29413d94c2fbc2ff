package dev.rapport.server.http;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * The unread rest of a request body the server refused (413). A server that answers and closes while the client is
 * still sending makes the client's TCP stack drop the answer on the reset, so the client sees a broken connection
 * instead of the 413. A modest rest is therefore read and discarded first, as Tomcat's {@code maxSwallowSize} does;
 * a larger one is not worth the bandwidth and the connection is closed instead.
 */
public final class RefusedBody {
    /** The most that is read and thrown away for a refused request. */
    public static final long SWALLOW_LIMIT = 2L * 1024 * 1024;

    private RefusedBody() {
    }

    /** Discards a body not opened yet, when its declared length (if any) is within {@link #SWALLOW_LIMIT}. */
    public static void swallow(ServerRequest request) {
        OptionalLong declared = request.headers().contentLength();
        if (request.content().hasEntity() && (declared.isEmpty() || declared.getAsLong() <= SWALLOW_LIMIT)) {
            try (InputStream in = request.content().inputStream()) {
                swallow(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads and discards what is left of {@code in}, up to {@link #SWALLOW_LIMIT} bytes. */
    public static void swallow(InputStream in) {
        try {
            byte[] sink = new byte[8192];
            long left = SWALLOW_LIMIT;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The client broke off: the connection is closed anyway; the 413 stands.
        }
    }

    /**
     * Registers a filter that, once a route has answered, reads and discards what the route left of the request body
     * (a {@code GET /metrics} sent with one, say), up to {@link #SWALLOW_LIMIT}: a connection closed with a body still
     * arriving is reset, and the reset makes the client's TCP stack drop the answer it already has. Register it
     * first, so that it runs after every other filter.
     */
    public static void registerDrain(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            chain.proceed();
            if (leftUnread(req)) {
                try {
                    swallow(req);
                } catch (IllegalStateException | UncheckedIOException e) {
                    // The route had opened the body itself: what is left of it is the connection's to handle.
                }
            }
        });
    }

    /** Whether the connection must close after the answer: the body was not read to its end. */
    static boolean leftUnread(ServerRequest request) {
        return request.content().hasEntity() && !request.content().consumed();
    }
}
