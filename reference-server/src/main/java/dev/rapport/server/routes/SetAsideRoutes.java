package dev.rapport.server.routes;

import dev.rapport.api.ticket.Inbox;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/**
 * {@code /api/v1/admin/channels/set-aside}: customers' messages a channel could not file and moved aside, newest first
 * ({@code events.admin}), each with where to find it: {@code {items:[{channel, messageId, reason, place, at}]}}.
 */
public final class SetAsideRoutes implements HttpService {
    private final Inbox inbox;
    private final Exchange http;

    public SetAsideRoutes(Inbox inbox, Exchange http) {
        this.inbox = inbox;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        http.ok(res, Map.of("items", inbox.setAside(actor, http.page(req).limit())));
    }
}
