package dev.rapport.bench;

import io.helidon.webserver.WebServer;

/**
 * The HTTP benchmark's ceiling: a Helidon 4 server with one route answering a constant, run in a child JVM with the
 * same flags as the reference server. Prints {@code bare route listening on <port>} once it accepts connections, and
 * runs until the process is stopped.
 */
public final class BareRoute {
    private BareRoute() {
    }

    public static void main(String[] args) {
        var server = WebServer.builder()
                .port(0)
                .routing(routing -> routing.get("/", (req, res) -> res.send("ok")))
                .build()
                .start();
        System.out.println("bare route listening on " + server.port());
    }
}
