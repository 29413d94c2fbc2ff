package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.ticket.Inbox;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.OwnPages;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/public}: what customers' browsers and chat platforms push to the channels, unauthenticated (the
 * channel authenticates what it must, and the SDK rate-limits per address): the web form of API.md (JSON from this
 * server's own pages or from clients that are not browsers only, {@link OwnPages}), and
 * {@code /channels/{name}} for any other push channel, such as a chat webhook.
 */
public final class ChannelRoutes implements HttpService {
    /** The plugin whose first instance answers the web form. */
    public static final String WEBFORM_PLUGIN = "webform";

    private final Inbox inbox;
    private final Exchange http;

    public ChannelRoutes(Inbox inbox, Exchange http) {
        this.inbox = inbox;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/webform", (req, res) -> {
                    OwnPages.require(req);
                    receive(req, res, inbox.pushChannelOfType(WEBFORM_PLUGIN)
                            .orElseThrow(() -> NotFoundException.of("channel", WEBFORM_PLUGIN)));
                })
                .post("/channels/{name}", (req, res) -> receive(req, res, http.param(req, "name")));
    }

    private void receive(ServerRequest req, ServerResponse res, String channel) {
        var headers = new LinkedHashMap<String, List<String>>();
        req.headers().forEach(header -> headers.put(header.name(), header.allValues()));
        var intake = inbox.receive(channel, new InboundRequest(req.remotePeer().host(), headers, http.rawBody(req)));
        Map<String, Object> body = new LinkedHashMap<>();
        intake.ticketNumber().ifPresent(number -> body.put("ticketNumber", number));
        body.put("outcome", intake.kind());
        http.send(res, 202, body);
    }

    /** {@code GET /api/v1/tickets/{id}/messages}: the ticket's conversation on channels, oldest first. */
    public static HttpService conversations(Inbox inbox, Exchange http) {
        return rules -> rules.get("/{id}/messages", (req, res) -> http.page(res, Page.last(
                inbox.conversation(http.actor(req), TicketId.of(http.param(req, "id"))))));
    }
}
