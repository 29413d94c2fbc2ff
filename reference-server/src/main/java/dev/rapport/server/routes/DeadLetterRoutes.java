package dev.rapport.server.routes;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.DeadLetters;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;

/**
 * {@code /api/v1/admin/dead-letters}: events a notifier or the listeners could not take ({@code events.admin}).
 * {@code GET ?subscriber=} lists them oldest first; {@code POST /{id}/retry} sends one again (204);
 * {@code POST /retry?subscriber=} sends all of a subscriber's again ({@code {retried}}).
 */
public final class DeadLetterRoutes implements HttpService {
    private final DeadLetters deadLetters;
    private final Exchange http;

    public DeadLetterRoutes(DeadLetters deadLetters, Exchange http) {
        this.deadLetters = deadLetters;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/retry", this::retryAll)
                .post("/{id}/retry", this::retry);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        http.page(res, deadLetters.list(actor, http.query(req, "subscriber"), http.page(req)));
    }

    private void retry(ServerRequest req, ServerResponse res) {
        deadLetters.retry(http.actor(req), http.param(req, "id"));
        res.status(204).send();
    }

    private void retryAll(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var subscriber = http.query(req, "subscriber")
                .orElseThrow(() -> new ValidationException(FieldError.of("subscriber", "is required")));
        var body = new LinkedHashMap<String, Object>();
        body.put("retried", deadLetters.retryAll(actor, subscriber));
        http.ok(res, body);
    }
}
