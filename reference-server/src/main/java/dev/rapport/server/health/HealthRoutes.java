package dev.rapport.server.health;

import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Liveness and readiness, for an orchestrator or a load balancer. Liveness only says the process answers HTTP.
 * Readiness checks what serving a request needs: the database answers, and the node is not shutting down. The schema
 * is migrated before the server listens at all (the SDK migrates while it is built), so a node that answers is
 * migrated. The answer names each check and its state, never a URL, a user or an error text.
 */
public final class HealthRoutes {
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final BooleanSupplier databaseAnswers;
    private final Readiness readiness;
    private final Exchange http;

    public HealthRoutes(BooleanSupplier databaseAnswers, Readiness readiness, Exchange http) {
        this.databaseAnswers = databaseAnswers;
        this.readiness = readiness;
        this.http = http;
    }

    /** {@code GET /health/live}: 200 {@code {"status":"UP"}} whenever the process answers. */
    public void live(ServerRequest req, ServerResponse res) {
        http.send(res, 200, Map.of("status", UP));
    }

    /**
     * {@code GET /health/ready}: 200 when every check is up, else 503; both with {@code status} and {@code checks}
     * ({@code database}, {@code shutdown}: DOWN once the node began shutting down).
     */
    public void ready(ServerRequest req, ServerResponse res) {
        var checks = new LinkedHashMap<String, String>();
        checks.put("database", state(databaseAnswers.getAsBoolean()));
        checks.put("shutdown", state(!readiness.shuttingDown()));
        boolean up = !checks.containsValue(DOWN);
        var body = new LinkedHashMap<String, Object>();
        body.put("status", state(up));
        body.put("checks", checks);
        http.send(res, up ? 200 : 503, body);
    }

    private static String state(boolean up) {
        return up ? UP : DOWN;
    }
}
