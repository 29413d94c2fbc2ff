package dev.rapport.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port that answers every request as told (2xx, 4xx, 5xx, or not at all) and
 * records what it received. Start one per test and close it after:
 *
 * <pre>{@code
 * try (var peer = HttpPeer.start()) {
 *     peer.answer(503, "", Map.of("Retry-After", "30"));
 *     ... notifier posts to peer.uri() ...
 *     assertThat(peer.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * Its threads are named {@value #THREAD_NAME_PREFIX}…, which the contracts' thread check ignores.
 */
public final class HttpPeer implements AutoCloseable {
    /** The prefix of the peer's thread names. */
    public static final String THREAD_NAME_PREFIX = "rapport-testkit-http-peer-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, "ok", Map.of(), false);
    private volatile boolean closed;

    private HttpPeer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a peer that answers {@code 200 ok} until told otherwise. */
    public static HttpPeer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                var thread = new Thread(task, THREAD_NAME_PREFIX + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            var peer = new HttpPeer(server, executor);
            server.setExecutor(executor);
            server.createContext("/", peer::handle);
            server.start();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP peer", e);
        }
    }

    /** The peer's root, e.g. {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        return uri("/");
    }

    /** The peer's address for {@code path}, e.g. {@code uri("/hooks/rapport")}. */
    public URI uri(String path) {
        var address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort()
                + (path.startsWith("/") ? path : "/" + path));
    }

    /** From now on, answers {@code status} with an empty body. */
    public HttpPeer answer(int status) {
        return answer(status, "", Map.of());
    }

    /** From now on, answers {@code status} with {@code body} (UTF-8) and {@code headers}. */
    public HttpPeer answer(int status, String body, Map<String, String> headers) {
        answer = new Answer(status, Objects.requireNonNull(body), Map.copyOf(headers), false);
        return this;
    }

    /** From now on, reads each request and never answers it, until the peer is closed. */
    public HttpPeer hang() {
        answer = new Answer(0, "", Map.of(), true);
        return this;
    }

    /** Every request received so far, in order, including those it hangs on. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * The last request received.
     *
     * @throws IllegalStateException when none came
     */
    public Request lastRequest() {
        var all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("the peer received no request");
        }
        return all.getLast();
    }

    /** Stops listening (the port then refuses connections), lets hung requests go and ends the peer's threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    java.util.Collections.unmodifiableMap(headers), body));
            Answer now = answer;
            if (now.hang()) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            now.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] out = now.body().getBytes(StandardCharsets.UTF_8);
            boolean empty = out.length == 0 || now.status() == 204 || now.status() == 304;
            exchange.sendResponseHeaders(now.status(), empty ? -1 : out.length);
            if (!empty) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    private record Answer(int status, String body, Map<String, String> headers, boolean hang) {
    }

    /**
     * One request as the peer received it.
     *
     * @param headers by name, case-insensitive
     * @param body    the raw bytes
     */
    public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        /** The first value of header {@code name}, case-insensitive. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty()).map(List::getFirst);
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
