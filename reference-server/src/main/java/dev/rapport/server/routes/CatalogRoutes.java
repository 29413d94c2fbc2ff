package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.ticket.TicketTypes;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code /api/v1/catalog}: the ticket-type catalog. */
public final class CatalogRoutes implements HttpService {
    private final TicketTypes ticketTypes;
    private final Exchange http;

    public CatalogRoutes(TicketTypes ticketTypes, Exchange http) {
        this.ticketTypes = ticketTypes;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ticket-types", (req, res) -> http.page(res, Page.last(ticketTypes.list(http.actor(req)))));
    }
}
