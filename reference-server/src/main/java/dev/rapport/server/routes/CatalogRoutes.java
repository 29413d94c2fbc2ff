package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.customer.Customers;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.ticket.LifecycleStage;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.api.ticket.TicketTypes;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;

/** {@code /api/v1/catalog}: the ticket-type catalog, and the industries a customer may be in. */
public final class CatalogRoutes implements HttpService {
    private final TicketTypes ticketTypes;
    private final Customers customers;
    private final Exchange http;

    public CatalogRoutes(TicketTypes ticketTypes, Customers customers, Exchange http) {
        this.ticketTypes = ticketTypes;
        this.customers = customers;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ticket-types", (req, res) -> http.page(res, Page.last(ticketTypes.list(http.actor(req)))))
                .put("/ticket-types", this::replace)
                .get("/industries", (req, res) -> http.page(res, Page.last(customers.industries(http.actor(req)))));
    }

    /** {@code PUT /ticket-types} {@code {items:[{code, name, defaultDepartment, stage}]}}: the whole catalog. */
    private void replace(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var items = body.objects("items");
        if (items == null) {
            body.required("items", null);
        }
        var types = new ArrayList<TicketType>();
        for (int i = 0; items != null && i < items.size(); i++) {
            var item = items.get(i);
            var code = item.required("code", item.text("code"));
            var name = item.required("name", item.text("name"));
            var department = item.required("defaultDepartment", item.text("defaultDepartment"));
            var stage = item.required("stage", item.enumValue("stage", LifecycleStage.class));
            if (code != null && name != null && department != null && stage != null) {
                types.add(new TicketType(code, name, DepartmentId.of(department), stage));
            }
        }
        body.requireValid();
        http.page(res, Page.last(ticketTypes.replace(actor, types)));
    }
}
