package dev.rapport.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The other end of the server's {@code webhook} notifier: counts each notification it answered {@code 200}, by the
 * outbox position its id carries ({@code rapport-event-<position>}). Told to, it holds deliveries unanswered, so that
 * the server can be killed while one is under way.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final String ID_PREFIX = "rapport-event-";

    /** One notification: its outbox position, the event's type and subject, and the event itself. */
    record Notification(long position, String type, String subjectId, JsonNode event) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        var thread = new Thread(task, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Notification> answered = new ConcurrentHashMap<>();
    /** Per outbox position: when it was first answered, and how often. */
    private final Map<Long, Instant> firstAnswered = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<Notification> held = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holding;
    private volatile Trigger trigger;

    /** Something to do when the first notification of a type arrives, before it is answered. */
    private record Trigger(String type, Runnable action) {
    }

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::receive);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/rapport");
    }

    /** From now on, keeps each delivery waiting without an answer. */
    void hold() {
        holding = new CountDownLatch(1);
    }

    /** Answers again; the held calls end without an answer (their server is gone by then). */
    void answer() {
        var latch = holding;
        holding = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /**
     * Runs {@code action} on the receiving thread when the first notification of {@code type} arrives, and leaves that
     * one unanswered: to kill its sender the moment it delivers, with no delay for anyone to notice.
     */
    void onFirst(String type, Runnable action) {
        trigger = new Trigger(type, action);
    }

    /** The deliveries held so far. */
    List<Notification> held() {
        return List.copyOf(held);
    }

    /** Every notification answered 200, once per outbox position. */
    Collection<Notification> answered() {
        return List.copyOf(answered.values());
    }

    /** The outbox positions answered more than once (at-least-once delivery after a crash), with when first. */
    Map<Long, Instant> answeredMoreThanOnce() {
        var repeated = new java.util.TreeMap<Long, Instant>();
        answers.forEach((position, count) -> {
            if (count.get() > 1) {
                repeated.put(position, firstAnswered.get(position));
            }
        });
        return repeated;
    }

    /** How often the notification at {@code position} was answered. */
    int timesAnswered(long position) {
        var count = answers.get(position);
        return count == null ? 0 : count.get();
    }

    boolean answered(long position) {
        return answered.containsKey(position);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = ServerApi.json(new String(exchange.getRequestBody().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            var notification = new Notification(Long.parseLong(body.get("id").asText().substring(ID_PREFIX.length())),
                    body.get("type").asText(), body.get("subjectId").asText(), body.get("event"));
            var fired = trigger;
            if (fired != null && fired.type().equals(notification.type())) {
                trigger = null;
                held.add(notification);
                fired.action().run();
                return;
            }
            var latch = holding;
            if (latch != null) {
                held.add(notification);
                latch.await();
                return;
            }
            answered.putIfAbsent(notification.position(), notification);
            firstAnswered.putIfAbsent(notification.position(), Instant.now());
            answers.computeIfAbsent(notification.position(), position -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
        threads.shutdownNow();
    }
}
